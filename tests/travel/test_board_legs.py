"""A line of the arrivals board leads back to each traveller's own flight segment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from desktop.db.models import FlightSegment, Person
from desktop.travel.manifests import arrivals_board, board_legs


def test_each_line_of_the_board_knows_the_segments_it_stands_for(
        session: Session, person: Callable[..., Person],
        fly: Callable[..., FlightSegment]) -> None:
    ann, bob = person("Ann", "Able"), person("Bob", "Baker")
    anns = fly(ann, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    bobs = fly(bob, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")
    leaving = fly(ann, "AT 200", "CMN", "2007-05-14 11:00", "JFK", "2007-05-14 13:30")
    landing, departing = arrivals_board(session, date(2007, 5, 14))
    assert board_legs(session, landing) == [anns.id, bobs.id]
    assert board_legs(session, departing) == [leaving.id]
