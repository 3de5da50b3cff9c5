"""What the last automatic scheduling proved is kept, and shown only while it still holds."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.b2b.meetings import move_meeting
from desktop.b2b.mission_commands import MissionCounts
from desktop.b2b.requests import set_request_status
from desktop.b2b.runs import latest_run, record_run
from desktop.db.enums import RequestStatus
from desktop.db.missionfile import MissionFile
from desktop.db.models import B2BTable, Meeting, MeetingRequest, Organization, SchedulingRun
from desktop.i18n import set_language
from tests.b2b.test_mission_commands import add_rabat_block, mission, run

__all__ = ["mission"]  # the fixture: a block of three slots, two tables, three requests


def test_no_run_until_the_meetings_are_scheduled(mission: Path) -> None:
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        assert latest_run(session) is None


def test_a_proved_schedule_says_so_until_a_meeting_moves(mission: Path) -> None:
    assert run(["schedule", "--mission", str(mission), "--time-limit", "5", "--quiet"]) == 0
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        record = latest_run(session)
        assert record is not None and record.current and record.status == "optimal"
        assert (record.placed, record.to_place, record.breaks) == (3, 3, 1)  # a triangle
        assert "3 of 3 meetings placed, 1 break in all, proved the fewest possible" in \
            record.text("en")
        assert "prouvé" in record.text("fr")
        meeting = session.scalars(select(Meeting).order_by(Meeting.id)).first()
        assert meeting is not None
        home = meeting.table_id
        other = session.scalars(select(B2BTable.id).where(B2BTable.id != home)).first()
        assert other is not None
        # One meeting per slot (a triangle): the other table of its slot is free.
        move_meeting(session, meeting.id, meeting.slot_id, other)
        session.flush()
        moved = latest_run(session)
        assert moved is not None and not moved.current
        assert "schedule again" in moved.text("en")
        move_meeting(session, meeting.id, meeting.slot_id, home)  # now placed by hand
        session.flush()
        back = latest_run(session)
        assert back is not None and back.current


def test_a_declined_request_withdraws_the_claim(mission: Path) -> None:
    assert run(["schedule", "--mission", str(mission), "--time-limit", "5", "--quiet"]) == 0
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        first = session.scalars(select(MeetingRequest.id)).first()
        assert first is not None
        set_request_status(session, first, RequestStatus.DECLINED)
        session.flush()
        record = latest_run(session)
        assert record is not None and not record.current


def test_an_unproved_schedule_gives_its_bound_and_an_infeasible_one_is_not_kept(
        mission: Path) -> None:
    counts = MissionCounts(placed=3, to_place=3, required=3, required_placed=3,
                           per_priority=(3, 0, 0), breaks=4, bound_breaks=2,
                           status="feasible", seconds=60.0)
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        assert record_run(session, counts, replan=False, max_break_spread=2) is not None
        record = latest_run(session)
        assert record is not None and record.current
        assert "4 breaks in all; no schedule placing as many has fewer than 2" in \
            record.text("en")
        infeasible = MissionCounts(placed=1, to_place=3, required=3, required_placed=1,
                                   per_priority=(1, 0, 0), breaks=0, bound_breaks=0,
                                   status="infeasible", seconds=5.0)
        assert record_run(session, infeasible, replan=False, max_break_spread=2) is None
        assert len(session.scalars(select(SchedulingRun)).all()) == 1


def test_the_claim_holds_whatever_the_interface_language_or_the_names(mission: Path) -> None:
    # A second block with fewer tables: the problem then names placeholder tables in the
    # interface's language.
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        add_rabat_block(session)
    assert run(["schedule", "--mission", str(mission), "--time-limit", "5", "--quiet"]) == 0
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        set_language("fr")
        try:
            french = latest_run(session)
        finally:
            set_language("en")
        assert french is not None and french.current
        atlas = session.scalars(select(Organization).where(Organization.name == "Atlas")).one()
        atlas.name = "Atlas Offshore Services"
        session.flush()
        renamed = latest_run(session)
        assert renamed is not None and renamed.current


def test_the_reasons_of_a_request_left_out_outlive_the_session(mission: Path) -> None:
    from desktop.b2b.requests import RequestInput, add_request
    from desktop.b2b.runs import left_out_reasons
    from desktop.b2b.setup import ensure_participant, list_slots, set_unavailable
    from desktop.db.enums import Side
    from desktop.roster.organizations import OrganizationInput, add_organization

    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        dakhla = ensure_participant(session, organization_id=add_organization(
            session, OrganizationInput("Dakhla Data", Side.HOST)).id)
        for slot in list_slots(session):
            set_unavailable(session, dakhla.id, slot.id, "site visit")
        atlas = session.scalars(select(Organization).where(Organization.name == "Atlas")).one()
        atlas_team = ensure_participant(session, organization_id=atlas.id)
        add_request(session, RequestInput(atlas_team.id, dakhla.id, 2))
        pair = frozenset((atlas_team.id, dakhla.id))
    assert run(["schedule", "--mission", str(mission), "--time-limit", "5", "--quiet"]) == 0
    with MissionFile.open(mission, backup=False) as opened, opened.transaction() as session:
        record = latest_run(session)
        reasons = left_out_reasons(session, record)
        assert list(reasons) == [pair]
        assert "share no free slot" in reasons[pair]
        # On the summary, the cause alone: the row already says whose line it is.
        from desktop.ui.b2b.summary import summary_lines

        why = summary_lines(session, reasons)[atlas_team.id].unplaced
        assert why == ["Dakhla Data is unavailable in every slot"]
        assert summary_lines(session, {})[dakhla.id].unplaced == ["Atlas: not scheduled yet"]
        first = session.scalars(select(MeetingRequest.id)).first()
        assert first is not None
        set_request_status(session, first, RequestStatus.DECLINED)
        session.flush()
        assert left_out_reasons(session, latest_run(session)) == {}
