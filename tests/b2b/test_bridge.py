"""The bridge: the mission's B2B data as a scheduling problem, and the answer stored back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.b2b.bridge import export_problem, pair_id, store_schedule
from desktop.b2b.checker import check
from desktop.b2b.instance import instance_to_dict, parse_instance
from desktop.b2b.meetings import create_meeting, lock_meeting
from desktop.b2b.requests import RequestInput, add_request
from desktop.b2b.setup import (
    assign_table,
    clear_unavailable,
    ensure_participant,
    generate_slots,
    set_tables,
    set_unavailable,
)
from desktop.b2b.solver import solve
from desktop.db.enums import Category, MeetingOrigin, RequestStatus, SessionKind, Side, Status
from desktop.db.models import B2BParticipant, B2BSlot, B2BTable, Meeting
from desktop.errors import ConflictError, ValidationError
from desktop.program.sessions import ProgramSessionInput, add_program_session
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person


@dataclass
class Forum:
    slots: list[B2BSlot]
    tables: list[B2BTable]
    p: dict[str, B2BParticipant]


def team(session: Session, name: str, side: Side, languages: list[str]) -> B2BParticipant:
    org = add_organization(session, OrganizationInput(name, side))
    add_person(session, PersonInput("Pat", name.split()[0], Category.DELEGATE, Status.CONFIRMED,
                                    organization_id=org.id, languages=languages))
    return ensure_participant(session, organization_id=org.id)


def block(session: Session, title: str, day: int, tables: int) -> tuple[list[B2BSlot],
                                                                         list[B2BTable]]:
    made = add_program_session(session, ProgramSessionInput(
        title, SessionKind.B2B_BLOCK, datetime(2007, 5, day, 9), datetime(2007, 5, day, 10)))
    return generate_slots(session, made.id, 20), set_tables(session, made.id, tables)


@pytest.fixture
def forum(session: Session) -> Forum:
    slots, tables = block(session, "B2B Casablanca", 15, 2)
    p = {"atlas": team(session, "Atlas Offshore", Side.DELEGATION, ["en"]),
         "boston": team(session, "Boston Code", Side.DELEGATION, ["en"]),
         "maroc": team(session, "Maroc Soft", Side.HOST, ["fr", "en"]),
         "casa": team(session, "Casa Data", Side.HOST, ["fr", "en"])}
    ask = add_request
    ask(session, RequestInput(p["atlas"].id, p["maroc"].id, 2, RequestStatus.ACCEPTED))
    ask(session, RequestInput(p["maroc"].id, p["atlas"].id, 3))
    ask(session, RequestInput(p["boston"].id, p["casa"].id, 2))
    ask(session, RequestInput(p["atlas"].id, p["casa"].id, 1, RequestStatus.DECLINED))
    ask(session, RequestInput(p["boston"].id, p["maroc"].id, 3, RequestStatus.ACCEPTED))
    return Forum(slots, tables, p)


def locked_meeting(session: Session, forum: Forum, slot: int) -> Meeting:
    """Atlas – Maroc at T2 in the forum's slot ``slot``, placed automatically, then locked."""
    p = forum.p
    meeting = create_meeting(session, p["atlas"].id, p["maroc"].id, forum.slots[slot].id,
                             forum.tables[1].id, origin=MeetingOrigin.AUTO)
    lock_meeting(session, meeting.id)
    return meeting


def spec(instance: object, a: B2BParticipant, b: B2BParticipant) -> object:
    return next(m for m in instance.meetings  # type: ignore[attr-defined]
                if m.id == pair_id(a.id, b.id))


