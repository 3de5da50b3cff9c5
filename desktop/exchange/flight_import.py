"""Importing flights from a travel agent's sheet: one row per leg, times local to each airport.

A row names its passenger (email, name columns or one "Passenger" cell); a row that names
nobody continues the passenger of the row above, as agents list a traveller's legs under one
name. The flight is one code cell (``AT 201``) or a carrier and a number; airports are codes,
``Casablanca (CMN)`` or a city with one airport. Dates and times come in their own columns or
together in one cell; an arrival time may say ``+1``, and an arrival without a date lands the
same day, or the next when it would otherwise land before it leaves. The travel service turns
local times into instants with each airport's zone and refuses an unknown airport.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.dates import local_to_utc
from desktop.db.models import Airport, FlightSegment, Person
from desktop.errors import Problem, ValidationError
from desktop.exchange.fields import Kind, spec
from desktop.exchange.importer import Outcome, RowContext, RowResult, month_first_for
from desktop.exchange.mapping import Mapping
from desktop.exchange.matching import PersonFinder, PersonRef
from desktop.exchange.sources import Source
from desktop.exchange.values import parse_date_time, parse_time_shift
from desktop.i18n import _, ngettext
from desktop.travel.flights import (
    FlightInput,
    add_flight,
    flight_input,
    update_flight,
    validate_flight,
)
from desktop.validation import fold

_CODE_IN_TEXT = re.compile(r"\(([A-Za-z]{3})\)|^([A-Za-z]{3})\b")
_COMPARED = [f.name for f in fields(FlightInput)]
_FIELD_OF_INPUT = {"flight_number": "flight", "from_airport": "from_airport",
                   "to_airport": "to_airport", "booking_reference": "booking_reference",
                   "notes": "notes", "carrier": "carrier"}
_TITLE_OF_INPUT = {"flight_number": "flight", "carrier": "carrier", "from_airport": "from_airport",
                   "to_airport": "to_airport", "departs_local": "departure_time",
                   "arrives_local": "arrival_time", "booking_reference": "booking_reference",
                   "notes": "notes"}
_Key = tuple[int, str, str, datetime]


class _Airports:
    """The mission's airport table: code → zone, and the cities with a single airport."""

    def __init__(self, session: Session) -> None:
        self.zones: dict[str, str] = {}
        cities: dict[str, list[str]] = {}
        for code, city, name, zone in session.execute(
                select(Airport.iata, Airport.city, Airport.name, Airport.timezone)):
            self.zones[code] = zone
            cities.setdefault(fold(city), []).append(code)
            cities.setdefault(fold(name), []).append(code)
        self.by_city = {city: codes[0] for city, codes in cities.items() if len(codes) == 1}

    def code(self, text: str) -> str:
        """The IATA code ``text`` means; an unknown one is returned as written, for the
        travel service to refuse with its message."""
        text = text.strip()
        if text.upper() in self.zones:
            return text.upper()
        match = _CODE_IN_TEXT.search(text)
        if match:
            found = (match[1] or match[2]).upper()
            if found in self.zones:
                return found
        return self.by_city.get(fold(text), text.upper())


