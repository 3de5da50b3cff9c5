"""The programme's findings reach the mission's problems list."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from desktop.checks import mission_findings
from desktop.db.enums import Audience, Category, SessionKind, Side, Status
from desktop.program.sessions import ProgramSessionInput, add_program_session
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person


def test_overlaps_and_double_booked_people_are_listed(session: Session) -> None:
    atlas = add_organization(session, OrganizationInput("Atlas Offshore", Side.DELEGATION))
    ann = add_person(session, PersonInput("Ann", "Lee", Category.DELEGATE, Status.CONFIRMED,
                                          organization_id=atlas.id))
    block = add_program_session(session, ProgramSessionInput(
        "B2B Casablanca", SessionKind.B2B_BLOCK, datetime(2007, 5, 15, 9),
        datetime(2007, 5, 15, 17), audience=Audience.SIDE, audience_side=Side.DELEGATION))
    visit = add_program_session(session, ProgramSessionInput(
        "Site visit to Technopark", SessionKind.SITE_VISIT, datetime(2007, 5, 15, 10),
        datetime(2007, 5, 15, 12), audience=Audience.LIST, attendee_ids=[ann.id]))
    add_program_session(session, ProgramSessionInput(
        "Press interview", SessionKind.OTHER, datetime(2007, 5, 15, 11),
        datetime(2007, 5, 15, 13), audience=Audience.LIST, attendee_ids=[ann.id]))
    found = [f for f in mission_findings(session) if f.category == "programme"]
    messages = [f.message for f in found]
    assert any("“B2B Casablanca”" in m and "“Site visit to Technopark”" in m
               and "1 person" in m for m in messages)
    person_findings = [f for f in found if f.ref is not None and f.ref.kind == "person"]
    assert [f.message for f in person_findings] == [
        "Ann Lee is expected at “Site visit to Technopark” and at “Press interview” at the "
        "same time (May 15, 2007 11:00 AM)."]
    assert {f.ref.id for f in found if f.ref and f.ref.kind == "program_session"} >= {visit.id}
    assert block.id is not None
