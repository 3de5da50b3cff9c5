"""What itineraries show, read from the mission in a few bulk queries (300 people at once)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.dates import utc_to_local
from desktop.db.enums import Category, SessionKind, Status
from desktop.db.models import (
    Airport,
    B2BParticipant,
    HotelStay,
    Interpreter,
    Person,
    Transfer,
    TransferPassenger,
)
from desktop.missions import get_mission
from desktop.reports.itinerary import (
    Appointment,
    Contact,
    Flight,
    ItineraryData,
    Ride,
    Stay,
)
from desktop.validation import format_phone


def gather_itineraries(session: Session, people: Sequence[Person]) -> list[ItineraryData]:
    """The itinerary data of ``people``, in their order."""
    from desktop.b2b.meetings import list_meetings
    from desktop.travel.attendance import attends, timed_sessions

    mission = get_mission(session)
    ids = [p.id for p in people]
    loaded = {p.id: p for p in session.scalars(
        select(Person).where(Person.id.in_(ids)).options(
            selectinload(Person.organization), selectinload(Person.flights),
            selectinload(Person.hotel_stays).selectinload(HotelStay.hotel)))}
    cities = {a.iata: a.city for a in session.scalars(select(Airport))}
    organisers = [Contact(p.full_name, p.job_title, format_phone(p.phone), p.email)
                  for p in session.scalars(select(Person).where(
                      Person.category == Category.ORGANISER,
                      Person.status != Status.CANCELLED)
                      .order_by(Person.family_name, Person.given_name))]
    rides = _rides(session, ids)
    sessions = timed_sessions(session)
    zone_of = {t.item.id: t.zone for t in sessions}
    participants = session.scalars(select(B2BParticipant).options(
        selectinload(B2BParticipant.organization), selectinload(B2BParticipant.person))).all()
    by_org = {p.organization_id: p.id for p in participants if p.organization_id}
    by_person = {p.person_id: p.id for p in participants if p.person_id}
    names = {p.id: p.name for p in participants}
    meetings_of: dict[int, list[Appointment]] = defaultdict(list)
    interpreted: dict[int, list[Appointment]] = defaultdict(list)  # by the interpreter's person
    interpreter_person = {i.id: i.person_id for i in session.scalars(select(Interpreter))
                          if i.person_id is not None}
    for meeting in list_meetings(session):
        slot, block = meeting.slot, meeting.slot.block
        place = block.venue.name if block.venue else ""
        for mine, other in ((meeting.participant_a_id, meeting.participant_b_id),
                            (meeting.participant_b_id, meeting.participant_a_id)):
            meetings_of[mine].append(Appointment(
                starts=slot.starts_at, ends=slot.ends_at, title=block.title,
                title_fr=block.title_fr, place=place, table=meeting.table.name,
                other_party=names[other],
                interpreter=meeting.interpreter.name if meeting.interpreter else "",
                zone=zone_of.get(block.id, mission.home_timezone), uid=f"meeting-{meeting.id}"))
        person_id = interpreter_person.get(meeting.interpreter_id or 0)
        if person_id is not None:
            interpreted[person_id].append(Appointment(
                starts=slot.starts_at, ends=slot.ends_at, title=block.title,
                title_fr=block.title_fr, place=place, table=meeting.table.name,
                other_party=f"{names[meeting.participant_a_id]} – "
                            f"{names[meeting.participant_b_id]}",
                interpreting=True, zone=zone_of.get(block.id, mission.home_timezone),
                uid=f"interpreting-{meeting.id}"))

    result = []
    for person in people:
        full = loaded[person.id]
        appointments = [Appointment(
            starts=t.item.starts_at, ends=t.item.ends_at, title=t.item.title,
            title_fr=t.item.title_fr,
            place=", ".join(x for x in (t.item.venue.name if t.item.venue else "",
                                        t.item.room.name if t.item.room else "") if x),
            zone=t.zone, uid=f"session-{t.item.id}")
            for t in sessions if attends(t.item, full)
            and t.item.kind != SessionKind.B2B_BLOCK]
        team = by_org.get(full.organization_id) if full.organization_id is not None else None
        for participant in {by_person.get(full.id), team}:
            if participant is not None:
                appointments += meetings_of.get(participant, [])
        appointments += interpreted.get(full.id, [])
        result.append(ItineraryData(
            person_id=full.id, name=full.display_name, language=full.document_language,
            full_name=full.full_name,
            organization=full.organization.name if full.organization else "",
            mission_start=mission.start_date, mission_end=mission.end_date,
            flights=[Flight(
                code=f.code, departs=utc_to_local(f.departs_at, f.departure_zone),
                arrives=utc_to_local(f.arrives_at, f.arrival_zone), from_code=f.from_airport,
                from_city=cities.get(f.from_airport, ""), to_code=f.to_airport,
                to_city=cities.get(f.to_airport, ""), booking_reference=f.booking_reference,
                uid=f"flight-{f.id}") for f in full.flights],
            rides=rides.get(full.id, []),
            stays=[Stay(s.hotel.name, s.check_in, s.check_out, s.hotel.address,
                        format_phone(s.hotel.phone), s.room_number, uid=f"stay-{s.id}")
                   for s in full.hotel_stays],
            appointments=sorted(appointments, key=lambda a: a.starts),
            organisers=organisers, emergency=mission.emergency_contacts))
    return result


def _rides(session: Session, ids: list[int]) -> dict[int, list[Ride]]:
    seats = session.scalars(select(TransferPassenger).where(
        TransferPassenger.person_id.in_(ids)).options(
        selectinload(TransferPassenger.transfer).selectinload(Transfer.from_venue),
        selectinload(TransferPassenger.transfer).selectinload(Transfer.to_venue)))
    found: dict[int, list[Ride]] = defaultdict(list)
    for seat in seats:
        run = seat.transfer
        found[seat.person_id].append(Ride(
            departs=utc_to_local(run.departs_at, run.zone), pick_up=run.from_venue.name,
            drop_off=run.to_venue.name, vehicle_kind=run.vehicle_kind, vehicle=run.vehicle,
            driver=run.driver_name, driver_phone=format_phone(run.driver_phone),
            uid=f"transfer-{run.id}"))
    return found
