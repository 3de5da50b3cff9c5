"""The flights view: every leg with its local times and zones, a leg's editor, group booking
and adding a missing airport."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QBoxLayout, QToolButton
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.checks import Ref
from desktop.db.models import Airport, FlightSegment, Person, TransferPassenger
from desktop.i18n import _, ngettext
from desktop.travel import flights as service
from desktop.travel.airports import AirportInput, add_airport, delete_airport
from desktop.travel.localtime import format_local
from desktop.ui.folding import quick_fold
from desktop.ui.forms import RecordForm
from desktop.ui.pages.records import RecordPage, Related
from desktop.ui.settings import app_settings
from desktop.ui.tablemodel import Column, IndexRow, RecordTableModel
from desktop.ui.travel.airportdialog import AirportDialog
from desktop.ui.travel.commands import AddManyCommand, CallCommand
from desktop.ui.travel.flightforms import FlightForm, GroupBookingDialog, PersonFlight
from desktop.ui.undo import execute


class FlightsModel(RecordTableModel):
    """Every leg: traveller, flight, from, local departure, to, local arrival, booking.

    Facets for filters: ``person_id``, ``from_airport``, ``to_airport``.
    """

    columns = (
        Column("person", lambda: _("Traveller"), 160),
        Column("flight", lambda: _("Flight"), 70),
        Column("from", lambda: _("From"), 48),
        Column("departs", lambda: _("Departs (local)"), 172),
        Column("to", lambda: _("To"), 48),
        Column("arrives", lambda: _("Arrives (local)"), 172),
        Column("booking", lambda: _("Booking"), 80),
    )

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(session_factory, parent)
        self._raw: dict[int, tuple[Any, ...]] = {}

    def load_index(self, session: Session) -> list[IndexRow]:
        f = FlightSegment
        query = (select(f.id, f.person_id, Person.family_name, Person.given_name, f.carrier,
                        f.flight_number, f.from_airport, f.departs_at, f.departure_zone,
                        f.to_airport, f.arrives_at, f.arrival_zone, f.booking_reference)
                 .join(Person, Person.id == f.person_id).order_by(f.departs_at, f.id))
        rows = []
        self._raw = {}
        for raw in session.execute(query):
            (fid, person_id, family, given, carrier, number, origin, departs, _dz, destination,
             arrives, _az, reference) = raw
            self._raw[fid] = tuple(raw)
            name = f"{family}, {given}"
            code = f"{carrier} {number}"
            rows.append(IndexRow(
                fid, quick_fold(f"{name} {code} {carrier}{number} {origin} {destination} "
                                f"{reference}"),
                (quick_fold(name), code, origin, departs, destination, arrives, reference),
                {"person_id": person_id, "from_airport": origin, "to_airport": destination}))
        return rows

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        found = {}
        for fid in ids:
            raw = self._raw.get(fid)
            if raw is None:
                continue
            (_fid, _pid, family, given, carrier, number, origin, departs, departure_zone,
             destination, arrives, arrival_zone, reference) = raw
            found[fid] = (f"{family}, {given}", f"{carrier} {number}", origin,
                          format_local(departs, departure_zone), destination,
                          format_local(arrives, arrival_zone), reference)
        return found


def people_choices(session: Session) -> list[tuple[int, str]]:
    """(id, "Family, Given") of everyone on the roster, by name."""
    rows = sorted(session.execute(select(Person.id, Person.family_name, Person.given_name)),
                  key=lambda row: (quick_fold(row[1]), quick_fold(row[2]), row[0]))
    return [(pid, f"{family}, {given}") for pid, family, given in rows]


def airport_table(session: Session) -> dict[str, tuple[str, str]]:
    return {iata: (city, zone) for iata, city, zone in
            session.execute(select(Airport.iata, Airport.city, Airport.timezone))}


def add_tool_button(page: RecordPage, button: QToolButton) -> None:
    """Put ``button`` in the page's tool bar, after Add, Duplicate and Delete."""
    layout = page.layout()
    assert layout is not None
    item = layout.itemAt(0)
    bar = item.layout() if item is not None else None
    assert isinstance(bar, QBoxLayout)
    bar.addWidget(button)


