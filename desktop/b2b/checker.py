"""An independent validity check of a schedule against its instance.

Written apart from the solver on purpose (it shares only the dataclasses): a schedule that
passes here is valid whatever bug the solver may have, and the figures a schedule claims
(placed, per priority, breaks, moved) are recomputed, not trusted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from desktop.b2b.instance import Instance, MeetingSpec, PlacedMeeting, Schedule
from desktop.i18n import _, ngettext


@dataclass(frozen=True)
class Violation:
    kind: str
    message: str
    meeting: str | None = None

    def __str__(self) -> str:
        return self.message


class _Adder(Protocol):
    def __call__(self, kind: str, message: str, meeting: str | None = None) -> None: ...


def participant_breaks(inst: Instance, placed: list[PlacedMeeting]) -> dict[str, int]:
    """Breaks per participant: gaps between consecutive meetings of the same day."""
    position = {s.id: i for i, s in enumerate(inst.slots)}
    day = {s.id: s.day for s in inst.slots}
    specs = {m.id: m for m in inst.meetings}
    days: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pm in placed:
        spec = specs.get(pm.id)
        if spec is None or pm.slot not in position:
            continue
        for who in spec.participants:
            days[who, day[pm.slot]].append(position[pm.slot])
    out = {p.id: 0 for p in inst.participants}
    for (who, _day), where in days.items():
        where.sort()
        out[who] += sum(1 for a, b in pairwise(where) if b - a > 1)
    return out


def check(inst: Instance, sched: Schedule) -> list[Violation]:
    """Every rule the schedule breaks, one entry each (an empty list means valid)."""
    out: list[Violation] = []

    def add(kind: str, message: str, meeting: str | None = None) -> None:
        out.append(Violation(kind, message, meeting))

    specs = {m.id: m for m in inst.meetings}
    if sched.instance and inst.name and sched.instance != inst.name:
        add("instance", _("the schedule is for the problem “{theirs}”, not “{ours}”").format(
            theirs=sched.instance, ours=inst.name))
    people = {p.id: p for p in inst.participants}
    slots = {s.id: s for s in inst.slots}
    position = {s.id: i for i, s in enumerate(inst.slots)}
    seen: dict[str, PlacedMeeting] = {}
    valid: list[PlacedMeeting] = []
    for pm in sched.meetings:
        if pm.id not in specs:
            add("unknown", _("{id} is not a meeting of the instance").format(id=pm.id), pm.id)
        elif pm.id in seen:
            add("duplicate", _("{id} is placed twice").format(id=pm.id), pm.id)
        elif pm.slot not in slots:
            add("unknown", _("{id} is in slot {slot}, which does not exist").format(
                id=pm.id, slot=pm.slot), pm.id)
        elif pm.table not in inst.tables:
            add("unknown", _("{id} is at table {table}, which does not exist").format(
                id=pm.id, table=pm.table), pm.id)
        else:
            seen[pm.id] = pm
            valid.append(pm)

    participant_slot: dict[tuple[str, int], str] = {}
    table_slot: dict[tuple[str, int], str] = {}
    interp_slot: dict[tuple[str, int], str] = {}
    for pm in valid:
        spec = specs[pm.id]
        slot = slots[pm.slot]
        held = dict(slot.held)
        holder = held.get(pm.table)
        if pm.table in held and holder is None:
            add("closed-table", _("{id} is at {table}, which is closed in slot {slot}").format(
                id=pm.id, table=pm.table, slot=pm.slot), pm.id)
        elif holder is not None and holder not in spec.participants:
            add("held-table", _("{id} is at {table}, which {who} holds for its own meetings in "
                                "slot {slot}").format(id=pm.id, table=pm.table,
                                                      who=people[holder].name, slot=pm.slot),
                pm.id)
        for table, who in held.items():
            if who in spec.participants and pm.table != table:
                add("held-table", _("{id} is at {table}, but {who} holds {held} in slot "
                                    "{slot}").format(id=pm.id, table=pm.table,
                                                     who=people[who].name, held=table,
                                                     slot=pm.slot), pm.id)
        for who in spec.participants:
            other = participant_slot.get((who, pm.slot))
            if other:
                add("participant-double", _("{who} has {a} and {b} both in slot {slot}").format(
                    who=people[who].name, a=other, b=pm.id, slot=pm.slot), pm.id)
            participant_slot[who, pm.slot] = pm.id
            if pm.slot in people[who].unavailable:
                add("unavailable", _("{id}: {who} is unavailable in slot {slot}").format(
                    id=pm.id, who=people[who].name, slot=pm.slot), pm.id)
            fixed = people[who].table
            if fixed is not None and pm.table != fixed:
                add("fixed-table", _("{id} is at {table} but {who} holds meetings at {fixed}")
                    .format(id=pm.id, table=pm.table, who=people[who].name, fixed=fixed), pm.id)
        other = table_slot.get((pm.table, pm.slot))
        if other:
            add("table-double", _("table {table} has {a} and {b} both in slot {slot}").format(
                table=pm.table, a=other, b=pm.id, slot=pm.slot), pm.id)
        table_slot[pm.table, pm.slot] = pm.id
        if spec.session is not None and slot.session != spec.session:
            add("session", _("{id} must be in a {session} slot, slot {slot} is {actual}").format(
                id=pm.id, session=spec.session, slot=pm.slot, actual=slot.session), pm.id)
        if spec.slot is not None and pm.slot != spec.slot:
            add("fixed-slot", _("{id} is fixed to slot {fixed} but placed in slot {slot}").format(
                id=pm.id, fixed=spec.slot, slot=pm.slot), pm.id)
        _check_interpreter(inst, spec, pm, interp_slot, add)

    for pm in valid:
        for before in specs[pm.id].after:
            if before in seen and position[seen[before].slot] >= position[pm.slot]:
                add("after", _("{id} must come after {before}").format(id=pm.id, before=before),
                    pm.id)

    counts: dict[str, int] = defaultdict(int)
    for pm in valid:
        for who in specs[pm.id].participants:
            counts[who] += 1
    for p in inst.participants:
        if p.max_meetings is not None and counts[p.id] > p.max_meetings:
            add("max-meetings", _("{who} has {n} meetings, more than {cap}").format(
                who=p.name, n=counts[p.id], cap=p.max_meetings))

    listed = {u.id for u in sched.unscheduled}
    for u in sched.unscheduled:
        if u.id not in specs:
            add("unknown", _("{id} is listed as unscheduled but is not a meeting of the "
                             "instance").format(id=u.id), u.id)
        elif u.id in seen:
            add("claims", _("{id} is both placed and listed as unscheduled").format(id=u.id), u.id)
    for spec in inst.meetings:
        if spec.required and spec.id not in seen:
            if sched.status == "infeasible" and spec.id in listed:
                continue
            add("missing", _("required meeting {id} is not scheduled").format(id=spec.id),
                spec.id)
    if sched.status != "infeasible" and any(
            s.required and s.id not in seen for s in inst.meetings):
        add("claims", _("the status says {status} but required meetings are missing").format(
            status=sched.status))
    _check_claims(inst, sched, valid, add)
    return out


def _check_interpreter(inst: Instance, spec: MeetingSpec, pm: PlacedMeeting,
                       interp_slot: dict[tuple[str, int], str],
                       add: _Adder) -> None:
    a, b = (inst.participant(w) for w in spec.participants)
    needs = bool(inst.interpreters) and a.languages is not None and b.languages is not None \
        and not set(a.languages) & set(b.languages)
    if pm.interpreter is None:
        if needs:
            add("interpreter", _("{id}: {a} and {b} share no language and have no interpreter")
                .format(id=pm.id, a=a.name, b=b.name), pm.id)
        return
    it = next((i for i in inst.interpreters if i.id == pm.interpreter), None)
    if it is None:
        add("unknown", _("{id}: {it} is not an interpreter").format(id=pm.id, it=pm.interpreter),
            pm.id)
        return
    other = interp_slot.get((it.id, pm.slot))
    if other:
        add("interpreter-double", _("{name} interprets {a} and {b} both in slot {slot}").format(
            name=it.name, a=other, b=pm.id, slot=pm.slot), pm.id)
    interp_slot[it.id, pm.slot] = pm.id
    if pm.slot in it.unavailable:
        add("interpreter", _("{id}: {name} is unavailable in slot {slot}").format(
            id=pm.id, name=it.name, slot=pm.slot), pm.id)
    if needs and not (set(it.languages) & set(a.languages or ())
                      and set(it.languages) & set(b.languages or ())):
        add("interpreter", _("{id}: {name} does not speak a language of each side").format(
            id=pm.id, name=it.name), pm.id)


def _check_claims(inst: Instance, sched: Schedule, valid: list[PlacedMeeting],
                  add: _Adder) -> None:
    specs = {m.id: m for m in inst.meetings}
    if sched.scheduled != len(valid):
        add("claims", _("the schedule claims {claim} meetings placed, it has {n}").format(
            claim=sched.scheduled, n=len(valid)))
    prio = [0, 0, 0]
    for pm in valid:
        prio[specs[pm.id].priority - 1] += 1
    if list(sched.scheduled_priority) != prio:
        add("claims", _("the schedule claims {claim} placed per priority, it has {n}").format(
            claim=list(sched.scheduled_priority), n=prio))
    breaks = participant_breaks(inst, valid)
    total = sum(breaks.values())
    if sched.breaks != total:
        add("breaks", ngettext("the schedule claims {claim} break, it has {n}",
                               "the schedule claims {claim} breaks, it has {n}",
                               sched.breaks).format(claim=sched.breaks, n=total))
    spread = inst.options.max_break_spread
    if spread is not None and breaks:
        hi, lo = max(breaks.values()), min(breaks.values())
        if hi - lo > spread:
            worst = max(breaks, key=lambda k: breaks[k])
            add("spread", ngettext("{who} has {hi} break while another participant has {lo}: "
                                   "more than the allowed spread of {d}",
                                   "{who} has {hi} breaks while another participant has {lo}: "
                                   "more than the allowed spread of {d}", hi).format(
                who=inst.participant(worst).name, hi=hi, lo=lo, d=spread))
    if sched.bound_breaks > total:
        add("claims", ngettext("the bound {bound} is above the schedule's {n} break",
                               "the bound {bound} is above the schedule's {n} breaks",
                               total).format(bound=sched.bound_breaks, n=total))
    if sched.status == "optimal" and sched.bound_breaks != total:
        add("claims", _("the status says optimal but the bound is {bound}, not {n}").format(
            bound=sched.bound_breaks, n=total))
    if sched.moved is not None:
        places = {pm.id: pm for pm in valid}
        moved = sum(1 for m in inst.meetings if m.current is not None and (
            m.id not in places or places[m.id].slot != m.current.slot
            or (m.current.table is not None and places[m.id].table != m.current.table)))
        if moved != sched.moved:
            add("claims", _("the schedule claims {claim} meetings moved, it has {n}").format(
                claim=sched.moved, n=moved))
