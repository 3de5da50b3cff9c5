"""Meetings: placements refused with the reason in words, swaps checked whole, agendas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from desktop.b2b.meetings import (
    agenda,
    create_meeting,
    delete_meeting,
    grid,
    interpreter_choices,
    lock_meeting,
    move_meeting,
    move_reasons,
    swap_meetings,
    swap_reasons,
    unlock_meeting,
    validate_placement,
)
from desktop.b2b.requests import RequestInput, add_request
from desktop.b2b.setup import (
    InterpreterInput,
    add_interpreter,
    assign_table,
    ensure_participant,
    generate_slots,
    set_interpreter_unavailable,
    set_tables,
)
from desktop.db.enums import Category, MeetingOrigin, SessionKind, Side, Status
from desktop.db.models import B2BParticipant, B2BSlot, B2BTable, FlightSegment
from desktop.errors import ConflictError
from desktop.program.sessions import ProgramSessionInput, add_program_session
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person


@dataclass
class Forum:
    slots: list[B2BSlot]
    tables: list[B2BTable]
    other_tables: list[B2BTable]
    p: dict[str, B2BParticipant]


def team(session: Session, name: str, side: Side, languages: list[str]) -> B2BParticipant:
    org = add_organization(session, OrganizationInput(name, side))
    add_person(session, PersonInput("Pat", name.split()[0], Category.DELEGATE, Status.CONFIRMED,
                                    organization_id=org.id, languages=languages))
    return ensure_participant(session, organization_id=org.id)


@pytest.fixture
def forum(session: Session) -> Forum:
    casa = add_program_session(session, ProgramSessionInput(
        "B2B Casablanca", SessionKind.B2B_BLOCK, datetime(2007, 5, 15, 9),
        datetime(2007, 5, 15, 10)))
    rabat = add_program_session(session, ProgramSessionInput(
        "B2B Rabat", SessionKind.B2B_BLOCK, datetime(2007, 5, 16, 9),
        datetime(2007, 5, 16, 10)))
    slots = generate_slots(session, casa.id, 20) + generate_slots(session, rabat.id, 20)
    return Forum(slots, set_tables(session, casa.id, 3), set_tables(session, rabat.id, 2), {
        "atlas": team(session, "Atlas Offshore", Side.DELEGATION, ["en"]),
        "boston": team(session, "Boston Code", Side.DELEGATION, ["en"]),
        "maroc": team(session, "Maroc Soft", Side.HOST, ["fr"]),
        "casa": team(session, "Casa Data", Side.HOST, ["fr", "en"])})


def test_a_free_placement_has_no_reasons(session: Session, forum: Forum) -> None:
    p = forum.p
    assert validate_placement(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                              forum.tables[0].id) == []
    meeting = create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                             forum.tables[0].id)
    assert meeting.origin == MeetingOrigin.MANUAL


def test_a_meeting_is_linked_to_the_pair_request(session: Session, forum: Forum) -> None:
    p = forum.p
    request = add_request(session, RequestInput(p["casa"].id, p["atlas"].id))
    meeting = create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                             forum.tables[0].id)
    assert meeting.request_id == request.id


def test_double_bookings_are_refused_naming_who_and_when(session: Session,
                                                         forum: Forum) -> None:
    p, slot = forum.p, forum.slots[0]
    create_meeting(session, p["atlas"].id, p["casa"].id, slot.id, forum.tables[0].id)
    with pytest.raises(ConflictError) as caught:
        create_meeting(session, p["atlas"].id, p["maroc"].id, slot.id, forum.tables[1].id)
    assert str(caught.value) == ("Atlas Offshore already meets Casa Data on May 15, 2007 at "
                                 "9:00 AM.")
    reasons = validate_placement(session, p["boston"].id, p["maroc"].id, slot.id,
                                 forum.tables[0].id)
    assert reasons == ["Table T1 is taken on May 15, 2007 at 9:00 AM by Atlas Offshore and "
                       "Casa Data."]


def test_a_table_of_another_block_is_refused(session: Session, forum: Forum) -> None:
    p = forum.p
    reasons = validate_placement(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                                 forum.other_tables[0].id)
    assert reasons == ["Table T1 belongs to “B2B Rabat”, not to “B2B Casablanca” where the "
                       "slot of May 15, 2007 at 9:00 AM is."]


def test_a_host_meets_at_its_own_table(session: Session, forum: Forum) -> None:
    p = forum.p
    assign_table(session, forum.tables[2].id, p["maroc"].id)
    reasons = validate_placement(session, p["atlas"].id, p["maroc"].id, forum.slots[0].id,
                                 forum.tables[0].id)
    assert reasons == ["Maroc Soft keeps Table T3 all through “B2B Casablanca”; the meeting "
                       "must be there."]
    reasons = validate_placement(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                                 forum.tables[2].id)
    assert reasons == ["Table T3 is Maroc Soft's table all through the block."]


def test_an_absent_participant_is_refused_with_the_reason(session: Session,
                                                          forum: Forum) -> None:
    p = forum.p
    person = p["atlas"].organization.people[0]  # type: ignore[union-attr]
    session.add(FlightSegment(person_id=person.id, carrier="AT", flight_number="201",
                              from_airport="JFK", to_airport="CMN",
                              departs_at=datetime(2007, 5, 14, 23, tzinfo=UTC),
                              arrives_at=datetime(2007, 5, 15, 11, tzinfo=UTC),
                              departure_zone="America/New_York",
                              arrival_zone="Africa/Casablanca"))
    session.flush()
    with pytest.raises(ConflictError) as caught:
        create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                       forum.tables[0].id)
    assert str(caught.value) == ("Atlas Offshore cannot meet on May 15, 2007 at 9:00 AM: "
                                 "lands at 11:00 AM on AT 201.")


def test_an_interpreter_is_in_one_meeting_at_a_time(session: Session, forum: Forum) -> None:
    p, slot = forum.p, forum.slots[0]
    nadia = add_interpreter(session, InterpreterInput("Nadia", ["ar", "fr", "en"]))
    create_meeting(session, p["atlas"].id, p["maroc"].id, slot.id, forum.tables[0].id,
                   interpreter_id=nadia.id)
    reasons = validate_placement(session, p["boston"].id, p["casa"].id, slot.id,
                                 forum.tables[1].id, nadia.id)
    assert reasons == ["Nadia already interprets on May 15, 2007 at 9:00 AM for Atlas "
                       "Offshore and Maroc Soft."]
    set_interpreter_unavailable(session, nadia.id, forum.slots[1].id)
    assert validate_placement(session, p["boston"].id, p["casa"].id, forum.slots[1].id,
                              forum.tables[1].id, nadia.id) == [
        "Nadia is not available on May 15, 2007 at 9:20 AM."]
    omar = add_interpreter(session, InterpreterInput("Omar", ["ar", "es"]))
    assert validate_placement(session, p["boston"].id, p["maroc"].id, forum.slots[2].id,
                              forum.tables[1].id, omar.id) == [
        "Omar speaks no language of Boston Code.", "Omar speaks no language of Maroc Soft."]


def test_moves_keep_the_table_in_the_block_and_become_manual(session: Session,
                                                             forum: Forum) -> None:
    p = forum.p
    meeting = create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                             forum.tables[1].id, origin=MeetingOrigin.AUTO)
    moved = move_meeting(session, meeting.id, forum.slots[2].id)
    assert (moved.slot_id, moved.table_id, moved.origin) == (
        forum.slots[2].id, forum.tables[1].id, MeetingOrigin.MANUAL)
    across = move_meeting(session, meeting.id, forum.slots[3].id)  # to the Rabat block
    assert across.table_id == forum.other_tables[0].id


def test_a_refused_move_changes_nothing(session: Session, forum: Forum) -> None:
    p = forum.p
    first = create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                           forum.tables[0].id)
    create_meeting(session, p["atlas"].id, p["maroc"].id, forum.slots[1].id,
                   forum.tables[0].id)
    with pytest.raises(ConflictError, match="Atlas Offshore already meets Maroc Soft"):
        move_meeting(session, first.id, forum.slots[1].id, forum.tables[1].id)
    assert first.slot_id == forum.slots[0].id


def test_locked_meetings_stay_put(session: Session, forum: Forum) -> None:
    p = forum.p
    meeting = create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                             forum.tables[0].id)
    lock_meeting(session, meeting.id)
    with pytest.raises(ConflictError, match="is locked; unlock it before moving it"):
        move_meeting(session, meeting.id, forum.slots[1].id)
    with pytest.raises(ConflictError, match="is locked; unlock it before deleting it"):
        delete_meeting(session, meeting.id)
    unlock_meeting(session, meeting.id)
    delete_meeting(session, meeting.id)
    assert agenda(session, p["atlas"].id) == []


def test_a_swap_is_judged_as_a_whole(session: Session, forum: Forum) -> None:
    p = forum.p
    first = create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                           forum.tables[0].id)
    second = create_meeting(session, p["atlas"].id, p["maroc"].id, forum.slots[1].id,
                            forum.tables[0].id)
    # Each alone would clash with the other; together they simply change places.
    swap_meetings(session, first.id, second.id)
    assert (first.slot_id, second.slot_id) == (forum.slots[1].id, forum.slots[0].id)
    assert [m.participant_b.name for m in agenda(session, p["atlas"].id)] == [
        "Maroc Soft", "Casa Data"]


def test_a_swap_that_breaks_a_rule_is_refused_whole(session: Session, forum: Forum) -> None:
    p = forum.p
    first = create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                           forum.tables[0].id)
    second = create_meeting(session, p["boston"].id, p["maroc"].id, forum.slots[1].id,
                            forum.tables[1].id)
    create_meeting(session, p["atlas"].id, p["maroc"].id, forum.slots[2].id, forum.tables[0].id)
    third = create_meeting(session, p["boston"].id, p["casa"].id, forum.slots[2].id,
                           forum.tables[1].id)
    with pytest.raises(ConflictError, match="Atlas Offshore already meets Maroc Soft"):
        swap_meetings(session, first.id, third.id)
    assert (first.slot_id, third.slot_id) == (forum.slots[0].id, forum.slots[2].id)
    assert second.slot_id == forum.slots[1].id


def test_the_grid_of_a_block(session: Session, forum: Forum) -> None:
    p = forum.p
    meeting = create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[1].id,
                             forum.tables[2].id)
    view = grid(session, forum.slots[0].session_id)
    assert len(view.slots) == 3 and [t.name for t in view.tables] == ["T1", "T2", "T3"]
    assert view.at(forum.slots[1].id, forum.tables[2].id) is meeting
    assert view.at(forum.slots[0].id, forum.tables[0].id) is None


# -- what the problems list says (desktop.b2b.checks) ---------------------------------------


def test_before_any_automatic_schedule_many_waiting_requests_make_one_problem(
        session: Session, forum: Forum) -> None:
    from itertools import combinations

    from desktop.b2b.checks import GROUP_UNSCHEDULED_FROM, unscheduled_findings
    from desktop.db.enums import RequestStatus
    from desktop.db.models import SchedulingRun

    teams = list(forum.p.values())
    for a, b in list(combinations(teams, 2))[:GROUP_UNSCHEDULED_FROM]:
        add_request(session, RequestInput(a.id, b.id, status=RequestStatus.ACCEPTED))
    assert [f.message for f in unscheduled_findings(session)] == [
        f"{GROUP_UNSCHEDULED_FROM} accepted meetings are not scheduled yet: “Schedule "
        "automatically”, on the B2B meetings page, places them."]
    # Once the scheduler has run, what is left unplaced is named pair by pair.
    session.add(SchedulingRun(status="feasible", placed=0, to_place=6, required=6,
                              required_placed=0, breaks=0, bound_breaks=0,
                              max_break_spread=2, solve_seconds=1.0, fingerprint="0" * 64))
    session.flush()
    found = [f.message for f in unscheduled_findings(session)]
    assert len(found) == GROUP_UNSCHEDULED_FROM
    assert found[0] == "The accepted meeting of Atlas Offshore with Boston Code is not " \
        "scheduled yet."


def test_the_problems_list_names_unscheduled_and_misplaced_meetings(session: Session,
                                                                    forum: Forum) -> None:
    from desktop.b2b.checks import (
        availability_findings,
        booking_findings,
        unscheduled_findings,
    )
    from desktop.checks import mission_findings
    from desktop.db.enums import RequestStatus
    from desktop.db.models import Meeting

    p = forum.p
    add_request(session, RequestInput(p["atlas"].id, p["maroc"].id,
                                      status=RequestStatus.ACCEPTED))
    add_request(session, RequestInput(p["boston"].id, p["casa"].id))
    assert [f.message for f in unscheduled_findings(session)] == [
        "The accepted meeting of Atlas Offshore with Maroc Soft is not scheduled yet.",
        "1 requested meeting is not scheduled yet."]
    meeting = create_meeting(session, p["atlas"].id, p["maroc"].id, forum.slots[0].id,
                             forum.tables[0].id)
    assert [f.message for f in unscheduled_findings(session)] == [
        "1 requested meeting is not scheduled yet."]
    # Data written around the services (an import, an older file) is still caught.
    from desktop.b2b.setup import set_unavailable

    set_unavailable(session, p["atlas"].id, forum.slots[0].id, "board call")
    session.add(Meeting(participant_a_id=p["atlas"].id, participant_b_id=p["casa"].id,
                        slot_id=forum.slots[0].id, table_id=forum.tables[1].id))
    session.flush()
    away = [f.message for f in availability_findings(session)]
    assert ("Atlas Offshore cannot attend the meeting Atlas Offshore – Maroc Soft on May 15, "
            "2007 at 9:00 AM: board call.") in away
    twice = [f for f in booking_findings(session) if "booked twice" in f.message]
    assert [f.severity for f in twice] == ["error"]
    assert "Atlas Offshore is booked twice on May 15, 2007 at 9:00 AM" in twice[0].message
    assert any(f.category == "b2b" for f in mission_findings(session))
    assert meeting.id is not None


def test_a_meeting_without_a_common_language_needs_an_interpreter(session: Session,
                                                                   forum: Forum) -> None:
    from desktop.b2b.checks import booking_findings

    p = forum.p
    create_meeting(session, p["atlas"].id, p["maroc"].id, forum.slots[0].id,
                   forum.tables[0].id)
    assert [f.message for f in booking_findings(session)] == [
        "Atlas Offshore – Maroc Soft on May 15, 2007 at 9:00 AM share no language and have "
        "no interpreter."]


# -- reasons for live drag feedback ---------------------------------------------------------


def test_move_reasons_say_why_a_drop_would_be_refused(session: Session, forum: Forum) -> None:
    p = forum.p
    first = create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                           forum.tables[0].id)
    create_meeting(session, p["atlas"].id, p["maroc"].id, forum.slots[1].id,
                   forum.tables[0].id)
    assert move_reasons(session, first.id, forum.slots[2].id, forum.tables[1].id) == []
    clash = move_reasons(session, first.id, forum.slots[1].id, forum.tables[1].id)
    assert any("Atlas Offshore already meets Maroc Soft" in r for r in clash)
    lock_meeting(session, first.id)
    (locked,) = move_reasons(session, first.id, forum.slots[2].id, forum.tables[1].id)
    assert "is locked" in locked
    assert first.slot_id == forum.slots[0].id


def test_swap_reasons_judge_the_exchange_as_a_whole(session: Session, forum: Forum) -> None:
    p = forum.p
    first = create_meeting(session, p["atlas"].id, p["casa"].id, forum.slots[0].id,
                           forum.tables[0].id)
    second = create_meeting(session, p["atlas"].id, p["maroc"].id, forum.slots[1].id,
                            forum.tables[0].id)
    assert swap_reasons(session, first.id, second.id) == []
    assert swap_reasons(session, first.id, first.id) == [
        "Choose two different meetings to swap."]
    lock_meeting(session, second.id)
    (locked,) = swap_reasons(session, first.id, second.id)
    assert "Atlas Offshore and Maroc Soft is locked" in locked


def test_interpreter_choices_say_who_is_free_for_a_meeting(session: Session,
                                                           forum: Forum) -> None:
    p, slot = forum.p, forum.slots[0]
    nadia = add_interpreter(session, InterpreterInput("Nadia", ["ar", "fr", "en"]))
    omar = add_interpreter(session, InterpreterInput("Omar", ["ar", "es"]))
    create_meeting(session, p["boston"].id, p["casa"].id, slot.id, forum.tables[1].id,
                   interpreter_id=nadia.id)
    meeting = create_meeting(session, p["atlas"].id, p["maroc"].id, slot.id,
                             forum.tables[0].id)
    choices = interpreter_choices(session, meeting.id)
    assert [(i, name) for i, name, _r in choices] == [(nadia.id, "Nadia"), (omar.id, "Omar")]
    assert choices[0][2] == ["Nadia already interprets on May 15, 2007 at 9:00 AM for Boston "
                             "Code and Casa Data."]
    assert choices[1][2] == ["Omar speaks no language of Atlas Offshore.",
                             "Omar speaks no language of Maroc Soft."]
