"""The demo's travel: flights, hotel nights, room blocks and transfers.

Flights follow 2007 timetables in outline (Royal Air Maroc from New York and Montréal, Air
France through Paris, domestic hops to New York or Montréal), written in each airport's local
time and stored as UTC through :func:`desktop.dates.local_to_utc`. In May 2007 the United States
and Canada were on daylight saving time (UTC-4 in the east, UTC-5 in Chicago and Texas, UTC-7 in
California), Paris on UTC+2, and Morocco on UTC+0 with no daylight saving that year.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.dates import local_to_utc
from desktop.db.enums import RoomType, Status, TransferDirection, TransferStatus, VehicleKind
from desktop.db.models import (
    Airport,
    FlightSegment,
    HotelStay,
    Person,
    RoomBlock,
    Transfer,
    TransferPassenger,
)
from desktop.demo.mission2007 import Roster
from desktop.demo.programme2007 import ZONE, Places
from desktop.travel.rooming import first_night
from desktop.validation import normalise_phone

# carrier, number, from, to, departure day offset, departure time, arrival day offset, arrival
Leg = tuple[str, str, str, str, int, str, int, str]

_AT201: Leg = ("AT", "201", "JFK", "CMN", 0, "18:00", 1, "05:50")
_AT205: Leg = ("AT", "205", "YUL", "CMN", 0, "19:30", 1, "06:45")
_AF2354: Leg = ("AF", "2354", "CDG", "CMN", 1, "10:10", 1, "11:10")
# Inbound: day offsets count from the day before the arrival in Casablanca.
INBOUND: dict[str, tuple[Leg, ...]] = {
    "JFK": (_AT201,),
    "SFO": (("AA", "18", "SFO", "JFK", 0, "07:30", 0, "16:05"), _AT201),
    "ORD": (("AA", "308", "ORD", "JFK", 0, "10:15", 0, "13:35"), _AT201),
    "DFW": (("AA", "1102", "DFW", "JFK", 0, "09:00", 0, "13:35"), _AT201),
    "IAH": (("AA", "1340", "IAH", "JFK", 0, "09:10", 0, "13:50"), _AT201),
    "IAD": (("AF", "27", "IAD", "CDG", 0, "17:45", 1, "07:25"), _AF2354),
    "BOS": (("AF", "333", "BOS", "CDG", 0, "17:55", 1, "07:15"), _AF2354),
    "YUL": (_AT205,),
    "YYZ": (("AC", "412", "YYZ", "YUL", 0, "16:00", 0, "17:15"), _AT205),
}
_AT200: Leg = ("AT", "200", "CMN", "JFK", 0, "12:00", 0, "15:55")
_AT204: Leg = ("AT", "204", "CMN", "YUL", 0, "15:30", 0, "19:05")
_AF2355: Leg = ("AF", "2355", "CMN", "CDG", 0, "07:30", 0, "11:20")
# Outbound: day offsets count from the day of departure from Casablanca.
OUTBOUND: dict[str, tuple[Leg, ...]] = {
    "JFK": (_AT200,),
    "SFO": (_AT200, ("AA", "177", "JFK", "SFO", 0, "18:30", 0, "21:55")),
    "ORD": (_AT200, ("AA", "345", "JFK", "ORD", 0, "18:00", 0, "19:45")),
    "DFW": (_AT200, ("AA", "1145", "JFK", "DFW", 0, "18:15", 0, "21:05")),
    "IAH": (_AT200, ("AA", "1341", "JFK", "IAH", 0, "18:40", 0, "21:30")),
    "IAD": (_AF2355, ("AF", "28", "CDG", "IAD", 0, "13:30", 0, "16:05")),
    "BOS": (_AF2355, ("AF", "334", "CDG", "BOS", 0, "13:10", 0, "15:10")),
    "YUL": (_AT204,),
    "YYZ": (_AT204, ("AC", "427", "YUL", "YYZ", 0, "20:30", 0, "21:45")),
}

# People who share a twin room, both ways.
TWIN_PAIRS = (("Marie-Ève Bouchard", "Geneviève Lavoie"), ("Andrew MacDonald", "Liam Kelly"))
ACCESSIBLE = "James Whitfield"
RABAT_NIGHT = date(2007, 5, 16)
_DRIVERS = (("Abdelaziz Rami", "06 68 12 40 77"), ("Mostafa Chakir", "06 68 33 05 19"),
            ("Said Ennaji", "06 69 21 74 60"))


def build_travel(session: Session, roster: Roster, places: Places) -> None:
    travellers = [roster.people[name] for name, row in roster.rows.items()
                  if row.home and row.status not in (Status.CANCELLED, Status.WAITLISTED)]
    zones = airport_zones(session)
    inbound: dict[int, FlightSegment] = {}
    outbound: dict[int, FlightSegment] = {}
    for person in travellers:
        row = roster.rows[person.full_name]
        legs_in = [_segment(person, leg, row.arrive - timedelta(days=1), zones)
                   for leg in INBOUND[row.home]]
        legs_out = [_segment(person, leg, row.leave, zones) for leg in OUTBOUND[row.home]]
        session.add_all([*legs_in, *legs_out])
        inbound[person.id], outbound[person.id] = legs_in[-1], legs_out[0]
    session.flush()
    _build_stays(session, roster, travellers, places, inbound)
    _build_transfers(session, travellers, inbound, outbound, places)
    session.flush()


def airport_zones(session: Session) -> dict[str, str]:
    """Each airport's IANA zone, by IATA code."""
    return {iata: zone for iata, zone in session.execute(select(Airport.iata, Airport.timezone))}


