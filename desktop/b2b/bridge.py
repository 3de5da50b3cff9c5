"""The bridge between a mission and the B2B scheduler: problem out, meetings back in.

:func:`export_problem` turns the mission's B2B data into an :class:`Instance`;
:func:`store_schedule` writes the solver's answer back as meetings.

Mapping, and why:

* Slots are the B2B slots of every block in time order (instance slot id = ``B2BSlot.id``,
  ``day`` its date, ``session`` its part, "am"/"pm"). Participants are ``p<id>``, interpreters
  ``i<id>``, and the meeting of a pair is ``p<a>-p<b>`` (``a < b``).
* Tables belong to blocks, while the format has one list of tables usable in every slot. The
  instance's tables are therefore table *positions*: the n-th instance table stands for the
  n-th table of whichever block a slot belongs to (named after the blocks' own table names
  where they agree, else ``#n``). In the slots of a block with fewer tables than the largest,
  the positions it lacks are closed (``held`` by nobody), so the solver never seats more
  meetings there than the block has tables. A host's fixed table is exported as ``table``
  only when the host keeps the table at the same position in every block (the format allows
  one table per participant); otherwise :func:`store_schedule` still seats every meeting of
  a host at its own table of the block, since it assigns tables slot by slot from the
  block's real tables. Either way each slot lists the tables its block's hosts keep
  (``held``): the solver leaves them to their holders even when they are free, so it never
  places more of the other meetings in a slot than the block's remaining tables can seat.
* A meeting's current place carries its interpreter, which a re-plan keeps where it can.
* Requests: an accepted request makes its meeting required, a "requested" one optional with
  its priority, a declined one nothing. A mutual pair (both asked, neither declined) is ONE
  meeting whose priority is the better of the two raised by one level (2 → 1), since both
  sides want it.
* Meetings locked or placed by hand are fixed (``slot``) and required, and stay untouched
  when the answer is stored; a participant's unavailability is not exported for a slot in
  which it has such a meeting (the organiser decided; the problems list still flags it).
  Automatic meetings go into ``current`` so that a replan keeps them where it can.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.b2b.instance import (
    Instance,
    Interpreter,
    MeetingSpec,
    Options,
    Participant,
    Place,
    Schedule,
    Slot,
)
from desktop.b2b.mission_commands import mission_counts
from desktop.b2b.setup import (
    all_unavailable_slots,
    languages_of,
    list_slots,
    people_by_participant,
    slot_label,
    table_label,
)
from desktop.db.enums import MeetingOrigin, MeetingStatus, RequestStatus
from desktop.db.models import (
    B2BParticipant,
    B2BSlot,
    B2BTable,
    InterpreterUnavailability,
    Meeting,
    MeetingRequest,
    Mission,
)
from desktop.db.models import Interpreter as InterpreterRow
from desktop.errors import ConflictError, ValidationError
from desktop.i18n import _, current_language, ngettext


def pid(participant_id: int) -> str:
    return f"p{participant_id}"


def pair_id(a: int, b: int) -> str:
    low, high = sorted((a, b))
    return f"p{low}-p{high}"


def parse_pair_id(spec_id: str) -> tuple[int, int] | None:
    """``p3-p7`` → ``(3, 7)``; None for the fixed extras (``k<id>``)."""
    parts = spec_id.split("-")
    if len(parts) == 2 and all(p.startswith("p") and p[1:].isdigit() for p in parts):
        return int(parts[0][1:]), int(parts[1][1:])
    return None


def _kept(meeting: Meeting) -> bool:
    """Meetings the scheduler must leave where they are."""
    return meeting.locked or meeting.origin == MeetingOrigin.MANUAL


@dataclass
class _Layout:
    """Blocks, their tables by position, and the instance's table names."""

    blocks: dict[int, list[B2BTable]]
    names: list[str]

    def name_of(self, table: B2BTable) -> str:
        return self.names[self.blocks[table.session_id].index(table)]


