"""Why meetings cannot be placed, in words an organiser can act on.

Simple counting arguments are tried first (no common free slot, a session nobody can attend,
more required meetings than free slots, more meetings than tables in a session, no interpreter);
when none explains a meeting, CP-SAT finds a small set of required meetings that cannot all be
placed together (an unsatisfiable core, shrunk by deletion) and that set is named.
"""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from desktop.b2b.greedy import Indexed, index
from desktop.b2b.instance import Instance, Slot
from desktop.i18n import _, ngettext


def when_slots(inst: Instance, ids: list[int] | set[int] | frozenset[int]) -> str:
    """Slots as an organiser reads them: "in every slot", "on 15 May 09:00–12:40, 16 May
    14:00–15:20" (runs of slots that follow each other on a day), or, for a problem without
    times, "in slots 1–3, 7"."""
    from datetime import date

    from desktop.i18n import format_date

    chosen = set(ids)
    if chosen >= {s.id for s in inst.slots}:
        return _("in every slot")
    if not all(s.start and s.end for s in inst.slots):
        return _("in slots {ranges}").format(ranges=slot_ranges(sorted(chosen)))
    runs: list[list[Slot]] = []
    for slot in inst.slots:
        if slot.id not in chosen:
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and last.day == slot.day and _follows(inst, last, slot):
            runs[-1].append(slot)
        else:
            runs.append([slot])
    parts = []
    for run in runs:
        try:
            day = format_date(date.fromisoformat(run[0].day), "d MMM")
        except ValueError:
            day = run[0].day
        parts.append(_("{day} {start}–{end}").format(day=day, start=run[0].start,
                                                     end=run[-1].end))
    return _("on {ranges}").format(ranges=", ".join(parts))


def _follows(inst: Instance, before: Slot, after: Slot) -> bool:
    position = {s.id: n for n, s in enumerate(inst.slots)}
    return position[after.id] == position[before.id] + 1


def slot_ranges(ids: list[int]) -> str:
    """``[1, 2, 3, 7, 9, 10]`` as ``1–3, 7, 9–10``."""
    ids = sorted(set(ids))
    parts: list[str] = []
    i = 0
    while i < len(ids):
        j = i
        while j + 1 < len(ids) and ids[j + 1] == ids[j] + 1:
            j += 1
        parts.append(str(ids[i]) if i == j else f"{ids[i]}–{ids[j]}")
        i = j + 1
    return ", ".join(parts)


def _name(ix: Indexed, p: int) -> str:
    return ix.inst.participants[p].name


def _pair(ix: Indexed, m: int) -> str:
    a, b = ix.parts[m]
    return f"{ix.inst.meetings[m].id} ({_name(ix, a)} – {_name(ix, b)})"


def _free_slots(ix: Indexed, p: int) -> list[int]:
    unavailable = ix.inst.participants[p].unavailable
    return [sid for sid in ix.slot_ids if sid not in unavailable]


def meeting_reason(inst: Instance, ix: Indexed, m: int) -> str | None:
    """Why meeting ``m`` has no allowed slot at all, or None if it has some."""
    if ix.domain[m]:
        return None
    spec = inst.meetings[m]
    a, b = ix.parts[m]
    pa, pb = inst.participants[a], inst.participants[b]
    if pa.table and pb.table and pa.table != pb.table:
        return _("{a} holds all its meetings at {ta} and {b} at {tb}").format(
            a=pa.name, ta=pa.table, b=pb.name, tb=pb.table)
    common = [sid for sid in ix.slot_ids if sid not in pa.unavailable | pb.unavailable]
    if not common:
        away = [p for p in (pa, pb) if p.unavailable]
        if len(away) == 1:  # the other is free throughout: naming an empty list would confuse
            return _("{a} and {b} share no free slot: {who} is unavailable {when}").format(
                a=pa.name, b=pb.name, who=away[0].name, when=when_slots(inst, away[0].unavailable))
        return _("{a} and {b} share no free slot: {a} is unavailable {wa}, {b} {wb}").format(
            a=pa.name, b=pb.name, wa=when_slots(inst, pa.unavailable),
            wb=when_slots(inst, pb.unavailable))
    if spec.slot is not None and spec.slot not in common:
        who = pa if spec.slot in pa.unavailable else pb
        return _("the meeting is fixed to slot {slot}, when {who} is unavailable").format(
            slot=spec.slot, who=who.name)
    session = {s.id: s.session for s in inst.slots}
    if spec.session is not None:
        in_session = [sid for sid in common if session[sid] == spec.session]
        if not in_session:
            return _("the meeting must be in the {session} session, but {a} and {b} have no "
                     "common free slot in it (they are both free only {common})").format(
                session=spec.session, a=pa.name, b=pb.name, common=when_slots(inst, common))
    if ix.interp_need[m]:
        if not ix.interp_ok[m]:
            return _("{a} and {b} share no language and no interpreter speaks a language of "
                     "each").format(a=pa.name, b=pb.name)
        return _("{a} and {b} share no language and no able interpreter is free when they "
                 "both are").format(a=pa.name, b=pb.name)
    if ix.holds:
        pos = {sid: i for i, sid in enumerate(ix.slot_ids)}
        if all(a in ix.holds[pos[sid]] and b in ix.holds[pos[sid]] for sid in common):
            return _("{a} and {b} each keep a table of their own whenever both are free "
                     "({when}), and a meeting sits at one table").format(
                a=pa.name, b=pb.name, when=when_slots(inst, common))
    return _("no slot satisfies all the meeting's conditions")


