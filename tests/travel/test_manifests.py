"""The driver's manifest and the day's arrivals board."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from desktop.db.enums import TransferDirection, VehicleKind
from desktop.db.models import FlightSegment, Organization, Person, Venue
from desktop.travel.hotels import HotelStayInput, add_stay
from desktop.travel.transfers import (
    add_passenger,
    apply_proposal,
    arrivals_board,
    group_transfers,
    manifest,
)

Fly = Callable[..., FlightSegment]


def test_manifest_lists_each_passenger_with_flight_phone_and_luggage(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        organization: Callable[..., Organization], fly: Fly) -> None:
    hyatt = hotel()
    company = organization("Atlas Outsourcing", country="US")
    ann = person("Ann", "Able", organization_id=company.id, phone="(415) 555-0134")
    bob = person("Bob", "Baker", nationality="CA")
    for who in (ann, bob):
        add_stay(session, who.id, HotelStayInput(hyatt.id, date(2007, 5, 14), date(2007, 5, 18)))
    fly(ann, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    fly(bob, "AF 1396", "CDG", "2007-05-14 05:00", "CMN", "2007-05-14 06:50")
    [transfer] = apply_proposal(session, group_transfers(session))
    transfer.passengers[0].luggage_note = "golf bag"
    sheet = manifest(session, transfer.id)
    assert sheet.direction == TransferDirection.ARRIVAL
    assert sheet.departs_local.strftime("%Y-%m-%d %H:%M") == "2007-05-14 07:35"
    assert sheet.zone_abbreviation == "UTC+00"
    assert (sheet.pick_up, sheet.drop_off) == ("Mohammed V International Airport",
                                               "Hyatt Regency")
    assert (sheet.vehicle_kind, sheet.capacity) == (VehicleKind.CAR, 3)
    assert sheet.flights == ["AF 1396", "AT 201"]
    rows = [(r.name, r.organization, r.phone, r.flight,
             r.flight_time.strftime("%H:%M") if r.flight_time else None, r.luggage_note)
            for r in sheet.rows]
    assert rows == [
        ("Ann Able", "Atlas Outsourcing", "+1 415-555-0134", "AT 201", "06:30", "golf bag"),
        ("Bob Baker", "", "", "AF 1396", "06:50", ""),
    ]


def test_the_board_shows_a_local_day_of_arrivals_and_departures(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        fly: Fly) -> None:
    hyatt = hotel()
    ann, bob = person("Ann", "Able"), person("Bob", "Baker")
    for who in (ann, bob):
        add_stay(session, who.id, HotelStayInput(hyatt.id, date(2007, 5, 14), date(2007, 5, 18)))
        fly(who, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    fly(ann, "AT 200", "CMN", "2007-05-18 11:00", "JFK", "2007-05-18 13:30")
    [run] = apply_proposal(session, group_transfers(
        session, window_minutes=60, directions=(TransferDirection.ARRIVAL,)))
    assert arrivals_board(session, date(2007, 5, 13)) == []  # the JFK take-off is not ours
    [row] = arrivals_board(session, date(2007, 5, 14))
    assert (row.direction, row.flight, row.airport, row.other_airport) == (
        TransferDirection.ARRIVAL, "AT 201", "CMN", "JFK")
    assert (row.local_time.strftime("%H:%M"), row.zone_abbreviation) == ("06:30", "UTC+00")
    assert [(p.name, p.hotel, p.transfer_id) for p in row.passengers] == [
        ("Ann Able", "Hyatt Regency", run.id), ("Bob Baker", "Hyatt Regency", run.id)]
    [leaving] = arrivals_board(session, date(2007, 5, 18))
    assert (leaving.direction, leaving.flight, leaving.other_airport) == (
        TransferDirection.DEPARTURE, "AT 200", "JFK")
    assert [(p.name, p.hotel, p.transfer_id) for p in leaving.passengers] == [
        ("Ann Able", "Hyatt Regency", None)]


def test_a_hand_made_seat_without_a_flight_shows_in_the_manifest(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        fly: Fly) -> None:
    hyatt = hotel()
    ann = person("Ann", "Able")
    add_stay(session, ann.id, HotelStayInput(hyatt.id, date(2007, 5, 14), date(2007, 5, 18)))
    fly(ann, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    [transfer] = apply_proposal(session, group_transfers(session))
    add_passenger(session, transfer.id, person("Guide", "Local").id)
    names = [(r.name, r.flight) for r in manifest(session, transfer.id).rows]
    assert names == [("Ann Able", "AT 201"), ("Guide Local", "")]


def test_the_board_finds_a_hand_made_seat_not_linked_to_the_flight(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue],
        fly: Fly) -> None:
    hyatt = hotel()
    ann, bob = person("Ann", "Able"), person("Bob", "Baker")
    for who in (ann, bob):
        add_stay(session, who.id, HotelStayInput(hyatt.id, date(2007, 5, 14), date(2007, 5, 18)))
    fly(ann, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    [run] = apply_proposal(session, group_transfers(session))
    fly(bob, "AF 1396", "CDG", "2007-05-14 05:00", "CMN", "2007-05-14 06:50")
    add_passenger(session, run.id, bob.id)  # seated by hand, no flight named
    fly(bob, "AT 200", "CMN", "2007-05-18 11:00", "JFK", "2007-05-18 13:30")
    rows = arrivals_board(session, date(2007, 5, 14))
    assert [(p.name, p.transfer_id) for row in rows for p in row.passengers] == [
        ("Ann Able", run.id), ("Bob Baker", run.id)]
    # The arrival run does not serve the departure four days later.
    [leaving] = arrivals_board(session, date(2007, 5, 18))
    assert [p.transfer_id for p in leaving.passengers] == [None]
