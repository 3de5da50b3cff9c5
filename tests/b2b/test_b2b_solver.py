"""The solver: valid whatever the input, optimal on small cases, live progress, stop, locks."""

from __future__ import annotations

import dataclasses
import itertools
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

import desktop.b2b.solver as solver_module
from desktop.b2b.checker import check, participant_breaks
from desktop.b2b.generator import Shape, generate, with_current
from desktop.b2b.greedy import assign_places, count_breaks, greedy, greedy_slots, index
from desktop.b2b.instance import Instance, Place, PlacedMeeting, parse_instance
from desktop.b2b.maxsat import (
    Count,
    Prover,
    Task,
    improve_breaks,
    minimise_breaks,
    spread_proof_holds,
)
from desktop.b2b.model import ScheduleModel
from desktop.b2b.solver import Progress, solve

SMALL = Shape(participants=12, meetings=24, slots=8, tables=4)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), kind=st.sampled_from(["normal", "oversubscribed"]),
       extras=st.booleans(), spread=st.sampled_from([None, 1, 2]))
def test_any_generated_schedule_passes_the_checker(seed: int, kind: str, extras: bool,
                                                   spread: int | None) -> None:
    inst = generate(seed, kind, shape=SMALL, extras=extras, spread=spread)
    sched = solve(inst, time_limit_s=5)
    allowed = ["missing"] if sched.status == "infeasible" else []
    if spread is not None and not spread_attainable(inst):
        allowed.append("spread")  # the solver drops a spread that no schedule can meet
    assert [v for v in check(inst, sched) if v.kind not in allowed] == []
    placed = {m.id for m in sched.meetings}
    assert placed.isdisjoint(u.id for u in sched.unscheduled)
    assert len(placed) + len(sched.unscheduled) == len(inst.meetings)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), kind=st.sampled_from(["normal", "oversubscribed"]),
       holders=st.lists(st.integers(0, 11), min_size=1, max_size=3, unique=True),
       first=st.integers(0, 7), length=st.integers(1, 8), closed=st.integers(0, 3))
def test_held_tables_are_left_to_their_holders(seed: int, kind: str, holders: list[int],
                                               first: int, length: int, closed: int) -> None:
    """Hosts keep tables, and a smaller block closes the last ones, in some slots."""
    inst = generate(seed, kind, shape=SMALL, extras=False)
    held: tuple[tuple[str, str | None], ...] = tuple(
        (f"T{n + 1}", inst.participants[p].id) for n, p in enumerate(holders))
    held += tuple((t, None) for t in inst.tables[max(len(holders), len(inst.tables) - closed):])
    slots = tuple(dataclasses.replace(s, held=held) if first <= i < first + length else s
                  for i, s in enumerate(inst.slots))
    inst = dataclasses.replace(inst, slots=slots)
    sched = solve(inst, time_limit_s=3)
    allowed = ["missing"] if sched.status == "infeasible" else []
    if not spread_attainable(inst):
        allowed.append("spread")
    assert [v for v in check(inst, sched) if v.kind not in allowed] == []
    for pm in sched.meetings:  # read again, without the checker
        slot = next(s for s in inst.slots if s.id == pm.slot)
        spec = next(m for m in inst.meetings if m.id == pm.id)
        if pm.table in dict(slot.held):  # held by one of its parties, never closed
            assert dict(slot.held)[pm.table] in spec.participants


def spread_attainable(inst: Instance) -> bool:
    """Whether some schedule places every required meeting within the break spread."""
    ix = index(inst)
    model = ScheduleModel(ix, fairness=True)
    for m, required in enumerate(ix.required):
        if required:
            model.md.add(model.sched[m] == 1)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 5
    return solver.solve(model.md) != cp_model.INFEASIBLE


# ---------------------------------------------------------------- brute force on tiny cases


