"""Personal itineraries: one per person, in that person's language, day by day.

Flights (local times at each airport), transfers, hotel check-in and check-out, programme
sessions and B2B meetings, then the organisers' contacts and the emergency numbers. One PDF
can hold many people (each starts on a new page and has its own page numbers), or
:meth:`Itinerary.write_split` writes one file per person into a folder.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from desktop.db.enums import VehicleKind
from desktop.i18n import format_date, format_time, format_weekday_date, translate_in
from desktop.reports.base import (
    CancelCheck,
    FlowDocument,
    Job,
    ProgressCallback,
    ProgressMark,
    SectionStart,
    styles,
    table,
)
from desktop.reports.bidi import paragraph
from desktop.reports.text import para

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.reports.selection import Selection

TIME_COLUMN = 36 * mm
CHECK_IN_TIME = "14:59"  # where a check-in sorts when no transfer brings the person
CHECK_OUT_TIME = "11:59"
KIND_COLUMN = 26 * mm
COVER_SPACE = 55 * mm
CONTACT_NAME = 55 * mm
GLANCE_LABEL = 38 * mm
CONTACT_PHONE = 42 * mm


@dataclass(frozen=True)
class Flight:
    code: str
    departs: datetime  # aware, local to the departure airport
    arrives: datetime  # aware, local to the arrival airport
    from_code: str
    from_city: str
    to_code: str
    to_city: str
    booking_reference: str = ""
    uid: str = ""  # the record's lasting identity, for calendars ("flight-12")


@dataclass(frozen=True)
class Ride:
    departs: datetime  # aware, local to the pick-up place
    pick_up: str
    drop_off: str
    vehicle_kind: VehicleKind
    vehicle: str = ""
    driver: str = ""
    driver_phone: str = ""
    uid: str = ""


@dataclass(frozen=True)
class Stay:
    hotel: str
    check_in: date
    check_out: date
    address: str = ""
    phone: str = ""
    room_number: str = ""
    uid: str = ""


@dataclass(frozen=True)
class Appointment:
    """A programme session or a B2B meeting (venue-local wall-clock times)."""

    starts: datetime
    ends: datetime
    title: str
    title_fr: str = ""
    place: str = ""
    table: str = ""  # set for a B2B meeting
    other_party: str = ""  # for an interpreter's meeting, both parties ("A – B")
    interpreter: str = ""
    interpreting: bool = False  # the person interprets at this meeting
    zone: str = ""  # the IANA time zone its wall-clock times are read in
    uid: str = ""

    @property
    def is_meeting(self) -> bool:
        return bool(self.other_party)


@dataclass(frozen=True)
class Contact:
    name: str
    role: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class ItineraryData:
    """Everything one person's itinerary shows."""

    person_id: int
    name: str
    language: str
    full_name: str = ""  # given and family name, when ``name`` is a badge name
    organization: str = ""
    mission_start: date | None = None
    mission_end: date | None = None
    flights: list[Flight] = field(default_factory=list)
    rides: list[Ride] = field(default_factory=list)
    stays: list[Stay] = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)
    organisers: list[Contact] = field(default_factory=list)
    emergency: str = ""


@dataclass(frozen=True)
class _Line:
    day: date
    order: tuple[str, int]  # local wall-clock "HH:MM", then check-out / other / check-in
    when: str
    kind: str
    what: str


