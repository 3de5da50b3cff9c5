"""Meetings placed by hand or by the scheduler: create, move, swap, lock, delete.

Every placement goes through :func:`validate_placement`, which explains in words why a
placement is impossible (a participant, a table or an interpreter already taken at that
time, a participant away, a table of another block, a host's own table not used). A change
that would break any of these is refused with :class:`~desktop.errors.ConflictError` and
nothing is changed. The GUI calls :func:`validate_placement` itself for drag previews.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, contains_eager, joinedload, selectinload

from desktop import records
from desktop.b2b.setup import (
    get_block,
    get_participant,
    get_slot,
    list_slots,
    list_tables,
    participant_languages,
    slot_label,
    table_label,
    unavailable_slots,
)
from desktop.db.enums import MeetingOrigin, MeetingStatus, RequestStatus
from desktop.db.models import (
    B2BParticipant,
    B2BSlot,
    B2BTable,
    Interpreter,
    InterpreterUnavailability,
    Meeting,
    MeetingRequest,
)
from desktop.errors import ConflictError, ValidationError
from desktop.i18n import _, current_language


def _pair(meeting: Meeting) -> str:
    return _("{a} and {b}").format(a=meeting.participant_a.name, b=meeting.participant_b.name)


def _in_slot(session: Session, slot_id: int, ignore: set[int]) -> list[Meeting]:
    return [m for m in session.scalars(select(Meeting).where(
        Meeting.slot_id == slot_id, Meeting.status != MeetingStatus.CANCELLED))
        if m.id not in ignore]


def validate_placement(session: Session, participant_a_id: int, participant_b_id: int,
                       slot_id: int, table_id: int, interpreter_id: int | None = None, *,
                       ignore: Iterable[int] = ()) -> list[str]:
    """Every reason a meeting of these two participants cannot be held in this slot at this
    table (with this interpreter), in words; empty when it can. ``ignore`` names meetings to
    leave out (the one being moved)."""
    skip = set(ignore)
    slot = session.get(B2BSlot, slot_id)
    table = session.get(B2BTable, table_id)
    if slot is None:
        return [_("This meeting slot no longer exists.")]
    if table is None:
        return [_("This table no longer exists.")]
    when = slot_label(slot)
    reasons: list[str] = []
    if participant_a_id == participant_b_id:
        reasons.append(_("A meeting needs two different participants."))
    if table.session_id != slot.session_id:
        reasons.append(_("{table} belongs to “{block}”, not to “{slot_block}” where the "
                         "slot of {when} is.").format(table=table_label(table.name),
                                                      block=table.block.title_in(current_language()),
                                                      slot_block=slot.block.title_in(current_language()),
                                                      when=when))
    others = _in_slot(session, slot_id, skip)
    for participant_id in dict.fromkeys((participant_a_id, participant_b_id)):
        participant = get_participant(session, participant_id)
        for meeting in others:
            if participant_id in (meeting.participant_a_id, meeting.participant_b_id):
                other = (meeting.participant_b if meeting.participant_a_id == participant_id
                         else meeting.participant_a)
                reasons.append(_("{name} already meets {other} on {when}.").format(
                    name=participant.name, other=other.name, when=when))
        reason = unavailable_slots(session, participant_id).get(slot_id)
        if reason:
            reasons.append(_("{name} cannot meet on {when}: {reason}.").format(
                name=participant.name, when=when, reason=reason))
        own = session.scalars(select(B2BTable).where(
            B2BTable.session_id == slot.session_id,
            B2BTable.participant_id == participant_id)).first()
        if own is not None and own.id != table_id:
            reasons.append(_("{name} keeps {table} all through “{block}”; the meeting "
                             "must be there.").format(name=participant.name,
                                                      table=table_label(own.name),
                                                      block=slot.block.title_in(current_language())))
    if table.participant_id is not None and table.participant_id not in (participant_a_id,
                                                                         participant_b_id):
        reasons.append(_("{table} is {holder}'s table all through the block.").format(
            table=table_label(table.name),
            holder=table.participant.name if table.participant else "?"))
    for meeting in others:
        if meeting.table_id == table_id:
            reasons.append(_("{table} is taken on {when} by {pair}.").format(
                table=table_label(table.name), when=when, pair=_pair(meeting)))
    if interpreter_id is not None:
        reasons.extend(_interpreter_reasons(session, interpreter_id, slot, when, others,
                                            (participant_a_id, participant_b_id)))
    return reasons


def _interpreter_reasons(session: Session, interpreter_id: int, slot: B2BSlot, when: str,
                         others: list[Meeting], parties: tuple[int, int]) -> list[str]:
    interpreter = session.get(Interpreter, interpreter_id)
    if interpreter is None:
        return [_("This interpreter no longer exists.")]
    reasons = []
    for meeting in others:
        if meeting.interpreter_id == interpreter_id:
            reasons.append(_("{name} already interprets on {when} for {pair}.").format(
                name=interpreter.name, when=when, pair=_pair(meeting)))
    if session.get(InterpreterUnavailability, (interpreter_id, slot.id)) is not None:
        reasons.append(_("{name} is not available on {when}.").format(name=interpreter.name,
                                                                      when=when))
    for participant_id in parties:
        languages = participant_languages(session, participant_id)
        if languages and not set(languages) & set(interpreter.languages):
            reasons.append(_("{name} speaks no language of {who}.").format(
                name=interpreter.name, who=get_participant(session, participant_id).name))
    return reasons


def _refuse(reasons: list[str]) -> None:
    if reasons:
        raise ConflictError(" ".join(reasons))


def _request_for(session: Session, a: int, b: int) -> int | None:
    return session.scalar(select(MeetingRequest.id).where(
        MeetingRequest.status != RequestStatus.DECLINED,
        or_((MeetingRequest.requester_id == a) & (MeetingRequest.target_id == b),
            (MeetingRequest.requester_id == b) & (MeetingRequest.target_id == a)))
        .order_by(MeetingRequest.id))


def create_meeting(session: Session, participant_a_id: int, participant_b_id: int,
                   slot_id: int, table_id: int, *, interpreter_id: int | None = None,
                   request_id: int | None = None, locked: bool = False, notes: str = "",
                   origin: MeetingOrigin = MeetingOrigin.MANUAL) -> Meeting:
    """Place a meeting (by hand unless told otherwise); linked to the pair's request when
    none is given."""
    get_participant(session, participant_a_id)
    get_participant(session, participant_b_id)
    _refuse(validate_placement(session, participant_a_id, participant_b_id, slot_id, table_id,
                               interpreter_id))
    meeting = Meeting(participant_a_id=participant_a_id, participant_b_id=participant_b_id,
                      slot_id=slot_id, table_id=table_id, interpreter_id=interpreter_id,
                      request_id=request_id or _request_for(session, participant_a_id,
                                                            participant_b_id),
                      origin=origin, locked=locked, notes=notes.strip())
    session.add(meeting)
    session.flush()
    return meeting


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    return records.fetch(session, Meeting, meeting_id, _("This meeting no longer exists."))


def _unlocked(meeting: Meeting) -> None:
    if meeting.locked:
        raise ConflictError(_("The meeting of {pair} is locked; unlock it before moving it.")
                            .format(pair=_pair(meeting)))


def _table_in(session: Session, meeting: Meeting, slot: B2BSlot) -> int:
    """The table a meeting moved to ``slot`` goes to: its own if the block is the same, else a
    party's fixed table, else the first table free then."""
    if meeting.table.session_id == slot.session_id:
        return meeting.table_id
    tables = list_tables(session, slot.session_id)
    for table in tables:
        if table.participant_id in (meeting.participant_a_id, meeting.participant_b_id):
            return table.id
    taken = {m.table_id for m in _in_slot(session, slot.id, {meeting.id})}
    for table in tables:
        if table.id not in taken and table.participant_id is None:
            return table.id
    raise ConflictError(_("Every table of “{block}” is taken on {when}.").format(
        block=slot.block.title_in(current_language()), when=slot_label(slot)))


