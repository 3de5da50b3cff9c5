"""Fixtures for import and export: sample files, and writers for files of every shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
FRENCH_EXCEL = DATA / "registrations_fr_excel.csv"
US_EXPORT = DATA / "delegation_en.csv"


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """``write_file("x.csv", text, encoding="utf-8")`` writes text (or bytes) and returns it."""

    def write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return write