def test_the_problem_mirrors_the_mission(session: Session, forum: Forum) -> None:
    p = forum.p
    set_unavailable(session, p["casa"].id, forum.slots[2].id, "board call")
    instance = export_problem(session, time_limit_s=5, max_break_spread=1)
    assert [(s.id, s.day, s.start, s.session) for s in instance.slots] == [
        (forum.slots[0].id, "2007-05-15", "09:00", "am"),
        (forum.slots[1].id, "2007-05-15", "09:20", "am"),
        (forum.slots[2].id, "2007-05-15", "09:40", "am")]
    assert instance.tables == ("T1", "T2")
    casa = instance.participant(f"p{p['casa'].id}")
    assert casa.name == "Casa Data" and casa.unavailable == {forum.slots[2].id}
    assert casa.languages == ("fr", "en")
    assert len(instance.meetings) == 3  # the declined request makes no meeting
    mutual = spec(instance, p["atlas"], p["maroc"])
    # Accepted, and asked by both sides: required, best priority (2) raised to 1.
    assert (mutual.required, mutual.priority) == (True, 1)  # type: ignore[attr-defined]
    single = spec(instance, p["boston"], p["casa"])
    assert (single.required, single.priority) == (False, 2)  # type: ignore[attr-defined]
    assert instance.options.max_break_spread == 1
    # The problem is a valid instance file.
    assert parse_instance(instance_to_dict(instance)) == instance


def test_no_slots_or_no_tables_is_explained(session: Session) -> None:
    with pytest.raises(ValidationError, match="no B2B meeting slots yet"):
        export_problem(session)
    made = add_program_session(session, ProgramSessionInput(
        "B2B Rabat", SessionKind.B2B_BLOCK, datetime(2007, 5, 16, 9), datetime(2007, 5, 16, 10)))
    generate_slots(session, made.id, 20)
    with pytest.raises(ValidationError, match="“B2B Rabat” has meeting slots but no tables"):
        export_problem(session)


def test_locked_meetings_are_fixed_and_auto_ones_are_current(session: Session,
                                                             forum: Forum) -> None:
    p = forum.p
    locked_meeting(session, forum, 1)
    create_meeting(session, p["boston"].id, p["casa"].id, forum.slots[0].id,
                   forum.tables[0].id, origin=MeetingOrigin.AUTO)
    instance = export_problem(session, keep_current=True)
    fixed = spec(instance, p["atlas"], p["maroc"])
    assert fixed.slot == forum.slots[1].id  # type: ignore[attr-defined]
    current = spec(instance, p["boston"], p["casa"])
    assert current.slot is None  # type: ignore[attr-defined]
    assert (current.current.slot, current.current.table) == (  # type: ignore[attr-defined]
        forum.slots[0].id, "T1")
    assert instance.options.keep_current


def test_a_smaller_block_has_its_missing_tables_closed(session: Session,
                                                       forum: Forum) -> None:
    rabat_slots, _tables = block(session, "B2B Rabat", 16, 1)
    instance = export_problem(session)
    assert instance.tables == ("T1", "T2")
    rabat = {s.id for s in rabat_slots}
    for slot in instance.slots:
        assert slot.held == ((("T2", None),) if slot.id in rabat else ())
    schedule = solve(instance, time_limit_s=5)
    assert check(instance, schedule) == []
    assert not any(pm.table == "T2" for pm in schedule.meetings if pm.slot in rabat)


def test_a_host_keeping_one_table_is_pinned(session: Session, forum: Forum) -> None:
    assign_table(session, forum.tables[1].id, forum.p["maroc"].id)
    instance = export_problem(session)
    assert instance.participant(f"p{forum.p['maroc'].id}").table == "T2"
    assert instance.participant(f"p{forum.p['casa'].id}").table is None


def test_export_solve_store_round_trip(session: Session, forum: Forum) -> None:
    p = forum.p
    instance = export_problem(session, time_limit_s=5)
    schedule = solve(instance, time_limit_s=5)
    assert schedule.status in ("optimal", "feasible")
    assert check(instance, schedule) == []
    report = store_schedule(session, instance, schedule)
    meetings = session.scalars(select(Meeting)).all()
    assert report.created == len(meetings) == 3
    assert all(m.origin == MeetingOrigin.AUTO for m in meetings)
    pairs = {frozenset((m.participant_a_id, m.participant_b_id)) for m in meetings}
    assert frozenset((p["atlas"].id, p["maroc"].id)) in pairs
    assert frozenset((p["atlas"].id, p["casa"].id)) not in pairs
    assert all(m.request_id is not None for m in meetings)
    # Storing the same answer again changes nothing.
    again = store_schedule(session, instance, schedule)
    assert (again.created, len(again.moves), again.unchanged) == (0, 0, 3)


