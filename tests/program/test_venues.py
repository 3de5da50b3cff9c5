"""Venues and rooms: the time zone is checked, airports must be known, names are unique."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import VenueKind
from desktop.errors import ConflictError, ValidationError
from desktop.program.sessions import ProgramSessionInput, add_program_session
from desktop.program.venues import (
    RoomInput,
    VenueInput,
    add_room,
    add_venue,
    delete_venue,
    list_rooms,
    list_venues,
    update_venue,
    venue_input,
)


def hyatt(**changes: object) -> VenueInput:
    data = VenueInput(name="Hyatt Regency", kind=VenueKind.HOTEL, city="Casablanca",
                      country="MA", timezone="Africa/Casablanca")
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_a_venue_is_stored_cleaned(session: Session) -> None:
    venue = add_venue(session, hyatt(name="  Hyatt   Regency ", phone="05 22 43 12 34"))
    assert venue.name == "Hyatt Regency"
    assert venue.phone == "+212522431234"


def test_every_bad_field_is_named_at_once(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        add_venue(session, hyatt(name=" ", timezone="Mars/Olympus", iata="ZZZ"))
    fields = {p.field for p in caught.value.problems}
    assert fields == {"name", "timezone", "iata"}
    assert "Mars/Olympus" in str(caught.value)
    assert "ZZZ" in str(caught.value)


def test_an_airport_venue_names_a_known_airport(session: Session) -> None:
    with pytest.raises(ValidationError, match="airport code"):
        add_venue(session, VenueInput(name="Mohammed V", kind=VenueKind.AIRPORT,
                                      timezone="Africa/Casablanca"))
    venue = add_venue(session, VenueInput(name="Mohammed V", kind=VenueKind.AIRPORT,
                                          timezone="Africa/Casablanca", iata="cmn"))
    assert venue.iata == "CMN"


def test_two_venues_of_one_name_in_one_city_are_refused(session: Session) -> None:
    add_venue(session, hyatt())
    with pytest.raises(ValidationError, match="already exists in Casablanca"):
        add_venue(session, hyatt(name="hyatt regency"))
    assert add_venue(session, hyatt(city="Rabat")).city == "Rabat"


def test_updating_keeps_its_own_name(session: Session) -> None:
    venue = add_venue(session, hyatt())
    data = venue_input(venue)
    data.notes = "Ballroom on the ground floor"
    assert update_venue(session, venue.id, data).notes == "Ballroom on the ground floor"


def test_rooms_are_unique_per_venue(session: Session) -> None:
    venue = add_venue(session, hyatt())
    add_room(session, RoomInput(venue.id, "Salon Atlas", capacity=120))
    with pytest.raises(ValidationError, match="already has a room"):
        add_room(session, RoomInput(venue.id, "salon atlas"))
    with pytest.raises(ValidationError, match="more than zero"):
        add_room(session, RoomInput(venue.id, "Salon Anfa", capacity=0))
    assert [r.name for r in list_rooms(session, venue.id)] == ["Salon Atlas"]


def test_a_venue_with_sessions_cannot_be_deleted(session: Session) -> None:
    from datetime import datetime

    from desktop.db.enums import SessionKind

    venue = add_venue(session, hyatt())
    add_program_session(session, ProgramSessionInput(
        "Opening", SessionKind.PLENARY, datetime(2007, 5, 14, 9), datetime(2007, 5, 14, 10),
        venue_id=venue.id))
    with pytest.raises(ConflictError, match="1 programme session is held at “Hyatt Regency”"):
        delete_venue(session, venue.id)
    other = add_venue(session, hyatt(city="Rabat"))
    delete_venue(session, other.id)
    assert [v.city for v in list_venues(session)] == ["Casablanca"]


def test_listing_matches_text_without_accents(session: Session) -> None:
    add_venue(session, hyatt(name="Théâtre Mohammed V", kind=VenueKind.OTHER, city="Rabat"))
    add_venue(session, hyatt())
    assert [v.name for v in list_venues(session, text="theatre")] == ["Théâtre Mohammed V"]
    assert [v.name for v in list_venues(session, kind=VenueKind.HOTEL)] == ["Hyatt Regency"]