def _layout(session: Session, slots: list[B2BSlot]) -> _Layout:
    blocks: dict[int, list[B2BTable]] = {}
    for slot in slots:
        if slot.session_id not in blocks:
            tables = sorted(slot.block.tables, key=lambda t: (t.position, t.name))
            if not tables:
                raise ValidationError(_("“{block}” has meeting slots but no tables; set its "
                                        "tables first.").format(
                                            block=slot.block.title_in(current_language())))
            blocks[slot.session_id] = tables
    width = max(len(t) for t in blocks.values())
    names = []
    for n in range(width):
        seen = {t[n].name for t in blocks.values() if len(t) > n}
        names.append(seen.pop() if len(seen) == 1 else f"#{n + 1}")
    if len(set(names)) != len(names):
        names = [f"#{n + 1}" for n in range(width)]
    return _Layout(blocks, names)


def _pins(layout: _Layout) -> dict[int, str]:
    """Participants keeping the table at one position in every block."""
    positions: dict[int, set[int]] = defaultdict(set)
    counts: dict[int, int] = defaultdict(int)
    for tables in layout.blocks.values():
        for n, table in enumerate(tables):
            if table.participant_id is not None:
                positions[table.participant_id].add(n)
                counts[table.participant_id] += 1
    return {p: layout.names[next(iter(ns))] for p, ns in positions.items()
            if len(ns) == 1 and counts[p] == len(layout.blocks)}


@dataclass
class _Pair:
    requests: list[MeetingRequest] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)


def export_problem(session: Session, *, keep_current: bool = False,
                   time_limit_s: float | None = 60, max_break_spread: int | None = 2,
                   name: str | None = None) -> Instance:
    """The mission's B2B scheduling problem (see the module docstring for the mapping)."""
    slots = list(list_slots(session))
    if not slots:
        raise ValidationError(_("There are no B2B meeting slots yet: cut a B2B block into "
                                "slots first."))
    layout = _layout(session, slots)
    pins = _pins(layout)
    participants = list(session.scalars(select(B2BParticipant).order_by(B2BParticipant.id)))
    people_of = people_by_participant(session)
    unavailable = all_unavailable_slots(session, people_of)
    pairs: dict[tuple[int, int], _Pair] = defaultdict(_Pair)
    for request in session.scalars(select(MeetingRequest).order_by(MeetingRequest.id)):
        if request.status != RequestStatus.DECLINED:
            key = (min(request.requester_id, request.target_id),
                   max(request.requester_id, request.target_id))
            pairs[key].requests.append(request)
    meetings = sorted(session.scalars(select(Meeting).where(
        Meeting.status != MeetingStatus.CANCELLED)), key=lambda m: (not _kept(m), m.id))
    specs: list[MeetingSpec] = []
    kept_slots: dict[int, set[int]] = defaultdict(set)
    for meeting in meetings:
        key = (min(meeting.participant_a_id, meeting.participant_b_id),
               max(meeting.participant_a_id, meeting.participant_b_id))
        if _kept(meeting):
            kept_slots[key[0]].add(meeting.slot_id)
            kept_slots[key[1]].add(meeting.slot_id)
        if key in pairs and not pairs[key].meetings:
            pairs[key].meetings.append(meeting)
        elif _kept(meeting):
            specs.append(MeetingSpec(f"k{meeting.id}", (pid(key[0]), pid(key[1])),
                                     required=True, priority=1, slot=meeting.slot_id,
                                     current=_place(meeting, layout)))
    for (a, b), pair in sorted(pairs.items()):
        if not pair.requests:
            continue
        specs.append(_pair_spec(a, b, pair, layout))
    people = [Participant(pid(p.id), p.name,
                          frozenset(s for s in unavailable.get(p.id, {})
                                    if s not in kept_slots[p.id]),
                          pins.get(p.id), p.max_meetings,
                          tuple(languages_of(people_of.get(p.id, []))) or None)
              for p in participants]
    held = _held(layout)
    mission = session.scalars(select(Mission)).first()
    return Instance(
        name=name or (mission.name if mission else "mission"),
        slots=tuple(Slot(s.id, s.starts_at.date().isoformat(), f"{s.starts_at:%H:%M}",
                         f"{s.ends_at:%H:%M}", s.part or None, held[s.session_id])
                    for s in slots),
        tables=tuple(layout.names), participants=tuple(people),
        meetings=tuple(specs), interpreters=_interpreters(session),
        options=Options(max_break_spread, time_limit_s, keep_current))


