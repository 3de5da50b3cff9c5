"""Undoing an import: the rows it added go, the rows it changed get their old values back.

An import is one transaction over a few tables (people and organisations, or flights, stays,
requests and B2B participants). The rows of those tables are read before and after it, in the
same transaction; what differs is kept as plain dicts, enough to undo and redo the import as
one step of the window's undo stack. Plain SQLAlchemy apart from the command itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.db.base import Base
from desktop.exchange.fields import Kind
from desktop.ui.context import MissionContext
from desktop.ui.undo import MissionCommand

Rows = dict[int, dict[str, Any]]

TABLES: dict[Kind, tuple[str, ...]] = {
    Kind.ORGANIZATIONS: ("organization",),
    Kind.PEOPLE: ("organization", "person"),
    Kind.FLIGHTS: ("flight_segment",),
    Kind.HOTEL_STAYS: ("hotel_stay",),
    Kind.MEETING_REQUESTS: ("b2b_participant", "meeting_request"),
}


@dataclass
class ImportChanges:
    """Per table: the rows the import added, and the changed rows before and after it."""

    added: dict[str, Rows] = field(default_factory=dict)
    before: dict[str, Rows] = field(default_factory=dict)
    after: dict[str, Rows] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(self.added.values()) and not any(self.after.values())


def read_rows(session: Session, kind: Kind) -> dict[str, Rows]:
    """Every row of the tables an import of ``kind`` writes to, by id."""
    session.flush()
    found: dict[str, Rows] = {}
    for name in TABLES[kind]:
        table = Base.metadata.tables[name]
        found[name] = {row["id"]: dict(row)
                       for row in session.execute(sa.select(table)).mappings()}
    return found


def changes_between(before: dict[str, Rows], after: dict[str, Rows]) -> ImportChanges:
    changes = ImportChanges()
    for name, rows in after.items():
        old = before.get(name, {})
        changes.added[name] = {i: row for i, row in rows.items() if i not in old}
        changed = [i for i, row in rows.items() if i in old and old[i] != row]
        changes.before[name] = {i: old[i] for i in changed}
        changes.after[name] = {i: rows[i] for i in changed}
    return changes


def _ordered(names: set[str], reverse: bool = False) -> list[sa.Table]:
    tables = [t for t in Base.metadata.sorted_tables if t.name in names]
    return list(reversed(tables)) if reverse else tables


def _set(session: Session, values: dict[str, Rows]) -> None:
    for table in _ordered(set(values)):
        for row_id, row in values[table.name].items():
            session.execute(sa.update(table).where(table.c.id == row_id).values(row))


def take_back(session: Session, changes: ImportChanges) -> None:
    """Undo: delete what the import added (children first) and put back what it changed."""
    for table in _ordered(set(changes.added), reverse=True):
        ids = list(changes.added[table.name])
        if ids:
            session.execute(sa.delete(table).where(table.c.id.in_(ids)))
    _set(session, changes.before)
    session.flush()
    session.expire_all()


def put_again(session: Session, changes: ImportChanges) -> None:
    """Redo: insert the added rows again (with their ids) and the changed values."""
    for table in _ordered(set(changes.added)):
        rows = list(changes.added[table.name].values())
        if rows:
            session.execute(sa.insert(table), rows)
    _set(session, changes.after)
    session.flush()
    session.expire_all()


class ImportCommand(MissionCommand):
    """An import already written, pushed on the undo stack as one step."""

    def __init__(self, context: MissionContext, text: str, changes: ImportChanges) -> None:
        super().__init__(context, text, "*")
        self.changes = changes

    def apply(self, session: Session) -> None:
        put_again(session, self.changes)

    def revert(self, session: Session) -> None:
        take_back(session, self.changes)
