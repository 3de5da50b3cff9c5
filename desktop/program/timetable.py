"""The programme laid out as a timetable: which day column and which lane each session takes.

Shared by the Programme page's timetable and the printed "programme at a glance". Sessions
that overlap on a day (a chain of overlaps) split the day's width into lanes, each session in
the first lane free when it starts, so that none hides another. Times are the venues' own
wall-clock times; a session running past midnight is cut at the end of its day.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.db.enums import SessionKind
from desktop.db.models import ProgramSession

KIND_COLOURS = {
    SessionKind.PLENARY: "#dbe8fb",
    SessionKind.PANEL: "#e6defa",
    SessionKind.SITE_VISIT: "#d8f0da",
    SessionKind.MEAL: "#fce8c8",
    SessionKind.RECEPTION: "#f9dbe7",
    SessionKind.TRANSFER: "#e6e6e6",
    SessionKind.B2B_BLOCK: "#cdeef1",
    SessionKind.OTHER: "#f1ecdc",
}
CLASH_COLOUR = "#c0392b"


@dataclass(frozen=True)
class Entry:
    """One session as the timetable shows it."""

    id: int
    starts_at: datetime
    ends_at: datetime
    title: str
    where: str
    kind: SessionKind
    clashes: tuple[str, ...] = ()  # titles of the sessions it overlaps for the same people


def place_text(item: ProgramSession) -> str:
    """Where a session is: its venue, and its room when it has one."""
    where = item.venue.name if item.venue else ""
    if item.room is not None:
        where += f" — {item.room.name}"
    return where


def clashing_titles(session: Session, language: str) -> dict[int, list[str]]:
    """For each session overlapping another for the same people, the other titles."""
    from desktop.program.sessions import overlapping_sessions

    found: dict[int, list[str]] = {}
    for overlap in overlapping_sessions(session):
        for this, other in ((overlap.first, overlap.second), (overlap.second, overlap.first)):
            found.setdefault(this.id, []).append(other.title_in(language))
    return found


def load_sessions(session: Session, ids: Sequence[int] | None = None
                  ) -> Sequence[ProgramSession]:
    """The sessions (``ids`` only, when given) with their venues and rooms loaded."""
    query = select(ProgramSession).options(selectinload(ProgramSession.venue),
                                           selectinload(ProgramSession.room))
    if ids is not None:
        query = query.where(ProgramSession.id.in_(ids))
    return session.scalars(query).all()


def timetable_entries(session: Session, language: str,
                      ids: Sequence[int] | None = None) -> list[Entry]:
    """The sessions (``ids`` only, when given) as a timetable shows them, in ``language``."""
    clashes = clashing_titles(session, language)
    return [Entry(item.id, item.starts_at, item.ends_at, item.title_in(language),
                  place_text(item), item.kind, tuple(clashes.get(item.id, ())))
            for item in load_sessions(session, ids)]


@dataclass(frozen=True)
class Box:
    entry: Entry
    day: int  # column
    start: float  # hours since midnight, clipped to the day
    end: float
    lane: int
    lanes: int


def _hours(value: datetime, day: date) -> float:
    """Hours from the start of ``day`` to ``value``, within that day."""
    midnight = datetime.combine(day, time())
    return min(24.0, max(0.0, (value - midnight) / timedelta(hours=1)))


def lay_out(entries: list[Entry], days: list[date]) -> list[Box]:
    """Each session's column and lane: overlapping sessions of a day split its width."""
    boxes: list[Box] = []
    for column, day in enumerate(days):
        today = sorted((e for e in entries if e.starts_at.date() == day),
                       key=lambda e: (e.starts_at, -e.ends_at.timestamp(), e.id))
        group: list[tuple[Entry, int]] = []  # sessions linked by overlaps, with their lanes
        lane_ends: list[datetime] = []

        def close(group: list[tuple[Entry, int]], lanes: int, day: date = day,
                  column: int = column) -> None:
            for member, lane in group:
                boxes.append(Box(member, column, _hours(member.starts_at, day),
                                 _hours(member.ends_at, day), lane, lanes))

        for entry in today:
            if lane_ends and entry.starts_at >= max(lane_ends):
                close(group, len(lane_ends))
                group, lane_ends = [], []
            lane = next((n for n, end in enumerate(lane_ends) if end <= entry.starts_at),
                        len(lane_ends))
            if lane == len(lane_ends):
                lane_ends.append(entry.ends_at)
            else:
                lane_ends[lane] = entry.ends_at
            group.append((entry, lane))
        close(group, len(lane_ends))
    return boxes


def hour_span(boxes: list[Box], first: int = 8, last: int = 18) -> tuple[int, int]:
    """The whole hours a timetable shows: ``first``-``last`` at least, more if a session
    starts earlier or ends later."""
    low = min([first, *(math.floor(b.start) for b in boxes)])
    high = max([last, *(math.ceil(b.end) for b in boxes)])
    return low, high