def _held(layout: _Layout) -> dict[int, tuple[tuple[str, str | None], ...]]:
    """Per block, the tables its hosts keep for their own meetings (table position, holder):
    exported as each slot's ``held`` tables so that the solver leaves them to their holders
    and never places more of the other meetings than the remaining tables can seat. The
    positions a smaller block lacks are closed (held by nobody)."""
    out: dict[int, tuple[tuple[str, str | None], ...]] = {}
    for block_id, tables in layout.blocks.items():
        pairs: dict[str, str | None] = {}
        for table in tables:
            holder = table.participant_id
            if holder is not None and pid(holder) not in pairs.values():
                pairs[layout.name_of(table)] = pid(holder)
        for name in layout.names[len(tables):]:
            pairs[name] = None
        out[block_id] = tuple(sorted(pairs.items(), key=lambda pair: pair[0]))
    return out


def _place(meeting: Meeting, layout: _Layout) -> Place:
    """Where a meeting is today, with its interpreter (which a re-plan keeps if it can)."""
    return Place(meeting.slot_id, layout.name_of(meeting.table),
                 f"i{meeting.interpreter_id}" if meeting.interpreter_id is not None else None)


def _pair_spec(a: int, b: int, pair: _Pair, layout: _Layout) -> MeetingSpec:
    required = any(r.status == RequestStatus.ACCEPTED for r in pair.requests)
    priority = min(r.priority for r in pair.requests)
    if len(pair.requests) == 2:  # both asked: one meeting, one level more urgent
        priority = max(1, priority - 1)
    fixed = current = None
    if pair.meetings:
        meeting = pair.meetings[0]
        current = _place(meeting, layout)
        if _kept(meeting):
            fixed, required = meeting.slot_id, True
    return MeetingSpec(pair_id(a, b), (pid(a), pid(b)), required=required, priority=priority,
                       slot=fixed, current=current)


def _interpreters(session: Session) -> tuple[Interpreter, ...]:
    away: dict[int, set[int]] = defaultdict(set)
    for row in session.scalars(select(InterpreterUnavailability)):
        away[row.interpreter_id].add(row.slot_id)
    return tuple(Interpreter(f"i{i.id}", i.name, tuple(i.languages), frozenset(away[i.id]))
                 for i in session.scalars(select(InterpreterRow).order_by(InterpreterRow.id)))


# -- storing the answer ---------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """A meeting the new schedule puts somewhere else, in words."""

    meeting_id: int
    pair: str
    before: str
    after: str
    same_time: str = ""  # the slot, when only the table changes

    def describe(self) -> str:
        if self.same_time:
            return _("{pair}: at the same time ({when}), from {before} to {after}").format(
                pair=self.pair, when=self.same_time, before=self.before, after=self.after)
        return _("{pair}: from {before} to {after}").format(pair=self.pair,
                                                            before=self.before,
                                                            after=self.after)


