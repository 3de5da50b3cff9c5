"""What an import changed, taken back and put again: added rows go and come back with their
ids, updated rows get their old values back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import Category
from desktop.db.models import FlightSegment
from desktop.exchange.fields import Kind
from desktop.exchange.importer import apply, preview
from desktop.exchange.mapping import guess_mapping
from desktop.exchange.sources import read_source
from desktop.roster.people import PersonInput, add_person
from desktop.ui.exchange.undoimport import changes_between, put_again, read_rows, take_back

ENGLISH_AGENT = (
    "Email,Flight,From,To,Departure date,Departure time,Arrival time,PNR\n"
    "dprice@missionbay.example,AT 201,JFK,CMN,2007-05-12,18:40,07:05,XK4PQ2\n"
    "dprice@missionbay.example,AT 410,CMN,RBA,2007-05-13,09:30,10:05,XK4PQ2\n"
    "dprice@missionbay.example,AT 200,CMN,JFK,2007-05-18,15:00,17:45,XK4PQ2\n")


def load_roster(session: Session) -> None:
    add_person(session, PersonInput(given_name="Daniel", family_name="Price",
                                    email="dprice@missionbay.example",
                                    category=Category.DELEGATE))



def write_flights(session: Session, path: Path):  # type: ignore[no-untyped-def]
    before = read_rows(session, Kind.FLIGHTS)
    source = read_source(path)
    apply(session, preview(session, "flights", source, guess_mapping("flights",
                                                                      source.headers)))
    return changes_between(before, read_rows(session, Kind.FLIGHTS))


def legs(session: Session) -> list[tuple[int, str, str]]:
    return [(s.id, s.flight_number, s.booking_reference)
            for s in session.scalars(select(FlightSegment).order_by(FlightSegment.id))]


def csv_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_added_legs_go_and_come_back_with_their_ids(session: Session, tmp_path: Path) -> None:
    load_roster(session)
    changes = write_flights(session, csv_file(tmp_path, "agent.csv", ENGLISH_AGENT))
    written = legs(session)
    assert len(changes.added["flight_segment"]) == 3 and not changes.after["flight_segment"]
    take_back(session, changes)
    assert legs(session) == []
    put_again(session, changes)
    assert legs(session) == written


def test_updated_legs_get_their_old_values_back(session: Session, tmp_path: Path) -> None:
    load_roster(session)
    write_flights(session, csv_file(tmp_path, "agent.csv", ENGLISH_AGENT))
    first = legs(session)
    changes = write_flights(session, csv_file(
        tmp_path, "new.csv", ENGLISH_AGENT.replace("XK4PQ2", "ZZ9ZZ9")))
    assert not changes.added["flight_segment"] and len(changes.after["flight_segment"]) == 3
    take_back(session, changes)
    assert legs(session) == first
    put_again(session, changes)
    assert {reference for _id, _number, reference in legs(session)} == {"ZZ9ZZ9"}
