"""An indexed view of an instance, table/interpreter assignment, and a greedy baseline.

The greedy places meetings one by one in the first slot that works, as the scheduling tools on
the market do; it is the yardstick the solver is compared with, and a cheap first incumbent.
The :class:`Indexed` view (integer ids, allowed slots per meeting) is shared with the solver;
the checker deliberately does not use it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import cached_property

from desktop.b2b.instance import Instance, PlacedMeeting, Schedule, Unscheduled
from desktop.i18n import _


@dataclass
class Indexed:
    """Integer-indexed instance: slots 0..S-1 in list order, participants and meetings by index."""

    inst: Instance
    n_slots: int
    slot_ids: list[int]
    day_runs: list[list[int]]  # slot indices of each day, in order
    pid: dict[str, int]
    mid: dict[str, int]
    parts: list[tuple[int, int]]
    required: list[bool]
    priority: list[int]
    domain: list[list[int]]  # allowed slot indices per meeting
    pinned: list[str | None]  # the table a meeting must use, if any
    interp_need: list[bool]
    interp_ok: list[list[int]]  # interpreter indices able to serve the meeting
    interp_free: list[set[int]]  # slot indices each interpreter can work
    after: list[list[int]]
    of_participant: list[list[int]] = field(default_factory=list)
    cap: list[int | None] = field(default_factory=list)
    # Tables held per slot (slots[].held): participant index -> table (a negative key for a
    # closed table). With any, free_cap[s] is how many tables slot s leaves to the meetings
    # of participants holding none there.
    holds: list[dict[int, str]] = field(default_factory=list)
    free_cap: list[int] | None = None
    # The tables usable in each slot: all of them less those closed there.
    places: list[int] = field(default_factory=list)

    @cached_property
    def interpreter_index(self) -> dict[str, int]:
        return {it.id: i for i, it in enumerate(self.inst.interpreters)}

    def shared(self, m: int, s: int) -> bool:
        """Whether meeting ``m`` in slot ``s`` takes one of the tables nobody holds."""
        return not self.holds or not any(p in self.holds[s] for p in self.parts[m])

    def over(self, m: int, s: int, load: int, free_load: int) -> bool:
        """Whether meeting ``m`` cannot join slot ``s`` holding ``load`` meetings, of which
        ``free_load`` are at tables nobody holds."""
        if load >= self.places[s]:
            return True
        return self.free_cap is not None and free_load >= self.free_cap[s] \
            and self.shared(m, s)

    def table_in(self, m: int, s: int) -> str | None:
        """The table meeting ``m`` must use in slot ``s``, if any: a party's held or fixed
        one."""
        if self.holds:
            for p in self.parts[m]:
                held = self.holds[s].get(p)
                if held is not None:
                    return held
        return self.pinned[m]


def index(inst: Instance) -> Indexed:
    slot_pos = {s.id: i for i, s in enumerate(inst.slots)}
    runs: list[list[int]] = []
    for i, s in enumerate(inst.slots):
        if i and inst.slots[i - 1].day == s.day:
            runs[-1].append(i)
        else:
            runs.append([i])
    pid = {p.id: i for i, p in enumerate(inst.participants)}
    mid = {m.id: i for i, m in enumerate(inst.meetings)}
    people = inst.participants
    free_i = [{slot_pos[s.id] for s in inst.slots if s.id not in it.unavailable}
              for it in inst.interpreters]
    # A closed table (held by nobody) gets a key no participant has: it is never any
    # meeting's own, and counts among the tables the others cannot use.
    holds = [{(pid[who] if who is not None else -1 - k): table
              for k, (table, who) in enumerate(s.held)} for s in inst.slots] \
        if any(s.held for s in inst.slots) else []
    parts, domain, pinned, need, ok, after = [], [], [], [], [], []
    for m in inst.meetings:
        a, b = people[pid[m.participants[0]]], people[pid[m.participants[1]]]
        parts.append((pid[a.id], pid[b.id]))
        needs = bool(inst.interpreters) and a.languages is not None and \
            b.languages is not None and not set(a.languages) & set(b.languages)
        able = [i for i, it in enumerate(inst.interpreters)
                if needs and set(it.languages) & set(a.languages or ())
                and set(it.languages) & set(b.languages or ())]
        slots = []
        for i, s in enumerate(inst.slots):
            if s.id in a.unavailable or s.id in b.unavailable:
                continue
            if m.session is not None and s.session != m.session:
                continue
            if m.slot is not None and s.id != m.slot:
                continue
            if needs and not any(i in free_i[k] for k in able):
                continue
            if holds and not _seatable(holds[i], pid[a.id], pid[b.id], a.table or b.table):
                continue
            slots.append(i)
        pin = a.table or b.table
        if a.table and b.table and a.table != b.table:
            slots = []
        domain.append(slots)
        pinned.append(pin)
        need.append(needs)
        ok.append(able)
        after.append([mid[x] for x in m.after])
    of_p: list[list[int]] = [[] for _ in people]
    for k, (a_, b_) in enumerate(parts):
        of_p[a_].append(k)
        of_p[b_].append(k)
    return Indexed(inst, len(inst.slots), [s.id for s in inst.slots], runs, pid, mid, parts,
                   [m.required for m in inst.meetings], [m.priority for m in inst.meetings],
                   domain, pinned, need, ok, free_i, after, of_p,
                   [p.max_meetings for p in people], holds,
                   [len(inst.tables) - len(s.held) for s in inst.slots] if holds else None,
                   [len(inst.tables) - sum(1 for _t, who in s.held if who is None)
                    for s in inst.slots])


def _seatable(held: dict[int, str], a: int, b: int, pin: str | None) -> bool:
    """Whether a meeting of ``a`` and ``b`` (fixed to table ``pin``, if any) has a table in a
    slot where ``held`` tables are held: not two holders, nor a fixed table held by another."""
    mine = [held[p] for p in (a, b) if p in held]
    if len(mine) > 1:
        return False
    if mine:
        return pin is None or pin == mine[0]
    return pin is None or pin not in held.values()


def _match_interpreters(ix: Indexed, meetings: list[int], s: int,
                        prefer: dict[int, int] | None = None) -> dict[int, int] | None:
    """Interpreter per meeting in slot ``s`` (bipartite matching), or None if impossible.
    A meeting tries its ``prefer`` interpreter first (the one it has today), and the meetings
    with one are matched first, so that no interpreter's day changes without need."""
    owner: dict[int, int] = {}
    prefer = prefer or {}

    def augment(m: int, seen: set[int]) -> bool:
        first = prefer.get(m)
        able = ix.interp_ok[m] if first is None or first not in ix.interp_ok[m] \
            else [first, *(i for i in ix.interp_ok[m] if i != first)]
        for i in able:
            if s not in ix.interp_free[i] or i in seen:
                continue
            seen.add(i)
            if i not in owner or augment(owner[i], seen):
                owner[i] = m
                return True
        return False

    for m in sorted(meetings, key=lambda m: m not in prefer):
        if not augment(m, set()):
            return None
    return {m: i for i, m in owner.items()}


