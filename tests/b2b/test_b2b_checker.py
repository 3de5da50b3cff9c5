"""The independent checker finds every kind of violation, and trusts no claimed figure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.b2b.checker import check, participant_breaks
from desktop.b2b.instance import Instance, PlacedMeeting, Schedule, parse_instance


def _kinds(inst: Instance, placed: list[PlacedMeeting], **claims: Any) -> list[str]:
    base: dict[str, Any] = {"scheduled": len(placed), "breaks": sum(
        participant_breaks(inst, placed).values())}
    prio = [0, 0, 0]
    specs = {m.id: m for m in inst.meetings}
    for p in placed:
        if p.id in specs:
            prio[specs[p.id].priority - 1] += 1
    base["scheduled_priority"] = tuple(prio)
    base.update(claims)
    sched = Schedule("tiny", claims.pop("status", "feasible"), tuple(placed), **{
        k: v for k, v in base.items() if k != "status"})
    return sorted(v.kind for v in check(inst, sched))


def test_valid_schedule_has_no_violation(make: Callable[..., Instance]) -> None:
    inst = make(meetings=[("A", "B"), ("B", "C")])
    assert _kinds(inst, [PlacedMeeting("m1", 1, "T1"), PlacedMeeting("m2", 2, "T1")]) == []


def test_double_bookings(make: Callable[..., Instance]) -> None:
    inst = make(meetings=[("A", "B"), ("B", "C")])
    placed = [PlacedMeeting("m1", 1, "T1"), PlacedMeeting("m2", 1, "T1")]
    assert _kinds(inst, placed) == ["participant-double", "table-double"]


def test_availability_session_fixed_slot_and_order(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=4, people=("A", "B", "C", "D"),
               meetings=[("A", "B"), {"participants": ["C", "D"], "session": "pm"},
                         ("A", "C")])
    doc["participants"][0]["unavailable"] = [1]
    doc["meetings"][2]["slot"] = 4
    doc["meetings"][2]["after"] = ["m1"]
    inst = parse_instance(doc)
    placed = [PlacedMeeting("m1", 1, "T1"), PlacedMeeting("m2", 2, "T1"),
              PlacedMeeting("m3", 1, "T2")]
    assert _kinds(inst, placed) == ["after", "fixed-slot", "participant-double", "session",
                                    "unavailable", "unavailable"]


def test_fixed_table_cap_and_missing(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(meetings=[("A", "B"), ("A", "C"), ("B", "C")])
    doc["participants"][0]["table"] = "T2"
    doc["participants"][0]["max_meetings"] = 1
    inst = parse_instance(doc)
    placed = [PlacedMeeting("m1", 1, "T1"), PlacedMeeting("m2", 2, "T2")]
    assert _kinds(inst, placed) == ["claims", "fixed-table", "max-meetings", "missing"]


def test_interpreter_rules(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(people=("A", "B", "C", "D"), meetings=[("A", "B"), ("C", "D")])
    for p, lang in zip(doc["participants"], ["en", "ar", "en", "ar"], strict=True):
        p["languages"] = [lang]
    doc["interpreters"] = [{"id": "i1", "name": "Nadia", "languages": ["ar", "en"],
                            "unavailable": [2]}]
    inst = parse_instance(doc)
    assert _kinds(inst, [PlacedMeeting("m1", 1, "T1", "i1"),
                         PlacedMeeting("m2", 1, "T2", "i1")]) == ["interpreter-double"]
    assert _kinds(inst, [PlacedMeeting("m1", 2, "T1", "i1"),
                         PlacedMeeting("m2", 1, "T2")]) == ["interpreter", "interpreter"]


def test_breaks_and_spread_recomputed(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=5, meetings=[("A", "B"), ("A", "C")], max_break_spread=0)
    inst = parse_instance(doc)
    placed = [PlacedMeeting("m1", 1, "T1"), PlacedMeeting("m2", 4, "T1")]
    assert participant_breaks(inst, placed) == {"A": 1, "B": 0, "C": 0}
    assert _kinds(inst, placed) == ["spread"]
    assert _kinds(inst, placed, breaks=0, bound_breaks=0, status="optimal") == [
        "breaks", "claims", "spread"]


def test_breaks_do_not_span_days(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=4, meetings=[("A", "B"), ("A", "C")])
    for s in doc["slots"][2:]:
        s["day"] = "2007-05-16"
    inst = parse_instance(doc)
    placed = [PlacedMeeting("m1", 1, "T1"), PlacedMeeting("m2", 4, "T1")]
    assert participant_breaks(inst, placed)["A"] == 0


def test_held_tables(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=2, people=("A", "B", "C", "D"),
               meetings=[{"participants": ["A", "B"], "required": False},
                         {"participants": ["C", "D"], "required": False}])
    doc["slots"][0]["held"] = {"T1": "A"}
    inst = parse_instance(doc)
    fine = [PlacedMeeting("m1", 1, "T1"), PlacedMeeting("m2", 1, "T2")]
    assert _kinds(inst, fine) == []
    # C and D at A's table while A is free; then A away from its own table.
    assert _kinds(inst, [PlacedMeeting("m2", 1, "T1")]) == ["held-table"]
    assert _kinds(inst, [PlacedMeeting("m1", 1, "T2")]) == ["held-table"]
    assert _kinds(inst, [PlacedMeeting("m2", 2, "T1")]) == []  # slot 2: nobody holds T1


def test_closed_tables(data: Callable[..., dict[str, Any]]) -> None:
    """A table held by nobody is closed in that slot (a block with fewer tables)."""
    doc = data(slots=2, people=("A", "B", "C", "D"),
               meetings=[{"participants": ["A", "B"], "required": False},
                         {"participants": ["C", "D"], "required": False}])
    doc["slots"][0]["held"] = {"T2": None}
    inst = parse_instance(doc)
    assert _kinds(inst, [PlacedMeeting("m1", 1, "T1"), PlacedMeeting("m2", 2, "T2")]) == []
    assert _kinds(inst, [PlacedMeeting("m2", 1, "T2")]) == ["closed-table"]