def brute_force(inst: Instance) -> tuple[tuple[int, int, int], int] | None:
    """Best (placed per priority, breaks) over every assignment, None if required can't fit."""
    slots = [s.id for s in inst.slots]
    people = {p.id: p for p in inst.participants}
    best: tuple[tuple[int, ...], int] | None = None
    best_any: tuple[tuple[int, ...], int] | None = None
    choices = []
    for m in inst.meetings:
        ok = [s for s in slots if all(s not in people[w].unavailable for w in m.participants)
              and (m.session is None or next(x for x in inst.slots if x.id == s).session
                   == m.session)]
        choices.append(ok if m.required else [*ok, None])
    for combo in itertools.product(*choices):
        busy: set[tuple[str, int]] = set()
        load: dict[int, int] = {}
        good = True
        for m, s in zip(inst.meetings, combo, strict=True):
            if s is None:
                continue
            load[s] = load.get(s, 0) + 1
            for w in m.participants:
                if (w, s) in busy:
                    good = False
                busy.add((w, s))
        if not good or any(n > len(inst.tables) for n in load.values()):
            continue
        if not _held_tables_respected(inst, combo):
            continue
        placed = [PlacedMeeting(m.id, s, "T1") for m, s in zip(inst.meetings, combo, strict=True)
                  if s is not None]
        per = participant_breaks(inst, placed)
        prio = [0, 0, 0]
        for m, s in zip(inst.meetings, combo, strict=True):
            if s is not None:
                prio[m.priority - 1] += 1
        key = (tuple(prio), sum(per.values()))
        d = inst.options.max_break_spread
        fair = d is None or max(per.values()) - min(per.values()) <= d
        for which in ("any", "fair") if fair else ("any",):
            cur = best if which == "fair" else best_any
            if cur is None or key[0] > cur[0] or (key[0] == cur[0] and key[1] < cur[1]):
                if which == "fair":
                    best = key
                else:
                    best_any = key
    found = best or best_any
    return None if found is None else ((found[0][0], found[0][1], found[0][2]), found[1])


def _held_tables_respected(inst: Instance, combo: tuple[int | None, ...]) -> bool:
    """Held tables, read from the format's words: a holder's meetings sit at its table, so
    two holders never meet then, and the other meetings share the tables nobody holds. A
    closed table (held by nobody) seats no meeting."""
    for slot in inst.slots:
        holders = {who for _table, who in slot.held if who is not None}
        shared = 0
        for m, s in zip(inst.meetings, combo, strict=True):
            if s != slot.id:
                continue
            mine = holders & set(m.participants)
            if len(mine) > 1:
                return False
            shared += not mine
        if shared > len(inst.tables) - len(slot.held):
            return False
    return True


@st.composite
def tiny_instances(draw: st.DrawFn, data: Callable[..., dict[str, Any]]) -> Instance:
    people = ("A", "B", "C", "D")[: draw(st.integers(3, 4))]
    n_slots = draw(st.integers(3, 5))
    pairs = list(itertools.combinations(people, 2))
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=2, max_size=5, unique=True))
    meetings = [{"participants": list(p), "required": draw(st.booleans()),
                 "priority": draw(st.integers(1, 3)),
                 "session": draw(st.sampled_from([None, None, "am", "pm"]))} for p in chosen]
    doc = data(slots=n_slots, tables=draw(st.integers(1, 2)), people=people, meetings=meetings,
               max_break_spread=draw(st.sampled_from([None, 0, 1])))
    for p in doc["participants"]:
        p["unavailable"] = draw(st.lists(st.integers(1, n_slots), max_size=2, unique=True))
    for slot in doc["slots"]:  # a host keeping its own table, or the table closed, then
        holder = draw(st.sampled_from(["", "", "", "closed", *people]))
        if holder:
            slot["held"] = {"T1": None if holder == "closed" else holder}
    return parse_instance(doc)


def test_brute_force_agreement(data: Callable[..., dict[str, Any]]) -> None:
    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(tiny_instances(data))
    def inner(inst: Instance) -> None:
        expected = brute_force(inst)
        sched = solve(inst, time_limit_s=10)
        if expected is None:
            assert sched.status == "infeasible"
            assert any(u.reason for u in sched.unscheduled)
            return
        # A spread no schedule can meet is dropped, and the result is then not "optimal".
        fair = inst.options.max_break_spread is None or spread_attainable(inst)
        assert sched.status == ("optimal" if fair else "feasible")
        assert sched.scheduled_priority == expected[0]
        assert sched.breaks == expected[1]
        assert sched.bound_breaks == (expected[1] if fair else sched.bound_breaks)
        assert [v for v in check(inst, sched) if v.kind != "spread"] == []

    inner()


# ---------------------------------------------------------------- progress, stop, locks