def move_meeting(session: Session, meeting_id: int, slot_id: int,
                 table_id: int | None = None) -> Meeting:
    """Move a meeting to another slot (and table); a moved meeting counts as placed by hand,
    so the scheduler keeps it where the organiser put it."""
    meeting = get_meeting(session, meeting_id)
    _unlocked(meeting)
    slot = get_slot(session, slot_id)
    target = table_id if table_id is not None else _table_in(session, meeting, slot)
    _refuse(validate_placement(session, meeting.participant_a_id, meeting.participant_b_id,
                               slot_id, target, meeting.interpreter_id, ignore={meeting.id}))
    meeting.slot_id, meeting.table_id = slot_id, target
    meeting.origin = MeetingOrigin.MANUAL
    session.flush()
    session.refresh(meeting)
    return meeting


def swap_meetings(session: Session, first_id: int, second_id: int) -> tuple[Meeting, Meeting]:
    """Exchange the places (slot and table) of two meetings, checked as a whole: each new
    place is judged without the two meetings' old places."""
    first, second = get_meeting(session, first_id), get_meeting(session, second_id)
    if first.id == second.id:
        raise ValidationError(_("Choose two different meetings to swap."))
    _unlocked(first)
    _unlocked(second)
    both = {first.id, second.id}
    reasons = validate_placement(session, first.participant_a_id, first.participant_b_id,
                                 second.slot_id, second.table_id, first.interpreter_id,
                                 ignore=both)
    reasons += validate_placement(session, second.participant_a_id, second.participant_b_id,
                                  first.slot_id, first.table_id, second.interpreter_id,
                                  ignore=both)
    _refuse(list(dict.fromkeys(reasons)))
    places = (second.slot_id, second.table_id), (first.slot_id, first.table_id)
    # The unique (slot, table) index is checked row by row: step the first one aside.
    status = first.status
    first.status = MeetingStatus.CANCELLED
    first.slot_id, first.table_id = places[0]
    session.flush()
    second.slot_id, second.table_id = places[1]
    session.flush()
    first.status = status
    for meeting in (first, second):
        meeting.origin = MeetingOrigin.MANUAL
    session.flush()
    session.refresh(first)
    session.refresh(second)
    return first, second


