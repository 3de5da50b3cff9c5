"""Synthetic missions of any size, to measure the app at scale: deterministic per seed, fast.

A mission of ``size`` people: about a third as many organisations (two in five of them in the
delegation), two meeting requests per person, two to four flight segments and one or two hotel
stays per traveller, two B2B blocks with tables enough for the requests, and the demo's
programme and places. Rows are written with bulk inserts of precomputed, valid values (phones
already E.164, codes from closed lists), so 10,000 people take seconds, not minutes.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.dates import local_to_utc
from desktop.db.base import Base, utcnow
from desktop.db.enums import (
    Category,
    RequestStatus,
    RoomType,
    SessionKind,
    Side,
    Status,
    TransferDirection,
    TransferStatus,
    VehicleKind,
)
from desktop.db.models import (
    B2BParticipant,
    B2BSlot,
    B2BTable,
    FlightSegment,
    HotelStay,
    Interpreter,
    MeetingRequest,
    Organization,
    ParticipantUnavailability,
    Person,
    ProgramSession,
    RoomBlock,
    Transfer,
    TransferPassenger,
)
from desktop.demo.mission2007 import MISSION_END, MISSION_START, mission_input
from desktop.demo.programme2007 import BLOCKS, SLOT_MINUTES, ZONE, at, build_places, build_sessions
from desktop.demo.travel2007 import INBOUND, OUTBOUND, Leg, airport_zones
from desktop.missions import MissionInput, create_mission
from desktop.validation import fold

_GIVEN = ("Éloïse", "François", "Zoë", "Samir", "Nadia", "Karim", "Leïla", "Youssef", "Hicham",
          "Salma", "Mehdi", "Ghita", "Rachid", "Amine", "Houda", "Omar", "Meryem", "Driss",
          "Soukaïna", "Reda", "Fatima Zahra", "Robert", "Priya", "Daniel", "Jennifer", "Michael",
          "Latoya", "Susan", "James", "Angela", "Kevin", "María", "Emily", "Travis", "Raj",
          "Nathan", "Laura", "Geneviève", "Marie-Ève", "Jean-Sébastien", "Andrew", "Liam",
          "Siobhan", "Hakim", "Saâd", "Najat", "Brahim", "Kenza", "Othmane", "Imane")
_FAMILY = ("Benjelloun", "El Ouazzani", "Aït Benhaddou", "Chraïbi", "Lahlou", "Tazi", "Bennani",
           "El Alaoui", "Berrada", "Sqalli", "Kettani", "Idrissi", "Benkirane", "Guessous",
           "Zniber", "Tahiri", "Lamrani", "Cherkaoui", "Naciri", "Filali", "Mernissi", "Skalli",
           "Tremblay", "Gagnon", "Côté", "Bouchard", "Lavoie", "Whitaker", "Raman", "Okafor",
           "Rosen", "Liu", "Russo", "Jenkins", "O'Connell", "Caldwell", "Moretti", "Nowak",
           "González", "Hartman", "McAllister", "Delgado", "Patel", "Goldberg", "Chen",
           "MacDonald", "Kelly", "Siddiqui", "Haddad", "Lefebvre")
_WORDS = ("Atlas", "Anfa", "Maghreb", "Zellige", "Medina", "Argan", "Cèdre", "Mazagan", "Sahara",
          "Majorelle", "Volubilis", "Mogador", "Lixus", "Kasbah", "Tensift", "Bouregreg",
          "Chellah", "Oudaya", "Hudson", "Potomac", "Lakeshore", "Prairie", "Lone Star",
          "Bayline", "Mont-Royal", "Saint-Laurent", "Maple Leaf", "Bay Street", "Pacific",
          "Golden Gate", "Liberty", "Capitol", "Shenandoah", "Charles River", "Gulf Coast")
_TRADES = ("Offshore", "Software", "Data Services", "Systems", "Consulting", "Telecom",
           "Networks", "Nearshore", "Informatique", "Solutions", "Technologies", "Digital")
_TITLES = ("Chief Executive Officer", "Directeur général", "VP, Operations", "Sales Director",
           "Chef de projet", "Engineer", "Responsable commercial", "Partner", "Consultant")
_DELEGATION_PLACES = (("US", "San Francisco", "SFO", "415"), ("US", "New York", "JFK", "212"),
                      ("US", "Reston", "IAD", "703"), ("US", "Chicago", "ORD", "312"),
                      ("US", "Dallas", "DFW", "214"), ("US", "Houston", "IAH", "713"),
                      ("US", "Boston", "BOS", "617"), ("CA", "Montréal", "YUL", "514"),
                      ("CA", "Toronto", "YYZ", "416"))
# Hosts come from every Moroccan region and fly in on Royal Air Maroc's domestic network:
# city, airport, the city's fixed-line prefix after 05.
_HOST_PLACES = (("Marrakesh", "RAK", "24"), ("Fès", "FEZ", "35"), ("Tangier", "TNG", "39"),
                ("Agadir", "AGA", "28"), ("Oujda", "OUD", "36"))
_DOMESTIC_IN: dict[str, tuple[Leg, ...]] = {
    code: (("AT", str(400 + 10 * i), code, "CMN", 1, f"0{7 + i % 2}:{15 * i % 60:02d}", 1,
            f"{9 + i % 2:02d}:{15 * i % 60:02d}"),)
    for i, (_city, code, _prefix) in enumerate(_HOST_PLACES)}
_DOMESTIC_OUT: dict[str, tuple[Leg, ...]] = {
    code: (("AT", str(401 + 10 * i), "CMN", code, 0, f"{18 + i % 2}:{15 * i % 60:02d}", 0,
            f"{20 + i % 2}:{15 * i % 60:02d}"),)
    for i, (_city, code, _prefix) in enumerate(_HOST_PLACES)}
_DIETS = ("", "", "", "", "", "", "", "", "halal", "vegetarian", "no pork", "gluten-free")
_STATUSES = (Status.CONFIRMED,) * 17 + (Status.INVITED, Status.WAITLISTED, Status.CANCELLED)
_SPECIAL = (Category.ORGANISER, Category.SPEAKER, Category.VIP, Category.PRESS, Category.STAFF)


def build_synthetic(session: Session, *, size: int, seed: int) -> None:
    """Write a mission of ``size`` people into an empty mission file (the caller commits)."""
    if size < 2:
        raise ValueError("a synthetic mission needs at least two people")
    demo = mission_input()
    create_mission(session, MissionInput(
        name=f"Synthetic mission: {size} participants (seed {seed})", start_date=MISSION_START,
        end_date=MISSION_END, organisers=demo.organisers,
        emergency_contacts=demo.emergency_contacts,
        notes="Generated for tests and benchmarks; every record is invented."))
    _Writer(session, size, seed).write()


def _insert(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """One executemany on the model's table, in the session's transaction.

    Rows carry every column (defaults included), so the ORM's bulk path has nothing to add:
    skipping it saves about a third of the time at 10,000 people (it also splits the batches
    each time the set of NULL columns changes from one row to the next).
    """
    if rows:
        session.execute(insert(Base.metadata.tables[model.__tablename__]), rows)


def _first_id(session: Session, model: Any) -> int:
    return int(session.scalar(select(func.max(model.id))) or 0) + 1


class _Writer:
    """One synthetic mission being written; holds the generator and the ids handed out."""

    def __init__(self, session: Session, size: int, seed: int) -> None:
        self.session = session
        self.size = size
        self.rng = random.Random(f"mission-desk-synthetic:{seed}")
        self.now = utcnow()
        self.stamps = {"created_at": self.now, "updated_at": self.now}
        self.zones = airport_zones(session)
        self.home_airport: dict[int | None, str] = {}
        self._times: dict[tuple[Leg, date], tuple[datetime, datetime]] = {}

    def write(self) -> None:
        places = build_places(self.session)
        build_sessions(self.session, places)
        self.session.flush()
        self.venues = {key: venue.id for key, venue in places.venues.items()}
        self.room_ids = {key: room.id for key, room in places.rooms.items()}
        organizations = self._organizations()
        people = self._people(organizations)
        self._b2b(organizations)
        self._travel(people)
        self.session.flush()

    # -- roster ---------------------------------------------------------------------------

    def _organizations(self) -> list[dict[str, Any]]:
        count = max(2, self.size // 3)
        delegation = max(1, count * 2 // 5)
        words, trades = list(_WORDS), list(_TRADES)
        self.rng.shuffle(words)
        self.rng.shuffle(trades)
        first = _first_id(self.session, Organization)
        rows = []
        for i in range(count):
            side = Side.DELEGATION if i < delegation else Side.HOST
            name = f"{words[i % len(words)]} {trades[(i // len(words)) % len(trades)]}"
            if i >= len(words) * len(trades):
                name += f" {i // (len(words) * len(trades)) + 1}"
            slug = "".join(ch for ch in fold(name) if ch.isalnum())
            if side == Side.DELEGATION:
                country, city, airport, area = self.rng.choice(_DELEGATION_PLACES)
                phone = f"+1{area}5550{100 + i % 100}"
            else:
                city, airport, prefix = self.rng.choice(_HOST_PLACES)
                country = "MA"
                phone = f"+2125{prefix}3{i % 100000:05d}"  # valid in every city
            rows.append({
                "id": first + i, "name": name, "side": side, "country": country, "city": city,
                "sectors": self.rng.sample(("ITO", "BPO", "software", "telecom", "consulting"),
                                           2),
                "website": f"http://www.{slug}.example", "email": f"contact@{slug}.example",
                "phone": phone, "offers": "", "seeks": "", "notes": "", **self.stamps})
            self.home_airport[first + i] = airport
        _insert(self.session, Organization, rows)
        return rows

    def _people(self, organizations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rng, first = self.rng, _first_id(self.session, Person)
        folded_given = [fold(g).split()[0].replace("-", "") for g in _GIVEN]
        folded_family = ["".join(ch for ch in fold(f) if ch.isalpha()) for f in _FAMILY]
        rows: list[dict[str, Any]] = []
        for i in range(self.size):
            g, f = rng.randrange(len(_GIVEN)), rng.randrange(len(_FAMILY))
            special = i % 40 == 39
            org = None if special else organizations[i % len(organizations)]
            host = org is None or org["side"] == Side.HOST
            category = (_SPECIAL[i // 40 % len(_SPECIAL)] if special
                        else Category.HOST if host else Category.DELEGATE)
            if host:
                languages = ["fr", "ar", "en"] if rng.random() < 0.85 else ["ar", "fr"]
                nationality = "MA"
                phone = f"+2126{61 + i % 8}{rng.randrange(10**6):06d}"
            else:
                languages = ["fr", "en"] if org and org["country"] == "CA" and i % 2 else ["en"]
                nationality = org["country"] if org else "US"
                phone = f"+1{org['phone'][2:5] if org else '212'}5550{100 + i % 100}"
            domain = org["website"][11:] if org else "mission-desk-staff.example"
            rows.append({
                "id": first + i, "given_name": _GIVEN[g], "family_name": _FAMILY[f],
                "badge_name": "", "organization_id": org["id"] if org else None,
                "job_title": rng.choice(_TITLES),
                "email": f"{folded_given[g]}.{folded_family[f]}{i}@{domain}", "phone": phone,
                "category": category, "status": rng.choice(_STATUSES), "languages": languages,
                "document_language": "fr" if languages[0] != "en" else "en",
                "nationality": nationality,
                "passport_number": "" if host else f"{rng.randrange(4 * 10**8, 5 * 10**8)}",
                "passport_expiry": (None if host else
                                    date(2007, 6, 1) + timedelta(days=rng.randrange(3650))),
                "date_of_birth": date(1950, 1, 1) + timedelta(days=rng.randrange(14000)),
                "dietary_needs": rng.choice(_DIETS),
                "accessibility_needs": "wheelchair user" if rng.random() < 0.005 else "",
                "notes": "", **self.stamps})
        _insert(self.session, Person, rows)
        for row in rows:
            row["home"] = self.home_airport.get(row["organization_id"], "FEZ")
        return rows

    # -- B2B ------------------------------------------------------------------------------

    def _b2b(self, organizations: list[dict[str, Any]]) -> None:
        rng, session = self.rng, self.session
        first = _first_id(session, B2BParticipant)
        participants = [{"id": first + i, "organization_id": o["id"], "person_id": None,
                         "max_meetings": None, "notes": ""} for i, o in enumerate(organizations)]
        _insert(session, B2BParticipant, participants)
        side = {p["id"]: o["side"] for p, o in zip(participants, organizations, strict=True)}
        delegation = [p for p, s in side.items() if s == Side.DELEGATION]
        hosts = [p for p, s in side.items() if s == Side.HOST]
        wanted = min(2 * self.size, 2 * len(delegation) * len(hosts))
        pairs: dict[tuple[int, int], None] = {}
        while len(pairs) < wanted:
            a, b = rng.choice(delegation), rng.choice(hosts)
            pairs[(a, b) if rng.random() < 0.75 else (b, a)] = None
        first = _first_id(session, MeetingRequest)
        statuses = (RequestStatus.ACCEPTED,) * 16 + (RequestStatus.REQUESTED,) * 3 + (
            RequestStatus.DECLINED,)
        _insert(session, MeetingRequest, [
            {"id": first + i, "requester_id": a, "target_id": b,
             "priority": rng.choice((1, 2, 2, 3)), "status": rng.choice(statuses), "note": "",
             **self.stamps} for i, (a, b) in enumerate(pairs)])
        slots = self._blocks(len(pairs))
        self._unavailability(list(side), slots)
        first = _first_id(session, Interpreter)
        _insert(session, Interpreter, [
            {"id": first + i, "name": f"{_GIVEN[i % len(_GIVEN)]} {_FAMILY[-1 - i % 9]}",
             "person_id": None, "languages": ["ar", "fr", "en"] if i % 3 else ["fr", "en"],
             "notes": ""} for i in range(2 + self.size // 500)])

    def _blocks(self, requests: int) -> list[int]:
        """Two B2B blocks (the demo's days) with tables enough for every request."""
        session = self.session
        total_slots = sum(count for block in BLOCKS for _p, _s, count in block[6])
        tables = max(4, math.ceil(1.25 * requests / total_slots))
        slot_ids: list[int] = []
        slot_id, table_id = _first_id(session, B2BSlot), _first_id(session, B2BTable)
        session_id = _first_id(session, ProgramSession)
        for _key, day, title, title_fr, venue, room, parts, _n in BLOCKS:
            slots = [(at(day, start) + timedelta(minutes=SLOT_MINUTES * i), part)
                     for part, start, count in parts for i in range(count)]
            _insert(session, ProgramSession, [{
                "id": session_id, "title": title, "title_fr": title_fr, "description": "",
                "description_fr": "", "kind": SessionKind.B2B_BLOCK, "starts_at": slots[0][0],
                "ends_at": slots[-1][0] + timedelta(minutes=SLOT_MINUTES),
                "venue_id": self.venues[venue], "room_id": self.room_ids[room],
                "audience": "everyone", "audience_category": None, "audience_side": None,
                "slot_minutes": SLOT_MINUTES, "notes": "", **self.stamps}])
            rows: list[dict[str, Any]] = [
                {"id": slot_id + i, "session_id": session_id, "starts_at": start,
                 "ends_at": start + timedelta(minutes=SLOT_MINUTES), "part": part}
                for i, (start, part) in enumerate(slots)]
            _insert(session, B2BSlot, rows)
            slot_ids += [r["id"] for r in rows]
            _insert(session, B2BTable, [
                {"id": table_id + n, "session_id": session_id, "name": f"Table {n + 1}",
                 "position": n + 1, "room_id": self.room_ids[room], "participant_id": None}
                for n in range(tables)])
            slot_id, table_id, session_id = slot_id + len(rows), table_id + tables, session_id + 1
        return slot_ids

    def _unavailability(self, participants: list[int], slots: list[int]) -> None:
        rows: dict[tuple[int, int], dict[str, Any]] = {}
        for participant in self.rng.sample(participants, max(1, len(participants) // 50)):
            start = self.rng.randrange(len(slots) - 2)
            for slot in slots[start:start + self.rng.randint(1, 3)]:
                rows[(participant, slot)] = {"participant_id": participant, "slot_id": slot,
                                             "reason": "On a site visit"}
        _insert(self.session, ParticipantUnavailability, list(rows.values()))

    # -- travel ---------------------------------------------------------------------------

    def _leg(self, leg: Leg, day: date) -> tuple[datetime, datetime]:
        """A leg's UTC departure and arrival for a given day (computed once per day)."""
        key = (leg, day)
        if key not in self._times:
            _c, _n, origin, destination, dep_offset, dep_clock, arr_offset, arr_clock = leg
            self._times[key] = (
                local_to_utc(_clock(day + timedelta(days=dep_offset), dep_clock),
                             self.zones[origin]),
                local_to_utc(_clock(day + timedelta(days=arr_offset), arr_clock),
                             self.zones[destination]))
        return self._times[key]

    def _travel(self, people: list[dict[str, Any]]) -> None:
        rng, session = self.rng, self.session
        travellers = [p for p in people
                      if p["status"] not in (Status.CANCELLED, Status.WAITLISTED)]
        flight_id = _first_id(session, FlightSegment)
        flights: list[dict[str, Any]] = []
        arrivals: dict[tuple[datetime, str], list[tuple[int, int]]] = {}
        departures: dict[tuple[datetime, str], list[tuple[int, int]]] = {}
        stays: list[dict[str, Any]] = []
        for person in travellers:
            arrive = date(2007, 5, 13 if rng.random() < 0.15 else 14)
            leave = date(2007, 5, 19 if rng.random() < 0.15 else 18)
            home = person["home"]
            legs_in = INBOUND.get(home) or _DOMESTIC_IN[home]
            legs_out = OUTBOUND.get(home) or _DOMESTIC_OUT[home]
            reference = f"{person['id'] * 7919 % 36**6:06X}"[-6:]
            for legs, day, groups, last in ((legs_in, arrive - timedelta(days=1), arrivals, True),
                                            (legs_out, leave, departures, False)):
                for leg in legs:
                    departs, arrives = self._leg(leg, day)
                    flights.append({
                        "id": flight_id, "person_id": person["id"], "carrier": leg[0],
                        "flight_number": leg[1], "from_airport": leg[2], "to_airport": leg[3],
                        "departs_at": departs, "arrives_at": arrives,
                        "departure_zone": self.zones[leg[2]],
                        "arrival_zone": self.zones[leg[3]], "booking_reference": reference,
                        "notes": "", **self.stamps})
                    flight_id += 1
                group_leg = legs[-1] if last else legs[0]
                moment = self._leg(group_leg, day)[1 if last else 0]
                groups.setdefault((moment, f"{group_leg[0]} {group_leg[1]}"), []).append(
                    (person["id"], flights[-1 if last else -len(legs)]["id"]))
            stays += self._stays(person["id"], arrive, leave)
        _insert(session, FlightSegment, flights)
        first = _first_id(session, HotelStay)
        for i, stay in enumerate(stays):
            stay["id"] = first + i
        _insert(session, HotelStay, stays)
        self._room_blocks(stays)
        self._transfers(arrivals, departures)

    def _stays(self, person_id: int, arrive: date, leave: date) -> list[dict[str, Any]]:
        """Half the travellers stay in Casablanca throughout; the others move to Rabat."""
        rabat_night = date(2007, 5, 16)
        casa = self.venues["casa_hotel"]
        nights = ([(casa, arrive, leave)] if self.rng.random() < 0.5 else
                  [(casa, arrive, rabat_night), (self.venues["rabat_hotel"], rabat_night, leave)])
        return [{"person_id": person_id, "hotel_id": hotel, "check_in": check_in,
                 "check_out": check_out, "room_type": RoomType.SINGLE, "room_number": "",
                 "sharing_with_id": None, "special_requests": "", "confirmed": True,
                 "notes": "", **self.stamps} for hotel, check_in, check_out in nights]

    def _room_blocks(self, stays: list[dict[str, Any]]) -> None:
        used: Counter[tuple[int, date]] = Counter()
        for stay in stays:
            night = stay["check_in"]
            while night < stay["check_out"]:
                used[(stay["hotel_id"], night)] += 1
                night += timedelta(days=1)
        _insert(self.session, RoomBlock, [
            {"hotel_id": hotel, "night": night, "room_type": RoomType.SINGLE,
             "rooms": n + max(2, n // 20)} for (hotel, night), n in sorted(used.items())])

    def _transfers(self, arrivals: dict[tuple[datetime, str], list[tuple[int, int]]],
                   departures: dict[tuple[datetime, str], list[tuple[int, int]]]) -> None:
        """One vehicle run per flight and 49 passengers, to or from the Casablanca hotel."""
        airport, hotel = self.venues["cmn"], self.venues["casa_hotel"]
        transfer_id = _first_id(self.session, Transfer)
        transfers: list[dict[str, Any]] = []
        seats: list[dict[str, Any]] = []
        for direction, groups, lead in (
                (TransferDirection.ARRIVAL, arrivals, timedelta(minutes=45)),
                (TransferDirection.DEPARTURE, departures, -timedelta(hours=3))):
            arriving = direction == TransferDirection.ARRIVAL
            for (moment, code), passengers in sorted(groups.items()):
                for start in range(0, len(passengers), 49):
                    load = passengers[start:start + 49]
                    kind = VehicleKind.COACH if len(load) > 7 else VehicleKind.VAN
                    transfers.append({
                        "id": transfer_id, "direction": direction,
                        "from_venue_id": airport if arriving else hotel,
                        "to_venue_id": hotel if arriving else airport,
                        "departs_at": moment + lead, "zone": ZONE, "vehicle_kind": kind,
                        "vehicle": "", "capacity": 49 if kind == VehicleKind.COACH else 7,
                        "driver_name": "", "driver_phone": "",
                        "status": TransferStatus.PROPOSED, "notes": code, **self.stamps})
                    seats += [{"transfer_id": transfer_id, "person_id": person,
                               "flight_id": flight, "luggage_note": ""}
                              for person, flight in load]
                    transfer_id += 1
        _insert(self.session, Transfer, transfers)
        _insert(self.session, TransferPassenger, seats)


def _clock(day: date, clock: str) -> datetime:
    hour, minute = clock.split(":")
    return datetime(day.year, day.month, day.day, int(hour), int(minute))