def _segment(person: Person, leg: Leg, day: date, zones: dict[str, str]) -> FlightSegment:
    carrier, number, origin, destination, dep_offset, dep_clock, arr_offset, arr_clock = leg
    departs = _local(day + timedelta(days=dep_offset), dep_clock)
    arrives = _local(day + timedelta(days=arr_offset), arr_clock)
    return FlightSegment(
        person_id=person.id, carrier=carrier, flight_number=number, from_airport=origin,
        to_airport=destination, departs_at=local_to_utc(departs, zones[origin]),
        arrives_at=local_to_utc(arrives, zones[destination]), departure_zone=zones[origin],
        arrival_zone=zones[destination], booking_reference=booking_reference(person))


def _local(day: date, clock: str) -> datetime:
    hour, minute = clock.split(":")
    return datetime(day.year, day.month, day.day, int(hour), int(minute))


def booking_reference(person: Person) -> str:
    """A six-character record locator, the same on every build."""
    digest = hashlib.sha256(f"{person.given_name} {person.family_name}".encode()).digest()
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(alphabet[b % len(alphabet)] for b in digest[:6])


def _build_stays(session: Session, roster: Roster, travellers: list[Person],
                 places: Places, inbound: dict[int, FlightSegment]) -> None:
    casa, rabat = places.venues["casa_hotel"], places.venues["rabat_hotel"]
    partner = {a: b for pair in TWIN_PAIRS for a, b in (pair, pair[::-1])}
    ids = {p.full_name: p.id for p in travellers}
    rooms: dict[tuple[int, str], str] = {}
    stays: list[HotelStay] = []
    for index, person in enumerate(travellers):
        row = roster.rows[person.full_name]
        name = person.full_name
        mate = partner.get(name)
        landing = inbound[person.id]
        arrive = first_night(landing.arrives_at, landing.arrival_zone)
        for hotel, check_in, check_out in ((casa, arrive, RABAT_NIGHT),
                                           (rabat, RABAT_NIGHT, RABAT_NIGHT + timedelta(days=1)),
                                           (casa, RABAT_NIGHT + timedelta(days=1), row.leave)):
            base = 300 if hotel is casa else 200
            number = rooms.get((hotel.id, mate or "")) or str(base + index)
            rooms[(hotel.id, name)] = number
            stays.append(HotelStay(
                person_id=person.id, hotel_id=hotel.id, check_in=check_in, check_out=check_out,
                room_type=(RoomType.TWIN if mate else
                           RoomType.DOUBLE if name == ACCESSIBLE else RoomType.SINGLE),
                room_number=number, sharing_with_id=ids[mate] if mate else None,
                special_requests=("Accessible room near the lift, roll-in shower"
                                  if name == ACCESSIBLE else ""),
                confirmed=row.category.value != "press"))
    session.add_all(stays)
    _build_room_blocks(session, stays)


