"""Programme sessions: local times checked in their venue's zone, audiences, clashes."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import Audience, Category, SessionKind, Side, Status, VenueKind
from desktop.db.models import B2BSlot, Person
from desktop.errors import ValidationError
from desktop.program.sessions import (
    ProgramSessionInput,
    add_program_session,
    attendees_of,
    delete_program_session,
    overlapping_sessions,
    people_in_two_places,
    program_session_input,
    program_session_warnings,
    sessions_by_day,
    sessions_of_person,
    update_program_session,
)
from desktop.program.venues import RoomInput, VenueInput, add_room, add_venue
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2007, 5, day, hour, minute)


def item(title: str, start: datetime, end: datetime, kind: SessionKind = SessionKind.PLENARY,
         **kw: object) -> ProgramSessionInput:
    data = ProgramSessionInput(title, kind, start, end)
    for key, value in kw.items():
        setattr(data, key, value)
    return data


@pytest.fixture
def people(session: Session) -> dict[str, Person]:
    atlas = add_organization(session, OrganizationInput("Atlas Offshore", Side.DELEGATION, "US"))
    maroc = add_organization(session, OrganizationInput("Maroc Soft", Side.HOST, "MA"))

    def person(given: str, org: int, category: Category,
               status: Status = Status.CONFIRMED) -> Person:
        return add_person(session, PersonInput(given, "Doe", category, status,
                                               organization_id=org))

    return {"ann": person("Ann", atlas.id, Category.DELEGATE),
            "bob": person("Bob", atlas.id, Category.DELEGATE, Status.CANCELLED),
            "karim": person("Karim", maroc.id, Category.HOST),
            "vip": person("Vera", maroc.id, Category.VIP)}


def test_times_are_local_to_the_venue_and_end_after_start(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        add_program_session(session, item(" ", at(15, 10), at(15, 9)))
    assert {p.field for p in caught.value.problems} == {"title", "ends_at"}


def test_an_aware_time_is_read_in_the_venue_zone(session: Session) -> None:
    from zoneinfo import ZoneInfo

    venue = add_venue(session, VenueInput("Hyatt Regency", VenueKind.HOTEL,
                                          timezone="Africa/Casablanca"))
    utc = ZoneInfo("UTC")
    created = add_program_session(session, item(
        "Opening", datetime(2007, 5, 14, 9, tzinfo=utc), datetime(2007, 5, 14, 10, tzinfo=utc),
        venue_id=venue.id))
    # Casablanca kept UTC+0 in May 2007.
    assert created.starts_at == at(14, 9)
    assert created.starts_at.tzinfo is None


def test_a_room_must_belong_to_the_venue(session: Session) -> None:
    hyatt = add_venue(session, VenueInput("Hyatt", VenueKind.HOTEL))
    sofitel = add_venue(session, VenueInput("Sofitel", VenueKind.HOTEL))
    salon = add_room(session, RoomInput(sofitel.id, "Salon Atlas"))
    with pytest.raises(ValidationError, match="“Salon Atlas” is not at this venue"):
        add_program_session(session, item("Lunch", at(15, 13), at(15, 14), venue_id=hyatt.id,
                                          room_id=salon.id))
    created = add_program_session(session, item("Lunch", at(15, 13), at(15, 14),
                                                room_id=salon.id))
    assert created.venue_id == sofitel.id


def test_an_audience_must_be_named_when_it_says_so(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        add_program_session(session, item("Press", at(15, 9), at(15, 10),
                                          audience=Audience.CATEGORY))
    assert caught.value.problems[0].field == "audience_category"
    with pytest.raises(ValidationError, match="Say which side"):
        add_program_session(session, item("Visit", at(15, 9), at(15, 10),
                                          audience=Audience.SIDE))
    with pytest.raises(ValidationError, match="at least one person"):
        add_program_session(session, item("Dinner", at(15, 20), at(15, 22),
                                          audience=Audience.LIST))


def test_outside_the_mission_dates_is_a_warning_not_a_refusal(session: Session) -> None:
    data = item("Early arrival dinner", at(13, 20), at(13, 22))
    created = add_program_session(session, data)
    warnings = program_session_warnings(session, data)
    assert created.id is not None
    assert [w.severity for w in warnings] == ["warning"]
    assert "outside the mission's dates (May 14, 2007 to May 17, 2007)" in warnings[0].message
    assert program_session_warnings(session, item("Opening", at(14, 9), at(14, 10))) == []


def test_who_attends_each_kind_of_audience(session: Session,
                                           people: dict[str, Person]) -> None:
    everyone = add_program_session(session, item("Opening", at(14, 9), at(14, 10)))
    hosts = add_program_session(session, item("Host briefing", at(14, 11), at(14, 12),
                                              audience=Audience.SIDE, audience_side=Side.HOST))
    vips = add_program_session(session, item("Royal audience", at(14, 15), at(14, 16),
                                             audience=Audience.CATEGORY,
                                             audience_category=Category.VIP))
    listed = add_program_session(session, item(
        "Dinner", at(14, 20), at(14, 22), audience=Audience.LIST,
        attendee_ids=[people["ann"].id, people["karim"].id]))

    def names(ps: object) -> list[str]:
        return [p.given_name for p in attendees_of(session, ps)]  # type: ignore[arg-type]

    assert names(everyone) == ["Ann", "Karim", "Vera"]  # Bob cancelled
    assert names(hosts) == ["Karim", "Vera"]
    assert names(vips) == ["Vera"]
    assert names(listed) == ["Ann", "Karim"]
    assert [s.title for s in sessions_of_person(session, people["karim"].id)] == [
        "Opening", "Host briefing", "Dinner"]


def test_the_programme_by_day(session: Session) -> None:
    add_program_session(session, item("Day two", at(15, 9), at(15, 10)))
    add_program_session(session, item("Late", at(14, 18), at(14, 19)))
    add_program_session(session, item("Early", at(14, 8), at(14, 9)))
    days = sessions_by_day(session)
    assert [(d.day, [s.title for s in ss]) for d, ss in days.items()] == [
        (14, ["Early", "Late"]), (15, ["Day two"])]


def test_overlaps_are_flagged_only_when_people_are_shared(session: Session,
                                                          people: dict[str, Person]) -> None:
    block = add_program_session(session, item("B2B Casablanca", at(15, 9), at(15, 17),
                                              kind=SessionKind.B2B_BLOCK))
    visit = add_program_session(session, item(
        "Site visit to Technopark", at(15, 10), at(15, 12), kind=SessionKind.SITE_VISIT,
        audience=Audience.LIST, attendee_ids=[people["ann"].id]))
    add_program_session(session, item("VIP tea", at(15, 10), at(15, 11),
                                      audience=Audience.CATEGORY,
                                      audience_category=Category.PRESS))
    overlaps = overlapping_sessions(session)
    assert [(o.first.id, o.second.id) for o in overlaps] == [(block.id, visit.id)]
    assert overlaps[0].person_ids == {people["ann"].id}


def test_a_lunch_in_the_pause_of_a_b2b_block_is_no_clash(session: Session) -> None:
    block = add_program_session(session, item("B2B", at(15, 9), at(15, 17),
                                              kind=SessionKind.B2B_BLOCK))
    session.add_all([B2BSlot(session_id=block.id, starts_at=at(15, 9), ends_at=at(15, 12)),
                     B2BSlot(session_id=block.id, starts_at=at(15, 14), ends_at=at(15, 17))])
    session.flush()
    session.refresh(block)
    add_program_session(session, item("Lunch", at(15, 12), at(15, 14), kind=SessionKind.MEAL))
    assert overlapping_sessions(session) == []


def test_people_in_two_places_at_once(session: Session, people: dict[str, Person]) -> None:
    ann, karim = people["ann"].id, people["karim"].id
    add_program_session(session, item("Visit", at(16, 9), at(16, 12), audience=Audience.LIST,
                                      attendee_ids=[ann, karim]))
    add_program_session(session, item("Interview", at(16, 11), at(16, 13),
                                      audience=Audience.LIST, attendee_ids=[ann]))
    add_program_session(session, item("Next", at(16, 13), at(16, 14), audience=Audience.LIST,
                                      attendee_ids=[ann]))
    clashes = people_in_two_places(session)
    assert [(c.person.given_name, c.first.title, c.second.title) for c in clashes] == [
        ("Ann", "Visit", "Interview")]


def test_update_round_trips_and_delete(session: Session, people: dict[str, Person]) -> None:
    created = add_program_session(session, item("Dinner", at(14, 20), at(14, 22),
                                                audience=Audience.LIST,
                                                attendee_ids=[people["ann"].id]))
    data = program_session_input(created)
    data.attendee_ids.append(people["karim"].id)
    data.title = "Gala dinner"
    updated = update_program_session(session, created.id, data)
    assert updated.title == "Gala dinner"
    assert {p.given_name for p in updated.attendees} == {"Ann", "Karim"}
    delete_program_session(session, created.id)
    assert sessions_by_day(session) == {}