class FlightImporter:
    """Legs matched to the roster; the same leg already booked is unchanged, not doubled."""

    def __init__(self, session: Session, mapping: Mapping, source: Source) -> None:
        self.session = session
        self.mapping = mapping
        self.people = PersonFinder(session)
        self.airports = _Airports(session)
        self.month_first = month_first_for(mapping, source, ("departure_date", "arrival_date"))
        self.existing: dict[_Key, FlightSegment] = {
            (s.person_id, s.carrier, s.flight_number, s.departs_at.astimezone(UTC)): s
            for s in session.scalars(select(FlightSegment))}
        # The session's identity map holds its objects weakly: keeping the airports here
        # lets the travel service's lookups for each leg be answered without a query.
        self.held: list[object] = list(session.scalars(select(Airport)))
        self.seen: dict[_Key, int] = {}
        self.previous: PersonRef | None = None
        self.carried = 0

    def notes(self) -> list[Problem]:
        if not self.carried:
            return []
        return [Problem(ngettext(
            "{n} row names no passenger: it is taken as a leg of the passenger above it.",
            "{n} rows name no passenger: each is taken as a leg of the passenger above it.",
            self.carried).format(n=self.carried), severity="warning")]

    def check(self, ctx: RowContext) -> RowResult:
        person = self._person(ctx)
        data = self._read(ctx)
        clean = None
        if data is not None:
            try:
                clean = validate_flight(self.session, data)
            except ValidationError as error:
                ctx.take_validation(error, self._field_keys(ctx))
        label = person.full_name if person else ctx.text("person") or ctx.text("family_name")
        if ctx.problems or person is None or clean is None:
            return RowResult(ctx.number, Outcome.REJECTED, label=label, problems=ctx.problems)
        assert clean.departs_local is not None
        departs_at = local_to_utc(clean.departs_local, self.airports.zones[clean.from_airport])
        key = (person.id, clean.carrier, clean.flight_number, departs_at.astimezone(UTC))
        label = _("{person}: {flight} {origin} → {destination}").format(
            person=person.full_name, flight=f"{clean.carrier} {clean.flight_number}",
            origin=clean.from_airport, destination=clean.to_airport)
        if key in self.seen:
            ctx.fail("flight", _("Row {row} already books {person} on this flight; keep one of "
                                 "the two rows.").format(row=self.seen[key],
                                                         person=person.full_name))
            return RowResult(ctx.number, Outcome.REJECTED, label=label, problems=ctx.problems)
        self.seen[key] = ctx.number
        existing = self.existing.get(key)
        if existing is None:
            return RowResult(ctx.number, Outcome.ADDED, label=label,
                             payload=(None, person.id, clean))
        before = flight_input(existing)
        clean = replace(clean, booking_reference=clean.booking_reference
                        or before.booking_reference, notes=clean.notes or before.notes)
        changed = [n for n in _COMPARED if getattr(before, n) != getattr(clean, n)]
        return RowResult(ctx.number, Outcome.UPDATED if changed else Outcome.UNCHANGED,
                         label=label, payload=(existing.id, person.id, clean),
                         changes=[spec(Kind.FLIGHTS, _TITLE_OF_INPUT[n]).title for n in changed])

    def _person(self, ctx: RowContext) -> PersonRef | None:
        if not self.people.names_anyone(ctx) and self.previous is not None:
            self.carried += 1
            return self.previous
        self.previous = self.people.person(ctx)
        return self.previous

    def _field_keys(self, ctx: RowContext) -> dict[str, str]:
        keys = dict(_FIELD_OF_INPUT)
        if not ctx.has("carrier"):
            keys["carrier"] = "flight"
        keys["departs_local"] = "departure_time" if ctx.has("departure_time") \
            else "departure_date"
        keys["arrives_local"] = "arrival_time" if ctx.has("arrival_time") else "arrival_date"
        return keys

    def _read(self, ctx: RowContext) -> FlightInput | None:
        """The row as a ticket reads, or ``None`` (with the row's problems) when its dates
        and times cannot be read."""
        before = len(ctx.problems)
        origin = self.airports.code(ctx.text("from_airport"))
        destination = self.airports.code(ctx.text("to_airport"))
        departs = self._moment(ctx, "departure_date", "departure_time", None)
        if departs is None:
            return None
        arrives = self._moment(ctx, "arrival_date", "arrival_time", departs)
        if len(ctx.problems) > before or arrives is None:
            return None
        if not ctx.text("arrival_date") and not self._shifted(ctx) and \
                self._lands_before(origin, departs, destination, arrives):
            arrives += timedelta(days=1)
        return FlightInput(flight_number=ctx.text("flight"), carrier=ctx.text("carrier"),
                           from_airport=origin, to_airport=destination,
                           departs_local=departs, arrives_local=arrives,
                           booking_reference=ctx.text("booking_reference"),
                           notes=ctx.text("notes", multiline=True))

    def _shifted(self, ctx: RowContext) -> bool:
        try:
            return parse_time_shift(ctx.cell("arrival_time"))[1] > 0
        except ValueError:
            return False

    def _moment(self, ctx: RowContext, date_key: str, time_key: str,
                departs: datetime | None) -> datetime | None:
        """A local date-time from a date (or date-time) cell and a time cell; an arrival
        without a date takes the departure's."""
        before = len(ctx.problems)
        nothing: tuple[date | None, time | None] = (None, None)
        day, clock = ctx.parse(date_key, lambda c: parse_date_time(
            c, month_first=self.month_first), nothing)
        no_time: tuple[time | None, int] = (None, 0)
        shift_clock, days = ctx.parse(time_key, parse_time_shift, no_time)
        if len(ctx.problems) > before:
            return None
        clock = shift_clock or clock
        if day is None and departs is not None:
            day = departs.date()
        if day is None:
            ctx.fail(date_key, _("The departure date is required."))
            return None
        if clock is None:
            what = _("The departure time is required") if departs is None \
                else _("The arrival time is required")
            ctx.fail(time_key if ctx.has(time_key) else date_key,
                     _("{what}: give it in a time column or with the date (e.g. 2007-05-13 "
                       "18:40).").format(what=what))
            return None
        return _combine(day, clock) + timedelta(days=days)

    def _lands_before(self, origin: str, departs: datetime, destination: str,
                      arrives: datetime) -> bool:
        zones = self.airports.zones
        if origin not in zones or destination not in zones:
            return False
        try:
            return local_to_utc(arrives, zones[destination]) <= \
                local_to_utc(departs, zones[origin])
        except ValueError:
            return False

    def write(self, rows: list[RowResult], tick: Callable[[], None]) -> None:
        people = {row.payload[1] for row in rows}
        self.held += self.session.scalars(select(Person).where(Person.id.in_(people)))
        for row in rows:
            existing_id, person_id, clean = row.payload
            if existing_id is None:
                add_flight(self.session, person_id, clean)
            else:
                update_flight(self.session, existing_id, clean)
            tick()


def _combine(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock.replace(tzinfo=None))
