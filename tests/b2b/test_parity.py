"""The busy-slot relaxation (desktop/b2b/parity.py): a lower bound, and a strong one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from ortools.sat.python import cp_model

import desktop.b2b.solver as solver_module
from desktop.b2b.checker import check, participant_breaks
from desktop.b2b.generator import generate
from desktop.b2b.greedy import index
from desktop.b2b.instance import Instance, parse_instance
from desktop.b2b.parity import BusyRelaxation, parity_bound
from desktop.b2b.solver import Progress, solve
from tests.b2b.test_b2b_solver import _counts_for, brute_force, spread_attainable, tiny_instances


def test_never_above_the_optimum(data: Callable[..., dict[str, Any]]) -> None:
    """Whatever the tiny forum (wishes held as the earlier stages fixed them, spread or not),
    the bound is at most the fewest breaks found by trying every schedule."""
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(tiny_instances(data))
    def inner(inst: Instance) -> None:
        expected = brute_force(inst)
        spread = inst.options.max_break_spread
        if expected is None or (spread is not None and not spread_attainable(inst)):
            return
        bound = parity_bound(index(inst), _counts_for(inst, expected[0]), spread=spread,
                             seconds=5)
        assert 0 <= bound <= expected[1]

    inner()


def test_the_even_count_of_a_slot_forces_a_break(data: Callable[..., dict[str, Any]]) -> None:
    """Three companies that all meet each other, three slots: each is idle once and could be
    idle first or last, but a slot holds one meeting, so someone is idle in the middle one."""
    inst = parse_instance(data(slots=3, tables=1, meetings=[("A", "B"), ("A", "C"), ("B", "C")]))
    assert parity_bound(index(inst), spread=None, seconds=5) == 1
    sched = solve(inst, time_limit_s=10)
    assert (sched.status, sched.breaks) == ("optimal", 1)


def test_an_impossible_forum_proves_nothing(data: Callable[..., dict[str, Any]]) -> None:
    """A must meet B and C, who are both free only in slot 1: the relaxation has no answer,
    and that is no bound (the full model explains why the meetings cannot be placed)."""
    doc = data(slots=3, tables=2, meetings=[("A", "B"), ("A", "C")])
    for p in doc["participants"]:
        if p["id"] in ("B", "C"):
            p["unavailable"] = [2, 3]
    inst = parse_instance(doc)
    solver = cp_model.CpSolver()
    assert solver.solve(BusyRelaxation(index(inst), spread=None).md) == cp_model.INFEASIBLE
    assert parity_bound(index(inst), spread=None, seconds=5) == 0


def test_settles_a_forum_the_full_models_leave_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """normal-9 of the benchmark: most participants are busy in 12 or 13 of 13 slots. What
    each one's own availability forces comes to 22 breaks; no search of the full model
    proved more in an hour. The even count of each slot lifts the bound to 24, and the
    scheduler's schedule meets it, so the run ends proved, without a child process."""
    inst = generate(9, "normal")
    ix = index(inst)
    assert parity_bound(ix, spread=inst.options.max_break_spread, seconds=30) == 24

    def no_child(task: object) -> None:
        raise AssertionError("a child process was started although the bound was met")

    monkeypatch.setattr(solver_module, "Prover", no_child)
    # The portfolio finds the 24-break schedule in about a second; a longer turn keeps the
    # test true on a machine busy with other work (it cannot prove 24 itself, so it runs
    # its whole turn).
    monkeypatch.setattr(solver_module, "PORTFOLIO_S", 8.0)
    seen: list[Progress] = []
    sched = solve(inst, time_limit_s=30, on_progress=seen.append)
    assert (seen[-1].breaks, seen[-1].bound_breaks) == (24, 24)  # shown live, not only at the end
    assert (sched.status, sched.breaks, sched.bound_breaks) == ("optimal", 24, 24)
    assert check(inst, sched) == []
    assert sum(participant_breaks(inst, list(sched.meetings)).values()) == 24


def test_a_forum_too_large_for_the_relaxation_does_without(
        data: Callable[..., dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond PARITY_MAX_PLACES the relaxation is not even built: its bound is then 0 and
    the full models' bound stands alone."""
    from desktop.b2b.model import ScheduleModel

    inst = parse_instance(data(slots=3, tables=1, meetings=[("A", "B"), ("A", "C"), ("B", "C")]))
    run = solver_module._Run(inst, 10, None, None)
    model = ScheduleModel(run.ix, fairness=True)
    assert run._parity_bound(model) == 1
    monkeypatch.setattr(solver_module, "PARITY_MAX_PLACES", 8)  # the forum has 9 places
    assert run._parity_bound(model) == 0