def test_progress_reports_improving_schedules() -> None:
    inst = generate(4, "normal")
    seen: list[Progress] = []
    sched = solve(inst, time_limit_s=20, on_progress=seen.append)
    assert seen, "no progress reported"
    breaks = [p.breaks for p in seen if p.phase == seen[-1].phase and p.breaks is not None]
    assert breaks == sorted(breaks, reverse=True)
    assert seen[-1].breaks == sched.breaks
    assert all(p.scheduled == p.required_total == len(inst.meetings) for p in seen)
    assert [p.elapsed_s for p in seen] == sorted(p.elapsed_s for p in seen)
    assert check(inst, sched) == []


def test_break_stage_keeps_the_better_schedule_it_already_has() -> None:
    # The break stage starts from a schedule improved by local search; a worse one found
    # later (CP-SAT's first answers often are) must neither replace it nor be shown.
    from desktop.b2b.localsearch import SlotSearch

    inst = generate(2, "oversubscribed")
    seen: list[Progress] = []
    run = solver_module._Run(inst, 10.0, seen.append, None)
    ix = run.ix
    plain = greedy_slots(ix)
    better = SlotSearch(ix, plain, seed=1).run(seconds=0.3)
    assert sum(count_breaks(ix, better)) < sum(count_breaks(ix, plain))
    run.offer(better, better_only=True)
    run.offer(plain, better_only=True)
    assert run.best == better and len(seen) == 1
    # More wishes placed outranks breaks: a wish stage that left only a floor is still open.
    fewer = dict(better)
    del fewer[next(m for m in fewer if not ix.required[m])]
    run.offer(fewer, better_only=True)
    assert run.best == better
    run.best = fewer
    run.offer(plain, better_only=True)
    assert run.best == plain and len(seen) == 2


def test_stop_event_ends_the_search_with_the_best_schedule() -> None:
    inst = generate(2, "oversubscribed")
    stop = threading.Event()
    seen: list[Progress] = []

    def on_progress(p: Progress) -> None:
        seen.append(p)
        if len(seen) >= 2:
            stop.set()

    started = time.monotonic()
    sched = solve(inst, time_limit_s=60, on_progress=on_progress, stop=stop)
    assert time.monotonic() - started < 10
    assert sched.status == "feasible"
    assert sched.scheduled >= seen[-1].scheduled - 0 and check(inst, sched) == []


def test_stop_callable_before_start_still_returns_a_schedule() -> None:
    inst = generate(5, "normal")
    sched = solve(inst, time_limit_s=30, stop=lambda: True)
    assert sched.status in ("feasible", "infeasible")
    assert len(sched.meetings) + len(sched.unscheduled) == len(inst.meetings)


def test_locked_meetings_stay_put(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=6, tables=1, people=("A", "B", "C", "D"),
               meetings=[("A", "B"), ("C", "D"), ("A", "C"), ("B", "D")])
    doc["meetings"][0]["slot"] = 5
    doc["meetings"][1]["slot"] = 2
    doc["meetings"][3]["after"] = ["m1"]
    inst = parse_instance(doc)
    sched = solve(inst, time_limit_s=5)
    where = {m.id: m.slot for m in sched.meetings}
    assert where["m1"] == 5 and where["m2"] == 2
    assert where["m4"] > 5
    assert check(inst, sched) == []


def test_keep_current_moves_nothing_when_nothing_must_move() -> None:
    inst = generate(6, "normal", spread=None)
    base = greedy(inst)
    current = {m.id: Place(m.slot, m.table) for m in base.meetings}
    sched = solve(with_current(inst, current), time_limit_s=20)
    assert sched.moved == 0
    assert sched.breaks == base.breaks  # breaks come after moves: everything stays


def test_keep_current_moves_the_fewest(data: Callable[..., dict[str, Any]]) -> None:
    doc = data(slots=4, tables=1, people=("A", "B", "C", "D"),
               meetings=[("A", "B"), ("C", "D"), ("A", "C")], keep_current=True)
    for m, (slot, table) in zip(doc["meetings"], [(1, "T1"), (2, "T1"), (3, "T1")],
                                strict=True):
        m["current"] = {"slot": slot, "table": table}
    doc["participants"][0]["unavailable"] = [3]  # A can no longer meet in slot 3
    inst = parse_instance(doc)
    sched = solve(inst, time_limit_s=5)
    assert sched.moved == 1
    where = {m.id: m.slot for m in sched.meetings}
    assert where["m1"] == 1 and where["m2"] == 2 and where["m3"] == 4
    assert check(inst, sched) == []


