"""Small travel worlds built with the services: people, hotels, flights."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side, Status, VenueKind
from desktop.db.models import FlightSegment, Organization, Person, Venue
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person
from desktop.travel.flights import FlightInput, add_flight


def dt(text: str) -> datetime:
    """``"2007-05-13 18:00"`` as a naive (local) datetime."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


@pytest.fixture
def organization(session: Session) -> Callable[..., Organization]:
    def make(name: str = "Atlas Outsourcing", side: Side = Side.DELEGATION,
             country: str | None = "US") -> Organization:
        return add_organization(session, OrganizationInput(name=name, side=side,
                                                           country=country))

    return make


@pytest.fixture
def person(session: Session) -> Callable[..., Person]:
    def make(given: str = "Jane", family: str = "Doe", *, status: Status = Status.CONFIRMED,
             category: Category = Category.DELEGATE, organization_id: int | None = None,
             nationality: str | None = "US", **extra: Any) -> Person:
        return add_person(session, PersonInput(
            given_name=given, family_name=family, category=category, status=status,
            organization_id=organization_id, nationality=nationality, **extra))

    return make


@pytest.fixture
def hotel(session: Session) -> Callable[..., Venue]:
    def make(name: str = "Hyatt Regency", city: str = "Casablanca",
             kind: VenueKind = VenueKind.HOTEL) -> Venue:
        venue = Venue(name=name, kind=kind, city=city, country="MA",
                      timezone="Africa/Casablanca")
        session.add(venue)
        session.flush()
        return venue

    return make


@pytest.fixture
def fly(session: Session) -> Callable[..., FlightSegment]:
    """``fly(person, "AT 201", "JFK", "2007-05-13 18:00", "CMN", "2007-05-14 06:30")``."""

    def make(who: Person, code: str, origin: str, departs: str, destination: str,
             arrives: str) -> FlightSegment:
        return add_flight(session, who.id, FlightInput(
            flight_number=code, from_airport=origin, to_airport=destination,
            departs_local=dt(departs), arrives_local=dt(arrives)))

    return make
