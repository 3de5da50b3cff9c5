"""Rotating backups of a mission file, made with SQLite's online backup API.

Backups live beside the file, in ``<name>.backups/``, named by the time they were taken; the
newest ``keep`` are kept. A backup is a complete, consistent mission file on its own.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

DEFAULT_KEEP = 10
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int


def backup_dir(path: Path) -> Path:
    return path.with_name(path.stem + ".backups")


def copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite database consistently (even while open elsewhere) into ``target``."""
    tmp = target.with_name(target.name + ".part")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            # A backup is a standalone file: no WAL beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, target)


def make_backup(path: Path, *, keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path:
    """Back ``path`` up into its backup folder and drop all but the newest ``keep``."""
    folder = backup_dir(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = (now or datetime.now()).strftime(_STAMP)
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{path.stem}-{stamp}-{counter}{path.suffix}"
    source_mtime = path.stat().st_mtime_ns
    copy_database(path, target)
    os.utime(target, ns=(source_mtime, source_mtime))
    for old in list_backups(path)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
    return target


def changed_since_last_backup(path: Path) -> bool:
    """Whether ``path`` (or its write-ahead log) changed after its newest backup was taken.

    Opening a mission that nobody changed since its last backup need not copy it again.
    """
    newest = list_backups(path)[:1]
    if not newest:
        return True
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return True  # changes not yet checkpointed into the file
    # A backup carries the modification time of the file it copied (see make_backup).
    return newest[0].path.stat().st_mtime_ns != path.stat().st_mtime_ns


def list_backups(path: Path) -> list[BackupInfo]:
    """The backups of ``path``, newest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    prefix = path.stem + "-"
    for candidate in folder.glob(f"{path.stem}-*{path.suffix}"):
        stamp = candidate.stem[len(prefix):len(prefix) + 15]
        try:
            taken = datetime.strptime(stamp, _STAMP)
        except ValueError:
            continue
        found.append(BackupInfo(candidate, taken, candidate.stat().st_size))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found