def _counting_reasons(inst: Instance, ix: Indexed) -> dict[int, str]:
    """Reasons that hold for a group of required meetings (attached to each of them)."""
    out: dict[int, str] = {}
    req = [m for m in range(len(ix.parts)) if ix.required[m]]
    for p, person in enumerate(inst.participants):
        mine = [m for m in req if m in ix.of_participant[p]]
        free = _free_slots(ix, p)
        cap = ix.cap[p]
        if cap is not None and len(mine) > cap:
            msg = _("{who} has more required meetings ({n}) than the most it accepts "
                    "({cap})").format(who=person.name, n=len(mine), cap=cap)
        elif len(mine) > len(free):
            msg = _("{who} has more required meetings ({n}) than free slots ({k})").format(
                who=person.name, n=len(mine), k=len(free))
        else:
            continue
        for m in mine:
            out.setdefault(m, msg)
    groups: dict[str, set[int]] = {}
    for s in inst.slots:
        if s.session is not None:
            groups.setdefault(s.session, set()).add(ix.slot_ids.index(s.id))
    for label, where in groups.items():
        inside = [m for m in req if ix.domain[m] and set(ix.domain[m]) <= where]
        places = sum(ix.places[s] for s in where)  # a closed table gives no place
        if len(inside) > places:
            msg = _("too many meetings for the tables in the {session} session: more "
                    "meetings can be held only in it ({n}) than its tables give places "
                    "({cap})").format(session=label, n=len(inside), cap=places)
            for m in inside:
                out.setdefault(m, msg)
    pinned: dict[str, list[int]] = {}
    for m in req:
        if ix.pinned[m]:
            pinned.setdefault(ix.pinned[m], []).append(m)  # type: ignore[arg-type]
    for table, ms in pinned.items():
        slots = set().union(*(set(ix.domain[m]) for m in ms))
        if len(ms) > len(slots):
            msg = _("more meetings must be held at table {table} ({n}) than it has usable "
                    "slots ({k})").format(n=len(ms), table=table, k=len(slots))
            for m in ms:
                out.setdefault(m, msg)
    needy = [m for m in req if ix.interp_need[m] and ix.domain[m]]
    capacity = sum(len(f) for f in ix.interp_free)
    if len(needy) > capacity:
        msg = _("more meetings need an interpreter ({n}) than the interpreters can cover in "
                "all ({k})").format(n=len(needy), k=capacity)
        for m in needy:
            out.setdefault(m, msg)
    return out


def _core(inst: Instance, ix: Indexed, deadline: float) -> list[int]:
    """A small set of required meetings that cannot all be placed together."""
    from desktop.b2b.model import ScheduleModel

    model = ScheduleModel(ix, fairness=False)
    req = [m for m in range(len(ix.parts)) if ix.required[m]]
    lits = {model.sched[m].index: m for m in req}

    def unsat(subset: list[int]) -> list[int] | None:
        model.md.clear_assumptions()
        model.md.add_assumptions([model.sched[m] for m in subset])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = max(0.05, min(5.0, deadline - time.monotonic()))
        if solver.solve(model.md) != cp_model.INFEASIBLE:
            return None
        core = [lits[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in lits]
        return core or subset

    core = unsat(req)
    if core is None:
        return []
    i = 0
    while i < len(core) and time.monotonic() < deadline:
        trial = core[:i] + core[i + 1:]
        smaller = unsat(trial) if trial else None
        if smaller is not None:
            core = smaller
        else:
            i += 1
    return core


def explain(inst: Instance, placed: dict[int, int] | None, *, deadline: float,
            timed_out: bool = False) -> dict[str, str]:
    """A reason for each required meeting missing from ``placed`` (meeting id -> words)."""
    ix = index(inst)
    placed = placed or {}
    missing = [m for m in range(len(ix.parts)) if ix.required[m] and m not in placed]
    out: dict[str, str] = {}
    counting = _counting_reasons(inst, ix)
    unexplained = []
    for m in missing:
        why = meeting_reason(inst, ix, m) or counting.get(m)
        if why:
            out[inst.meetings[m].id] = why
        else:
            unexplained.append(m)
    if unexplained and not timed_out and time.monotonic() < deadline:
        core = _core(inst, ix, deadline)
        if core:
            names = "; ".join(
                _pair(ix, m) for m in sorted(core))
            msg = _("these {n} required meetings cannot all be placed together: {list}").format(
                n=len(core), list=names)
            for m in unexplained:
                out[inst.meetings[m].id] = msg
    for m in unexplained:
        out.setdefault(inst.meetings[m].id, _(
            "not placed: the search ran out of time before finding room for it")
            if timed_out else _("no room once the other required meetings were placed"))
    return out


def optional_reason(inst: Instance, ix: Indexed, m: int) -> str:
    """Why a meeting that was not placed stays out (optional ones, or a fallback)."""
    why = meeting_reason(inst, ix, m)
    if why:
        return why
    for p in ix.parts[m]:
        cap = ix.cap[p]
        if cap is not None and cap < len(ix.of_participant[p]):
            person = inst.participants[p]
            if cap == 0:
                return _("{who} takes no meetings (its limit is 0)").format(who=person.name)
            return ngettext("{who} takes at most {cap} meeting, and more are asked of it; "
                            "this one, priority {p}, is among those left out",
                            "{who} takes at most {cap} meetings, and more are asked of it; "
                            "this one, priority {p}, is among those left out", cap).format(
                who=person.name, cap=cap, p=ix.priority[m])
    if not ix.required[m]:
        return _("a wish of priority {p}, left out: placing it would cost a meeting of the "
                 "same or a higher priority").format(p=ix.priority[m])
    return _("no room once the other required meetings were placed")
