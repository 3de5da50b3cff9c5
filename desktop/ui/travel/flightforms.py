"""The flight editor (times typed in each airport's local time, its zone shown beside) and the
group booking dialog (one flight form, many travellers)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import MissionDeskError, Problem, ValidationError
from desktop.i18n import _, ngettext
from desktop.travel.flights import FlightInput
from desktop.ui.folding import quick_fold
from desktop.ui.forms import RecordForm
from desktop.ui.travel.fields import (
    describe_zone,
    end_form,
    field_button,
    field_hint,
    format_local_field,
    local_example,
    local_field,
    parse_local,
)

AIRPORT_FIELDS = {"from_airport": "departs_local", "to_airport": "arrives_local"}


@dataclass
class PersonFlight:
    """What the flight form edits: a leg and whose it is (fixed once booked)."""

    person_id: int | None
    flight: FlightInput
    person_editable: bool = True


class FlightForm(RecordForm):
    """Every field of a leg. Times are local to each airport; the zone they are read in shows
    under them. An unknown airport code gets its message under the field and a button to add
    the airport.

    Signals:
        add_airport_requested(str): the user asked to add the airport with this code.
    """

    add_airport_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, group: bool = False) -> None:
        super().__init__(parent)
        self.group = group
        self.airports: dict[str, tuple[str, str]] = {}  # code -> (city, zone)
        if not group:
            self.choice("person_id", _("T&raveller"), [])
        self.line("flight_number", _("&Flight"), 12, _("e.g. AT 201"))
        self.line("from_airport", _("F&rom"), 3, _("airport code, e.g. JFK"))
        self.line("departs_local", _("&Departs"), 25, local_example(datetime(2007, 5, 13, 18, 0)))
        self.line("to_airport", _("&To"), 3, _("airport code, e.g. CMN"))
        self.line("arrives_local", _("&Arrives"), 25, local_example(datetime(2007, 5, 14, 6, 30)))
        self.line("booking_reference", _("&Booking reference"), 20)
        self.notes("notes", _("N&otes"))
        end_form(self)
        self.hints = {name: field_hint(self, name) for name in AIRPORT_FIELDS.values()}
        self.fix_buttons = {name: field_button(self, name, "") for name in AIRPORT_FIELDS}
        for airport, time_field in AIRPORT_FIELDS.items():
            edit = self.fields[airport]
            assert isinstance(edit, QLineEdit)
            edit.textChanged.connect(lambda _t, a=airport: self._show_zone(a))
            other = self.fields[time_field]
            assert isinstance(other, QLineEdit)
            other.textChanged.connect(lambda _t, a=airport: self._show_zone(a))
            self.fix_buttons[airport].clicked.connect(
                lambda _c=False, a=airport: self.add_airport_requested.emit(self._code(a)))

    def set_people(self, choices: Sequence[tuple[int, str]]) -> None:
        if self.group:
            return
        self._loading = True
        try:
            combo = self.fields["person_id"]
            assert isinstance(combo, QComboBox)
            current = self.value("person_id")
            combo.clear()
            combo.addItem(_("(choose the traveller)"), None)
            for person_id, name in choices:
                combo.addItem(name, person_id)
            self.set_value("person_id", current)
        finally:
            self._loading = False

    def set_airports(self, airports: dict[str, tuple[str, str]]) -> None:
        """The mission's airports: code → (city, IANA zone)."""
        self.airports = dict(airports)
        for airport in AIRPORT_FIELDS:
            self._show_zone(airport)

    def _code(self, airport_field: str) -> str:
        return self.text(airport_field).strip().upper()

    def _show_zone(self, airport_field: str) -> None:
        hint = self.hints[AIRPORT_FIELDS[airport_field]]
        known = self.airports.get(self._code(airport_field))
        if known is None:
            hint.setText(_("Local time at the airport."))
            return
        city, zone = known
        try:
            when = parse_local(self.text(AIRPORT_FIELDS[airport_field]))
        except ValueError:
            when = None
        hint.setText(_("Local time in {city}: {zone}").format(
            city=city, zone=describe_zone(zone, when)))
        if self.fix_buttons[airport_field].isVisible():
            self.fix_buttons[airport_field].hide()

    def fill(self, data: PersonFlight) -> None:
        flight = data.flight
        if not self.group:
            self.set_value("person_id", data.person_id)
            self.fields["person_id"].setEnabled(data.person_editable and not self._read_only)
        number = f"{flight.carrier} {flight.flight_number}".strip()
        self.set_value("flight_number", number)
        self.set_value("from_airport", flight.from_airport)
        self.set_value("to_airport", flight.to_airport)
        self.set_value("departs_local", format_local_field(flight.departs_local))
        self.set_value("arrives_local", format_local_field(flight.arrives_local))
        self.set_value("booking_reference", flight.booking_reference)
        self.set_value("notes", flight.notes)

    def collect(self) -> PersonFlight:
        problems: list[Problem] = []
        departs = local_field(self, "departs_local", problems)
        arrives = local_field(self, "arrives_local", problems)
        person_id = None if self.group else self.value("person_id")
        if not self.group and person_id is None:
            problems.append(Problem(_("Choose the traveller."), field="person_id"))
        if problems:
            raise ValidationError(problems)
        flight = FlightInput(
            flight_number=self.text("flight_number"), from_airport=self._code("from_airport"),
            to_airport=self._code("to_airport"), departs_local=departs, arrives_local=arrives,
            booking_reference=self.text("booking_reference"), notes=self.text("notes"))
        editable = self.loaded.person_editable if self.loaded is not None else True
        return PersonFlight(person_id, flight, editable)

    def show_problems(self, error: ValidationError) -> None:
        super().show_problems(error)
        for airport, button in self.fix_buttons.items():
            code = self._code(airport)
            unknown = (self.errors[airport].isVisibleTo(self) and len(code) == 3
                       and code.isalpha() and code not in self.airports)
            button.setText(_("Add the airport {code}…").format(code=code))
            button.setVisible(unknown)

    def clear_problems(self) -> None:
        super().clear_problems()
        for button in getattr(self, "fix_buttons", {}).values():
            button.hide()

    def clear_problem(self, name: str) -> None:
        self.errors[name].clear()
        self.errors[name].hide()
        if name in self.fix_buttons:
            self.fix_buttons[name].hide()


