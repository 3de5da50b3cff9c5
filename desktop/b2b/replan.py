"""Re-planning: the schedule that moves only what has to move.

When an organiser re-plans after a late change (a delegate's flight moved, a table lost),
printed agendas are already out. Before any search, every meeting whose current place is still
valid stays there and only the others are placed, first fit around them. This is the first
incumbent of the "fewest moved" stage, so even a search stopped at once moves no meeting that
did not have to move; the search then only replaces it with schedules that move no more.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.b2b.greedy import Indexed, _match_interpreters, greedy_slots


def keep_options(ix: Indexed, meetings: Iterable[int]
                 ) -> tuple[dict[int, int], dict[tuple[int, str], tuple[list[int], list[int]]]]:
    """What a model of "meetings kept in place" needs, for both solvers (CP-SAT, MaxSAT).

    Returns the slot each of ``meetings`` would keep (only meetings whose current slot is still
    allowed, and whose current table does not contradict a pinned one), and for each (slot,
    table) the meetings that would keep it together with the meetings pinned to that table
    that could sit there: at most one of all of them can hold the table.
    """
    pos = {sid: i for i, sid in enumerate(ix.slot_ids)}
    slot_of: dict[int, int] = {}
    at_place: dict[tuple[int, str], list[int]] = {}
    for m in meetings:
        cur = ix.inst.meetings[m].current
        if cur is None or cur.slot not in pos:
            continue
        s = pos[cur.slot]
        pin = ix.table_in(m, s)
        if s not in ix.domain[m] or (pin and cur.table and pin != cur.table):
            continue
        if not pin and cur.table and ix.holds and cur.table in ix.holds[s].values():
            continue  # its table is now a participant's own in that slot
        slot_of[m] = s
        if cur.table and not pin:
            at_place.setdefault((s, cur.table), []).append(m)
    places = {(s, table): (ms, [m for m in range(len(ix.parts))
                                 if ix.pinned[m] == table and s in ix.domain[m]])
              for (s, table), ms in at_place.items()}
    return slot_of, places


def current_slots(ix: Indexed, meetings: Iterable[int] | None = None) -> dict[int, int]:
    """The slot each meeting (of ``meetings``, default all) is held in today, where it may
    still be held: a meeting that keeps it keeps its time, whatever its table."""
    pos = {sid: i for i, sid in enumerate(ix.slot_ids)}
    out: dict[int, int] = {}
    for m in range(len(ix.parts)) if meetings is None else meetings:
        cur = ix.inst.meetings[m].current
        if cur is not None and cur.slot in pos and pos[cur.slot] in ix.domain[m]:
            out[m] = pos[cur.slot]
    return out


def kept_places(ix: Indexed) -> tuple[dict[int, int], set[tuple[int, str]]]:
    """Meetings that can stay where they are (slot per meeting) and the tables they hold.

    Required meetings are considered first, then by priority, so that when two current places
    now clash (a table lost, a slot made unavailable) the more important meeting stays.
    """
    inst = ix.inst
    pos = {sid: i for i, sid in enumerate(ix.slot_ids)}
    kept: dict[int, int] = {}
    tables: set[tuple[int, str]] = set()
    busy: set[tuple[int, int]] = set()
    load = [0] * ix.n_slots
    free_load = [0] * ix.n_slots  # meetings at tables nobody holds
    count = [0] * len(inst.participants)
    interp: dict[int, list[int]] = {}
    order = sorted((m for m, spec in enumerate(inst.meetings) if spec.current is not None),
                   key=lambda m: (not ix.required[m], ix.priority[m]))
    for m in order:
        cur = inst.meetings[m].current
        assert cur is not None
        s = pos.get(cur.slot)
        if s is None or s not in ix.domain[m] or ix.over(m, s, load[s], free_load[s]):
            continue
        a, b = ix.parts[m]
        if (a, s) in busy or (b, s) in busy:
            continue
        if any(ix.cap[p] is not None and count[p] >= ix.cap[p] for p in (a, b)):  # type: ignore
            continue
        must = ix.table_in(m, s)
        table = cur.table or must
        if table is not None and (table not in inst.tables or (s, table) in tables
                                  or (must and must != table)
                                  or (not must and ix.holds and table in ix.holds[s].values())):
            continue
        if any(x in kept and kept[x] >= s for x in ix.after[m]):
            continue
        if any(m in ix.after[y] and kept[y] <= s for y in kept):
            continue
        if ix.interp_need[m]:
            trial = [*interp.get(s, []), m]
            if _match_interpreters(ix, trial, s) is None:
                continue
            interp[s] = trial
        kept[m] = s
        busy |= {(a, s), (b, s)}
        load[s] += 1
        free_load[s] += ix.shared(m, s)
        count[a] += 1
        count[b] += 1
        if table is not None:
            tables.add((s, table))
    return kept, tables


def keep_start(ix: Indexed) -> dict[int, int]:
    """Every meeting that can stay where it is, the others placed first fit around them.

    A meeting that lost its place tries its own time first. A meeting that first fit cannot
    place (its two participants busy in every slot it may use) takes the slot of one meeting
    that blocks it, and that one moves on: two moves, where re-placing all of one
    participant's day would cost many more.
    """
    kept, tables = kept_places(ix)
    # A meeting that lost its table keeps its time at another one where it can, before any
    # new meeting takes the room: its people keep their agenda.
    prefer = current_slots(ix)
    order = sorted(range(len(ix.parts)), key=lambda m: (not ix.required[m], ix.priority[m],
                                                        m not in prefer, len(ix.domain[m])))
    out = greedy_slots(ix, order, fixed=kept, reserved=tables, prefer=prefer)
    table_at = {m: t for m, s in kept.items() for (s2, t) in tables if s2 == s
                and _holds(ix, m, t)}
    for m in sorted(set(range(len(ix.parts))) - set(out),
                    key=lambda m: (not ix.required[m], ix.priority[m])):
        _eject(ix, out, m, tables, table_at)
    return out


def _holds(ix: Indexed, m: int, table: str) -> bool:
    cur = ix.inst.meetings[m].current
    return (cur is not None and cur.table == table) or ix.pinned[m] == table


def _eject(ix: Indexed, out: dict[int, int], m: int, tables: set[tuple[int, str]],
           table_at: dict[int, str]) -> bool:
    """Place ``m`` in the slot of one meeting sharing a participant, moving that one on."""
    a, b = ix.parts[m]
    for s in ix.domain[m]:
        blockers = [x for x, t in out.items() if t == s and {a, b} & set(ix.parts[x])]
        if len(blockers) != 1:
            continue
        x = blockers[0]
        del out[x]
        freed = (s, table_at[x]) if x in table_at else None
        if freed:
            tables.discard(freed)
        if _fits(ix, out, m, s, tables):
            out[m] = s
            for t in ix.domain[x]:
                if t != s and _fits(ix, out, x, t, tables):
                    out[x] = t
                    table_at.pop(x, None)
                    return True
            del out[m]
        out[x] = s
        if freed:
            tables.add(freed)
    return False


def _fits(ix: Indexed, out: dict[int, int], m: int, s: int,
          tables: set[tuple[int, str]]) -> bool:
    """Whether ``m`` can join slot ``s`` of ``out`` with every rule of the instance kept."""
    a, b = ix.parts[m]
    here = [x for x, t in out.items() if t == s]
    free_here = sum(1 for x in here if ix.shared(x, s))
    if s not in ix.domain[m] or ix.over(m, s, len(here), free_here):
        return False
    if any({a, b} & set(ix.parts[x]) for x in here):
        return False
    for p in (a, b):
        cap = ix.cap[p]
        if cap is not None and sum(1 for x in out if p in ix.parts[x]) >= cap:
            return False
    pin = ix.pinned[m]
    if pin is not None and ((s, pin) in tables or any(ix.pinned[x] == pin for x in here)):
        return False
    if ix.interp_need[m] and _match_interpreters(
            ix, [x for x in here if ix.interp_need[x]] + [m], s) is None:
        return False
    if any(x in out and out[x] >= s for x in ix.after[m]):
        return False
    return not any(m in ix.after[y] and out[y] <= s for y in out)
