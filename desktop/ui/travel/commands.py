"""Undoable travel changes that the generic add/edit/delete commands do not cover.

Proposing stays, confirming them, setting room blocks and writing proposed runs each change
many rows at once through a service. :class:`RowsCommand` photographs the rows in its scope
before and after the change, so undo and redo put back exactly those rows, with their ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.db.base import Base
from desktop.ui.context import MissionContext
from desktop.ui.snapshots import Snapshot, restore_snapshot, take_snapshot
from desktop.ui.undo import MissionCommand

# (table name, {column: value} the rows in scope have; empty: the whole table)
Scope = Sequence[tuple[str, dict[str, Any]]]
Rows = dict[str, list[dict[str, Any]]]


def _where(table: sa.Table, match: dict[str, Any]) -> sa.ColumnElement[bool]:
    return sa.and_(sa.true(), *(table.c[name] == value for name, value in match.items()))


def read_rows(session: Session, scope: Scope) -> Rows:
    """Every row in ``scope``, as plain dicts."""
    session.flush()
    rows: Rows = {}
    for name, match in scope:
        table = Base.metadata.tables[name]
        rows[name] = [dict(row) for row in
                      session.execute(sa.select(table).where(_where(table, match))).mappings()]
    return rows


def write_rows(session: Session, scope: Scope, rows: Rows) -> None:
    """Make the rows in ``scope`` exactly ``rows``: delete what is there, insert the photo."""
    session.flush()
    order = [t for t in Base.metadata.sorted_tables if any(t.name == n for n, _m in scope)]
    matches = dict(scope)
    for table in reversed(order):
        session.execute(sa.delete(table).where(_where(table, matches[table.name])))
    for table in order:
        if rows.get(table.name):
            session.execute(sa.insert(table), rows[table.name])
    session.flush()
    session.expire_all()


class RowsCommand(MissionCommand):
    """A change by a service to the rows of ``scope`` and nothing else that matters; undo and
    redo put back the photographed rows."""

    def __init__(self, context: MissionContext, text: str, kind: str, scope: Scope,
                 change: Callable[[Session], object]) -> None:
        super().__init__(context, text, kind)
        self.scope = list(scope)
        self._change = change
        self.result: object = None
        self._before: Rows | None = None
        self._after: Rows | None = None

    def apply(self, session: Session) -> None:
        if self._after is None:
            self._before = read_rows(session, self.scope)
            self.result = self._change(session)
            self._after = read_rows(session, self.scope)
        else:
            write_rows(session, self.scope, self._after)

    def revert(self, session: Session) -> None:
        assert self._before is not None
        write_rows(session, self.scope, self._before)


class AddManyCommand(MissionCommand):
    """Create several records at once (a group booking); undo deletes them all, redo puts the
    very same rows back."""

    def __init__(self, context: MissionContext, text: str, kind: str, table: str,
                 add: Callable[[Session], list[int]],
                 delete: Callable[[Session, int], None]) -> None:
        super().__init__(context, text, kind)
        self.table = table
        self._add = add
        self._delete = delete
        self.ids: list[int] = []
        self._snapshot: Snapshot | None = None

    def apply(self, session: Session) -> None:
        if self._snapshot is None:
            self.ids = self._add(session)
        else:
            restore_snapshot(session, self._snapshot)

    def revert(self, session: Session) -> None:
        self._snapshot = take_snapshot(session, self.table, self.ids)
        for record_id in self.ids:
            self._delete(session, record_id)


class CallCommand(MissionCommand):
    """A change with an exact inverse through the services (moving a passenger there and
    back, adding an airport and removing it)."""

    def __init__(self, context: MissionContext, text: str, kind: str,
                 do: Callable[[Session], object], undo: Callable[[Session], object]) -> None:
        super().__init__(context, text, kind)
        self._do = do
        self._undo = undo

    def apply(self, session: Session) -> None:
        self._do(session)

    def revert(self, session: Session) -> None:
        self._undo(session)