def test_a_replan_keeps_what_it_can_and_says_what_moved(session: Session,
                                                        forum: Forum) -> None:
    p = forum.p
    instance = export_problem(session, time_limit_s=5)
    store_schedule(session, instance, solve(instance, time_limit_s=5))
    target = session.scalars(select(Meeting).where(
        Meeting.participant_a_id.in_([p["atlas"].id, p["maroc"].id]),
        Meeting.participant_b_id.in_([p["atlas"].id, p["maroc"].id]))).one()
    was = target.slot_id
    set_unavailable(session, p["atlas"].id, was, "a call home")
    replan = export_problem(session, keep_current=True, time_limit_s=5)
    schedule = solve(replan, time_limit_s=5)
    report = store_schedule(session, replan, schedule, replan=True)
    assert target.slot_id != was
    assert [m.meeting_id for m in report.moves][:1] == [target.id]
    assert report.moves[0].pair == "Atlas Offshore – Maroc Soft"
    assert report.moves[0].before.startswith("May 15, 2007 at ")
    assert any(line.startswith("Moved: Atlas Offshore – Maroc Soft: from May 15, 2007 at ")
               for line in report.lines())


def test_a_replan_tells_a_change_of_table_and_keeps_the_time(session: Session,
                                                             forum: Forum) -> None:
    instance = export_problem(session, time_limit_s=5)
    store_schedule(session, instance, solve(instance, time_limit_s=5))
    at_first = session.scalars(select(Meeting).where(
        Meeting.table_id == forum.tables[0].id)).all()
    assert at_first
    rif = team(session, "Rif Data", Side.HOST, ["fr"])  # a new host, with no meeting yet,
    assign_table(session, forum.tables[0].id, rif.id)  # keeps T1 from now on
    replan = export_problem(session, keep_current=True, time_limit_s=5)
    before = {m.id: m.slot_id for m in at_first}
    crowded = {m.slot_id for m in session.scalars(select(Meeting)).all()
               if m.table_id != forum.tables[0].id}  # T2 taken then: the time must change
    report = store_schedule(session, replan, solve(replan, time_limit_s=5), replan=True)
    assert any(before[m.id] not in crowded for m in at_first)
    for meeting in at_first:
        assert meeting.table_id != forum.tables[0].id
        if before[meeting.id] not in crowded:
            assert meeting.slot_id == before[meeting.id]
    moved = [line for line in report.lines() if line.startswith("Moved: ")]
    assert any("at the same time" in line for line in moved), moved
    assert report.lines()[0].startswith("0 meetings created, ")


def test_locked_and_manual_meetings_are_left_alone(session: Session, forum: Forum) -> None:
    locked = locked_meeting(session, forum, 2)
    instance = export_problem(session, time_limit_s=5)
    report = store_schedule(session, instance, solve(instance, time_limit_s=5))
    assert (locked.slot_id, locked.table_id) == (forum.slots[2].id, forum.tables[1].id)
    assert report.untouched == 1
    assert report.created == 2


def test_a_kept_meeting_that_a_change_made_impossible_is_told(session: Session,
                                                             forum: Forum) -> None:
    p = forum.p
    locked = locked_meeting(session, forum, 2)
    set_unavailable(session, p["atlas"].id, forum.slots[2].id, "flight late")
    instance = export_problem(session, time_limit_s=5)
    report = store_schedule(session, instance, solve(instance, time_limit_s=5))
    assert (locked.slot_id, locked.table_id) == (forum.slots[2].id, forum.tables[1].id)
    notes = [line for line in report.lines() if line.startswith("Note: ")]
    assert any("Atlas Offshore – Maroc Soft is kept where it was placed by hand, but: "
               "Atlas Offshore cannot attend" in line and "flight late" in line
               for line in notes), notes
    assert "; 1 locked or placed by hand left as it was." in report.lines()[0]


def test_an_infeasible_answer_stores_nothing(session: Session, forum: Forum) -> None:
    for slot in forum.slots:
        set_unavailable(session, forum.p["boston"].id, slot.id, "stuck in Paris")
    instance = export_problem(session, time_limit_s=5)
    schedule = solve(instance, time_limit_s=5)
    assert schedule.status == "infeasible"
    with pytest.raises(ConflictError, match="nothing was stored"):
        store_schedule(session, instance, schedule)
    assert session.scalars(select(Meeting)).all() == []


