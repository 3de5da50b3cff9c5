"""Each travel check finds what it should, names the record and says when, in local time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.checks import Finding, Ref, mission_findings
from desktop.db.enums import Audience, Category, RoomType, SessionKind, Side, VenueKind
from desktop.db.models import (
    B2BParticipant,
    B2BSlot,
    B2BTable,
    FlightSegment,
    HotelStay,
    Meeting,
    Organization,
    Person,
    ProgramSession,
    Venue,
)
from desktop.travel import checks
from desktop.travel.hotels import HotelStayInput, RoomBlockInput, add_block, add_stay
from desktop.travel.journeys import OPEN_END, OPEN_START

Fly = Callable[..., FlightSegment]


def may(day: int) -> date:
    return date(2007, 5, day)


def messages(found: list[Finding]) -> list[str]:
    return [f.message for f in found]


@pytest.fixture
def traveller(person: Callable[..., Person], fly: Fly) -> Callable[..., Person]:
    """A delegate landing at CMN on 14 May 06:30 and leaving on 18 May 11:00 (UTC+00)."""

    def make(given: str = "Ann", family: str = "Able", lands: str = "2007-05-14 06:30",
             departs: str = "2007-05-13 18:00", **extra: object) -> Person:
        who = person(given, family, **extra)
        fly(who, "AT 201", "JFK", departs, "CMN", lands)
        fly(who, "AT 200", "CMN", "2007-05-18 11:00", "JFK", "2007-05-18 13:30")
        return who

    return make


def b2b_meeting(session: Session, a: B2BParticipant, b: B2BParticipant, day: int,
                hour: int) -> Meeting:
    venue = Venue(name="Office des Foires", kind=VenueKind.CONFERENCE_CENTRE,
                  city="Casablanca", timezone="Africa/Casablanca")
    block = ProgramSession(title="B2B", kind=SessionKind.B2B_BLOCK, venue=venue,
                           starts_at=datetime(2007, 5, day, 9),
                           ends_at=datetime(2007, 5, day, 18))
    slot = B2BSlot(block=block, starts_at=datetime(2007, 5, day, hour),
                   ends_at=datetime(2007, 5, day, hour, 30))
    table = B2BTable(block=block, name="T1")
    meeting = Meeting(participant_a=a, participant_b=b, slot=slot, table=table)
    session.add(meeting)
    session.flush()
    return meeting


def test_unavailable_windows_are_before_landing_and_after_leaving(
        session: Session, traveller: Callable[..., Person]) -> None:
    who = traveller()
    assert checks.unavailable_windows(session, who.id) == [
        (OPEN_START, datetime(2007, 5, 14, 6, 30, tzinfo=UTC)),
        (datetime(2007, 5, 18, 11, 0, tzinfo=UTC), OPEN_END)]


def test_a_short_connection_is_flagged_on_the_second_leg(
        session: Session, person: Callable[..., Person], fly: Fly) -> None:
    who = person()
    fly(who, "AF 7", "SFO", "2007-05-12 15:00", "CDG", "2007-05-13 10:40")
    second = fly(who, "AF 1396", "CDG", "2007-05-13 11:10", "CMN", "2007-05-13 13:00")
    assert checks.connection_findings(session) == [Finding(
        "Jane Doe has 30 minutes at CDG between AF 7 (lands 2007-05-13 10:40 CEST) and "
        "AF 1396 (leaves 2007-05-13 11:10 CEST); the mission asks for at least 60.",
        Ref("flight", second.id), "warning", "flights")]


def test_a_flight_landing_before_it_leaves_slipped_in_by_an_import_is_an_error(
        session: Session, person: Callable[..., Person]) -> None:
    who = person()
    session.execute(sa.text("PRAGMA ignore_check_constraints = ON"))
    leg = FlightSegment(person_id=who.id, carrier="AT", flight_number="201",
                        from_airport="JFK", to_airport="CMN",
                        departs_at=datetime(2007, 5, 13, 22, tzinfo=UTC),
                        arrives_at=datetime(2007, 5, 13, 20, tzinfo=UTC),
                        departure_zone="America/New_York", arrival_zone="Africa/Casablanca")
    session.add(leg)
    session.flush()
    session.execute(sa.text("PRAGMA ignore_check_constraints = OFF"))
    [finding] = checks.flight_order_findings(session)
    assert finding.ref == Ref("flight", leg.id) and finding.severity == "error"
    assert "lands in CMN at 2007-05-13 20:00 UTC+00" in finding.message
    assert "leaves JFK only at 2007-05-13 18:00 EDT" in finding.message


def test_confirmed_visitors_without_a_flight_are_listed_but_locals_are_not(
        session: Session, person: Callable[..., Person],
        organization: Callable[..., Organization]) -> None:
    visitor = person("Joe", "Smith")
    host = organization("Maroc Services", Side.HOST, "MA")
    person("Karim", "Benali", organization_id=host.id, category=Category.HOST,
           nationality="MA")
    assert checks.missing_flight_findings(session) == [Finding(
        "Joe Smith is confirmed and comes from abroad but has no flight yet.",
        Ref("person", visitor.id), "warning", "flights")]


def test_a_meeting_before_landing_is_flagged(session: Session,
                                            traveller: Callable[..., Person],
                                            person: Callable[..., Person]) -> None:
    late = traveller("Lou", "Late", departs="2007-05-14 22:00", lands="2007-05-15 10:00")
    host = person("Karim", "Benali", nationality="MA")
    meeting = b2b_meeting(session, B2BParticipant(person=late), B2BParticipant(person=host),
                          14, 10)
    assert checks.presence_findings(session) == [Finding(
        "Lou Late has a meeting with Karim Benali at 2007-05-14 10:00 UTC+00 but has not "
        "landed yet (lands 2007-05-15 10:00 UTC+00).",
        Ref("meeting", meeting.id), "warning", "presence")]


def test_a_team_is_flagged_only_when_none_of_its_people_is_there(
        session: Session, traveller: Callable[..., Person], person: Callable[..., Person],
        organization: Callable[..., Organization]) -> None:
    company = organization("Atlas Outsourcing")
    traveller("Lou", "Late", departs="2007-05-14 22:00", lands="2007-05-15 10:00",
              organization_id=company.id)
    early = traveller("Eve", "Early", organization_id=company.id)
    host = B2BParticipant(person=person("Karim", "Benali", nationality="MA"))
    team = B2BParticipant(organization=company)
    meeting = b2b_meeting(session, team, host, 14, 10)
    assert checks.presence_findings(session) == []
    session.delete(early)
    session.flush()
    assert messages(checks.presence_findings(session)) == [
        "None of Atlas Outsourcing's confirmed people is in the country for their meeting "
        "with Karim Benali at 2007-05-14 10:00 UTC+00."]
    assert checks.presence_findings(session)[0].ref == Ref("meeting", meeting.id)


def test_programme_sessions_after_leaving_are_flagged_once_per_person(
        session: Session, traveller: Callable[..., Person], hotel: Callable[..., Venue]) -> None:
    who = traveller()
    venue = hotel()
    for day, title in ((17, "Closing dinner"), (18, "Rabat site visit")):
        session.add(ProgramSession(title=title, kind=SessionKind.SITE_VISIT, venue=venue,
                                   starts_at=datetime(2007, 5, day, 19),
                                   ends_at=datetime(2007, 5, day, 22),
                                   audience=Audience.CATEGORY,
                                   audience_category=Category.DELEGATE))
    session.flush()
    assert checks.presence_findings(session) == [Finding(
        "Ann Able has already left (leaves 2007-05-18 11:00 UTC+00), which misses 1 session "
        "they attend: Rabat site visit (2007-05-18 19:00 UTC+00).",
        Ref("person", who.id), "warning", "presence")]


def test_people_without_hotel_nights_and_uncovered_nights(
        session: Session, traveller: Callable[..., Person], hotel: Callable[..., Venue]) -> None:
    ann, bob = traveller("Ann", "Able"), traveller("Bob", "Baker")
    add_stay(session, bob.id, HotelStayInput(hotel().id, may(14), may(16)))
    assert checks.hotel_night_findings(session) == [
        Finding("Ann Able has no hotel night booked; they need 4 nights from May 14, 2007 to "
                "May 17, 2007.", Ref("person", ann.id), "warning", "hotels"),
        Finding("Bob Baker is in the country but has no hotel for the nights of May 16, "
                "May 17.", Ref("person", bob.id), "warning", "hotels")]


def test_overlapping_stays_from_an_import_are_an_error(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue]) -> None:
    who, hyatt, tour = person(), hotel(), hotel("Tour Hassan", "Rabat")
    add_stay(session, who.id, HotelStayInput(hyatt.id, may(13), may(16)))
    second = HotelStay(person_id=who.id, hotel_id=tour.id, check_in=may(15), check_out=may(17))
    session.add(second)
    session.flush()
    assert checks.overlapping_stay_findings(session) == [Finding(
        "Jane Doe has two rooms on the same nights: Hyatt Regency May 13, 2007 → May 16, 2007 and "
        "Tour Hassan May 15, 2007 → May 17, 2007.", Ref("hotel_stay", second.id), "error",
        "hotels")]


def test_an_overbooked_block_is_flagged(session: Session, person: Callable[..., Person],
                                        hotel: Callable[..., Venue]) -> None:
    hyatt = hotel()
    block = add_block(session, RoomBlockInput(hyatt.id, may(14), RoomType.SINGLE, 1))
    for name in ("Ann", "Bob"):
        add_stay(session, person(name, "X").id, HotelStayInput(hyatt.id, may(14), may(15)))
    assert checks.overbooked_block_findings(session) == [Finding(
        "Hyatt Regency on the night of May 14, 2007: 2 single rooms booked for 1 held.",
        Ref("room_block", block.id), "warning", "hotels")]


def test_sharing_must_be_mutual(session: Session, person: Callable[..., Person],
                                hotel: Callable[..., Venue]) -> None:
    hyatt = hotel()
    ann, bob = person("Ann", "Able"), person("Bob", "Baker")
    stay = add_stay(session, ann.id, HotelStayInput(hyatt.id, may(14), may(16), RoomType.TWIN,
                                                    sharing_with_id=bob.id))
    add_stay(session, bob.id, HotelStayInput(hyatt.id, may(14), may(16), RoomType.TWIN))
    assert checks.sharing_findings(session) == [Finding(
        "Ann Able shares a room at Hyatt Regency (May 14, 2007 → May 16, 2007) with Bob Baker, but "
        "Bob Baker's stay there does not say so.", Ref("hotel_stay", stay.id), "warning",
        "hotels")]


def test_travel_checks_join_the_mission_problems_list(
        session: Session, person: Callable[..., Person]) -> None:
    person("Joe", "Smith")
    assert "Joe Smith is confirmed and comes from abroad but has no flight yet." in messages(
        mission_findings(session))
    assert messages(checks.travel_findings(session)) == [
        "Joe Smith is confirmed and comes from abroad but has no flight yet.",
        "Joe Smith has no hotel night booked; they need 4 nights from May 14, 2007 to "
        "May 17, 2007."]
