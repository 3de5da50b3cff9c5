"""Nights needed, proposed stays, the rooming list and occupancy against room blocks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import Audience, Category, RoomType, SessionKind, Side, Status
from desktop.db.models import FlightSegment, Organization, Person, ProgramSession, Venue
from desktop.travel.hotels import (
    HotelStayInput,
    RoomBlockInput,
    add_block,
    add_stay,
    confirm_stays,
    list_stays,
    needed_nights,
    occupancy,
    propose_stays,
    rooming_list,
)
from desktop.travel.rooming import OccupancyRow, RoomingRow

Fly = Callable[..., FlightSegment]


def may(day: int) -> date:
    return date(2007, 5, day)


def nights(first: int, last: int) -> list[date]:
    return [may(d) for d in range(first, last + 1)]


def programme(session: Session, venue: Venue, day: int, title: str = "Session") -> None:
    session.add(ProgramSession(title=title, kind=SessionKind.PLENARY, venue=venue,
                               starts_at=datetime(2007, 5, day, 9),
                               ends_at=datetime(2007, 5, day, 12),
                               audience=Audience.EVERYONE))
    session.flush()


def test_nights_run_from_landing_day_to_the_night_before_leaving(
        session: Session, person: Callable[..., Person], fly: Fly) -> None:
    who = person()
    fly(who, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    fly(who, "AT 200", "CMN", "2007-05-18 11:00", "JFK", "2007-05-18 13:30")
    assert needed_nights(session, who.id) == nights(14, 17)


def test_an_early_morning_landing_needs_the_bed_from_the_night_before(
        session: Session, person: Callable[..., Person], fly: Fly) -> None:
    who = person()
    fly(who, "AT 205", "JFK", "2007-05-13 16:00", "CMN", "2007-05-14 04:10")
    fly(who, "AT 200", "CMN", "2007-05-17 02:00", "JFK", "2007-05-17 05:30")
    assert needed_nights(session, who.id) == nights(13, 15)


def test_a_trip_abroad_in_the_middle_frees_those_nights(
        session: Session, person: Callable[..., Person], fly: Fly) -> None:
    who = person()
    fly(who, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    fly(who, "AT 780", "CMN", "2007-05-15 14:00", "CDG", "2007-05-15 18:00")
    fly(who, "AT 781", "CDG", "2007-05-17 09:00", "CMN", "2007-05-17 11:00")
    fly(who, "AT 200", "CMN", "2007-05-19 11:00", "JFK", "2007-05-19 13:30")
    assert needed_nights(session, who.id) == [may(14), may(17), may(18)]


def test_locals_need_no_hotel_and_visitors_without_flights_follow_the_mission(
        session: Session, person: Callable[..., Person],
        organization: Callable[..., Organization]) -> None:
    host = organization("Maroc Telecom Services", Side.HOST, "MA")
    local = person("Karim", "Benali", organization_id=host.id, category=Category.HOST,
                   nationality="MA")
    visitor = person("Joe", "Smith")
    assert needed_nights(session, local.id) == []
    assert needed_nights(session, visitor.id) == nights(14, 17)  # mission 14–17 May


def test_proposals_follow_the_programme_city_and_are_unconfirmed(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        fly: Fly) -> None:
    hyatt, tour = hotel("Hyatt Regency", "Casablanca"), hotel("Tour Hassan", "Rabat")
    for day, venue in ((14, hyatt), (15, hyatt), (16, tour), (17, tour)):
        programme(session, venue, day)
    who = person("Ann", "Able")
    person("Ivy", "Invited", status=Status.INVITED)
    fly(who, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    fly(who, "AT 200", "CMN", "2007-05-18 11:00", "JFK", "2007-05-18 13:30")
    made = propose_stays(session)
    assert [(s.person_id, s.hotel.name, s.check_in, s.check_out, s.confirmed) for s in made] == [
        (who.id, "Hyatt Regency", may(14), may(16), False),
        (who.id, "Tour Hassan", may(16), may(18), False)]
    assert propose_stays(session) == []  # nothing left to cover
    assert confirm_stays(session) == 2
    assert all(s.confirmed for s in list_stays(session))


def test_proposals_prefer_the_hotel_already_booked_and_extend_its_stay(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        fly: Fly) -> None:
    hotel("Hyatt Regency", "Casablanca")
    tour = hotel("Tour Hassan", "Rabat")
    who = person()
    fly(who, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    fly(who, "AT 200", "CMN", "2007-05-18 11:00", "JFK", "2007-05-18 13:30")
    booked = add_stay(session, who.id, HotelStayInput(tour.id, may(14), may(15)))
    made = propose_stays(session)
    assert made == [booked]
    assert (booked.hotel_id, booked.check_in, booked.check_out) == (tour.id, may(14), may(18))


def test_rooming_list_cell_by_cell(session: Session, person: Callable[..., Person],
                                   hotel: Callable[..., Venue],
                                   organization: Callable[..., Organization]) -> None:
    hyatt = hotel()
    company = organization("Pacific Sourcing")
    zoe = person("Zoé", "Zimmer", organization_id=company.id, dietary_needs="vegetarian",
                 accessibility_needs="wheelchair")
    al = person("Al", "Éluard")
    add_stay(session, zoe.id, HotelStayInput(hyatt.id, may(13), may(17), RoomType.TWIN, "512",
                                             sharing_with_id=al.id,
                                             special_requests="Quiet room", confirmed=True))
    add_stay(session, al.id, HotelStayInput(hyatt.id, may(14), may(17), RoomType.TWIN, "512",
                                            sharing_with_id=zoe.id))
    rows = rooming_list(session, hyatt.id)
    assert [tuple(vars(r).values())[2:] for r in rows] == [
        ("Éluard, Al", "", RoomType.TWIN, may(14), may(17), 3, "Zoé Zimmer", "", "512", False),
        ("Zimmer, Zoé", "Pacific Sourcing", RoomType.TWIN, may(13), may(17), 4, "Al Éluard",
         "Quiet room; Diet: vegetarian; Access: wheelchair", "512", True),
    ]
    assert [r.guest for r in rooming_list(session, hyatt.id, confirmed_only=True)] == [
        "Zimmer, Zoé"]
    assert isinstance(rows[0], RoomingRow)


def test_occupancy_counts_a_mutually_shared_room_once(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue]) -> None:
    hyatt = hotel()
    ann, bob, cy, dee = (person(n, "X" + n) for n in ("Ann", "Bob", "Cy", "Dee"))
    eve, fay = person("Eve", "Y"), person("Fay", "Y")
    for who, mate in ((ann, bob), (bob, ann), (eve, fay)):
        add_stay(session, who.id, HotelStayInput(hyatt.id, may(14), may(15), RoomType.TWIN,
                                                 sharing_with_id=mate.id))
    add_stay(session, fay.id, HotelStayInput(hyatt.id, may(14), may(15), RoomType.TWIN))
    add_stay(session, cy.id, HotelStayInput(hyatt.id, may(14), may(16), RoomType.TWIN))
    add_stay(session, dee.id, HotelStayInput(hyatt.id, may(14), may(15)))
    add_block(session, RoomBlockInput(hyatt.id, may(14), RoomType.TWIN, 3))
    add_block(session, RoomBlockInput(hyatt.id, may(14), RoomType.SINGLE, 0))
    rows = occupancy(session, hyatt.id)
    # Ann+Bob share one room; Eve names Fay but Fay does not name Eve: two rooms.
    assert rows == [OccupancyRow(may(14), RoomType.SINGLE, 1, 0),
                    OccupancyRow(may(14), RoomType.TWIN, 4, 3),
                    OccupancyRow(may(15), RoomType.TWIN, 1, None)]
    assert [r.over for r in rows] == [1, 1, 0]


@pytest.mark.parametrize("confirmed_only", [False, True])
def test_an_empty_hotel_has_an_empty_rooming_list(session: Session, hotel: Callable[..., Venue],
                                                  confirmed_only: bool) -> None:
    assert rooming_list(session, hotel().id, confirmed_only=confirmed_only) == []
