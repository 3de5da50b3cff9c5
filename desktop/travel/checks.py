"""Travel's entries in the problems list, registered on import.

Each finding names the record to open (a flight, a stay, a block, a meeting, a person) and
says who, what and when, with local times and their zone. Also home of
:func:`unavailable_windows`, which the B2B scheduler uses to keep meetings to when people are
in the country.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import TypeVar

from sqlalchemy import event, select
from sqlalchemy.orm import Session, selectinload

from desktop.checks import Finding, Ref, register_check
from desktop.db.enums import MeetingStatus, SessionKind, Status, label
from desktop.db.models import (
    B2BParticipant,
    B2BSlot,
    FlightSegment,
    HotelStay,
    Meeting,
    Person,
    ProgramSession,
    RoomBlock,
    Venue,
)
from desktop.i18n import _, current_language, format_date, format_day_month, ngettext
from desktop.missions import get_mission
from desktop.travel.attendance import TimedSession, sessions_of, timed_sessions, venue_instant
from desktop.travel.journeys import (
    OPEN_END,
    OPEN_START,
    Geography,
    Window,
    absences,
    all_segments_by_person,
    split_journeys,
    unavailable_windows,
)
from desktop.travel.localtime import format_local
from desktop.travel.rooming import covered_nights, nights_for, occupancy, travels

__all__ = ["travel_findings", "unavailable_windows"]

FLIGHTS, HOTELS, PRESENCE = "flights", "hotels", "presence"


_SHARED = "travel.checks.shared"
T = TypeVar("T")


def _shared(session: Session, key: str, load: Callable[[Session], T]) -> T:
    """What ``load`` reads, shared by the checks of one pass over an unchanged mission.

    The checks run one after another on the same Session and read the same people, flights
    and stays; at 10,000 people reading them once instead of three or four times halves the
    problems list's time. The shared data is dropped as soon as the Session has pending
    changes, flushes, or ends its transaction, so a check never sees stale data.
    """
    if session.new or session.dirty or session.deleted:
        session.info.pop(_SHARED, None)
        return load(session)  # its query flushes the changes first
    if _SHARED not in session.info:
        _forget_on_change(session)
    shared: dict[str, object] = session.info.setdefault(_SHARED, {})
    if key not in shared:
        shared[key] = load(session)
    return shared[key]  # type: ignore[return-value]


def _forget_on_change(session: Session) -> None:
    if session.info.get(_SHARED + ".hooked"):
        return
    session.info[_SHARED + ".hooked"] = True

    def forget(*_args: object) -> None:
        session.info.pop(_SHARED, None)

    for name in ("after_flush", "after_transaction_end", "after_soft_rollback",
                 "after_bulk_update", "after_bulk_delete"):
        event.listen(session, name, forget)


def _load_people(session: Session) -> list[Person]:
    return list(session.scalars(
        select(Person).where(Person.status == Status.CONFIRMED)
        .options(selectinload(Person.organization))
        .order_by(Person.family_name, Person.given_name, Person.id)))


def _load_stays(session: Session) -> dict[int, list[HotelStay]]:
    stays: dict[int, list[HotelStay]] = defaultdict(list)
    for stay in session.scalars(select(HotelStay).options(selectinload(HotelStay.hotel))
                                .order_by(HotelStay.check_in, HotelStay.id)):
        stays[stay.person_id].append(stay)
    return stays


def _people(session: Session) -> list[Person]:
    return _shared(session, "people", _load_people)


def _stays_by_person(session: Session) -> dict[int, list[HotelStay]]:
    return _shared(session, "stays", _load_stays)


def _segments(session: Session) -> dict[int, list[FlightSegment]]:
    return _shared(session, "segments", all_segments_by_person)


def _geography(session: Session) -> Geography:
    return _shared(session, "geography", Geography.load)


def _timed(session: Session) -> list[TimedSession]:
    return _shared(session, "timed", timed_sessions)


def _days(nights: Sequence[date]) -> str:
    return ", ".join(format_day_month(n) for n in nights)


# -- flights -----------------------------------------------------------------------------------


def flight_order_findings(session: Session) -> list[Finding]:
    """Legs that land before they leave (the schema forbids it; an import may still try)."""
    found = []
    for leg in session.scalars(select(FlightSegment).where(
            FlightSegment.arrives_at <= FlightSegment.departs_at)):
        found.append(Finding(_(
            "{name}'s flight {flight} lands in {to} at {arrives} but leaves {origin} only at "
            "{departs}.").format(
            name=leg.person.full_name, flight=leg.code, to=leg.to_airport,
            arrives=format_local(leg.arrives_at, leg.arrival_zone), origin=leg.from_airport,
            departs=format_local(leg.departs_at, leg.departure_zone)),
            Ref("flight", leg.id), "error", FLIGHTS))
    return found


def connection_findings(session: Session) -> list[Finding]:
    """Connections shorter than the mission's minimum connection time."""
    mission = get_mission(session)
    minimum = timedelta(minutes=mission.min_connection_minutes)
    geo = _geography(session)
    found = []
    for legs in _segments(session).values():
        for journey in split_journeys(legs, geo):
            for before, after in zip(journey.segments, journey.segments[1:], strict=False):
                gap = after.departs_at - before.arrives_at
                if gap >= minimum:
                    continue
                minutes = int(gap.total_seconds() // 60)
                where = after.from_airport if after.from_airport == before.to_airport else \
                    f"{before.to_airport} → {after.from_airport}"
                found.append(Finding(_(
                    "{name} has {minutes} minutes at {where} between {first} (lands "
                    "{lands}) and {second} (leaves {leaves}); the mission asks for at least "
                    "{minimum}.").format(
                    name=after.person.full_name, minutes=minutes, where=where,
                    first=before.code, lands=format_local(before.arrives_at,
                                                          before.arrival_zone),
                    second=after.code, leaves=format_local(after.departs_at,
                                                           after.departure_zone),
                    minimum=mission.min_connection_minutes),
                    Ref("flight", after.id), "warning", FLIGHTS))
    return found


def missing_flight_findings(session: Session) -> list[Finding]:
    """Confirmed people from abroad with no flight booked."""
    home = get_mission(session).home_country
    with_flights = set(session.scalars(select(FlightSegment.person_id).distinct()))
    return [Finding(_("{name} is confirmed and comes from abroad but has no flight yet.")
                    .format(name=p.full_name), Ref("person", p.id), "warning", FLIGHTS)
            for p in _people(session)
            if p.id not in with_flights and travels(p, False, home)]


# -- presence: meetings and programme while away -----------------------------------------------


def _absence_phrase(window: Window, zone: str) -> str:
    start, end = window
    if start == OPEN_START:
        return _("has not landed yet (lands {time})").format(time=format_local(end, zone))
    if end == OPEN_END:
        return _("has already left (leaves {time})").format(time=format_local(start, zone))
    return _("is out of the country (leaves {start}, back {end})").format(
        start=format_local(start, zone), end=format_local(end, zone))


def _clash(windows: Sequence[Window], start: datetime, end: datetime) -> Window | None:
    return next((w for w in windows if start < w[1] and w[0] < end), None)


def presence_findings(session: Session) -> list[Finding]:
    """Meetings and programme sessions a person would miss: before landing, after leaving."""
    mission = get_mission(session)
    home_zone = mission.home_timezone
    geo = _geography(session)
    segments = _segments(session)
    people = _people(session)
    windows = {p.id: absences(segments.get(p.id, []), geo) for p in people}
    found: list[Finding] = []
    team: dict[int, list[Person]] = defaultdict(list)
    for person in people:
        if person.organization_id is not None:
            team[person.organization_id].append(person)
    meetings = session.scalars(
        select(Meeting).where(Meeting.status != MeetingStatus.CANCELLED)
        .options(selectinload(Meeting.slot).selectinload(B2BSlot.block)
                 .selectinload(ProgramSession.venue),
                 selectinload(Meeting.participant_a).selectinload(B2BParticipant.person),
                 selectinload(Meeting.participant_b).selectinload(B2BParticipant.person),
                 selectinload(Meeting.participant_a).selectinload(B2BParticipant.organization),
                 selectinload(Meeting.participant_b).selectinload(B2BParticipant.organization)))
    for meeting in meetings:
        block = meeting.slot.block
        zone = block.venue.timezone if block.venue is not None else home_zone
        start = venue_instant(meeting.slot.starts_at, zone)
        end = venue_instant(meeting.slot.ends_at, zone)
        for party, other in ((meeting.participant_a, meeting.participant_b),
                             (meeting.participant_b, meeting.participant_a)):
            when = format_local(start, zone)
            if party.person_id is not None:
                clash = _clash(windows.get(party.person_id, []), start, end)
                if clash is not None:
                    found.append(Finding(_(
                        "{name} has a meeting with {other} at {time} but {why}.").format(
                        name=party.name, other=other.name, time=when,
                        why=_absence_phrase(clash, home_zone)),
                        Ref("meeting", meeting.id), "warning", PRESENCE))
            elif party.organization_id is not None:
                members = team.get(party.organization_id, [])
                if members and all(_clash(windows[m.id], start, end) for m in members):
                    found.append(Finding(_(
                        "None of {team}'s confirmed people is in the country for their meeting "
                        "with {other} at {time}.").format(team=party.name, other=other.name,
                                                         time=when),
                        Ref("meeting", meeting.id), "warning", PRESENCE))
    timed = [t for t in _timed(session) if t.item.kind != SessionKind.B2B_BLOCK]
    for person in people:
        if not windows[person.id]:
            continue
        missed = []
        for item in sessions_of(person, timed):
            clash = _clash(windows[person.id], item.starts_at, item.ends_at)
            if clash is not None:
                missed.append((item, clash))
        if missed:
            language = current_language()
            listed = "; ".join(f"{item.item.title_in(language)} "
                               f"({format_local(item.starts_at, item.zone)})"
                               for item, _clash_window in missed)
            found.append(Finding(ngettext(
                "{name} {why}, which misses {n} session they attend: {sessions}.",
                "{name} {why}, which misses {n} sessions they attend: {sessions}.",
                len(missed)).format(name=person.full_name, n=len(missed), sessions=listed,
                                    why=_absence_phrase(missed[0][1], home_zone)),
                Ref("person", person.id), "warning", PRESENCE))
    return found


# -- hotels ------------------------------------------------------------------------------------


def hotel_night_findings(session: Session) -> list[Finding]:
    """Confirmed people with no hotel night at all, or with needed nights left uncovered."""
    mission = get_mission(session)
    geo = _geography(session)
    segments = _segments(session)
    stays = _stays_by_person(session)
    timed = _timed(session)
    found = []
    for person in _people(session):
        needed = nights_for(person, segments.get(person.id, []), geo, mission,
                            sessions_of(person, timed))
        if not needed:
            continue
        own = stays.get(person.id, [])
        if not own:
            found.append(Finding(_(
                "{name} has no hotel night booked; they need {n} nights from {first} to "
                "{last}.").format(name=person.full_name, n=len(needed),
                                  first=format_date(needed[0]), last=format_date(needed[-1])),
                Ref("person", person.id), "warning", HOTELS))
            continue
        missing = [n for n in needed if n not in covered_nights(own)]
        if missing:
            found.append(Finding(ngettext(
                "{name} is in the country but has no hotel for the night of {nights}.",
                "{name} is in the country but has no hotel for the nights of {nights}.",
                len(missing)).format(name=person.full_name, nights=_days(missing)),
                Ref("person", person.id), "warning", HOTELS))
    return found


def overlapping_stay_findings(session: Session) -> list[Finding]:
    """Two stays of one person on the same night."""
    found = []
    for own in _stays_by_person(session).values():
        for index, first in enumerate(own):
            for second in own[index + 1:]:
                if second.check_in < first.check_out and first.check_in < second.check_out:
                    found.append(Finding(_(
                        "{name} has two rooms on the same nights: {first} {a_in} → {a_out} and "
                        "{second} {b_in} → {b_out}.").format(
                        name=first.person.full_name, first=first.hotel.name,
                        a_in=format_date(first.check_in), a_out=format_date(first.check_out),
                        second=second.hotel.name, b_in=format_date(second.check_in),
                        b_out=format_date(second.check_out)),
                        Ref("hotel_stay", second.id), "error", HOTELS))
    return found


def overbooked_block_findings(session: Session) -> list[Finding]:
    """Nights on which a hotel has more rooms booked than the mission holds."""
    found = []
    blocks = {(b.hotel_id, b.night, b.room_type): b for b in session.scalars(select(RoomBlock))}
    hotel_ids = sorted({key[0] for key in blocks})
    for hotel_id in hotel_ids:
        hotel = session.get(Venue, hotel_id)
        assert hotel is not None
        for row in occupancy(session, hotel_id):
            if row.over:
                block = blocks[(hotel_id, row.night, row.room_type)]
                found.append(Finding(_(
                    "{hotel} on the night of {night}: {booked} {type} rooms booked for {held} "
                    "held.").format(hotel=hotel.name, night=format_date(row.night),
                                    booked=row.booked, type=label(row.room_type).lower(),
                                    held=row.held), Ref("room_block", block.id), "warning",
                    HOTELS))
    return found


def sharing_findings(session: Session) -> list[Finding]:
    """Room sharing that is not mutual: A shares with B, but B's stay does not say A."""
    stays = _stays_by_person(session)
    found = []
    for own in stays.values():
        for stay in own:
            mate_id = stay.sharing_with_id
            if mate_id is None:
                continue
            reciprocal = any(
                other.sharing_with_id == stay.person_id and other.hotel_id == stay.hotel_id
                and other.check_in < stay.check_out and stay.check_in < other.check_out
                for other in stays.get(mate_id, []))
            if not reciprocal:
                mate = stay.sharing_with
                found.append(Finding(_(
                    "{name} shares a room at {hotel} ({inn} → {out}) with {mate}, but {mate}'s "
                    "stay there does not say so.").format(
                    name=stay.person.full_name, hotel=stay.hotel.name,
                    inn=format_date(stay.check_in), out=format_date(stay.check_out),
                    mate=mate.full_name if mate else "?"),
                    Ref("hotel_stay", stay.id), "warning", HOTELS))
    return found


CHECKS = (flight_order_findings, connection_findings, missing_flight_findings,
          presence_findings, hotel_night_findings, overlapping_stay_findings,
          overbooked_block_findings, sharing_findings)


def travel_findings(session: Session) -> list[Finding]:
    """Every travel finding, in check order (what ``mission-desk travel check`` prints)."""
    found: list[Finding] = []
    for check in CHECKS:
        found.extend(check(session))
    return found


for _check in CHECKS:
    register_check(_check)
