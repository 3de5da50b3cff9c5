"""Hotel stays and room blocks: who sleeps where, and how many rooms the mission holds.

Stays and blocks are edited here; what is derived from them (nights needed, proposals, the
rooming list, occupancy) lives in :mod:`desktop.travel.rooming` and is re-exported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import records
from desktop.db.enums import RoomType, VenueKind, label
from desktop.db.models import HotelStay, Person, RoomBlock, Venue
from desktop.errors import NotFoundError, ValidationError
from desktop.i18n import _, format_date
from desktop.travel.rooming import (  # re-exported: the hotel capability's public face
    OccupancyRow,
    RoomingRow,
    confirm_stays,
    needed_nights,
    occupancy,
    propose_stays,
    rooming_list,
)
from desktop.validation import Checker

__all__ = [
    "HotelStayInput", "OccupancyRow", "RoomBlockInput", "RoomingRow", "add_block", "add_stay",
    "confirm_stays", "delete_block", "delete_stay", "get_block", "get_stay", "list_blocks",
    "list_hotels", "list_stays", "needed_nights", "occupancy", "propose_stays", "rooming_list",
    "set_blocks", "stay_input", "update_block", "update_stay", "validate_block",
    "validate_stay",
]


@dataclass
class HotelStayInput:
    hotel_id: int
    check_in: date
    check_out: date
    room_type: RoomType = RoomType.SINGLE
    room_number: str = ""
    sharing_with_id: int | None = None
    special_requests: str = ""
    confirmed: bool = False
    notes: str = ""


@dataclass
class RoomBlockInput:
    hotel_id: int
    night: date
    room_type: RoomType
    rooms: int


def _hotel(check: Checker, session: Session, hotel_id: int | None) -> Venue | None:
    venue = session.get(Venue, hotel_id) if hotel_id is not None else None
    if venue is None:
        check.error("hotel_id", _("Choose a hotel."))
    elif venue.kind != VenueKind.HOTEL:
        check.error("hotel_id", _("“{name}” is not a hotel.").format(name=venue.name))
    return venue


def _room_type(check: Checker, value: RoomType | str) -> RoomType:
    try:
        return RoomType(value)
    except ValueError:
        check.error("room_type", _("“{value}” is not a room type.").format(value=value))
        return RoomType.SINGLE


def validate_stay(session: Session, person_id: int, data: HotelStayInput,
                  existing_id: int | None = None) -> HotelStayInput:
    """The cleaned input, or a ValidationError naming every field at fault.

    A person cannot be in two hotel rooms on one night: an overlap with another of their stays
    is refused here (and reported by the checks when an import slipped one in).
    """
    check = Checker()
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("This person is no longer on the roster."))
    hotel = _hotel(check, session, data.hotel_id)
    room_type = _room_type(check, data.room_type)
    if data.check_out <= data.check_in:
        check.error("check_out", _("Check-out ({out}) must be after check-in ({inn}).")
                    .format(out=format_date(data.check_out), inn=format_date(data.check_in)))
    room_number = check.optional("room_number", data.room_number, _("The room number"), 20)
    requests = check.optional("special_requests", data.special_requests,
                              _("Special requests"), 300)
    if data.sharing_with_id is not None:
        mate = session.get(Person, data.sharing_with_id)
        if mate is None:
            check.error("sharing_with_id", _("The room mate is no longer on the roster."))
        elif mate.id == person_id:
            check.error("sharing_with_id", _("A person cannot share a room with themselves."))
        elif room_type == RoomType.SINGLE:
            check.error("room_type", _("A single room cannot be shared with {name}: choose a "
                                       "double or twin room.").format(name=mate.full_name))
    if check.ok("check_out"):
        clash = session.scalars(select(HotelStay).where(
            HotelStay.person_id == person_id, HotelStay.id != (existing_id or 0),
            HotelStay.check_in < data.check_out, HotelStay.check_out > data.check_in)).first()
        if clash is not None:
            check.error("check_in", _("{name} already stays at {hotel} from {inn} to {out}.")
                        .format(name=person.full_name, hotel=clash.hotel.name,
                                inn=format_date(clash.check_in), out=format_date(clash.check_out)))
    check.raise_if_any()
    assert hotel is not None
    return HotelStayInput(hotel_id=hotel.id, check_in=data.check_in, check_out=data.check_out,
                          room_type=room_type, room_number=room_number,
                          sharing_with_id=data.sharing_with_id, special_requests=requests,
                          confirmed=bool(data.confirmed), notes=(data.notes or "").strip())


def add_stay(session: Session, person_id: int, data: HotelStayInput) -> HotelStay:
    clean = validate_stay(session, person_id, data)
    return records.insert(session, HotelStay, clean, person_id=person_id)


def get_stay(session: Session, stay_id: int) -> HotelStay:
    return records.fetch(session, HotelStay, stay_id, _("This hotel stay no longer exists."))


def update_stay(session: Session, stay_id: int, data: HotelStayInput) -> HotelStay:
    stay = get_stay(session, stay_id)
    clean = validate_stay(session, stay.person_id, data, existing_id=stay.id)
    return records.assign(session, stay, clean)


def delete_stay(session: Session, stay_id: int) -> None:
    session.delete(get_stay(session, stay_id))
    session.flush()


def stay_input(stay: HotelStay) -> HotelStayInput:
    return records.input_of(HotelStayInput, stay)


def list_stays(session: Session, *, person_id: int | None = None,
               hotel_id: int | None = None) -> Sequence[HotelStay]:
    """Stays of a person and/or a hotel, by check-in."""
    query = select(HotelStay).order_by(HotelStay.check_in, HotelStay.id)
    if person_id is not None:
        query = query.where(HotelStay.person_id == person_id)
    if hotel_id is not None:
        query = query.where(HotelStay.hotel_id == hotel_id)
    return session.scalars(query).all()


def list_hotels(session: Session) -> Sequence[Venue]:
    """The mission's hotels, in the order they were added (the first is the default)."""
    return session.scalars(select(Venue).where(Venue.kind == VenueKind.HOTEL)
                           .order_by(Venue.id)).all()


