"""The same code on a PostgreSQL server, for a team that shares one mission.

Runs when MISSION_DESK_TEST_POSTGRES holds the URL of an empty database it may fill and empty
(e.g. ``postgresql+psycopg://md:md@localhost/mdtest``); skipped otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.orm import Session

from desktop.db import schema
from desktop.db.base import Base
from desktop.db.enums import Category, Side
from desktop.db.missionfile import MissionFile
from desktop.db.models import ProgramSession
from desktop.errors import ValidationError
from desktop.missions import MissionInput, create_mission
from desktop.overview import mission_counts
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PeopleFilter, PersonInput, add_person, list_people

URL = os.environ.get("MISSION_DESK_TEST_POSTGRES", "")
pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not URL, reason="MISSION_DESK_TEST_POSTGRES is not set")]


def _empty(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def _casablanca(session: Session) -> None:
    create_mission(session, MissionInput(name="Casablanca 2007", start_date=date(2007, 5, 14),
                                         end_date=date(2007, 5, 17)))


def _b2b_block(session: Session, *, until: int, tables: int) -> ProgramSession:
    """A B2B block on 15 May from 09:00 to ``until`` o'clock: 20-minute slots, ``tables``."""
    from datetime import datetime

    from desktop.b2b.setup import generate_slots, set_tables
    from desktop.db.enums import SessionKind
    from desktop.program.sessions import ProgramSessionInput, add_program_session

    block = add_program_session(session, ProgramSessionInput(
        "B2B Casablanca", SessionKind.B2B_BLOCK, datetime(2007, 5, 15, 9),
        datetime(2007, 5, 15, until)))
    generate_slots(session, block.id, 20)
    set_tables(session, block.id, tables)
    return block


@pytest.fixture
def server() -> Iterator[str]:
    _empty(URL)
    yield URL
    _empty(URL)


def test_migrations_build_exactly_the_models_on_postgresql(server: str) -> None:
    engine = sa.create_engine(server)
    with engine.begin() as connection:
        schema.upgrade(connection)
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_a_shared_mission_works_through_the_same_services(server: str) -> None:
    with MissionFile.connect(server, create=True) as mission:
        with mission.transaction() as session:
            _casablanca(session)
            company = add_organization(session, OrganizationInput(
                name="Maroc Data Services", side=Side.HOST, country="MA"))
            add_person(session, PersonInput(given_name="Éloïse", family_name="Benhamou",
                                            category=Category.HOST,
                                            organization_id=company.id,
                                            phone="06 61 23 45 67"))
        with mission.transaction() as session:
            found = list_people(session, PeopleFilter(text="eloise", side=Side.HOST))
            assert [p.phone for p in found] == ["+212661234567"]
            assert mission_counts(session).people == 1
            with pytest.raises(ValidationError, match="already exists"):
                add_organization(session, OrganizationInput(name="maroc data services",
                                                            side=Side.HOST))
    with MissionFile.connect(server) as again, again.transaction() as session:
        assert mission_counts(session).organizations == 1


def test_a_shared_mission_keeps_what_the_automatic_schedule_proved(server: str) -> None:

    from desktop.b2b.mission_commands import MissionCounts
    from desktop.b2b.runs import latest_run, record_run

    with MissionFile.connect(server, create=True) as mission:
        with mission.transaction() as session:
            _casablanca(session)
            _b2b_block(session, until=12, tables=4)
            counts = MissionCounts(placed=0, to_place=0, required=0, required_placed=0,
                                   per_priority=(0, 0, 0), breaks=0, bound_breaks=0,
                                   status="optimal", seconds=0.5)
            assert record_run(session, counts, replan=False, max_break_spread=2) is not None
        with mission.transaction() as session:
            run = latest_run(session)
            assert run is not None and run.current and run.finished_at.tzinfo is not None


def test_two_organisers_cannot_double_book_a_participant_at_once(server: str) -> None:
    """Two organisers move two meetings of one company into the same slot at the same moment,
    each at a free table. Each change alone is valid, so each check passes; the second to
    commit must be refused, in words, and leave the first in place."""

    from desktop.b2b.meetings import create_meeting, move_meeting
    from desktop.b2b.setup import (
        ensure_participant,
        list_slots,
        list_tables,
    )
    from desktop.db.models import Meeting
    from desktop.errors import ConflictError

    with MissionFile.connect(server, create=True) as mission:
        with mission.transaction() as session:
            _casablanca(session)
            block = _b2b_block(session, until=10, tables=3)
            ids = {}
            for name, side in (("Atlas", Side.DELEGATION), ("Boston", Side.DELEGATION),
                               ("Maroc", Side.HOST)):
                org = add_organization(session, OrganizationInput(name, side))
                ids[name] = ensure_participant(session, organization_id=org.id).id
            slots = [s.id for s in list_slots(session)]
            tables = [t.id for t in list_tables(session, block.id)]
            first = create_meeting(session, ids["Atlas"], ids["Maroc"], slots[0], tables[0]).id
            second = create_meeting(session, ids["Boston"], ids["Maroc"], slots[1],
                                    tables[1]).id
        with pytest.raises(ConflictError, match="at the same moment"), \
                mission.transaction() as one:
            move_meeting(one, first, slots[2], tables[0])
            # The other organiser, before the first one's change is committed.
            with mission.transaction() as other:
                move_meeting(other, second, slots[2], tables[1])
        with mission.transaction() as session:
            placed = {m.id: m.slot_id for m in session.query(Meeting)}
        assert list(placed.values()).count(slots[2]) == 1, placed
