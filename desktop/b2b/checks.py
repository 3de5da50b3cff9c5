"""B2B findings for the problems list: what the schedule still lacks or gets wrong.

Requests not yet scheduled (each accepted one; the optional ones counted), meetings in a slot
a participant cannot attend, participants or interpreters booked twice at once, meetings at a
table of another block or away from a host's own table, and meetings that need an interpreter
but have none. Imported by :func:`desktop.checks.mission_findings`, which registers them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.checks import Finding, Ref, register_check
from desktop.db.enums import MeetingStatus, RequestStatus
from desktop.db.models import B2BParticipant, B2BTable, Meeting, MeetingRequest, SchedulingRun
from desktop.i18n import _, current_language, ngettext

CATEGORY = "b2b"
# Before any automatic schedule, this many accepted requests without a meeting or more make one
# line in the problems list rather than one each.
GROUP_UNSCHEDULED_FROM = 6


def _meetings(session: Session) -> list[Meeting]:
    return list(session.scalars(select(Meeting).where(
        Meeting.status != MeetingStatus.CANCELLED).order_by(Meeting.slot_id, Meeting.id)))


def _pair(meeting: Meeting) -> str:
    return _("{a} – {b}").format(a=meeting.participant_a.name, b=meeting.participant_b.name)


def _participant_names(session: Session, ids: set[int]) -> dict[int, str]:
    """``B2BParticipant.name`` of each of ``ids``, read in a few queries, not one per name."""
    names: dict[int, str] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        names.update((p.id, p.name) for p in session.scalars(
            select(B2BParticipant).where(B2BParticipant.id.in_(wanted[start:start + 500]))
            .options(selectinload(B2BParticipant.organization),
                     selectinload(B2BParticipant.person))))
    return names


def unscheduled_findings(session: Session) -> list[Finding]:
    """Accepted requests without a meeting (one each), and how many optional ones wait."""
    # Plain columns, not objects: at 10,000 people there are tens of thousands of requests.
    placed = {frozenset(pair) for pair in session.execute(
        select(Meeting.participant_a_id, Meeting.participant_b_id)
        .where(Meeting.status != MeetingStatus.CANCELLED))}
    unplaced: list[tuple[int, int, int]] = []
    optional: set[frozenset[int]] = set()
    seen: set[frozenset[int]] = set()
    for request_id, requester_id, target_id, status in session.execute(
            select(MeetingRequest.id, MeetingRequest.requester_id, MeetingRequest.target_id,
                   MeetingRequest.status)
            .where(MeetingRequest.status != RequestStatus.DECLINED)
            .order_by(MeetingRequest.id)):
        key = frozenset((requester_id, target_id))
        if key in placed or key in seen:
            continue
        if status == RequestStatus.ACCEPTED:
            seen.add(key)
            unplaced.append((request_id, requester_id, target_id))
        else:
            optional.add(key)
    if len(unplaced) >= GROUP_UNSCHEDULED_FROM and \
            session.scalar(select(SchedulingRun.id).limit(1)) is None:
        # Nothing was ever scheduled automatically: one line, not one per request, so that
        # the rest of the list (passports, hotels) is not buried.
        found = [Finding(ngettext(
            "{n} accepted meeting is not scheduled yet: “Schedule automatically”, on the B2B "
            "meetings page, places it.",
            "{n} accepted meetings are not scheduled yet: “Schedule automatically”, on the B2B "
            "meetings page, places them.", len(unplaced)).format(n=len(unplaced)),
            Ref("meeting_request", unplaced[0][0]), category=CATEGORY)]
    else:
        names = _participant_names(session, {i for _r, a, b in unplaced for i in (a, b)})
        message = _("The accepted meeting of {a} with {b} is not scheduled yet.")
        found = [Finding(message.format(a=names[a], b=names[b]),
                         Ref("meeting_request", request_id), category=CATEGORY)
                 for request_id, a, b in unplaced]
    optional -= seen
    if optional:
        found.append(Finding(ngettext(
            "{n} requested meeting is not scheduled yet.",
            "{n} requested meetings are not scheduled yet.", len(optional)).format(
            n=len(optional)), None, category=CATEGORY))
    return found


def availability_findings(session: Session) -> list[Finding]:
    """Meetings in a slot one of the parties cannot attend, with the reason."""
    return _availability_problems(session, _meetings(session))


def booking_findings(session: Session) -> list[Finding]:
    """Double bookings, tables of another block, hosts away from their own table, and missing
    interpreters."""
    return _booking_problems(session, _meetings(session))


class _Later:
    """Words worked out only when a message uses them (formatting a date for every meeting
    of a block, most of which have nothing to report, cost more than the checks)."""

    def __init__(self, make: Callable[[], str]) -> None:
        self._make = make

    def __format__(self, spec: str) -> str:
        return format(self._make(), spec)


@dataclass
class People:
    """What the meeting checks read about participants, by participant id: when each cannot
    meet (slot id -> reason) and the languages it speaks. Kept by a caller that checks the
    same meetings again and again (a block's grid, after each move) and filled only for the
    participants it has not seen; drop it when availability, people or flights change."""

    away: dict[int, dict[int, str]] = field(default_factory=dict)
    languages: dict[int, set[str]] = field(default_factory=dict)

    def cover(self, session: Session, meetings: list[Meeting]) -> None:
        from desktop.b2b.setup import all_unavailable_slots, languages_of, people_by_participant

        ids = {p for m in meetings for p in (m.participant_a_id, m.participant_b_id)}
        missing = ids - self.away.keys()
        if missing:
            people = people_by_participant(session, missing)
            self.away.update(all_unavailable_slots(session, people, ids=missing))
            self.languages.update((pid, set(languages_of(found)))
                                  for pid, found in people.items())


def meeting_problems(session: Session, meetings: list[Meeting],
                     people: People | None = None) -> dict[int, list[Finding]]:
    """What is wrong with each of ``meetings`` (those of one block, for its grid), by meeting
    id: the findings above, limited to them. A participant booked twice is found when both
    meetings are among them, which the meetings of a block always are (a slot is in one)."""
    people = people if people is not None else People()
    people.cover(session, meetings)
    found: dict[int, list[Finding]] = defaultdict(list)
    for finding in (*_availability_problems(session, meetings, people),
                    *_booking_problems(session, meetings, people)):
        assert finding.ref is not None
        found[finding.ref.id].append(finding)
    return dict(found)


def _availability_problems(session: Session, meetings: list[Meeting],
                           people: People | None = None) -> list[Finding]:
    from desktop.b2b.setup import slot_label

    if not meetings:
        return []
    if people is None:
        people = People()
        people.cover(session, meetings)
    found = []
    for meeting in meetings:
        for party in (meeting.participant_a, meeting.participant_b):
            reason = people.away.get(party.id, {}).get(meeting.slot_id)
            if reason:
                found.append(Finding(
                    _("{name} cannot attend the meeting {pair} on {when}: {reason}.").format(
                        name=party.name, pair=_pair(meeting), when=slot_label(meeting.slot),
                        reason=reason),
                    Ref("meeting", meeting.id), severity="error", category=CATEGORY))
    return found


def _booking_problems(session: Session, meetings: list[Meeting],
                      people: People | None = None) -> list[Finding]:
    from desktop.b2b.setup import slot_label, table_label

    if people is None:
        people = People()
        people.cover(session, meetings)
    languages = people.languages
    found = []
    busy: dict[tuple[int, int], list[Meeting]] = defaultdict(list)
    own = {(t.session_id, t.participant_id): t for t in session.scalars(
        select(B2BTable).where(B2BTable.participant_id.is_not(None)))}
    for meeting in meetings:
        when = _Later(partial(slot_label, meeting.slot))  # worked out only if told
        ref = Ref("meeting", meeting.id)
        for party in (meeting.participant_a, meeting.participant_b):
            for other in busy[party.id, meeting.slot_id]:
                found.append(Finding(
                    _("{name} is booked twice on {when}: {first} and {second}.").format(
                        name=party.name, when=when, first=_pair(other),
                        second=_pair(meeting)), ref, severity="error", category=CATEGORY))
            busy[party.id, meeting.slot_id].append(meeting)
            table = own.get((meeting.slot.session_id, party.id))
            if table is not None and table.id != meeting.table_id:
                found.append(Finding(
                    _("{pair} on {when} is at {table}, but {name} keeps {own}.")
                    .format(pair=_pair(meeting), when=when,
                            table=table_label(meeting.table.name), name=party.name,
                            own=table_label(table.name)), ref, category=CATEGORY))
        if meeting.table.session_id != meeting.slot.session_id:
            found.append(Finding(
                _("{pair} on {when} is at a table of “{block}”.").format(
                    pair=_pair(meeting), when=when,
                    block=meeting.table.block.title_in(current_language())),
                ref, severity="error", category=CATEGORY))
        first = languages.get(meeting.participant_a_id)
        second = languages.get(meeting.participant_b_id)
        if meeting.interpreter_id is None and first and second and not first & second:
            found.append(Finding(
                _("{pair} on {when} share no language and have no interpreter.").format(
                    pair=_pair(meeting), when=when), ref, category=CATEGORY))
    return found


register_check(unscheduled_findings)
register_check(availability_findings)
register_check(booking_findings)
