"""The B2B meeting scheduler: lexicographic objectives solved in stages (model.py holds the
CP-SAT model).

Stages, each fixing its optimum before the next: (1) every required meeting placed, (2) with
``keep_current`` the fewest moves, (3) the most optional meetings per priority, (4) the fewest
breaks within the fairness spread. Stages 1-3 are CP-SAT models carrying the implied constraints
that Bofill et al. (JAIR 2022) found decisive (busy slots per participant equal its meetings; at
most 2 x tables participants busy per slot).

Before any model is built, first fit plus local search on slots (localsearch.py) gives a complete
schedule within the spread in well under a second: the first incumbent and the hint.

The break stage: a two-worker CP-SAT portfolio (core-guided and LP-based) first, which closes
most forums in a second or two. If it has not proved its schedule optimal after
``PORTFOLIO_S``, a lower bound from the busy slots alone, which keeps the even count of busy
participants per slot that the full models do not see (parity.py), ends the stage at once
when the schedule meets it. Otherwise a core-guided MaxSAT solver in a child process
(maxsat.py) takes one core and a SAT search down from the incumbent, in a second child, the
other. Whichever proves the optimum first ends the stage; every proved bound is streamed as
progress.

When wishes were chosen (over-subscribed forums) the break stage differs. One core: simulated
annealing (localsearch.py) for ``LOCAL_S``, a core-guided CP-SAT worker for ``CORE_WORKER_S``,
then annealing again to the end. The other: the SAT search down over the incumbent's choice of
wishes (a selection search), restarted from the annealing's schedule after ``LOCAL_S`` if that
is better.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from desktop.b2b.greedy import assign_places, count_breaks, greedy_slots, index
from desktop.b2b.instance import Instance, Schedule, Unscheduled
from desktop.b2b.lns import BreakSearch
from desktop.b2b.localsearch import Anneal, SlotSearch
from desktop.b2b.maxsat import Count, Prover, Task, spread_proof_holds
from desktop.b2b.model import ScheduleModel
from desktop.b2b.parity import parity_bound
from desktop.b2b.replan import current_slots, keep_options, keep_start
from desktop.i18n import _

StopFlag = threading.Event | Callable[[], bool] | None
DEFAULT_TIME_LIMIT_S = 60.0
TAIL_SHARE = 0.4  # of the break stage's time at least left to local search and LNS
PORTFOLIO_S = 2.0  # the CP-SAT portfolio's turn in the break stage; most forums end within it
CORE_WORKER_S = 10.0  # over-subscribed forums: the lone core-guided worker's turn, after it
LOCAL_S = 10.0  # annealing first, before the selection search may restart
ANNEAL_HOT = 3.0  # the annealing's first temperature (a break costs 3, an idle slot 1) ...
ANNEAL_REHEAT = 1.5  # ... and after the CP-SAT worker, from a schedule already good
PARITY_S = 1.0  # at most, for the busy-slot relaxation's bound (measured: 0.05-0.25 s)
# Above this many (meeting, allowed slot) places the relaxation is not built: its Python
# model alone took 4.3 s on the 10,000-person synthetic mission (about 600,000 places), beyond
# the time cap; the benchmark forums have at most 5,400.
PARITY_MAX_PLACES = 100_000


@dataclass(frozen=True)
class Progress:
    """One improving schedule, for a live display ("placed, breaks, bound")."""

    scheduled: int
    scheduled_priority: tuple[int, int, int]
    required_total: int
    breaks: int | None
    bound_breaks: int
    moved: int | None
    elapsed_s: float
    phase: str


@dataclass
class _Outcome:
    status: str  # a CP-SAT status name
    value: int | None
    bound: int | None


class _Run:
    """One call of :func:`solve`: the stages, the incumbent, the clock and the stop flag."""

    def __init__(self, inst: Instance, limit: float, on_progress: Callable[[Progress], None] | None,
                 stop: StopFlag, *, fairness: bool = True) -> None:
        self.inst = inst
        self.fairness = fairness
        self.ix = index(inst)
        self.started = time.monotonic()
        self.deadline = self.started + limit
        self.on_progress = on_progress
        self.stop = stop
        self.best: dict[int, int] | None = None
        self.bound_breaks = 0
        self.phase = ""
        self.stopped = False
        self._solver: cp_model.CpSolver | None = None
        self._lock = threading.Lock()
        self.required = [m for m in range(len(self.ix.parts)) if self.ix.required[m]]
        self.counts: list[Count] = []  # what the stages before the break stage fixed
        self.provers: list[Prover] = []
        self.prover_due: float | None = None
        self.prover_task: Task | None = None
        self._prover_lock = threading.Lock()

    # -- stop and clock
    def should_stop(self) -> bool:
        if self.stop is None:
            return False
        if isinstance(self.stop, threading.Event):
            return self.stop.is_set()
        return bool(self.stop())

    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    def _watch(self, done: threading.Event) -> None:
        while not done.wait(0.05):
            user = self.should_stop()
            if user or self.prover_tick():
                self.stopped = self.stopped or user
                with self._lock:
                    if self._solver is not None:
                        self._solver.stop_search()
                return

    # -- the MaxSAT children of the break stage (maxsat.py)
    def prover_tick(self) -> bool:
        """Start the MaxSAT child when due, read what every child running found (bounds,
        better schedules); True once one has an answer or the incumbent meets the bound."""
        with self._prover_lock:
            if not self.provers:
                if self.prover_task is not None and self._incumbent_proved():
                    return True  # the busy-slot relaxation's bound is met: no child needed
                if self.prover_task is None or self.prover_due is None or \
                        time.monotonic() < self.prover_due:
                    return False
                if not self._start_prover(self.prover_task):
                    return False
            answered = False
            for prover in self.provers:
                prover.poll()
                bound = min(prover.bound, self._spread_floor()) if prover.proves else 0
                if bound > self.bound_breaks:
                    self.bound_breaks = bound
                    if self.best is not None and self.on_progress is not None:
                        self.on_progress(self.progress())
                models, prover.models = prover.models, []
                for _, slot_of in models:
                    if self._valid(slot_of):
                        self.offer(slot_of, better_only=True)
                answered = answered or (prover.result is not None and prover.proves)
            return answered or self._incumbent_proved()

    def _incumbent_proved(self) -> bool:
        return self.best is not None and \
            sum(count_breaks(self.ix, self.best)) <= self.bound_breaks

    def _start_prover(self, task: Task) -> bool:
        try:
            self.provers.append(Prover(dataclasses.replace(task, seconds=self.remaining())))
        except OSError:  # no child process to be had: CP-SAT and LNS carry on alone
            self.prover_task = None
            return False
        return True

    def _spread_floor(self) -> int:
        """The MaxSAT child caps each participant at d breaks; its bound holds for the spread
        rule only up to the breaks a lowest count of one would cost (maxsat.spread_proof_holds).
        """
        unlimited = 1 << 30
        if self.prover_task is None or self.prover_task.spread_cap is None:
            return unlimited
        can_break = sum(1 for ms in self.ix.of_participant if len(ms) >= 2)
        return unlimited if can_break < len(self.ix.of_participant) else can_break

    def _prover_outcome(self, out: _Outcome) -> _Outcome:
        """Take a MaxSAT child's optimum if one has it, and stop the children in any case."""
        self.prover_tick()
        with self._prover_lock:
            provers, self.provers, self.prover_task = self.provers, [], None
        for prover in provers:
            prover.stop()
        for prover in provers:
            if prover.result is None:
                continue
            cost, slot_of = prover.result
            if not self._valid(slot_of):
                continue
            self.offer(slot_of, better_only=True)
            breaks = sum(count_breaks(self.ix, slot_of))
            if prover.proves and spread_proof_holds(self.ix, cost) and breaks <= cost:
                self.bound_breaks = max(self.bound_breaks, cost)
                return _Outcome("OPTIMAL", breaks, breaks)
        if self._incumbent_proved():  # a bound from one child met a schedule from another
            breaks = sum(count_breaks(self.ix, self.best or {}))
            return _Outcome("OPTIMAL", breaks, breaks)
        return out

    def _valid(self, slot_of: dict[int, int]) -> bool:
        return all(m in slot_of for m in self.required) and self._spread_holds(slot_of) \
            and assign_places(self.ix, slot_of) is not None

    # -- incumbent and progress
    def offer(self, slot_of: dict[int, int], *, better_only: bool = False,
              moves_only: bool = False) -> None:
        """Take ``slot_of`` as the incumbent. ``better_only`` (the break stage): only if it is
        better by the objectives that are still open, more wishes by priority (when a wish
        stage left only a floor) and then fewer breaks; ``moves_only`` (the "fewest moved"
        stage): only if it moves no more meetings than the incumbent."""
        if better_only and self.best is not None and \
                self._rank(slot_of) <= self._rank(self.best):
            return
        if moves_only and self.best is not None and \
                self.moves(slot_of) > self.moves(self.best):
            return
        self.best = dict(slot_of)
        if self.on_progress is not None:
            self.on_progress(self.progress())

    def _per_priority(self, slot_of: dict[int, int]) -> tuple[int, int, int]:
        """Meetings placed at priority 1, 2 and 3."""
        prio = [0, 0, 0]
        for m in slot_of:
            prio[self.ix.priority[m] - 1] += 1
        return prio[0], prio[1], prio[2]

    def _rank(self, slot_of: dict[int, int]) -> tuple[int, int, int, int]:
        return *self._per_priority(slot_of), -sum(count_breaks(self.ix, slot_of))

    def progress(self) -> Progress:
        slot_of = self.best or {}
        return Progress(len(slot_of), self._per_priority(slot_of), len(self.required),
                        sum(count_breaks(self.ix, slot_of)) if slot_of else None,
                        self.bound_breaks, self.moved(slot_of), time.monotonic() - self.started,
                        self.phase)

    def moved(self, slot_of: dict[int, int]) -> int | None:
        if not any(m.current for m in self.inst.meetings):
            return None
        return sum(self.moves(slot_of))

    def moves(self, slot_of: dict[int, int]) -> tuple[int, int]:
        """Meetings taken from their time (or dropped), then meetings kept at their time but
        at another table: the first weighs more, as in the "fewest moved" stage."""
        placed = {p.id: p for p in assign_places(self.ix, slot_of) or []}
        timed = tabled = 0
        for m in self.inst.meetings:
            if m.current is None:
                continue
            p = placed.get(m.id)
            if p is None or p.slot != m.current.slot:
                timed += 1
            elif m.current.table is not None and p.table != m.current.table:
                tabled += 1
        return timed, tabled

    # -- one CP-SAT solve
    def run_stage(self, model: ScheduleModel, share: float, *, core: bool = False,
                  on_bound: Callable[[int], None] | None = None,
                  md: cp_model.CpModel | None = None, seed: int = 0,
                  better_only: bool = False, moves_only: bool = False,
                  single: str | None = None) -> _Outcome:
        """One CP-SAT solve of ``model`` for ``share`` of the time left. ``core``: the
        two-worker portfolio (core-guided and LP-based); ``single``: one worker of that kind."""
        if self.should_stop() or self.stopped:
            self.stopped = True
            return _Outcome("UNKNOWN", None, None)
        if self.best is not None:
            model.hint(self.best)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, self.remaining() * share)
        solver.parameters.num_workers = 1 if single else 2
        solver.parameters.random_seed = seed
        if single:
            solver.parameters.subsolvers.append(single)
        elif core:
            solver.parameters.subsolvers.extend(["core", "default_lp"])
        run = self

        class Callback(cp_model.CpSolverSolutionCallback):
            def on_solution_callback(self) -> None:
                if on_bound is not None:
                    on_bound(int(self.best_objective_bound + 0.999))
                run.offer(model.slot_of(self.boolean_value), better_only=better_only,
                          moves_only=moves_only)

        with self._lock:
            self._solver = solver
        done = threading.Event()
        watcher = threading.Thread(target=self._watch, args=(done,), daemon=True)
        watcher.start()
        try:
            status = solver.solve(md or model.md, Callback())
        finally:
            done.set()
            with self._lock:
                self._solver = None
        name = solver.status_name(status)
        if name in ("OPTIMAL", "FEASIBLE"):
            has_obj = (md or model.md).has_objective()
            value = round(solver.objective_value) if has_obj else 0
            bound = int(solver.best_objective_bound + 0.999) if has_obj else 0
            return _Outcome(name, value, bound)
        if name == "UNKNOWN" and (md or model.md).has_objective():
            # No schedule in the time given, but what the search proved still holds (a lower
            # bound, for the break stage: the only one that reads it).
            return _Outcome(name, None, max(0, int(solver.best_objective_bound + 0.999)))
        return _Outcome(name, None, None)

    # -- the stages
    def levels(self, model: ScheduleModel) -> list[tuple[str, Any, bool, list[int] | None]]:
        """(phase, expression, maximise?, its optional meetings) per level, in order."""
        ix = self.ix
        out: list[tuple[str, Any, bool, list[int] | None]] = []
        if self.inst.options.keep_current:
            timed, kept = self._keep_vars(model)
            if timed or kept:
                # A meeting kept at its time counts above any number kept at their tables:
                # another table at the same hour beats a new hour for the people meeting.
                out.append((_("keeping meetings in place"),
                            self.keep_weight * sum(timed) + sum(kept), True, None))
        for prio in (1, 2, 3):
            opt = [m for m in range(len(ix.parts))
                   if not ix.required[m] and ix.priority[m] == prio and ix.domain[m]]
            if opt:
                out.append((_("placing priority {p} wishes").format(p=prio),
                            sum(model.sched[m] for m in opt), True, opt))
        out.append((_("reducing breaks"), model.total_breaks, False, None))
        return out

    @property
    def keep_weight(self) -> int:
        """What one meeting kept at its time weighs against those kept at their tables."""
        return len(self.inst.meetings) + 1

    def _keep_vars(self, model: ScheduleModel) -> tuple[list[Any], list[Any]]:
        """Literals of the meetings that stay at their current time (slot), and of those
        that stay at their current slot and table."""
        md = model.md
        slot_of, places = keep_options(self.ix, range(len(self.inst.meetings)))
        keep: dict[int, Any] = {}
        for m, s in slot_of.items():
            keep[m] = md.new_bool_var(f"keep{m}")
            md.add_implication(keep[m], model.x[m, s])
        for (s, _table), (ms, pinned) in places.items():
            md.add(sum(keep[m] for m in ms) + sum(model.x[m, s] for m in pinned) <= 1)
        timed = [model.x[m, s] for m, s in current_slots(self.ix).items()]
        return timed, list(keep.values())

    def solve(self) -> Schedule:
        try:
            return self._solve()
        finally:
            with self._prover_lock:
                provers, self.provers = self.provers, []
            for prover in provers:
                prover.stop()

    def _solve(self) -> Schedule:
        ix = self.ix
        first_fit = self.construct()
        model = ScheduleModel(ix, fairness=self.fairness)
        for m in self.required:
            model.md.add(model.sched[m] == 1)
        if all(m in first_fit for m in self.required):
            model.hint(first_fit)
        proven = True
        levels = self.levels(model)
        for i, (phase, expr, maximise, wishes) in enumerate(levels):
            self.phase = phase
            last = i == len(levels) - 1
            if maximise:
                model.md.maximize(expr)
            else:
                model.md.minimize(expr)
            if last and self.best is not None and not self.inst.options.keep_current \
                    and self._spread_holds(self.best):
                better = SlotSearch(ix, self.best, seed=1).run(
                    seconds=min(0.3, self.remaining()))
                if self._valid(better):
                    self.offer(better, better_only=True)
            share = 1.0 if last else 0.35
            if last:
                share = min(1.0 - TAIL_SHARE, PORTFOLIO_S / max(self.remaining(), 1e-3))
                self._plan_prover(model)
            # Each schedule shown, and kept if the organiser stops, is at least as good as the
            # one before: a stage's first answers may hold fewer wishes than the incumbent
            # (first fit often places every one) or more breaks.
            out = self.run_stage(model, share, core=last,
                                 on_bound=self._set_bound if last else None,
                                 better_only=last or wishes is not None,
                                 moves_only=maximise and wishes is None)
            if last and out.status == "UNKNOWN" and not self.stopped \
                    and self.best is not None and self._valid(self.best):
                # The portfolio had no answer in its turn (on crowded forums its first one
                # can take longer): the incumbent stands for it, and the MaxSAT child and
                # the neighbourhood search still get theirs.
                self._set_bound(out.bound or 0)
                out = _Outcome("FEASIBLE", sum(count_breaks(ix, self.best)), out.bound)
            if last and out.status == "FEASIBLE" and not self.stopped:
                # Most forums are closed by now; the others may meet the busy-slot bound
                # (_beside_prover then ends the stage at once, and starts no child).
                before = self.bound_breaks
                self._set_bound(self._parity_bound(model))
                if self.bound_breaks > before and self.best is not None and \
                        self.on_progress is not None:
                    self.on_progress(self.progress())  # the live display shows the proof
            if last:
                self._release_prover()
            if last and out.status == "FEASIBLE" and not self.stopped:
                out = self._beside_prover(model, out)
            searched = last and TAIL_SHARE > 0 and out.status == "FEASIBLE"
            if searched:
                out = self._break_search(model, out)
            if last:
                out = self._prover_outcome(out)
            if not last and out.value is None and self.best is not None and wishes:
                # Nothing found in this stage's time: keep the incumbent's count as a floor
                # rather than skipping the break stage altogether.
                floor = sum(1 for m in wishes if m in self.best)
                model.md.add(expr >= floor)
                self.counts.append(Count(tuple(wishes), floor, exact=False))
                proven = False
                continue
            if not last and out.value is not None:
                self._fixed(wishes, out)
            if last and out.value is None and not self.stopped and self.remaining() > 0.5:
                out = self.run_stage(model, 1.0, core=True, on_bound=self._set_bound, seed=1,
                                     better_only=True)
            if out.status == "INFEASIBLE" and self.best is None:
                if model.spread_ok and self._feasible_without_spread():
                    return self._restart()
                return self.infeasible()
            if out.value is None:
                proven = False
                break
            if last:
                self.bound_breaks = max(self.bound_breaks, out.bound or 0)
            if out.status != "OPTIMAL":
                proven = False
            if out.status == "OPTIMAL":
                model.md.add(expr == out.value)
            elif maximise:
                model.md.add(expr >= out.value)
            else:
                model.md.add(expr <= out.value)
        if self.best is None:
            return self.infeasible(timed_out=True)
        return self.result("optimal" if proven else "feasible")

    def _beside_prover(self, model: ScheduleModel, out: _Outcome) -> _Outcome:
        """The portfolio's turn ended without a proof; the MaxSAT child now has one core.

        A second child searches down from the incumbent (SAT-UNSAT, one break fewer at a
        time): it improves the schedule shown far faster than the neighbourhood re-solves, and
        the stage ends when its schedule meets the first child's bound, or either child proves
        its answer. With wishes chosen (over-subscribed forums), see :meth:`_crowded`.
        """
        if self.prover_tick():
            return self._prover_outcome(out)
        if self.counts:
            return self._crowded(model, out)
        task, start = self.prover_task, self.best
        if task is None or start is None or not self._start_prover(
                dataclasses.replace(task, start=tuple(sorted(start.items())))):
            return out
        while self.remaining() > 0.1:
            if self.should_stop():
                self.stopped = True
                break
            if self.prover_tick():
                break
            time.sleep(0.05)
        return self._prover_outcome(out)

    def _crowded(self, model: ScheduleModel, out: _Outcome) -> _Outcome:
        """The break stage where wishes were chosen (over-subscribed forums, tables all but
        full). The other core, from the start: the search down with the incumbent's wishes
        held fixed (a selection search, maxsat.py). This core: simulated annealing for
        ``LOCAL_S`` (localsearch.py), after which the selection search restarts from its
        schedule if that is better than its own; a core-guided CP-SAT worker for
        ``CORE_WORKER_S`` (it proves the bounds here, and closed oversubscribed-4); then
        annealing again, from a lower temperature, to the end.

        When re-planning, meetings stay near their places: neighbourhood re-solves, which
        keep the count of moves fixed, stand in for the annealing, and no selection search runs.
        """
        keep = self.inst.options.keep_current
        child = None if keep else self._selection_child()
        if keep:
            out = self._break_search(model, out, reserve=max(0.0, self.remaining() - LOCAL_S))
        else:
            out = self._anneal(out, min(LOCAL_S, self.remaining()), hot=ANNEAL_HOT)
        if out.status == "OPTIMAL" or self.stopped:
            return out
        breaks = sum(count_breaks(self.ix, self.best or {}))
        if child is not None and (child.best_cost is None or child.best_cost > breaks):
            with self._prover_lock:
                if child in self.provers:
                    self.provers.remove(child)
            child.stop()
            self._selection_child()
        more = self.run_stage(model, min(1.0 - TAIL_SHARE,
                                         CORE_WORKER_S / max(self.remaining(), 1e-3)),
                              single="core", on_bound=self._set_bound, better_only=True)
        self.prover_tick()
        if more.value is None:
            self._set_bound(more.bound or 0)
        else:
            out = _Outcome(more.status, more.value, max(out.bound or 0, more.bound or 0))
        if more.status == "OPTIMAL" or self._incumbent_proved() or self.stopped:
            return self._prover_outcome(out)
        if not keep:
            out = self._anneal(out, self.remaining(), hot=ANNEAL_REHEAT)
        return out

    def _anneal(self, out: _Outcome, seconds: float, *, hot: float) -> _Outcome:
        """Simulated annealing from the incumbent for ``seconds`` (localsearch.py), going on
        from any better schedule a child process finds meanwhile."""
        if self.best is None or seconds <= 0:
            return out

        def catch_up(mine: dict[int, int]) -> dict[int, int] | None:
            best = self.best
            return best if best is not None and self._rank(best) > self._rank(mine) else None

        Anneal(self.ix, self.best, seed=1, hot=hot,
               offer=lambda s: self.offer(s, better_only=True), catch_up=catch_up,
               should_stop=lambda: self.should_stop() or self.prover_tick()).run(seconds)
        if self.should_stop():
            self.stopped = True
        breaks = sum(count_breaks(self.ix, self.best or {}))
        bound = max(out.bound or 0, self.bound_breaks)
        return _Outcome("OPTIMAL" if breaks <= bound else "FEASIBLE", breaks, min(bound, breaks))

    def _selection_child(self) -> Prover | None:
        """Start the search down over the incumbent's choice of wishes, beside the others."""
        best, task = self.best, self.prover_task
        if best is None or task is None or self.inst.options.keep_current:
            return None
        held = tuple(sorted(m for m in best if not self.ix.required[m]))
        try:
            child = Prover(dataclasses.replace(task, start=tuple(sorted(best.items())),
                                               hold=held, seconds=self.remaining()))
        except OSError:
            return None
        with self._prover_lock:
            self.provers.append(child)
        return child

    def _fixed(self, wishes: list[int] | None, out: _Outcome) -> None:
        """Record what a stage before the break stage fixed, for the MaxSAT child."""
        assert out.value is not None
        exact = out.status == "OPTIMAL"
        if wishes is None:  # meetings kept in place: at their time, then at their table too
            current = tuple(m for m, spec in enumerate(self.inst.meetings) if spec.current)
            timed, kept = divmod(out.value, self.keep_weight)
            # Unproved, "at least as good" is held as at least as many of each: never looser
            # than the lexicographic floor, so no schedule that moves more gets through.
            self.counts.append(Count(current, timed, exact, timed=True))
            self.counts.append(Count(current, kept, exact, kept=True))
        else:
            self.counts.append(Count(tuple(wishes), out.value, exact))

    def _plan_prover(self, model: ScheduleModel) -> None:
        """The break stage's MaxSAT child, started once :meth:`_release_prover` says so (the
        portfolio's turn over without a proof); it then has one core and the neighbourhood
        re-solves the other."""
        d = self.inst.options.max_break_spread if model.spread_ok else None
        with self._prover_lock:
            # Pairwise "at most one": measured to prove more forums than the sequential
            # counter when the search down from the incumbent runs beside it.
            self.prover_task = Task(self.inst, tuple(self.counts), d, variant=1)
            # With wishes chosen, RC2 gave no bound the CP-SAT worker did not (measured on
            # oversubscribed-1..4): its core goes to the selection search instead, which
            # re-planning does without (its count of meetings kept in place needs every wish).
            selection = bool(self.counts) and not self.inst.options.keep_current
            self.prover_due = None if selection else float("inf")

    def _release_prover(self) -> None:
        """Let the watcher or the next :meth:`prover_tick` start the planned MaxSAT child."""
        with self._prover_lock:
            if self.prover_due is not None:
                self.prover_due = time.monotonic()

    def construct(self) -> dict[int, int]:
        """First fit, then local search until the spread holds: a complete schedule at once.

        Offered as the first incumbent when it is valid, so the organiser sees a full schedule
        before CP-SAT has even built its model; it is also the solver's hint.
        """
        ix = self.ix
        self.phase = _("a first schedule, by first fit")
        if self.inst.options.keep_current:
            kept = keep_start(ix)
            if all(m in kept for m in self.required):
                if self._spread_holds(kept):
                    self.offer(kept)  # an early stop then moves only what had to move
                return kept  # else still the hint: CP-SAT repairs the spread close to it
        start = greedy_slots(ix)
        if not all(m in start for m in self.required):
            return start
        search = SlotSearch(ix, start, seed=0)
        better = search.run(seconds=min(0.5, 0.05 * self.remaining()))
        if self._spread_holds(better) and not self.inst.options.keep_current:
            self.offer(better)
        return better

    def _break_search(self, model: ScheduleModel, out: _Outcome, reserve: float = 0.0) -> _Outcome:
        """Local search and neighbourhood re-solves down to the portfolio's bound (lns.py),
        until ``reserve`` seconds are left."""
        bound = out.bound or 0
        search = BreakSearch(self.ix, model.md, model.x, model.sched,
                             offer=lambda s: self.offer(s, better_only=True),
                             remaining=lambda: self.remaining() - reserve,
                             should_stop=lambda: self.should_stop() or self.prover_tick(),
                             local_search=not self.inst.options.keep_current,
                             # With wishes to choose, the local search makes the gains
                             # (measured: oversubscribed-1..3 25/24/25 breaks after every
                             # re-solve, 30/28/30 after every eighth).
                             search_every=1 if self.counts else 8,
                             incumbent=lambda: self.best)
        # Every improvement was offered as it came: the incumbent is the better of the
        # search's schedule and what the children beside it found meanwhile.
        search.run(self.best or {}, lambda: max(bound, self.bound_breaks))
        if self.should_stop():
            self.stopped = True
        bound = max(bound, self.bound_breaks)
        breaks = sum(count_breaks(self.ix, self.best or {}))
        proved = breaks <= bound
        return _Outcome("OPTIMAL" if proved else "FEASIBLE", breaks, min(bound, breaks))

    def _spread_holds(self, slot_of: dict[int, int]) -> bool:
        d = self.inst.options.max_break_spread
        if d is None or not self.fairness:
            return True
        br = count_breaks(self.ix, slot_of)
        return max(br) - min(br) <= d

    def _restart(self) -> Schedule:
        """Solve again without the spread rule, which no schedule can meet."""
        run = _Run(self.inst, self.remaining(), self.on_progress, self.stop, fairness=False)
        run.started = self.started
        return run.solve()

    def _set_bound(self, bound: int) -> None:
        self.bound_breaks = max(self.bound_breaks, bound)

    def _parity_bound(self, model: ScheduleModel) -> int:
        """The busy-slot relaxation's bound (parity.py): one core-guided worker, which
        solves it within a few tenths of a second on every forum without wishes measured.
        With wishes chosen it is skipped: there it proved 3-6 breaks where CP-SAT's own
        bound was 6-9, and took up to 1.6 s of the crowded forums' time."""
        if self.should_stop() or self.stopped or any(not c.kept for c in self.counts) or \
                sum(len(dom) for dom in self.ix.domain) > PARITY_MAX_PLACES:
            return 0
        spread = self.inst.options.max_break_spread if model.spread_ok else None
        return parity_bound(self.ix, self.counts, spread=spread,
                            seconds=min(PARITY_S, 0.05 * self.remaining()))

    def _feasible_without_spread(self) -> bool:
        model = ScheduleModel(self.ix, fairness=False)
        for m in self.required:
            model.md.add(model.sched[m] == 1)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, self.remaining() * 0.3)
        solver.parameters.num_workers = 2
        return solver.solve(model.md) in (cp_model.OPTIMAL, cp_model.FEASIBLE)

    def infeasible(self, *, timed_out: bool = False) -> Schedule:
        """Place as many required meetings as possible and say why the others cannot be."""
        from desktop.b2b.explain import explain

        ix = self.ix
        self.phase = _("placing as many required meetings as possible")
        model = ScheduleModel(ix, fairness=False)
        model.md.maximize(sum(model.sched[m] * (1000 if ix.required[m] else 1)
                              for m in range(len(ix.parts))))
        hint = greedy_slots(ix)
        model.hint(hint)
        self.best = hint
        self.run_stage(model, 0.5)
        reasons = explain(self.inst, self.best, deadline=self.deadline,
                          timed_out=timed_out or self.stopped)
        return self.result("infeasible", reasons)

    def result(self, status: str, reasons: dict[str, str] | None = None) -> Schedule:
        from desktop.b2b.explain import optional_reason

        ix = self.ix
        slot_of = self.best or {}
        placed = assign_places(ix, slot_of) or []
        breaks = sum(count_breaks(ix, slot_of))
        reasons = reasons or {}
        missing = []
        for m, spec in enumerate(self.inst.meetings):
            if m in slot_of:
                continue
            why = reasons.get(spec.id) or optional_reason(self.inst, ix, m)
            missing.append(Unscheduled(spec.id, why))
        if status == "optimal" and not self.fairness and \
                self.inst.options.max_break_spread is not None:
            # The spread was dropped because no schedule meets it: the breaks are the fewest
            # without it, but the schedule breaks a rule the organiser set, so not "optimal".
            status = "feasible"
        bound = breaks if status == "optimal" else min(self.bound_breaks, breaks)
        return Schedule(self.inst.name, status, tuple(placed), tuple(missing), len(slot_of),
                        self._per_priority(slot_of), breaks, self.moved(slot_of), bound,
                        time.monotonic() - self.started)


def solve(instance: Instance, *, time_limit_s: float | None = None,
          on_progress: Callable[[Progress], None] | None = None,
          stop: StopFlag = None) -> Schedule:
    """Schedule the meetings of ``instance``; see the module docstring for the objectives.

    ``on_progress`` is called with every improving schedule; ``stop`` (an Event or a callable)
    ends the search early and the best schedule found so far is returned.
    """
    limit = time_limit_s or instance.options.time_limit_s or DEFAULT_TIME_LIMIT_S
    return _Run(instance, limit, on_progress, stop).solve()

