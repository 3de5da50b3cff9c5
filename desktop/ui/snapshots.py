"""Photographs of a record and everything that goes with it, so a delete can be undone.

Deleting a person also deletes (by ``ON DELETE CASCADE``) their flights, hotel stays, B2B
participation and meetings, and clears (``SET NULL``) references to them elsewhere. A
:class:`Snapshot` taken just before the delete holds every such row as a dict, read from the
schema's own foreign keys, so it stays right as capabilities add tables. Restoring puts every
row back with its id, then the cleared references. Plain SQLAlchemy: no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.db.base import Base

Key = tuple[Any, ...]


@dataclass
class Snapshot:
    """Rows removed by a delete (per table) and references it cleared."""

    rows: dict[str, dict[Key, dict[str, Any]]] = field(default_factory=dict)
    # (table, primary key values, column, value) to put back after the rows.
    cleared: list[tuple[str, dict[str, Any], str, Any]] = field(default_factory=list)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, {}))


def _primary_key(table: sa.Table, row: dict[str, Any]) -> Key:
    return tuple(row[c.name] for c in table.primary_key.columns)


def take_snapshot(session: Session, table_name: str, ids: list[int]) -> Snapshot:
    """Everything deleting the rows ``ids`` of ``table_name`` would remove or change."""
    metadata = Base.metadata
    snapshot = Snapshot()
    root = metadata.tables[table_name]
    (id_column,) = root.primary_key.columns
    _collect(session, metadata, snapshot, root, id_column.in_(ids))
    return snapshot


def _collect(session: Session, metadata: sa.MetaData, snapshot: Snapshot, table: sa.Table,
             where: sa.ColumnElement[bool]) -> None:
    found = [dict(row) for row in session.execute(sa.select(table).where(where)).mappings()]
    bucket = snapshot.rows.setdefault(table.name, {})
    new = []
    for row in found:  # plain dicts
        key = _primary_key(table, row)
        if key not in bucket:
            bucket[key] = row
            new.append(row)
    if not new:
        return
    for child in metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is not table:
                continue
            values = [row[fk.column.name] for row in new]
            condition = fk.parent.in_(values)
            action = (fk.ondelete or "").upper()
            if action == "CASCADE":
                _collect(session, metadata, snapshot, child, condition)
            elif action == "SET NULL":
                for ref in session.execute(sa.select(child).where(condition)).mappings():
                    pk = {c.name: ref[c.name] for c in child.primary_key.columns}
                    snapshot.cleared.append((child.name, pk, fk.parent.name, ref[fk.parent.name]))


def restore_snapshot(session: Session, snapshot: Snapshot) -> None:
    """Put back every row of ``snapshot`` (with its id) and the references it cleared."""
    metadata = Base.metadata
    for table in metadata.sorted_tables:
        rows = list(snapshot.rows.get(table.name, {}).values())
        if rows:
            session.execute(sa.insert(table), rows)
    for table_name, pk, column, value in snapshot.cleared:
        table = metadata.tables[table_name]
        if _primary_key(table, pk) in snapshot.rows.get(table_name, {}):
            continue  # that row came back whole
        condition = sa.and_(*(table.c[name] == key for name, key in pk.items()))
        session.execute(sa.update(table).where(condition).values({column: value}))
    session.flush()
    session.expire_all()
