"""What hotels need from us, derived from flights, programme and stays.

Nights a person needs follow their presence in the host country: from the night of the day
they land to the night before the day they leave. A landing before 06:00 local needs the bed
from the night before; a take-off before 06:00 leaves the evening before. Without a flight in
or out, the programme they attend (else the mission's dates) closes the stay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.dates import utc_to_local
from desktop.db.enums import RoomType, Status, VenueKind
from desktop.db.models import FlightSegment, HotelStay, Mission, Person, RoomBlock, Venue
from desktop.errors import ConflictError, NotFoundError
from desktop.i18n import _
from desktop.travel.attendance import TimedSession, sessions_of, timed_sessions
from desktop.travel.journeys import (
    OPEN_END,
    OPEN_START,
    Geography,
    absences,
    all_segments_by_person,
)
from desktop.validation import fold

EARLY_MORNING = time(6, 0)


# -- nights needed -----------------------------------------------------------------------------


def travels(person: Person, has_crossing: bool, home_country: str) -> bool:
    """Whether the person comes from abroad and so needs a bed: they fly in or out, or their
    organisation (else nationality) is in another country."""
    if has_crossing:
        return True
    country = (person.organization.country if person.organization is not None else None) \
        or person.nationality
    return bool(country) and country != home_country


def first_night(instant: datetime, zone: str) -> date:
    """The first night a traveller landing at ``instant`` needs: the landing day's, or the
    night before when they land before dawn (a room ready at 6 a.m. is booked from the eve)."""
    local = utc_to_local(instant, zone)
    return local.date() - timedelta(days=1) if local.time() < EARLY_MORNING else local.date()


def _check_out(instant: datetime, zone: str) -> date:
    local = utc_to_local(instant, zone)
    return local.date() - timedelta(days=1) if local.time() < EARLY_MORNING else local.date()


def nights_for(person: Person, segments: Sequence[FlightSegment], geo: Geography,
               mission: Mission, attended: Sequence[TimedSession]) -> list[date]:
    """The nights ``person`` needs a bed in the host country (see the module's rules)."""
    crossings = [s for s in segments if geo.is_entry(s) or geo.is_exit(s)]
    if not travels(person, bool(crossings), geo.home_country):
        return []
    zone = mission.home_timezone
    days = [utc_to_local(t.starts_at, t.zone).date() for t in attended]
    default_in = min(days) if days else mission.start_date
    default_out = max(days) + timedelta(days=1) if days else mission.end_date + timedelta(days=1)
    away = absences(segments, geo)
    # Presence is the complement of the absences over the whole time line.
    edges = [OPEN_START]
    for start, end in away:
        edges.extend((start, end))
    edges.append(OPEN_END)
    nights: set[date] = set()
    for start, end in zip(edges[0::2], edges[1::2], strict=True):
        if start >= end:
            continue
        first = default_in if start == OPEN_START else first_night(start, zone)
        leave = default_out if end == OPEN_END else _check_out(end, zone)
        night = first
        while night < leave:
            nights.add(night)
            night += timedelta(days=1)
    return sorted(nights)


def needed_nights(session: Session, person_id: int) -> list[date]:
    """The nights a person needs a hotel room, from their flights and programme."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("This person is no longer on the roster."))
    mission = session.scalars(select(Mission)).one()
    attended = sessions_of(person, timed_sessions(session))
    segments = session.scalars(select(FlightSegment).where(
        FlightSegment.person_id == person_id)).all()
    return nights_for(person, segments, Geography.load(session), mission, attended)


def covered_nights(stays: Iterable[HotelStay]) -> set[date]:
    nights: set[date] = set()
    for stay in stays:
        night = stay.check_in
        while night < stay.check_out:
            nights.add(night)
            night += timedelta(days=1)
    return nights


# -- proposing stays ---------------------------------------------------------------------------


def programme_city_by_night(timed: Sequence[TimedSession]) -> dict[date, str]:
    """Where the programme is on each night: the city of the day's last session with a venue
    (people sleep where they end the day), else of the next day's first one."""
    ends: dict[date, str] = {}
    starts: dict[date, str] = {}
    for t in timed:
        if not t.city:
            continue
        day = utc_to_local(t.starts_at, t.zone).date()
        ends[day] = t.city
        starts.setdefault(day, t.city)
    cities = dict(ends)
    for day, city in starts.items():
        cities.setdefault(day - timedelta(days=1), city)
    return cities


def _choose_hotel(night: date, own: Sequence[HotelStay], hotels: Sequence[Venue],
                  cities: dict[date, str]) -> Venue:
    for stay in own:  # where they already sleep the night before or after, else anywhere
        if stay.check_out == night or stay.check_in == night + timedelta(days=1):
            return stay.hotel
    if own:
        return own[0].hotel
    city = cities.get(night)
    if city:
        for hotel in hotels:
            if fold(hotel.city) == fold(city):
                return hotel
    return hotels[0]


def propose_stays(session: Session, person_ids: Sequence[int] | None = None,
                  room_type: RoomType = RoomType.SINGLE) -> list[HotelStay]:
    """Unconfirmed stays for confirmed people whose needed nights no stay covers yet.

    The hotel of a night is the one the person is already booked at, else the hotel in the
    city of that night's programme, else the first hotel. Consecutive nights at one hotel make
    one stay; an adjacent unconfirmed stay there is extended rather than doubled.
    Returns the stays made or extended (the caller commits them or not).
    """
    mission = session.scalars(select(Mission)).one()
    geo = Geography.load(session)
    timed = timed_sessions(session)
    cities = programme_city_by_night(timed)
    hotels = list(session.scalars(select(Venue).where(Venue.kind == VenueKind.HOTEL)
                                  .order_by(Venue.id)))
    query = (select(Person).where(Person.status == Status.CONFIRMED)
             .options(selectinload(Person.organization))
             .order_by(Person.family_name, Person.given_name, Person.id))
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))
    segments = all_segments_by_person(session)
    stays: dict[int, list[HotelStay]] = defaultdict(list)
    for existing in session.scalars(select(HotelStay).order_by(HotelStay.check_in)):
        stays[existing.person_id].append(existing)
    touched: list[HotelStay] = []
    for person in session.scalars(query):
        own = stays[person.id]
        missing = [n for n in nights_for(person, segments.get(person.id, []), geo, mission,
                                         sessions_of(person, timed))
                   if n not in covered_nights(own)]
        if not missing:
            continue
        if not hotels:
            raise ConflictError(_("There is no hotel yet: add the mission's hotels first."))
        runs: list[tuple[Venue, date, date]] = []  # hotel, check-in, check-out
        for night in missing:
            hotel = _choose_hotel(night, own, hotels, cities)
            if runs and runs[-1][0].id == hotel.id and runs[-1][2] == night:
                runs[-1] = (hotel, runs[-1][1], night + timedelta(days=1))
            else:
                runs.append((hotel, night, night + timedelta(days=1)))
        for hotel, check_in, check_out in runs:
            stay = _extend(own, hotel, check_in, check_out, room_type)
            if stay is None:
                stay = HotelStay(person_id=person.id, hotel=hotel, check_in=check_in,
                                 check_out=check_out, room_type=room_type, confirmed=False)
                session.add(stay)
                own.append(stay)
            if stay not in touched:
                touched.append(stay)
    session.flush()
    return touched


