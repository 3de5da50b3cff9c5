"""Personal calendars: what a person's itinerary holds, as an iCalendar file (RFC 5545).

A delegate imports it into the calendar of a phone or a laptop (Outlook, Google, Apple):
flights, transfers, hotel stays, programme sessions and B2B meetings, each in its own time
zone, so that the phone shows the right hour on either side of the Atlantic. The texts are
in the person's language (or the one asked for), like the printed itinerary.

Every event keeps the identity (UID) of the record it comes from and of the person: a calendar
that takes updates replaces an event whose meeting moved instead of adding a second one.

The icalendar library writes the format: its escaping and 75-octet line folding, and the
VTIMEZONE blocks drawn from the IANA database that calendar programs need to place a
TZID-stamped time, are easy to get subtly wrong by hand.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.dates import utc_to_local
from desktop.db.enums import source_label
from desktop.errors import Cancelled, MissionDeskError, UsageError, os_reason
from desktop.i18n import _, translate_in
from desktop.reports.itinerary import Appointment, ItineraryData, file_name
from desktop.reports.selection import Selection

PRODUCT = "-//Mission Desk//Mission Desk//EN"

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def uid_domain(created: datetime) -> str:
    """The right-hand part of every UID: the mission's moment of creation, which neither a
    new name nor new dates change, so that an event keeps its identity."""
    return f"mission-{created:%Y%m%dT%H%M%S}.mission-desk"


def person_calendar(person: ItineraryData, *, mission_name: str, domain: str,
                    stamp: datetime | None = None) -> bytes:
    """The iCalendar text of one person's itinerary, in ``person.language``."""
    from icalendar import Calendar, Event

    language = person.language

    def t(message: str) -> str:
        return translate_in(language, message)

    stamp = stamp or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", t("{mission}: {person}").format(mission=mission_name,
                                                                 person=person.name))

    def event(uid: str, summary: str, start: object, end: object | None = None,
              location: str = "", lines: Sequence[str] = ()) -> None:
        item = Event()
        item.add("uid", f"{uid}-p{person.person_id}@{domain}")
        item.add("dtstamp", stamp)
        item.add("dtstart", start)
        if end is not None:
            item.add("dtend", end)
        item.add("summary", summary)
        if location:
            item.add("location", location)
        text = "\n".join(line for line in lines if line)
        if text:
            item.add("description", text)
        calendar.add_component(item)

    for flight in person.flights:
        origin = f"{flight.from_city} ({flight.from_code})" if flight.from_city \
            else flight.from_code
        destination = f"{flight.to_city} ({flight.to_code})" if flight.to_city \
            else flight.to_code
        event(flight.uid, t("Flight {code}: {origin} → {destination}").format(
                  code=flight.code, origin=origin, destination=destination),
              flight.departs, flight.arrives, location=origin,
              lines=[t("Booking reference: {reference}").format(
                  reference=flight.booking_reference) if flight.booking_reference else ""])
    for ride in person.rides:
        # A transfer says when it leaves, not when it arrives: the event has no end.
        event(ride.uid, t("Transfer: {start} → {end}").format(start=ride.pick_up,
                                                              end=ride.drop_off),
              ride.departs, location=ride.pick_up,
              lines=[", ".join(x for x in (t(source_label(ride.vehicle_kind)), ride.vehicle)
                               if x),
                     t("Driver: {name}").format(name=ride.driver) if ride.driver else "",
                     t("Driver's phone: {phone}").format(phone=ride.driver_phone)
                     if ride.driver_phone else ""])
    for stay in person.stays:
        # A whole-day event over the nights: the check-out day is its (excluded) end.
        event(stay.uid, t("Stay: {hotel}").format(hotel=stay.hotel), stay.check_in,
              stay.check_out, location=", ".join(x for x in (stay.hotel, stay.address) if x),
              lines=[t("Room {number}").format(number=stay.room_number)
                     if stay.room_number else "",
                     t("Hotel's phone: {phone}").format(phone=stay.phone) if stay.phone else ""])
    for appointment in person.appointments:
        _appointment(appointment, language, event)
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data


