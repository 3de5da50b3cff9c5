"""Exact break minimisation by core-guided MaxSAT, in a child process beside CP-SAT.

Bofill et al. (JAIR 2022) closed every real forum with a core-guided MaxSAT solver over a
Boolean model carrying two implied constraints; CP-SAT's own core worker proves the same lower
bounds here but often fails to find a schedule that meets them. This module writes the break
stage as a weighted CNF and hands it to RC2 (python-sat) with the CaDiCaL oracle:

- ``x[m, s]``: meeting m in slot s (only allowed slots); exactly one slot per required meeting,
  at most one per optional meeting (``sched[m]`` says whether it is held);
- a participant is busy in a slot iff one of its meetings is there, and has at most one there;
- tables: per slot, the meetings are grouped into clusters that share a participant (at most
  one meeting of a cluster can be held, so counting clusters is exact) and at most |tables|
  clusters are active (the paper's clustered counting: far fewer inputs to the counter);
- implied (1): busy slots of a participant = its meetings held; implied (2): at most
  2 x |tables| participants busy per slot;
- pinned tables, interpreters (one meeting per interpreter and slot), orders, caps;
- what the earlier stages fixed: the number of wishes held per priority and, when re-planning,
  of meetings kept in place (exactly when that stage was proved, as a floor otherwise);
- breaks: ``g[p, s]`` is forced true when p is busy at s, idle at s-1 and was busy earlier that
  day (each break ends in exactly one such restart); one soft clause "not g" per indicator, so
  the cost is the number of breaks. The fairness spread is written as "at most d breaks each",
  which is exact whenever some participant cannot have a break (the lowest count is then 0);
  :func:`spread_proof_holds` tells the caller when the optimum may be trusted otherwise.

The child reports each proved lower bound as it rises and, at the end, the optimal slots. The
parent reads the pipe without blocking and may terminate the child at any time.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.b2b.greedy import Indexed, count_breaks, index
from desktop.b2b.instance import Instance
from desktop.b2b.replan import current_slots, keep_options

SAT_SOLVER = "cd19"  # CaDiCaL 1.9.5: measured the fastest oracle for RC2 on these models
# CaDiCaL's own "sat" configuration, for the search down from a schedule (every call but the
# last is satisfiable): measured 1.5-3x faster to each better schedule than the default.
SAT_TUNING = {"stabilizeonly": 1, "elimreleff": 10, "subsumereleff": 60}


@dataclass(frozen=True)
class Count:
    """A count fixed by an earlier stage: of ``meetings`` (indices), ``value`` held (or kept)."""

    meetings: tuple[int, ...]
    value: int
    exact: bool
    kept: bool = False  # count meetings kept at their current slot and table, not just held
    timed: bool = False  # count meetings kept at their current slot, at whichever table


@dataclass(frozen=True)
class Task:
    instance: Instance
    counts: tuple[Count, ...]
    spread_cap: int | None
    variant: int = 0  # 0: sequential-counter "at most one", 1: pairwise (a second opinion)
    start: tuple[tuple[int, int], ...] | None = None  # a schedule to improve (SAT-UNSAT search)
    # The optional meetings held, exactly these (the wishes one schedule chose): a search over
    # that selection alone, whose answers are schedules, never proofs for the stage.
    hold: tuple[int, ...] | None = None
    seconds: float | None = None  # the child never runs (much) longer than this, even orphaned


def spread_proof_holds(ix: Indexed, cost: int) -> bool:
    """Whether "at most d breaks each" gives the true optimum under the fairness spread.

    The spread allows lowest..lowest+d breaks. If someone can never have a break the lowest is
    0 and the two rules agree; otherwise a lowest of 1 or more costs at least one break per
    participant who can have one, which cannot beat ``cost`` when ``cost`` is no larger.
    """
    can_break = sum(1 for ms in ix.of_participant if len(ms) >= 2)
    return can_break < len(ix.of_participant) or cost <= can_break


class Encoder:
    """The weighted CNF of the break stage; see the module docstring."""

    def __init__(self, ix: Indexed, counts: tuple[Count, ...], spread_cap: int | None,
                 variant: int = 0, hold: tuple[int, ...] | None = None) -> None:
        from pysat.formula import WCNF, IDPool

        self.ix = ix
        self.variant = variant
        self.hold = None if hold is None else frozenset(hold)
        self.pool = IDPool()
        self.wcnf = WCNF()
        self.x: dict[tuple[int, int], int] = {}
        self.sched: dict[int, int | None] = {}  # None: required, always held
        self.busy: dict[tuple[int, int], int] = {}
        self._meetings()
        self.held_min = sum(1 for held in self.sched.values() if held is None)
        for count in counts:
            if self.hold is None or count.kept:  # a fixed selection already sets the others
                self._count(count)
        self._participants()
        for s in range(ix.n_slots):
            self._slot(s)
        self._fill()
        self._orders()
        self._breaks(spread_cap)

    # -- helpers
    def var(self, *key: object) -> int:
        return int(self.pool.id(key))

    def clause(self, lits: list[int]) -> None:
        self.wcnf.append(lits)

    def at_most(self, lits: list[int], k: int) -> None:
        from pysat.card import CardEnc, EncType

        if len(lits) <= k:
            return
        if k <= 0:
            for lit in lits:
                self.clause([-lit])
            return
        if k == 1:
            enc = EncType.pairwise if self.variant == 1 else EncType.seqcounter
        else:
            enc = EncType.kmtotalizer
        for c in CardEnc.atmost(lits, k, vpool=self.pool, encoding=enc).clauses:
            self.clause(c)

    def at_least(self, lits: list[int], k: int) -> None:
        from pysat.card import CardEnc, EncType

        if k <= 0:
            return
        if k > len(lits):
            self.clause([])
            return
        for c in CardEnc.atleast(lits, k, vpool=self.pool, encoding=EncType.kmtotalizer).clauses:
            self.clause(c)

    def exactly(self, lits: list[int], k: int) -> None:
        from pysat.card import CardEnc, EncType

        if k < 0 or k > len(lits):
            self.clause([])
            return
        if k == len(lits):
            for v in lits:
                self.clause([v])
            return
        for c in CardEnc.equals(lits, k, vpool=self.pool, encoding=EncType.kmtotalizer).clauses:
            self.clause(c)

    def held(self, m: int) -> int | None:
        return self.sched.get(m)

    # -- model
    def _meetings(self) -> None:
        ix = self.ix
        for m, dom in enumerate(ix.domain):
            if not dom:
                if ix.required[m]:
                    self.clause([])  # cannot be held: the stage has no solution
                continue
            if self.hold is not None and not ix.required[m] and m not in self.hold:
                continue  # left out by the selection: never held
            lits = [self.var("x", m, s) for s in dom]
            for s, v in zip(dom, lits, strict=True):
                self.x[m, s] = v
            if ix.required[m] or self.hold is not None:
                self.sched[m] = None
                self.clause(lits)
            else:
                held = self.var("held", m)
                self.sched[m] = held
                self.clause([-held, *lits])
                for v in lits:
                    self.clause([-v, held])
            self.at_most(lits, 1)

    def _count(self, count: Count) -> None:
        lits: list[int] = []
        forced = 0
        if count.kept:
            lits = self._kept(count.meetings)
        elif count.timed:
            lits = [self.x[m, s] for m, s in current_slots(self.ix, count.meetings).items()
                    if (m, s) in self.x]
        else:
            for m in count.meetings:
                held = self.sched.get(m, 0)
                if held is None:
                    forced += 1
                elif held:
                    lits.append(held)
        target = count.value - forced
        if not count.kept and not count.timed:
            self.held_min += max(0, target)
        if count.exact:
            self.exactly(lits, target)
        else:
            self.at_least(lits, target)

    def _kept(self, meetings: tuple[int, ...]) -> list[int]:
        """One literal per meeting kept at its current slot and table (re-planning)."""
        slot_of, places = keep_options(self.ix, meetings)
        keep: dict[int, int] = {}
        for m, s in slot_of.items():
            keep[m] = self.var("keep", m)
            self.clause([-keep[m], self.x[m, s]])
        for (s, _table), (ms, pinned) in places.items():
            self.at_most([keep[m] for m in ms] + [self.x[m, s] for m in pinned], 1)
        return list(keep.values())

    def _participants(self) -> None:
        ix = self.ix
        for p, ms in enumerate(ix.of_participant):
            row: list[int] = []
            for s in range(ix.n_slots):
                lits = [self.x[m, s] for m in ms if (m, s) in self.x]
                if not lits:
                    continue
                b = self.var("busy", p, s)
                self.busy[p, s] = b
                self.clause([-b, *lits])
                for v in lits:
                    self.clause([-v, b])
                self.at_most(lits, 1)
                row.append(b)
            if not row:
                continue
            required = sum(1 for m in ms if m in self.sched and self.sched[m] is None)
            optional = [h for m in ms if (h := self.sched.get(m))]
            # Implied (1): busy slots == meetings held, as busy + (optional not held) ==
            # required + |optional| so that one counter carries it.
            self.exactly(row + [-h for h in optional], required + len(optional))
            cap = ix.cap[p]
            if cap is not None:
                self.at_most(optional, cap - required)

    def _slot(self, s: int) -> None:
        ix = self.ix
        tables = ix.places[s]
        here = [m for m in range(len(ix.parts)) if (m, s) in self.x]
        clusters: list[int] = []
        left = set(here)
        while left:
            share: dict[int, int] = {}
            for m in left:
                for p in ix.parts[m]:
                    share[p] = share.get(p, 0) + 1
            p = max(sorted(share), key=lambda q: share[q])
            group = sorted(m for m in left if p in ix.parts[m])
            left -= set(group)
            if len(group) == 1:
                clusters.append(self.x[group[0], s])
                continue
            c = self.var("cluster", s, p)
            for m in group:
                self.clause([-self.x[m, s], c])
            clusters.append(c)
        self.at_most(clusters, tables)
        if ix.free_cap is not None:  # held tables: the others share what is left
            self.at_most([self.x[m, s] for m in here if ix.shared(m, s)], ix.free_cap[s])
        busy = [b for (p, t), b in self.busy.items() if t == s]
        self.at_most(busy, 2 * tables)  # implied (2)
        pins: dict[str, list[int]] = {}
        for m in here:
            pin = ix.pinned[m]
            if pin is not None:
                pins.setdefault(pin, []).append(self.x[m, s])
        for lits in pins.values():
            self.at_most(lits, 1)
        per_interpreter: dict[int, list[int]] = {}
        for m in here:
            if not ix.interp_need[m]:
                continue
            ys = []
            for i in ix.interp_ok[m]:
                if s in ix.interp_free[i]:
                    y = self.var("interp", m, s, i)
                    self.clause([-y, self.x[m, s]])
                    ys.append(y)
                    per_interpreter.setdefault(i, []).append(y)
            self.clause([-self.x[m, s], *ys])
        for ys in per_interpreter.values():
            self.at_most(ys, 1)

    def _fill(self) -> None:
        """Implied: with at least H meetings held and every other slot holding at most its
        capacity, each slot holds at least H minus the others' capacity. Over-subscribed forums
        fill nearly every table, and the per-slot counters alone cannot see that sum."""
        ix = self.ix
        here: list[list[int]] = [[] for _ in range(ix.n_slots)]
        for (_, s), v in self.x.items():
            here[s].append(v)
        cap = [min(ix.places[s], len(lits)) for s, lits in enumerate(here)]
        total = sum(cap)
        for s, lits in enumerate(here):
            floor = self.held_min - (total - cap[s])
            if floor > 0:
                self.at_least(lits, floor)

    def _orders(self) -> None:
        ix = self.ix
        for m, before in enumerate(ix.after):
            for a in before:
                for s in ix.domain[m]:
                    for t in ix.domain[a]:
                        if t >= s and (m, s) in self.x and (a, t) in self.x:
                            self.clause([-self.x[m, s], -self.x[a, t]])

    def _breaks(self, spread_cap: int | None) -> None:
        ix = self.ix
        for p, ms in enumerate(ix.of_participant):
            if len(ms) < 2:
                continue
            restarts: list[int] = []
            for run in ix.day_runs:
                seen: int | None = None  # "busy somewhere earlier today" (forced upwards only)
                for k, s in enumerate(run):
                    b = self.busy.get((p, s))
                    before = self.busy.get((p, run[k - 1])) if k else None
                    if b is not None and seen is not None and before != seen:
                        g = self.var("restart", p, s)
                        self.clause([g, -b, -seen] + ([before] if before else []))
                        restarts.append(g)
                    inputs = [v for v in (seen, b) if v is not None]
                    if len(inputs) == 1:
                        seen = inputs[0]
                    elif inputs:
                        now = self.var("seen", p, s)
                        for v in inputs:
                            self.clause([-v, now])
                        seen = now
            if spread_cap is not None:
                self.at_most(restarts, spread_cap)
            for g in restarts:
                self.wcnf.append([-g], weight=1)

    def decode(self, model: list[int]) -> dict[int, int]:
        true = {v for v in model if v > 0}
        return {m: s for (m, s), v in self.x.items() if v in true}


def minimise_breaks(task: Task, on_bound: Callable[[int], None] | None = None,
                    ) -> tuple[int, dict[int, int]] | None:
    """The fewest breaks and a schedule reaching them, or None when the stage has no
    solution. ``on_bound(cost)`` is called each time the proved lower bound rises."""
    from pysat.examples.rc2 import RC2

    ix = index(task.instance)
    enc = Encoder(ix, task.counts, task.spread_cap, task.variant, task.hold)

    class Rc2(RC2):
        def process_core(self) -> None:
            super().process_core()
            if on_bound is not None:
                on_bound(int(self.cost))

    with Rc2(enc.wcnf, solver=SAT_SOLVER, adapt=True, exhaust=True, minz=True,
             trim=5) as rc2:
        # "Expect an interrupt" makes the oracle release Python's lock while it searches, so
        # that the watch on the parent (_watch_parent) keeps running.
        model = rc2.compute(expect_interrupt=True)
        if model is None:
            return None
        return int(rc2.cost), enc.decode(model)


def improve_breaks(task: Task, on_model: Callable[[int, dict[int, int]], None] | None = None,
                   ) -> tuple[int, dict[int, int]] | None:
    """Linear SAT-UNSAT search down from ``task.start``: ask for one break fewer than the best
    schedule so far until the answer is "impossible" (the best is then optimal). The solver
    keeps its own phases: forcing the best schedule's slots on it was measured slower (tight-1
    3 breaks after 27 s against 19 s, proved after 51 s against 32 s). Each better schedule goes to
    ``on_model(breaks, slots)``. Complements :func:`minimise_breaks`, which climbs from below.
    """
    from pysat.card import ITotalizer
    from pysat.solvers import Solver

    ix = index(task.instance)
    enc = Encoder(ix, task.counts, task.spread_cap, task.variant, task.hold)
    best_slots = dict(task.start or ())
    per = count_breaks(ix, best_slots)
    restarts = [-clause[0] for clause in enc.wcnf.soft]
    with Solver(name=SAT_SOLVER) as sat:
        sat.configure(SAT_TUNING)  # before any clause, as CaDiCaL requires
        sat.append_formula(enc.wcnf.hard)
        if task.spread_cap is not None and per and max(per) > task.spread_cap:
            # The start breaks the cap: no proof can rest on it; take the solver's first
            # schedule as the start instead.
            if not sat.solve_limited(expect_interrupt=True):
                return None
            best_slots = enc.decode(sat.get_model() or [])
            if on_model is not None:
                on_model(sum(count_breaks(ix, best_slots)), best_slots)
        best = sum(count_breaks(ix, best_slots))
        if best == 0:
            return best, best_slots
        total = ITotalizer(lits=restarts, ubound=best, top_id=enc.pool.top)
        sat.append_formula(total.cnf.clauses)
        if task.hold is not None:
            # A fixed selection that fills the tables: one call without a target first (2 s).
            # Measured once on oversubscribed-1 (285 meetings for 286 table-slots): the first
            # schedule with one break fewer than the start came after 29 s, 36 s without it.
            if not sat.solve_limited(expect_interrupt=True):
                return None
            slots = enc.decode(sat.get_model() or [])
            breaks = sum(count_breaks(ix, slots))
            if breaks < best:
                best, best_slots = breaks, slots
                if on_model is not None:
                    on_model(best, best_slots)
        while best > 0:
            if not sat.solve_limited(assumptions=[-total.rhs[best - 1]], expect_interrupt=True):
                return best, best_slots
            slots = enc.decode(sat.get_model() or [])
            breaks = sum(count_breaks(ix, slots))
            if breaks >= best:  # cannot happen with an exact count; guard against a loop
                return None
            best, best_slots = breaks, slots
            if on_model is not None:
                on_model(best, best_slots)
    return best, best_slots


def _watch_parent(period: float = 0.5) -> None:
    """End this process once its parent is gone (killed, crashed): nobody would read the answer,
    and a search left running could hold a core for hours."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(period)
            if os.getppid() != parent:
                os._exit(3)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _limit_cpu(seconds: float | None) -> None:
    """Let the system end this process a little after ``seconds`` of CPU time, whatever it is
    doing (the watch on the parent cannot run while the SAT solver holds Python's lock)."""
    try:
        import resource
    except ImportError:  # not on this system: the parent's kill and the watch remain
        return
    if seconds is None:
        return
    soft = int(seconds) + 5
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # SIGXCPU would otherwise dump a core
    resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 5))


