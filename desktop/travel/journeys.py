"""Journeys and presence: when a person is in the host country, derived from their flights.

Legs less than a day apart make one journey (a connection); the first leg that lands in the
host country from abroad is an entry, a leg that leaves it for abroad is an exit. Between
entries and exits the person is in the country; outside, they cannot meet anyone there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Airport, FlightSegment, Mission

CONNECTION_LIMIT = timedelta(hours=24)
# Open ends of an absence ("has not landed yet", "has left for good"). Far enough to be outside
# any mission, near enough to be converted to any zone without overflowing.
OPEN_START = datetime(1900, 1, 1, tzinfo=UTC)
OPEN_END = datetime(9000, 1, 1, tzinfo=UTC)

Window = tuple[datetime, datetime]


@dataclass(frozen=True)
class Journey:
    """Legs flown one after the other, each less than a day after the previous one lands."""

    segments: tuple[FlightSegment, ...]
    entry: FlightSegment | None  # the leg landing in the host country from abroad
    exit: FlightSegment | None  # the leg leaving the host country for abroad

    @property
    def departs_at(self) -> datetime:
        return self.segments[0].departs_at

    @property
    def arrives_at(self) -> datetime:
        return self.segments[-1].arrives_at

    @property
    def origin(self) -> str:
        return self.segments[0].from_airport

    @property
    def destination(self) -> str:
        return self.segments[-1].to_airport


@dataclass(frozen=True)
class Geography:
    """What presence needs to know: the host country and each airport's country."""

    home_country: str
    countries: dict[str, str]

    @classmethod
    def load(cls, session: Session) -> Geography:
        home = session.scalar(select(Mission.home_country)) or "MA"
        countries = {iata: country for iata, country in session.execute(
            select(Airport.iata, Airport.country))}
        return cls(home, countries)

    def is_home(self, iata: str) -> bool:
        return self.countries.get(iata) == self.home_country

    def is_entry(self, segment: FlightSegment) -> bool:
        return self.is_home(segment.to_airport) and not self.is_home(segment.from_airport)

    def is_exit(self, segment: FlightSegment) -> bool:
        return self.is_home(segment.from_airport) and not self.is_home(segment.to_airport)


def split_journeys(segments: Sequence[FlightSegment], geo: Geography) -> list[Journey]:
    """Group legs (in any order) into journeys; a gap of a day or more starts a new one."""
    ordered = sorted(segments, key=lambda s: (s.departs_at, s.id or 0))
    groups: list[list[FlightSegment]] = []
    for segment in ordered:
        if groups and segment.departs_at - groups[-1][-1].arrives_at < CONNECTION_LIMIT:
            groups[-1].append(segment)
        else:
            groups.append([segment])
    found = []
    for legs in groups:
        entry = next((s for s in legs if geo.is_entry(s)), None)
        exit_ = next((s for s in reversed(legs) if geo.is_exit(s)), None)
        found.append(Journey(tuple(legs), entry, exit_))
    return found


def _person_segments(session: Session, person_id: int) -> list[FlightSegment]:
    return list(session.scalars(select(FlightSegment).where(
        FlightSegment.person_id == person_id).order_by(FlightSegment.departs_at)))


def journeys(session: Session, person_id: int) -> list[Journey]:
    """A person's journeys, earliest first."""
    return split_journeys(_person_segments(session, person_id), Geography.load(session))


def landing_instant(session: Session, person_id: int) -> datetime | None:
    """When the person first lands in the host country from abroad (UTC), if they fly in."""
    geo = Geography.load(session)
    entries = [s.arrives_at for s in _person_segments(session, person_id) if geo.is_entry(s)]
    return min(entries) if entries else None


def leaving_instant(session: Session, person_id: int) -> datetime | None:
    """When the person last takes off from the host country for abroad (UTC), if they do."""
    geo = Geography.load(session)
    exits = [s.departs_at for s in _person_segments(session, person_id) if geo.is_exit(s)]
    return max(exits) if exits else None


def absences(segments: Iterable[FlightSegment], geo: Geography) -> list[Window]:
    """The windows in which a person is outside the host country, from their legs.

    Before their first entry (if the first border crossing is an entry), between an exit and
    the next entry, after their last exit (if it is not followed by an entry). A person with no
    crossing at all is taken to be in the country throughout.
    """
    events: list[tuple[datetime, bool]] = []  # (instant, True for an entry)
    for segment in segments:
        if geo.is_entry(segment):
            events.append((segment.arrives_at, True))
        elif geo.is_exit(segment):
            events.append((segment.departs_at, False))
    events.sort(key=lambda e: e[0])
    windows: list[Window] = []
    away_since: datetime | None = None
    for index, (instant, entering) in enumerate(events):
        if entering:
            if index == 0:
                windows.append((OPEN_START, instant))
            elif away_since is not None:
                windows.append((away_since, instant))
            away_since = None
        else:
            away_since = instant
    if away_since is not None:
        windows.append((away_since, OPEN_END))
    return windows


def unavailable_windows(session: Session, person_id: int) -> list[Window]:
    """When ``person_id`` is not in the host country: ``[(start_utc, end_utc), ...]``.

    Open ends are :data:`OPEN_START` / :data:`OPEN_END`. No flights means no known absence.
    """
    return absences(_person_segments(session, person_id), Geography.load(session))


def all_segments_by_person(session: Session) -> dict[int, list[FlightSegment]]:
    """Every leg of the mission, per person, in flying order (one query, for checks)."""
    grouped: dict[int, list[FlightSegment]] = defaultdict(list)
    for segment in session.scalars(select(FlightSegment).order_by(FlightSegment.departs_at,
                                                                   FlightSegment.id)):
        grouped[segment.person_id].append(segment)
    return grouped


def is_away(windows: Sequence[Window], start: datetime, end: datetime) -> bool:
    """True when any part of ``[start, end)`` falls in one of the absence windows."""
    return any(start < w_end and w_start < end for w_start, w_end in windows)
