"""What the day's timeline draws: each flight landing or leaving, each run, at its local time.

Plain data read through the travel services (the board and the drivers' manifests), with the
words of the labels and tooltips already chosen, so the chart only lays out and paints.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.checks import Ref
from desktop.db.enums import TransferDirection, TransferStatus, label
from desktop.db.models import Mission
from desktop.i18n import _, ngettext
from desktop.travel.localtime import zone_abbreviation
from desktop.travel.manifests import BoardRow, Manifest, arrivals_board, board_legs, manifest
from desktop.travel.transfers import list_transfers

TOOLTIP_PEOPLE = 25  # names listed in a tooltip before "and n more"
RUN_MINUTES = 45  # how long a run's bar lasts on the chart (runs have no arrival time)


class Band(enum.IntEnum):
    """The horizontal bands of the chart, top to bottom."""

    ARRIVALS = 0
    DEPARTURES = 1
    RUNS = 2


@dataclass(frozen=True)
class Mark:
    """One flight or run of the day, at ``minutes`` after local midnight."""

    band: Band
    direction: TransferDirection
    minutes: float
    title: str  # the label drawn beside the mark
    tooltip: str
    ref: Ref | None  # what a double-click opens
    people: int
    span: float = 0  # minutes a run's bar lasts; 0 for a flight
    transfer_id: int | None = None
    row: BoardRow | None = None


@dataclass(frozen=True)
class DayMarks:
    """The day's marks, in time order, and the zone their times are read in."""

    day: date
    marks: tuple[Mark, ...]
    zone: str  # abbreviation of the host country's zone that day, e.g. "UTC+00"


def _minutes(local: datetime) -> float:
    return local.hour * 60 + local.minute + local.second / 60


def _people(n: int) -> str:
    return ngettext("{n} person", "{n} people", n).format(n=n)


def _listed(lines: list[str]) -> str:
    shown = lines[:TOOLTIP_PEOPLE]
    more = len(lines) - len(shown)
    if more:
        shown.append(ngettext("and {n} more", "and {n} more", more).format(n=more))
    return "\n".join(f"  {line}" for line in shown)


def flight_mark(session: Session, row: BoardRow) -> Mark:
    """A flight of the board as the chart shows it: time, code and head count; the tooltip
    lists who is aboard, where they sleep and which run carries them."""
    arriving = row.direction == TransferDirection.ARRIVAL
    clock = row.local_time.strftime("%H:%M")
    people = len(row.passengers)
    title = _("{time} {flight} · {people}").format(time=clock, flight=row.flight,
                                                   people=_people(people))
    if arriving:
        head = _("{flight} from {airport}: lands at {home} at {time} {zone}")
    else:
        head = _("{flight} to {airport}: leaves {home} at {time} {zone}")
    lines = []
    for passenger in row.passengers:
        run = (passenger.transfer_time.strftime("%H:%M") if passenger.transfer_time
               else _("no run"))
        lines.append(_("{name} — {hotel} — run {run}").format(
            name=passenger.name, hotel=passenger.hotel or _("no hotel"), run=run))
    tooltip = "\n".join((
        head.format(flight=row.flight, airport=row.other_airport, home=row.airport, time=clock,
                    zone=row.zone_abbreviation),
        ngettext("{n} traveller (hotel, run):", "{n} travellers (hotel, run):", people).format(
            n=people),
        _listed(lines)))
    legs = board_legs(session, row)
    ref = (Ref("flight", legs[0]) if legs
           else Ref("person", row.passengers[0].person_id) if row.passengers else None)
    return Mark(Band.ARRIVALS if arriving else Band.DEPARTURES, row.direction,
                _minutes(row.local_time), title, tooltip, ref, people, row=row)


def run_mark(sheet: Manifest) -> Mark:
    """A run as a bar from its departure: time, where to and seats taken; the tooltip gives
    the vehicle, the driver and the passengers with their flight and luggage."""
    clock = sheet.departs_local.strftime("%H:%M")
    taken = len(sheet.rows)
    title = _("{time} → {place} · {taken}/{seats}").format(
        time=clock, place=sheet.drop_off, taken=taken, seats=sheet.capacity)
    head = _("{time} {zone}: {origin} → {destination}").format(
        time=clock, zone=sheet.zone_abbreviation, origin=sheet.pick_up,
        destination=sheet.drop_off)
    vehicle = _("{vehicle}, {taken} of {seats} seats taken, {status}").format(
        vehicle=" ".join(part for part in (label(sheet.vehicle_kind), sheet.vehicle) if part),
        taken=taken, seats=sheet.capacity, status=label(TransferStatus(sheet.status)).lower())
    parts = [head, vehicle]
    if sheet.driver_name or sheet.driver_phone:
        parts.append(_("Driver: {name} {phone}").format(
            name=sheet.driver_name or _("(no name)"), phone=sheet.driver_phone).strip())
    lines = []
    for row in sheet.rows:
        line = _("{name} ({flight})").format(name=row.name, flight=row.flight) if row.flight \
            else row.name
        if row.luggage_note:
            line = _("{passenger} — luggage: {note}").format(passenger=line,
                                                             note=row.luggage_note)
        lines.append(line)
    if lines:
        parts.append(ngettext("{n} passenger:", "{n} passengers:", taken).format(n=taken))
        parts.append(_listed(lines))
    else:
        parts.append(_("No passenger yet."))
    return Mark(Band.RUNS, sheet.direction, _minutes(sheet.departs_local), title,
                "\n".join(parts), Ref("transfer", sheet.transfer_id), taken,
                span=RUN_MINUTES, transfer_id=sheet.transfer_id)


def day_marks(session: Session, day: date, rows: list[BoardRow] | None = None) -> DayMarks:
    """Every flight of the board and every run leaving on ``day`` (local), in time order."""
    board = arrivals_board(session, day) if rows is None else rows
    marks = [flight_mark(session, row) for row in board]
    sheets = [manifest(session, run.id) for run in list_transfers(session, day=day)]
    marks.extend(run_mark(sheet) for sheet in sheets)
    marks.sort(key=lambda m: (m.band, m.minutes, m.title))
    home = session.scalar(select(Mission.home_timezone)) or "UTC"
    noon = datetime.combine(day, time(12), tzinfo=ZoneInfo(home))
    return DayMarks(day, tuple(marks), zone_abbreviation(noon))
