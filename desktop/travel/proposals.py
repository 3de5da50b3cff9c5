"""Proposing airport runs from flights and hotel stays, and writing them when asked.

Arrivals: the last leg of a journey that lands in the host country; the person is ready once
out of the airport (``exit_minutes`` after landing) and goes to their hotel of that night.
Departures: the first leg of a journey that leaves from the host country; the person must
leave their hotel ``check_in + drive`` minutes before take-off (three hours' check-in for an
international flight by default). Each (airport, hotel, direction) stream is cut into runs by
:func:`desktop.travel.grouping.group_stream`, which is exact: fewest vehicles, then least
waiting. Proposals are plain data until :func:`apply_proposal` writes them as proposed runs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.dates import utc_to_local
from desktop.db.enums import Status, TransferDirection, TransferStatus, VehicleKind, VenueKind
from desktop.db.models import (
    Airport,
    FlightSegment,
    HotelStay,
    Person,
    Transfer,
    TransferPassenger,
    Venue,
)
from desktop.errors import NotFoundError, ValidationError
from desktop.i18n import _, format_date
from desktop.travel.grouping import DEFAULT_FLEET, group_stream, vehicle_for
from desktop.travel.journeys import Geography, all_segments_by_person, split_journeys

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class ProposedSeat:
    person_id: int
    name: str
    flight_id: int
    flight: str  # "AT 201"
    flight_at: datetime  # landing (arrival) or take-off (departure), UTC
    ready_at: datetime  # out of the airport (arrival) / latest leave from the hotel (departure)


@dataclass(frozen=True)
class ProposedRun:
    """A vehicle run the organiser may accept: who, when, where, in what."""

    direction: TransferDirection
    airport: str  # IATA code
    hotel_id: int
    hotel_name: str
    departs_at: datetime  # UTC
    zone: str  # where the run leaves from
    vehicle_kind: VehicleKind
    capacity: int
    seats: tuple[ProposedSeat, ...]
    waiting_minutes: int

    @property
    def pick_up(self) -> str:
        return self.airport if self.direction == TransferDirection.ARRIVAL else self.hotel_name

    @property
    def drop_off(self) -> str:
        return self.hotel_name if self.direction == TransferDirection.ARRIVAL else self.airport


@dataclass(frozen=True)
class SkippedSeat:
    person_id: int
    name: str
    flight: str
    reason: str


@dataclass
class TransferPlan:
    runs: list[ProposedRun] = field(default_factory=list)
    skipped: list[SkippedSeat] = field(default_factory=list)


@dataclass(frozen=True)
class _Need:
    person_id: int
    name: str
    segment: FlightSegment
    hotel: Venue
    ready_at: datetime


# (check-in, check-out, hotel id): plain tuples, since thousands of ORM objects cost more in
# garbage collection than the whole grouping.
_Stay = tuple[date, date, int]


def _hotel_for_night(stays: Sequence[_Stay], night: date,
                     hotels: dict[int, Venue]) -> Venue | None:
    for check_in, check_out, hotel_id in stays:
        if check_in <= night < check_out:
            return hotels[hotel_id]
    return None


def plan_transfers(session: Session, window_minutes: int = 60, capacity: int | None = None,
                   vehicles: Sequence[tuple[VehicleKind, int]] | None = None, *,
                   exit_minutes: int = 45, drive_minutes: int = 60,
                   check_in_minutes: int = 180, domestic_check_in_minutes: int = 90,
                   directions: Sequence[TransferDirection] = (TransferDirection.ARRIVAL,
                                                              TransferDirection.DEPARTURE),
                   ) -> TransferPlan:
    """Proposed runs for confirmed people not yet seated for their flight, and who was left
    out and why (no hotel for that night).

    ``vehicles`` is the fleet as (kind, seats); ``capacity`` alone means vans of that size.
    """
    fleet = _fleet(capacity, vehicles)
    if window_minutes < 0:
        raise ValidationError(_("The grouping window cannot be negative."), field="window")
    geo = Geography.load(session)
    zones = {iata: zone for iata, zone in session.execute(select(Airport.iata, Airport.timezone))}
    seated = {(pid, fid) for pid, fid in session.execute(
        select(TransferPassenger.person_id, TransferPassenger.flight_id)
        .where(TransferPassenger.flight_id.is_not(None)))}
    hotels = {v.id: v for v in session.scalars(select(Venue).where(
        Venue.kind == VenueKind.HOTEL))}
    stays: dict[int, list[_Stay]] = defaultdict(list)
    for person_id, check_in, check_out, hotel_id in session.execute(
            select(HotelStay.person_id, HotelStay.check_in, HotelStay.check_out,
                   HotelStay.hotel_id).order_by(HotelStay.check_in)):
        stays[person_id].append((check_in, check_out, hotel_id))
    segments = all_segments_by_person(session)
    people = session.execute(select(Person.id, Person.given_name, Person.family_name)
                             .where(Person.status == Status.CONFIRMED))
    streams: dict[tuple[TransferDirection, str, int], list[_Need]] = defaultdict(list)
    plan = TransferPlan()
    for person_id, given_name, family_name in people:
        if person_id not in segments:
            continue
        name = f"{given_name} {family_name}"
        own = stays.get(person_id, [])
        for journey in split_journeys(segments[person_id], geo):
            last, first = journey.segments[-1], journey.segments[0]
            wanted: list[tuple[TransferDirection, FlightSegment]] = []
            if TransferDirection.ARRIVAL in directions and geo.is_home(last.to_airport):
                wanted.append((TransferDirection.ARRIVAL, last))
            if TransferDirection.DEPARTURE in directions and geo.is_home(first.from_airport):
                wanted.append((TransferDirection.DEPARTURE, first))
            for direction, segment in wanted:
                if (person_id, segment.id) in seated:
                    continue
                arriving = direction == TransferDirection.ARRIVAL
                if arriving:
                    night = utc_to_local(segment.arrives_at, segment.arrival_zone).date()
                    hotel = (_hotel_for_night(own, night, hotels)
                             or _hotel_for_night(own, night - timedelta(days=1), hotels))
                    ready = segment.arrives_at + timedelta(minutes=exit_minutes)
                    airport = segment.to_airport
                else:
                    night = utc_to_local(segment.departs_at, segment.departure_zone).date()
                    hotel = (_hotel_for_night(own, night - timedelta(days=1), hotels)
                             or _hotel_for_night(own, night - timedelta(days=2), hotels))
                    margin = check_in_minutes if journey.exit is not None \
                        else domestic_check_in_minutes
                    ready = segment.departs_at - timedelta(minutes=margin + drive_minutes)
                    airport = segment.from_airport
                if hotel is None:
                    plan.skipped.append(SkippedSeat(
                        person_id, name, segment.code,
                        _("no hotel booked for the night of {night}").format(
                            night=format_date(night if arriving
                                              else night - timedelta(days=1)))))
                    continue
                streams[(direction, airport, hotel.id)].append(
                    _Need(person_id, name, segment, hotel, ready))
    largest = max(seats for _kind, seats in fleet)
    for (direction, airport, _hotel_id), needs in streams.items():
        arriving = direction == TransferDirection.ARRIVAL
        times = [int((n.ready_at - EPOCH).total_seconds()) for n in needs]
        grouping = group_stream(times, window_minutes * 60, largest, leave_with_last=arriving)
        for group in grouping.groups:
            members = [needs[k] for k in group]
            marks = [times[k] for k in group]
            leave = max(marks) if arriving else min(marks)
            kind, seats = vehicle_for(len(members), fleet)
            hotel = members[0].hotel
            plan.runs.append(ProposedRun(
                direction=direction, airport=airport, hotel_id=hotel.id, hotel_name=hotel.name,
                departs_at=EPOCH + timedelta(seconds=leave),
                zone=zones.get(airport, hotel.timezone) if arriving else hotel.timezone,
                vehicle_kind=kind, capacity=seats,
                seats=tuple(ProposedSeat(
                    m.person_id, m.name, m.segment.id, m.segment.code,
                    m.segment.arrives_at if arriving else m.segment.departs_at, m.ready_at)
                    for m in members),
                waiting_minutes=sum(abs(leave - m) for m in marks) // 60))
    plan.runs.sort(key=lambda r: (r.departs_at, r.airport, r.hotel_name))
    plan.skipped.sort(key=lambda s: (s.name, s.flight))
    return plan


def group_transfers(session: Session, window_minutes: int = 60, capacity: int | None = None,
                    vehicles: Sequence[tuple[VehicleKind, int]] | None = None, *,
                    exit_minutes: int = 45, drive_minutes: int = 60,
                    check_in_minutes: int = 180, domestic_check_in_minutes: int = 90,
                    directions: Sequence[TransferDirection] = (TransferDirection.ARRIVAL,
                                                               TransferDirection.DEPARTURE),
                    ) -> list[ProposedRun]:
    """The proposed runs of :func:`plan_transfers` (see there for the options)."""
    return plan_transfers(session, window_minutes, capacity, vehicles,
                          exit_minutes=exit_minutes, drive_minutes=drive_minutes,
                          check_in_minutes=check_in_minutes,
                          domestic_check_in_minutes=domestic_check_in_minutes,
                          directions=directions).runs


def _fleet(capacity: int | None,
           vehicles: Sequence[tuple[VehicleKind, int]] | None) -> list[tuple[VehicleKind, int]]:
    if vehicles:
        fleet = [(VehicleKind(kind), seats) for kind, seats in vehicles]
        if capacity is not None:
            fleet = [(kind, min(seats, capacity)) for kind, seats in fleet]
    elif capacity is not None:
        fleet = [(VehicleKind.VAN, capacity)]
    else:
        fleet = list(DEFAULT_FLEET)
    if any(seats < 1 for _kind, seats in fleet):
        raise ValidationError(_("A vehicle seats at least one passenger."), field="capacity")
    return fleet


def airport_venue(session: Session, iata: str) -> Venue:
    """The venue standing for an airport in transfers, made from the airport table if new."""
    venue = session.scalars(select(Venue).where(Venue.iata == iata,
                                                Venue.kind == VenueKind.AIRPORT)
                            .order_by(Venue.id)).first()
    if venue is not None:
        return venue
    airport = session.get(Airport, iata)
    if airport is None:
        raise NotFoundError(_("Unknown airport code “{code}”.").format(code=iata))
    venue = Venue(name=airport.name, kind=VenueKind.AIRPORT, city=airport.city,
                  country=airport.country, timezone=airport.timezone, iata=airport.iata)
    session.add(venue)
    session.flush()
    return venue


def apply_proposal(session: Session, runs: Sequence[ProposedRun]) -> list[Transfer]:
    """Write proposed runs as transfers with status *proposed*; the organiser confirms them."""
    written = []
    for run in runs:
        hotel = session.get(Venue, run.hotel_id)
        if hotel is None:
            raise NotFoundError(_("The hotel “{name}” no longer exists.").format(
                name=run.hotel_name))
        airport = airport_venue(session, run.airport)
        arriving = run.direction == TransferDirection.ARRIVAL
        transfer = Transfer(
            direction=run.direction, from_venue=airport if arriving else hotel,
            to_venue=hotel if arriving else airport, departs_at=run.departs_at, zone=run.zone,
            vehicle_kind=run.vehicle_kind, capacity=run.capacity,
            status=TransferStatus.PROPOSED)
        transfer.passengers = [TransferPassenger(person_id=s.person_id, flight_id=s.flight_id)
                               for s in run.seats]
        session.add(transfer)
        written.append(transfer)
    session.flush()
    return written
