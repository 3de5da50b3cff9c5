"""Headline figures of a mission: what the overview page and ``mission-desk info`` show."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side, Status
from desktop.db.models import (
    FlightSegment,
    HotelStay,
    Meeting,
    MeetingRequest,
    Organization,
    Person,
    ProgramSession,
    Transfer,
    Venue,
)


@dataclass
class MissionCounts:
    organizations_by_side: Counter[str] = field(default_factory=Counter)
    people_by_category: Counter[str] = field(default_factory=Counter)
    people_by_status: Counter[str] = field(default_factory=Counter)
    confirmed_by_category: Counter[str] = field(default_factory=Counter)
    sessions: int = 0
    venues: int = 0
    meeting_requests: int = 0
    meetings: int = 0
    flights: int = 0
    hotel_stays: int = 0
    transfers: int = 0
    arrivals_by_day: dict[date, int] = field(default_factory=dict)

    @property
    def organizations(self) -> int:
        return sum(self.organizations_by_side.values())

    @property
    def people(self) -> int:
        return sum(self.people_by_category.values())

    @property
    def delegates_confirmed(self) -> int:
        return self.confirmed_by_category[Category.DELEGATE.value]

    @property
    def hosts_confirmed(self) -> int:
        return self.confirmed_by_category[Category.HOST.value]


def mission_counts(session: Session) -> MissionCounts:
    """Every count the overview shows, in a handful of aggregate queries."""
    counts = MissionCounts()
    for side, n in session.execute(select(Organization.side, func.count())
                                   .group_by(Organization.side)):
        counts.organizations_by_side[Side(side).value] = n
    for category, status, n in session.execute(
            select(Person.category, Person.status, func.count())
            .group_by(Person.category, Person.status)):
        counts.people_by_category[Category(category).value] += n
        counts.people_by_status[Status(status).value] += n
        if status == Status.CONFIRMED:
            counts.confirmed_by_category[Category(category).value] += n

    def total(model: type) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    counts.sessions = total(ProgramSession)
    counts.venues = total(Venue)
    counts.meeting_requests = total(MeetingRequest)
    counts.meetings = total(Meeting)
    counts.flights = total(FlightSegment)
    counts.hotel_stays = total(HotelStay)
    counts.transfers = total(Transfer)
    counts.arrivals_by_day = arrivals_by_day(session)
    return counts


def arrivals_by_day(session: Session) -> dict[date, int]:
    """How many people land in the host country each (local) day, coming from abroad; a person
    who lands twice counts on their first day only."""
    from sqlalchemy.orm import aliased

    from desktop.dates import utc_to_local
    from desktop.db.models import Airport, Mission

    home = session.scalar(select(Mission.home_country))
    origin, destination = aliased(Airport), aliased(Airport)
    rows = session.execute(
        select(FlightSegment.person_id, FlightSegment.arrives_at, FlightSegment.arrival_zone)
        .join(destination, destination.iata == FlightSegment.to_airport)
        .join(origin, origin.iata == FlightSegment.from_airport)
        .where(destination.country == home, origin.country != home)
    ).all()
    first_landing: dict[int, date] = {}
    for person_id, arrives_at, zone in rows:
        day = utc_to_local(arrives_at, zone).date()
        if person_id not in first_landing or day < first_landing[person_id]:
            first_landing[person_id] = day
    per_day: Counter[date] = Counter(first_landing.values())
    return dict(sorted(per_day.items()))
