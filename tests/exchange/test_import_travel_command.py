"""``mission-desk import flights|hotel-stays|meeting-requests``: the same rules as people —
preview, all or nothing, --dry-run, --skip-invalid with a rejected file, --report, exit codes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.db.missionfile import MissionFile
from desktop.travel.flights import flight_input, list_flights

from .test_import_flights import ENGLISH_AGENT, FRENCH_AGENT
from .test_import_stays_requests import ROOMING_FR
from .travel_fixtures import load_roster

Writer = Callable[..., Path]


@pytest.fixture
def mission(mission_file: MissionFile) -> Path:
    """A closed mission file with the sample roster and two hotels."""
    with mission_file.transaction() as session:
        load_roster(session)
    assert mission_file.path is not None
    mission_file.close()
    return mission_file.path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def legs(mission: Path) -> list[tuple[str, datetime | None, datetime | None]]:
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        return [(f"{s.carrier} {s.flight_number}", flight_input(s).departs_local,
                 flight_input(s).arrives_local) for s in list_flights(session)]


def test_an_english_agent_workbook_with_excel_date_times(
        mission: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Traveler", "Airline", "Flight #", "Origin", "Destination", "Departure",
                  "Arrival", "Record locator"])
    sheet.append(["Price/Daniel Mr", "AT", 201, "JFK", "CMN", datetime(2007, 5, 12, 18, 40),
                  datetime(2007, 5, 13, 7, 5), "XK4PQ2"])
    sheet.append([None, "AT", 410, "CMN", "RBA", datetime(2007, 5, 13, 9, 30),
                  datetime(2007, 5, 13, 10, 5), "XK4PQ2"])
    book.save(tmp_path / "agent.xlsx")
    code, out, err = run(capsys, "import", "flights", tmp_path / "agent.xlsx", "-m", mission)
    assert (code, err) == (0, ""), out
    assert "2 added, 0 updated, 0 unchanged, 0 rejected" in out
    assert legs(mission) == [
        ("AT 201", datetime(2007, 5, 12, 18, 40), datetime(2007, 5, 13, 7, 5)),
        ("AT 410", datetime(2007, 5, 13, 9, 30), datetime(2007, 5, 13, 10, 5))]


def test_a_french_agent_csv_dry_run_then_import_then_unchanged(
        mission: Path, write_file: Writer, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_file("vols.csv", FRENCH_AGENT, encoding="windows-1252")
    before = digest(mission)
    code, out, _err = run(capsys, "import", "flights", path, "-m", mission, "--dry-run")
    assert code == 0 and "2 added" in out and "Nothing was written" in out
    assert digest(mission) == before
    code, out, _err = run(capsys, "import", "flights", path, "-m", mission)
    assert code == 0 and "2 added" in out
    code, out, _err = run(capsys, "import", "flights", path, "-m", mission)
    assert code == 0 and "0 added, 0 updated, 2 unchanged, 0 rejected" in out


def test_a_bad_row_writes_nothing_unless_skipped(mission: Path, tmp_path: Path,
                                                 write_file: Writer,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = write_file("agent.csv", ENGLISH_AGENT.replace(",CMN,RBA,", ",CMN,QQQ,"))
    report = tmp_path / "report.json"
    before = digest(mission)
    code, out, _err = run(capsys, "import", "flights", path, "-m", mission, "--report", report)
    assert code == 1 and "Nothing was written" in out
    assert "agent.csv, row 3, column To: Unknown airport code “QQQ”" in out
    assert digest(mission) == before
    data = json.loads(report.read_text("utf-8"))
    assert (data["added"], data["rejected"]) == (2, 1)
    assert data["problems"][0]["row"] == 3 and data["problems"][0]["column"] == "To"
    code, out, _err = run(capsys, "import", "flights", path, "-m", mission, "--skip-invalid")
    assert code == 0 and "2 added" in out and "1 rejected" in out
    assert "QQQ" in path.with_name("agent-rejected.csv").read_text("utf-8-sig")
    assert [leg for leg, _d, _a in legs(mission)] == ["AT 201", "AT 200"]


@pytest.mark.parametrize(("kind", "content", "message"), [
    ("flights", "Prénom;Nom;Email\nAnn;Lee;a@b.com\n", "no column for Flight"),
    ("flights", "Colour;Size\nred;XL\n", "does not look like a list of flights"),
    ("hotel-stays", "Email,Check-in,Check-out\na@b.com,2007-05-13,2007-05-14\n",
     "no column for Hotel"),
    ("meeting-requests", "Requester,Priority\nTPS,1\n", "no column for Wants to meet"),
])
def test_files_of_the_wrong_shape_give_one_message(mission: Path, write_file: Writer,
                                                   kind: str, content: str, message: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", kind, write_file("x.csv", content), "-m", mission)
    assert code == 1 and message in err and "Traceback" not in err + out


def test_stays_and_requests_from_the_command_line(mission: Path, tmp_path: Path,
                                                  write_file: Writer,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "import", "hotel-stays", write_file("r.csv", ROOMING_FR),
                          "-m", mission)
    assert code == 0 and "2 added" in out
    wishes = write_file("w.csv", "De;À;Priorité\nDaniel Price;Technopark Software;haute\n")
    report = tmp_path / "report.json"
    code, out, _err = run(capsys, "import", "meeting-requests", wishes, "-m", mission,
                          "--report", report)
    assert code == 0 and "1 added" in out
    assert json.loads(report.read_text("utf-8"))["added"] == 1