def _extend(own: Sequence[HotelStay], hotel: Venue, check_in: date, check_out: date,
            room_type: RoomType) -> HotelStay | None:
    for stay in own:
        if stay.confirmed or stay.hotel_id != hotel.id or stay.room_type != room_type:
            continue
        if stay.check_out == check_in:
            stay.check_out = check_out
            return stay
        if stay.check_in == check_out:
            stay.check_in = check_in
            return stay
    return None


def confirm_stays(session: Session, stay_ids: Sequence[int] | None = None) -> int:
    """Mark stays confirmed (the given ones, else every proposed one); returns how many."""
    query = select(HotelStay).where(HotelStay.confirmed.is_(False))
    if stay_ids is not None:
        query = query.where(HotelStay.id.in_(list(stay_ids)))
    stays = list(session.scalars(query))
    for stay in stays:
        stay.confirmed = True
    session.flush()
    return len(stays)


# -- what the hotel is sent --------------------------------------------------------------------


@dataclass(frozen=True)
class RoomingRow:
    """One line of a rooming list, as a hotel's reservations desk reads it."""

    stay_id: int
    person_id: int
    guest: str  # "Family, Given"
    organization: str
    room_type: RoomType
    check_in: date
    check_out: date
    nights: int
    sharing_with: str
    special_requests: str
    room_number: str
    confirmed: bool