class Itinerary(FlowDocument):
    """Itineraries of one or many people; each person's pages are in their language."""

    def __init__(self, people: Sequence[ItineraryData], *, mission_name: str,
                 **options: Any) -> None:
        super().__init__(mission_name=mission_name, **options)
        self.people = list(people)

    @classmethod
    def from_session(cls, session: Session, selection: Selection | None = None,
                     **options: Any) -> Itinerary:
        """Everyone ``selection`` names (default: every confirmed person), each in their own
        language unless ``language`` is given."""
        from desktop.missions import get_mission
        from desktop.reports.itinerary_data import gather_itineraries
        from desktop.reports.selection import Selection, choose_people

        people = choose_people(session, selection or Selection())
        language = options.pop("language", None)
        data = gather_itineraries(session, people)
        if language:
            data = [replace(d, language=language) for d in data]
        return cls(data, mission_name=get_mission(session).name, **options)

    def title(self) -> str:
        return self.header_title(self.language)

    def header_title(self, language: str) -> str:
        return translate_in(language, "Personal itinerary")

    def write_split(self, folder: str | Path, *, on_progress: ProgressCallback | None = None,
                    should_cancel: CancelCheck | None = None) -> list[Path]:
        """One PDF per person in ``folder`` (``0012-ouellet-eloise.pdf``); returns the paths.

        All or nothing: the files are written to a hidden folder inside ``folder`` and moved
        into place once every one is done, so a stopped or failed batch leaves nothing.
        """
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        job = Job(on_progress, should_cancel)
        staging = Path(tempfile.mkdtemp(prefix=".itineraries-", dir=target))
        try:
            staged = []
            for index, person in enumerate(self.people):
                job.step(index, len(self.people))
                single = Itinerary([person], mission_name=self.mission_name,
                                   language=person.language, printed_at=self.printed_at,
                                   paper=self.paper)
                staged.append(single.write(staging / file_name(person)))
            job.step(len(self.people), len(self.people))
            written = []
            for path in staged:
                written.append(path.replace(target / path.name))
            return written
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def story(self, job: Job) -> list[Flowable]:
        flow: list[Flowable] = []
        total = len(self.people)
        for index, person in enumerate(self.people):
            if index:
                flow.append(PageBreak())
            flow += [ProgressMark(job, index, total), *_PersonPages(self, person).flowables()]
            if job.first_page_only:
                break
        return flow

    def _render(self, out: BinaryIO, job: Job) -> None:
        super()._render(out, job)
        job.step(len(self.people), len(self.people))


def file_name(person: ItineraryData, suffix: str = ".pdf") -> str:
    """A safe, sortable file name for a person's itinerary (or calendar)."""
    import unicodedata

    slug = ""
    for name in (person.name, person.full_name):  # an Arabic badge name: the Latin one
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
        if slug:
            break
    return f"{person.person_id:04d}-{slug or 'person'}{suffix}"


