"""The demo's flights (hand-checked against the 2007 clocks), hotels and transfers."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.dates import utc_to_local
from desktop.db.enums import RoomType, TransferDirection, VenueKind
from desktop.db.models import (
    FlightSegment,
    HotelStay,
    Person,
    RoomBlock,
    Transfer,
    Venue,
)


def _flights_of(demo: Session, name: str) -> list[FlightSegment]:
    given, family = name.split(" ", 1)
    person = demo.scalars(select(Person).where(Person.given_name == given,
                                               Person.family_name == family)).one()
    return list(person.flights)


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_delegates_fly_from_the_announced_cities_into_casablanca(demo: Session) -> None:
    flights = demo.scalars(select(FlightSegment)).all()
    into_cmn = {f.from_airport for f in flights if f.to_airport == "CMN"}
    origins = {f.from_airport for f in flights}
    assert {"SFO", "JFK", "IAD", "ORD", "YUL"} <= origins
    assert {"JFK", "YUL", "CDG"} <= into_cmn
    assert {f.carrier for f in flights} >= {"AT", "AF"}


def test_new_york_1800_edt_on_13_may_2007_is_2200_utc(demo: Session) -> None:
    at201 = next(f for f in _flights_of(demo, "Michael Rosen") if f.code == "AT 201")
    assert at201.departs_at == _utc(2007, 5, 13, 22, 0)
    assert at201.departure_zone == "America/New_York"
    # Morocco kept UTC+0 all of 2007: the local arrival time is the UTC one.
    assert at201.arrives_at == _utc(2007, 5, 14, 5, 50)
    assert utc_to_local(at201.arrives_at, at201.arrival_zone).utcoffset() == timedelta(0)


def test_san_francisco_goes_through_new_york_on_pacific_daylight_time(demo: Session) -> None:
    legs = _flights_of(demo, "Robert Whitaker")
    assert [f.code for f in legs] == ["AA 18", "AT 201", "AT 200", "AA 177"]
    assert legs[0].departs_at == _utc(2007, 5, 13, 14, 30)  # 07:30 PDT
    assert utc_to_local(legs[0].departs_at, "America/Los_Angeles").hour == 7
    assert legs[3].arrives_at == _utc(2007, 5, 19, 4, 55)  # 21:55 PDT on the 18th


def test_washington_flies_air_france_through_paris_summer_time(demo: Session) -> None:
    legs = _flights_of(demo, "Susan Caldwell")
    assert [(f.from_airport, f.to_airport) for f in legs[:2]] == [("IAD", "CDG"),
                                                                   ("CDG", "CMN")]
    assert legs[0].departs_at == _utc(2007, 5, 13, 21, 45)  # 17:45 EDT
    assert legs[1].departs_at == _utc(2007, 5, 14, 8, 10)  # 10:10 CEST
    assert utc_to_local(legs[1].departs_at, "Europe/Paris").hour == 10


def test_chicago_and_montreal_local_times(demo: Session) -> None:
    chicago = _flights_of(demo, "Kevin Nowak")[0]
    assert (chicago.from_airport, chicago.departs_at) == ("ORD", _utc(2007, 5, 13, 15, 15))
    montreal = _flights_of(demo, "Éloïse Tremblay")[0]
    assert montreal.code == "AT 205"
    assert montreal.departs_at == _utc(2007, 5, 13, 23, 30)  # 19:30 EDT


def test_every_journey_connects_and_lasts_a_plausible_time(demo: Session) -> None:
    people = demo.scalars(select(Person)).all()
    for person in people:
        legs = person.flights
        for leg in legs:
            assert timedelta(hours=1) <= leg.arrives_at - leg.departs_at <= timedelta(hours=9)
        for before, after in itertools.pairwise(legs):
            assert before.to_airport == after.from_airport
            if before.to_airport != "CMN":  # a connection, not the stay in Morocco
                assert after.departs_at - before.arrives_at >= timedelta(minutes=60)


def test_most_arrive_on_the_14th_some_on_the_13th_and_leave_on_the_18th(demo: Session) -> None:
    arrivals = Counter(f.arrives_at.date() for f in demo.scalars(select(FlightSegment))
                       if f.to_airport == "CMN")
    assert set(arrivals) == {date(2007, 5, 13), date(2007, 5, 14)}
    assert arrivals[date(2007, 5, 14)] > arrivals[date(2007, 5, 13)] > 0
    departures = Counter(f.departs_at.date() for f in demo.scalars(select(FlightSegment))
                         if f.from_airport == "CMN")
    assert departures.most_common(1)[0][0] == date(2007, 5, 18)


def test_cancelled_and_waitlisted_people_have_no_travel(demo: Session) -> None:
    for name in ("Catherine O'Brien", "Laura Chen"):
        assert _flights_of(demo, name) == []


def test_travellers_stay_in_casablanca_and_one_night_in_rabat(demo: Session) -> None:
    stays = demo.scalars(select(HotelStay)).all()
    cities = Counter(s.hotel.city for s in stays)
    assert set(cities) == {"Casablanca", "Rabat"}
    assert all(s.hotel.kind == VenueKind.HOTEL for s in stays)
    rabat = [s for s in stays if s.hotel.city == "Rabat"]
    assert {(s.check_in, s.check_out) for s in rabat} == {(date(2007, 5, 16), date(2007, 5, 17))}
    travellers = {f.person_id for f in demo.scalars(select(FlightSegment))}
    assert {s.person_id for s in stays} == travellers


def test_twin_rooms_are_shared_both_ways_and_in_the_same_room(demo: Session) -> None:
    stays = demo.scalars(select(HotelStay).where(HotelStay.room_type == RoomType.TWIN)).all()
    assert len(stays) >= 4
    by_key = {(s.person_id, s.hotel_id, s.check_in): s for s in stays}
    for stay in stays:
        assert stay.sharing_with_id is not None
        mate = by_key[(stay.sharing_with_id, stay.hotel_id, stay.check_in)]
        assert mate.sharing_with_id == stay.person_id
        assert mate.room_number == stay.room_number


def test_room_blocks_hold_every_room_the_stays_use(demo: Session) -> None:
    blocks = {(b.hotel_id, b.night, b.room_type): b.rooms
              for b in demo.scalars(select(RoomBlock))}
    rooms: dict[tuple[int, date, RoomType], set[str]] = {}
    for stay in demo.scalars(select(HotelStay)):
        night = stay.check_in
        while night < stay.check_out:
            rooms.setdefault((stay.hotel_id, night, stay.room_type), set()).add(
                stay.room_number)
            night += timedelta(days=1)
    for key, used in rooms.items():
        assert blocks.get(key, 0) >= len(used), key


def test_airport_transfers_carry_travellers_from_their_flights(demo: Session) -> None:
    transfers = demo.scalars(select(Transfer)).all()
    directions = Counter(t.direction for t in transfers)
    assert directions[TransferDirection.ARRIVAL] >= 2
    assert directions[TransferDirection.DEPARTURE] >= 2
    airport = demo.scalars(select(Venue).where(Venue.kind == VenueKind.AIRPORT)).one()
    for transfer in transfers:
        assert transfer.passengers and len(transfer.passengers) <= transfer.capacity
        assert transfer.driver_phone.startswith("+212")
        if transfer.direction == TransferDirection.ARRIVAL:
            assert transfer.from_venue_id == airport.id
            for seat in transfer.passengers:
                assert seat.flight is not None and seat.flight.to_airport == "CMN"
                assert seat.flight.arrives_at < transfer.departs_at
        if transfer.direction == TransferDirection.DEPARTURE:
            for seat in transfer.passengers:
                assert seat.flight is not None
                assert transfer.departs_at <= seat.flight.departs_at - timedelta(hours=2)
