"""Local search on breaks: Kempe-chain exchanges of meetings between two slots.

CP-SAT's own search stalls far above the proven bound on tight forums, while a schedule's
breaks can often be cut by simply moving meetings between slots. Tables only matter as a count
per slot (plus distinct fixed tables), so the search works on slots alone and tables are assigned
at the end. A move takes a meeting from slot s to slot t together with every meeting it then
clashes with (its Kempe chain in the two slots), optionally with a second chain from t, so that
full slots can still exchange meetings. Every state visited is valid except for the fairness
spread, which is a penalty; the best state kept is valid whenever the starting one was, and never
has more breaks than it.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable

from desktop.b2b.greedy import Indexed

_BREAK_WEIGHT = 3
_SPREAD_WEIGHT = 20


def _day_masks(ix: Indexed) -> list[int]:
    masks = []
    for run in ix.day_runs:
        m = 0
        for s in run:
            m |= 1 << s
        masks.append(m)
    return masks


class SlotSearch:
    """A schedule as busy-slot bit masks per participant, with moves that keep it valid."""

    def __init__(self, ix: Indexed, slot_of: dict[int, int], *, seed: int = 0,
                 frozen: set[int] | None = None, idle_weight: int = 0) -> None:
        self.ix = ix
        self.idle_weight = idle_weight
        self.rng = random.Random(seed)
        self.days = _day_masks(ix)
        spread = ix.inst.options.max_break_spread
        self.spread = spread
        # Meetings needing interpreters stay put: moving them would need a matching per slot.
        self.frozen = set(frozen or ()) | {m for m in slot_of if ix.interp_need[m]}
        self.succ: list[list[int]] = [[] for _ in ix.parts]
        for m, preds in enumerate(ix.after):
            for a in preds:
                self.succ[a].append(m)
        self.allowed = [set(d) for d in ix.domain]
        self._pool: list[int] = []
        self.load_schedule(slot_of)

    def load_schedule(self, slot_of: dict[int, int]) -> None:
        """Take ``slot_of`` as the current state (its meetings needing interpreters stay)."""
        ix = self.ix
        self.slot_of = dict(slot_of)
        self.frozen |= {m for m in slot_of if ix.interp_need[m]}
        n_p = len(ix.inst.participants)
        self.mask = [0] * n_p
        self.at: list[dict[int, int]] = [{} for _ in range(n_p)]
        self.load = [0] * ix.n_slots
        self.free_load = [0] * ix.n_slots  # meetings at tables nobody holds
        self.members: list[set[int]] = [set() for _ in range(ix.n_slots)]
        self.pins: list[dict[str, int]] = [{} for _ in range(ix.n_slots)]
        for m, s in self.slot_of.items():
            for p in ix.parts[m]:
                self.mask[p] |= 1 << s
                self.at[p][s] = m
            self.load[s] += 1
            self.free_load[s] += ix.shared(m, s)
            self.members[s].add(m)
            pin = ix.pinned[m]
            if pin is not None:
                self.pins[s][pin] = self.pins[s].get(pin, 0) + 1
        self.br = [self.breaks_of(mk) for mk in self.mask]
        self.hist = [0] * (ix.n_slots + 2)
        for b in self.br:
            self.hist[b] += 1
        self.total = sum(self.br)
        self._pool = [m for m in self.slot_of
                      if m not in self.frozen and len(ix.domain[m]) > 1]

    # ------------------------------------------------------------------ evaluation
    def breaks_of(self, mask: int) -> int:
        n = 0
        for dm in self.days:
            x = mask & dm
            if x:
                n += (x & ~(x << 1)).bit_count() - 1
        return n

    def idle_of(self, mask: int) -> int:
        """Idle slots inside the day spans: lets the search see a gap shrink before it closes."""
        n = 0
        for dm in self.days:
            x = mask & dm
            if x:
                low = (x & -x).bit_length()
                n += x.bit_length() - low + 1 - x.bit_count()
        return n

    def excess(self) -> int:
        """How far the breaks exceed the fairness spread, summed over participants."""
        if self.spread is None:
            return 0
        hist = self.hist
        lo = next(i for i, c in enumerate(hist) if c)
        top = lo + self.spread
        return sum(c * (b - top) for b, c in enumerate(hist) if b > top and c)

    # ------------------------------------------------------------------ moves
    def chain(self, m: int, s: int, t: int, comp: dict[int, int]) -> bool:
        """Add to ``comp`` (meeting -> its new slot) the Kempe chain of ``m`` in slots s, t."""
        stack = [m]
        comp[m] = t if self.slot_of[m] == s else s
        while stack:
            x = stack.pop()
            if x in self.frozen:
                return False
            other = comp[x]
            for p in self.ix.parts[x]:
                y = self.at[p].get(other)
                if y is not None and y not in comp:
                    comp[y] = self.slot_of[x]
                    stack.append(y)
        return True

    def feasible(self, comp: dict[int, int], s: int, t: int) -> bool:
        ix = self.ix
        into_t = sum(1 for v in comp.values() if v == t)
        into_s = len(comp) - into_t
        if self.load[t] + 2 * into_t - len(comp) > ix.places[t] or \
                self.load[s] + 2 * into_s - len(comp) > ix.places[s]:
            return False
        caps = ix.free_cap
        if caps is not None:  # held tables: the others share what is left
            free = {s: self.free_load[s], t: self.free_load[t]}
            for x, new in comp.items():
                old = self.slot_of[x]
                free[old] -= ix.shared(x, old)
                free[new] += ix.shared(x, new)
            if free[s] > caps[s] or free[t] > caps[t]:
                return False
        pin_delta: dict[tuple[int, str], int] = {}
        for x, new in comp.items():
            if new not in self.allowed[x]:
                return False
            pin = ix.pinned[x]
            if pin is not None:
                pin_delta[new, pin] = pin_delta.get((new, pin), 0) + 1
                old = self.slot_of[x]
                pin_delta[old, pin] = pin_delta.get((old, pin), 0) - 1
            for a in ix.after[x]:
                if a in self.slot_of and comp.get(a, self.slot_of[a]) >= new:
                    return False
            for b in self.succ[x]:
                if b in self.slot_of and comp.get(b, self.slot_of[b]) <= new:
                    return False
        return all(self.pins[slot].get(pin, 0) + d <= 1 for (slot, pin), d in pin_delta.items())

    def touched(self, comp: dict[int, int], s: int, t: int) -> dict[int, int]:
        """New mask of each participant of the moved meetings (bits s and t swapped)."""
        out: dict[int, int] = {}
        flip = (1 << s) | (1 << t)
        for x in comp:
            for p in self.ix.parts[x]:
                if p not in out:
                    mk = self.mask[p]
                    if bool(mk >> s & 1) != bool(mk >> t & 1):
                        mk ^= flip
                    out[p] = mk
        return out

    def delta(self, new_masks: dict[int, int]) -> tuple[int, dict[int, int]]:
        """Change in search cost if participants took ``new_masks``; and their new breaks."""
        new_br = {p: self.breaks_of(mk) for p, mk in new_masks.items()}
        d = _BREAK_WEIGHT * sum(b - self.br[p] for p, b in new_br.items())
        if self.idle_weight:
            d += sum(self.idle_of(mk) - self.idle_of(self.mask[p])
                     for p, mk in new_masks.items())
        if self.spread is None:
            return d, new_br
        before = self.excess()
        for p, b in new_br.items():
            self.hist[self.br[p]] -= 1
            self.hist[b] += 1
        after = self.excess()
        for p, b in new_br.items():
            self.hist[b] -= 1
            self.hist[self.br[p]] += 1
        return d + _SPREAD_WEIGHT * (after - before), new_br

    def apply(self, comp: dict[int, int], new_masks: dict[int, int],
              new_br: dict[int, int]) -> None:
        for x in comp:
            old = self.slot_of[x]
            for p in self.ix.parts[x]:
                if self.at[p].get(old) == x:
                    del self.at[p][old]
            self.load[old] -= 1
            self.free_load[old] -= self.ix.shared(x, old)
            self.members[old].discard(x)
            pin = self.ix.pinned[x]
            if pin is not None:
                self.pins[old][pin] -= 1
        for x, new in comp.items():
            self.slot_of[x] = new
            for p in self.ix.parts[x]:
                self.at[p][new] = x
            self.load[new] += 1
            self.free_load[new] += self.ix.shared(x, new)
            self.members[new].add(x)
            pin = self.ix.pinned[x]
            if pin is not None:
                self.pins[new][pin] = self.pins[new].get(pin, 0) + 1
        for p, mk in new_masks.items():
            self.mask[p] = mk
            self.hist[self.br[p]] -= 1
            self.hist[new_br[p]] += 1
            self.total += new_br[p] - self.br[p]
            self.br[p] = new_br[p]

    def propose(self) -> tuple[dict[int, int], int, int] | None:
        """A random move, biased to meetings of participants with breaks, or None."""
        ix, rng = self.ix, self.rng
        movable = self._pool
        if not movable:
            return None
        if self.total and rng.random() < 0.7:
            p = rng.choice(self._with_breaks()) if self._with_breaks() else None
            m = rng.choice(list(self.at[p].values())) if p is not None else rng.choice(movable)
        else:
            m = rng.choice(movable)
        s = self.slot_of[m]
        dom = ix.domain[m]
        if len(dom) < 2:
            return None
        t = rng.choice(dom)
        if t == s:
            return None
        comp: dict[int, int] = {}
        if not self.chain(m, s, t, comp):
            return None
        if rng.random() < 0.5:
            at_t = [x for x in self._in_slot(t) if x not in comp]
            if at_t and not self.chain(rng.choice(at_t), s, t, comp):
                return None
        return comp, s, t

    def step(self, temp: float) -> bool:
        """Try one random move, accepted by the Metropolis rule at ``temp``; True if made."""
        move = self.propose()
        if move is None:
            return False
        comp, s, t = move
        if not self.feasible(comp, s, t):
            return False
        masks = self.touched(comp, s, t)
        d, new_br = self.delta(masks)
        if d > 0 and self.rng.random() >= math.exp(-d / temp):
            return False
        self.apply(comp, masks, new_br)
        return True

    def _with_breaks(self) -> list[int]:
        return [p for p, b in enumerate(self.br) if b]

    def _in_slot(self, t: int) -> list[int]:
        return list(self.members[t])

    # ------------------------------------------------------------------ the search
    def run(self, *, seconds: float, max_moves: int | None = None) -> dict[int, int]:
        """A short descent (the temperature falls to its floor within a fraction of a
        second); returns the best schedule by (spread excess, breaks)."""
        best_key = (self.excess(), self.total)
        best = dict(self.slot_of)
        end = time.monotonic() + seconds
        temp, moves = 0.6, 0
        while True:
            moves += 1
            if moves % 256 == 0:
                if time.monotonic() > end:
                    break
                temp = max(0.05, temp * 0.97)
            if max_moves is not None and moves > max_moves:
                break
            if not self.step(temp):
                continue
            key = (self.excess(), self.total)
            if key < best_key:
                best_key, best = key, dict(self.slot_of)
        return best


def improve(ix: Indexed, slot_of: dict[int, int], *, seconds: float = 0.5, seed: int = 0,
            max_moves: int | None = None, frozen: set[int] | None = None) -> dict[int, int]:
    """A schedule with the same meetings placed and no more breaks (nor spread excess)."""
    return SlotSearch(ix, slot_of, seed=seed, frozen=frozen).run(seconds=seconds,
                                                                 max_moves=max_moves)


class Anneal:
    """Simulated annealing over the whole time given, the temperature falling geometrically
    from ``hot`` to ``cold``: the break stage of crowded forums, where the tables are all but
    full and the solvers' own searches stall (measured on oversubscribed-1..3 from the schedule
    the wish stages left, 30 s on one core: 17-23 breaks, against 24-32 for the same time spent
    in back-to-back short descents).

    Each better valid schedule is handed to ``offer`` (at most every ``every`` seconds, and at
    the end); ``catch_up`` is asked as often whether a search running beside this one holds a
    better schedule, which the annealing then goes on from.
    """

    def __init__(self, ix: Indexed, slot_of: dict[int, int], *, seed: int = 0,
                 hot: float = 3.0, cold: float = 0.2, every: float = 0.25,
                 offer: Callable[[dict[int, int]], None] | None = None,
                 catch_up: Callable[[dict[int, int]], dict[int, int] | None] | None = None,
                 should_stop: Callable[[], bool] | None = None) -> None:
        # Idle slots inside a day count a little: the search sees a gap narrow before it
        # closes (measured: 20.5 against 21.5 breaks on average over six runs each).
        self.search = SlotSearch(ix, slot_of, seed=seed, idle_weight=1)
        self.hot, self.cold, self.every = hot, cold, every
        self.offer, self.catch_up, self.should_stop = offer, catch_up, should_stop

    def run(self, seconds: float) -> dict[int, int]:
        """The best schedule found in ``seconds`` (by spread excess, then breaks)."""
        search = self.search
        best_key, best = (search.excess(), search.total), dict(search.slot_of)
        offered = best_key
        begin = time.monotonic()
        end = begin + max(seconds, 1e-3)
        next_check = begin + self.every
        temp, moves = self.hot, 0
        while True:
            moves += 1
            if moves % 256 == 0:
                now = time.monotonic()
                if now >= end:
                    break
                temp = self.hot * (self.cold / self.hot) ** ((now - begin) / (end - begin))
                if now >= next_check:
                    next_check = now + self.every
                    if best_key != offered and best_key[0] == 0 and self.offer is not None:
                        offered = best_key
                        self.offer(best)
                    if self.should_stop is not None and self.should_stop():
                        break
                    other = self.catch_up(best) if self.catch_up is not None else None
                    if other is not None:
                        search.load_schedule(other)
                        best_key = offered = (search.excess(), search.total)
                        best = dict(search.slot_of)
                        continue
            if search.step(temp):
                key = (search.excess(), search.total)
                if key < best_key:
                    best_key, best = key, dict(search.slot_of)
        if best_key != offered and best_key[0] == 0 and self.offer is not None:
            self.offer(best)
        return best
