"""A small forum for the B2B page: one block of three slots, two tables, four teams."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop.b2b.meetings import create_meeting
from desktop.b2b.requests import RequestInput, add_request
from desktop.b2b.setup import ensure_participant, generate_slots, set_tables
from desktop.db.enums import Category, MeetingOrigin, RequestStatus, SessionKind, Side, Status
from desktop.db.missionfile import MissionFile
from desktop.missions import MissionInput, create_mission
from desktop.program.sessions import ProgramSessionInput, add_program_session
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person


@dataclass
class Forum:
    """Ids of the small forum: ``slots[n]``, ``tables[n]``, teams and meetings by name."""

    path: Path
    slots: list[int]
    tables: list[int]
    teams: dict[str, int]
    meetings: dict[str, int]


def _team(session: Session, name: str, side: Side) -> int:
    org = add_organization(session, OrganizationInput(name, side))
    add_person(session, PersonInput("Pat", name.split()[0], Category.DELEGATE
                                    if side == Side.DELEGATION else Category.HOST,
                                    Status.CONFIRMED, organization_id=org.id, languages=["en"]))
    return ensure_participant(session, organization_id=org.id).id


@pytest.fixture
def forum(tmp_path: Path) -> Forum:
    """Atlas meets Casa (slot 1, T1) and Maroc (slot 2, T1); Boston meets Maroc (slot 1,
    T2). Both Atlas and Casa asked for their meeting; Boston's request is accepted."""
    path = tmp_path / "forum.mission"
    with MissionFile.create(path) as created, created.transaction() as session:
        create_mission(session, MissionInput("Forum", date(2007, 5, 14), date(2007, 5, 17)))
        block = add_program_session(session, ProgramSessionInput(
            "B2B Casablanca", SessionKind.B2B_BLOCK, datetime(2007, 5, 15, 9),
            datetime(2007, 5, 15, 10)))
        slots = [s.id for s in generate_slots(session, block.id, 20)]
        tables = [t.id for t in set_tables(session, block.id, 2)]
        teams = {name: _team(session, name, side) for name, side in (
            ("Atlas Offshore", Side.DELEGATION), ("Boston Code", Side.DELEGATION),
            ("Maroc Soft", Side.HOST), ("Casa Data", Side.HOST))}
        a, b, m, c = (teams[n] for n in ("Atlas Offshore", "Boston Code", "Maroc Soft",
                                         "Casa Data"))
        add_request(session, RequestInput(a, c, 1))
        add_request(session, RequestInput(c, a, 2))
        add_request(session, RequestInput(a, m, 2))
        add_request(session, RequestInput(b, m, 2, RequestStatus.ACCEPTED))
        meetings = {
            "atlas-casa": create_meeting(session, a, c, slots[0], tables[0],
                                         origin=MeetingOrigin.AUTO).id,
            "atlas-maroc": create_meeting(session, a, m, slots[1], tables[0],
                                          origin=MeetingOrigin.AUTO).id,
            "boston-maroc": create_meeting(session, b, m, slots[0], tables[1],
                                           origin=MeetingOrigin.AUTO).id}
    return Forum(path, slots, tables, teams, meetings)
