"""Run grouping is exact: it matches brute force over every partition of small streams."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from desktop.db.enums import VehicleKind
from desktop.travel.grouping import (
    DEFAULT_FLEET,
    fewest_runs,
    group_stream,
    vehicle_for,
)


def partitions(items: list[int]) -> Iterator[list[list[int]]]:
    """Every set partition of ``items`` (Bell(8) = 4140 of eight)."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for smaller in partitions(rest):
        for k in range(len(smaller)):
            yield [*smaller[:k], [first, *smaller[k]], *smaller[k + 1:]]
        yield [[first], *smaller]


def brute_force(times: list[int], window: int, capacity: int,
                leave_with_last: bool) -> tuple[int, int]:
    best = (len(times) + 1, 0)
    for parts in partitions(list(range(len(times)))):
        cost = (len(parts), 0)
        feasible = True
        for part in parts:
            values = [times[k] for k in part]
            if len(part) > capacity or max(values) - min(values) > window:
                feasible = False
                break
            anchor = max(values) if leave_with_last else min(values)
            cost = (cost[0], cost[1] + sum(abs(anchor - v) for v in values))
        if feasible and cost < best:
            best = cost
    return best


def check(times: list[int], window: int, capacity: int, leave_with_last: bool) -> None:
    result = group_stream(times, window, capacity, leave_with_last=leave_with_last)
    assert sorted(k for g in result.groups for k in g) == list(range(len(times)))
    waiting = 0
    for group in result.groups:
        values = [times[k] for k in group]
        assert len(group) <= capacity
        assert max(values) - min(values) <= window
        anchor = max(values) if leave_with_last else min(values)
        waiting += sum(abs(anchor - v) for v in values)
    assert waiting == result.waiting
    assert (len(result.groups), result.waiting) == brute_force(times, window, capacity,
                                                               leave_with_last)
    assert len(result.groups) == fewest_runs(times, window, capacity)


@pytest.mark.parametrize("seed", range(60))
def test_grouping_matches_brute_force_on_random_small_streams(seed: int) -> None:
    rng = random.Random(seed)
    n = 8 if seed % 3 == 0 else rng.randint(1, 7)
    times = [rng.choice([0, 5, 10, 15, 20, 30, 45, 60, 75, 90, 120, 180]) + rng.randint(0, 4)
             for _ in range(n)]
    check(times, window=rng.choice([0, 15, 30, 60]), capacity=rng.randint(1, 4),
          leave_with_last=seed % 2 == 0)


def test_the_greedy_cut_is_not_always_the_least_waiting() -> None:
    """0, 50, 60 with window 60 and two seats: greedy takes (0, 50) then (60), 50 minutes of
    waiting; the best takes (0) then (50, 60): two vans either way, 10 minutes of waiting."""
    result = group_stream([0, 50, 60], window=60, capacity=2)
    assert result.groups == [[0], [1, 2]]
    assert result.waiting == 10


def test_capacity_is_never_exceeded() -> None:
    result = group_stream([0] * 20, window=60, capacity=7)
    assert sorted(len(g) for g in result.groups) == [6, 7, 7]


def test_departures_leave_with_the_earliest() -> None:
    result = group_stream([100, 130, 160], window=60, capacity=7, leave_with_last=False)
    assert result.groups == [[0, 1, 2]]
    assert result.waiting == 30 + 60


def test_an_empty_stream_needs_no_run() -> None:
    assert group_stream([], 60, 7).groups == []


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="capacity"):
        group_stream([1], 60, 0)
    with pytest.raises(ValueError, match="window"):
        group_stream([1], -1, 3)


def test_the_smallest_vehicle_that_fits_is_chosen() -> None:
    assert vehicle_for(1, DEFAULT_FLEET) == (VehicleKind.CAR, 3)
    assert vehicle_for(4, DEFAULT_FLEET) == (VehicleKind.VAN, 7)
    assert vehicle_for(49, DEFAULT_FLEET) == (VehicleKind.COACH, 49)
    with pytest.raises(ValueError):
        vehicle_for(50, DEFAULT_FLEET)
