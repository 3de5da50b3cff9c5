"""Importing a travel agent's flight sheet: one row per leg, local times per airport, the
passenger matched to the roster, the same leg never booked twice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import FlightSegment, Person
from desktop.exchange.importer import ImportPreview, Outcome, apply, preview
from desktop.exchange.mapping import guess_mapping
from desktop.exchange.sources import read_source
from desktop.travel.flights import flight_input, list_flights

from .travel_fixtures import load_roster

Writer = Callable[..., Path]

ENGLISH_AGENT = (
    "Passenger,Email,Flight,From,To,Departure date,Departure time,Arrival time,PNR\r\n"
    "Daniel Price,dprice@missionbay.example,AT 201,JFK,CMN,05/12/2007,6:40 PM,7:05 AM,XK4PQ2\r\n"
    ",,AT 410,CMN,RBA,05/13/2007,9:30 AM,10:05 AM,XK4PQ2\r\n"
    "\"PRICE/DANIEL MR\",,AT 200,CMN,JFK,05/18/2007,3:00 PM,5:45 PM,XK4PQ2\r\n")

FRENCH_AGENT = (
    "Passager;Compagnie;N° de vol;Départ;Arrivée;Date de départ;Heure de départ;"
    "Heure d'arrivée;Référence\r\n"
    "ALAMI Samir;AT;0502;Casablanca (CMN);Montréal (YUL);13/05/2007;11h15;14h05;RZ7K2M\r\n"
    "Benjelloun Rim;AF;1397;RBA;CDG;14/05/2007;07h40;11h55;\r\n")


@pytest.fixture
def roster(session: Session) -> None:
    load_roster(session)


def run(session: Session, path: Path) -> ImportPreview:
    source = read_source(path)
    result = preview(session, "flights", source, guess_mapping("flights", source.headers))
    if not result.rejected_rows:
        apply(session, result)
    return result


def person(session: Session, family: str) -> Person:
    return session.scalars(select(Person).where(Person.family_name == family)).one()


@pytest.mark.usefixtures("roster")
def test_an_english_agent_sheet_books_every_leg_in_local_times(session: Session,
                                                                 write_file: Writer) -> None:
    result = run(session, write_file("agent.csv", ENGLISH_AGENT))
    assert result.counts == {"added": 3, "updated": 0, "unchanged": 0, "rejected": 0}
    assert any("above" in note.message for note in result.notes)
    legs = list_flights(session, person(session, "Price").id)
    assert [(s.carrier, s.flight_number, s.from_airport, s.to_airport) for s in legs] == [
        ("AT", "201", "JFK", "CMN"), ("AT", "410", "CMN", "RBA"), ("AT", "200", "CMN", "JFK")]
    overnight = flight_input(legs[0])
    assert overnight.departs_local == datetime(2007, 5, 12, 18, 40)
    assert overnight.arrives_local == datetime(2007, 5, 13, 7, 5)  # lands the next day
    assert legs[0].departs_at == datetime(2007, 5, 12, 22, 40, tzinfo=UTC)  # New York, EDT
    assert legs[0].booking_reference == "XK4PQ2"


@pytest.mark.usefixtures("roster")
def test_a_french_agent_sheet_reads_codes_cities_and_french_times(session: Session,
                                                                  write_file: Writer) -> None:
    path = write_file("vols.csv", FRENCH_AGENT, encoding="windows-1252")
    result = run(session, path)
    assert result.counts["added"] == 2, result.problems
    (leg,) = list_flights(session, person(session, "Alami").id)
    assert (leg.carrier, leg.flight_number, leg.from_airport, leg.to_airport) == (
        "AT", "502", "CMN", "YUL")
    assert flight_input(leg).arrives_local == datetime(2007, 5, 13, 14, 5)
    assert leg.arrival_zone == "America/Toronto"


@pytest.mark.usefixtures("roster")
def test_the_same_sheet_twice_is_unchanged_and_a_new_reference_updates(
        session: Session, write_file: Writer) -> None:
    run(session, write_file("agent.csv", ENGLISH_AGENT))
    again = run(session, write_file("agent.csv", ENGLISH_AGENT))
    assert again.counts == {"added": 0, "updated": 0, "unchanged": 3, "rejected": 0}
    changed = run(session, write_file("agent2.csv", ENGLISH_AGENT.replace("XK4PQ2", "ZZ9ZZ9")))
    assert changed.counts["updated"] == 3
    assert changed.rows[0].changes == ["Booking reference"]
    assert len(session.scalars(select(FlightSegment)).all()) == 3


@pytest.mark.usefixtures("roster")
def test_combined_date_time_cells_and_a_next_day_mark(session: Session,
                                                      write_file: Writer) -> None:
    path = write_file("legs.csv", "Email;Flight code;Origin;Destination;Departure;Arrival time\n"
                                  "dprice@missionbay.example;AT201;JFK;CMN;"
                                  "2007-05-12 18:40;07:05+1\n")
    result = run(session, path)
    assert result.counts["added"] == 1, result.problems
    (leg,) = list_flights(session, person(session, "Price").id)
    assert flight_input(leg).arrives_local == datetime(2007, 5, 13, 7, 5)


@pytest.mark.usefixtures("roster")
def test_bad_rows_say_row_column_and_why(session: Session, write_file: Writer) -> None:
    path = write_file("bad.csv", (
        "Passenger,Flight,From,To,Departure date,Departure time,Arrival time\n"
        "Daniel Price,AT 201,JFK,XXX,2007-05-12,18:40,07:05\n"
        "Nobody Known,AT 201,JFK,CMN,2007-05-12,18:40,07:05\n"
        "Daniel Price,AT 202,JFK,CMN,2007-05-32,18:40,07:05\n"
        "Daniel Price,banana,JFK,CMN,2007-05-12,18:40,07:05\n"
        "Daniel Price,AT 203,JFK,CMN,2007-05-12,,07:05\n"))
    result = run(session, path)
    assert result.counts["rejected"] == 5
    where = {(p.row, p.column) for p in result.problems}
    assert {(2, "To"), (3, "Passenger"), (4, "Departure date"), (5, "Flight"),
            (6, "Departure time")} <= where
    messages = " ".join(p.message for p in result.problems)
    assert "Unknown airport code “XXX”" in messages
    assert "No one called “Nobody Known” is on the roster" in messages
    assert session.scalars(select(FlightSegment)).first() is None


@pytest.mark.usefixtures("roster")
def test_one_leg_twice_in_a_file_is_refused(session: Session, write_file: Writer) -> None:
    line = "dprice@missionbay.example,AT 201,JFK,CMN,2007-05-12 18:40,2007-05-13 07:05\n"
    path = write_file("twice.csv", "Email,Flight,From,To,Departure date,Arrival date\n"
                      + line + line)
    result = run(session, path)
    assert [r.outcome for r in result.rows] == [Outcome.ADDED, Outcome.REJECTED]
    assert "Row 2 already books Daniel Price" in result.problems[0].message
