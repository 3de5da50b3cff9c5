"""The airport table: shipped with the app for the airports a mission like ours uses, and
extensible per mission. An unknown code is an error, never a silent UTC."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Airport
from desktop.errors import ConflictError, NotFoundError
from desktop.i18n import _
from desktop.validation import Checker


@dataclass(frozen=True)
class AirportInput:
    iata: str
    name: str
    city: str
    country: str
    timezone: str


@cache
def shipped_airports() -> tuple[AirportInput, ...]:
    """The airports that ship in ``resources/data/airports.csv``."""
    text = resources.files("resources").joinpath("data", "airports.csv").read_text("utf-8")
    return tuple(AirportInput(**row) for row in csv.DictReader(io.StringIO(text)))


def seed_airports(session: Session) -> int:
    """Add the shipped airports the mission does not have yet; returns how many were added."""
    have = set(session.scalars(select(Airport.iata)))
    added = 0
    for airport in shipped_airports():
        if airport.iata not in have:
            session.add(Airport(**airport.__dict__))
            added += 1
    session.flush()
    return added


def validate_airport(data: AirportInput) -> AirportInput:
    check = Checker()
    code = data.iata.strip().upper()
    if len(code) != 3 or not code.isalpha():
        check.error("iata", _("“{value}” is not an IATA airport code (three letters, e.g. CMN).")
                    .format(value=data.iata))
    name = check.required("name", data.name, _("The airport's name"), 200)
    city = check.required("city", data.city, _("The city"), 100)
    country = check.country("country", data.country)
    if country is None and check.ok("country"):
        check.error("country", _("The country is required."))
    zone = check.timezone("timezone", data.timezone)
    check.raise_if_any()
    return AirportInput(iata=code, name=name, city=city, country=country or "", timezone=zone)


def add_airport(session: Session, data: AirportInput) -> Airport:
    """Add (or correct) an airport of the mission's table."""
    clean = validate_airport(data)
    airport = session.get(Airport, clean.iata)
    if airport is None:
        airport = Airport(**clean.__dict__)
        session.add(airport)
    else:
        for key, value in clean.__dict__.items():
            setattr(airport, key, value)
    session.flush()
    return airport


def get_airport(session: Session, code: str) -> Airport:
    """The airport with IATA ``code``; an unknown code is an error that says how to fix it."""
    airport = session.get(Airport, code.strip().upper())
    if airport is None:
        raise NotFoundError(
            _("Unknown airport code “{code}”: add the airport (its city and time zone) to the "
              "mission's airport table first.").format(code=code.strip().upper()),
            field="airport")
    return airport


def delete_airport(session: Session, code: str) -> None:
    """Remove an airport no flight or venue uses (to take back one just added)."""
    from desktop.db.models import FlightSegment, Venue

    airport = get_airport(session, code)
    used = session.scalar(select(FlightSegment.id).where(
        (FlightSegment.from_airport == airport.iata) | (FlightSegment.to_airport == airport.iata)
    ).limit(1))
    if used is None:
        used = session.scalar(select(Venue.id).where(Venue.iata == airport.iata).limit(1))
    if used is not None:
        raise ConflictError(_("The airport {code} is in use and cannot be removed.")
                            .format(code=airport.iata))
    session.delete(airport)
    session.flush()