def move_reasons(session: Session, meeting_id: int, slot_id: int,
                 table_id: int) -> list[str]:
    """Every reason :func:`move_meeting` would refuse to put the meeting at this slot and
    table, in words; empty when the move is allowed. For live feedback while dragging."""
    meeting = get_meeting(session, meeting_id)
    if meeting.locked:
        return [_("The meeting of {pair} is locked; unlock it before moving it.")
                .format(pair=_pair(meeting))]
    return validate_placement(session, meeting.participant_a_id, meeting.participant_b_id,
                              slot_id, table_id, meeting.interpreter_id, ignore={meeting.id})


def swap_reasons(session: Session, first_id: int, second_id: int) -> list[str]:
    """Every reason :func:`swap_meetings` would refuse to exchange these two meetings, in
    words; empty when the swap is allowed."""
    first, second = get_meeting(session, first_id), get_meeting(session, second_id)
    if first.id == second.id:
        return [_("Choose two different meetings to swap.")]
    reasons = [_("The meeting of {pair} is locked; unlock it before moving it.")
               .format(pair=_pair(m)) for m in (first, second) if m.locked]
    if reasons:
        return reasons
    both = {first.id, second.id}
    reasons = validate_placement(session, first.participant_a_id, first.participant_b_id,
                                 second.slot_id, second.table_id, first.interpreter_id,
                                 ignore=both)
    reasons += validate_placement(session, second.participant_a_id, second.participant_b_id,
                                  first.slot_id, first.table_id, second.interpreter_id,
                                  ignore=both)
    return list(dict.fromkeys(reasons))


