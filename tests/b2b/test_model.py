"""The CP-SAT model: its break indicators count exactly the breaks, and its rules are the
checker's rules."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from desktop.b2b.generator import Shape, generate
from desktop.b2b.greedy import count_breaks, greedy_slots, index
from desktop.b2b.localsearch import improve
from desktop.b2b.model import ScheduleModel

SMALL = Shape(participants=14, meetings=30, slots=8, tables=4)


def fixed_to(model: ScheduleModel, slot_of: dict[int, int]) -> tuple[cp_model.CpSolver, str]:
    """Solve the model with every meeting held exactly where ``slot_of`` puts it."""
    for (m, s), var in model.x.items():
        model.md.add(var == int(slot_of.get(m) == s))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    return solver, solver.status_name(solver.solve(model.md))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), kind=st.sampled_from(["normal", "tight", "oversubscribed"]),
       extras=st.booleans())
def test_the_break_indicators_count_each_participants_breaks(seed: int, kind: str,
                                                             extras: bool) -> None:
    inst = generate(seed, kind, shape=SMALL, extras=extras, spread=None)
    ix = index(inst)
    start = improve(ix, greedy_slots(ix), max_moves=500)
    solver, status = fixed_to(model := ScheduleModel(ix, fairness=False), start)
    assert status == "OPTIMAL"  # first fit and the local search keep every rule
    per = count_breaks(ix, start)
    assert [int(solver.value(b)) for b in model.breaks_of] == per
    assert solver.value(model.total_breaks) == sum(per)


def test_the_spread_refuses_a_schedule_whose_breaks_differ_too_much() -> None:
    inst = generate(3, "normal", shape=SMALL, spread=0)
    ix = index(inst)
    start = greedy_slots(ix)
    per = count_breaks(ix, start)
    assert max(per) > min(per), "the start must give some participant a break"
    assert fixed_to(ScheduleModel(ix, fairness=True), start)[1] == "INFEASIBLE"
    assert fixed_to(ScheduleModel(ix, fairness=False), start)[1] == "OPTIMAL"


def test_a_slot_holds_no_more_meetings_than_tables() -> None:
    inst = generate(5, "tight", shape=SMALL)
    ix = index(inst)
    model = ScheduleModel(ix, fairness=False)
    crowded = {m: 0 for m in range(len(ix.parts)) if 0 in ix.domain[m]}
    model.md.add(sum(model.x[m, 0] for m in crowded) >= len(inst.tables) + 1)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 10
    assert solver.solve(model.md) == cp_model.INFEASIBLE
