"""The mission's airport table: adding an airport, and taking back one nobody uses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from desktop.db.models import Airport, Person
from desktop.errors import ConflictError, NotFoundError
from desktop.travel.airports import AirportInput, add_airport, delete_airport
from desktop.travel.flights import FlightInput, add_flight
from tests.travel.conftest import dt

OZZ = AirportInput(iata="OZZ", name="Ouarzazate", city="Ouarzazate", country="MA",
                   timezone="Africa/Casablanca")


def test_an_airport_just_added_can_be_removed(session: Session) -> None:
    add_airport(session, OZZ)
    delete_airport(session, "ozz")
    assert session.get(Airport, "OZZ") is None


def test_an_airport_a_flight_uses_stays(session: Session, person: Callable[..., Person]) -> None:
    add_airport(session, OZZ)
    traveller = person()
    add_flight(session, traveller.id, FlightInput(
        flight_number="AT 410", from_airport="CMN", to_airport="OZZ",
        departs_local=dt("2007-05-15 08:00"), arrives_local=dt("2007-05-15 09:00")))
    with pytest.raises(ConflictError, match="OZZ"):
        delete_airport(session, "OZZ")


def test_an_unknown_airport_cannot_be_removed(session: Session) -> None:
    with pytest.raises(NotFoundError):
        delete_airport(session, "QQQ")
