"""Importing hotel stays (a rooming list) and meeting requests (a wish list): matched to the
roster, the hotels and the organisations; the same record again is unchanged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.b2b.requests import list_requests
from desktop.db.enums import RequestStatus, RoomType
from desktop.db.models import B2BParticipant, HotelStay, Person
from desktop.exchange.importer import ImportPreview, apply, preview
from desktop.exchange.mapping import guess_mapping
from desktop.exchange.request_import import parse_priority
from desktop.exchange.sources import read_source

from .travel_fixtures import Roster, load_roster

Writer = Callable[..., Path]


@pytest.fixture
def roster(session: Session) -> Roster:
    return load_roster(session)


def run(session: Session, kind: str, path: Path) -> ImportPreview:
    source = read_source(path)
    result = preview(session, kind, source, guess_mapping(kind, source.headers))
    if not result.rejected_rows:
        apply(session, result)
    return result


def person_id(session: Session, family: str) -> int:
    return session.scalars(select(Person.id).where(Person.family_name == family)).one()


ROOMING_FR = (
    "Client;Hôtel;Arrivée;Départ;Type de chambre;N° de chambre;Partage avec;"
    "Demandes particulières\n"
    "Price, Daniel;hotel anfa atlantique;13/05/2007;17/05/2007;Individuelle;412;;"
    "Étage élevé\n"
    "Alami Samir;Hôtel Anfa Atlantique;13/05/2007;15/05/2007;Double;214;"
    "rim.benjelloun@tps.ma;\n")


def test_a_french_rooming_list_becomes_stays(session: Session, roster: Roster,
                                             write_file: Writer) -> None:
    result = run(session, "hotel-stays", write_file("rooming.csv", ROOMING_FR))
    assert result.counts == {"added": 2, "updated": 0, "unchanged": 0, "rejected": 0}
    price = session.scalars(select(HotelStay).where(
        HotelStay.person_id == person_id(session, "Price"))).one()
    assert (price.hotel_id, price.check_in, price.check_out) == (
        roster.anfa, date(2007, 5, 13), date(2007, 5, 17))
    assert (price.room_type, price.room_number, price.special_requests) == (
        RoomType.SINGLE, "412", "Étage élevé")
    alami = session.scalars(select(HotelStay).where(
        HotelStay.person_id == person_id(session, "Alami"))).one()
    assert alami.room_type is RoomType.DOUBLE
    assert alami.sharing_with_id == person_id(session, "Benjelloun")


def test_the_same_list_again_is_unchanged_and_a_moved_check_out_updates(
        session: Session, roster: Roster, write_file: Writer) -> None:
    run(session, "hotel-stays", write_file("rooming.csv", ROOMING_FR))
    again = run(session, "hotel-stays", write_file("rooming.csv", ROOMING_FR))
    assert again.counts["unchanged"] == 2
    moved = run(session, "hotel-stays",
                write_file("moved.csv", ROOMING_FR.replace("17/05/2007", "18/05/2007")))
    assert moved.counts == {"added": 0, "updated": 1, "unchanged": 1, "rejected": 0}
    assert moved.rows[0].changes == ["Check-out"]
    assert len(session.scalars(select(HotelStay)).all()) == 2


def test_bad_stay_rows_name_their_column(session: Session, roster: Roster,
                                         write_file: Writer) -> None:
    path = write_file("bad.csv", (
        "Guest,Hotel,Check-in,Check-out,Room type,Sharing with\n"
        "Daniel Price,Hotel California,2007-05-13,2007-05-17,single,\n"
        "Daniel Price,Hôtel Anfa Atlantique,2007-05-17,2007-05-13,single,\n"
        "Samir Alami,Hôtel Anfa Atlantique,2007-05-13,2007-05-15,penthouse,\n"
        "Samir Alami,Hôtel Anfa Atlantique,2007-05-13,2007-05-15,single,Rim Benjelloun\n"
        "Rim Benjelloun,Hôtel Anfa Atlantique,2007-05-13,2007-05-15,double,Ghost Person\n"))
    result = run(session, "hotel-stays", path)
    assert result.counts["rejected"] == 5
    where = {(p.row, p.column) for p in result.problems}
    assert {(2, "Hotel"), (3, "Check-out"), (4, "Room type"), (5, "Room type"),
            (6, "Sharing with")} <= where
    assert "“Hotel California” is not one of the mission's hotels" in result.problems[0].message
    assert session.scalars(select(HotelStay)).first() is None


def test_two_overlapping_rows_for_one_person_are_refused(session: Session, roster: Roster,
                                                         write_file: Writer) -> None:
    path = write_file("twice.csv", (
        "Email,Hotel,Check-in,Check-out\n"
        "dprice@missionbay.example,Hôtel Anfa Atlantique,2007-05-13,2007-05-15\n"
        "dprice@missionbay.example,Hôtel Jardins du Bouregreg,2007-05-14,2007-05-16\n"))
    result = run(session, "hotel-stays", path)
    assert result.counts["rejected"] == 1
    assert "Row 2 already puts Daniel Price in a hotel" in result.problems[0].message


@pytest.mark.parametrize(("text", "number"), [
    ("1", 1), (3.0, 3), ("haute", 1), ("High", 1), ("moyenne", 2), ("Medium", 2),
    ("basse", 3), ("low", 3), ("", None)])
def test_priorities_read_in_numbers_and_words(text: str | float, number: int | None) -> None:
    assert parse_priority(text) == number


def test_priority_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="not a priority"):
        parse_priority("4")


def test_a_french_wish_list_becomes_requests_and_participants(
        session: Session, roster: Roster, write_file: Writer) -> None:
    path = write_file("souhaits.csv", (
        "Demandeur;Souhaite rencontrer;Priorité;Statut;Remarques\n"
        "Mission Bay Systems, LLC;Casablanca Offshore Partners;haute;accepté;Offshoring .NET\n"
        "Daniel Price;Technopark Software;basse;;\n"
        "Rim Benjelloun;Mission Bay Systems, LLC;2;refusé;\n"))
    result = run(session, "meeting-requests", path)
    assert result.counts == {"added": 3, "updated": 0, "unchanged": 0, "rejected": 0}
    requests = list_requests(session)
    assert [(r.requester.name, r.target.name, r.priority, r.status) for r in requests] == [
        ("Mission Bay Systems, LLC", "Casablanca Offshore Partners", 1, RequestStatus.ACCEPTED),
        ("Rim Benjelloun", "Mission Bay Systems, LLC", 2, RequestStatus.DECLINED),
        ("Daniel Price", "Technopark Software", 3, RequestStatus.REQUESTED)]
    assert requests[0].note == "Offshoring .NET"
    assert len(session.scalars(select(B2BParticipant)).all()) == 5  # 3 organisations, 2 people
    again = run(session, "meeting-requests", path)
    assert again.counts["unchanged"] == 3


def test_bad_request_rows_are_rejected_with_their_column(session: Session, roster: Roster,
                                                         write_file: Writer) -> None:
    path = write_file("bad.csv", (
        "Requester,Wants to meet,Priority,Status\n"
        "Nobody Inc,Technopark Software,1,requested\n"
        "Technopark Software,Technopark Software,1,requested\n"
        "Daniel Price,Technopark Software,urgent,requested\n"
        "Daniel Price,Technopark Software,1,maybe\n"
        ",Technopark Software,1,requested\n"))
    result = run(session, "meeting-requests", path)
    assert result.counts["rejected"] == 5
    where = {(p.row, p.column) for p in result.problems}
    assert {(2, "Requester"), (3, "Wants to meet"), (4, "Priority"), (5, "Status"),
            (6, "Requester")} <= where
    assert session.scalars(select(B2BParticipant)).first() is None
