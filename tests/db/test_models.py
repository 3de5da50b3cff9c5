"""The schema itself protects the data, whatever code writes to it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import Category, MeetingStatus, SessionKind, Side
from desktop.db.models import (
    B2BParticipant,
    B2BSlot,
    B2BTable,
    FlightSegment,
    HotelStay,
    Meeting,
    MeetingRequest,
    Mission,
    Organization,
    Person,
    ProgramSession,
    Venue,
)

T0 = datetime(2007, 5, 15, 9, 0)


def person(session: Session, given: str = "Samir", family: str = "Alami",
           organization: Organization | None = None) -> Person:
    record = Person(given_name=given, family_name=family, category=Category.HOST,
                    organization=organization)
    session.add(record)
    session.flush()
    return record


def refused(session: Session, *records: object) -> None:
    """Adding ``records`` must be refused by the database itself."""
    with pytest.raises(sa.exc.IntegrityError), session.begin_nested():
        session.add_all(records)
        session.flush()


def b2b_block(session: Session) -> tuple[ProgramSession, B2BSlot, B2BTable, B2BTable]:
    block = ProgramSession(title="B2B Casablanca", kind=SessionKind.B2B_BLOCK, starts_at=T0,
                           ends_at=T0 + timedelta(hours=3), slot_minutes=20)
    session.add(block)
    session.flush()
    slot = B2BSlot(session_id=block.id, starts_at=T0, ends_at=T0 + timedelta(minutes=20),
                   part="am")
    t1 = B2BTable(session_id=block.id, name="T1", position=1)
    t2 = B2BTable(session_id=block.id, name="T2", position=2)
    session.add_all([slot, t1, t2])
    session.flush()
    return block, slot, t1, t2


def team(session: Session, name: str, side: Side) -> B2BParticipant:
    organization = Organization(name=name, side=side)
    session.add(organization)
    session.flush()
    participant = B2BParticipant(organization_id=organization.id)
    session.add(participant)
    session.flush()
    return participant


def test_a_file_holds_one_mission(session: Session) -> None:
    refused(session, Mission(id=2, name="Another", start_date=date(2007, 5, 1),
                             end_date=date(2007, 5, 2)))


def test_blank_names_and_unknown_vocabulary_are_refused(session: Session) -> None:
    refused(session, Organization(name="   ", side=Side.HOST))
    with pytest.raises(sa.exc.DBAPIError), session.begin_nested():
        session.execute(sa.text(
            "INSERT INTO person (given_name, family_name, badge_name, job_title, email, phone,"
            " category, status, languages, document_language, passport_number, dietary_needs,"
            " accessibility_needs, notes, created_at, updated_at) VALUES ('A', 'B', '', '', '',"
            " '', 'astronaut', 'invited', '[]', 'en', '', '', '', '', '2007-01-01',"
            " '2007-01-01')"))


def test_organisation_names_are_unique(session: Session) -> None:
    session.add(Organization(name="Atlas Offshore", side=Side.DELEGATION))
    session.flush()
    refused(session, Organization(name="Atlas Offshore", side=Side.HOST))


def test_programme_sessions_end_after_they_start(session: Session) -> None:
    refused(session, ProgramSession(title="Plenary", kind=SessionKind.PLENARY, starts_at=T0,
                                    ends_at=T0))


def test_flights_land_after_they_leave_in_utc(session: Session) -> None:
    someone = person(session)
    leaves = datetime(2007, 5, 13, 22, 0, tzinfo=UTC)
    refused(session, FlightSegment(person_id=someone.id, carrier="AT", flight_number="201",
                                   from_airport="JFK", to_airport="CMN", departs_at=leaves,
                                   arrives_at=leaves - timedelta(minutes=1),
                                   departure_zone="America/New_York",
                                   arrival_zone="Africa/Casablanca"))


def test_flights_name_known_airports(session: Session) -> None:
    someone = person(session)
    leaves = datetime(2007, 5, 13, 22, 0, tzinfo=UTC)
    refused(session, FlightSegment(person_id=someone.id, carrier="AT", flight_number="201",
                                   from_airport="XXX", to_airport="CMN", departs_at=leaves,
                                   arrives_at=leaves + timedelta(hours=7),
                                   departure_zone="America/New_York",
                                   arrival_zone="Africa/Casablanca"))


def test_instants_must_carry_a_time_zone(session: Session) -> None:
    someone = person(session)
    with pytest.raises(sa.exc.StatementError, match="time zone"), session.begin_nested():
        session.add(FlightSegment(person_id=someone.id, carrier="AT", flight_number="201",
                                  from_airport="JFK", to_airport="CMN",
                                  departs_at=datetime(2007, 5, 13, 18, 0),
                                  arrives_at=datetime(2007, 5, 14, 6, 30),
                                  departure_zone="America/New_York",
                                  arrival_zone="Africa/Casablanca"))
        session.flush()


def test_instants_come_back_in_utc(session: Session) -> None:
    from zoneinfo import ZoneInfo

    someone = person(session)
    leaves = datetime(2007, 5, 13, 18, 0, tzinfo=ZoneInfo("America/New_York"))
    flight = FlightSegment(person_id=someone.id, carrier="AT", flight_number="201",
                           from_airport="JFK", to_airport="CMN", departs_at=leaves,
                           arrives_at=leaves + timedelta(hours=6, minutes=30),
                           departure_zone="America/New_York", arrival_zone="Africa/Casablanca")
    session.add(flight)
    session.flush()
    session.expire_all()
    stored = session.scalar(select(FlightSegment))
    assert stored is not None
    assert stored.departs_at == datetime(2007, 5, 13, 22, 0, tzinfo=UTC)
    assert stored.departs_at.tzinfo is not None


def test_hotel_stays_check_out_after_check_in_and_share_with_someone_else(
        session: Session) -> None:
    someone = person(session)
    hotel = Venue(name="Hôtel Atlas", kind="hotel", timezone="Africa/Casablanca")
    session.add(hotel)
    session.flush()
    refused(session, HotelStay(person_id=someone.id, hotel_id=hotel.id,
                               check_in=date(2007, 5, 15), check_out=date(2007, 5, 15)))
    refused(session, HotelStay(person_id=someone.id, hotel_id=hotel.id,
                               check_in=date(2007, 5, 14), check_out=date(2007, 5, 15),
                               sharing_with_id=someone.id))


def test_meeting_requests_have_a_priority_of_one_to_three_and_are_not_to_oneself(
        session: Session) -> None:
    a = team(session, "Atlas Offshore", Side.DELEGATION)
    b = team(session, "Maroc Data Services", Side.HOST)
    refused(session, MeetingRequest(requester_id=a.id, target_id=b.id, priority=4))
    refused(session, MeetingRequest(requester_id=a.id, target_id=a.id, priority=1))
    session.add(MeetingRequest(requester_id=a.id, target_id=b.id, priority=1))
    session.flush()
    refused(session, MeetingRequest(requester_id=a.id, target_id=b.id, priority=2))


def test_a_participant_is_a_team_or_a_person_never_both(session: Session) -> None:
    organization = Organization(name="Atlas Offshore", side=Side.DELEGATION)
    session.add(organization)
    session.flush()
    someone = person(session, organization=organization)
    refused(session, B2BParticipant())
    refused(session, B2BParticipant(organization_id=organization.id, person_id=someone.id))


def test_a_table_hosts_one_live_meeting_per_slot(session: Session) -> None:
    _block, slot, t1, _t2 = b2b_block(session)
    a = team(session, "Atlas Offshore", Side.DELEGATION)
    b = team(session, "Maroc Data Services", Side.HOST)
    c = team(session, "Casa Nearshore Solutions", Side.HOST)
    cancelled = Meeting(participant_a_id=a.id, participant_b_id=b.id, slot_id=slot.id,
                        table_id=t1.id, status=MeetingStatus.CANCELLED)
    live = Meeting(participant_a_id=a.id, participant_b_id=c.id, slot_id=slot.id,
                   table_id=t1.id)
    session.add_all([cancelled, live])
    session.flush()
    refused(session, Meeting(participant_a_id=b.id, participant_b_id=c.id, slot_id=slot.id,
                             table_id=t1.id))


def test_deleting_a_person_takes_their_flights_and_stays(session: Session) -> None:
    someone = person(session)
    leaves = datetime(2007, 5, 13, 22, 0, tzinfo=UTC)
    session.add(FlightSegment(person_id=someone.id, carrier="AT", flight_number="201",
                              from_airport="JFK", to_airport="CMN", departs_at=leaves,
                              arrives_at=leaves + timedelta(hours=7),
                              departure_zone="America/New_York",
                              arrival_zone="Africa/Casablanca"))
    session.flush()
    session.execute(sa.delete(Person).where(Person.id == someone.id))
    assert session.scalar(select(sa.func.count()).select_from(FlightSegment)) == 0


def test_deleting_an_organisation_keeps_its_people(session: Session) -> None:
    organization = Organization(name="Atlas Offshore", side=Side.DELEGATION)
    session.add(organization)
    session.flush()
    someone = person(session, organization=organization)
    session.execute(sa.delete(Organization).where(Organization.id == organization.id))
    session.expire_all()
    kept = session.get(Person, someone.id)
    assert kept is not None and kept.organization_id is None
