"""The CP-SAT model every stage of the scheduler solves, and the explanations reuse.

A Boolean per meeting and allowed slot; busy indicators per participant and slot; the table
count per slot; pinned tables, interpreters (a choice of interpreter per meeting that needs
one), orders and caps; the two implied constraints of Bofill et al. (JAIR 2022), which
propagate "m meetings left, m free slots" and "at most 2 x tables participants busy per slot";
exact break indicators (idle here, busy before, busy again later that day) and the fairness
spread as lowest <= breaks <= lowest + d.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ortools.sat.python import cp_model

from desktop.b2b.greedy import Indexed


class ScheduleModel:
    """CP-SAT variables and hard constraints of one instance; each stage sets its objective."""

    def __init__(self, ix: Indexed, *, fairness: bool) -> None:
        self.ix = ix
        md = cp_model.CpModel()
        self.md = md
        n_p = len(ix.inst.participants)
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        for m, dom in enumerate(ix.domain):
            for s in dom:
                self.x[m, s] = md.new_bool_var(f"x{m}_{s}")
        self.sched = []
        for m, dom in enumerate(ix.domain):
            v = md.new_bool_var(f"in{m}")
            md.add(sum(self.x[m, s] for s in dom) == v)
            self.sched.append(v)
        by_slot: list[list[int]] = [[] for _ in range(ix.n_slots)]
        for (m, s) in self.x:
            by_slot[s].append(m)
        zero = md.new_constant(0)
        self.busy: list[list[Any]] = []
        for p in range(n_p):
            row = []
            for s in range(ix.n_slots):
                terms = [self.x[m, s] for m in ix.of_participant[p] if (m, s) in self.x]
                if terms:
                    b = md.new_bool_var(f"b{p}_{s}")
                    md.add(sum(terms) == b)
                    row.append(b)
                else:
                    row.append(zero)
            self.busy.append(row)
            ms = ix.of_participant[p]
            total = sum(self.sched[m] for m in ms)
            # Implied: busy slots == meetings (propagates "m meetings left, m free slots").
            md.add(sum(row) == total)
            cap = ix.cap[p]
            if cap is not None:
                md.add(total <= cap)
        for s in range(ix.n_slots):
            md.add(sum(self.x[m, s] for m in by_slot[s]) <= ix.places[s])
            if ix.free_cap is not None:  # held tables: the others share what is left
                md.add(sum(self.x[m, s] for m in by_slot[s] if ix.shared(m, s))
                       <= ix.free_cap[s])
            # Implied: at most 2 x tables participants busy in a slot.
            md.add(sum(self.busy[p][s] for p in range(n_p)) <= 2 * ix.places[s])
            pins: dict[str, list[int]] = {}
            for m in by_slot[s]:
                if ix.pinned[m]:
                    pins.setdefault(ix.pinned[m], []).append(m)  # type: ignore[arg-type]
            for ms_pin in pins.values():
                if len(ms_pin) > 1:
                    md.add_at_most_one(self.x[m, s] for m in ms_pin)
            self._interpreters(s, by_slot[s])
        for m, preds in enumerate(ix.after):
            for a in preds:
                tm = sum(s * self.x[m, s] for s in ix.domain[m])
                ta = sum(s * self.x[a, s] for s in ix.domain[a])
                md.add(tm >= ta + 1).only_enforce_if([self.sched[m], self.sched[a]])
        self.breaks_of: list[Any] = []
        self.z: list[cp_model.IntVar] = []
        for p in range(n_p):
            self.breaks_of.append(self._breaks(p))
        self.spread_ok = fairness and ix.inst.options.max_break_spread is not None
        if self.spread_ok:
            d = ix.inst.options.max_break_spread or 0
            lo = md.new_int_var(0, ix.n_slots, "lo")
            for br in self.breaks_of:
                md.add(br >= lo)
                md.add(br <= lo + d)
        self.total_breaks = sum(self.z)

    def _interpreters(self, s: int, ms: list[int]) -> None:
        ix = self.ix
        need = [m for m in ms if ix.interp_need[m]]
        if not need:
            return
        per_interp: dict[int, list[Any]] = {}
        for m in need:
            ys = []
            for i in ix.interp_ok[m]:
                if s in ix.interp_free[i]:
                    y = self.md.new_bool_var(f"y{m}_{s}_{i}")
                    ys.append(y)
                    per_interp.setdefault(i, []).append(y)
            self.md.add(sum(ys) == self.x[m, s])
        for ys in per_interp.values():
            self.md.add_at_most_one(ys)

    def _breaks(self, p: int) -> Any:
        if len(self.ix.of_participant[p]) < 2:
            return 0
        indicators = break_indicators(self.md, self.busy[p], self.ix.day_runs, f"{p}")
        self.z.extend(indicators)
        return sum(indicators)

    def slot_of(self, value: Callable[[Any], int]) -> dict[int, int]:
        return {m: s for (m, s), v in self.x.items() if value(v)}

    def hint(self, slot_of: dict[int, int]) -> None:
        self.md.clear_hints()
        for (m, s), v in self.x.items():
            self.md.add_hint(v, slot_of.get(m) == s)


def break_indicators(md: cp_model.CpModel, row: list[Any], day_runs: list[list[int]],
                     name: str) -> list[Any]:
    """Exact break indicators over one participant's busy literals ``row`` (one per slot, or
    the constant 0): z[s] <=> idle at s, busy at s-1 and busy again later that day."""
    out = []
    for run in day_runs:
        later: dict[int, Any] = {}
        nxt: Any = None
        for s in reversed(run):
            a = md.new_bool_var(f"a{name}_{s}")
            md.add_max_equality(a, [row[s]] + ([nxt] if nxt is not None else []))
            later[s] = a
            nxt = a
        for k in range(1, len(run) - 1):
            s = run[k]
            z = md.new_bool_var(f"z{name}_{s}")
            prev, here, rest = row[run[k - 1]], row[s], later[run[k + 1]]
            md.add(z <= prev)
            md.add(z <= 1 - here)
            md.add(z <= rest)
            md.add(z >= prev - here + rest - 1)
            out.append(z)
    return out
