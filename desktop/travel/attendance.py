"""Who is expected where: programme sessions a person attends, as true instants.

Travel needs this to ask "is the person in the country for it?" and "which city do they sleep
in?". Programme times are wall-clock times local to the venue (else the mission's zone).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.dates import local_to_utc
from desktop.db.enums import Audience
from desktop.db.models import Mission, Person, ProgramSession


@dataclass(frozen=True)
class TimedSession:
    """A programme session with its instants and the zone its times are read in."""

    item: ProgramSession
    zone: str
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC

    @property
    def city(self) -> str:
        return self.item.venue.city if self.item.venue is not None else ""


def session_zone(item: ProgramSession, home_zone: str) -> str:
    return item.venue.timezone if item.venue is not None else home_zone


def venue_instant(local: datetime, zone: str) -> datetime:
    try:
        return local_to_utc(local, zone)
    except ValueError:  # a time in a clock change: read it as the first occurrence
        from zoneinfo import ZoneInfo

        return local.replace(tzinfo=ZoneInfo(zone)).astimezone(ZoneInfo("UTC"))


def timed_sessions(session: Session) -> list[TimedSession]:
    """Every programme session with UTC instants, in order (one query)."""
    home = session.scalar(select(Mission.home_timezone)) or "Africa/Casablanca"
    items = session.scalars(select(ProgramSession).options(
        selectinload(ProgramSession.venue), selectinload(ProgramSession.attendees))
        .order_by(ProgramSession.starts_at, ProgramSession.id))
    found = []
    for item in items:
        zone = session_zone(item, home)
        found.append(TimedSession(item, zone, venue_instant(item.starts_at, zone),
                                  venue_instant(item.ends_at, zone)))
    return found


def attends(item: ProgramSession, person: Person) -> bool:
    """Whether ``person`` is in the audience of ``item``."""
    if item.audience == Audience.EVERYONE:
        return True
    if item.audience == Audience.CATEGORY:
        return person.category == item.audience_category
    if item.audience == Audience.SIDE:
        return (person.organization is not None
                and person.organization.side == item.audience_side)
    return any(attendee.id == person.id for attendee in item.attendees)


def sessions_of(person: Person, timed: list[TimedSession]) -> list[TimedSession]:
    """The sessions (from ``timed``) that ``person`` attends."""
    return [t for t in timed if attends(t.item, person)]
