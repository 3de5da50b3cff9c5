"""Helpers for the B2B tests: tiny instances written as plain JSON-like data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.b2b.instance import Instance, parse_instance


def instance_data(slots: int = 4, tables: int = 2, people: tuple[str, ...] = ("A", "B", "C"),
                  meetings: list[Any] | None = None, **options: Any) -> dict[str, Any]:
    """A valid instance document; meetings are ("A", "B") pairs or full dicts."""
    half = (slots + 1) // 2
    doc: dict[str, Any] = {
        "format": "mission-desk.b2b-instance", "version": 1, "name": "tiny",
        "slots": [{"id": i + 1, "day": "2007-05-15", "start": "", "end": "",
                   "session": "am" if i < half else "pm"} for i in range(slots)],
        "tables": [f"T{i + 1}" for i in range(tables)],
        "participants": [{"id": p, "name": f"{p} Company", "unavailable": []} for p in people],
        "meetings": [],
        "options": {"max_break_spread": None, "time_limit_s": 10, "keep_current": False},
    }
    for i, m in enumerate(meetings or []):
        if isinstance(m, tuple):
            m = {"participants": list(m)}
        doc["meetings"].append({"id": f"m{i + 1}", "required": True, "priority": 1, **m})
    doc["options"].update(options)
    return doc


def person(doc: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in doc["participants"] if p["id"] == pid)


@pytest.fixture
def make() -> Callable[..., Instance]:
    def build(**kwargs: Any) -> Instance:
        return parse_instance(instance_data(**kwargs))

    return build


@pytest.fixture
def data() -> Callable[..., dict[str, Any]]:
    """The document builder itself, for tests that edit the JSON before parsing it."""
    return instance_data
