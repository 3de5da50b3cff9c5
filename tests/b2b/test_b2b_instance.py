"""Reading, validating and writing the instance and schedule files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.b2b.generator import generate
from desktop.b2b.instance import (
    PlacedMeeting,
    Schedule,
    Unscheduled,
    dump_instance,
    dump_schedule,
    instance_to_dict,
    load_instance,
    load_schedule,
    parse_instance,
)
from desktop.errors import ValidationError


def test_instance_round_trip(tmp_path: Path) -> None:
    inst = generate(3, "oversubscribed", extras=True)
    path = tmp_path / "forum.json"
    dump_instance(inst, path)
    again = load_instance(path)
    assert again == inst
    assert json.loads(path.read_text())["format"] == "mission-desk.b2b-instance"


def test_schedule_round_trip(tmp_path: Path) -> None:
    sched = Schedule("forum", "feasible", (PlacedMeeting("m1", 4, "T2", "i1"),
                                           PlacedMeeting("m2", 1, "T1")),
                     (Unscheduled("m9", "no room"),), 2, (1, 1, 0), 3, 1, 2, 4.25)
    path = tmp_path / "s.json"
    dump_schedule(sched, path)
    assert load_schedule(path) == sched


def test_format_example_parses(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(meetings=[("A", "B")])
    doc["interpreters"] = [{"id": "i1", "name": "Nadia", "languages": ["ar", "en"],
                            "unavailable": []}]
    doc["meetings"][0]["current"] = {"slot": 2, "table": "T1"}
    inst = parse_instance(doc)
    assert inst.meetings[0].current is not None and inst.meetings[0].current.slot == 2
    assert instance_to_dict(inst)["meetings"][0]["current"] == {"slot": 2, "table": "T1"}


def _fields(doc: dict[str, Any]) -> set[str]:
    with pytest.raises(ValidationError) as info:
        parse_instance(doc, file="bad.json")
    assert all(p.file == "bad.json" for p in info.value.problems)
    return {p.field or "" for p in info.value.problems}


def test_every_problem_is_reported_with_its_path(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(meetings=[("A", "B"), ("A", "A"), ("A", "Z")])
    doc["meetings"][0]["slot"] = 99
    doc["meetings"][0]["priority"] = 7
    doc["participants"][1]["unavailable"] = [42]
    doc["participants"][2]["table"] = "T9"
    doc["options"]["max_break_spread"] = -1
    fields = _fields(doc)
    assert fields == {"meetings[0].slot", "meetings[0].priority", "meetings[1].participants",
                      "meetings[2].participants", "participants[1].unavailable[0]",
                      "participants[2].table", "options.max_break_spread"}


def test_held_tables_round_trip_and_are_checked(data: Callable[..., dict[str, Any]],
                                                tmp_path: Path) -> None:
    doc = data(slots=2, meetings=[("A", "B")])
    doc["slots"][0]["held"] = {"T2": "A", "T1": None}  # T1 closed in slot 1
    inst = parse_instance(doc)
    assert inst.slots[0].held == (("T1", None), ("T2", "A")) and inst.slots[1].held == ()
    path = tmp_path / "held.json"
    dump_instance(inst, path)
    assert load_instance(path) == inst
    written = json.loads(path.read_text())["slots"]
    assert written[0]["held"] == {"T1": None, "T2": "A"}
    assert "held" not in written[1]  # absent when none
    doc["slots"][1]["held"] = {"T9": "A", "T1": "Z"}
    doc["slots"][0]["held"] = {"T1": "A", "T2": "A"}
    doc["participants"][1]["table"] = "T1"
    doc["slots"][0]["held"]["T2"] = "B"
    assert _fields(doc) == {"slots[1].held.T9", "slots[1].held.T1", "slots[0].held.T2"}


def test_a_misspelt_field_is_reported_not_ignored(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(meetings=[("A", "B")])
    doc["meetings"][0]["priorty"] = 3  # the meeting would be solved at priority 1
    doc["options"]["max_break_sperad"] = 0
    doc["slots"][0]["sesion"] = "pm"
    doc["tabels"] = ["T1"]
    assert _fields(doc) == {"meetings[0].priorty", "options.max_break_sperad",
                            "slots[0].sesion", "tabels"}
    for kind in ("normal", "oversubscribed"):  # every field the app writes is known
        assert parse_instance(instance_to_dict(generate(5, kind, extras=True))) is not None


def test_slot_days_and_times_are_checked(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=3, meetings=[("A", "B")])
    doc["slots"][0].update(day="tomorrow")
    doc["slots"][1].update(start="25:99", end="09:40")
    doc["slots"][2].update(start="10:00", end="09:40")
    assert _fields(doc) == {"slots[0].day", "slots[1].start", "slots[2].end"}
    doc = data(slots=2, meetings=[("A", "B")])
    doc["slots"][0].update(start="10:00", end="10:20")
    doc["slots"][1].update(start="09:00", end="09:20")
    assert _fields(doc) == {"slots[1]"}  # out of time order


def test_wrong_types_duplicates_and_cycles(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(meetings=[("A", "B"), ("B", "C")])
    doc["meetings"][0]["required"] = "yes"
    doc["meetings"][1]["id"] = "m1"
    assert _fields(doc) == {"meetings[0].required", "meetings[1].id"}
    doc = data(meetings=[("A", "B"), ("B", "C")])
    doc["meetings"][0]["after"] = ["m2"]
    doc["meetings"][1]["after"] = ["m1"]
    assert "meetings[0].after" in _fields(doc) or "meetings[1].after" in _fields(doc)


def test_wrong_format_and_session(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(meetings=[{"participants": ["A", "B"], "session": "evening"}])
    doc["format"] = "something-else"
    doc["version"] = 2
    assert _fields(doc) == {"format", "version", "meetings[0].session"}


def test_unreadable_files(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(ValidationError, match="not valid JSON"):
        load_instance(path)
    with pytest.raises(ValidationError, match="cannot be read"):
        load_schedule(tmp_path / "missing.json")


def test_a_current_interpreter_round_trips_and_is_checked(data: Callable[..., dict[str, Any]],
                                                          tmp_path: Path) -> None:
    doc = data(slots=2, meetings=[("A", "B")])
    doc["interpreters"] = [{"id": "i1", "name": "Zoë", "languages": ["en", "fr"],
                            "unavailable": []}]
    doc["meetings"][0]["current"] = {"slot": 1, "table": "T1", "interpreter": "i1"}
    inst = parse_instance(doc)
    path = tmp_path / "current.json"
    dump_instance(inst, path)
    assert load_instance(path) == inst
    doc["meetings"][0]["current"]["interpreter"] = "i9"
    assert _fields(doc) == {"meetings[0].current.interpreter"}
