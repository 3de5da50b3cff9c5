"""Demo missions written once per test session, and a canonical dump to compare two files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.db.base import Base
from desktop.db.missionfile import MissionFile
from desktop.demo import build_demo

Builder = Callable[[Session], None]
IGNORED_COLUMNS = {"created_at", "updated_at"}


def write_mission(path: Path, builder: Builder) -> Path:
    """What ``mission-desk demo`` does: a new file, one transaction, committed."""
    with MissionFile.create(path) as mission, mission.transaction() as session:
        builder(session)
    return path


def canonical_dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order, without the time stamps of writing."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    with MissionFile.open(path, read_only=True) as mission, mission.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in IGNORED_COLUMNS]
            query = sa.select(*columns).order_by(*table.primary_key.columns)
            dump[table.name] = [tuple(row) for row in conn.execute(query)]
    return dump


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_mission(tmp_path_factory.mktemp("demo") / "demo.mission", build_demo)


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Session]:
    """A read-only session on the demo mission."""
    with MissionFile.open(demo_path, read_only=True) as mission, mission.session() as session:
        yield session


@pytest.fixture(name="write_mission")
def _write_mission() -> Callable[[Path, Builder], Path]:
    return write_mission


@pytest.fixture(name="canonical_dump")
def _canonical_dump() -> Callable[[Path], dict[str, list[tuple[Any, ...]]]]:
    return canonical_dump