def test_a_meeting_that_loses_its_table_keeps_its_time(data: Callable[..., dict[str, Any]]
                                                       ) -> None:
    """T1 becomes A's own table: C–D, which sat there, goes to T2 at the same time, not to
    another slot, although moving it in time would change as few meetings. The first
    schedule, before any search, does the same."""
    doc = data(slots=3, tables=2, people=("A", "B", "C", "D", "E", "F"),
               meetings=[("A", "B"), ("C", "D"), ("E", "F")], keep_current=True)
    for m, (slot, table) in zip(doc["meetings"], [(1, "T2"), (2, "T1"), (3, "T1")],
                                strict=True):
        m["current"] = {"slot": slot, "table": table}
    for slot in doc["slots"]:
        slot["held"] = {"T1": "A"}
    inst = parse_instance(doc)
    for stop in (None, lambda: True):
        sched = solve(inst, time_limit_s=5, stop=stop)
        where = {m.id: (m.slot, m.table) for m in sched.meetings}
        assert where["m2"] == (2, "T2") and where["m3"] == (3, "T2"), where
        assert where["m1"] == (1, "T1")  # A's meetings sit at its own table
        assert check(inst, sched) == []


def test_a_replan_keeps_each_meeting_with_its_interpreter(data: Callable[..., dict[str, Any]]
                                                          ) -> None:
    """Two interpreters could serve either meeting: each keeps the one it has today, although
    the first able interpreter would otherwise go to the first meeting."""
    doc = data(slots=2, tables=2, people=("A", "B", "C", "D"),
               meetings=[("A", "B"), ("C", "D")], keep_current=True)
    for p, langs in zip(doc["participants"], (["en"], ["fr"], ["en"], ["fr"]), strict=True):
        p["languages"] = langs
    doc["interpreters"] = [{"id": f"i{n}", "name": f"Interpreter {n}", "languages": ["en", "fr"],
                            "unavailable": []} for n in (1, 2)]
    doc["meetings"][0]["current"] = {"slot": 1, "table": "T1", "interpreter": "i2"}
    doc["meetings"][1]["current"] = {"slot": 1, "table": "T2", "interpreter": "i1"}
    inst = parse_instance(doc)
    assert inst.meetings[0].current == Place(1, "T1", "i2")
    sched = solve(inst, time_limit_s=5)
    assert {m.id: m.interpreter for m in sched.meetings} == {"m1": "i2", "m2": "i1"}
    assert sched.moved == 0 and check(inst, sched) == []


def test_keep_current_stopped_at_once_moves_only_what_had_to_move() -> None:
    inst = generate(6, "normal", spread=None)
    base = greedy(inst)
    current = {m.id: Place(m.slot, m.table) for m in base.meetings}
    first = base.meetings[0]
    who = next(m for m in inst.meetings if m.id == first.id).participants[0]
    affected = {m.id for m in base.meetings if m.slot == first.slot
                and who in next(x for x in inst.meetings if x.id == m.id).participants}
    people = tuple(dataclasses.replace(p, unavailable=p.unavailable | {first.slot})
                   if p.id == who else p for p in inst.participants)
    changed = dataclasses.replace(with_current(inst, current), participants=people)
    seen: list[Progress] = []
    sched = solve(changed, time_limit_s=20, on_progress=seen.append, stop=lambda: bool(seen))
    # Here both of its participants are busy in every other slot the affected meeting may use,
    # so it takes the slot of one meeting that moves on: two moves, the fewest possible.
    assert len(seen) == 1 and len(affected) == 1 and sched.moved == 2
    where = {m.id: (m.slot, m.table) for m in sched.meetings}
    moved = {i for i, p in current.items() if where[i] != (p.slot, p.table)}
    assert affected < moved and len(moved) == 2
    assert check(changed, sched) == []


# ---------------------------------------------------------------- the MaxSAT break stage


def _counts_for(inst: Instance, placed_per_priority: tuple[int, int, int]) -> tuple[Count, ...]:
    """The per-priority counts the wish stages would have fixed, as the solver hands them on."""
    ix = index(inst)
    out = []
    for prio in (1, 2, 3):
        wishes = tuple(m for m in range(len(ix.parts))
                       if not ix.required[m] and ix.priority[m] == prio and ix.domain[m])
        required = sum(1 for m in range(len(ix.parts)) if ix.required[m] and ix.priority[m] == prio)
        if wishes:
            out.append(Count(wishes, placed_per_priority[prio - 1] - required, exact=True))
    return tuple(out)


