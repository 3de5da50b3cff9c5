"""Meeting requests: who wants to meet whom, how much, and whether the other side agrees.

A request is mutual when the other participant asked too; the two are then one meeting to
schedule (see :mod:`desktop.b2b.bridge`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop import records
from desktop.b2b.setup import get_participant, participant_languages, participant_side
from desktop.db.enums import MeetingStatus, RequestStatus, Side
from desktop.db.models import B2BParticipant, Meeting, MeetingRequest
from desktop.i18n import _
from desktop.validation import Checker

PRIORITIES = (1, 2, 3)


@dataclass
class RequestInput:
    requester_id: int
    target_id: int
    priority: int = 2
    status: RequestStatus = RequestStatus.REQUESTED
    note: str = ""


def validate_request(session: Session, data: RequestInput,
                     existing_id: int | None = None) -> RequestInput:
    """The cleaned input, or a ValidationError naming every field at fault."""
    check = Checker()
    requester = session.get(B2BParticipant, data.requester_id)
    target = session.get(B2BParticipant, data.target_id)
    if requester is None:
        check.error("requester_id", _("The participant asking no longer exists."))
    if target is None:
        check.error("target_id", _("The participant asked for no longer exists."))
    if requester is not None and data.requester_id == data.target_id:
        check.error("target_id", _("{name} cannot ask to meet itself.")
                    .format(name=requester.name))
    elif requester is not None and target is not None:
        clash = session.scalar(select(MeetingRequest.id).where(
            MeetingRequest.requester_id == data.requester_id,
            MeetingRequest.target_id == data.target_id,
            MeetingRequest.id != (existing_id or 0)))
        if clash is not None:
            check.error("target_id", _("{requester} has already asked to meet {target}.")
                        .format(requester=requester.name, target=target.name))
    if data.priority not in PRIORITIES:
        check.error("priority", _("The priority is 1 (highest), 2 or 3, not {value}.")
                    .format(value=data.priority))
    try:
        status = RequestStatus(data.status)
    except ValueError:
        check.error("status", _("“{value}” is not a request status.").format(value=data.status))
        status = RequestStatus.REQUESTED
    check.raise_if_any()
    return RequestInput(requester_id=data.requester_id, target_id=data.target_id,
                        priority=data.priority, status=status, note=data.note.strip())


def add_request(session: Session, data: RequestInput) -> MeetingRequest:
    return records.insert(session, MeetingRequest, validate_request(session, data))


def get_request(session: Session, request_id: int) -> MeetingRequest:
    return records.fetch(session, MeetingRequest, request_id,
                         _("This meeting request no longer exists."))


def update_request(session: Session, request_id: int, data: RequestInput) -> MeetingRequest:
    request = get_request(session, request_id)
    clean = validate_request(session, data, existing_id=request_id)
    return records.assign(session, request, clean)


def set_request_status(session: Session, request_id: int,
                       status: RequestStatus) -> MeetingRequest:
    data = request_input(get_request(session, request_id))
    data.status = status
    return update_request(session, request_id, data)


def request_input(request: MeetingRequest) -> RequestInput:
    return records.input_of(RequestInput, request)


def delete_request(session: Session, request_id: int) -> None:
    """Delete a request; a meeting already made from it stays (without its request)."""
    session.delete(get_request(session, request_id))
    session.flush()


def list_requests(session: Session, participant_id: int | None = None,
                  status: RequestStatus | None = None) -> Sequence[MeetingRequest]:
    """Requests made or received by a participant (all when ``None``), by priority."""
    query = select(MeetingRequest).order_by(MeetingRequest.priority, MeetingRequest.id)
    if participant_id is not None:
        query = query.where(or_(MeetingRequest.requester_id == participant_id,
                                MeetingRequest.target_id == participant_id))
    if status is not None:
        query = query.where(MeetingRequest.status == status)
    return session.scalars(query).all()


def reverse_of(session: Session, request: MeetingRequest) -> MeetingRequest | None:
    """The other side's request for the same pair, if it asked too."""
    return session.scalar(select(MeetingRequest).where(
        MeetingRequest.requester_id == request.target_id,
        MeetingRequest.target_id == request.requester_id))


def is_mutual(session: Session, request_id: int) -> bool:
    """True when both participants asked to meet each other (and neither declined)."""
    request = get_request(session, request_id)
    other = reverse_of(session, request)
    return other is not None and RequestStatus.DECLINED not in (request.status, other.status)


def mutual_pairs(session: Session) -> list[tuple[MeetingRequest, MeetingRequest]]:
    """Each pair of requests that answer each other, once (lower request id first)."""
    requests = session.scalars(select(MeetingRequest).order_by(MeetingRequest.id)).all()
    by_pair = {(r.requester_id, r.target_id): r for r in requests}
    pairs = []
    for request in requests:
        other = by_pair.get((request.target_id, request.requester_id))
        if other is not None and request.id < other.id:
            pairs.append((request, other))
    return pairs


def meeting_between(session: Session, a: int, b: int) -> Meeting | None:
    """The (first, not cancelled) meeting already placed between two participants."""
    return session.scalars(select(Meeting).where(
        Meeting.status != MeetingStatus.CANCELLED,
        or_((Meeting.participant_a_id == a) & (Meeting.participant_b_id == b),
            (Meeting.participant_a_id == b) & (Meeting.participant_b_id == a)))
        .order_by(Meeting.id)).first()