@dataclass
class StoreReport:
    """What storing a schedule changed."""

    created: int = 0
    unchanged: int = 0
    untouched: int = 0  # locked or placed by hand
    moves: list[Move] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    interpreters: list[str] = field(default_factory=list)  # meetings given another one
    replan: bool = False

    def lines(self) -> list[str]:
        moved, removed, other = len(self.moves), len(self.removed), len(self.interpreters)
        counts = [ngettext("{n} meeting created", "{n} meetings created",
                           self.created).format(n=self.created),
                  ngettext("{n} moved", "{n} moved", moved).format(n=moved),
                  ngettext("{n} unchanged", "{n} unchanged",
                           self.unchanged).format(n=self.unchanged),
                  ngettext("{n} removed", "{n} removed", removed).format(n=removed)]
        if other:
            counts.append(ngettext("{n} with another interpreter",
                                   "{n} with another interpreter", other).format(n=other))
        out = [_("{counts}; {kept}.").format(
            counts=", ".join(counts),
            kept=ngettext("{n} locked or placed by hand left as it was",
                          "{n} locked or placed by hand left as they were",
                          self.untouched).format(n=self.untouched))]
        if self.replan:
            # In time order, as the organiser will tell the people concerned.
            out += [_("Moved: {what}").format(what=m.describe()) for m in self.moves]
        out += [_("Interpreter: {what}").format(what=i) for i in self.interpreters]
        out += [_("Removed: {what}").format(what=r) for r in self.removed]
        out += [_("Not placed: {what}").format(what=u) for u in self.unplaced]
        out += [_("Note: {what}").format(what=n) for n in self.notes]
        return out


def _place_text(slot: B2BSlot, table: B2BTable) -> str:
    return _("{when}, {table}").format(when=slot_label(slot), table=table_label(table.name))


