"""Transfer runs and their seats: capacity is a promise, moves keep what travels with a seat."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import TransferDirection, TransferStatus, VehicleKind
from desktop.db.models import FlightSegment, Person, Transfer, Venue
from desktop.errors import ConflictError, NotFoundError, ValidationError
from desktop.travel.proposals import airport_venue
from desktop.travel.transfers import (
    TransferInput,
    add_passenger,
    add_transfer,
    confirm_transfer,
    delete_transfer,
    list_transfers,
    move_passenger,
    remove_passenger,
    transfer_input,
    update_transfer,
)
from tests.travel.conftest import dt


@pytest.fixture
def run(session: Session, hotel: Callable[..., Venue]) -> Callable[..., Transfer]:
    hyatt = hotel()

    def make(time: str = "2007-05-14 07:30", capacity: int = 2) -> Transfer:
        return add_transfer(session, TransferInput(
            direction=TransferDirection.ARRIVAL, from_venue_id=airport_venue(session, "CMN").id,
            to_venue_id=hyatt.id, departs_local=dt(time), capacity=capacity,
            driver_phone="06 61 23 45 67"))

    return make


def test_a_run_is_kept_as_an_instant_with_the_pick_up_zone(
        session: Session, run: Callable[..., Transfer]) -> None:
    made = run()
    assert made.departs_at == datetime(2007, 5, 14, 7, 30, tzinfo=UTC)
    assert made.zone == "Africa/Casablanca"
    assert made.driver_phone == "+212661234567"
    assert made.status == TransferStatus.PROPOSED
    assert made.from_venue.iata == "CMN"
    assert transfer_input(made).departs_local == dt("2007-05-14 07:30")
    assert list_transfers(session, day=datetime(2007, 5, 14).date()) == [made]
    assert list_transfers(session, day=datetime(2007, 5, 15).date()) == []
    assert confirm_transfer(session, made.id).status == TransferStatus.CONFIRMED


def test_a_full_run_refuses_another_passenger_and_says_why(
        session: Session, run: Callable[..., Transfer], person: Callable[..., Person]) -> None:
    made = run(capacity=2)
    ann, bob, cy = person("Ann", "Able"), person("Bob", "Baker"), person("Cy", "Cole")
    add_passenger(session, made.id, ann.id)
    add_passenger(session, made.id, bob.id)
    with pytest.raises(ConflictError) as exc:
        add_passenger(session, made.id, cy.id)
    assert exc.value.message == (
        "Cy Cole cannot join the van leaving Mohammed V International Airport at "
        "2007-05-14 07:30 UTC+00: its 2 seats are taken (Ann Able, Bob Baker).")
    assert len(made.passengers) == 2


def test_one_seat_per_person_and_their_own_flight_only(
        session: Session, run: Callable[..., Transfer], person: Callable[..., Person],
        fly: Callable[..., FlightSegment]) -> None:
    made = run()
    ann, bob = person("Ann", "Able"), person("Bob", "Baker")
    bobs = fly(bob, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    with pytest.raises(ConflictError, match="not one of Ann Able's"):
        add_passenger(session, made.id, ann.id, flight_id=bobs.id)
    add_passenger(session, made.id, ann.id)
    with pytest.raises(ConflictError, match="already in"):
        add_passenger(session, made.id, ann.id)
    assert [p.person_id for p in made.passengers] == [ann.id]


def test_moving_a_passenger_keeps_flight_and_luggage_and_respects_room(
        session: Session, run: Callable[..., Transfer], person: Callable[..., Person],
        fly: Callable[..., FlightSegment]) -> None:
    first, second = run("2007-05-14 07:30", 2), run("2007-05-14 08:30", 1)
    ann, bob = person("Ann", "Able"), person("Bob", "Baker")
    flight = fly(ann, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    add_passenger(session, first.id, ann.id, flight.id, "two golf bags")
    add_passenger(session, second.id, bob.id)
    with pytest.raises(ConflictError, match="1 seats are taken"):
        move_passenger(session, ann.id, first.id, second.id)
    assert [p.person_id for p in first.passengers] == [ann.id]
    remove_passenger(session, second.id, bob.id)
    seat = move_passenger(session, ann.id, first.id, second.id)
    assert (seat.transfer_id, seat.flight_id, seat.luggage_note) == (
        second.id, flight.id, "two golf bags")
    assert first.passengers == []
    with pytest.raises(NotFoundError):
        move_passenger(session, ann.id, first.id, second.id)


def test_capacity_cannot_drop_below_the_passengers_aboard(
        session: Session, run: Callable[..., Transfer], person: Callable[..., Person]) -> None:
    made = run(capacity=3)
    for name in ("Ann", "Bob"):
        add_passenger(session, made.id, person(name, "X").id)
    data = transfer_input(made)
    data.capacity = 1
    with pytest.raises(ValidationError, match="at least 2 seats") as exc:
        update_transfer(session, made.id, data)
    assert exc.value.field == "capacity"
    data.capacity, data.vehicle_kind = 2, VehicleKind.CAR
    assert update_transfer(session, made.id, data).vehicle_kind == VehicleKind.CAR


def test_a_run_needs_two_places_and_a_time(session: Session, run: Callable[..., Transfer],
                                           hotel: Callable[..., Venue]) -> None:
    hyatt = hotel("Sofitel", "Rabat")
    bad = TransferInput(direction=TransferDirection.OTHER, from_venue_id=hyatt.id,
                        to_venue_id=hyatt.id, departs_local=None, capacity=0)
    with pytest.raises(ValidationError) as exc:
        add_transfer(session, bad)
    assert {p.field for p in exc.value.problems} == {"to_venue_id", "departs_local", "capacity"}


def test_deleting_a_run_frees_its_seats(session: Session, run: Callable[..., Transfer],
                                        person: Callable[..., Person]) -> None:
    made = run()
    add_passenger(session, made.id, person().id)
    delete_transfer(session, made.id)
    assert list_transfers(session) == []
