"""The one engine and session factory for mission databases.

SQLite (the mission file) gets its pragmas on every connection: foreign keys enforced, WAL
journal, a busy timeout, and transactions begun by SQLAlchemy itself so that SAVEPOINTs work.
The same factory serves a PostgreSQL URL for a team that shares one mission.

A mission file has one writer (its lock file sees to that), but on a server several
organisers write at once. The services check a change against what is stored (a meeting
against the company's other meetings in that slot, say) and then write it; under PostgreSQL's
default isolation two such changes made at the same moment each pass their check and, together,
break the rule. Server transactions are therefore SERIALIZABLE: the database refuses the second
of two changes that could not have been made one after the other, and
:func:`is_write_conflict` recognises that refusal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path, *, read_only: bool = False) -> str:
    """The SQLAlchemy URL of a mission file (a read-only URI when asked)."""
    resolved = path.resolve()
    if read_only:
        return f"sqlite:///file:{resolved.as_posix()}?mode=ro&uri=true"
    return f"sqlite:///{resolved.as_posix()}"


def make_engine(url: str, *, read_only: bool = False, echo: bool = False) -> Engine:
    """An engine for ``url`` with the project's connection settings."""
    kwargs: dict[str, Any] = {"echo": echo}
    if url.startswith("sqlite"):
        # One connection per thread; the ui runs database work one job at a time.
        kwargs["connect_args"] = {"check_same_thread": False}
    elif url.startswith("postgresql"):
        kwargs["isolation_level"] = "SERIALIZABLE"
    engine = sa.create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, read_only=read_only)
    return engine


def _configure_sqlite(engine: Engine, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (pysqlite's own handling breaks SAVEPOINT).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if read_only:
                cursor.execute("PRAGMA query_only = ON")
            else:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        connection.exec_driver_sql("BEGIN")


# serialization_failure and deadlock_detected: the transaction did nothing and may be redone.
_CONFLICT_STATES = frozenset({"40001", "40P01"})


def is_write_conflict(error: BaseException) -> bool:
    """Whether ``error`` is the server refusing a transaction that clashed with another one
    committed meanwhile (nothing of it was stored)."""
    if not isinstance(error, sa.exc.DBAPIError):
        return False
    state = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    return state in _CONFLICT_STATES


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (the ui keeps showing them)."""
    return sessionmaker(engine, expire_on_commit=False)