class GroupBookingDialog(QDialog):
    """Book one flight for several people at once: tick them, fill the flight once.

    ``book(person_ids, flight)`` saves (all or none) and raises if refused; problems go under
    the field at fault, or under the list of people.
    """

    def __init__(self, people: Sequence[tuple[int, str]],
                 book: Callable[[list[int], FlightInput], None],
                 airports: dict[str, tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupBooking")
        self.setWindowTitle(_("Group booking"))
        self._book = book
        self.filter = QLineEdit()
        self.filter.setObjectName("peopleFilter")
        self.filter.setPlaceholderText(_("Filter people"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.people = QListWidget()
        self.people.setObjectName("people")
        for person_id, name in people:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.itemChanged.connect(self._count)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosen")
        self.people_error = QLabel()
        self.people_error.setObjectName("person_ids_error")
        self.people_error.setStyleSheet("color: #b3261e;")
        self.people_error.setWordWrap(True)
        self.people_error.hide()
        left = QVBoxLayout()
        left.addWidget(QLabel(_("Travellers")))
        left.addWidget(self.filter)
        left.addWidget(self.people, 1)
        left.addWidget(self.chosen)
        left.addWidget(self.people_error)
        self.form = FlightForm(group=True)
        self.form.set_airports(airports)
        self.form.load(PersonFlight(None, FlightInput("", "", "", None, None)),
                       _("The flight"))
        self.form.save_button.setText(_("Book"))
        self.form.revert_button.hide()
        self.form.save_requested.connect(self.save)
        cancel = QPushButton(_("Cancel"))
        cancel.clicked.connect(self.reject)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.form, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(cancel)
        layout.addLayout(bottom)
        self.resize(820, 560)
        self._count()

    def _filter(self, text: str) -> None:
        needle = quick_fold(text.strip())
        for row in range(self.people.count()):
            item = self.people.item(row)
            item.setHidden(bool(needle) and needle not in quick_fold(item.text()))

    def _count(self, *_args: object) -> None:
        n = len(self.chosen_ids())
        self.chosen.setText(ngettext("{n} person chosen", "{n} people chosen", n).format(n=n))
        self.form._set_dirty(True)

    def chosen_ids(self) -> list[int]:
        return [int(self.people.item(row).data(Qt.ItemDataRole.UserRole))
                for row in range(self.people.count())
                if self.people.item(row).checkState() == Qt.CheckState.Checked]

    def check(self, person_ids: Sequence[int]) -> None:
        wanted = set(person_ids)
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in wanted:
                item.setCheckState(Qt.CheckState.Checked)

    def save(self) -> None:
        self.people_error.hide()
        try:
            flight = self.form.collect().flight
            self._book(self.chosen_ids(), flight)
        except ValidationError as exc:
            self._show(exc.problems)
            return
        except MissionDeskError as exc:
            self._show([exc.problem])
            return
        self.accept()

    def _show(self, problems: Sequence[Problem]) -> None:
        mine = [p for p in problems if p.field == "person_ids"]
        rest = [p for p in problems if p.field != "person_ids"]
        if mine:
            self.people_error.setText("\n".join(p.message for p in mine))
            self.people_error.show()
        if rest:
            self.form.show_problems(ValidationError(rest))
        else:
            self.form.clear_problems()
