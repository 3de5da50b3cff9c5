"""A small mission with everything a printed document shows.

Times: Casablanca kept UTC+0 all of 2007; Montreal was on EDT (UTC-4) in May.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import (
    Audience,
    Category,
    MeetingStatus,
    SessionKind,
    Side,
    Status,
    TransferDirection,
    VehicleKind,
    VenueKind,
)
from desktop.db.models import (
    B2BParticipant,
    B2BSlot,
    B2BTable,
    FlightSegment,
    HotelStay,
    Interpreter,
    Meeting,
    Mission,
    Organization,
    Person,
    ProgramSession,
    Transfer,
    TransferPassenger,
    Venue,
)

LONG_NAME = "Maximilian-Alexander de La Rochefoucauld-Montmorency"
ARABIC_NAME = "محمد الفاسي"


@dataclass
class Sample:
    eloise: int
    max: int
    mohammed: int
    karim: int
    nadia: int
    john: int
    hotel: int
    arrival_transfer: int
    block: int
    table_1: int
    nuvolo: int  # B2B participant of Nuvolo Systems


def _person(session: Session, given: str, family: str, category: Category,
            organization: Organization | None, **extra: object) -> Person:
    person = Person(given_name=given, family_name=family, category=category,
                    organization=organization, status=extra.pop("status", Status.CONFIRMED),
                    **extra)
    session.add(person)
    return person


@pytest.fixture
def sample(session: Session) -> Sample:
    return build_sample(session)


def build_sample(session: Session) -> Sample:
    """Write the sample mission's people, travel, programme and meetings into ``session``."""
    mission = session.get(Mission, 1)
    assert mission is not None
    mission.name = "Mission B2B offshoring IT — Maroc 2007"
    mission.emergency_contacts = ("Police: 19\nSAMU Casablanca: 15\n"
                                  "Consulat du Canada: +212 5 37 54 49 49")

    apebi = Organization(name="APEBI", side=Side.ORGANISER, country="MA")
    nuvolo = Organization(name="Nuvolo Systems", side=Side.DELEGATION, country="CA")
    kinetic = Organization(name="Kinetic Data Corporation of North America",
                           side=Side.DELEGATION, country="US")
    atlas = Organization(name="Atlas Offshore", side=Side.HOST, country="MA")
    iam = Organization(name="Maroc Telecom", side=Side.HOST, country="MA")
    session.add_all([apebi, nuvolo, kinetic, atlas, iam])

    eloise = _person(session, "Éloïse", "Ouellet", Category.DELEGATE, nuvolo,
                     job_title="Directrice du développement", email="eloise@nuvolo.ca",
                     phone="+15145550134", document_language="fr")
    big = _person(session, "Maximilian-Alexander", "de La Rochefoucauld-Montmorency",
                  Category.VIP, kinetic, job_title="Senior Vice President, Global Delivery",
                  email="max@kinetic.com")
    mohammed = _person(session, "Mohammed", "El Fassi", Category.HOST, atlas,
                       badge_name=ARABIC_NAME, job_title="Directeur général",
                       email="m.elfassi@atlas.ma", phone="+212522000000")
    karim = _person(session, "Karim", "Benjelloun", Category.HOST, iam,
                    job_title="Responsable offshoring")
    nadia = _person(session, "Nadia", "Alaoui", Category.ORGANISER, apebi,
                    job_title="Chargée de mission", email="nadia@apebi.ma",
                    phone="+212661234567")
    john = _person(session, "John", "Smith", Category.DELEGATE, kinetic, status=Status.INVITED)
    session.flush()

    airport = Venue(name="Aéroport Mohammed V", kind=VenueKind.AIRPORT, city="Casablanca",
                    country="MA", timezone="Africa/Casablanca", iata="CMN")
    hotel = Venue(name="Hyatt Regency Casablanca", kind=VenueKind.HOTEL, city="Casablanca",
                  country="MA", timezone="Africa/Casablanca", address="Place des Nations Unies",
                  phone="+212522431234")
    session.add_all([airport, hotel])
    session.flush()

    session.add_all([
        FlightSegment(person_id=eloise.id, carrier="AT", flight_number="209",
                      from_airport="YUL", to_airport="CMN",
                      departs_at=datetime(2007, 5, 13, 23, 5, tzinfo=UTC),
                      arrives_at=datetime(2007, 5, 14, 6, 50, tzinfo=UTC),
                      departure_zone="America/Toronto", arrival_zone="Africa/Casablanca",
                      booking_reference="QX7P2L"),
        FlightSegment(person_id=eloise.id, carrier="AT", flight_number="208",
                      from_airport="CMN", to_airport="YUL",
                      departs_at=datetime(2007, 5, 17, 14, 30, tzinfo=UTC),
                      arrives_at=datetime(2007, 5, 17, 21, 10, tzinfo=UTC),
                      departure_zone="Africa/Casablanca", arrival_zone="America/Toronto"),
        FlightSegment(person_id=big.id, carrier="AT", flight_number="201",
                      from_airport="JFK", to_airport="CMN",
                      departs_at=datetime(2007, 5, 13, 22, 0, tzinfo=UTC),
                      arrives_at=datetime(2007, 5, 14, 5, 0, tzinfo=UTC),
                      departure_zone="America/New_York", arrival_zone="Africa/Casablanca"),
        HotelStay(person_id=eloise.id, hotel_id=hotel.id, check_in=date(2007, 5, 14),
                  check_out=date(2007, 5, 17), room_number="512", confirmed=True),
        HotelStay(person_id=big.id, hotel_id=hotel.id, check_in=date(2007, 5, 14),
                  check_out=date(2007, 5, 16), room_number="514", confirmed=True),
    ])
    transfer = Transfer(direction=TransferDirection.ARRIVAL, from_venue_id=airport.id,
                        to_venue_id=hotel.id,
                        departs_at=datetime(2007, 5, 14, 7, 45, tzinfo=UTC),
                        zone="Africa/Casablanca", vehicle_kind=VehicleKind.VAN,
                        vehicle="Mercedes Vito 12-A-3456", capacity=7,
                        driver_name="Youssef", driver_phone="+212661000111")
    transfer.passengers = [TransferPassenger(person_id=eloise.id),
                           TransferPassenger(person_id=big.id)]
    session.add(transfer)

    plenary = ProgramSession(title="Opening plenary", title_fr="Séance plénière d'ouverture",
                             kind=SessionKind.PLENARY,
                             starts_at=datetime(2007, 5, 14, 10, 0),
                             ends_at=datetime(2007, 5, 14, 11, 30), venue_id=hotel.id)
    visit = ProgramSession(title="Visit of Casanearshore", title_fr="Visite de Casanearshore",
                           kind=SessionKind.SITE_VISIT, starts_at=datetime(2007, 5, 16, 9, 0),
                           ends_at=datetime(2007, 5, 16, 12, 0), audience=Audience.LIST)
    visit.attendees = [big]
    block = ProgramSession(title="B2B meetings", title_fr="Rencontres B2B",
                           kind=SessionKind.B2B_BLOCK, starts_at=datetime(2007, 5, 15, 9, 0),
                           ends_at=datetime(2007, 5, 15, 10, 30), venue_id=hotel.id)
    session.add_all([plenary, visit, block])
    session.flush()
    first = datetime(2007, 5, 15, 9, 0)
    slots = [B2BSlot(session_id=block.id, starts_at=first + timedelta(minutes=30 * i),
                     ends_at=first + timedelta(minutes=30 * i + 30)) for i in range(3)]
    tables = [B2BTable(session_id=block.id, name=f"T{n}", position=n) for n in (1, 2)]
    session.add_all(slots + tables)
    parts = {org.name: B2BParticipant(organization=org) for org in (nuvolo, kinetic, atlas, iam)}
    session.add_all(parts.values())
    leila = Interpreter(name="Leila Bennani", languages=["fr", "en", "ar"])
    session.add(leila)
    session.flush()
    session.add_all([
        Meeting(participant_a_id=parts["Nuvolo Systems"].id, participant_b_id=parts[
            "Atlas Offshore"].id, slot_id=slots[0].id, table_id=tables[0].id,
                interpreter_id=leila.id),
        Meeting(participant_a_id=parts["Maroc Telecom"].id,
                participant_b_id=parts["Nuvolo Systems"].id, slot_id=slots[2].id,
                table_id=tables[1].id),
        Meeting(participant_a_id=kinetic_id(parts), participant_b_id=parts[
            "Atlas Offshore"].id, slot_id=slots[1].id, table_id=tables[0].id),
        Meeting(participant_a_id=kinetic_id(parts), participant_b_id=parts[
            "Nuvolo Systems"].id, slot_id=slots[1].id, table_id=tables[1].id,
                status=MeetingStatus.CANCELLED),
    ])
    session.flush()
    return Sample(eloise=eloise.id, max=big.id, mohammed=mohammed.id, karim=karim.id,
                  nadia=nadia.id, john=john.id, hotel=hotel.id, arrival_transfer=transfer.id,
                  block=block.id, table_1=tables[0].id, nuvolo=parts["Nuvolo Systems"].id)


def kinetic_id(parts: dict[str, B2BParticipant]) -> int:
    return parts["Kinetic Data Corporation of North America"].id


def pdf_text(data: bytes) -> list[str]:
    """The text of every page of a PDF (narrow and no-break spaces read as spaces)."""
    from pypdf import PdfReader

    return [page.extract_text().replace("\u202f", " ").replace("\xa0", " ")
            for page in PdfReader(io.BytesIO(data)).pages]