def _current_interpreters(ix: Indexed, ms: list[int], slot_id: int) -> dict[int, int]:
    """The interpreter (index) each of ``ms`` has today, if it stays in its slot."""
    out: dict[int, int] = {}
    for m in ms:
        cur = ix.inst.meetings[m].current
        if cur is not None and cur.interpreter and cur.slot == slot_id:
            index_of = ix.interpreter_index.get(cur.interpreter)
            if index_of is not None:
                out[m] = index_of
    return out


def assign_places(ix: Indexed, slot_of: dict[int, int]) -> list[PlacedMeeting] | None:
    """Tables and interpreters for meetings placed in slots, or None if a slot overflows."""
    inst = ix.inst
    by_slot: dict[int, list[int]] = {}
    for m, s in slot_of.items():
        by_slot.setdefault(s, []).append(m)
    out: list[PlacedMeeting] = []
    for s, ms in sorted(by_slot.items()):
        sid = ix.slot_ids[s]
        taken: dict[str, int] = {}
        table_of: dict[int, str] = {}
        held = set(ix.holds[s].values()) if ix.holds else set()
        for m in ms:
            pin = ix.table_in(m, s)
            if pin is not None:
                if pin in taken:
                    return None
                taken[pin] = m
                table_of[m] = pin
        for m in ms:  # keep the current table where it is still free
            cur = inst.meetings[m].current
            if m not in table_of and cur and cur.slot == sid and cur.table \
                    and cur.table not in taken and cur.table not in held:
                taken[cur.table] = m
                table_of[m] = cur.table
        free = [t for t in inst.tables if t not in taken and t not in held]
        for m in ms:
            if m not in table_of:
                if not free:
                    return None
                table_of[m] = free.pop(0)
        interp = _match_interpreters(ix, [m for m in ms if ix.interp_need[m]], s,
                                     _current_interpreters(ix, ms, sid))
        if interp is None:
            return None
        for m in ms:
            it = inst.interpreters[interp[m]].id if m in interp else None
            out.append(PlacedMeeting(inst.meetings[m].id, sid, table_of[m], it))
    out.sort(key=lambda p: (p.slot, p.table))
    return out


