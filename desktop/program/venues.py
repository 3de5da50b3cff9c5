"""Venues and their rooms: create, change, delete, list.

A venue carries the time zone its programme times are read in, so the zone is checked here;
a venue that is an airport (or names one) must name an airport the mission knows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import records
from desktop.db.enums import VenueKind
from desktop.db.models import Airport, ProgramSession, Room, Venue
from desktop.errors import ConflictError
from desktop.i18n import _, ngettext
from desktop.validation import Checker, fold


@dataclass
class VenueInput:
    name: str
    kind: VenueKind
    timezone: str = "Africa/Casablanca"
    address: str = ""
    city: str = ""
    country: str | None = None
    phone: str = ""
    iata: str | None = None
    notes: str = ""


@dataclass
class RoomInput:
    venue_id: int
    name: str
    capacity: int | None = None
    notes: str = ""


def validate_venue(session: Session, data: VenueInput,
                   existing_id: int | None = None) -> VenueInput:
    """The cleaned input, or a ValidationError naming every field at fault."""
    check = Checker()
    name = check.required("name", data.name, _("The venue's name"), 200)
    try:
        kind = VenueKind(data.kind)
    except ValueError:
        check.error("kind", _("“{value}” is not a kind of venue.").format(value=data.kind))
        kind = VenueKind.OTHER
    zone = check.timezone("timezone", data.timezone)
    address = check.optional("address", data.address, _("The address"), 300)
    city = check.optional("city", data.city, _("The city"), 100)
    country = check.country("country", data.country)
    phone = check.phone("phone", data.phone, country)
    iata = (data.iata or "").strip().upper() or None
    if iata is not None and session.get(Airport, iata) is None:
        check.error("iata", _("“{code}” is not an airport this mission knows; add it to the "
                              "airports first.").format(code=iata))
    if kind == VenueKind.AIRPORT and iata is None and check.ok("iata"):
        check.error("iata", _("An airport venue needs its airport code (e.g. CMN)."))
    if name and check.ok("name"):
        clash = session.scalar(select(Venue.id).where(
            func.lower(Venue.name) == name.lower(), func.lower(Venue.city) == city.lower(),
            Venue.id != (existing_id or 0)))
        if clash is not None:
            check.error("name", _("A venue named “{name}” already exists in {city}.")
                        .format(name=name, city=city or _("this city")))
    check.raise_if_any()
    return VenueInput(name=name, kind=kind, timezone=zone, address=address, city=city,
                      country=country, phone=phone, iata=iata, notes=data.notes.strip())


def add_venue(session: Session, data: VenueInput) -> Venue:
    return records.insert(session, Venue, validate_venue(session, data))


def get_venue(session: Session, venue_id: int) -> Venue:
    return records.fetch(session, Venue, venue_id, _("This venue no longer exists."))


def update_venue(session: Session, venue_id: int, data: VenueInput) -> Venue:
    venue = get_venue(session, venue_id)
    clean = validate_venue(session, data, existing_id=venue_id)
    return records.assign(session, venue, clean)


def venue_input(venue: Venue) -> VenueInput:
    return records.input_of(VenueInput, venue)


def delete_venue(session: Session, venue_id: int) -> None:
    """Delete a venue and its rooms; refused while programme sessions are held there, so that
    no session silently loses its place and time zone."""
    venue = get_venue(session, venue_id)
    used = session.scalar(select(func.count()).where(ProgramSession.venue_id == venue_id)) or 0
    if used:
        raise ConflictError(ngettext(
            "{n} programme session is held at “{name}”; move it before deleting the venue.",
            "{n} programme sessions are held at “{name}”; move them before deleting the venue.",
            used).format(n=used, name=venue.name))
    session.delete(venue)
    session.flush()


def list_venues(session: Session, *, kind: VenueKind | None = None,
                text: str = "") -> Sequence[Venue]:
    """Venues by name; ``text`` matches name and city ignoring case and accents."""
    query = select(Venue).order_by(Venue.name, Venue.city)
    if kind is not None:
        query = query.where(Venue.kind == kind)
    venues = session.scalars(query).all()
    if not text.strip():
        return venues
    needle = fold(text.strip())
    return [v for v in venues if needle in fold(f"{v.name} {v.city}")]


# -- rooms ----------------------------------------------------------------------------------


def validate_room(session: Session, data: RoomInput, existing_id: int | None = None) -> RoomInput:
    check = Checker()
    if session.get(Venue, data.venue_id) is None:
        check.error("venue_id", _("This venue no longer exists."))
    name = check.required("name", data.name, _("The room's name"), 100)
    check.positive("capacity", data.capacity, _("The capacity"))
    if name and check.ok("name") and check.ok("venue_id"):
        clash = session.scalar(select(Room.id).where(
            Room.venue_id == data.venue_id, func.lower(Room.name) == name.lower(),
            Room.id != (existing_id or 0)))
        if clash is not None:
            check.error("name", _("This venue already has a room named “{name}”.")
                        .format(name=name))
    check.raise_if_any()
    return RoomInput(venue_id=data.venue_id, name=name, capacity=data.capacity,
                     notes=data.notes.strip())


def add_room(session: Session, data: RoomInput) -> Room:
    return records.insert(session, Room, validate_room(session, data))


def get_room(session: Session, room_id: int) -> Room:
    return records.fetch(session, Room, room_id, _("This room no longer exists."))


def update_room(session: Session, room_id: int, data: RoomInput) -> Room:
    room = get_room(session, room_id)
    clean = validate_room(session, data, existing_id=room_id)
    return records.assign(session, room, clean)


def room_input(room: Room) -> RoomInput:
    return records.input_of(RoomInput, room)


def delete_room(session: Session, room_id: int) -> None:
    """Delete a room; sessions and tables in it keep their venue and lose only the room."""
    room = get_room(session, room_id)
    session.delete(room)
    session.flush()


def list_rooms(session: Session, venue_id: int) -> Sequence[Room]:
    return session.scalars(select(Room).where(Room.venue_id == venue_id)
                           .order_by(Room.name)).all()
