"""Flights are typed in local time at each airport and kept as true instants."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from desktop.db.models import FlightSegment, Person
from desktop.errors import ConflictError, NotFoundError, ValidationError
from desktop.travel.flights import (
    FlightInput,
    add_flight,
    add_group_booking,
    arrival_local,
    delete_flight,
    departure_local,
    flight_input,
    journeys,
    landing_instant,
    leaving_instant,
    list_flights,
    parse_flight_code,
    update_flight,
    zone_abbreviation,
)
from desktop.travel.localtime import format_local
from tests.travel.conftest import dt

Fly = Callable[..., FlightSegment]


def leg(code: str, origin: str, departs: str, destination: str, arrives: str) -> FlightInput:
    return FlightInput(flight_number=code, from_airport=origin, to_airport=destination,
                       departs_local=dt(departs), arrives_local=dt(arrives))


def fields_at_fault(exc: pytest.ExceptionInfo[ValidationError]) -> set[str | None]:
    return {p.field for p in exc.value.problems}


@pytest.mark.parametrize(("carrier", "number", "expected"), [
    ("", "AT201", ("AT", "201")),
    ("", "AT 0201", ("AT", "201")),
    ("", " at 201 ", ("AT", "201")),
    ("AT", "0201", ("AT", "201")),
    ("af", "AF 1234", ("AF", "1234")),
    ("", "U2 123a", ("U2", "123A")),
    ("", "RAM201", ("RAM", "201")),
])
def test_flight_codes_are_normalised(carrier: str, number: str,
                                     expected: tuple[str, str]) -> None:
    assert parse_flight_code(carrier, number) == expected


@pytest.mark.parametrize(("carrier", "number"), [
    ("", "201"), ("", "2"), ("", "AT 12345"), ("A", "201"), ("ATXX", "201"), ("AT", "2O1"),
])
def test_malformed_flight_codes_are_refused(carrier: str, number: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        parse_flight_code(carrier, number)


def test_us_daylight_saving_follows_the_2007_rules(session: Session, person: Callable[..., Person],
                                                   fly: Fly) -> None:
    """DST began on 11 March 2007 in the US (new rules), so 12 March is already EDT."""
    segment = fly(person(), "AT 201", "JFK", "2007-03-12 18:00", "CMN", "2007-03-13 06:30")
    assert segment.departs_at == datetime(2007, 3, 12, 22, 0, tzinfo=UTC)
    assert segment.departure_zone == "America/New_York"
    assert zone_abbreviation(departure_local(segment)) == "EDT"


def test_casablanca_kept_utc_all_summer_2007(session: Session, person: Callable[..., Person],
                                             fly: Fly) -> None:
    segment = fly(person(), "AF 1396", "CDG", "2007-07-01 10:00", "CMN", "2007-07-01 11:50")
    assert segment.arrives_at == datetime(2007, 7, 1, 11, 50, tzinfo=UTC)
    assert segment.departs_at == datetime(2007, 7, 1, 8, 0, tzinfo=UTC)  # Paris is UTC+2
    assert arrival_local(segment).utcoffset().total_seconds() == 0  # type: ignore[union-attr]


def test_overnight_flight_lands_the_next_local_day(session: Session,
                                                  person: Callable[..., Person],
                                                  fly: Fly) -> None:
    segment = fly(person(), "AT201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    assert segment.departs_at == datetime(2007, 5, 13, 22, 0, tzinfo=UTC)
    assert segment.arrives_at == datetime(2007, 5, 14, 6, 30, tzinfo=UTC)
    assert (segment.carrier, segment.flight_number, segment.code) == ("AT", "201", "AT 201")
    assert format_local(segment.departs_at, segment.departure_zone) == "2007-05-13 18:00 EDT"
    assert format_local(segment.arrives_at, segment.arrival_zone) == "2007-05-14 06:30 UTC+00"


def test_crossing_the_date_line_may_land_before_it_leaves_locally(
        session: Session, person: Callable[..., Person], fly: Fly) -> None:
    """AKL 19:30 NZST → LAX 10:45 PDT the same calendar day: ten hours in the air."""
    segment = fly(person(), "NZ 2", "AKL", "2007-05-10 19:30", "LAX", "2007-05-10 10:45")
    assert segment.arrives_at - segment.departs_at == (
        datetime(2007, 5, 10, 17, 45) - datetime(2007, 5, 10, 7, 30))
    assert flight_input(segment).arrives_local == dt("2007-05-10 10:45")


def test_westward_over_the_date_line_lands_a_calendar_day_later(
        session: Session, person: Callable[..., Person], fly: Fly) -> None:
    """HNL 13:00 HST → NRT 16:30 JST the next day: eight and a half hours, not a day."""
    segment = fly(person(), "JL 71", "HNL", "2007-05-10 13:00", "NRT", "2007-05-11 16:30")
    assert (segment.arrives_at - segment.departs_at).total_seconds() == 8.5 * 3600
    assert zone_abbreviation(arrival_local(segment)) == "JST"


def test_a_flight_that_truly_lands_before_it_leaves_is_refused(
        session: Session, person: Callable[..., Person]) -> None:
    who = person()
    with pytest.raises(ValidationError) as exc:
        add_flight(session, who.id, leg("AT 201", "JFK", "2007-05-13 18:00", "CMN",
                                        "2007-05-13 20:00"))
    assert fields_at_fault(exc) == {"arrives_local"}
    assert "land before it leaves" in exc.value.message
    assert "2007-05-13 18:00 EDT" in exc.value.message
    assert list_flights(session, who.id) == []


def test_an_unknown_airport_is_refused_not_read_as_utc(
        session: Session, person: Callable[..., Person]) -> None:
    with pytest.raises(ValidationError) as exc:
        add_flight(session, person().id, leg("AT 201", "XYZ", "2007-05-13 18:00", "CMN",
                                             "2007-05-14 06:30"))
    assert fields_at_fault(exc) == {"from_airport"}
    assert "XYZ" in exc.value.message and "first" in exc.value.message


def test_a_skipped_local_time_is_a_field_error(session: Session,
                                               person: Callable[..., Person]) -> None:
    with pytest.raises(ValidationError) as exc:
        add_flight(session, person().id, leg("AT 201", "JFK", "2007-03-11 02:30", "CMN",
                                             "2007-03-11 14:30"))
    assert fields_at_fault(exc) == {"departs_local"}
    assert "does not exist in America/New_York" in exc.value.message


def test_every_field_at_fault_is_reported_at_once(session: Session,
                                                  person: Callable[..., Person]) -> None:
    bad = FlightInput(flight_number="??", from_airport="", to_airport="QQQ",
                      departs_local=None, arrives_local=None)
    with pytest.raises(ValidationError) as exc:
        add_flight(session, person().id, bad)
    assert fields_at_fault(exc) == {"flight_number", "from_airport", "to_airport",
                                    "departs_local", "arrives_local"}


def test_a_day_long_flight_is_a_typo(session: Session, person: Callable[..., Person]) -> None:
    with pytest.raises(ValidationError, match="30 hours"):
        add_flight(session, person().id, leg("AT 201", "JFK", "2007-05-13 18:00", "CMN",
                                             "2007-05-15 04:00"))


def test_same_flight_twice_for_one_person_is_a_conflict(
        session: Session, person: Callable[..., Person], fly: Fly) -> None:
    who = person()
    fly(who, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    with pytest.raises(ConflictError, match="already booked on AT 201"):
        fly(who, "AT0201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")


def test_update_and_delete(session: Session, person: Callable[..., Person], fly: Fly) -> None:
    who = person()
    segment = fly(who, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    data = flight_input(segment)
    data.arrives_local = dt("2007-05-14 07:10")
    update_flight(session, segment.id, data)
    assert segment.arrives_at == datetime(2007, 5, 14, 7, 10, tzinfo=UTC)
    delete_flight(session, segment.id)
    assert list_flights(session, who.id) == []
    with pytest.raises(NotFoundError):
        delete_flight(session, segment.id)


def test_group_booking_books_everyone_or_no_one(
        session: Session, person: Callable[..., Person], fly: Fly) -> None:
    a, b, c = person("Ann", "Able"), person("Bob", "Baker"), person("Cy", "Cole")
    booked = add_group_booking(session, [a.id, b.id, b.id],
                               leg("AT 201", "JFK", "2007-05-13 18:00", "CMN",
                                   "2007-05-14 06:30"))
    assert sorted(s.person_id for s in booked) == sorted([a.id, b.id])
    with pytest.raises(ConflictError, match="Bob Baker"):
        add_group_booking(session, [c.id, b.id], leg("AT 201", "JFK", "2007-05-13 18:00",
                                                     "CMN", "2007-05-14 06:30"))
    assert list_flights(session, c.id) == []
    with pytest.raises(ValidationError, match="no longer on the roster"):
        add_group_booking(session, [c.id, 999_999], leg("AT 203", "JFK", "2007-05-13 18:00",
                                                        "CMN", "2007-05-14 06:30"))


def test_connections_make_one_journey_and_give_landing_and_leaving(
        session: Session, person: Callable[..., Person], fly: Fly) -> None:
    who = person()
    fly(who, "AF 7", "SFO", "2007-05-12 15:00", "CDG", "2007-05-13 10:40")
    fly(who, "AF 1396", "CDG", "2007-05-13 13:00", "CMN", "2007-05-13 14:50")
    fly(who, "AT 400", "CMN", "2007-05-16 08:00", "RBA", "2007-05-16 08:45")
    fly(who, "AT 200", "CMN", "2007-05-18 11:00", "JFK", "2007-05-18 13:30")
    found = journeys(session, who.id)
    assert [(j.origin, j.destination) for j in found] == [("SFO", "CMN"), ("CMN", "RBA"),
                                                          ("CMN", "JFK")]
    assert found[0].entry is not None and found[0].entry.code == "AF 1396"
    assert found[1].entry is None and found[1].exit is None  # a domestic hop
    assert landing_instant(session, who.id) == datetime(2007, 5, 13, 14, 50, tzinfo=UTC)
    assert leaving_instant(session, who.id) == datetime(2007, 5, 18, 11, 0, tzinfo=UTC)


def test_someone_who_does_not_fly_has_no_landing(session: Session,
                                                 person: Callable[..., Person]) -> None:
    who = person()
    assert landing_instant(session, who.id) is None
    assert leaving_instant(session, who.id) is None
    assert journeys(session, who.id) == []
