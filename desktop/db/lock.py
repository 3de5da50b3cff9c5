"""Who holds a mission file: a small lock file beside it.

``Casablanca.mission`` is held through ``Casablanca.mission.lock``, made atomically (O_EXCL)
and holding who took it (user, host, process, since). A second instance reads it to tell the
user who has the file open. A lock left by a process that died on this host is taken over.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop import __version__


@dataclass(frozen=True)
class Holder:
    """Who has a mission file open."""

    user: str
    host: str
    pid: int
    since: str  # ISO 8601, UTC
    version: str = ""

    @classmethod
    def me(cls) -> Holder:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = "?"
        return cls(user=user, host=socket.gethostname(), pid=os.getpid(),
                   since=datetime.now(UTC).isoformat(timespec="seconds"), version=__version__)

    def since_datetime(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.since)
        except ValueError:
            return None


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def read_holder(path: Path) -> Holder | None:
    """The holder recorded in the lock of ``path``, or None when it is not held."""
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return Holder(user=str(data["user"]), host=str(data["host"]), pid=int(data["pid"]),
                      since=str(data["since"]), version=str(data.get("version", "")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Unreadable or half-written: someone holds it, but we cannot say who.
        return Holder(user="?", host="?", pid=0, since="")


def _is_stale(holder: Holder) -> bool:
    return holder.host == socket.gethostname() and not _process_alive(holder.pid)


class FileLock:
    """The lock a read-write instance holds on a mission file while it is open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.holder: Holder | None = None

    def acquire(self) -> Holder | None:
        """Take the lock; return None on success, or the current holder when held elsewhere."""
        target = lock_path(self.path)
        me = Holder.me()
        for _attempt in range(2):
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                holder = read_holder(self.path)
                if holder is not None and _is_stale(holder):
                    with contextlib.suppress(FileNotFoundError):
                        target.unlink()
                    continue
                return holder or Holder(user="?", host="?", pid=0, since="")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(asdict(me), handle)
            self.holder = me
            return None
        return read_holder(self.path)

    def release(self) -> None:
        """Remove the lock if it is still ours."""
        if self.holder is None:
            return
        if read_holder(self.path) == self.holder:
            with contextlib.suppress(FileNotFoundError):
                lock_path(self.path).unlink()
        self.holder = None
