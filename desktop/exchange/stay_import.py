"""Importing hotel stays: a rooming list from a hotel or an agent, matched to the roster.

The hotel is one of the mission's venues of kind hotel, named as the file writes it (case and
accents aside). A row for a person who already stays at that hotel on overlapping nights
updates that stay (a hotel's corrected list moves a check-out); the very same stay is
unchanged. Validation is the hotel service's own: a room shared in a single room, a person in
two rooms on one night, a check-out before the check-in are refused with its words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import RoomType
from desktop.db.models import HotelStay, Person, Venue
from desktop.errors import Problem, ValidationError
from desktop.exchange.fields import Kind, spec
from desktop.exchange.importer import Outcome, RowContext, RowResult, month_first_for
from desktop.exchange.mapping import Mapping
from desktop.exchange.matching import PersonFinder, PersonRef
from desktop.exchange.sources import Cell, Source
from desktop.exchange.values import parse_bool, parse_choice, parse_date
from desktop.i18n import _
from desktop.travel.hotels import (
    HotelStayInput,
    add_stay,
    list_hotels,
    stay_input,
    update_stay,
    validate_stay,
)
from desktop.validation import fold

_TITLE_OF_INPUT = {"hotel_id": "hotel", "check_in": "check_in", "check_out": "check_out",
                   "room_type": "room_type", "room_number": "room_number",
                   "sharing_with_id": "sharing_with", "special_requests": "special_requests",
                   "confirmed": "confirmed", "notes": "notes"}
_FIELD_KEYS = {"hotel_id": "hotel", "sharing_with_id": "sharing_with"}


class StayImporter:
    """Stays matched to people and hotels; overlapping rows for one person are refused."""

    def __init__(self, session: Session, mapping: Mapping, source: Source) -> None:
        self.session = session
        self.people = PersonFinder(session)
        self.hotels: dict[str, Venue] = {fold(h.name): h for h in list_hotels(session)}
        self.month_first = month_first_for(mapping, source, ("check_in", "check_out"))
        self.stays: dict[int, list[HotelStay]] = {}
        for stay in session.scalars(select(HotelStay).order_by(HotelStay.id)):
            self.stays.setdefault(stay.person_id, []).append(stay)
        self.planned: dict[int, list[tuple[date, date, int]]] = {}
        # Held so that the hotel service's lookups of people are answered from the session.
        self.held: list[object] = list(session.scalars(select(Person)))

    def notes(self) -> list[Problem]:
        return []

    def _date(self, cell: Cell) -> date | None:
        return parse_date(cell, month_first=self.month_first)

    def check(self, ctx: RowContext) -> RowResult:
        person = self.people.person(ctx)
        hotel = self._hotel(ctx)
        check_in = ctx.parse("check_in", self._date, None)
        check_out = ctx.parse("check_out", self._date, None)
        for key, day in (("check_in", check_in), ("check_out", check_out)):
            if day is None and not any(p.column == ctx.column(key) for p in ctx.problems):
                ctx.fail(key, _("{field} is required.").format(field=spec(Kind.HOTEL_STAYS,
                                                                           key).title))
        room_type = ctx.parse("room_type", lambda c: parse_choice(RoomType, c, _("room type")),
                              None)
        mate = self._mate(ctx)
        confirmed = ctx.parse("confirmed", lambda c: parse_bool(c) if ctx.text("confirmed")
                              else None, None)
        label = person.full_name if person else ctx.text("person") or ctx.text("family_name")
        if ctx.problems or person is None or hotel is None or check_in is None \
                or check_out is None:
            return RowResult(ctx.number, Outcome.REJECTED, label=label, problems=ctx.problems)
        label = _("{person}: {hotel}, {check_in} → {check_out}").format(
            person=person.full_name, hotel=hotel.name, check_in=check_in.isoformat(),
            check_out=check_out.isoformat())
        existing = self._existing(person.id, hotel.id, check_in, check_out)
        base = stay_input(existing) if existing else HotelStayInput(
            hotel_id=hotel.id, check_in=check_in, check_out=check_out,
            room_type=RoomType.DOUBLE if mate else RoomType.SINGLE)
        data = replace(base, hotel_id=hotel.id, check_in=check_in, check_out=check_out)
        if room_type is not None:
            data.room_type = room_type
        if mate is not None:
            data.sharing_with_id = mate.id
        if confirmed is not None:
            data.confirmed = confirmed
        for key in ("room_number", "special_requests", "notes"):
            text = ctx.text(key, multiline=key != "room_number")
            if text:
                setattr(data, key, text)
        try:
            clean = validate_stay(self.session, person.id, data,
                                  existing_id=existing.id if existing else None)
        except ValidationError as error:
            ctx.take_validation(error, _FIELD_KEYS)
            return RowResult(ctx.number, Outcome.REJECTED, label=label, problems=ctx.problems)
        if self._overlaps(ctx, person, check_in, check_out):
            return RowResult(ctx.number, Outcome.REJECTED, label=label, problems=ctx.problems)
        if existing is None:
            return RowResult(ctx.number, Outcome.ADDED, label=label,
                             payload=(None, person.id, clean))
        before = stay_input(existing)
        changed = [f.name for f in fields(HotelStayInput)
                   if getattr(before, f.name) != getattr(clean, f.name)]
        return RowResult(ctx.number, Outcome.UPDATED if changed else Outcome.UNCHANGED,
                         label=label, payload=(existing.id, person.id, clean),
                         changes=[spec(Kind.HOTEL_STAYS, _TITLE_OF_INPUT[n]).title
                                  for n in changed])

    def _hotel(self, ctx: RowContext) -> Venue | None:
        name = ctx.text("hotel")
        if not name:
            ctx.fail("hotel", _("The hotel is required."))
            return None
        hotel = self.hotels.get(fold(name))
        if hotel is None:
            known = ", ".join(h.name for h in self.hotels.values()) or _("none yet")
            ctx.fail("hotel", _("“{name}” is not one of the mission's hotels ({hotels}); add "
                                "it as a venue of kind hotel first, or correct the name.")
                     .format(name=name, hotels=known))
        return hotel

    def _mate(self, ctx: RowContext) -> PersonRef | None:
        text = ctx.text("sharing_with")
        if not text:
            return None
        mate, why = self.people.find(text)
        if mate is None:
            ctx.fail("sharing_with", why)
        return mate

    def _existing(self, person_id: int, hotel_id: int, check_in: date,
                  check_out: date) -> HotelStay | None:
        """The person's stay this row stands for: the same nights at that hotel, else the one
        stay there that overlaps them."""
        stays = [s for s in self.stays.get(person_id, []) if s.hotel_id == hotel_id]
        same = [s for s in stays if (s.check_in, s.check_out) == (check_in, check_out)]
        if same:
            return same[0]
        overlapping = [s for s in stays if s.check_in < check_out and s.check_out > check_in]
        return overlapping[0] if len(overlapping) == 1 else None

    def _overlaps(self, ctx: RowContext, person: PersonRef, check_in: date,
                  check_out: date) -> bool:
        planned = self.planned.setdefault(person.id, [])
        for start, end, row in planned:
            if start < check_out and end > check_in:
                ctx.fail("check_in", _("Row {row} already puts {person} in a hotel from "
                                       "{start} to {end}; a person has one room a night.")
                         .format(row=row, person=person.full_name, start=start.isoformat(),
                                 end=end.isoformat()))
                return True
        planned.append((check_in, check_out, ctx.number))
        return False

    def write(self, rows: list[RowResult], tick: Callable[[], None]) -> None:
        for row in rows:
            existing_id, person_id, clean = row.payload
            if existing_id is None:
                add_stay(self.session, person_id, clean)
            else:
                update_stay(self.session, existing_id, clean)
            tick()