def _child_main() -> int:
    """Child-process entry (``python -m desktop.b2b.maxsat``): a pickled :class:`Task` on
    stdin; one JSON line per risen bound, then the answer or the failure, on stdout."""
    out = sys.stdout

    def say(**message: object) -> None:
        out.write(json.dumps(message) + "\n")
        out.flush()

    _watch_parent()
    try:
        task = pickle.load(sys.stdin.buffer)
        _limit_cpu(task.seconds)
        if task.start is not None:
            answer = improve_breaks(task, on_model=lambda cost, slots: say(
                model=[cost, sorted(slots.items())]))
        else:
            answer = minimise_breaks(task, on_bound=lambda cost: say(bound=cost))
        if answer is None:
            say(done=None)
        else:
            say(done=[answer[0], sorted(answer[1].items())])
    except Exception as exc:  # reported to the parent, which carries on without MaxSAT
        say(error=repr(exc))
        return 1
    return 0


class Prover:
    """RC2 in a child process: started once, read without blocking, stopped at will.

    A plain subprocess rather than multiprocessing: nothing of the host (a Qt application, a
    test runner, a script without a main guard) is imported again or forked.
    """

    def __init__(self, task: Task) -> None:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])  # where ``desktop`` can be imported
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "desktop.b2b.maxsat"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        self.started = time.monotonic()
        self.proves = task.hold is None  # its answer is the stage's optimum, its bounds hold
        self.bound = 0
        self.finished = False
        self.result: tuple[int, dict[int, int]] | None = None
        self.error: str | None = None
        self.models: list[tuple[int, dict[int, int]]] = []  # better schedules, not yet taken
        self.best_cost: int | None = None  # the breaks of the best schedule it reported
        self._lines: queue.Queue[str | None] = queue.Queue()
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(pickle.dumps(task))
            self._proc.stdin.close()
        except OSError as exc:
            self.error = str(exc)
            self.finished = True
        threading.Thread(target=self._read, daemon=True, name="maxsat-reader").start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            self._lines.put(line.decode("utf-8", "replace"))
        self._lines.put(None)

    def poll(self) -> bool:
        """Read what the child said so far; True once it has finished (answer or not)."""
        while not self.finished:
            try:
                line = self._lines.get_nowait()
            except queue.Empty:
                break
            if line is None:
                self.error = self.error or "the MaxSAT process ended without an answer"
                self.finished = True
                break
            message = json.loads(line)
            if "bound" in message:
                self.bound = max(self.bound, int(message["bound"]))
            elif "model" in message:
                cost, pairs = message["model"]
                self.models.append((int(cost), {int(m): int(s) for m, s in pairs}))
                self.best_cost = int(cost) if self.best_cost is None \
                    else min(self.best_cost, int(cost))
            elif "done" in message:
                done = message["done"]
                if done is not None:
                    self.result = (int(done[0]), {int(m): int(s) for m, s in done[1]})
                self.finished = True
            else:
                self.error = str(message.get("error"))
                self.finished = True
        if self.finished:
            self.stop()
        return self.finished

    def stop(self) -> None:
        """End the child (at once if it is still searching)."""
        self.finished = True
        if self._proc.poll() is None:
            self._proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._proc.wait(2.0)
        if self._proc.stdout is not None:
            self._proc.stdout.close()


if __name__ == "__main__":
    sys.exit(_child_main())
