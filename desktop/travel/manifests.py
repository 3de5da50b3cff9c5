"""The sheets of the ground team: a driver's manifest, and the day's arrivals board.

Plain data for documents and screens: local times with their zone, names, formatted phones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.dates import utc_to_local
from desktop.db.enums import TransferDirection, TransferStatus, VehicleKind
from desktop.db.models import (
    FlightSegment,
    HotelStay,
    Transfer,
    TransferPassenger,
)
from desktop.errors import NotFoundError
from desktop.i18n import _
from desktop.travel.journeys import Geography
from desktop.travel.localtime import zone_abbreviation
from desktop.validation import fold, format_phone


@dataclass(frozen=True)
class ManifestRow:
    name: str
    organization: str
    phone: str  # formatted for reading (+212 6 61 23 45 67)
    flight: str  # "AT 201"
    flight_time: datetime | None  # aware local: landing (arrival) or take-off (departure)
    luggage_note: str


@dataclass(frozen=True)
class Manifest:
    """What the driver carries: when, from where to where, and whom."""

    transfer_id: int
    direction: TransferDirection
    status: TransferStatus
    departs_local: datetime  # aware, at the pick-up venue
    zone_abbreviation: str
    pick_up: str
    drop_off: str
    vehicle_kind: VehicleKind
    vehicle: str
    capacity: int
    driver_name: str
    driver_phone: str
    rows: tuple[ManifestRow, ...]

    @property
    def flights(self) -> list[str]:
        return sorted({r.flight for r in self.rows if r.flight})


def manifest(session: Session, transfer_id: int) -> Manifest:
    """The manifest of one run, passengers by name."""
    transfer = session.get(Transfer, transfer_id)
    if transfer is None:
        raise NotFoundError(_("This transfer no longer exists."))
    rows = []
    for seat in transfer.passengers:
        person, flight = seat.person, seat.flight
        when = None
        if flight is not None:
            when = (utc_to_local(flight.arrives_at, flight.arrival_zone)
                    if transfer.direction == TransferDirection.ARRIVAL
                    else utc_to_local(flight.departs_at, flight.departure_zone))
        rows.append(ManifestRow(
            name=person.full_name,
            organization=person.organization.name if person.organization else "",
            phone=format_phone(person.phone), flight=flight.code if flight else "",
            flight_time=when, luggage_note=seat.luggage_note))
    rows.sort(key=lambda r: (r.flight_time is None, r.flight_time or datetime.min,
                             fold(r.name)))
    local = utc_to_local(transfer.departs_at, transfer.zone)
    return Manifest(
        transfer_id=transfer.id, direction=transfer.direction, status=transfer.status,
        departs_local=local, zone_abbreviation=zone_abbreviation(local),
        pick_up=transfer.from_venue.name, drop_off=transfer.to_venue.name,
        vehicle_kind=transfer.vehicle_kind, vehicle=transfer.vehicle,
        capacity=transfer.capacity, driver_name=transfer.driver_name,
        driver_phone=format_phone(transfer.driver_phone), rows=tuple(rows))


@dataclass(frozen=True)
class BoardPassenger:
    person_id: int
    name: str
    hotel: str  # their hotel that night, "" if none
    transfer_id: int | None
    transfer_time: datetime | None  # aware local departure of their run


@dataclass(frozen=True)
class BoardRow:
    """One flight landing in (or leaving) the host country that day, with whom it carries."""

    direction: TransferDirection
    local_time: datetime  # aware, at the host-country airport
    zone_abbreviation: str
    flight: str
    airport: str  # the host-country airport
    other_airport: str  # where it comes from / goes to
    passengers: tuple[BoardPassenger, ...]


def arrivals_board(session: Session, day: date) -> list[BoardRow]:
    """Arrivals and departures at host-country airports on a local calendar day, by time.

    Domestic legs appear too (a CMN → RBA hop needs meeting as well); each airport's own zone
    decides what "that day" means there.
    """
    geo = Geography.load(session)
    # A wide net in UTC, then each leg is kept if its local day at that airport is ``day``.
    start = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(days=1)
    end = start + timedelta(days=3)
    legs = session.scalars(select(FlightSegment).options(
        selectinload(FlightSegment.person))
        .where(((FlightSegment.arrives_at >= start) & (FlightSegment.arrives_at < end))
               | ((FlightSegment.departs_at >= start) & (FlightSegment.departs_at < end))))
    flights: dict[tuple[TransferDirection, str, datetime, str, str], list[FlightSegment]] = \
        defaultdict(list)
    for leg in legs:
        if geo.is_home(leg.to_airport):
            local = utc_to_local(leg.arrives_at, leg.arrival_zone)
            if local.date() == day:
                flights[(TransferDirection.ARRIVAL, leg.code, leg.arrives_at, leg.to_airport,
                         leg.from_airport)].append(leg)
        if geo.is_home(leg.from_airport):
            local = utc_to_local(leg.departs_at, leg.departure_zone)
            if local.date() == day:
                flights[(TransferDirection.DEPARTURE, leg.code, leg.departs_at,
                         leg.from_airport, leg.to_airport)].append(leg)
    people = {leg.person_id for group in flights.values() for leg in group}
    hotels = _hotels_by_person(session, people)
    seats = _seats_by_flight(session, people)
    rows = []
    for (direction, code, instant, airport, other), group in flights.items():
        zone = group[0].arrival_zone if direction == TransferDirection.ARRIVAL \
            else group[0].departure_zone
        local = utc_to_local(instant, zone)
        night = day if direction == TransferDirection.ARRIVAL else day - timedelta(days=1)
        passengers = []
        for leg in group:
            seat = _seat_for(seats.get(leg.person_id, []), leg, direction, instant)
            passengers.append(BoardPassenger(
                person_id=leg.person_id, name=leg.person.full_name,
                hotel=_hotel_name(hotels.get(leg.person_id, []), night),
                transfer_id=seat.transfer_id if seat else None,
                transfer_time=utc_to_local(seat.transfer.departs_at, seat.transfer.zone)
                if seat else None))
        passengers.sort(key=lambda p: fold(p.name))
        rows.append(BoardRow(direction, local, zone_abbreviation(local), code, airport, other,
                             tuple(passengers)))
    rows.sort(key=lambda r: (r.local_time, r.airport, r.flight))
    return rows


def _hotels_by_person(session: Session, people: set[int]) -> dict[int, list[HotelStay]]:
    found: dict[int, list[HotelStay]] = defaultdict(list)
    if people:
        for stay in session.scalars(select(HotelStay).options(selectinload(HotelStay.hotel))
                                    .where(HotelStay.person_id.in_(people))):
            found[stay.person_id].append(stay)
    return found


def _hotel_name(stays: list[HotelStay], night: date) -> str:
    for wanted in (night, night - timedelta(days=1)):
        for stay in stays:
            if stay.check_in <= wanted < stay.check_out:
                return stay.hotel.name
    return ""


SEAT_WINDOW = timedelta(hours=12)  # a run this close to a flight, the right way, serves it


def _seats_by_flight(session: Session,
                     people: set[int]) -> dict[int, list[TransferPassenger]]:
    """Each person's seats in runs (linked to a flight or not)."""
    if not people:
        return {}
    query = (select(TransferPassenger).options(selectinload(TransferPassenger.transfer))
             .where(TransferPassenger.person_id.in_(people)))
    found: dict[int, list[TransferPassenger]] = defaultdict(list)
    for seat in session.scalars(query):
        found[seat.person_id].append(seat)
    return found