class FlightsTab(RecordPage):
    """Flights: the table of legs beside the editor of one."""

    key = "travel_flights"
    kind = "flight"
    ref_kinds = ("flight",)
    table = "flight_segment"
    watches = ("person", "airport", "transfer")
    _choices_current = False

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.group_action = self._tool_action(_("&Group booking…"), QKeySequence(),
                                              self.open_group_booking,
                                              _("Book one flight for several people"))
        button = QToolButton()
        button.setObjectName("groupBookingButton")
        button.setDefaultAction(self.group_action)
        add_tool_button(self, button)
        self.group_action.setEnabled(not self.context.read_only)
        form = self.form
        assert isinstance(form, FlightForm)
        form.add_airport_requested.connect(self.open_add_airport)
        self.dialog: AirportDialog | GroupBookingDialog | None = None
        if app_settings().value(f"pages/{self.key}/splitter") is None:
            self.splitter.setSizes([860, 420])  # local times whole, with their zone

    def make_model(self) -> RecordTableModel:
        return FlightsModel(self.context.mission.session_factory, self)

    def make_form(self) -> RecordForm:
        return FlightForm()

    def texts(self) -> dict[str, str]:
        return {"new": _("New flight"), "add": _("Add a flight"), "update": _("Edit a flight"),
                "delete": _("Delete the flight {name}"),
                "confirm": _("Delete the flight {name}?"),
                "add_tip": _("Add a flight"),
                "duplicate_tip": _("Start a new flight from this one"),
                "delete_tip": _("Delete this flight")}

    def count_text(self, n: int) -> str:
        return ngettext("{n} flight", "{n} flights", n).format(n=n)

    def prepare_form(self, session: Session) -> None:
        if self._choices_current:
            return
        form = self.form
        assert isinstance(form, FlightForm)
        form.set_people(people_choices(session))
        form.set_airports(airport_table(session))
        self._choices_current = True

    def _mission_changed(self, kind: str) -> None:
        if kind in ("person", "airport", "*"):
            self._choices_current = False
        super()._mission_changed(kind)

    def read(self, session: Session, record_id: int) -> tuple[Any, str]:
        segment = service.get_flight(session, record_id)
        return (PersonFlight(segment.person_id, service.flight_input(segment), False),
                _("{flight} of {name}").format(flight=segment.code,
                                               name=segment.person.full_name))

    def blank(self) -> Any:
        return PersonFlight(None, service.FlightInput("", "", "", None, None))

    def copy_of(self, data: Any) -> Any:
        return replace(data, person_editable=True)

    def add_record(self, session: Session, data: Any) -> int:
        return service.add_flight(session, data.person_id, data.flight).id

    def update_record(self, session: Session, record_id: int, data: Any) -> object:
        return service.update_flight(session, record_id, data.flight)

    def delete_record(self, session: Session, record_id: int) -> None:
        service.delete_flight(session, record_id)

    def describe_delete(self, session: Session, record_id: int) -> tuple[str, list[str]]:
        segment = service.get_flight(session, record_id)
        return _("{flight} of {name}").format(flight=segment.code,
                                              name=segment.person.full_name), []

    def related(self, session: Session, record_id: int) -> Related:
        segment = service.get_flight(session, record_id)
        person = segment.person
        seats = session.scalars(select(TransferPassenger).where(
            TransferPassenger.flight_id == record_id)).all()
        runs: list[tuple[str, Ref | None]] = [
            (_("{time}: {origin} → {destination}").format(
                time=format_local(s.transfer.departs_at, s.transfer.zone),
                origin=s.transfer.from_venue.name, destination=s.transfer.to_venue.name),
             Ref("transfer", s.transfer_id)) for s in seats]
        return [(_("Traveller"), [(person.full_name, Ref("person", person.id))]),
                (_("Transfers ({n})").format(n=len(runs)), runs)]

    # -- airports and group bookings ---------------------------------------------------------

    def open_add_airport(self, code: str) -> AirportDialog:
        """Ask for the airport ``code`` (its city and zone) and add it, undoably."""
        def submit(data: AirportInput) -> None:
            def add(session: Session) -> object:
                return add_airport(session, data)

            def remove(session: Session) -> None:
                delete_airport(session, data.iata)

            execute(CallCommand(self.context, _("Add the airport {code}").format(
                code=data.iata.strip().upper()), "airport", add, remove))

        dialog = AirportDialog(code, submit, self)
        dialog.accepted.connect(lambda: self._airport_added(dialog.value("iata")))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _airport_added(self, code: str) -> None:
        form = self.form
        assert isinstance(form, FlightForm)
        with self.context.mission.session_factory() as session:
            form.set_airports(airport_table(session))
        for name in ("from_airport", "to_airport"):
            if form.text(name).strip().upper() == code.strip().upper():
                form.clear_problem(name)

    def open_group_booking(self) -> GroupBookingDialog | None:
        if self.context.read_only:
            return None
        with self.context.mission.session_factory() as session:
            people = people_choices(session)
            airports = airport_table(session)

        def book(person_ids: list[int], flight: service.FlightInput) -> None:
            def add(session: Session) -> list[int]:
                return [s.id for s in service.add_group_booking(session, person_ids, flight)]

            execute(AddManyCommand(self.context, ngettext(
                "Book a flight for {n} person", "Book a flight for {n} people",
                len(person_ids)).format(n=len(person_ids)), "flight", "flight_segment", add,
                service.delete_flight))

        dialog = GroupBookingDialog(people, book, airports, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog
