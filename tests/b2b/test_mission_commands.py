"""``b2b export-problem`` and ``schedule`` on a mission file."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.b2b.bridge import export_problem
from desktop.b2b.instance import PlacedMeeting, Schedule, Unscheduled
from desktop.b2b.mission_commands import (
    MissionCounts,
    add_export_problem,
    mission_counts,
    plain_summary,
    register,
)
from desktop.b2b.requests import RequestInput, add_request
from desktop.b2b.setup import ensure_participant, generate_slots, set_tables, set_unavailable
from desktop.db.enums import Category, RequestStatus, SessionKind, Side, Status
from desktop.db.missionfile import MissionFile
from desktop.db.models import B2BSlot, Meeting
from desktop.errors import UsageError
from desktop.missions import MissionInput, create_mission
from desktop.program.sessions import ProgramSessionInput, add_program_session
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="mission-desk")
    sub = parser.add_subparsers(dest="command")
    b2b = sub.add_parser("b2b").add_subparsers(dest="b2b_command")
    add_export_problem(b2b)
    register(sub)
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.fixture
def mission(tmp_path: Path) -> Path:
    """A closed mission file with one block, two tables and three accepted requests."""
    path = tmp_path / "forum.mission"
    with MissionFile.create(path) as created, created.transaction() as session:
        create_mission(session, MissionInput("Forum", date(2007, 5, 14), date(2007, 5, 17)))
        block = add_program_session(session, ProgramSessionInput(
            "B2B Casablanca", SessionKind.B2B_BLOCK, datetime(2007, 5, 15, 9),
            datetime(2007, 5, 15, 10)))
        generate_slots(session, block.id, 20)
        set_tables(session, block.id, 2)
        teams = {}
        for name, side in (("Atlas", Side.DELEGATION), ("Boston", Side.DELEGATION),
                           ("Maroc", Side.HOST)):
            org = add_organization(session, OrganizationInput(name, side))
            add_person(session, PersonInput("Pat", name, Category.DELEGATE, Status.CONFIRMED,
                                            organization_id=org.id, languages=["en"]))
            teams[name] = ensure_participant(session, organization_id=org.id).id
        for a, b in (("Atlas", "Maroc"), ("Boston", "Maroc"), ("Atlas", "Boston")):
            add_request(session, RequestInput(teams[a], teams[b], 1, RequestStatus.ACCEPTED))
    return path


def add_rabat_block(session: Session) -> None:
    """A second block, of three slots at one table: fewer tables than the first."""
    rabat = add_program_session(session, ProgramSessionInput(
        "B2B Rabat", SessionKind.B2B_BLOCK, datetime(2007, 5, 16, 9),
        datetime(2007, 5, 16, 10)))
    generate_slots(session, rabat.id, 20)
    set_tables(session, rabat.id, 1)


def meetings(path: Path) -> list[tuple[int, int]]:
    with MissionFile.open(path, backup=False) as opened, opened.transaction() as session:
        return [(m.slot_id, m.table_id) for m in session.scalars(select(Meeting))]


def test_export_problem_writes_an_instance_file(mission: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "problem.json"
    assert run(["b2b", "export-problem", "--mission", str(mission), "-o", str(out),
                "--time-limit", "5"]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "mission-desk.b2b-instance"
    assert len(doc["slots"]) == 3 and doc["tables"] == ["T1", "T2"]
    assert all(m["required"] for m in doc["meetings"]) and len(doc["meetings"]) == 3
    assert "3 slots, 2 tables, 3 participants, 3 meetings" in capsys.readouterr().out


def test_export_problem_never_writes_over_the_mission(mission: Path) -> None:
    before = mission.read_bytes()
    with pytest.raises(UsageError, match="is what the command reads"):
        run(["b2b", "export-problem", "--mission", str(mission), "-o", str(mission)])
    assert mission.read_bytes() == before


def test_schedule_stores_meetings_and_reports(mission: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["schedule", "--mission", str(mission), "--time-limit", "5"]) == 0
    captured = capsys.readouterr()
    assert "3 meetings placed" in captured.out
    assert "3 meetings created, 0 moved" in captured.out
    assert "placed" in captured.err and "bound" in captured.err  # progress lines
    assert len(meetings(mission)) == 3


def scheduled_then_one_away(mission: Path) -> None:
    """Schedule, then make the first meeting's first party unavailable in its slot."""
    assert run(["schedule", "--mission", str(mission), "--time-limit", "5", "--quiet"]) == 0
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        first = session.scalars(select(Meeting).order_by(Meeting.id)).first()
        assert first is not None
        set_unavailable(session, first.participant_a_id, first.slot_id, "a call home")


def test_replan_reports_what_moved(mission: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scheduled_then_one_away(mission)
    capsys.readouterr()
    assert run(["schedule", "--mission", str(mission), "--time-limit", "5", "--replan",
                "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "Moved: " in out and "from May 15, 2007 at" in out


def test_scheduling_afresh_over_placed_meetings_points_to_replan(
        mission: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scheduled_then_one_away(mission)
    capsys.readouterr()
    assert run(["schedule", "--mission", str(mission), "--time-limit", "5", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "started afresh and moved" in out and "--replan keeps meetings" in out


def test_an_infeasible_mission_stores_nothing(mission: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        atlas = ensure_participant(session, organization_id=1)
        for slot in session.scalars(select(B2BSlot)):
            set_unavailable(session, atlas.id, slot.id, "stuck in Paris")
    assert run(["schedule", "--mission", str(mission), "--time-limit", "5", "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "Nothing was stored." in out
    assert "Atlas" in out
    # The problem knows when Atlas is away; the mission also knows why.
    assert "Atlas cannot meet at some times: stuck in Paris." in out
    assert "meetings placed" not in out  # no counts of a schedule that is not stored
    assert meetings(mission) == []


def test_bad_options_are_usage_errors(mission: Path) -> None:
    for limit in ("0", "nan", "inf"):
        with pytest.raises(SystemExit) as info:
            run(["schedule", "--mission", str(mission), "--time-limit", limit])
        assert info.value.code == 2
    with pytest.raises(UsageError, match="--max-break-spread is a number of breaks"):
        run(["schedule", "--mission", str(mission), "--max-break-spread", "-5"])


def test_a_smaller_block_counts_only_the_missions_meetings(
        mission: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A second block with fewer tables closes the positions it lacks: no meeting is added
    to the problem, so both the schedule command and a solve of the exported problem count
    the mission's own three meetings."""
    from desktop.cli import main

    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        add_rabat_block(session)
        instance = export_problem(session)
    assert len(instance.meetings) == 3 and len(instance.participants) == 3
    assert all(slot.held == (("T2", None),) for slot in instance.slots[3:])
    assert run(["schedule", "--mission", str(mission), "--time-limit", "5", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "3 of 3 meetings placed" in out and "3 of 3 required" in out
    problem, answer = tmp_path / "problem.json", tmp_path / "answer.json"
    assert run(["b2b", "export-problem", "--mission", str(mission), "-o", str(problem)]) == 0
    assert main(["b2b", "solve", str(problem), "-o", str(answer), "--time-limit", "5",
                 "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "3 meetings placed" in out and "6 meetings placed" not in out
    assert main(["b2b", "check", str(answer), "--problem", str(problem)]) == 0


def test_mission_counts(mission: Path) -> None:
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        instance = export_problem(session)
    p1, p2, p3 = (m.id for m in instance.meetings)
    slots = [s.id for s in instance.slots]
    schedule = Schedule(instance.name, "feasible", (
        PlacedMeeting(p1, slots[0], "T1"), PlacedMeeting(p2, slots[2], "T1")),
        (Unscheduled(p3, "no room"),), scheduled=2, scheduled_priority=(2, 0, 0), breaks=1,
        bound_breaks=0)
    counts = mission_counts(instance, schedule)
    assert (counts.placed, counts.to_place, counts.required, counts.required_placed) == (
        2, 3, 3, 2)
    assert counts.per_priority == (2, 0, 0)
    # Every two of the three pairs share a team, which meets in slots 1 and 3: one break.
    assert counts.breaks == 1
    assert "2 of 3 meetings placed" in counts.summary()


def test_progress_lines_count_breaks_in_words(mission: Path) -> None:
    """"1 break", not "1 breaks"; before any complete schedule, "- breaks"."""
    from desktop.b2b.mission_commands import progress_text
    from desktop.b2b.solver import Progress

    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        instance = export_problem(session)
    line = progress_text(instance, Progress(3, (3, 0, 0), 3, 1, 0, None, 1.5, ""))
    assert line.endswith("3 of 3 meetings placed, 1 break, bound 0")
    line = progress_text(instance, Progress(2, (2, 0, 0), 3, None, 0, None, 0.2, ""))
    assert line.endswith("2 of 3 meetings placed, - breaks, bound 0")


def test_the_app_tells_the_outcome_in_plain_words() -> None:
    counts = MissionCounts(placed=150, to_place=161, required=137, required_placed=137,
                           per_priority=(58, 60, 32), breaks=6, bound_breaks=4,
                           status="feasible", seconds=60.0)
    assert plain_summary(counts) == (
        "150 of 161 meetings placed: every required one (137) and 13 of the 24 other "
        "requests. 6 breaks in all; no schedule placing as many has fewer than 4 (not proved "
        "the fewest possible). Found in 60.0 s.")
    proved = replace(counts, placed=161, breaks=4, status="optimal", seconds=3.7)
    assert plain_summary(proved) == ("All 161 meetings placed, 137 of them required. 4 breaks "
                                     "in all, proved the fewest possible. Found in 3.7 s.")
    short = replace(counts, required_placed=130, status="infeasible")
    assert plain_summary(short).startswith("150 of 161 meetings placed, 130 of the 137 required.")