def test_maxsat_breaks_agree_with_brute_force(data: Callable[..., dict[str, Any]]) -> None:
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(tiny_instances(data))
    def inner(inst: Instance) -> None:
        expected = brute_force(inst)
        if expected is None or (inst.options.max_break_spread is not None
                                and not spread_attainable(inst)):
            return
        ix = index(inst)
        for variant in (0, 1):
            task = Task(inst, _counts_for(inst, expected[0]), inst.options.max_break_spread,
                        variant)
            answer = minimise_breaks(task)
            if answer is None:
                # "At most d each" is stricter than the spread when everyone can have a break
                # (three mutual meetings in slots 1, 3, 5: one break each, spread 0).
                assert all(len(ms) >= 2 for ms in ix.of_participant)
                continue
            cost, slot_of = answer
            if not spread_proof_holds(ix, cost):
                continue
            assert cost == expected[1]
            assert sum(count_breaks(ix, slot_of)) == cost
            assert all(m in slot_of for m in range(len(ix.parts)) if ix.required[m])
            assert assign_places(ix, slot_of) is not None

    inner()


def test_maxsat_stage_without_solution_says_so(data: Callable[..., dict[str, Any]]) -> None:
    inst = parse_instance(data(slots=2, tables=1, people=("A", "B", "C"),
                               meetings=[("A", "B"), ("A", "C"), ("B", "C")]))
    assert minimise_breaks(Task(inst, (), None)) is None


def test_spread_rule_as_a_cap_is_trusted_only_when_it_is_exact(
        data: Callable[..., dict[str, Any]]) -> None:
    everyone_two = parse_instance(data(slots=6, tables=2, people=("A", "B", "C"),
                                       meetings=[("A", "B"), ("A", "C"), ("B", "C")]))
    ix = index(everyone_two)
    assert spread_proof_holds(ix, 3) and not spread_proof_holds(ix, 4)
    someone_one = parse_instance(data(slots=6, tables=2, people=("A", "B", "C", "D"),
                                      meetings=[("A", "B"), ("A", "C"), ("B", "C"), ("C", "D")]))
    assert spread_proof_holds(index(someone_one), 99)


def _wait(prover: Prover, seconds: float) -> None:
    end = time.monotonic() + seconds
    while not prover.poll() and time.monotonic() < end:
        time.sleep(0.02)


def test_prover_child_answers_like_the_solver_in_process() -> None:
    inst = generate(8, "normal")
    ix = index(inst)
    expected = minimise_breaks(Task(inst, (), 2))
    assert expected is not None
    prover = Prover(Task(inst, (), 2))
    try:
        _wait(prover, 60)
    finally:
        prover.stop()
    assert prover.error is None and prover.result is not None
    cost, slot_of = prover.result
    assert cost == expected[0] == prover.bound
    assert sum(count_breaks(ix, slot_of)) == cost
    assert len(slot_of) == len(inst.meetings) and assign_places(ix, slot_of) is not None


def test_prover_stop_ends_the_child_at_once() -> None:
    prover = Prover(Task(generate(1, "tight"), (), 2))  # takes tens of seconds to finish
    time.sleep(0.5)
    started = time.monotonic()
    prover.stop()
    assert time.monotonic() - started < 3
    assert prover.finished and prover.result is None
    assert prover._proc.poll() is not None


def test_solver_takes_the_maxsat_optimum(monkeypatch: pytest.MonkeyPatch) -> None:
    inst = generate(8, "normal")
    reference = minimise_breaks(Task(inst, (), 2))
    assert reference is not None
    monkeypatch.setattr(solver_module, "PORTFOLIO_S", 0.0)  # straight to the MaxSAT children
    seen: list[Progress] = []
    sched = solve(inst, time_limit_s=60, on_progress=seen.append)
    assert sched.status == "optimal"
    assert sched.breaks == sched.bound_breaks == reference[0]
    assert seen[-1].breaks == sched.breaks and seen[-1].bound_breaks == reference[0]
    assert check(inst, sched) == []


def test_each_schedule_reported_is_at_least_as_good_as_the_one_before() -> None:
    # What the live display shows, and what Stop keeps: never fewer wishes by priority, nor
    # more breaks at the same wishes (a wish stage's first answers used to be both).
    inst = generate(3, "oversubscribed", shape=Shape(30, 60, 12, 6))
    seen: list[Progress] = []
    sched = solve(inst, time_limit_s=5, on_progress=seen.append)
    ranks = [(p.scheduled_priority, -(p.breaks or 0)) for p in seen if p.breaks is not None]
    assert len(ranks) > 2
    assert ranks == sorted(ranks)
    assert ranks[-1] == (sched.scheduled_priority, -sched.breaks)
    assert check(inst, sched) == []