def _appointment(item: Appointment, language: str,
                 event: Callable[..., None]) -> None:
    from desktop.travel.attendance import venue_instant

    def t(message: str) -> str:
        return translate_in(language, message)

    zone = item.zone or "UTC"
    starts = utc_to_local(venue_instant(item.starts, zone), zone)
    ends = utc_to_local(venue_instant(item.ends, zone), zone)
    title = item.title_fr if language == "fr" and item.title_fr else item.title
    if item.interpreting:
        event(item.uid, t("Interpreting: {pair}").format(pair=item.other_party), starts, ends,
              location=", ".join(x for x in (item.table, item.place) if x), lines=[title])
    elif item.is_meeting:
        event(item.uid, t("B2B meeting: {other}").format(other=item.other_party), starts, ends,
              location=", ".join(x for x in (item.table, item.place) if x),
              lines=[title, t("Interpreter: {name}").format(name=item.interpreter)
                     if item.interpreter else ""])
    else:
        event(item.uid, title, starts, ends, location=item.place)


def gather_calendars(session: Session, selection: Selection,
                     language: str | None = None) -> tuple[list[ItineraryData], str, str]:
    """The people ``selection`` names with their itineraries (in ``language`` when given),
    the mission's name and the UIDs' domain."""
    from desktop.missions import get_mission
    from desktop.reports.itinerary_data import gather_itineraries
    from desktop.reports.selection import choose_people

    mission = get_mission(session)
    people = gather_itineraries(session, choose_people(session, selection))
    if language:
        people = [replace(p, language=language) for p in people]
    return people, mission.name, uid_domain(mission.created_at)


def write_calendar(people: Sequence[ItineraryData], target: Path, *, mission_name: str,
                   domain: str) -> Path:
    """One person's calendar into ``target`` (an .ics file), whole or not at all."""
    if len(people) != 1:
        raise UsageError(_("A calendar file is for one person: choose one, or write one "
                           "calendar per person into a folder."))
    data = person_calendar(people[0], mission_name=mission_name, domain=domain)
    partial = target.with_name(f".{target.name}.part")
    try:
        partial.write_bytes(data)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise MissionDeskError(_("Cannot write {file}: {reason}").format(
            file=target, reason=os_reason(exc))) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def write_calendars(people: Sequence[ItineraryData], folder: Path, *, mission_name: str,
                    domain: str, on_progress: Progress | None = None,
                    should_cancel: Cancel | None = None) -> list[Path]:
    """One calendar per person into ``folder`` (``0012-ouellet-eloise.ics``), all or none:
    written into a hidden folder first and moved into place once every one is done."""
    if not people:
        raise UsageError(_("Nobody is chosen: there is no calendar to write."))
    names = [file_name(person, ".ics") for person in people]
    taken = [name for name in names if (folder / name).is_dir()]
    if taken:  # found before anything is written: all or none
        raise MissionDeskError(_("Cannot write {file}: {reason}").format(
            file=folder / taken[0], reason=_("it is a folder")))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".calendars-", dir=folder))
    except OSError as exc:
        raise MissionDeskError(_("Cannot write into {folder}: {reason}").format(
            folder=folder, reason=os_reason(exc))) from exc
    stamp = datetime.now(UTC)
    try:
        staged = []
        for index, person in enumerate(people):
            if should_cancel is not None and should_cancel():
                raise Cancelled(_("Stopped: nothing was written."))
            if on_progress is not None:
                on_progress(index, len(people))
            path = staging / names[index]
            path.write_bytes(person_calendar(person, mission_name=mission_name, domain=domain,
                                             stamp=stamp))
            staged.append(path)
        if on_progress is not None:
            on_progress(len(people), len(people))
        return [path.replace(folder / path.name) for path in staged]
    except OSError as exc:
        raise MissionDeskError(_("Cannot write into {folder}: {reason}").format(
            folder=folder, reason=os_reason(exc))) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)

