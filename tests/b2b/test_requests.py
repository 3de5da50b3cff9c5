"""Meeting requests: refusals that explain themselves, mutual pairs, wish lists and the grid."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy.orm import Session

from desktop.b2b.requests import (
    RequestInput,
    accepted_not_scheduled,
    add_request,
    delete_request,
    is_mutual,
    list_requests,
    mutual_pairs,
    needs_interpreter,
    request_matrix,
    set_request_status,
    wish_list,
)
from desktop.b2b.setup import ensure_participant, generate_slots, set_tables
from desktop.db.enums import Category, RequestStatus, SessionKind, Side, Status
from desktop.db.models import B2BParticipant, Meeting
from desktop.errors import ValidationError
from desktop.program.sessions import ProgramSessionInput, add_program_session
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person


def team(session: Session, name: str, side: Side, languages: list[str]) -> B2BParticipant:
    org = add_organization(session, OrganizationInput(name, side))
    add_person(session, PersonInput("Pat", name.split()[0], Category.DELEGATE, Status.CONFIRMED,
                                    organization_id=org.id, languages=languages))
    return ensure_participant(session, organization_id=org.id)


@pytest.fixture
def parties(session: Session) -> dict[str, B2BParticipant]:
    return {"atlas": team(session, "Atlas Offshore", Side.DELEGATION, ["en"]),
            "boston": team(session, "Boston Code", Side.DELEGATION, ["en", "fr"]),
            "maroc": team(session, "Maroc Soft", Side.HOST, ["fr", "ar"]),
            "casa": team(session, "Casa Data", Side.HOST, ["fr", "en"])}


def test_self_requests_duplicates_and_bad_priorities_are_refused(
        session: Session, parties: dict[str, B2BParticipant]) -> None:
    atlas, maroc = parties["atlas"].id, parties["maroc"].id
    with pytest.raises(ValidationError, match="Atlas Offshore cannot ask to meet itself"):
        add_request(session, RequestInput(atlas, atlas))
    add_request(session, RequestInput(atlas, maroc, priority=1))
    with pytest.raises(ValidationError,
                       match="Atlas Offshore has already asked to meet Maroc Soft"):
        add_request(session, RequestInput(atlas, maroc))
    with pytest.raises(ValidationError, match="1 \\(highest\\), 2 or 3, not 5"):
        add_request(session, RequestInput(maroc, atlas, priority=5))
    assert len(list_requests(session)) == 1


def test_mutual_requests_are_recognised(session: Session,
                                        parties: dict[str, B2BParticipant]) -> None:
    atlas, maroc, casa = parties["atlas"].id, parties["maroc"].id, parties["casa"].id
    one = add_request(session, RequestInput(atlas, maroc, priority=2))
    alone = add_request(session, RequestInput(atlas, casa))
    assert not is_mutual(session, one.id)
    back = add_request(session, RequestInput(maroc, atlas, priority=3))
    assert is_mutual(session, one.id) and is_mutual(session, back.id)
    assert not is_mutual(session, alone.id)
    assert [(a.id, b.id) for a, b in mutual_pairs(session)] == [(one.id, back.id)]
    set_request_status(session, back.id, RequestStatus.DECLINED)
    assert not is_mutual(session, one.id)


def meet_in_first_slot(session: Session, a: int, b: int) -> None:
    """A one-hour B2B block of one table, and a meeting of ``a`` and ``b`` in its first slot."""
    block = add_program_session(session, ProgramSessionInput(
        "B2B", SessionKind.B2B_BLOCK, datetime(2007, 5, 15, 9), datetime(2007, 5, 15, 10)))
    slot = generate_slots(session, block.id, 20)[0]
    table = set_tables(session, block.id, 1)[0]
    session.add(Meeting(participant_a_id=a, participant_b_id=b, slot_id=slot.id,
                        table_id=table.id))
    session.flush()


def test_a_wish_list_says_who_asked_back_and_what_is_placed(
        session: Session, parties: dict[str, B2BParticipant]) -> None:
    atlas, maroc, casa = parties["atlas"].id, parties["maroc"].id, parties["casa"].id
    add_request(session, RequestInput(atlas, casa, priority=2))
    add_request(session, RequestInput(atlas, maroc, priority=1))
    add_request(session, RequestInput(maroc, atlas))
    meet_in_first_slot(session, maroc, atlas)
    wishes = wish_list(session, atlas)
    assert [(w.other.name, w.request.priority, w.mutual, w.meeting is not None)
            for w in wishes] == [("Maroc Soft", 1, True, True), ("Casa Data", 2, False, False)]


def test_accepted_pairs_without_a_meeting_are_counted_once(
        session: Session, parties: dict[str, B2BParticipant]) -> None:
    atlas, maroc, casa = parties["atlas"].id, parties["maroc"].id, parties["casa"].id
    for a, b in ((atlas, maroc), (maroc, atlas), (atlas, casa)):
        request = add_request(session, RequestInput(a, b))
        set_request_status(session, request.id, RequestStatus.ACCEPTED)
    add_request(session, RequestInput(parties["boston"].id, casa))  # only requested
    assert accepted_not_scheduled(session) == 2  # the mutual pair counts once
    meet_in_first_slot(session, maroc, atlas)
    assert accepted_not_scheduled(session) == 1


def test_the_request_matrix_puts_the_delegation_in_rows(
        session: Session, parties: dict[str, B2BParticipant]) -> None:
    atlas, boston = parties["atlas"].id, parties["boston"].id
    maroc, casa = parties["maroc"].id, parties["casa"].id
    add_request(session, RequestInput(atlas, maroc, priority=2))
    add_request(session, RequestInput(maroc, atlas, priority=1, status=RequestStatus.ACCEPTED))
    add_request(session, RequestInput(casa, boston, priority=3))
    matrix = request_matrix(session)
    assert [p.name for p in matrix.rows] == ["Atlas Offshore", "Boston Code"]
    assert [p.name for p in matrix.columns] == ["Casa Data", "Maroc Soft"]
    both = matrix.cells[atlas, maroc]
    assert (both.by, both.priority, both.status, both.scheduled) == (
        "both", 1, RequestStatus.ACCEPTED, False)
    asked = matrix.cells[boston, casa]
    assert (asked.by, asked.priority, asked.status) == ("column", 3, RequestStatus.REQUESTED)
    assert (atlas, casa) not in matrix.cells


def test_an_interpreter_is_needed_only_without_a_common_language(
        session: Session, parties: dict[str, B2BParticipant]) -> None:
    assert needs_interpreter(session, parties["atlas"].id, parties["maroc"].id)
    assert not needs_interpreter(session, parties["boston"].id, parties["maroc"].id)
    unknown = ensure_participant(session, organization_id=add_organization(
        session, OrganizationInput("Nobody Yet", Side.HOST)).id)
    assert not needs_interpreter(session, parties["atlas"].id, unknown.id)


def test_deleting_a_request(session: Session, parties: dict[str, B2BParticipant]) -> None:
    made = add_request(session, RequestInput(parties["atlas"].id, parties["maroc"].id))
    delete_request(session, made.id)
    assert list_requests(session, parties["atlas"].id) == []
