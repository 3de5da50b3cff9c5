"""``mission-desk travel group-transfers`` and ``mission-desk travel check``."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db.enums import Category, Status, VenueKind
from desktop.db.missionfile import MissionFile
from desktop.db.models import Transfer, Venue
from desktop.roster.people import PersonInput, add_person
from desktop.travel.flights import FlightInput, add_flight
from desktop.travel.hotels import HotelStayInput, add_stay
from tests.conftest import new_mission_file


@pytest.fixture
def mission_path(tmp_path: Path) -> Path:
    """A closed mission file: two delegates on AT 201, one with a hotel, one without."""
    path = tmp_path / "cli.mission"
    mission = new_mission_file(path)
    with mission.transaction() as session:
        hyatt = Venue(name="Hyatt Regency", kind=VenueKind.HOTEL, city="Casablanca",
                      timezone="Africa/Casablanca")
        session.add(hyatt)
        session.flush()
        for given in ("Ann", "Hal"):
            who = add_person(session, PersonInput(given_name=given, family_name="Able",
                                                  category=Category.DELEGATE,
                                                  status=Status.CONFIRMED, nationality="US"))
            add_flight(session, who.id, FlightInput(
                flight_number="AT201", from_airport="JFK", to_airport="CMN",
                departs_local=datetime(2007, 5, 13, 18),
                arrives_local=datetime(2007, 5, 14, 6, 30)))
            if given == "Ann":
                add_stay(session, who.id, HotelStayInput(hyatt.id, date(2007, 5, 14),
                                                         date(2007, 5, 18)))
    mission.close()
    return path


def transfers_in(path: Path) -> int:
    with MissionFile.open(path, backup=False) as mission, mission.transaction() as session:
        return session.scalar(select(func.count()).select_from(Transfer)) or 0


def test_group_transfers_prints_runs_and_writes_only_with_apply(
        mission_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["travel", "group-transfers", "--mission", str(mission_path)]) == 0
    out = capsys.readouterr().out
    assert ("2007-05-14 07:15 UTC+00  arrival  CMN → Hyatt Regency  car (1/3)  "
            "Ann Able (AT 201)") in out
    assert "left out: Hal Able (AT 201): no hotel booked for the night of May 14, 2007" in out
    assert "Nothing written" in out
    assert transfers_in(mission_path) == 0
    assert main(["travel", "group-transfers", "-m", str(mission_path), "--capacity", "4",
                 "--window", "30", "--apply"]) == 0
    assert "Wrote 1 proposed transfer." in capsys.readouterr().out
    assert transfers_in(mission_path) == 1


def test_check_prints_one_line_per_problem_and_exits_1(
        mission_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["travel", "check", "--mission", str(mission_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "warning: Hal Able has no hotel night booked; they need 4 nights from May 14, 2007 to "
        "May 17, 2007.",
    ]


def test_check_exits_0_on_a_clean_mission(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    new_mission_file(tmp_path / "empty.mission").close()
    assert main(["travel", "check", "-m", str(tmp_path / "empty.mission")]) == 0
    assert capsys.readouterr().out.strip() == "No travel problems found."


def test_bad_options_are_usage_errors(mission_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["travel", "group-transfers", "-m", str(mission_path), "--capacity", "0"]) == 2
    assert "--capacity must be at least 1" in capsys.readouterr().err
