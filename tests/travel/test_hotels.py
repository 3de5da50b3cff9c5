"""Hotel stays and room blocks: what is accepted, what is refused and why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import RoomType, VenueKind
from desktop.db.models import Person, Venue
from desktop.errors import NotFoundError, ValidationError
from desktop.travel.hotels import (
    HotelStayInput,
    RoomBlockInput,
    add_block,
    add_stay,
    delete_block,
    delete_stay,
    list_blocks,
    list_hotels,
    list_stays,
    set_blocks,
    stay_input,
    update_block,
    update_stay,
)

MAY = 5


def stay(hotel: Venue, first: int, last: int, **extra: object) -> HotelStayInput:
    return HotelStayInput(hotel_id=hotel.id, check_in=date(2007, MAY, first),
                          check_out=date(2007, MAY, last), **extra)  # type: ignore[arg-type]


def test_a_stay_is_added_changed_and_deleted(session: Session, person: Callable[..., Person],
                                             hotel: Callable[..., Venue]) -> None:
    who, hyatt = person(), hotel()
    made = add_stay(session, who.id, stay(hyatt, 13, 17, room_number=" 412 "))
    assert (made.nights, made.room_number, made.confirmed) == (4, "412", False)
    data = stay_input(made)
    data.check_out = date(2007, MAY, 18)
    data.confirmed = True
    update_stay(session, made.id, data)
    assert (made.nights, made.confirmed) == (5, True)
    assert list_stays(session, person_id=who.id) == [made]
    delete_stay(session, made.id)
    assert list_stays(session, hotel_id=hyatt.id) == []
    with pytest.raises(NotFoundError):
        delete_stay(session, made.id)


def test_only_a_hotel_can_be_stayed_at(session: Session, person: Callable[..., Person],
                                       hotel: Callable[..., Venue]) -> None:
    centre = hotel("Office des Changes", kind=VenueKind.CONFERENCE_CENTRE)
    with pytest.raises(ValidationError, match="is not a hotel") as exc:
        add_stay(session, person().id, stay(centre, 13, 17))
    assert exc.value.field == "hotel_id"
    assert list_hotels(session) == []


def test_check_out_must_follow_check_in(session: Session, person: Callable[..., Person],
                                        hotel: Callable[..., Venue]) -> None:
    with pytest.raises(ValidationError) as exc:
        add_stay(session, person().id, stay(hotel(), 15, 15))
    assert exc.value.field == "check_out"
    assert "May 15, 2007" in exc.value.message


def test_two_stays_on_one_night_are_refused(session: Session, person: Callable[..., Person],
                                            hotel: Callable[..., Venue]) -> None:
    who, hyatt, tour = person(), hotel(), hotel("Tour Hassan", "Rabat")
    add_stay(session, who.id, stay(hyatt, 13, 16))
    with pytest.raises(ValidationError, match="already stays at Hyatt Regency from May 13, 2007"):
        add_stay(session, who.id, stay(tour, 15, 17))
    assert add_stay(session, who.id, stay(tour, 16, 18)).nights == 2  # touching is fine


def test_sharing_needs_a_real_mate_and_a_room_for_two(
        session: Session, person: Callable[..., Person], hotel: Callable[..., Venue]) -> None:
    ann, bob, hyatt = person("Ann", "Able"), person("Bob", "Baker"), hotel()
    with pytest.raises(ValidationError, match="single room cannot be shared with Bob Baker"):
        add_stay(session, ann.id, stay(hyatt, 13, 17, sharing_with_id=bob.id))
    with pytest.raises(ValidationError, match="with themselves"):
        add_stay(session, ann.id, stay(hyatt, 13, 17, sharing_with_id=ann.id,
                                       room_type=RoomType.TWIN))
    made = add_stay(session, ann.id, stay(hyatt, 13, 17, sharing_with_id=bob.id,
                                          room_type=RoomType.TWIN))
    assert made.sharing_with is bob


def test_room_blocks_one_per_hotel_night_and_type(session: Session,
                                                  hotel: Callable[..., Venue]) -> None:
    hyatt = hotel()
    block = add_block(session, RoomBlockInput(hyatt.id, date(2007, MAY, 13), RoomType.SINGLE, 20))
    with pytest.raises(ValidationError, match="already has a block of single rooms") as exc:
        add_block(session, RoomBlockInput(hyatt.id, date(2007, MAY, 13), RoomType.SINGLE, 5))
    assert exc.value.field == "night"
    with pytest.raises(ValidationError, match="cannot be negative"):
        update_block(session, block.id, RoomBlockInput(hyatt.id, date(2007, MAY, 13),
                                                       RoomType.SINGLE, -1))
    set_blocks(session, hyatt.id, date(2007, MAY, 13), date(2007, MAY, 16), RoomType.SINGLE, 25)
    assert [(b.night.day, b.rooms) for b in list_blocks(session, hyatt.id)] == [
        (13, 25), (14, 25), (15, 25), (16, 25)]
    delete_block(session, block.id)
    assert len(list_blocks(session)) == 3


def test_a_block_range_must_run_forwards(session: Session, hotel: Callable[..., Venue]) -> None:
    with pytest.raises(ValidationError, match="before the first") as exc:
        set_blocks(session, hotel().id, date(2007, MAY, 16), date(2007, MAY, 13),
                   RoomType.TWIN, 4)
    assert exc.value.field == "last_night"