def test_solver_with_wishes_hands_the_counts_on(monkeypatch: pytest.MonkeyPatch) -> None:
    inst = generate(3, "oversubscribed", shape=Shape(30, 60, 12, 6))
    monkeypatch.setattr(solver_module, "PORTFOLIO_S", 0.0)
    fast = solve(inst, time_limit_s=60)
    monkeypatch.setattr(solver_module, "PORTFOLIO_S", 60.0)
    plain = solve(inst, time_limit_s=60)
    assert plain.status == fast.status == "optimal"
    assert fast.scheduled_priority == plain.scheduled_priority
    assert fast.breaks == plain.breaks
    assert check(inst, fast) == []


def test_a_portfolio_without_an_answer_still_leaves_the_searches_their_turn(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # On crowded forums the portfolio may find nothing in its two seconds: the incumbent
    # then stands for its answer, what it proved is kept, and the searches still run.
    inst = generate(3, "oversubscribed", shape=Shape(30, 60, 12, 6))
    real = solver_module._Run.run_stage
    searched: list[int] = []

    def run_stage(self: Any, model: Any, share: float, **kw: Any) -> Any:
        if (kw.get("core") or kw.get("single")) \
                and self.phase == solver_module._("reducing breaks"):
            return solver_module._Outcome("UNKNOWN", None, 1)  # nothing found, 1 proved
        return real(self, model, share, **kw)

    def break_search(self: Any, model: Any, out: Any, **kw: Any) -> Any:
        searched.append(out.value)
        return real_search(self, model, out, **kw)

    real_search = solver_module._Run._break_search
    monkeypatch.setattr(solver_module._Run, "run_stage", run_stage)
    monkeypatch.setattr(solver_module._Run, "_break_search", break_search)

    def no_child(*args: Any, **kw: Any) -> Any:
        raise OSError("no child process here")

    monkeypatch.setattr(solver_module, "Prover", no_child)  # the searches alone
    sched = solve(inst, time_limit_s=8)
    assert searched and searched[0] is not None
    assert sched.bound_breaks == min(1, sched.breaks)
    assert sched.breaks <= searched[0]
    assert check(inst, sched) == []


def test_replanning_with_maxsat_moves_no_more(monkeypatch: pytest.MonkeyPatch) -> None:
    inst = generate(8, "normal", spread=None)
    base = greedy(inst)
    current = {m.id: Place(m.slot, m.table) for m in base.meetings}
    first = base.meetings[0]
    who = next(m for m in inst.meetings if m.id == first.id).participants[0]
    people = tuple(dataclasses.replace(p, unavailable=p.unavailable | {first.slot})
                   if p.id == who else p for p in inst.participants)
    changed = dataclasses.replace(with_current(inst, current), participants=people)
    monkeypatch.setattr(solver_module, "PORTFOLIO_S", 60.0)
    plain = solve(changed, time_limit_s=60)
    monkeypatch.setattr(solver_module, "PORTFOLIO_S", 0.0)
    fast = solve(changed, time_limit_s=60)
    assert fast.moved == plain.moved and fast.breaks == plain.breaks
    assert fast.status == plain.status == "optimal"
    assert check(changed, fast) == []


def test_search_down_from_a_schedule_reaches_the_optimum() -> None:
    inst = generate(8, "normal")
    ix = index(inst)
    optimum = minimise_breaks(Task(inst, (), 2))
    assert optimum is not None
    start = greedy_slots(ix)  # first fit: far from optimal, and beyond the spread
    assert max(count_breaks(ix, start)) > 2
    seen: list[int] = []
    answer = improve_breaks(Task(inst, (), 2, start=tuple(sorted(start.items()))),
                            on_model=lambda cost, slots: seen.append(cost))
    assert answer is not None
    cost, slot_of = answer
    assert cost == optimum[0] == sum(count_breaks(ix, slot_of))
    assert max(count_breaks(ix, slot_of)) <= 2
    assert seen == sorted(seen, reverse=True) and seen[-1] == cost
    assert assign_places(ix, slot_of) is not None


def _crowded_start() -> tuple[Instance, dict[int, int]]:
    """A small over-subscribed forum and a schedule of it, wishes chosen."""
    inst = generate(3, "oversubscribed", shape=Shape(30, 60, 12, 6))
    slot_ids = index(inst).slot_ids
    by_id = {spec.id: m for m, spec in enumerate(inst.meetings)}
    sched = solve(inst, time_limit_s=3)
    return inst, {by_id[p.id]: slot_ids.index(p.slot) for p in sched.meetings}


def test_selection_search_holds_exactly_the_chosen_wishes() -> None:
    inst, start = _crowded_start()
    ix = index(inst)
    held = tuple(sorted(m for m in start if not ix.required[m]))
    assert held and len(held) < sum(1 for r in ix.required if not r)  # some wishes left out
    task = Task(inst, (), 2, start=tuple(sorted(start.items())), hold=held)
    seen: list[int] = []
    answer = improve_breaks(task, on_model=lambda cost, slots: seen.append(cost))
    assert answer is not None
    cost, slot_of = answer
    assert set(slot_of) == set(start)  # the same meetings, wishes included, and no other
    assert cost == sum(count_breaks(ix, slot_of)) <= sum(count_breaks(ix, start))
    assert max(count_breaks(ix, slot_of)) <= 2 and assign_places(ix, slot_of) is not None
    assert seen == sorted(seen, reverse=True)
    # Searched down to the end, it is the optimum for that selection: RC2 agrees.
    optimum = minimise_breaks(dataclasses.replace(task, start=None))
    assert optimum is not None and optimum[0] == cost


def test_a_selection_search_is_never_taken_for_a_proof() -> None:
    # Its answer is the best schedule for one choice of wishes, not for the stage.
    inst, start = _crowded_start()
    run = solver_module._Run(inst, 10.0, None, None)
    run.offer(start)
    breaks = sum(count_breaks(run.ix, start))
    assert breaks > 0

    class Finished:
        proves, finished, models, bound = False, True, [], breaks
        result = (breaks, start)

        def poll(self) -> bool:
            return True

        def stop(self) -> None:
            pass

    run.provers = [Finished()]  # type: ignore[list-item]
    assert not run.prover_tick() and run.bound_breaks < breaks
    run.provers = [Finished()]  # type: ignore[list-item]
    out = run._prover_outcome(solver_module._Outcome("FEASIBLE", breaks, 0))
    assert out.status == "FEASIBLE" and run.bound_breaks < breaks


def test_local_search_goes_on_from_a_better_schedule_found_beside_it() -> None:
    from desktop.b2b.lns import BreakSearch
    from desktop.b2b.localsearch import SlotSearch

    inst = generate(2, "oversubscribed")
    ix = index(inst)
    plain = greedy_slots(ix)
    better = SlotSearch(ix, plain, seed=1).run(seconds=0.5)
    target = sum(count_breaks(ix, better))
    assert target < sum(count_breaks(ix, plain))
    model = ScheduleModel(ix, fairness=True)
    deadline = time.monotonic() + 1.0
    search = BreakSearch(ix, model.md, model.x, model.sched, offer=lambda s: None,
                         remaining=lambda: deadline - time.monotonic(),
                         should_stop=lambda: False, local_search=False,
                         incumbent=lambda: better)
    search.run(plain, lambda: 0)
    assert search.breaks <= target


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie waiting to be reaped counts as ended)."""
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ", 1)[-1].startswith("Z"))


@pytest.mark.skipif(sys.platform == "win32", reason="CPU limits are a POSIX feature")
def test_orphaned_child_ends_on_its_own(tmp_path: Path) -> None:
    """A host killed outright (no chance to stop its children) leaves no search running."""
    script = tmp_path / "host.py"
    script.write_text(
        "import os, time\n"
        "from desktop.b2b.generator import generate\n"
        "from desktop.b2b.maxsat import Prover, Task\n"
        "prover = Prover(Task(generate(1, 'tight'), (), 2, variant=1, seconds=1))\n"
        "time.sleep(0.5)\n"
        "print(prover._proc.pid, flush=True)\n"
        "os._exit(0)\n", encoding="utf-8")
    host = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          check=True, timeout=60)
    pid = int(host.stdout.strip())
    end = time.monotonic() + 30
    while _alive(pid) and time.monotonic() < end:
        time.sleep(0.2)
    assert not _alive(pid)
