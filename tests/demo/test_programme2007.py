"""The demo's places, four-day programme and B2B set-up."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import RequestStatus, SessionKind, Side, VenueKind
from desktop.db.models import (
    B2BParticipant,
    B2BSlot,
    B2BTable,
    Interpreter,
    InterpreterUnavailability,
    Meeting,
    MeetingRequest,
    Organization,
    ParticipantUnavailability,
    Person,
    ProgramSession,
    Venue,
)
from desktop.demo.programme2007 import request_plan


def _sessions(demo: Session) -> list[ProgramSession]:
    return list(demo.scalars(select(ProgramSession).order_by(ProgramSession.starts_at)))


def test_the_programme_runs_over_the_four_mission_days(demo: Session) -> None:
    days = {s.starts_at.date() for s in _sessions(demo)}
    assert days == {date(2007, 5, d) for d in (14, 15, 16, 17)}


def test_every_session_has_an_english_and_a_french_title(demo: Session) -> None:
    for item in _sessions(demo):
        assert item.title and item.title_fr and item.title != item.title_fr
    titles = {s.title: s for s in _sessions(demo)}
    plenary = titles[
        "Morocco IT Offshoring: Opportunities & Challenges for Global Competitiveness"]
    assert plenary.kind == SessionKind.PLENARY
    assert plenary.starts_at.date() == date(2007, 5, 15)
    assert plenary.title_in("fr").startswith("L'offshoring IT au Maroc")


def test_the_days_follow_the_announced_plan(demo: Session) -> None:
    by_day = {day: {s.kind for s in _sessions(demo) if s.starts_at.day == day}
              for day in (14, 15, 16, 17)}
    assert SessionKind.RECEPTION in by_day[14]
    assert {SessionKind.PLENARY, SessionKind.B2B_BLOCK} <= by_day[15]
    assert {SessionKind.TRANSFER, SessionKind.B2B_BLOCK} <= by_day[16]
    assert SessionKind.SITE_VISIT in by_day[17]
    gala = [s for s in _sessions(demo) if s.title == "Gala dinner"]
    assert gala and gala[0].starts_at.day == 17


def test_b2b_day_one_is_in_casablanca_and_day_two_at_the_rabat_technopark(
        demo: Session) -> None:
    blocks = [s for s in _sessions(demo) if s.kind == SessionKind.B2B_BLOCK]
    assert [b.venue.city for b in blocks if b.venue] == ["Casablanca", "Rabat"]
    assert blocks[1].venue is not None and blocks[1].venue.name == "Technopark Rabat"


def test_b2b_slots_last_twenty_minutes_and_fall_into_morning_and_afternoon(
        demo: Session) -> None:
    blocks = [s for s in _sessions(demo) if s.kind == SessionKind.B2B_BLOCK]
    for block in blocks:
        assert block.slot_minutes == 20
        assert all(s.ends_at - s.starts_at == timedelta(minutes=20) for s in block.slots)
        assert all(block.starts_at <= s.starts_at and s.ends_at <= block.ends_at
                   for s in block.slots)
        assert all((s.part == "am") == (s.starts_at.hour < 13) for s in block.slots)
    casa, rabat = blocks
    assert Counter(s.part for s in casa.slots) == {"am": 7, "pm": 10}
    assert casa.slots[0].starts_at == datetime(2007, 5, 15, 10, 20)
    assert casa.slots[-1].ends_at == datetime(2007, 5, 15, 17, 20)
    assert len(rabat.slots) < len(casa.slots)


def test_the_b2b_blocks_do_not_overlap_the_plenary_or_the_lunches(demo: Session) -> None:
    items = _sessions(demo)
    slots = demo.scalars(select(B2BSlot)).all()
    for item in items:
        if item.kind in (SessionKind.PLENARY, SessionKind.MEAL):
            assert not any(s.starts_at < item.ends_at and item.starts_at < s.ends_at
                           for s in slots), item.title


def test_tables_are_numbered_and_a_few_hosts_keep_theirs(demo: Session) -> None:
    tables = demo.scalars(select(B2BTable)).all()
    per_block = Counter(t.session_id for t in tables)
    assert sorted(per_block.values()) == [16, 20]
    kept = [t for t in tables if t.participant_id is not None]
    assert 2 <= len(kept) <= 4
    assert all(t.participant is not None and t.participant.organization is not None
               and t.participant.organization.side == Side.HOST for t in kept)


def test_each_delegation_and_host_company_is_a_team_participant(demo: Session) -> None:
    participants = demo.scalars(select(B2BParticipant)).all()
    assert all(p.person_id is None for p in participants)
    sides = Counter(p.organization.side for p in participants if p.organization)
    companies = Counter(demo.scalars(select(Organization.side).where(
        Organization.side.in_([Side.DELEGATION, Side.HOST]))))
    assert sides == companies


def test_requests_give_a_feasible_but_real_scheduling_problem(demo: Session) -> None:
    requests = demo.scalars(select(MeetingRequest)).all()
    statuses = Counter(r.status for r in requests)
    assert statuses[RequestStatus.ACCEPTED] > len(requests) // 2
    assert statuses[RequestStatus.REQUESTED] > 0 and statuses[RequestStatus.DECLINED] > 0
    assert {r.priority for r in requests} == {1, 2, 3}
    pairs = {frozenset((r.requester_id, r.target_id)) for r in requests
             if r.status != RequestStatus.DECLINED}
    assert 120 <= len(pairs) <= 200
    asked = {(r.requester_id, r.target_id) for r in requests}
    assert sum((b, a) in asked for a, b in asked) >= 10  # mutual pairs
    slots = len(demo.scalars(select(B2BSlot)).all())
    busiest = Counter(p for pair in pairs for p in pair).most_common(1)[0][1]
    assert busiest <= slots


def test_requests_pair_delegation_with_hosts_only(demo: Session) -> None:
    side = {p.id: p.organization.side for p in demo.scalars(select(B2BParticipant))
            if p.organization}
    for request in demo.scalars(select(MeetingRequest)):
        assert {side[request.requester_id], side[request.target_id]} == {
            Side.DELEGATION, Side.HOST}


def test_the_request_plan_is_the_same_every_time() -> None:
    assert request_plan() == request_plan()


def test_interpreters_bridge_arabic_french_hosts_and_english_only_delegates(
        demo: Session) -> None:
    interpreters = demo.scalars(select(Interpreter)).all()
    assert 2 <= len(interpreters) <= 3
    assert all(i.person_id is not None for i in interpreters)
    assert any({"ar", "fr", "en"} <= set(i.languages) for i in interpreters)
    people = demo.scalars(select(Person)).all()
    speaks: dict[int, set[str]] = {}
    for person in people:
        if person.organization_id is not None:
            speaks.setdefault(person.organization_id, set()).update(person.languages)
    org_of = {p.id: p.organization_id for p in demo.scalars(select(B2BParticipant))}
    needs_interpreter = [r for r in demo.scalars(select(MeetingRequest))
                         if not speaks[org_of[r.requester_id]] & speaks[org_of[r.target_id]]]
    assert needs_interpreter
    assert demo.scalars(select(InterpreterUnavailability)).all()


def test_a_few_participants_are_unavailable_for_a_few_slots(demo: Session) -> None:
    rows = demo.scalars(select(ParticipantUnavailability)).all()
    assert 3 <= len(rows) <= 10
    assert any("site visit" in r.reason for r in rows)


def test_the_meetings_placed_by_hand_are_locked_and_conflict_free(demo: Session) -> None:
    meetings = demo.scalars(select(Meeting)).all()
    assert 1 <= len(meetings) <= 3
    assert all(m.locked and m.request is not None for m in meetings)
    assert len({(m.slot_id, m.table_id) for m in meetings}) == len(meetings)
    busy = Counter((m.slot_id, p) for m in meetings
                   for p in (m.participant_a_id, m.participant_b_id))
    assert max(busy.values()) == 1
    unavailable = {(u.participant_id, u.slot_id)
                   for u in demo.scalars(select(ParticipantUnavailability))}
    for meeting in meetings:
        assert meeting.table.participant_id is None
        assert meeting.request is not None and meeting.request.status == RequestStatus.ACCEPTED
        for party in (meeting.participant_a_id, meeting.participant_b_id):
            assert (party, meeting.slot_id) not in unavailable


def test_places_include_the_hotels_the_parks_and_the_airport(demo: Session) -> None:
    venues = demo.scalars(select(Venue)).all()
    kinds = Counter(v.kind for v in venues)
    assert kinds[VenueKind.HOTEL] == 2
    assert {v.city for v in venues if v.kind == VenueKind.HOTEL} == {"Casablanca", "Rabat"}
    airport = [v for v in venues if v.kind == VenueKind.AIRPORT]
    assert [v.iata for v in airport] == ["CMN"]
    names = {v.name for v in venues}
    assert {"Casanearshore", "Technopark Rabat"} <= names
    assert all(v.timezone == "Africa/Casablanca" and v.phone.startswith("+212") for v in venues)