class _PersonPages:
    """The flowables of one person's itinerary, in their language."""

    def __init__(self, document: Itinerary, person: ItineraryData) -> None:
        self.document = document
        self.person = person
        self.language = person.language

    def t(self, message: str) -> str:
        return translate_in(self.language, message)

    def time(self, value: datetime) -> str:
        return format_time(value, language=self.language)

    def flowables(self) -> list[Flowable]:
        style = styles()
        person = self.person
        flow: list[Flowable] = [SectionStart(person.name, self.language),
                                Spacer(1, COVER_SPACE),
                                paragraph(self.document.mission_name, style["subtitle"]),
                                paragraph(self.t("Personal itinerary"), style["h1"]),
                                paragraph(person.name, style["title"])]
        if person.organization:
            flow.append(paragraph(person.organization, style["subtitle"]))
        if person.mission_start and person.mission_end:
            flow.append(paragraph(self.t("From {start} to {end}").format(
                start=format_date(person.mission_start, "long", language=self.language),
                end=format_date(person.mission_end, "long", language=self.language)),
                style["body"]))
        flow += self._at_a_glance()
        flow.append(PageBreak())
        lines = self._lines()
        by_day: dict[date, list[_Line]] = defaultdict(list)
        for line in lines:
            by_day[line.day].append(line)
        if not by_day:
            flow.append(paragraph(self.t("Nothing is planned for you yet."),
                                  style["italic"]))
        for day in sorted(by_day):
            heading = format_weekday_date(day, language=self.language)
            flow.append(CondPageBreak(30 * mm))
            flow.append(paragraph(heading[:1].upper() + heading[1:], style["h2"]))
            rows: list[list[Any]] = [[Paragraph(line.when, style["cell_bold"]),
                                      Paragraph(line.kind, style["cell"]),
                                      Paragraph(line.what, style["cell"])]
                                     for line in sorted(by_day[day], key=lambda x: x.order)]
            width = self.document.frame_width - TIME_COLUMN - KIND_COLUMN
            flow.append(table(rows, [TIME_COLUMN, KIND_COLUMN, width], header=False))
        flow += self._contacts()
        return flow

    # -- the day-by-day lines ------------------------------------------------------------

    def _lines(self) -> list[_Line]:
        person = self.person
        lines: list[_Line] = []
        for flight in person.flights:
            arrival = flight.arrives
            same_day = arrival.date() == flight.departs.date()
            lands = self.time(arrival) if same_day else self.t("{time} on {date}").format(
                time=self.time(arrival),
                date=format_date(arrival.date(), "d MMM", language=self.language))
            what = self.t("<b>{code}</b> {origin} ({origin_code}) → {destination} "
                          "({destination_code}), lands at {arrival} local time").format(
                code=para(flight.code), origin=para(flight.from_city),
                origin_code=flight.from_code, destination=para(flight.to_city),
                destination_code=flight.to_code, arrival=lands)
            if flight.booking_reference:
                what += "<br/>" + self.t("Booking reference {ref}").format(
                    ref=para(flight.booking_reference))
            lines.append(_Line(flight.departs.date(), (flight.departs.strftime("%H:%M"), 1),
                               self.time(flight.departs), self.t("Flight"), what))
        for ride in person.rides:
            what = self.t("Pick-up at <b>{place}</b> to {destination}").format(
                place=para(ride.pick_up), destination=para(ride.drop_off))
            vehicle = translate_in(self.language, _vehicle(ride.vehicle_kind))
            detail = ", ".join(p for p in (vehicle, ride.vehicle) if p)
            if ride.driver:
                detail += " — " + self.t("driver {name}").format(name=ride.driver) + (
                    f" {ride.driver_phone}" if ride.driver_phone else "")
            lines.append(_Line(ride.departs.date(), (ride.departs.strftime("%H:%M"), 1),
                               self.time(ride.departs), self.t("Transfer"),
                               what + "<br/>" + para(detail)))
        for stay in person.stays:
            hotel = f"<b>{para(stay.hotel)}</b>"
            where = ", ".join(para(p) for p in (stay.address, stay.phone) if p)
            room = (" — " + self.t("room {number}").format(number=para(stay.room_number))
                    if stay.room_number else "")
            arrival_day, arriving = _check_in_day(person, stay)
            leaving = [r.departs.strftime("%H:%M") for r in person.rides
                       if r.pick_up == stay.hotel and r.departs.date() == stay.check_out]
            held = ""
            if arrival_day != stay.check_in:
                held = "<br/>" + self.t("Room held from the night of {date}.").format(
                    date=format_date(stay.check_in, "d MMMM", language=self.language))
            lines.append(_Line(arrival_day, (max(arriving, default=CHECK_IN_TIME), 2), "",
                               self.t("Check-in"),
                               hotel + room + (f"<br/>{where}" if where else "") + held))
            lines.append(_Line(stay.check_out, (min(leaving, default=CHECK_OUT_TIME), 0), "",
                               self.t("Check-out"), hotel))
        for item in person.appointments:
            when = self.t("{start}–{end}").format(start=self.time(item.starts),
                                                  end=self.time(item.ends))
            if item.interpreting:
                what = self.t("Interpreting at the meeting of <b>{pair}</b>, table {table}"
                              ).format(pair=para(item.other_party),
                                       table=para(_table_name(item.table)))
                kind = self.t("B2B meeting")
            elif item.is_meeting:
                what = self.t("Meeting with <b>{party}</b>, table {table}").format(
                    party=para(item.other_party), table=para(_table_name(item.table)))
                if item.interpreter:
                    what += "<br/>" + self.t("Interpreter: {name}").format(
                        name=para(item.interpreter))
                kind = self.t("B2B meeting")
            else:
                title = (item.title_fr if self.language == "fr" else "") or item.title
                what = f"<b>{para(title)}</b>"
                kind = self.t("Programme")
            if item.place:
                what += "<br/>" + para(item.place)
            lines.append(_Line(item.starts.date(), (item.starts.strftime("%H:%M"), 1), when,
                               kind, what))
        return lines

    def _at_a_glance(self) -> list[Flowable]:
        """The cover's summary: first and last flight, hotels."""
        person = self.person
        rows: list[list[Any]] = []
        flights = sorted(person.flights, key=lambda f: f.departs)
        for title, flight in ((self.t("Outbound flight"), flights[0] if flights else None),
                              (self.t("Return flight"),
                               flights[-1] if len(flights) > 1 else None)):
            if flight is not None:
                rows.append([title, self.t("{code}, {date} at {time}, {origin} → {destination}")
                             .format(code=flight.code,
                                     date=format_date(flight.departs.date(), "d MMMM",
                                                      language=self.language),
                                     time=self.time(flight.departs),
                                     origin=flight.from_code, destination=flight.to_code)])
        for stay in person.stays:
            rows.append([self.t("Hotel"), self.t("{hotel}, {start} to {end}").format(
                hotel=stay.hotel,
                start=format_date(stay.check_in, "d MMMM", language=self.language),
                end=format_date(stay.check_out, "d MMMM", language=self.language))])
        if not rows:
            return []
        style = styles()
        cells = [[paragraph(a, style["cell_bold"]), paragraph(b, style["cell"])]
                 for a, b in rows]
        return [Spacer(1, 12 * mm), paragraph(self.t("At a glance"), style["h3"]),
                table(cells, [GLANCE_LABEL, self.document.frame_width - GLANCE_LABEL],
                      header=False, zebra=False)]

    def _contacts(self) -> list[Flowable]:
        style = styles()
        flow: list[Flowable] = [CondPageBreak(50 * mm),
                                paragraph(self.t("Contacts"), style["h2"])]
        if self.person.organisers:
            rows: list[list[Any]] = [[self.t("Organiser"), self.t("Phone"), self.t("Email")]]
            for contact in self.person.organisers:
                name = f"<b>{para(contact.name)}</b>" + (
                    f"<br/>{para(contact.role)}" if contact.role else "")
                rows.append([Paragraph(name, style["cell"]), contact.phone, contact.email])
            width = self.document.frame_width - CONTACT_NAME - CONTACT_PHONE
            flow.append(table(rows, [CONTACT_NAME, CONTACT_PHONE, width]))
        if self.person.emergency:
            flow += [paragraph(self.t("Emergency numbers"), style["h3"]),
                     paragraph(self.person.emergency, style["body"])]
        return flow


def _table_name(name: str) -> str:
    """"Table 3" → "3": the sentence already says "table"."""
    return re.sub(r"^table\s+", "", name, flags=re.IGNORECASE) or name


def _vehicle(kind: VehicleKind) -> str:
    from desktop.db.enums import source_label

    return source_label(kind)


def _check_in_day(person: ItineraryData, stay: Stay) -> tuple[date, list[str]]:
    """The day the person walks into the hotel, and the times transfers bring them there.

    A traveller who lands before dawn has the room booked from the night before; they still
    check in on the morning they arrive, so that is where the itinerary shows it.
    """
    rides = [r for r in person.rides if r.drop_off == stay.hotel]
    same_day = [r.departs.strftime("%H:%M") for r in rides if r.departs.date() == stay.check_in]
    if same_day:
        return stay.check_in, same_day
    next_morning = stay.check_in + timedelta(days=1)
    early = [r.departs.strftime("%H:%M") for r in rides if r.departs.date() == next_morning]
    landed = [f for f in person.flights if f.arrives.date() == next_morning
              and f.arrives.strftime("%H:%M") < "06:00"]
    if early or landed:
        return next_morning, early
    return stay.check_in, []
