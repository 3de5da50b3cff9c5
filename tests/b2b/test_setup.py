"""B2B setup: slots cut from a block, tables, participants, interpreters and who is free when."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.b2b.setup import (
    InterpreterInput,
    add_interpreter,
    all_unavailable_slots,
    assign_table,
    block_availability,
    clear_unavailable,
    ensure_participant,
    fixed_table,
    generate_slots,
    interpreter_unavailable_slots,
    list_blocks,
    list_participants,
    list_tables,
    participant_languages,
    participant_name,
    set_interpreter_unavailable,
    set_tables,
    set_unavailable,
    unavailable_slots,
)
from desktop.db.enums import Audience, Category, MeetingOrigin, SessionKind, Side, Status
from desktop.db.models import B2BParticipant, B2BSlot, FlightSegment, Meeting, ProgramSession
from desktop.errors import ConflictError, NotFoundError, ValidationError
from desktop.program.sessions import ProgramSessionInput, add_program_session
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person


def block(session: Session, start: int = 9, end: tuple[int, int] = (17, 20),
          day: int = 15, title: str = "B2B Casablanca") -> ProgramSession:
    return add_program_session(session, ProgramSessionInput(
        title, SessionKind.B2B_BLOCK, datetime(2007, 5, day, start),
        datetime(2007, 5, day, *end)))


def team(session: Session, name: str, side: Side, *people: tuple[str, list[str]],
         status: Status = Status.CONFIRMED) -> B2BParticipant:
    org = add_organization(session, OrganizationInput(name, side))
    for given, languages in people:
        add_person(session, PersonInput(given, name.split()[0], Category.DELEGATE
                                        if side == Side.DELEGATION else Category.HOST, status,
                                        organization_id=org.id, languages=languages))
    return ensure_participant(session, organization_id=org.id)


def fly(session: Session, person_id: int, code: str, origin: str, destination: str,
        departs: datetime, arrives: datetime, dep_zone: str, arr_zone: str) -> None:
    session.add(FlightSegment(person_id=person_id, carrier=code[:2], flight_number=code[3:],
                              from_airport=origin, to_airport=destination, departs_at=departs,
                              arrives_at=arrives, departure_zone=dep_zone,
                              arrival_zone=arr_zone))
    session.flush()


def hhmm(slots: list[B2BSlot]) -> list[str]:
    return [f"{s.starts_at:%H:%M}-{s.ends_at:%H:%M} {s.part}" for s in slots]


# -- slots ----------------------------------------------------------------------------------


def test_twenty_minute_slots_around_the_lunch_pause(session: Session) -> None:
    slots = generate_slots(session, block(session).id, 20)
    assert len(slots) == 11 + 10
    assert hhmm(slots)[:2] == ["09:00-09:20 am", "09:20-09:40 am"]
    assert hhmm(slots)[10:12] == ["12:20-12:40 am", "14:00-14:20 pm"]
    assert hhmm(slots)[-1] == "17:00-17:20 pm"


def test_a_slot_never_runs_into_a_pause(session: Session) -> None:
    slots = generate_slots(session, block(session, end=(13, 0)).id, 30,
                           pauses=[(time(10, 45), time(11, 0))])
    assert hhmm(slots) == ["09:00-09:30 am", "09:30-10:00 am", "10:00-10:30 am",
                           "11:00-11:30 pm", "11:30-12:00 pm", "12:00-12:30 pm",
                           "12:30-13:00 pm"]


def test_coffee_breaks_do_not_start_a_session(session: Session) -> None:
    # The longest pause (lunch) divides the morning from the afternoon; the others are
    # coffee breaks inside a session.
    slots = generate_slots(session, block(session).id, 20,
                           pauses=[(time(10, 20), time(10, 40)), (time(12, 40), time(14, 0)),
                                   (time(15, 20), time(15, 50))])
    assert {s.part for s in slots} == {"am", "pm"}
    assert hhmm(slots)[3:5] == ["10:00-10:20 am", "10:40-11:00 am"]
    assert [t for t in hhmm(slots) if t.startswith(("15:00", "15:50"))] == [
        "15:00-15:20 pm", "15:50-16:10 pm"]
    assert hhmm(slots)[-1] == "16:50-17:10 pm"


def test_regenerating_replaces_slots_but_not_under_meetings(session: Session) -> None:
    b = block(session)
    generate_slots(session, b.id, 20)
    slots = generate_slots(session, b.id, 30)
    assert len(session.scalars(select(B2BSlot)).all()) == len(slots)
    assert b.slot_minutes == 30
    tables = set_tables(session, b.id, 1)
    x = team(session, "Atlas Offshore", Side.DELEGATION, ("Ann", ["en"]))
    y = team(session, "Maroc Soft", Side.HOST, ("Karim", ["fr"]))
    session.add(Meeting(participant_a_id=x.id, participant_b_id=y.id, slot_id=slots[0].id,
                        table_id=tables[0].id, origin=MeetingOrigin.MANUAL))
    session.flush()
    with pytest.raises(ConflictError, match="already holds 1 meeting"):
        generate_slots(session, b.id, 20)


def test_bad_slot_settings_are_refused(session: Session) -> None:
    b = block(session)
    with pytest.raises(ValidationError, match="more than zero"):
        generate_slots(session, b.id, 0)
    with pytest.raises(ValidationError, match="No 600-minute slot fits"):
        generate_slots(session, b.id, 600)
    with pytest.raises(ValidationError, match="ends before it starts"):
        generate_slots(session, b.id, 20, pauses=[(time(14), time(12))])
    visit = add_program_session(session, ProgramSessionInput(
        "Visit", SessionKind.SITE_VISIT, datetime(2007, 5, 15, 9), datetime(2007, 5, 15, 10)))
    with pytest.raises(ValidationError, match="is not a B2B block"):
        generate_slots(session, visit.id, 20)
    with pytest.raises(NotFoundError):
        generate_slots(session, 999, 20)


# -- tables ---------------------------------------------------------------------------------


def test_tables_by_count_or_by_name_keep_their_hosts(session: Session) -> None:
    b = block(session)
    set_tables(session, b.id, 3)
    assert [t.name for t in list_tables(session, b.id)] == ["T1", "T2", "T3"]
    host = team(session, "Maroc Soft", Side.HOST, ("Karim", ["fr"]))
    t2 = list_tables(session, b.id)[1]
    assign_table(session, t2.id, host.id)
    set_tables(session, b.id, ["Atlas", "T2"])
    tables = list_tables(session, b.id)
    assert [t.name for t in tables] == ["Atlas", "T2"]
    assert fixed_table(session, host.id, b.id) == tables[1]
    with pytest.raises(ValidationError, match="given twice"):
        set_tables(session, b.id, ["A", "a"])


def test_a_host_keeps_one_table_and_a_table_has_one_host(session: Session) -> None:
    b = block(session)
    t1, t2 = set_tables(session, b.id, 2)
    karim = team(session, "Maroc Soft", Side.HOST, ("Karim", ["fr"]))
    leila = team(session, "Casa Data", Side.HOST, ("Leila", ["fr"]))
    assign_table(session, t1.id, karim.id)
    with pytest.raises(ConflictError, match="Table T1 is already kept by Maroc Soft"):
        assign_table(session, t1.id, leila.id)
    assign_table(session, t2.id, karim.id)  # moves
    assert fixed_table(session, karim.id, b.id) == t2
    assert t1.participant_id is None


# -- participants ---------------------------------------------------------------------------


def test_participants_are_made_once_and_named(session: Session) -> None:
    atlas = team(session, "Atlas Offshore", Side.DELEGATION, ("Ann", ["en"]), ("Bo", ["es"]))
    again = ensure_participant(session, organization_id=atlas.organization_id)
    assert again.id == atlas.id
    assert participant_name(session, atlas.id) == "Atlas Offshore"
    assert participant_languages(session, atlas.id) == ["en", "es"]
    with pytest.raises(ValidationError, match="either an organisation or a person"):
        ensure_participant(session)
    solo = add_person(session, PersonInput("Omar", "Alami", Category.HOST, Status.CONFIRMED,
                                           languages=["ar", "fr"]))
    person = ensure_participant(session, person_id=solo.id)
    assert participant_name(session, person.id) == "Omar Alami"
    assert [p.name for p in list_participants(session, Side.HOST)] == ["Omar Alami"]


def test_participants_are_listed_by_name_whatever_the_accents(session: Session) -> None:
    for name in ("Atlas Offshore", "Aïn Sebaâ Networks", "Cèdre Ingénierie", "Corniche BPO"):
        team(session, name, Side.HOST)
    assert [p.name for p in list_participants(session)] == [
        "Aïn Sebaâ Networks", "Atlas Offshore", "Cèdre Ingénierie", "Corniche BPO"]


def test_languages_come_from_confirmed_people_only(session: Session) -> None:
    atlas = team(session, "Atlas Offshore", Side.DELEGATION, ("Ann", ["en"]))
    add_person(session, PersonInput("Zed", "Atlas", Category.DELEGATE, Status.INVITED,
                                    organization_id=atlas.organization_id, languages=["de"]))
    assert participant_languages(session, atlas.id) == ["en"]


# -- availability ---------------------------------------------------------------------------


def test_a_flight_landing_at_eleven_rules_out_the_morning(session: Session) -> None:
    slots = generate_slots(session, block(session).id, 20)
    atlas = team(session, "Atlas Offshore", Side.DELEGATION, ("Ann", ["en"]))
    ann = atlas.organization.people[0]  # type: ignore[union-attr]
    fly(session, ann.id, "AT 201", "JFK", "CMN", datetime(2007, 5, 14, 23, tzinfo=UTC),
        datetime(2007, 5, 15, 11, tzinfo=UTC), "America/New_York", "Africa/Casablanca")
    busy = unavailable_slots(session, atlas.id)
    assert busy[slots[0].id] == "lands at 11:00 AM on AT 201"
    # Landing at 11:00, then an hour and a half to clear the airport and drive in: the
    # 12:20 slot is still too early, the afternoon is free.
    free = [f"{s.starts_at:%H:%M}" for s in slots if s.id not in busy]
    assert free[0] == "14:00"
    assert len(free) == 10


def test_a_team_is_available_while_one_of_its_people_is_there(session: Session) -> None:
    slots = generate_slots(session, block(session).id, 20)
    atlas = team(session, "Atlas Offshore", Side.DELEGATION, ("Ann", ["en"]), ("Bob", ["en"]))
    ann, bob = atlas.organization.people  # type: ignore[union-attr]
    fly(session, ann.id, "AT 201", "JFK", "CMN", datetime(2007, 5, 14, 23, tzinfo=UTC),
        datetime(2007, 5, 15, 11, tzinfo=UTC), "America/New_York", "Africa/Casablanca")
    assert unavailable_slots(session, atlas.id) == {}
    fly(session, bob.id, "AF 1396", "CDG", "CMN", datetime(2007, 5, 15, 7, tzinfo=UTC),
        datetime(2007, 5, 15, 10, tzinfo=UTC), "Europe/Paris", "Africa/Casablanca")
    busy = unavailable_slots(session, atlas.id)
    assert busy[slots[0].id] == ("Ann Atlas: lands at 11:00 AM on AT 201; "
                                 "Bob Atlas: lands at 10:00 AM on AF 1396")
    assert slots[-1].id not in busy


def test_leaving_early_rules_out_the_afternoon(session: Session) -> None:
    slots = generate_slots(session, block(session).id, 20)
    atlas = team(session, "Atlas Offshore", Side.DELEGATION, ("Ann", ["en"]))
    ann = atlas.organization.people[0]  # type: ignore[union-attr]
    fly(session, ann.id, "AT 200", "CMN", "JFK", datetime(2007, 5, 15, 18, tzinfo=UTC),
        datetime(2007, 5, 16, 1, tzinfo=UTC), "Africa/Casablanca", "America/New_York")
    busy = unavailable_slots(session, atlas.id)
    late = [s for s in slots if s.id in busy]
    # Three hours before an 18:00 flight: the 14:40 slot ends at 15:00 and is the last one.
    assert f"{late[0].starts_at:%H:%M}" == "15:00"
    assert busy[late[0].id] == "flies out at 6:00 PM on AT 200"


def test_a_site_visit_makes_its_people_unavailable(session: Session) -> None:
    slots = generate_slots(session, block(session).id, 20)
    atlas = team(session, "Atlas Offshore", Side.DELEGATION, ("Ann", ["en"]))
    ann = atlas.organization.people[0]  # type: ignore[union-attr]
    add_program_session(session, ProgramSessionInput(
        "Site visit to Technopark", SessionKind.SITE_VISIT, datetime(2007, 5, 15, 9, 30),
        datetime(2007, 5, 15, 10, 30), audience=Audience.LIST, attendee_ids=[ann.id]))
    busy = unavailable_slots(session, atlas.id)
    assert [f"{s.starts_at:%H:%M}" for s in slots if s.id in busy] == ["09:20", "09:40",
                                                                        "10:00", "10:20"]
    assert set(busy.values()) == {"at “Site visit to Technopark”"}


def test_unavailability_set_by_hand_keeps_its_reason(session: Session) -> None:
    slots = generate_slots(session, block(session).id, 20)
    atlas = team(session, "Atlas Offshore", Side.DELEGATION, ("Ann", ["en"]))
    set_unavailable(session, atlas.id, slots[3].id, "  board call ")
    set_unavailable(session, atlas.id, slots[4].id)
    assert unavailable_slots(session, atlas.id) == {slots[3].id: "board call",
                                                    slots[4].id: "marked unavailable"}
    clear_unavailable(session, atlas.id, slots[4].id)
    assert all_unavailable_slots(session) == {atlas.id: {slots[3].id: "board call"}}


# -- interpreters ---------------------------------------------------------------------------


def test_interpreters_speak_two_languages_at_least(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        add_interpreter(session, InterpreterInput(" ", ["fr"]))
    assert {p.field for p in caught.value.problems} == {"name", "languages"}
    with pytest.raises(ValidationError, match="“xx” is not a language code"):
        add_interpreter(session, InterpreterInput("Nadia", ["fr", "xx"]))
    nadia = add_interpreter(session, InterpreterInput("Nadia", ["AR", "fr", "en", "fr"]))
    assert nadia.languages == ["ar", "fr", "en"]
    slot = generate_slots(session, block(session).id, 20)[0]
    set_interpreter_unavailable(session, nadia.id, slot.id)
    assert interpreter_unavailable_slots(session, nadia.id) == {slot.id}


def test_the_b2b_blocks_in_time_order(session: Session) -> None:
    rabat = block(session, day=16, title="B2B Rabat")
    casa = block(session, day=15)
    add_program_session(session, ProgramSessionInput(
        "Opening", SessionKind.PLENARY, datetime(2007, 5, 15, 8), datetime(2007, 5, 15, 9)))
    assert [b.id for b in list_blocks(session)] == [casa.id, rabat.id]


def test_block_availability_keeps_derived_apart_from_explicit(session: Session) -> None:
    casa, rabat = block(session), block(session, day=16, title="B2B Rabat")
    slots = generate_slots(session, casa.id, 20)
    later = generate_slots(session, rabat.id, 20)
    atlas = team(session, "Atlas Offshore", Side.DELEGATION, ("Ann", ["en"]))
    boston = team(session, "Boston Code", Side.DELEGATION, ("Bea", ["en"]))
    ann = atlas.organization.people[0]  # type: ignore[union-attr]
    fly(session, ann.id, "AT 201", "JFK", "CMN", datetime(2007, 5, 14, 23, tzinfo=UTC),
        datetime(2007, 5, 15, 11, tzinfo=UTC), "America/New_York", "Africa/Casablanca")
    set_unavailable(session, atlas.id, slots[0].id, "board call")
    set_unavailable(session, atlas.id, slots[-1].id, "dinner")
    set_unavailable(session, boston.id, later[0].id, "elsewhere")
    found = block_availability(session, casa.id)
    assert found.explicit == {atlas.id: {slots[0].id: "board call", slots[-1].id: "dinner"}}
    assert found.derived[atlas.id][slots[0].id] == "lands at 11:00 AM on AT 201"
    assert slots[-1].id not in found.derived[atlas.id]
    assert boston.id not in found.derived and boston.id not in found.explicit
