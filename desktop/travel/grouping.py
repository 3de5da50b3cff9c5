"""Cutting one stream of travellers into vehicle runs: fewest vehicles, then least waiting.

A stream is everyone going from one place to another (an airport to a hotel, or back), each
with the instant they are ready. A run takes people whose ready instants lie within a window
of each other, no more than a vehicle holds. This module is plain arithmetic on numbers
(seconds), so it is exact, fast and testable against brute force.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.db.enums import VehicleKind

# Seats for passengers (the driver is not counted), smallest first.
DEFAULT_FLEET: tuple[tuple[VehicleKind, int], ...] = (
    (VehicleKind.CAR, 3), (VehicleKind.VAN, 7), (VehicleKind.MINIBUS, 19),
    (VehicleKind.COACH, 49))


@dataclass(frozen=True)
class Grouping:
    """Groups of indices into the input, each sorted by time; total waiting in seconds."""

    groups: list[list[int]]
    waiting: int


def group_stream(times: Sequence[int], window: int, capacity: int, *,
                 leave_with_last: bool = True) -> Grouping:
    """The provably best split of one stream into runs.

    ``times`` are ready instants in seconds; a run holds at most ``capacity`` people whose
    times differ by at most ``window``. With ``leave_with_last`` (arrivals) a run leaves when
    its last person is ready and each person waits from their own time to then; otherwise
    (departures) it leaves at its earliest required time and the others are taken early.

    Why this is optimal. Sort the times. (1) Fewest runs: some best solution has runs that are
    contiguous in sorted order. Take two runs A and B, B's latest time no earlier than A's,
    and give A the |A| earliest people of A∪B and B the rest: sizes are unchanged (capacity
    holds); A's new span runs from min(A∪B) to at most max(A), which is within the old span of
    A or of B; B's new span runs from no earlier than min(B) to max(B). So both windows hold,
    and the run count is unchanged. (2) Least waiting: the waiting of a run is
    |run|·(leaving time) − Σ times (arrivals), and the same exchange does not increase it:
    A's latest time can only fall and B's stays, so Σ|run|·max does not grow (the mirror
    argument holds for departures with min). Repeating the exchange orders any best solution
    into contiguous runs. Among contiguous splits, a dynamic programme over prefixes —
    best(i) = min over feasible last runs j..i−1 of best(j) + (1 run, its waiting) — compares
    (runs, waiting) lexicographically and is therefore exact. Each prefix tries at most
    ``capacity`` last runs: O(n · capacity) after the O(n log n) sort.
    """
    if capacity < 1:
        raise ValueError("capacity must be at least 1")
    if window < 0:
        raise ValueError("window cannot be negative")
    order = sorted(range(len(times)), key=lambda k: (times[k], k))
    t = [times[k] for k in order]
    n = len(t)
    prefix = [0] * (n + 1)
    for i, value in enumerate(t):
        prefix[i + 1] = prefix[i] + value
    best_runs = [0] + [n + 1] * n
    best_wait = [0] * (n + 1)
    start_of = [0] * (n + 1)
    for i in range(1, n + 1):
        last = t[i - 1]
        runs_i, wait_i, from_i = n + 1, 0, i - 1
        for j in range(i - 1, max(0, i - capacity) - 1, -1):
            if last - t[j] > window:
                break
            size = i - j
            if leave_with_last:
                wait = size * last - (prefix[i] - prefix[j])
            else:
                wait = (prefix[i] - prefix[j]) - size * t[j]
            runs = best_runs[j] + 1
            total = best_wait[j] + wait
            if runs < runs_i or (runs == runs_i and total < wait_i):
                runs_i, wait_i, from_i = runs, total, j
        best_runs[i], best_wait[i], start_of[i] = runs_i, wait_i, from_i
    groups: list[list[int]] = []
    i = n
    while i > 0:
        j = start_of[i]
        groups.append(order[j:i])
        i = j
    groups.reverse()
    return Grouping(groups, best_wait[n])


def fewest_runs(times: Sequence[int], window: int, capacity: int) -> int:
    """The least number of runs, by the greedy rule (open a run at the earliest person left,
    fill it with the next people within the window up to capacity). Kept as an independent
    witness of :func:`group_stream`'s count."""
    t = sorted(times)
    runs, i = 0, 0
    while i < len(t):
        runs += 1
        start, taken = t[i], 0
        while i < len(t) and taken < capacity and t[i] - start <= window:
            i += 1
            taken += 1
    return runs


def vehicle_for(size: int, fleet: Sequence[tuple[VehicleKind, int]]) -> tuple[VehicleKind, int]:
    """The smallest vehicle of the fleet that seats ``size`` people."""
    for kind, seats in sorted(fleet, key=lambda f: f[1]):
        if seats >= size:
            return kind, seats
    raise ValueError(f"no vehicle seats {size}")
