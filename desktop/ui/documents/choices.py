"""What the Documents page offers to choose from, read from the mission in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.dates import utc_to_local
from desktop.db.models import FlightSegment, Person, Transfer
from desktop.i18n import _, current_language, format_date, format_time
from desktop.missions import get_mission
from desktop.validation import fold


@dataclass(frozen=True)
class Run:
    """A transfer run as the page lists it."""

    id: int
    day: date  # local at the pick-up place
    text: str


@dataclass
class Choices:
    """People, participants, blocks, hotels, runs and days of the open mission."""

    document_language: str = "en"
    people: list[tuple[int, str]] = field(default_factory=list)
    participants: list[tuple[int, str]] = field(default_factory=list)
    blocks: list[tuple[int, str]] = field(default_factory=list)
    hotels: list[tuple[int, str]] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    flight_days: list[date] = field(default_factory=list)
    # The days each B2B block covers (a block may run over several days).
    block_days: dict[int, list[date]] = field(default_factory=dict)

    def b2b_days(self, block_id: int | None) -> list[date]:
        """The days of one block, or of every block."""
        if block_id is not None:
            return self.block_days.get(block_id, [])
        return sorted({d for days in self.block_days.values() for d in days})


def load_choices(session: Session) -> Choices:
    """Everything the page's lists and menus show."""
    from desktop.b2b.setup import list_participants
    from desktop.reports.b2b_agendas import b2b_blocks
    from desktop.travel.hotels import list_hotels
    from desktop.travel.journeys import Geography

    mission = get_mission(session)
    people = session.scalars(select(Person).options(selectinload(Person.organization))).all()
    people = sorted(people, key=lambda p: (fold(p.family_name), fold(p.given_name), p.id))
    runs = []
    for run in session.scalars(select(Transfer).options(
            selectinload(Transfer.from_venue), selectinload(Transfer.to_venue))
            .order_by(Transfer.departs_at, Transfer.id)):
        local = utc_to_local(run.departs_at, run.zone)
        runs.append(Run(run.id, local.date(), _("{date} {time} — {origin} → {destination}")
                        .format(date=format_date(local.date(), "d MMM"),
                                time=format_time(local), origin=run.from_venue.name,
                                destination=run.to_venue.name)))
    geo = Geography.load(session)
    days: set[date] = set()
    for leg in session.scalars(select(FlightSegment)):
        if geo.is_home(leg.to_airport):
            days.add(utc_to_local(leg.arrives_at, leg.arrival_zone).date())
        if geo.is_home(leg.from_airport):
            days.add(utc_to_local(leg.departs_at, leg.departure_zone).date())
    blocks = b2b_blocks(session)
    return Choices(
        document_language=mission.document_language,
        people=[(p.id, _person_text(p)) for p in people],
        participants=[(p.id, p.name) for p in list_participants(session)],
        blocks=[(b.id, b.title_in(current_language())) for b in blocks],
        hotels=[(h.id, h.name) for h in list_hotels(session)],
        runs=runs, flight_days=sorted(days),
        block_days={b.id: _days(b.starts_at.date(), b.ends_at.date()) for b in blocks})


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _person_text(person: Person) -> str:
    name = f"{person.family_name}, {person.given_name}".strip(", ")
    if person.organization is not None:
        return _("{name} ({organization})").format(name=name,
                                                   organization=person.organization.name)
    return name
