"""Flights: a person's legs, entered in each airport's local time, stored as UTC instants.

People read departure and arrival times off tickets in the local time of each airport, so
that is what a form takes. Each time is turned into a UTC instant with the airport's IANA zone
(the airport must be in the mission's table: an unknown code is refused, never read as UTC).
A flight may land "before it leaves" in local terms (across the date line) but never in fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import records
from desktop.dates import local_to_utc, utc_to_local
from desktop.db.models import Airport, FlightSegment, Person
from desktop.errors import ConflictError, NotFoundError, Problem, ValidationError
from desktop.i18n import _
from desktop.travel.airports import get_airport
from desktop.travel.journeys import (  # re-exported: the flight capability's public face
    Journey,
    journeys,
    landing_instant,
    leaving_instant,
)
from desktop.travel.localtime import format_local, local_time, zone_abbreviation
from desktop.validation import Checker, clean_text

__all__ = [
    "FlightInput", "Journey", "add_flight", "add_group_booking", "arrival_local",
    "delete_flight", "departure_local", "flight_input", "get_flight", "journeys",
    "landing_instant", "leaving_instant", "list_flights", "parse_flight_code", "update_flight",
    "validate_flight", "zone_abbreviation",
]

# The longest scheduled non-stop flights take about 19 hours; beyond a day it is a typo.
MAX_FLIGHT_HOURS = 24

# Carrier: an IATA designator of two characters (letters or a digit, e.g. AT, AF, U2, 9W) or
# an ICAO one of three letters; number: up to four digits and an optional operational suffix.
_CODE = re.compile(r"^([A-Z][A-Z0-9]|[0-9][A-Z]|[A-Z]{3})\s*(\d{1,4})([A-Z]?)$")
_CARRIER = re.compile(r"^([A-Z][A-Z0-9]|[0-9][A-Z]|[A-Z]{3})$")
_NUMBER = re.compile(r"^(\d{1,4})([A-Z]?)$")


@dataclass
class FlightInput:
    """One leg as printed on a ticket: times are local to each airport (naive datetimes).

    ``carrier`` may be left empty when ``flight_number`` holds the whole code (``AT201``).
    """

    flight_number: str
    from_airport: str
    to_airport: str
    departs_local: datetime | None
    arrives_local: datetime | None
    carrier: str = ""
    booking_reference: str = ""
    notes: str = ""


def parse_flight_code(carrier: str, number: str) -> tuple[str, str]:
    """``("", "AT 0201")`` or ``("at", "201")`` → ``("AT", "201")``; ValueError with a reason."""
    carrier_text = "".join(carrier.split()).upper()
    number_text = " ".join(number.split()).upper()
    if not carrier_text:
        match = _CODE.match(number_text)
        if match is None:
            raise ValueError(_("“{value}” is not a flight number (write the airline code and "
                               "the number, e.g. AT 201).").format(value=number.strip()))
        carrier_text, digits, suffix = match[1], match[2], match[3]
    else:
        if not _CARRIER.match(carrier_text):
            raise ValueError(_("“{value}” is not an airline code (two characters, e.g. AT, AF, "
                               "UA).").format(value=carrier.strip()))
        rest = number_text.replace(" ", "")
        if rest.startswith(carrier_text) and not _NUMBER.match(rest):
            rest = rest[len(carrier_text):]
        match = _NUMBER.match(rest)
        if match is None:
            raise ValueError(_("“{value}” is not a flight number (up to four digits, e.g. 201 "
                               "or 201A).").format(value=number.strip()))
        digits, suffix = match[1], match[2]
    return carrier_text, f"{int(digits)}{suffix}"


@dataclass(frozen=True)
class _Instants:
    departs_at: datetime
    arrives_at: datetime
    departure_zone: str
    arrival_zone: str


def validate_flight(session: Session, data: FlightInput) -> FlightInput:
    """The cleaned input, or a ValidationError naming every field at fault."""
    clean, _instants = _validate(session, data)
    return clean


def _validate(session: Session, data: FlightInput) -> tuple[FlightInput, _Instants]:
    check = Checker()
    carrier, number = "", ""
    try:
        carrier, number = parse_flight_code(data.carrier or "", data.flight_number or "")
    except ValueError as exc:
        field = "carrier" if clean_text(data.carrier) and _looks_like_bad_carrier(data.carrier) \
            else "flight_number"
        check.error(field, str(exc))
    airports: dict[str, Airport | None] = {}
    for field in ("from_airport", "to_airport"):
        code = clean_text(getattr(data, field)).upper()
        airports[field] = None
        if not code:
            check.error(field, _("The departure airport is required.") if field == "from_airport"
                        else _("The arrival airport is required."))
            continue
        try:
            airports[field] = get_airport(session, code)
        except NotFoundError as exc:
            check.error(field, exc.message)
    origin, destination = airports["from_airport"], airports["to_airport"]
    if origin is not None and destination is not None and origin.iata == destination.iata:
        check.error("to_airport", _("The flight leaves from and lands at the same airport "
                                    "({code}).").format(code=origin.iata))
    departs = _instant(check, "departs_local", data.departs_local, origin,
                       _("The departure time is required."))
    arrives = _instant(check, "arrives_local", data.arrives_local, destination,
                       _("The arrival time is required."))
    if departs is not None and arrives is not None and origin and destination:
        if arrives <= departs:
            check.error("arrives_local", _(
                "The flight would land before it leaves: it leaves {origin} at {departs} and "
                "lands in {destination} at {arrives}, which is {minutes} minutes earlier. Check "
                "the dates and times (each is local to its airport).").format(
                origin=origin.iata, departs=format_local(departs, origin.timezone),
                destination=destination.iata,
                arrives=format_local(arrives, destination.timezone),
                minutes=int((departs - arrives).total_seconds() // 60)))
        elif arrives - departs > timedelta(hours=MAX_FLIGHT_HOURS):
            hours = (arrives - departs).total_seconds() / 3600
            check.error("arrives_local", _(
                "The flight would last {hours:.0f} hours ({origin} {departs} → {destination} "
                "{arrives}): check the dates.").format(
                hours=hours, origin=origin.iata, departs=format_local(departs, origin.timezone),
                destination=destination.iata,
                arrives=format_local(arrives, destination.timezone)))
    reference = "".join((data.booking_reference or "").split()).upper()
    if len(reference) > 20:
        check.error("booking_reference", _("A booking reference has at most 20 characters."))
    check.raise_if_any()
    assert origin is not None and destination is not None
    assert departs is not None and arrives is not None
    assert data.departs_local is not None and data.arrives_local is not None
    clean = FlightInput(flight_number=number, carrier=carrier, from_airport=origin.iata,
                        to_airport=destination.iata,
                        departs_local=data.departs_local.replace(tzinfo=None),
                        arrives_local=data.arrives_local.replace(tzinfo=None),
                        booking_reference=reference, notes=(data.notes or "").strip())
    return clean, _Instants(departs, arrives, origin.timezone, destination.timezone)


def _looks_like_bad_carrier(carrier: str) -> bool:
    return _CARRIER.match("".join(carrier.split()).upper()) is None


def _instant(check: Checker, field: str, local: datetime | None, airport: Airport | None,
             missing: str) -> datetime | None:
    if local is None:
        check.error(field, missing)
        return None
    if local.tzinfo is not None:
        check.error(field, _("Give the time as read locally at the airport, without a zone."))
        return None
    if airport is None:
        return None
    try:
        return local_to_utc(local, airport.timezone)
    except ValueError as exc:
        check.error(field, _("{reason} (airport {code})").format(reason=exc, code=airport.iata))
        return None


def _apply(segment: FlightSegment, clean: FlightInput, instants: _Instants) -> None:
    segment.carrier = clean.carrier
    segment.flight_number = clean.flight_number
    segment.from_airport = clean.from_airport
    segment.to_airport = clean.to_airport
    segment.departs_at = instants.departs_at
    segment.arrives_at = instants.arrives_at
    segment.departure_zone = instants.departure_zone
    segment.arrival_zone = instants.arrival_zone
    segment.booking_reference = clean.booking_reference
    segment.notes = clean.notes


def _person(session: Session, person_id: int) -> Person:
    return records.fetch(session, Person, person_id, _("This person is no longer on the roster."))


def _refuse_duplicate(session: Session, person: Person, clean: FlightInput,
                      instants: _Instants, existing_id: int | None = None) -> None:
    clash = session.scalar(select(FlightSegment.id).where(
        FlightSegment.person_id == person.id, FlightSegment.carrier == clean.carrier,
        FlightSegment.flight_number == clean.flight_number,
        FlightSegment.departs_at == instants.departs_at,
        FlightSegment.id != (existing_id or 0)))
    if clash is not None:
        raise ConflictError(_("{name} is already booked on {flight} leaving {airport} at "
                              "{time}.").format(
            name=person.full_name, flight=f"{clean.carrier} {clean.flight_number}",
            airport=clean.from_airport,
            time=format_local(instants.departs_at, instants.departure_zone)),
            field="flight_number")


def add_flight(session: Session, person_id: int, data: FlightInput) -> FlightSegment:
    """Book one leg for a person; the same flight twice for one person is a conflict."""
    person = _person(session, person_id)
    clean, instants = _validate(session, data)
    _refuse_duplicate(session, person, clean, instants)
    segment = FlightSegment(person_id=person.id)
    _apply(segment, clean, instants)
    session.add(segment)
    session.flush()
    return segment


def add_group_booking(session: Session, person_ids: Sequence[int],
                      data: FlightInput) -> list[FlightSegment]:
    """The same leg for several people at once: all are booked, or none."""
    if not person_ids:
        raise ValidationError(_("Choose at least one person to book on this flight."),
                              field="person_ids")
    clean, instants = _validate(session, data)
    people: list[Person] = []
    missing = 0
    for person_id in dict.fromkeys(person_ids):
        person = session.get(Person, person_id)
        if person is None:
            missing += 1
        else:
            people.append(person)
    if missing:
        raise ValidationError(Problem(_("{n} of the chosen people are no longer on the roster.")
                                      .format(n=missing), field="person_ids"))
    for person in people:
        _refuse_duplicate(session, person, clean, instants)
    segments = []
    for person in people:
        segment = FlightSegment(person_id=person.id)
        _apply(segment, clean, instants)
        session.add(segment)
        segments.append(segment)
    session.flush()
    return segments


def get_flight(session: Session, flight_id: int) -> FlightSegment:
    return records.fetch(session, FlightSegment, flight_id, _("This flight no longer exists."))


def update_flight(session: Session, flight_id: int, data: FlightInput) -> FlightSegment:
    segment = get_flight(session, flight_id)
    clean, instants = _validate(session, data)
    _refuse_duplicate(session, segment.person, clean, instants, existing_id=segment.id)
    _apply(segment, clean, instants)
    session.flush()
    return segment


def delete_flight(session: Session, flight_id: int) -> None:
    """Delete a leg; transfer seats tied to it stay, without their flight."""
    session.delete(get_flight(session, flight_id))
    session.flush()


def list_flights(session: Session, person_id: int | None = None) -> Sequence[FlightSegment]:
    """A person's legs (or every leg), in the order they fly them."""
    query = select(FlightSegment).order_by(FlightSegment.departs_at, FlightSegment.id)
    if person_id is not None:
        query = query.where(FlightSegment.person_id == person_id)
    return session.scalars(query).all()


def flight_input(segment: FlightSegment) -> FlightInput:
    """The editable fields of a leg, times back in each airport's local time (for a form)."""
    return FlightInput(
        carrier=segment.carrier, flight_number=segment.flight_number,
        from_airport=segment.from_airport, to_airport=segment.to_airport,
        departs_local=utc_to_local(segment.departs_at, segment.departure_zone)
        .replace(tzinfo=None),
        arrives_local=utc_to_local(segment.arrives_at, segment.arrival_zone)
        .replace(tzinfo=None),
        booking_reference=segment.booking_reference, notes=segment.notes)


def departure_local(segment: FlightSegment) -> datetime:
    """The aware local departure time at the origin airport."""
    return local_time(segment.departs_at, segment.departure_zone)


def arrival_local(segment: FlightSegment) -> datetime:
    """The aware local arrival time at the destination airport."""
    return local_time(segment.arrives_at, segment.arrival_zone)
