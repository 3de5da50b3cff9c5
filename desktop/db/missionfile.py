"""Opening, creating and closing a mission: one SQLite ``.mission`` file (or a shared server).

Opening a file checks, before writing anything, that it is a SQLite database, a mission, not
corrupt and not from a newer version; then it takes the file's lock (or opens read-only), makes
a rotating backup and upgrades an older schema. A file that fails a check is left untouched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop.db import backup as backups
from desktop.db import schema
from desktop.db.engine import is_write_conflict, make_engine, make_session_factory, sqlite_url
from desktop.db.lock import FileLock, Holder, read_holder
from desktop.errors import ConcurrentChangeError, MissionFileError, MissionLockedError, os_reason
from desktop.i18n import _

SUFFIX = ".mission"
SQLITE_HEADER = b"SQLite format 3\x00"


def describe_holder(holder: Holder) -> str:
    """``"nadia on laptop-7 since 2007-05-15 09:12"`` for messages."""
    since = holder.since_datetime()
    when = since.astimezone().strftime("%Y-%m-%d %H:%M") if since else "?"
    return _("{user} on {host} since {since}").format(user=holder.user, host=holder.host,
                                                       since=when)


class MissionFile:
    """An open mission: its engine, its session factory, and how it was opened.

    Use :meth:`open`, :meth:`create` or :meth:`connect`; close with :meth:`close` (or ``with``).
    """

    def __init__(self, engine: Engine, *, path: Path | None, read_only: bool,
                 lock: FileLock | None, backup_path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only
        self._lock = lock
        self.backup_path = backup_path
        self.session_factory: sessionmaker[Session] = make_session_factory(engine)

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, *, overwrite: bool = False) -> MissionFile:
        """Create a new, empty mission file (schema only), readable by its owner alone."""
        path = Path(path)
        if path.exists():
            if not overwrite:
                raise MissionFileError(_("{file} already exists.").format(file=path),
                                       file=str(path))
            held = read_holder(path)
            if held is not None:
                raise MissionLockedError(
                    _("{file} is open in another window ({holder}); close it there first.")
                    .format(file=path.name, holder=describe_holder(held)),
                    holder=held.__dict__, file=str(path))
            for extra in (path, path.with_name(path.name + "-wal"),
                          path.with_name(path.name + "-shm")):
                with contextlib.suppress(FileNotFoundError):
                    extra.unlink()
        if not path.parent.is_dir():
            raise MissionFileError(_("The folder {folder} does not exist.")
                                   .format(folder=path.parent), file=str(path))
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as exc:
            raise MissionFileError(_("Cannot create {file}: {reason}").format(
                file=path, reason=os_reason(exc)), file=str(path)) from exc
        os.close(fd)
        lock = FileLock(path)
        lock.acquire()
        engine = make_engine(sqlite_url(path))
        try:
            with engine.begin() as connection:
                schema.create_schema(connection)
        except Exception:
            engine.dispose()
            lock.release()
            raise
        return cls(engine, path=path, read_only=False, lock=lock)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, backup: bool = True,
             keep_backups: int = backups.DEFAULT_KEEP) -> MissionFile:
        """Open an existing mission file.

        A backup is taken first when the file changed since its newest backup (always before an
        upgrade). Raises :class:`MissionLockedError` (with the holder) when another instance has
        it open for writing and ``read_only`` is false; :class:`MissionFileError` when the file is
        not a mission, is damaged or comes from a newer version.
        """
        path = Path(path)
        revision = inspect_file(path)
        if not read_only and not os.access(path, os.W_OK):
            raise MissionFileError(
                _("{file} cannot be written (no permission); open it read-only.")
                .format(file=path.name), file=str(path))
        lock: FileLock | None = None
        if not read_only:
            lock = FileLock(path)
            holder = lock.acquire()
            if holder is not None:
                raise MissionLockedError(
                    _("{file} is already open: {holder}. You can open it read-only.")
                    .format(file=path.name, holder=describe_holder(holder)),
                    holder=holder.__dict__, file=str(path))
        backup_path: Path | None = None
        try:
            upgrading = revision != schema.HEAD_REVISION
            if not read_only and (upgrading or (
                    backup and backups.changed_since_last_backup(path))):
                backup_path = backups.make_backup(path, keep=keep_backups)
            engine = make_engine(sqlite_url(path, read_only=read_only), read_only=read_only)
            if upgrading:
                if read_only:
                    engine.dispose()
                    raise MissionFileError(
                        _("{file} was written by an older version and must be upgraded; "
                          "open it for writing once.").format(file=path.name), file=str(path))
                with engine.begin() as connection:
                    schema.upgrade(connection)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(engine, path=path, read_only=read_only, lock=lock, backup_path=backup_path)

    @classmethod
    def connect(cls, url: str, *, create: bool = False, read_only: bool = False) -> MissionFile:
        """A mission on a database server (``postgresql+psycopg://...``), shared by a team."""
        engine = make_engine(url, read_only=read_only)
        try:
            with engine.begin() as connection:
                revision = schema.current_revision(connection)
                if revision is None:
                    if not create:
                        raise MissionFileError(
                            _("The database holds no mission; create one first."))
                    schema.create_schema(connection)
                elif revision != schema.HEAD_REVISION:
                    if revision not in schema.known_revisions():
                        raise MissionFileError(_newer_message(_("The database")))
                    schema.upgrade(connection)
        except sa.exc.OperationalError as exc:
            engine.dispose()
            raise MissionFileError(_("Cannot reach the database: {reason}")
                                   .format(reason=exc.orig)) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, path=None, read_only=read_only, lock=None)

    # -- using -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: ``with mission.transaction() as s: ...`` commits or rolls back.

        On a shared server, a change that clashed with another organiser's, committed
        meanwhile, is refused whole with a :class:`ConcurrentChangeError` that says so.
        """
        try:
            with self.session_factory() as session, session.begin():
                yield session
        except sa.exc.DBAPIError as exc:
            if not is_write_conflict(exc):
                raise
            raise ConcurrentChangeError(_(
                "Another organiser changed the mission at the same moment, so this change was "
                "not saved. What is shown now includes their change; make yours again if it "
                "still applies.")) from exc

    def session(self) -> Session:
        return self.session_factory()

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Checkpoint the journal, release the file and its lock."""
        if self.engine.dialect.name == "sqlite" and not self.read_only:
            with contextlib.suppress(sa.exc.SQLAlchemyError), self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> MissionFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _newer_message(what: str) -> str:
    return _("{what} was written by a newer version of Mission Desk; update Mission Desk to "
             "open it.").format(what=what)


