"""Infeasible instances: the best partial schedule, and a reason per missing meeting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.b2b.checker import check
from desktop.b2b.instance import Schedule, parse_instance
from desktop.b2b.mission_commands import left_out_required
from desktop.b2b.solver import solve


def _solve(doc: dict[str, Any]) -> Schedule:
    inst = parse_instance(doc)
    sched = solve(inst, time_limit_s=10)
    assert sched.status == "infeasible"
    assert [v for v in check(inst, sched) if v.kind != "missing"] == []
    return sched


def _reasons(sched: Schedule) -> dict[str, str]:
    return {u.id: u.reason for u in sched.unscheduled}


def test_no_common_free_slot(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=4, meetings=[("A", "B"), ("A", "C")])
    doc["participants"][0]["unavailable"] = [1, 2]
    doc["participants"][1]["unavailable"] = [3, 4]
    sched = _solve(doc)
    assert _reasons(sched)["m1"] == ("A Company and B Company share no free slot: A Company is "
                                     "unavailable in slots 1–2, B Company in slots 3–4")
    assert [m.id for m in sched.meetings] == ["m2"]


def test_no_free_slot_when_one_party_is_away_throughout(
        data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=3, meetings=[("A", "B")])
    doc["participants"][0]["unavailable"] = [1, 2, 3]
    assert _reasons(_solve(doc))["m1"] == ("A Company and B Company share no free slot: "
                                           "A Company is unavailable in every slot")


def test_session_against_availability(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=4, meetings=[{"participants": ["A", "B"], "session": "pm"}])
    doc["participants"][0]["unavailable"] = [3, 4]
    reason = _reasons(_solve(doc))["m1"]
    assert "must be in the pm session" in reason and "A Company and B Company" in reason


def test_more_required_meetings_than_free_slots(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=3, people=("A", "B", "C", "D", "E"),
               meetings=[("A", "B"), ("A", "C"), ("A", "D"), ("A", "E")])
    doc["participants"][0]["unavailable"] = [3]
    sched = _solve(doc)
    assert len(sched.meetings) == 2
    assert set(_reasons(sched).values()) == {
        "A Company has more required meetings (4) than free slots (2)"}


def test_cap_on_meetings(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=4, meetings=[("A", "B"), ("A", "C")])
    doc["participants"][0]["max_meetings"] = 1
    reason = next(iter(_reasons(_solve(doc)).values()))
    assert reason == "A Company has more required meetings (2) than the most it accepts (1)"


def test_too_many_meetings_for_the_tables_of_a_session(
        data: Callable[..., dict[str, Any]]) -> None:
    people = ("A", "B", "C", "D", "E", "F")
    meetings = [{"participants": list(p), "session": "am"}
                for p in (("A", "B"), ("C", "D"), ("E", "F"))]
    doc = data(slots=2, tables=1, people=people, meetings=meetings)
    reason = next(iter(_reasons(_solve(doc)).values()))
    assert reason == ("too many meetings for the tables in the am session: more meetings can "
                      "be held only in it (3) than its tables give places (1)")


def test_no_interpreter(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=2, meetings=[("A", "B")])
    doc["participants"][0]["languages"] = ["en"]
    doc["participants"][1]["languages"] = ["ar"]
    doc["interpreters"] = [{"id": "i1", "name": "Nadia", "languages": ["fr", "en"],
                            "unavailable": []}]
    reason = _reasons(_solve(doc))["m1"]
    assert "share no language" in reason and "interpreter" in reason


def test_interpreter_found_when_one_exists(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=2, meetings=[("A", "B")])
    doc["participants"][0]["languages"] = ["en"]
    doc["participants"][1]["languages"] = ["ar"]
    doc["interpreters"] = [{"id": "i1", "name": "Nadia", "languages": ["ar", "en"],
                            "unavailable": [1]}]
    inst = parse_instance(doc)
    sched = solve(inst, time_limit_s=5)
    assert sched.status == "optimal" and check(inst, sched) == []
    assert sched.meetings[0].interpreter == "i1" and sched.meetings[0].slot == 2


def test_core_when_no_simple_reason(data: Callable[..., dict[str, Any]]) -> None:
    # Three participants who must all meet each other in two slots: an odd cycle.
    doc = data(slots=2, people=("A", "B", "C", "D", "E"),
               meetings=[("A", "B"), ("B", "C"), ("A", "C"), ("D", "E")])
    sched = _solve(doc)
    assert len(sched.unscheduled) == 1
    reason = sched.unscheduled[0].reason
    assert reason.startswith("these 3 required meetings cannot all be placed together")
    assert "m1" in reason and "m2" in reason and "m3" in reason and "m4" not in reason


def test_meetings_kept_out_by_one_reason_are_told_once(
        data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=3, people=("A", "B", "C", "D", "E", "F"),
               meetings=[("A", "B"), ("A", "C"), ("A", "D"), ("A", "E"), ("E", "F")])
    doc["participants"][0]["unavailable"] = [2, 3]
    doc["participants"][5]["unavailable"] = [1, 2, 3]
    inst = parse_instance(doc)
    lines = left_out_required(inst, _solve(doc))
    assert lines[0] == "4 of the 5 required meetings cannot be placed:"
    # A keeps three of its four meetings out, whichever one it holds; F none of its.
    grouped = [line for line in lines if line.startswith("A Company has more")]
    assert len(grouped) == 1
    assert grouped[0].startswith("A Company has more required meetings (4) than free slots "
                                 "(1). Left out: the meetings of A Company with ")
    assert grouped[0].count("Company") == 5
    assert any(line.startswith("E Company – F Company: ") for line in lines)
    assert len(lines) == 3


def test_slots_are_told_as_times_when_the_problem_has_them(
        data: Callable[..., dict[str, Any]]) -> None:
    from desktop.b2b.explain import when_slots

    doc = data(slots=4, meetings=[("A", "B")])
    for n, slot in enumerate(doc["slots"]):
        slot.update(start=f"{9 + n:02d}:00", end=f"{9 + n:02d}:20")
    doc["slots"][3]["day"] = "2007-05-16"
    inst = parse_instance(doc)
    assert when_slots(inst, {1, 2, 3, 4}) == "in every slot"
    assert when_slots(inst, {1, 2, 4}) == "on 15 May 09:00–10:20, 16 May 12:00–12:20"
    assert when_slots(parse_instance(data(slots=4)), {1, 2, 4}) == "in slots 1–2, 4"


def test_meetings_kept_out_by_one_absence_are_told_together(
        data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=3, people=("A", "B", "C"), meetings=[("A", "B"), ("A", "C")])
    doc["participants"][0]["unavailable"] = [1, 2, 3]
    inst = parse_instance(doc)
    assert left_out_required(inst, _solve(doc)) == [
        "2 of the 2 required meetings cannot be placed:",
        "A Company is unavailable in every slot. Left out: the meetings of A Company with "
        "B Company, C Company."]


def test_two_hosts_at_their_own_tables_cannot_meet(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=3, tables=3, meetings=[("A", "B")])
    for slot in doc["slots"]:
        slot["held"] = {"T1": "A", "T2": "B"}
    assert _reasons(_solve(doc))["m1"].startswith(
        "A Company and B Company each keep a table of their own whenever both are free (")


def test_a_wish_left_out_by_a_participants_limit_says_so(
        data: Callable[..., dict[str, Any]]) -> None:
    from desktop.b2b.explain import optional_reason
    from desktop.b2b.greedy import index

    doc = data(slots=3, meetings=[{"participants": ["A", "B"], "required": False},
                                  {"participants": ["A", "C"], "required": False}])
    doc["participants"][0]["max_meetings"] = 0
    inst = parse_instance(doc)
    assert optional_reason(inst, index(inst), 0) == "A Company takes no meetings (its limit is 0)"
    doc["participants"][0]["max_meetings"] = 1
    inst = parse_instance(doc)
    assert optional_reason(inst, index(inst), 1) == (
        "A Company takes at most 1 meeting, and more are asked of it; this one, priority 1, "
        "is among those left out")
