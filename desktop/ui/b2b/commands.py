"""Undoable changes to B2B meetings and requests: each is one transaction and one undo step.

A change to meetings photographs the meetings it may touch before and after it runs, so undo
and redo put those rows back exactly (same ids, same places, same lock and origin), whatever
the service did: a move, a swap, a lock, or a whole schedule stored by the scheduler.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.db.models import Meeting
from desktop.ui.context import MissionContext
from desktop.ui.snapshots import Snapshot, restore_snapshot, take_snapshot
from desktop.ui.undo import MissionCommand

MEETING_TABLE = "meeting"


def _ids(snapshot: Snapshot) -> list[int]:
    return [int(key[0]) for key in snapshot.rows.get(MEETING_TABLE, {})]


def _replace(session: Session, old: Snapshot, new: Snapshot) -> None:
    """Remove the meetings of ``old`` and put back those of ``new``."""
    ids = _ids(old)
    if ids:
        session.execute(sa.delete(Meeting).where(Meeting.id.in_(ids)))
        session.flush()
    restore_snapshot(session, new)


def all_meeting_ids(session: Session) -> list[int]:
    return list(session.scalars(sa.select(Meeting.id)))


class MeetingsChange(MissionCommand):
    """Run ``change`` on the meetings named by ``touched`` (before and after); undo and redo
    restore the photographs. ``change`` may return a result kept in :attr:`result`."""

    def __init__(self, context: MissionContext, text: str,
                 change: Callable[[Session], object],
                 touched: Callable[[Session], list[int]]) -> None:
        super().__init__(context, text, "meeting")
        self._change = change
        self._touched = touched
        self._before: Snapshot | None = None
        self._after: Snapshot | None = None
        self.result: object = None

    def apply(self, session: Session) -> None:
        if self._before is not None and self._after is not None:
            _replace(session, self._before, self._after)
            return
        before = take_snapshot(session, MEETING_TABLE, self._touched(session))
        self.result = self._change(session)
        session.flush()
        self._after = take_snapshot(session, MEETING_TABLE, self._touched(session))
        self._before = before

    def revert(self, session: Session) -> None:
        assert self._before is not None and self._after is not None
        _replace(session, self._after, self._before)


class RequestChange(MissionCommand):
    """Add or change meeting requests with a service; undo puts the requests back as they
    were (``touched`` names them before and after)."""

    def __init__(self, context: MissionContext, text: str,
                 change: Callable[[Session], object],
                 touched: Callable[[Session], list[int]]) -> None:
        super().__init__(context, text, "meeting_request")
        self._change = change
        self._touched = touched
        self._before: Snapshot | None = None
        self._after: Snapshot | None = None

    def _swap(self, session: Session, old: Snapshot, new: Snapshot) -> None:
        from desktop.db.models import MeetingRequest

        ids = [int(key[0]) for key in old.rows.get("meeting_request", {})]
        if ids:
            session.execute(sa.update(Meeting).where(Meeting.request_id.in_(ids))
                            .values(request_id=None))
            session.execute(sa.delete(MeetingRequest).where(MeetingRequest.id.in_(ids)))
            session.flush()
        restore_snapshot(session, new)

    def apply(self, session: Session) -> None:
        if self._before is not None and self._after is not None:
            self._swap(session, self._before, self._after)
            return
        before = take_snapshot(session, "meeting_request", self._touched(session))
        self._change(session)
        session.flush()
        self._after = take_snapshot(session, "meeting_request", self._touched(session))
        self._before = before

    def revert(self, session: Session) -> None:
        assert self._before is not None and self._after is not None
        self._swap(session, self._after, self._before)