def set_interpreter(session: Session, meeting_id: int, interpreter_id: int | None) -> Meeting:
    meeting = get_meeting(session, meeting_id)
    if interpreter_id is not None:
        others = _in_slot(session, meeting.slot_id, {meeting.id})
        _refuse(_interpreter_reasons(session, interpreter_id, meeting.slot,
                                     slot_label(meeting.slot), others,
                                     (meeting.participant_a_id, meeting.participant_b_id)))
    meeting.interpreter_id = interpreter_id
    session.flush()
    return meeting


def set_locked(session: Session, meeting_id: int, locked: bool) -> Meeting:
    """Lock a meeting (the scheduler and moves leave it where it is) or unlock it."""
    meeting = get_meeting(session, meeting_id)
    meeting.locked = locked
    session.flush()
    return meeting


def lock_meeting(session: Session, meeting_id: int) -> Meeting:
    return set_locked(session, meeting_id, True)


def unlock_meeting(session: Session, meeting_id: int) -> Meeting:
    return set_locked(session, meeting_id, False)


def delete_meeting(session: Session, meeting_id: int) -> None:
    """Delete a meeting; a locked one must be unlocked first."""
    meeting = get_meeting(session, meeting_id)
    if meeting.locked:
        raise ConflictError(_("The meeting of {pair} is locked; unlock it before deleting it.")
                            .format(pair=_pair(meeting)))
    session.delete(meeting)
    session.flush()


def list_meetings(session: Session, block_id: int | None = None) -> Sequence[Meeting]:
    """Meetings (not cancelled) in time order, then by table; with their parties' names,
    slot, table and interpreter read in the same few queries (one each, lazily, cost 0.2 s
    on a 2,700-meeting block, on each reload of its grid)."""
    parties = [selectinload(side).options(joinedload(B2BParticipant.organization),
                                          joinedload(B2BParticipant.person))
               for side in (Meeting.participant_a, Meeting.participant_b)]
    query = (select(Meeting).join(B2BSlot, Meeting.slot_id == B2BSlot.id)
             .join(B2BTable, Meeting.table_id == B2BTable.id)
             .where(Meeting.status != MeetingStatus.CANCELLED)
             .options(*parties, contains_eager(Meeting.slot), contains_eager(Meeting.table),
                      joinedload(Meeting.interpreter))
             .order_by(B2BSlot.starts_at, B2BTable.position, Meeting.id))
    if block_id is not None:
        query = query.where(B2BSlot.session_id == block_id)
    return session.scalars(query).all()


def agenda(session: Session, participant_id: int) -> list[Meeting]:
    """A participant's meetings in time order."""
    get_participant(session, participant_id)
    return [m for m in list_meetings(session)
            if participant_id in (m.participant_a_id, m.participant_b_id)]


@dataclass(frozen=True)
class Grid:
    """A block as slots (rows) × tables (columns); ``cells`` holds the placed meetings."""

    slots: list[B2BSlot]
    tables: list[B2BTable]
    cells: dict[tuple[int, int], Meeting]

    def at(self, slot_id: int, table_id: int) -> Meeting | None:
        return self.cells.get((slot_id, table_id))


def grid(session: Session, block_id: int) -> Grid:
    get_block(session, block_id)
    return Grid(list(list_slots(session, block_id)), list(list_tables(session, block_id)),
                {(m.slot_id, m.table_id): m for m in list_meetings(session, block_id)})


def interpreter_choices(session: Session, meeting_id: int) -> list[tuple[int, str, list[str]]]:
    """Every interpreter of the mission for this meeting: id, name, and the reasons they
    cannot sit in (empty: free in that slot and speaking a language of each party)."""
    meeting = get_meeting(session, meeting_id)
    others = _in_slot(session, meeting.slot_id, {meeting.id})
    parties = (meeting.participant_a_id, meeting.participant_b_id)
    when = slot_label(meeting.slot)
    return [(i.id, i.name, _interpreter_reasons(session, i.id, meeting.slot, when, others,
                                                 parties))
            for i in session.scalars(select(Interpreter).order_by(Interpreter.name))]
