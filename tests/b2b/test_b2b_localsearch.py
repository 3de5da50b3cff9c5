"""Local search and neighbourhood re-solves: always valid, never more breaks than given."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.b2b.checker import check
from desktop.b2b.generator import Shape, generate
from desktop.b2b.greedy import assign_places, count_breaks, greedy_slots, index
from desktop.b2b.instance import Instance, Schedule
from desktop.b2b.lns import Lns
from desktop.b2b.localsearch import Anneal, SlotSearch, improve
from desktop.b2b.model import ScheduleModel

SMALL = Shape(participants=14, meetings=30, slots=8, tables=4)


def as_schedule(inst: Instance, slot_of: dict[int, int]) -> Schedule:
    ix = index(inst)
    placed = assign_places(ix, slot_of)
    assert placed is not None, "a slot holds more meetings than tables"
    prio = [0, 0, 0]
    for m in slot_of:
        prio[ix.priority[m] - 1] += 1
    return Schedule(inst.name, "feasible", tuple(placed), (), len(slot_of),
                    (prio[0], prio[1], prio[2]), sum(count_breaks(ix, slot_of)))


def violations(inst: Instance, slot_of: dict[int, int]) -> set[str]:
    """Rule kinds broken, leaving out meetings the start did not place either."""
    return {v.kind for v in check(inst, as_schedule(inst, slot_of)) if v.kind != "missing"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), kind=st.sampled_from(["normal", "tight", "oversubscribed"]),
       extras=st.booleans(), spread=st.sampled_from([None, 1, 2]),
       search_seed=st.integers(0, 3))
def test_local_search_never_breaks_a_rule_nor_adds_breaks(seed: int, kind: str, extras: bool,
                                                          spread: int | None,
                                                          search_seed: int) -> None:
    inst = generate(seed, kind, shape=SMALL, extras=extras, spread=spread)
    ix = index(inst)
    start = greedy_slots(ix)
    before = violations(inst, start)
    search = SlotSearch(ix, start, seed=search_seed)
    excess_before, breaks_before = search.excess(), search.total
    out = search.run(seconds=10, max_moves=1500)
    assert set(out) == set(start), "the same meetings stay placed"
    assert violations(inst, out) <= before
    after = SlotSearch(ix, out)
    assert (after.excess(), after.total) <= (excess_before, breaks_before)
    if excess_before == 0:
        assert "spread" not in violations(inst, out)
        assert after.total <= breaks_before


def test_local_search_repairs_the_spread_and_cuts_breaks() -> None:
    inst = generate(3, "normal", shape=Shape(participants=30, meetings=80, slots=12, tables=8))
    ix = index(inst)
    start = greedy_slots(ix)
    out = improve(ix, start, seconds=2.0, max_moves=20_000)
    assert violations(inst, out) == set()
    assert sum(count_breaks(ix, out)) < sum(count_breaks(ix, start))


def test_fixed_meetings_do_not_move() -> None:
    inst = generate(5, "normal", shape=SMALL)
    ix = index(inst)
    start = greedy_slots(ix)
    frozen = set(list(start)[:10])
    out = improve(ix, start, max_moves=2000, frozen=frozen)
    assert all(out[m] == start[m] for m in frozen)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), kind=st.sampled_from(["normal", "oversubscribed"]))
def test_a_neighbourhood_re_solve_keeps_the_schedule_valid(seed: int, kind: str) -> None:
    inst = generate(seed, kind, shape=SMALL)
    ix = index(inst)
    model = ScheduleModel(ix, fairness=True)
    start = improve(ix, greedy_slots(ix), max_moves=3000)
    if violations(inst, start):
        return  # no valid start to improve from
    for m in start:
        model.md.add(model.sched[m] == 1)
    model.md.minimize(model.total_breaks)
    lns = Lns(ix, model.md, model.x, model.sched, seed=seed)
    breaks = sum(count_breaks(ix, start))
    for _ in range(4):
        step = lns.step(start, breaks, 2.0)
        if step.slot_of is None:
            continue
        assert violations(inst, step.slot_of) == set()
        assert step.breaks == sum(count_breaks(ix, step.slot_of)) <= breaks
        start, breaks = step.slot_of, step.breaks or 0


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), kind=st.sampled_from(["normal", "tight", "oversubscribed"]),
       spread=st.sampled_from([None, 1, 2]), search_seed=st.integers(0, 3))
def test_annealing_offers_only_better_valid_schedules(seed: int, kind: str, spread: int | None,
                                                      search_seed: int) -> None:
    inst = generate(seed, kind, shape=SMALL, spread=spread)
    ix = index(inst)
    start = greedy_slots(ix)
    before = violations(inst, start)
    first = SlotSearch(ix, start)
    offered: list[dict[int, int]] = []
    out = Anneal(ix, start, seed=search_seed, every=0.02, offer=offered.append).run(0.2)
    assert set(out) == set(start), "the same meetings stay placed"
    assert violations(inst, out) <= before
    last = SlotSearch(ix, out)
    assert (last.excess(), last.total) <= (first.excess(), first.total)
    totals = [sum(count_breaks(ix, slot_of)) for slot_of in offered]
    assert totals == sorted(set(totals), reverse=True), "each offer has fewer breaks"
    for slot_of in offered:
        assert set(slot_of) == set(start)
        assert violations(inst, slot_of) <= before - {"spread"}
    if offered:
        assert offered[-1] == out


def test_annealing_goes_on_from_a_better_schedule_found_beside_it() -> None:
    inst = generate(2, "oversubscribed")
    ix = index(inst)
    plain = greedy_slots(ix)
    better = SlotSearch(ix, plain, seed=1).run(seconds=0.5)
    target = sum(count_breaks(ix, better))
    asked: list[int] = []

    def catch_up(mine: dict[int, int]) -> dict[int, int] | None:
        asked.append(sum(count_breaks(ix, mine)))
        return better if len(asked) == 1 else None

    # So cold that the search alone cannot reach the other schedule's breaks in the time.
    out = Anneal(ix, plain, hot=0.01, cold=0.01, every=0.01, catch_up=catch_up).run(0.1)
    assert len(asked) > 1 and asked[0] > target
    assert sum(count_breaks(ix, out)) <= target


def test_annealing_stops_when_asked() -> None:
    inst = generate(2, "oversubscribed")
    ix = index(inst)
    start = greedy_slots(ix)
    began = time.monotonic()
    out = Anneal(ix, start, every=0.01, should_stop=lambda: True).run(30.0)
    assert time.monotonic() - began < 5.0
    assert set(out) == set(start)