def count_breaks(ix: Indexed, slot_of: dict[int, int]) -> list[int]:
    """Breaks of each participant (idle runs between two meetings of the same day)."""
    busy: list[set[int]] = [set() for _ in ix.inst.participants]
    for m, s in slot_of.items():
        a, b = ix.parts[m]
        busy[a].add(s)
        busy[b].add(s)
    out = []
    for slots in busy:
        n = 0
        for run in ix.day_runs:
            flags = [s in slots for s in run]
            if True in flags:
                first = flags.index(True)
                last = len(flags) - 1 - flags[::-1].index(True)
                n += sum(1 for k in range(first + 1, last + 1) if flags[k] and not flags[k - 1])
        out.append(n)
    return out


def greedy_slots(ix: Indexed, order: list[int] | None = None, *,
                 fixed: dict[int, int] | None = None,
                 reserved: set[tuple[int, str]] | None = None,
                 prefer: dict[int, int] | None = None) -> dict[int, int]:
    """First-fit: each meeting in the first slot where everything is still free.

    ``fixed`` meetings are placed first where they are (the caller vouches that they fit
    together) and never dropped; ``reserved`` (slot, table) pairs stay free of pinned meetings,
    so that a meeting kept at its table keeps it. A meeting with a ``prefer`` slot tries that
    one first (re-planning: its own time, at whichever table is free).
    """
    busy: set[tuple[int, int]] = set()
    load = [0] * ix.n_slots
    free_load = [0] * ix.n_slots  # meetings at tables nobody holds
    pin_used: set[tuple[int, str]] = set(reserved or ())
    interp_used: dict[int, list[int]] = {}
    count = [0] * len(ix.inst.participants)
    slot_of: dict[int, int] = {}
    fixed = fixed or {}
    for m, s in fixed.items():
        a, b = ix.parts[m]
        busy |= {(a, s), (b, s)}
        load[s] += 1
        free_load[s] += ix.shared(m, s)
        count[a] += 1
        count[b] += 1
        if ix.pinned[m] is not None:
            pin_used.add((s, ix.pinned[m]))  # type: ignore[arg-type]
        if ix.interp_need[m]:
            interp_used.setdefault(s, []).append(m)
        slot_of[m] = s
    if order is None:
        order = sorted(range(len(ix.parts)), key=lambda m: (not ix.required[m], ix.priority[m],
                                                            len(ix.domain[m])))
    for m in order:
        if m in fixed:
            continue
        a, b = ix.parts[m]
        if any(ix.cap[p] is not None and count[p] >= ix.cap[p] for p in (a, b)):  # type: ignore
            continue
        earliest = max((slot_of[x] + 1 for x in ix.after[m] if x in slot_of), default=0)
        slots = ix.domain[m]
        if prefer and m in prefer:
            slots = [prefer[m], *(s for s in slots if s != prefer[m])]
        for s in slots:
            if s < earliest or (a, s) in busy or (b, s) in busy or \
                    ix.over(m, s, load[s], free_load[s]):
                continue
            pin = ix.pinned[m]
            if pin is not None and (s, pin) in pin_used:
                continue
            if ix.interp_need[m]:
                trial = [*interp_used.get(s, []), m]
                if _match_interpreters(ix, trial, s) is None:
                    continue
                interp_used[s] = trial
            if pin is not None:
                pin_used.add((s, pin))
            busy |= {(a, s), (b, s)}
            load[s] += 1
            free_load[s] += ix.shared(m, s)
            count[a] += 1
            count[b] += 1
            slot_of[m] = s
            break
    # Orders are checked against meetings placed earlier only: drop any that broke one.
    for m in list(slot_of):
        for x in ix.after[m]:
            if m in slot_of and x in slot_of and slot_of[x] >= slot_of[m]:
                del slot_of[x if m in fixed else m]
    return slot_of


def greedy(inst: Instance) -> Schedule:
    """The market's way: first fit, required meetings first, no thought for breaks."""
    started = time.monotonic()
    ix = index(inst)
    slot_of = greedy_slots(ix)
    placed = assign_places(ix, slot_of) or []
    breaks = count_breaks(ix, slot_of)
    prio = [0, 0, 0]
    for m in slot_of:
        prio[ix.priority[m] - 1] += 1
    missing = [Unscheduled(inst.meetings[m].id, _("no free slot left by the first-fit pass"))
               for m in range(len(ix.parts)) if m not in slot_of]
    complete = all(m in slot_of for m in range(len(ix.parts)) if ix.required[m])
    return Schedule(inst.name, "feasible" if complete else "infeasible", tuple(placed),
                    tuple(missing), len(slot_of), (prio[0], prio[1], prio[2]), sum(breaks),
                    None, 0, time.monotonic() - started)
