"""The demo's places, its four-day programme and its B2B set-up.

Programme and slot times are wall-clock times in Morocco (Africa/Casablanca, UTC+0 with no
daylight saving in 2007). Meetings are left for the scheduler, except two placed and locked by
hand, on tables nobody keeps, in a slot where both parties are free.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from desktop.db.enums import (
    Audience,
    Category,
    MeetingOrigin,
    MeetingStatus,
    RequestStatus,
    SessionKind,
    Side,
    VenueKind,
)
from desktop.db.models import (
    B2BParticipant,
    B2BSlot,
    B2BTable,
    Interpreter,
    InterpreterUnavailability,
    Meeting,
    MeetingRequest,
    ParticipantUnavailability,
    ProgramSession,
    Room,
    Venue,
)
from desktop.demo import data
from desktop.demo.mission2007 import Roster
from desktop.validation import normalise_phone

ZONE = "Africa/Casablanca"
SLOT_MINUTES = 20


@dataclass
class Places:
    venues: dict[str, Venue]
    rooms: dict[str, Room]


# key, name, kind, address, city, phone, iata
_VENUES: tuple[tuple[str, str, VenueKind, str, str, str, str | None], ...] = (
    ("casa_hotel", "Hôtel Anfa Atlantique", VenueKind.HOTEL, "Boulevard de la Corniche, Anfa",
     "Casablanca", "05 22 79 70 00", None),
    ("rabat_hotel", "Hôtel Jardins du Bouregreg", VenueKind.HOTEL, "Avenue Annakhil, Hay Riad",
     "Rabat", "05 37 71 55 00", None),
    ("conference", "Espace Conférences Anfa", VenueKind.CONFERENCE_CENTRE, "Boulevard d'Anfa",
     "Casablanca", "05 22 95 12 00", None),
    ("technopark", "Technopark Rabat", VenueKind.COMPANY_SITE, "Technopark, Rabat", "Rabat",
     "05 37 57 80 00", None),
    ("casanearshore", "Casanearshore", VenueKind.COMPANY_SITE, "Sidi Maârouf", "Casablanca",
     "05 22 77 60 00", None),
    ("cmn", "Mohammed V International Airport", VenueKind.AIRPORT, "Nouaceur", "Casablanca",
     "05 22 53 90 40", "CMN"),
    ("gala", "Dar Layali", VenueKind.RESTAURANT, "Boulevard de l'Océan Atlantique, Aïn Diab",
     "Casablanca", "05 22 79 88 10", None),
)
_ROOMS = (("plenary", "conference", "Salle Atlas", 250), ("b2b_casa", "conference",
          "Salle des Andalous", 80), ("auditorium", "technopark", "Auditorium", 150),
          ("b2b_rabat", "technopark", "Espace B2B", 64))


def build_programme(session: Session, roster: Roster) -> Places:
    places = build_places(session)
    build_sessions(session, places)
    _build_b2b(session, roster, places)
    session.flush()
    return places


def build_places(session: Session) -> Places:
    venues: dict[str, Venue] = {}
    for key, name, kind, address, city, phone, iata in _VENUES:
        venues[key] = Venue(name=name, kind=kind, address=address, city=city, country="MA",
                            timezone=ZONE, phone=normalise_phone(phone, "MA"), iata=iata)
        session.add(venues[key])
    session.flush()
    rooms: dict[str, Room] = {}
    for key, venue, name, capacity in _ROOMS:
        rooms[key] = Room(venue_id=venues[venue].id, name=name, capacity=capacity)
        session.add(rooms[key])
    session.flush()
    return Places(venues, rooms)


def at(day: int, clock: str) -> datetime:
    """A wall-clock time on ``day`` May 2007 (``at(15, "10:20")``)."""
    hour, minute = clock.split(":")
    return datetime(2007, 5, day, int(hour), int(minute))


# day, start, end, kind, title, title_fr, venue, room
_SESSIONS: tuple[tuple[int, str, str, SessionKind, str, str, str, str | None], ...] = (
    (14, "06:00", "13:00", SessionKind.TRANSFER, "Arrivals and airport transfers",
     "Arrivées et transferts depuis l'aéroport", "cmn", None),
    (14, "17:30", "18:30", SessionKind.OTHER, "Delegation briefing", "Briefing de la délégation",
     "casa_hotel", None),
    (14, "19:30", "22:00", SessionKind.RECEPTION, "Welcome reception", "Réception de bienvenue",
     "casa_hotel", None),
    (15, "08:30", "10:00", SessionKind.PLENARY,
     "Morocco IT Offshoring: Opportunities & Challenges for Global Competitiveness",
     "L'offshoring IT au Maroc : opportunités et défis pour la compétitivité mondiale",
     "conference", "plenary"),
    (15, "12:45", "13:55", SessionKind.MEAL, "Networking lunch", "Déjeuner d'affaires",
     "conference", None),
    (16, "07:45", "09:00", SessionKind.TRANSFER, "Coach to Rabat",
     "Transfert en autocar vers Rabat", "casa_hotel", None),
    (16, "12:25", "13:55", SessionKind.MEAL, "Lunch at the Technopark",
     "Déjeuner au Technopark", "technopark", None),
    (17, "07:30", "08:45", SessionKind.TRANSFER, "Coach back to Casablanca",
     "Retour en autocar vers Casablanca", "rabat_hotel", None),
    (17, "09:30", "12:30", SessionKind.SITE_VISIT, "Site visit: Casanearshore park",
     "Visite de site : parc Casanearshore", "casanearshore", None),
    (17, "20:00", "23:30", SessionKind.MEAL, "Gala dinner", "Dîner de gala", "gala", None),
)

# Each B2B block: key, day, title, title_fr, venue, room, parts (part, first start, slots), tables
BLOCKS: tuple[tuple[str, int, str, str, str, str, tuple[tuple[str, str, int], ...], int], ...] = (
    ("casa", 15, "B2B meetings, day 1 (Casablanca)", "Rencontres B2B, jour 1 (Casablanca)",
     "conference", "b2b_casa", (("am", "10:20", 7), ("pm", "14:00", 10)), 20),
    ("rabat", 16, "B2B meetings, day 2 (Rabat Technopark)",
     "Rencontres B2B, jour 2 (Technopark de Rabat)", "technopark", "b2b_rabat",
     (("am", "09:20", 9), ("pm", "14:00", 6)), 16),
)
# Hosts that keep one table for a whole block: block key → (table number, host key).
# Pairs met in the first Casablanca slot, placed and locked by hand.
LOCKED = (("potomac", "medina"), ("montroyal", "oasis"))
KEPT_TABLES = {"casa": ((1, "atlas"), (2, "maghrebsf")), "rabat": ((1, "bouregreg"),)}


def build_sessions(session: Session, places: Places) -> None:
    for day, start, end, kind, title, title_fr, venue, room in _SESSIONS:
        # The airport welcome desk is the organisers' duty; the briefing is the delegation's.
        audience = (Audience.SIDE if title == "Delegation briefing" else
                    Audience.CATEGORY if kind == SessionKind.TRANSFER and day == 14 else
                    Audience.EVERYONE)
        session.add(ProgramSession(
            title=title, title_fr=title_fr, kind=kind, starts_at=at(day, start),
            ends_at=at(day, end), venue_id=places.venues[venue].id,
            room_id=places.rooms[room].id if room else None, audience=audience,
            audience_side=Side.DELEGATION if audience == Audience.SIDE else None,
            audience_category=Category.ORGANISER if audience == Audience.CATEGORY else None))


def _build_b2b(session: Session, roster: Roster, places: Places) -> None:
    participants: dict[str, B2BParticipant] = {}
    for row in (*data.DELEGATION, *data.HOSTS):
        participants[row.key] = B2BParticipant(
            organization_id=roster.organizations[row.key].id,
            max_meetings=6 if row.key in ("ainsebaa", "tensift") else None)
        session.add(participants[row.key])
    session.flush()
    slots: dict[str, list[B2BSlot]] = {}
    tables: dict[str, list[B2BTable]] = {}
    for key, day, title, title_fr, venue, room, parts, n_tables in BLOCKS:
        block_slots = [B2BSlot(starts_at=at(day, first) + timedelta(minutes=SLOT_MINUTES * i),
                               ends_at=at(day, first) + timedelta(minutes=SLOT_MINUTES * (i + 1)),
                               part=part)
                       for part, first, count in parts for i in range(count)]
        block = ProgramSession(
            title=title, title_fr=title_fr, kind=SessionKind.B2B_BLOCK,
            starts_at=block_slots[0].starts_at, ends_at=block_slots[-1].ends_at,
            venue_id=places.venues[venue].id, room_id=places.rooms[room].id,
            slot_minutes=SLOT_MINUTES, slots=block_slots)
        kept = dict(KEPT_TABLES.get(key, ()))
        block.tables = [B2BTable(name=f"Table {n}", position=n, room_id=places.rooms[room].id,
                                 participant_id=participants[kept[n]].id if n in kept else None)
                        for n in range(1, n_tables + 1)]
        session.add(block)
        slots[key], tables[key] = block_slots, block.tables
    session.flush()
    requests = _add_requests(session, participants)
    _add_interpreters(session, roster, slots)
    _add_unavailability(session, participants, slots)
    _lock_two_meetings(session, participants, requests, slots["casa"][0], tables["casa"][-2:])


def request_plan() -> list[tuple[str, str, int, RequestStatus]]:
    """Who asks whom (requester key, target key, priority, status), deterministic.

    Delegates ask 3 to 9 hosts each, weighted towards a few sought-after hosts; about half the
    hosts ask a delegation company back (some mutual pairs). English-only delegates ask hosts
    whose people speak only Arabic and French, so interpreters are needed.
    """
    rng = random.Random("mission-desk-demo-2007")
    popular = {"atlas", "maghrebsf", "volubilis", "atlantique", "bouregreg", "medina"}
    hosts = [row.key for row in data.HOSTS if row.key != "hay"]  # hay withdrew
    plan: dict[tuple[str, str], tuple[int, RequestStatus]] = {}
    forced = (("hudson", "doukkala"), ("capitol", "zemmour"), ("lonestar", "doukkala"))
    for pair in (*forced, *LOCKED):
        plan[pair] = (1, RequestStatus.ACCEPTED)
    team_size = {row.key: sum(1 for p in data.DELEGATES if p.org == row.key)
                 for row in data.DELEGATION}
    for row in data.DELEGATION:
        wanted = 3 if row.key == "minuteman" else 5 + 2 * (team_size[row.key] - 1)
        wanted += rng.randint(0, 2)
        weights = [4.0 if h in popular else 1.0 + (i % 3) / 2 for i, h in enumerate(hosts)]
        chosen: list[str] = []
        while len(chosen) < wanted:
            pick = rng.choices(hosts, weights)[0]
            if pick not in chosen:
                chosen.append(pick)
        for host in chosen:
            status = (RequestStatus.REQUESTED if row.key == "minuteman"
                      else _status(rng))
            plan.setdefault((row.key, host), (_priority(rng), status))
    delegation = [row.key for row in data.DELEGATION if row.key != "minuteman"]
    asked_by = {host: [d for (d, h) in plan if h == host] for host in hosts}
    for host in hosts:
        if rng.random() < 0.5:
            continue
        for _n in range(rng.randint(1, 2)):
            # Half the time a host answers someone who asked it: a mutual pair.
            pool = asked_by[host] if asked_by[host] and rng.random() < 0.5 else delegation
            plan.setdefault((host, rng.choice(pool)), (_priority(rng), _status(rng)))
    plan[("doukkala", "hudson")] = (1, RequestStatus.ACCEPTED)
    return [(a, b, priority, status) for (a, b), (priority, status) in plan.items()]


def _priority(rng: random.Random) -> int:
    return rng.choices((1, 2, 3), (30, 45, 25))[0]


def _status(rng: random.Random) -> RequestStatus:
    return rng.choices((RequestStatus.ACCEPTED, RequestStatus.REQUESTED, RequestStatus.DECLINED),
                       (80, 14, 6))[0]


def _add_requests(session: Session, participants: dict[str, B2BParticipant]
                  ) -> list[MeetingRequest]:
    requests = [MeetingRequest(requester_id=participants[a].id, target_id=participants[b].id,
                               priority=priority, status=status)
                for a, b, priority, status in request_plan()]
    session.add_all(requests)
    session.flush()
    return requests


def _add_interpreters(session: Session, roster: Roster, slots: dict[str, list[B2BSlot]]) -> None:
    interpreters = []
    for name in data.INTERPRETERS:
        person = roster.people[name]
        interpreters.append(Interpreter(name=name, person_id=person.id,
                                        languages=list(person.languages)))
    session.add_all(interpreters)
    session.flush()
    # Paul-Henri Lefebvre leaves Rabat early on the 16th.
    session.add_all(InterpreterUnavailability(interpreter_id=interpreters[2].id, slot_id=s.id)
                    for s in slots["rabat"][-2:])


def _add_unavailability(session: Session, participants: dict[str, B2BParticipant],
                        slots: dict[str, list[B2BSlot]]) -> None:
    casa_pm = [s for s in slots["casa"] if s.part == "pm"]
    rows = [(participants["volubilis"], s, "Hosting a client's site visit at Casanearshore")
            for s in casa_pm[:3]]
    rows += [(participants["capitol"], s, "Meeting at the ministry in Rabat")
             for s in slots["rabat"][:2]]
    rows.append((participants["kasbah"], slots["casa"][6], "Conference call with a client"))
    session.add_all(ParticipantUnavailability(participant_id=p.id, slot_id=s.id, reason=reason)
                    for p, s, reason in rows)


def _lock_two_meetings(session: Session, participants: dict[str, B2BParticipant],
                       requests: list[MeetingRequest], slot: B2BSlot,
                       tables: list[B2BTable]) -> None:
    """Place the two pairs of :data:`LOCKED` by hand in the first Casablanca slot.

    Neither party keeps a table, is unavailable then, or needs an interpreter.
    """
    by_pair = {(r.requester_id, r.target_id): r for r in requests}
    for (a, b), table in zip(LOCKED, tables, strict=True):
        request = by_pair[(participants[a].id, participants[b].id)]
        session.add(Meeting(participant_a_id=request.requester_id,
                            participant_b_id=request.target_id, request_id=request.id,
                            slot_id=slot.id, table_id=table.id,
                            status=MeetingStatus.CONFIRMED, origin=MeetingOrigin.MANUAL,
                            locked=True, notes="Placed by hand at the organisers' request."))
