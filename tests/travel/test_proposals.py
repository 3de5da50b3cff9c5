"""Automatic airport runs: who rides together, in what, and when it leaves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import Status, TransferDirection, TransferStatus, VehicleKind
from desktop.db.models import FlightSegment, Person, Venue
from desktop.travel.grouping import fewest_runs
from desktop.travel.hotels import HotelStayInput, add_stay
from desktop.travel.transfers import (
    apply_proposal,
    group_transfers,
    list_transfers,
    plan_transfers,
)

Fly = Callable[..., FlightSegment]


def booked(session: Session, who: Person, hotel: Venue, first: int = 13,
           last: int = 19) -> Person:
    add_stay(session, who.id, HotelStayInput(hotel.id, date(2007, 5, first),
                                             date(2007, 5, last)))
    return who


def landing(fly: Fly, who: Person, code: str, time: str) -> FlightSegment:
    """A flight from Paris landing at Casablanca at ``time`` on 14 May (local = UTC)."""
    hour, minute = (int(x) for x in time.split(":"))
    dep = datetime(2007, 5, 14, hour, minute) - timedelta(hours=2, minutes=40)
    return fly(who, code, "CDG", (dep + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"), "CMN",
               f"2007-05-14 {time}")


def test_arrivals_within_the_window_share_the_fewest_vehicles(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        fly: Fly) -> None:
    hyatt = hotel()
    times = ["09:00", "09:10", "09:20", "09:50", "10:30", "13:00"]
    for index, time in enumerate(times):
        landing(fly, booked(session, person(f"P{index}", "Guest"), hyatt), f"AF {100 + index}",
                time)
    runs = group_transfers(session, window_minutes=60, capacity=3)
    minutes = [int(t[:2]) * 60 + int(t[3:]) for t in times]
    assert len(runs) == fewest_runs(minutes, 60, 3) == 3
    assert all(len(r.seats) <= r.capacity == 3 for r in runs)
    assert sorted(len(r.seats) for r in runs) == [1, 2, 3]
    for r in runs:
        landed = [s.flight_at for s in r.seats]
        assert max(landed) - min(landed) <= timedelta(minutes=60)
        assert r.departs_at == max(landed) + timedelta(minutes=45)  # out of the airport
        assert (r.direction, r.airport, r.hotel_name) == (TransferDirection.ARRIVAL, "CMN",
                                                          "Hyatt Regency")


def test_the_default_fleet_takes_the_smallest_vehicle_that_fits(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        fly: Fly) -> None:
    hyatt = hotel()
    for index in range(5):
        landing(fly, booked(session, person(f"P{index}", "Guest"), hyatt), "AT 201", "06:30")
    [only] = group_transfers(session)
    assert (only.vehicle_kind, only.capacity, len(only.seats)) == (VehicleKind.VAN, 7, 5)
    assert only.waiting_minutes == 0


def test_people_going_to_different_hotels_ride_apart(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        fly: Fly) -> None:
    hyatt, sofitel = hotel(), hotel("Sofitel Tour Blanche")
    landing(fly, booked(session, person("Ann", "A"), hyatt), "AT 201", "06:30")
    landing(fly, booked(session, person("Bob", "B"), sofitel), "AT 201", "06:30")
    assert sorted(r.hotel_name for r in group_transfers(session)) == [
        "Hyatt Regency", "Sofitel Tour Blanche"]


def test_departures_leave_the_hotel_for_a_three_hour_check_in(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        fly: Fly) -> None:
    hyatt = hotel()
    ann = booked(session, person("Ann", "A"), hyatt, 14, 18)
    bob = booked(session, person("Bob", "B"), hyatt, 14, 18)
    fly(ann, "AT 200", "CMN", "2007-05-18 11:00", "JFK", "2007-05-18 13:30")
    fly(bob, "AF 1397", "CMN", "2007-05-18 11:40", "CDG", "2007-05-18 16:10")
    [run] = plan_transfers(session, directions=(TransferDirection.DEPARTURE,)).runs
    # 11:00 take-off - 3 h check-in - 1 h drive: leave at 07:00; Bob (07:40) rides along.
    assert run.departs_at == datetime(2007, 5, 18, 7, 0, tzinfo=UTC)
    assert [s.name for s in run.seats] == ["Ann A", "Bob B"]
    assert (run.pick_up, run.drop_off, run.waiting_minutes) == ("Hyatt Regency", "CMN", 40)


def test_only_the_last_leg_into_the_country_gets_an_arrival_run(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        fly: Fly) -> None:
    who = booked(session, person(), hotel())
    fly(who, "AF 7", "SFO", "2007-05-12 15:00", "CDG", "2007-05-13 10:40")
    last = fly(who, "AF 1396", "CDG", "2007-05-13 13:00", "CMN", "2007-05-13 14:50")
    [run] = group_transfers(session)
    assert [s.flight_id for s in run.seats] == [last.id]


def test_people_without_a_hotel_or_not_confirmed_are_left_out(
        session: Session, person: Callable[..., Person], fly: Fly) -> None:
    homeless = person("Hal", "Homeless")
    landing(fly, homeless, "AT 201", "06:30")
    landing(fly, person("Ivy", "Invited", status=Status.INVITED), "AT 201", "06:30")
    plan = plan_transfers(session)
    assert plan.runs == []
    assert [(s.name, s.flight, s.reason) for s in plan.skipped] == [
        ("Hal Homeless", "AT 201", "no hotel booked for the night of May 14, 2007")]


def test_applying_writes_proposed_runs_once(session: Session, person: Callable[..., Person],
                                            hotel: Callable[..., Venue], fly: Fly) -> None:
    hyatt = hotel()
    flights = [landing(fly, booked(session, person(f"P{i}", "Guest"), hyatt), "AT 201", "06:30")
               for i in range(4)]
    written = apply_proposal(session, group_transfers(session, capacity=3))
    assert sorted(len(t.passengers) for t in written) == [1, 3]
    assert all(t.status == TransferStatus.PROPOSED and t.capacity == 3 for t in written)
    assert all(t.from_venue.iata == "CMN" and t.to_venue_id == hyatt.id for t in written)
    assert sorted(p.flight_id for t in written for p in t.passengers) == sorted(
        f.id for f in flights)
    assert group_transfers(session) == []  # everyone is seated for their flight
    assert len(list_transfers(session)) == 2


@pytest.mark.parametrize("window", [-1])
def test_a_negative_window_is_refused(session: Session, window: int) -> None:
    from desktop.errors import ValidationError

    with pytest.raises(ValidationError, match="negative"):
        group_transfers(session, window_minutes=window)