def special_requests(stay: HotelStay) -> str:
    """The stay's requests with the person's dietary and accessibility needs, for the hotel."""
    parts = [stay.special_requests] if stay.special_requests else []
    if stay.person.dietary_needs:
        parts.append(_("Diet: {needs}").format(needs=stay.person.dietary_needs))
    if stay.person.accessibility_needs:
        parts.append(_("Access: {needs}").format(needs=stay.person.accessibility_needs))
    return "; ".join(parts)


def rooming_list(session: Session, hotel_id: int, *,
                 confirmed_only: bool = False) -> list[RoomingRow]:
    """The rows of the rooming list of a hotel, sorted by guest (family then given name)."""
    if session.get(Venue, hotel_id) is None:
        raise NotFoundError(_("This hotel no longer exists."))
    query = (select(HotelStay).where(HotelStay.hotel_id == hotel_id)
             .options(selectinload(HotelStay.person).selectinload(Person.organization),
                      selectinload(HotelStay.sharing_with)))
    if confirmed_only:
        query = query.where(HotelStay.confirmed.is_(True))
    rows = []
    for stay in session.scalars(query):
        person = stay.person
        rows.append(RoomingRow(
            stay_id=stay.id, person_id=person.id,
            guest=f"{person.family_name}, {person.given_name}",
            organization=person.organization.name if person.organization else "",
            room_type=stay.room_type, check_in=stay.check_in, check_out=stay.check_out,
            nights=stay.nights,
            sharing_with=stay.sharing_with.full_name if stay.sharing_with else "",
            special_requests=special_requests(stay), room_number=stay.room_number,
            confirmed=stay.confirmed))
    return sorted(rows, key=lambda r: (fold(r.guest), r.check_in, r.stay_id))


@dataclass(frozen=True)
class OccupancyRow:
    """Rooms of one type used on one night at a hotel, against the rooms the mission holds."""

    night: date
    room_type: RoomType
    booked: int
    held: int | None  # None: no block for that night and type

    @property
    def over(self) -> int:
        """Rooms booked beyond the block (0 when within it or when there is no block)."""
        return max(0, self.booked - self.held) if self.held is not None else 0


def rooms_used(stays: Sequence[HotelStay]) -> int:
    """Rooms taken by ``stays`` of one night and type: two people sharing mutually take one."""
    present = {s.person_id: s for s in stays}
    rooms = 0
    for person_id, stay in present.items():
        mate = stay.sharing_with_id
        mutual = (mate is not None and mate in present
                  and present[mate].sharing_with_id == person_id)
        if not mutual or person_id < (mate or 0):
            rooms += 1
    return rooms


def occupancy(session: Session, hotel_id: int) -> list[OccupancyRow]:
    """Per night and room type: rooms booked (proposed or confirmed) and rooms held."""
    if session.get(Venue, hotel_id) is None:
        raise NotFoundError(_("This hotel no longer exists."))
    by_key: dict[tuple[date, RoomType], list[HotelStay]] = defaultdict(list)
    for stay in session.scalars(select(HotelStay).where(HotelStay.hotel_id == hotel_id)):
        for night in covered_nights([stay]):
            by_key[(night, stay.room_type)].append(stay)
    held = {(b.night, b.room_type): b.rooms for b in session.scalars(
        select(RoomBlock).where(RoomBlock.hotel_id == hotel_id))}
    keys = sorted(set(by_key) | set(held), key=lambda k: (k[0], list(RoomType).index(k[1])))
    return [OccupancyRow(night, room_type, rooms_used(by_key.get((night, room_type), [])),
                         held.get((night, room_type))) for night, room_type in keys]