def _seat_for(seats: list[TransferPassenger], leg: FlightSegment,
              direction: TransferDirection, instant: datetime) -> TransferPassenger | None:
    """The seat that serves ``leg``: the one linked to it, else a seat linked to no flight in
    a run of the same direction leaving within :data:`SEAT_WINDOW` after the landing (or
    before the take-off)."""
    linked = next((s for s in seats if s.flight_id == leg.id), None)
    if linked is not None:
        return linked
    when = instant if instant.tzinfo is not None else instant.replace(tzinfo=UTC)

    def gap(seat: TransferPassenger) -> timedelta:
        departs = seat.transfer.departs_at
        departs = departs if departs.tzinfo is not None else departs.replace(tzinfo=UTC)
        return departs - when if direction == TransferDirection.ARRIVAL else when - departs

    unlinked = [s for s in seats if s.flight_id is None
                and s.transfer.direction == direction and timedelta(0) <= gap(s) <= SEAT_WINDOW]
    return min(unlinked, key=gap, default=None)


def board_legs(session: Session, row: BoardRow) -> list[int]:
    """The flight segments (one per traveller) behind a line of the board, by traveller."""
    instant = row.local_time.astimezone(UTC)
    moment = (FlightSegment.arrives_at if row.direction == TransferDirection.ARRIVAL
              else FlightSegment.departs_at)
    place = (FlightSegment.to_airport if row.direction == TransferDirection.ARRIVAL
             else FlightSegment.from_airport)
    found = {leg.person_id: leg.id for leg in session.scalars(
        select(FlightSegment).where(moment == instant, place == row.airport))
        if leg.code == row.flight}
    return [found[p.person_id] for p in row.passengers if p.person_id in found]