def inspect_file(path: Path) -> str:
    """Check, without writing a byte, that ``path`` is an intact mission file we can open.

    Returns its schema revision (an older one is fine: it will be upgraded).
    """
    name = path.name
    if not path.exists():
        raise MissionFileError(_("{file} does not exist.").format(file=path), file=str(path))
    if path.is_dir():
        raise MissionFileError(_("{file} is a folder, not a mission file.").format(file=path),
                               file=str(path))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise MissionFileError(_("Cannot read {file}: {reason}").format(
            file=name, reason=os_reason(exc)), file=str(path)) from exc
    if not header:
        raise MissionFileError(_("{file} is empty: it is not a mission file.").format(file=name),
                               file=str(path))
    if header != SQLITE_HEADER:
        raise MissionFileError(_("{file} is not a mission file.").format(file=name),
                               file=str(path))
    try:
        connection = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise MissionFileError(_("Cannot open {file}: {reason}").format(file=name, reason=exc),
                               file=str(path)) from exc
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if application_id != schema.APPLICATION_ID:
            raise MissionFileError(
                _("{file} is a database, but not a Mission Desk mission.").format(file=name),
                file=str(path))
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise MissionFileError(_damaged_message(name), file=str(path))
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            row = None
        if row is None:
            raise MissionFileError(_damaged_message(name), file=str(path))
        revision = str(row[0])
    except sqlite3.DatabaseError as exc:
        raise MissionFileError(_damaged_message(name), file=str(path)) from exc
    finally:
        connection.close()
    if revision != schema.HEAD_REVISION and revision not in schema.known_revisions():
        raise MissionFileError(_newer_message(name), file=str(path))
    return revision


def _damaged_message(name: str) -> str:
    return _("{file} is damaged and cannot be opened. Restore one of its backups.").format(
        file=name)


def restore_backup(backup: Path | str, path: Path | str) -> Path | None:
    """Replace the mission at ``path`` by ``backup``; returns the backup taken of it first.

    Refused while the mission is open elsewhere. The current content is backed up first, so a
    restore can itself be undone.
    """
    backup, path = Path(backup), Path(path)
    inspect_file(backup)
    lock = FileLock(path)
    holder = lock.acquire()
    if holder is not None:
        raise MissionLockedError(
            _("{file} is open: {holder}. Close it before restoring a backup.")
            .format(file=path.name, holder=describe_holder(holder)),
            holder=holder.__dict__, file=str(path))
    try:
        safety = backups.make_backup(path) if path.exists() else None
        for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                extra.unlink()
        backups.copy_database(backup, path)
        return safety
    finally:
        lock.release()
