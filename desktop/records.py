"""The shared moves of every service: a validated input dataclass becomes a row, a row becomes
an input again, and a missing row is an error that says what is missing.

Each capability keeps its own ``XInput`` dataclass and ``validate_x``; these helpers do the rest
the same way everywhere.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desktop.errors import NotFoundError

R = TypeVar("R")
I = TypeVar("I")  # noqa: E741 - the input dataclass type


def values_of(data: Any) -> dict[str, Any]:
    """The fields of an input dataclass, by name."""
    return {f.name: getattr(data, f.name) for f in fields(data)}


def insert(session: Session, model: type[R], data: Any, **extra: Any) -> R:
    """A new ``model`` row from validated ``data`` (plus ``extra`` columns), flushed for its id."""
    record = model(**values_of(data), **extra)
    session.add(record)
    session.flush()
    return record


def fetch(session: Session, model: type[R], record_id: Any, missing: str) -> R:
    """The row with ``record_id``; ``missing`` is the message when it is gone."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(missing)
    return record


def assign(session: Session, record: R, data: Any) -> R:
    """Copy validated ``data`` onto ``record`` and flush."""
    for name, value in values_of(data).items():
        setattr(record, name, value)
    session.flush()
    return record


def input_of(input_type: type[I], record: Any) -> I:
    """The editable fields of ``record`` as ``input_type`` (to fill a form or duplicate it)."""
    names = [f.name for f in fields(input_type)]  # type: ignore[arg-type]
    return input_type(**{name: getattr(record, name) for name in names})