def store_schedule(session: Session, instance: Instance, schedule: Schedule, *,
                   replan: bool = False) -> StoreReport:
    """Write the solver's answer as automatic meetings; meetings locked or placed by hand are
    left as they are. An infeasible answer, or one that breaks the instance's rules, is refused
    and nothing is written. Tables are seated slot by slot from the block's own tables (a
    host's meetings at its own table). What the solver proved is recorded with the meetings
    (:func:`desktop.b2b.runs.record_run`)."""
    if schedule.status == "infeasible":
        raise ConflictError(_("The scheduler could not place every required meeting; nothing "
                              "was stored."))
    from desktop.b2b.checker import check

    violations = check(instance, schedule)
    if violations:
        raise ConflictError(_("The schedule breaks the problem's rules ({first}); nothing was "
                              "stored.").format(first=violations[0].message))
    slots = {s.id: s for s in session.scalars(select(B2BSlot))}
    if any(s.id not in slots for s in instance.slots):
        raise ConflictError(_("The meeting slots changed since the problem was exported; "
                              "export and solve it again."))
    layout = _layout(session, [slots[s.id] for s in instance.slots])
    names = {p.id: p.name for p in instance.participants}
    report = StoreReport(replan=replan)
    existing = list(session.scalars(select(Meeting).where(
        Meeting.status != MeetingStatus.CANCELLED).order_by(Meeting.id)))
    kept = [m for m in existing if _kept(m)]
    report.untouched = len(kept)
    auto: dict[tuple[int, int], Meeting] = {}
    for meeting in existing:
        if _kept(meeting):
            continue
        key = (min(meeting.participant_a_id, meeting.participant_b_id),
               max(meeting.participant_a_id, meeting.participant_b_id))
        if key in auto:
            report.removed.append(_("{pair}: a second meeting of the same pair").format(
                pair=_pair_names(meeting)))
            session.delete(meeting)
        else:
            auto[key] = meeting
    kept_pairs = {(min(m.participant_a_id, m.participant_b_id),
                   max(m.participant_a_id, m.participant_b_id)) for m in kept}
    wanted: dict[tuple[int, int], tuple[int, str, str | None]] = {}
    for placed in schedule.meetings:
        placed_pair = parse_pair_id(placed.id)
        if placed_pair is not None and placed_pair not in kept_pairs:
            wanted[placed_pair] = (placed.slot, placed.table, placed.interpreter)
    seats = _seat(layout, slots, wanted, kept, names, report)
    reasons = {u.id: u.reason for u in schedule.unscheduled}
    declined = {(min(r.requester_id, r.target_id), max(r.requester_id, r.target_id))
                for r in session.scalars(select(MeetingRequest).where(
                    MeetingRequest.status == RequestStatus.DECLINED))}
    for key, meeting in auto.items():
        if key not in seats:
            why = reasons.get(pair_id(*key)) or (
                _("no table free for it") if key in wanted else _("the request was declined")
                if key in declined else _("no longer requested"))
            report.removed.append(_("{pair} ({why})").format(pair=_pair_names(meeting),
                                                             why=why))
            session.delete(meeting)
    for spec_id, why in reasons.items():
        missing = parse_pair_id(spec_id)
        if missing is not None and missing not in auto:
            report.unplaced.append(_("{a} – {b}: {why}").format(
                a=names.get(pid(missing[0]), "?"), b=names.get(pid(missing[1]), "?"), why=why))
    session.flush()
    # Step the meetings that change aside first: the (slot, table) index is checked row by row.
    changing = {key: m for key, m in auto.items() if key in seats
                and (m.slot_id, m.table_id, m.interpreter_id) != seats[key]}
    statuses = {m.id: m.status for m in changing.values()}
    for meeting in changing.values():
        meeting.status = MeetingStatus.CANCELLED
    session.flush()
    requests = _request_ids(session)
    tables = {t.id: t for ts in layout.blocks.values() for t in ts}
    for seat_pair, (slot_id, table_id, interpreter_id) in seats.items():
        present = auto.get(seat_pair)
        if present is None:
            session.add(Meeting(participant_a_id=seat_pair[0], participant_b_id=seat_pair[1],
                                slot_id=slot_id, table_id=table_id,
                                interpreter_id=interpreter_id,
                                request_id=requests.get(seat_pair), origin=MeetingOrigin.AUTO))
            report.created += 1
        elif present.id in statuses:
            if present.slot_id == slot_id and present.table_id != table_id:
                report.moves.append(Move(present.id, _pair_names(present),
                                         table_label(present.table.name),
                                         table_label(tables[table_id].name),
                                         same_time=slot_label(present.slot)))
            elif present.slot_id != slot_id:
                report.moves.append(Move(present.id, _pair_names(present),
                                         _place_text(present.slot, present.table),
                                         _place_text(slots[slot_id], tables[table_id])))
            else:
                report.unchanged += 1
            if present.interpreter_id != interpreter_id:
                report.interpreters.append(_("{pair}: {before} → {after}").format(
                    pair=_pair_names(present), before=_interpreter_name(
                        session, present.interpreter_id), after=_interpreter_name(
                        session, interpreter_id)))
            present.slot_id, present.table_id = slot_id, table_id
            present.interpreter_id = interpreter_id
            present.status = statuses[present.id]
        else:
            report.unchanged += 1
    session.flush()
    report.moves.sort(key=lambda move: (_slot_start(session, move.meeting_id), move.pair))
    report.notes += _kept_problems(session, kept)
    from desktop.b2b.runs import record_run  # runs reads the problem through this module

    record_run(session, mission_counts(instance, schedule), replan=replan,
               max_break_spread=instance.options.max_break_spread)
    return report


def _interpreter_name(session: Session, interpreter_id: int | None) -> str:
    if interpreter_id is None:
        return _("no interpreter")
    row = session.get(InterpreterRow, interpreter_id)
    return row.name if row is not None else "?"


def _slot_start(session: Session, meeting_id: int) -> datetime:
    meeting = session.get(Meeting, meeting_id)
    return meeting.slot.starts_at if meeting is not None else datetime.max


def _kept_problems(session: Session, kept: list[Meeting]) -> list[str]:
    """What is wrong now with the meetings locked or placed by hand, which the scheduler
    leaves where they are: the organiser decides, but must be told."""
    from desktop.b2b.checks import meeting_problems

    if not kept:
        return []
    found = meeting_problems(session, kept)
    return [_("{pair} is kept where it was placed by hand, but: {problem}").format(
        pair=_pair_names(meeting), problem=finding.message)
        for meeting in kept for finding in found.get(meeting.id, [])]