# -- room blocks -------------------------------------------------------------------------------


def validate_block(session: Session, data: RoomBlockInput,
                   existing_id: int | None = None) -> RoomBlockInput:
    check = Checker()
    hotel = _hotel(check, session, data.hotel_id)
    room_type = _room_type(check, data.room_type)
    if data.rooms is None or data.rooms < 0:
        check.error("rooms", _("The number of rooms cannot be negative."))
    if hotel is not None and check.ok("room_type"):
        clash = session.scalar(select(RoomBlock.id).where(
            RoomBlock.hotel_id == hotel.id, RoomBlock.night == data.night,
            RoomBlock.room_type == room_type, RoomBlock.id != (existing_id or 0)))
        if clash is not None:
            check.error("night", _("{hotel} already has a block of {type} rooms for the night "
                                   "of {night}; change that one.").format(
                hotel=hotel.name, type=label(room_type).lower(), night=format_date(data.night)))
    check.raise_if_any()
    assert hotel is not None
    return RoomBlockInput(hotel_id=hotel.id, night=data.night, room_type=room_type,
                          rooms=data.rooms)


def add_block(session: Session, data: RoomBlockInput) -> RoomBlock:
    return records.insert(session, RoomBlock, validate_block(session, data))


def get_block(session: Session, block_id: int) -> RoomBlock:
    return records.fetch(session, RoomBlock, block_id, _("This room block no longer exists."))


def update_block(session: Session, block_id: int, data: RoomBlockInput) -> RoomBlock:
    block = get_block(session, block_id)
    clean = validate_block(session, data, existing_id=block.id)
    return records.assign(session, block, clean)


def delete_block(session: Session, block_id: int) -> None:
    session.delete(get_block(session, block_id))
    session.flush()


def set_blocks(session: Session, hotel_id: int, first_night: date, last_night: date,
               room_type: RoomType, rooms: int) -> list[RoomBlock]:
    """Hold ``rooms`` rooms of a type for every night of a range (creating or changing)."""
    if last_night < first_night:
        raise ValidationError(_("The last night ({last}) is before the first ({first}).").format(
            last=format_date(last_night), first=format_date(first_night)), field="last_night")
    blocks = []
    night = first_night
    while night <= last_night:
        existing = session.scalar(select(RoomBlock).where(
            RoomBlock.hotel_id == hotel_id, RoomBlock.night == night,
            RoomBlock.room_type == room_type))
        data = RoomBlockInput(hotel_id=hotel_id, night=night, room_type=room_type, rooms=rooms)
        blocks.append(update_block(session, existing.id, data) if existing is not None
                      else add_block(session, data))
        night += timedelta(days=1)
    return blocks


def list_blocks(session: Session, hotel_id: int | None = None) -> Sequence[RoomBlock]:
    query = select(RoomBlock).order_by(RoomBlock.hotel_id, RoomBlock.night, RoomBlock.room_type)
    if hotel_id is not None:
        query = query.where(RoomBlock.hotel_id == hotel_id)
    return session.scalars(query).all()
