"""A lower bound on breaks from each participant's busy slots, keeping each slot's parity.

Any schedule gives every participant a set of busy slots with these properties:

- as many as the meetings it holds, all among the slots its meetings may take;
- in each of them, someone it meets (and who may meet then) is busy too;
- in every slot, the busy participants number exactly twice the meetings there: an even
  number, at most twice the tables;
- its breaks follow from those slots alone, and the fairness spread holds over them.

Forgetting which meeting fills which slot leaves a far smaller problem, whose optimum is
therefore a lower bound on the fewest breaks. What it keeps that the full models lose is the
parity. Clause learning (the SAT and CP-SAT searches) and the LP relaxation both count busy
participants without seeing that the count is even, and parity arguments in general need
exponentially long resolution proofs. On forums where most participants are busy nearly all
day, the even count can be the whole reason the optimum lies above what each participant's
availability forces: there this small model proves in a fraction of a second what the full
ones left open after an hour (docs/benchmarks-b2b.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ortools.sat.python import cp_model

from desktop.b2b.greedy import Indexed
from desktop.b2b.maxsat import Count
from desktop.b2b.model import break_indicators


class BusyRelaxation:
    """The relaxation as a CP-SAT model minimising breaks: ``md`` is ready to solve, and the
    best objective bound of any solve of it is a lower bound for the forum."""

    def __init__(self, ix: Indexed, counts: Iterable[Count] = (), *,
                 spread: int | None) -> None:
        self.ix = ix
        md = cp_model.CpModel()
        self.md = md
        n_p, n_s = len(ix.inst.participants), ix.n_slots
        # Whether each meeting is held: required ones always (the break stage places them
        # all), optional ones as the earlier stages' counts allow.
        held: list[Any] = []
        for m, dom in enumerate(ix.domain):
            if not dom:
                held.append(0)
            elif ix.required[m]:
                held.append(1)
            else:
                held.append(md.new_bool_var(f"h{m}"))
        for count in counts:
            if count.kept or count.timed:
                continue  # meetings kept in place: a relaxation may forget it
            total = sum(held[m] for m in count.meetings)
            md.add(total == count.value if count.exact else total >= count.value)
        zero = md.new_constant(0)
        busy: list[list[Any]] = []
        for p in range(n_p):
            slots: set[int] = set()
            for m in ix.of_participant[p]:
                slots.update(ix.domain[m])
            busy.append([md.new_bool_var(f"b{p}_{s}") if s in slots else zero
                         for s in range(n_s)])
        self.breaks: list[Any] = []
        for p, ms in enumerate(ix.of_participant):
            row = busy[p]
            meetings = sum(held[m] for m in ms)
            md.add(sum(row) == meetings)
            if ix.cap[p] is not None:
                md.add(meetings <= ix.cap[p])
            for s in range(n_s):
                if row[s] is zero:
                    continue
                partners = [busy[a if b == p else b][s]
                            for m in ms if s in ix.domain[m] for a, b in [ix.parts[m]]]
                md.add(sum(partners) >= 1).only_enforce_if(row[s])
            self.breaks.append(break_indicators(md, row, ix.day_runs, f"{p}")
                               if len(ms) >= 2 else [])
        for s in range(n_s):
            open_here = sum(1 for dom in ix.domain if s in dom)
            pairs = md.new_int_var(0, min(ix.places[s], open_here), f"k{s}")
            md.add(sum(busy[p][s] for p in range(n_p)) == 2 * pairs)
        if spread is not None:
            lowest = md.new_int_var(0, n_s, "lowest")
            for zs in self.breaks:
                md.add(sum(zs) >= lowest)
                md.add(sum(zs) <= lowest + spread)
        md.minimize(sum(z for zs in self.breaks for z in zs))


def parity_bound(ix: Indexed, counts: Iterable[Count] = (), *, spread: int | None,
                 seconds: float, workers: int = 1, subsolver: str | None = "core") -> int:
    """The relaxation's proved lower bound on breaks after at most ``seconds`` (0 when it
    proved nothing: a forum the relaxation finds infeasible is left to the full model).
    CP-SAT's core-guided worker alone solves it in 0.05-0.22 s on every benchmark forum;
    its default search on one worker needed up to 10 s, and proved nothing on some."""
    relaxation = BusyRelaxation(ix, counts, spread=spread)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, seconds)
    solver.parameters.num_workers = workers
    if subsolver:
        solver.parameters.subsolvers.append(subsolver)
    status = solver.solve(relaxation.md)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE, cp_model.UNKNOWN):
        return 0
    return max(0, int(solver.best_objective_bound + 0.999))
