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
    """The tail of the break stage: local search and neighbourhood re-solves drive the
    incumbent down towards the bound the CP-SAT portfolio proved, until they meet (proved
    optimal), or the clock or the user stops it. (Running this beside a lone core-guided worker
    instead of after the portfolio was measured worse: the bound rose more slowly.)
    """

    def __init__(self, ix: Indexed, md: cp_model.CpModel,
                 x: dict[tuple[int, int], cp_model.IntVar], sched: list[cp_model.IntVar], *,
                 offer: Callable[[dict[int, int]], None], remaining: Callable[[], float],
                 should_stop: Callable[[], bool], local_search: bool = True,
                 search_every: int = 8,
                 incumbent: Callable[[], dict[int, int] | None] | None = None) -> None:
        self.ix = ix
        self.lns = Lns(ix, md, x, sched)
        self.lns.params = {"optimize_with_core": True}  # measured: closes more sub-problems
        self.offer = offer
        self.remaining, self.should_stop = remaining, should_stop
        self.local_search = local_search
        self.search_every = search_every  # a local search after this many failed re-solves
        # The caller's best schedule, which a search running beside this one may improve.
        self.incumbent = incumbent
        self.best: dict[int, int] = {}
        self.breaks = 0

    def take(self, slot_of: dict[int, int]) -> None:
        """Keep (and offer) ``slot_of`` if it has fewer breaks than the incumbent."""
        breaks = sum(count_breaks(self.ix, slot_of))
        if self.best and breaks >= self.breaks:
            return
        self.best, self.breaks = dict(slot_of), breaks
        self.offer(slot_of)

    def _catch_up(self) -> None:
        """Go on from the caller's incumbent when a search beside this one did better."""
        other = self.incumbent() if self.incumbent is not None else None
        if other:
            breaks = sum(count_breaks(self.ix, other))
            if breaks < self.breaks:
                self.best, self.breaks = dict(other), breaks

    def run(self, start: dict[int, int], bound: Callable[[], int]) -> dict[int, int]:
        """The best schedule found from ``start``; stops early once it reaches ``bound()``,
        the best lower bound proved so far (it may rise while this runs)."""
        from desktop.b2b.localsearch import SlotSearch

        self.take(start)
        seed, fails = 0, 0
        while self.breaks > bound() and self.remaining() > 0.05 and not self.should_stop():
            self._catch_up()
            if self.local_search and fails % self.search_every == self.search_every - 1:
                seed += 1
                self.take(SlotSearch(self.ix, self.best, seed=seed).run(
                    seconds=min(0.3, self.remaining())))
            step = self.lns.step(self.best, self.breaks, min(0.5, self.remaining()))
            if step.slot_of is not None and step.breaks is not None:
                if step.breaks < self.breaks:
                    self.take(step.slot_of)
                    fails = 0
                    continue
                self.best = step.slot_of  # a sideways move: same breaks, new places
            fails += 1
        return self.best
