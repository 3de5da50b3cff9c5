"""Large-neighbourhood search on breaks: free a few meetings, re-solve them exactly, repeat.

Once the core-guided worker has proved a bound, the gap that remains on tight forums is in the
incumbent, and whole-model search stalls there. Fixing most of the schedule and letting CP-SAT
re-place the meetings of a few participants (or of a few slots) gives sub-problems small enough
to solve to optimality in a fraction of a second, and each one can only keep or lower the breaks.
The sub-problem is the full model (every level constraint kept) with the fixed meetings' slot
variables pinned by their domains, so no rule of the instance can be lost on the way.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from desktop.b2b.greedy import Indexed, count_breaks


@dataclass
class Step:
    """What one sub-solve gave: a schedule (or None), whether it was proved, its kind."""

    slot_of: dict[int, int] | None
    breaks: int | None
    proved: bool
    kind: str


class Lns:
    """Neighbourhoods chosen at random, their size adapted to how fast they solve."""

    def __init__(self, ix: Indexed, md: cp_model.CpModel, x: dict[tuple[int, int], cp_model.IntVar],
                 sched: list[cp_model.IntVar], *, seed: int = 0) -> None:
        self.ix = ix
        self.md = md
        self.x_index = {k: v.index for k, v in x.items()}
        self.sched_index = [v.index for v in sched]
        self.rng = random.Random(seed)
        self.size = 24  # meetings to free, adapted
        self.seed = seed
        self.params: dict[str, bool] = {}
        self.co: list[set[int]] = [set() for _ in ix.inst.participants]
        for a, b in ix.parts:
            self.co[a].add(b)
            self.co[b].add(a)

    # ------------------------------------------------------------------ neighbourhoods
    def choose(self, slot_of: dict[int, int]) -> tuple[str, set[int]]:
        """Meetings to free: around participants with breaks, or a window of slots."""
        roll = self.rng.random()
        if roll < 0.6:
            return "participants", self._participants(slot_of)
        if roll < 0.85:
            return "window", self._window(slot_of)
        return "slots", self._slots(slot_of)

    def _participants(self, slot_of: dict[int, int]) -> set[int]:
        ix, rng = self.ix, self.rng
        br = count_breaks(ix, slot_of)
        seeds = [p for p, b in enumerate(br) if b] or list(range(len(br)))
        chosen: set[int] = set()
        free: set[int] = set()
        frontier = [rng.choice(seeds)]
        while len(free) < self.size:
            if not frontier:
                frontier = [rng.choice(seeds)] if rng.random() < 0.5 else \
                    [rng.randrange(len(br))]
            p = frontier.pop(rng.randrange(len(frontier)))
            if p in chosen:
                if len(chosen) >= len(br):
                    break
                continue
            chosen.add(p)
            free.update(ix.of_participant[p])
            frontier.extend(q for q in self.co[p] if q not in chosen and br[q])
            if rng.random() < 0.3:
                frontier.extend(rng.sample(sorted(self.co[p]), min(2, len(self.co[p]))))
        return free

    def _window(self, slot_of: dict[int, int]) -> set[int]:
        ix, rng = self.ix, self.rng
        per_slot = max(1, len(slot_of) // max(1, ix.n_slots))
        width = max(2, min(ix.n_slots, self.size // per_slot))
        run = rng.choice(ix.day_runs)
        start = rng.randrange(max(1, len(run) - width + 1))
        window = set(run[start:start + width])
        return {m for m, s in slot_of.items() if s in window} | self._unplaced_near(window)

    def _slots(self, slot_of: dict[int, int]) -> set[int]:
        ix, rng = self.ix, self.rng
        per_slot = max(1, len(slot_of) // max(1, ix.n_slots))
        k = max(2, min(ix.n_slots, self.size // per_slot))
        chosen = set(rng.sample(range(ix.n_slots), k))
        return {m for m, s in slot_of.items() if s in chosen} | self._unplaced_near(chosen)

    def _unplaced_near(self, slots: set[int]) -> set[int]:
        """Unplaced optional meetings that could go into these slots (they may swap in)."""
        return {m for m in range(len(self.ix.parts))
                if not self.ix.required[m] and any(s in slots for s in self.ix.domain[m])
                and self.rng.random() < 0.3}

    # ------------------------------------------------------------------ one sub-solve
    def step(self, slot_of: dict[int, int], breaks: int, seconds: float,
             stop: Callable[[], bool] | None = None) -> Step:
        """Re-solve one neighbourhood; returns a schedule only if it has no more breaks."""
        kind, free = self.choose(slot_of)
        sub = self.md.clone()
        variables = sub.proto.variables
        for (m, s), i in self.x_index.items():
            if m in free:
                continue
            v = 1 if slot_of.get(m) == s else 0
            variables[i].domain[0] = v
            variables[i].domain[1] = v
        for m, i in enumerate(self.sched_index):
            if m not in free:
                v = 1 if m in slot_of else 0
                variables[i].domain[0] = v
                variables[i].domain[1] = v
        sub.clear_hints()
        for (m, s), i in self.x_index.items():
            if m in free:
                sub.add_hint(sub.get_bool_var_from_proto_index(i), slot_of.get(m) == s)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = seconds
        solver.parameters.num_workers = 1
        self.seed += 1
        solver.parameters.random_seed = self.seed
        for k, v in self.params.items():
            setattr(solver.parameters, k, v)
        status = solver.solve(sub)
        proved = status == cp_model.OPTIMAL
        if proved:
            self.size = min(len(slot_of) + 1, int(self.size * 1.15) + 1)
        elif status == cp_model.UNKNOWN or status == cp_model.FEASIBLE:
            self.size = max(8, int(self.size * 0.85))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return Step(None, None, False, kind)
        value = round(solver.objective_value)
        if value > breaks:
            return Step(None, None, proved, kind)
        out = {m: s for (m, s), i in self.x_index.items()
               if solver.boolean_value(sub.get_bool_var_from_proto_index(i))}
        return Step(out, value, proved, kind)


class BreakSearch:
    """The break stage on two cores: a core-guided CP-SAT worker raises the lower bound on one,
    while local search and the neighbourhood re-solves above drive the incumbent down on the
    other. The stage ends when they meet (proved optimal), or the clock or the user stops it.
    """

    def __init__(self, ix: Indexed, md: cp_model.CpModel,
                 x: dict[tuple[int, int], cp_model.IntVar], sched: list[cp_model.IntVar], *,
                 offer: Callable[[dict[int, int]], None], on_bound: Callable[[int], None],
                 remaining: Callable[[], float], should_stop: Callable[[], bool],
                 local_search: bool = True) -> None:
        self.ix, self.md, self.x = ix, md, x
        self.lns = Lns(ix, md, x, sched)
        self.lns.params = {"optimize_with_core": True}
        self.offer, self.on_bound = offer, on_bound
        self.remaining, self.should_stop = remaining, should_stop
        self.local_search = local_search
        self.bound = 0
        self.best: dict[int, int] = {}
        self.breaks = 0
        self.core_status: str | None = None
        self._core: cp_model.CpSolver | None = None
        self._lock = threading.Lock()

    def take(self, slot_of: dict[int, int]) -> None:
        """A schedule from either side: kept (and offered) only if it has fewer breaks."""
        with self._lock:
            breaks = sum(count_breaks(self.ix, slot_of))
            if self.best and breaks >= self.breaks:
                return
            self.best, self.breaks = dict(slot_of), breaks
        self.offer(slot_of)

    def raise_bound(self, bound: int) -> None:
        if bound > self.bound:
            self.bound = bound
            self.on_bound(bound)

    def _core_worker(self, model: cp_model.CpModel) -> None:
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.optimize_with_core = True
        solver.parameters.max_time_in_seconds = max(0.05, self.remaining())
        solver.best_bound_callback = lambda b: self.raise_bound(int(b + 0.999))
        x = self.x
        search = self

        class Callback(cp_model.CpSolverSolutionCallback):
            def on_solution_callback(self) -> None:
                search.take({m: s for (m, s), v in x.items() if self.boolean_value(v)})
                search.raise_bound(int(self.best_objective_bound + 0.999))

        with self._lock:
            self._core = solver
        status = solver.solve(model, Callback())
        self.core_status = solver.status_name(status)
        if status == cp_model.OPTIMAL:
            self.raise_bound(round(solver.objective_value))
        with self._lock:
            self._core = None

    def run(self, start: dict[int, int], *, bound: int = 0,
            core: bool = True) -> tuple[dict[int, int], int, bool]:
        """Best schedule, its proven bound and whether it is proved optimal.

        Without ``core`` the bound is taken as given (from an earlier portfolio run) and both
        cores are left to the incumbent side.
        """
        from desktop.b2b.localsearch import SlotSearch

        self.take(start)
        self.bound = bound
        thread = threading.Thread(target=self._core_worker, args=(self.md.clone(),), daemon=True)
        if core:
            thread.start()
        seed, fails = 0, 0
        try:
            while (thread.is_alive() or not core) and self.breaks > self.bound \
                    and self.remaining() > 0.05 and not self.should_stop():
                if self.local_search and fails % 8 == 7:
                    seed += 1
                    found = SlotSearch(self.ix, self.best, seed=seed).run(
                        seconds=min(0.3, self.remaining()))
                    self.take(found)
                before = self.breaks
                step = self.lns.step(self.best, self.breaks, min(0.5, self.remaining()))
                if step.slot_of is not None:
                    if step.breaks is not None and step.breaks < before:
                        self.take(step.slot_of)
                        fails = 0
                        continue
                    with self._lock:
                        if step.breaks == self.breaks:
                            self.best = step.slot_of  # a sideways move: same breaks, new place
                fails += 1
        finally:
            with self._lock:
                if self._core is not None:
                    self._core.stop_search()
            if core:
                thread.join()
        proved = self.core_status == "OPTIMAL" or self.breaks <= self.bound
        return self.best, min(self.bound, self.breaks), proved