def _pair_names(meeting: Meeting) -> str:
    return _("{a} – {b}").format(a=meeting.participant_a.name, b=meeting.participant_b.name)


def _request_ids(session: Session) -> dict[tuple[int, int], int]:
    found: dict[tuple[int, int], int] = {}
    for request in session.scalars(select(MeetingRequest).where(
            MeetingRequest.status != RequestStatus.DECLINED).order_by(MeetingRequest.id)):
        key = (min(request.requester_id, request.target_id),
               max(request.requester_id, request.target_id))
        found.setdefault(key, request.id)
    return found


def _seat(layout: _Layout, slots: dict[int, B2BSlot],
          wanted: dict[tuple[int, int], tuple[int, str, str | None]], kept: list[Meeting],
          names: dict[str, str], report: StoreReport
          ) -> dict[tuple[int, int], tuple[int, int, int | None]]:
    """Real tables (and interpreters) for the placed pairs, slot by slot: a party's own table
    first, then the solver's table position when it is free, then any free table that is
    nobody's own."""
    taken: dict[int, set[int]] = defaultdict(set)
    talking: dict[int, set[int]] = defaultdict(set)
    for meeting in kept:
        taken[meeting.slot_id].add(meeting.table_id)
        if meeting.interpreter_id is not None:
            talking[meeting.slot_id].add(meeting.interpreter_id)
    seats: dict[tuple[int, int], tuple[int, int, int | None]] = {}
    order = sorted(wanted.items(), key=lambda item: (item[1][0], not _owns(
        layout, slots[item[1][0]], item[0]), item[0]))
    for key, (slot_id, table_name, interpreter) in order:
        tables = layout.blocks[slots[slot_id].session_id]
        own = [t for t in tables if t.participant_id in key]
        free = [t for t in tables if t.id not in taken[slot_id] and t.participant_id is None]
        preferred = [t for t in free if layout.name_of(t) == table_name]
        choice: B2BTable | None = None
        if own:
            if len(own) == 1 and own[0].id not in taken[slot_id]:
                choice = own[0]
        elif preferred or free:
            choice = (preferred or free)[0]
        if choice is None:
            report.unplaced.append(_("{a} – {b}: no table of its own or free on {when}")
                                   .format(a=names.get(pid(key[0]), "?"),
                                           b=names.get(pid(key[1]), "?"),
                                           when=slot_label(slots[slot_id])))
            continue
        taken[slot_id].add(choice.id)
        interpreter_id = int(interpreter[1:]) if interpreter else None
        if interpreter_id is not None and interpreter_id in talking[slot_id]:
            interpreter_id = None
            report.notes.append(_("{a} – {b}: the interpreter is taken by a meeting placed "
                                     "by hand on {when}; choose another")
                                   .format(a=names.get(pid(key[0]), "?"),
                                           b=names.get(pid(key[1]), "?"),
                                           when=slot_label(slots[slot_id])))
        if interpreter_id is not None:
            talking[slot_id].add(interpreter_id)
        seats[key] = (slot_id, choice.id, interpreter_id)
    return seats


def _owns(layout: _Layout, slot: B2BSlot, key: tuple[int, int]) -> bool:
    return any(t.participant_id in key for t in layout.blocks[slot.session_id])


def describe_instance(instance: Instance) -> str:
    """One line on the size of a problem, for the command line."""
    return _("{slots} slots, {tables} tables, {people} participants, {meetings} meetings to "
             "place ({required} required).").format(
        slots=len(instance.slots), tables=len(instance.tables),
        people=len(instance.participants), meetings=len(instance.meetings),
        required=sum(1 for m in instance.meetings if m.required))