def _build_room_blocks(session: Session, stays: list[HotelStay]) -> None:
    """Hold, each night, the rooms the stays use plus two spare singles and a spare twin."""
    used: Counter[tuple[int, date, RoomType]] = Counter()
    seen_rooms: set[tuple[int, date, str]] = set()
    for stay in stays:
        night = stay.check_in
        while night < stay.check_out:
            if (stay.hotel_id, night, stay.room_number) not in seen_rooms:
                seen_rooms.add((stay.hotel_id, night, stay.room_number))
                used[(stay.hotel_id, night, stay.room_type)] += 1
            night += timedelta(days=1)
    nights = sorted({(hotel, night) for hotel, night, _type in used})
    for hotel, night in nights:
        for room_type in (RoomType.SINGLE, RoomType.DOUBLE, RoomType.TWIN):
            spare = {RoomType.SINGLE: 2, RoomType.TWIN: 1}.get(room_type, 0)
            rooms = used[(hotel, night, room_type)] + spare
            if rooms:
                session.add(RoomBlock(hotel_id=hotel, night=night, room_type=room_type,
                                      rooms=rooms))


def _vehicle(passengers: int) -> tuple[VehicleKind, int]:
    for kind, capacity in ((VehicleKind.CAR, 3), (VehicleKind.VAN, 7),
                           (VehicleKind.MINIBUS, 18)):
        if passengers <= capacity:
            return kind, capacity
    return VehicleKind.COACH, 49


def _build_transfers(session: Session, travellers: list[Person],
                     inbound: dict[int, FlightSegment], outbound: dict[int, FlightSegment],
                     places: Places) -> None:
    airport, casa = places.venues["cmn"], places.venues["casa_hotel"]
    runs: list[tuple[Transfer, list[tuple[Person, FlightSegment | None]]]] = []
    for direction, flights, lead in ((TransferDirection.ARRIVAL, inbound, timedelta(minutes=45)),
                                     (TransferDirection.DEPARTURE, outbound, -timedelta(hours=3))):
        groups: dict[tuple[datetime, str], list[Person]] = defaultdict(list)
        for person in travellers:
            flight = flights[person.id]
            moment = flight.arrives_at if direction == TransferDirection.ARRIVAL \
                else flight.departs_at
            groups[(moment, flight.code)].append(person)
        for (moment, code), people in sorted(groups.items()):
            kind, capacity = _vehicle(len(people))
            arriving = direction == TransferDirection.ARRIVAL
            runs.append((Transfer(
                direction=direction, from_venue_id=airport.id if arriving else casa.id,
                to_venue_id=casa.id if arriving else airport.id, departs_at=moment + lead,
                zone=ZONE, vehicle_kind=kind, capacity=capacity,
                status=TransferStatus.CONFIRMED if arriving else TransferStatus.PROPOSED,
                notes=f"{code}"), [(p, flights[p.id]) for p in people]))
    for day, clock, start, end in ((16, "07:45", "casa_hotel", "technopark"),
                                   (17, "07:30", "rabat_hotel", "casanearshore")):
        runs.append((Transfer(
            direction=TransferDirection.OTHER, from_venue_id=places.venues[start].id,
            to_venue_id=places.venues[end].id,
            departs_at=local_to_utc(_local(date(2007, 5, day), clock), ZONE), zone=ZONE,
            vehicle_kind=VehicleKind.COACH, capacity=49, vehicle="Coach with wheelchair lift",
            status=TransferStatus.CONFIRMED), [(p, None) for p in travellers]))
    for index, (transfer, passengers) in enumerate(runs):
        driver, phone = _DRIVERS[index % len(_DRIVERS)]
        transfer.driver_name, transfer.driver_phone = driver, normalise_phone(phone, "MA")
        if any(p.accessibility_needs for p, _f in passengers) and not transfer.vehicle:
            transfer.vehicle = "Accessible vehicle (ramp)"
        transfer.passengers = [TransferPassenger(person_id=p.id, flight_id=f.id if f else None)
                               for p, f in passengers]
        session.add(transfer)
