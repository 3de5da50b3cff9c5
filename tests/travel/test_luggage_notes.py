"""A passenger's luggage note is written on their seat and printed on the driver's manifest."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import TransferDirection
from desktop.db.models import Person, Transfer, Venue
from desktop.errors import NotFoundError, ValidationError
from desktop.travel.proposals import airport_venue
from desktop.travel.transfers import (
    TransferInput,
    add_passenger,
    add_transfer,
    manifest,
    set_luggage_note,
)
from tests.travel.conftest import dt


@pytest.fixture
def van(session: Session, hotel: Callable[..., Venue]) -> Transfer:
    return add_transfer(session, TransferInput(
        direction=TransferDirection.ARRIVAL, from_venue_id=airport_venue(session, "CMN").id,
        to_venue_id=hotel().id, departs_local=dt("2007-05-14 07:30"), capacity=3))


def test_a_luggage_note_is_kept_on_one_line_and_shows_in_the_manifest(
        session: Session, van: Transfer, person: Callable[..., Person]) -> None:
    ann, bob = person("Ann", "Able"), person("Bob", "Baker")
    add_passenger(session, van.id, ann.id)
    add_passenger(session, van.id, bob.id)
    assert set_luggage_note(session, van.id, ann.id, "  two golf\nbags ") == "two golf bags"
    notes = {row.name: row.luggage_note for row in manifest(session, van.id).rows}
    assert notes == {"Ann Able": "two golf bags", "Bob Baker": ""}
    assert set_luggage_note(session, van.id, ann.id, "") == ""
    assert manifest(session, van.id).rows[0].luggage_note == ""


def test_a_note_too_long_or_for_someone_not_aboard_is_refused(
        session: Session, van: Transfer, person: Callable[..., Person]) -> None:
    ann, bob = person("Ann", "Able"), person("Bob", "Baker")
    add_passenger(session, van.id, ann.id)
    with pytest.raises(ValidationError) as exc:
        set_luggage_note(session, van.id, ann.id, "x" * 201)
    assert exc.value.problems[0].field == "luggage_note"
    with pytest.raises(NotFoundError):
        set_luggage_note(session, van.id, bob.id, "a box")