def test_every_stored_meeting_sits_at_a_table_of_its_own_block(session: Session,
                                                                forum: Forum) -> None:
    rabat_slots, rabat_tables = block(session, "B2B Rabat", 16, 1)
    assign_table(session, forum.tables[0].id, forum.p["casa"].id)
    for slot in forum.slots:  # everything must happen in Rabat, one table at a time
        set_unavailable(session, forum.p["boston"].id, slot.id, "in Rabat")
    instance = export_problem(session, time_limit_s=5)
    report = store_schedule(session, instance, solve(instance, time_limit_s=5))
    meetings = session.scalars(select(Meeting)).all()
    assert report.created == len(meetings) >= 2
    for meeting in meetings:
        assert meeting.table.session_id == meeting.slot.session_id
        if forum.p["casa"].id in (meeting.participant_a_id, meeting.participant_b_id) \
                and meeting.slot.session_id == forum.slots[0].session_id:
            assert meeting.table_id == forum.tables[0].id
    in_rabat = [m for m in meetings if m.slot_id in {s.id for s in rabat_slots}]
    assert len({m.slot_id for m in in_rabat}) == len(in_rabat)  # one table: one per slot
    assert all(m.table_id == rabat_tables[0].id for m in in_rabat)


def test_a_table_kept_by_a_host_is_left_to_it_even_when_it_is_free(
        session: Session, forum: Forum) -> None:
    p = forum.p
    assign_table(session, forum.tables[1].id, p["maroc"].id)
    guests = [team(session, name, Side.DELEGATION, ["en"]) for name in ("Ottawa IT", "Quebec BPO")]
    hosts = [team(session, name, Side.HOST, ["en"]) for name in ("Rabat Net", "Fes Cloud")]
    for guest, host in zip(guests, hosts, strict=True):
        add_request(session, RequestInput(guest.id, host.id, 1, RequestStatus.ACCEPTED))
        for slot in forum.slots[1:]:  # both pairs can meet only in the first slot
            set_unavailable(session, guest.id, slot.id, "site visit")
    instance = export_problem(session, time_limit_s=5)
    assert all(slot.held == (("T2", f"p{p['maroc'].id}"),) for slot in instance.slots)
    # Maroc keeps T2 even when it has no meeting: one table is left for the two pairs.
    schedule = solve(instance, time_limit_s=5)
    assert schedule.status == "infeasible"
    assert {v.kind for v in check(instance, schedule)} <= {"missing"}
    for slot in forum.slots[1:]:
        clear_unavailable(session, guests[1].id, slot.id)
    instance = export_problem(session, time_limit_s=5)
    schedule = solve(instance, time_limit_s=5)
    assert check(instance, schedule) == []
    report = store_schedule(session, instance, schedule)
    assert report.unplaced == []
    for meeting in session.scalars(select(Meeting)):
        holds = p["maroc"].id in (meeting.participant_a_id, meeting.participant_b_id)
        assert (meeting.table_id == forum.tables[1].id) == holds


def test_the_store_report_counts_in_words_and_tells_each_change() -> None:
    from desktop.b2b.bridge import Move, StoreReport

    report = StoreReport(created=1, unchanged=1, untouched=1, replan=True,
                         interpreters=["Atlas – Maroc: Zoë Haddad → no interpreter"],
                         moves=[Move(7, "Atlas – Maroc", "Table 5", "Table 8",
                                     same_time="May 15, 2007 at 10:40 AM")])
    lines = report.lines()
    assert lines[0] == ("1 meeting created, 1 moved, 1 unchanged, 0 removed, 1 with another "
                        "interpreter; 1 locked or placed by hand left as it was.")
    assert lines[1] == ("Moved: Atlas – Maroc: at the same time (May 15, 2007 at 10:40 AM), "
                        "from Table 5 to Table 8")
    assert lines[2] == "Interpreter: Atlas – Maroc: Zoë Haddad → no interpreter"