@dataclass(frozen=True)
class Wish:
    """One line of a participant's wish list."""

    request: MeetingRequest
    other: B2BParticipant
    mutual: bool
    meeting: Meeting | None


def wish_list(session: Session, participant_id: int) -> list[Wish]:
    """Whom the participant asked to meet, best priority first, with whether the other side
    asked too and whether the meeting is already placed."""
    get_participant(session, participant_id)
    requests = session.scalars(select(MeetingRequest).where(
        MeetingRequest.requester_id == participant_id)
        .order_by(MeetingRequest.priority, MeetingRequest.id)).all()
    asked_back = set(session.scalars(select(MeetingRequest.requester_id).where(
        MeetingRequest.target_id == participant_id)))
    return [Wish(r, r.target, r.target_id in asked_back,
                 meeting_between(session, participant_id, r.target_id)) for r in requests]


def requests_by_partner(session: Session, participant_id: int
                        ) -> dict[int, list[MeetingRequest]]:
    """The participant's requests, made or received, by the other participant's id."""
    found: dict[int, list[MeetingRequest]] = {}
    for request in session.scalars(select(MeetingRequest).where(or_(
            MeetingRequest.requester_id == participant_id,
            MeetingRequest.target_id == participant_id)).order_by(MeetingRequest.id)):
        other = request.target_id if request.requester_id == participant_id \
            else request.requester_id
        found.setdefault(other, []).append(request)
    return found


@dataclass(frozen=True)
class PairCell:
    """What the request grid shows for one delegation × host pair."""

    by: str  # "row", "column" or "both": who asked
    priority: int  # the best priority asked
    status: RequestStatus  # declined if either declined, else accepted if either accepted
    scheduled: bool
    request_ids: tuple[int, ...]


@dataclass(frozen=True)
class RequestMatrix:
    """Delegation participants (rows) × everyone else (columns), with the requests between
    them; pairs nobody asked for have no cell."""

    rows: list[B2BParticipant]
    columns: list[B2BParticipant]
    cells: dict[tuple[int, int], PairCell]


def request_matrix(session: Session) -> RequestMatrix:
    participants = sorted(session.scalars(select(B2BParticipant)),
                          key=lambda p: (p.name.casefold(), p.id))
    rows = [p for p in participants if participant_side(p) == Side.DELEGATION]
    row_ids = {p.id for p in rows}
    columns = [p for p in participants if p.id not in row_ids]
    scheduled = set()
    for a, b in session.execute(select(Meeting.participant_a_id, Meeting.participant_b_id)
                                .where(Meeting.status != MeetingStatus.CANCELLED)):
        scheduled |= {(a, b), (b, a)}
    grouped: dict[tuple[int, int], list[tuple[str, MeetingRequest]]] = {}
    for request in session.scalars(select(MeetingRequest).order_by(MeetingRequest.id)):
        if request.requester_id in row_ids:
            key, by = (request.requester_id, request.target_id), "row"
        elif request.target_id in row_ids:
            key, by = (request.target_id, request.requester_id), "column"
        else:
            continue
        grouped.setdefault(key, []).append((by, request))
    cells = {}
    for key, items in grouped.items():
        sides = {by for by, _r in items}
        statuses = {r.status for _b, r in items}
        status = (RequestStatus.DECLINED if RequestStatus.DECLINED in statuses
                  else RequestStatus.ACCEPTED if RequestStatus.ACCEPTED in statuses
                  else RequestStatus.REQUESTED)
        cells[key] = PairCell("both" if len(sides) == 2 else next(iter(sides)),
                              min(r.priority for _b, r in items), status, key in scheduled,
                              tuple(r.id for _b, r in items))
    return RequestMatrix(rows, columns, cells)


class RequestFacts(NamedTuple):
    """What a view of meetings needs of one request: its status and priority."""

    status: RequestStatus
    priority: int


def requests_by_pair(session: Session) -> dict[frozenset[int], list[RequestFacts]]:
    """Every request's status and priority, by the pair it is about (read as columns: a grid
    reloaded after each move reads them all again)."""
    found: dict[frozenset[int], list[RequestFacts]] = {}
    for requester, target, status, priority in session.execute(select(
            MeetingRequest.requester_id, MeetingRequest.target_id, MeetingRequest.status,
            MeetingRequest.priority)):
        found.setdefault(frozenset((requester, target)), []).append(
            RequestFacts(status, priority))
    return found


def accepted_not_scheduled(session: Session) -> int:
    """Pairs with an accepted request and no meeting in any block (mutual requests count
    once): what "Schedule automatically" still has to place."""
    met = {frozenset(pair) for pair in session.execute(
        select(Meeting.participant_a_id, Meeting.participant_b_id))}
    accepted = {frozenset(pair) for pair in session.execute(  # columns: no objects to build
        select(MeetingRequest.requester_id, MeetingRequest.target_id)
        .where(MeetingRequest.status == RequestStatus.ACCEPTED))}
    return len(accepted - met)


def needs_interpreter(session: Session, a: int, b: int) -> bool:
    """True when both participants' languages are known and they share none."""
    first, second = participant_languages(session, a), participant_languages(session, b)
    return bool(first) and bool(second) and not set(first) & set(second)
