"""The hotel stay editor, the room block dialog, and the review of proposed stays."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.dates import parse_day
from desktop.db.enums import RoomType, label
from desktop.errors import MissionDeskError, Problem, ValidationError
from desktop.i18n import _, format_date, ngettext
from desktop.travel.hotels import HotelStayInput
from desktop.ui.forms import RecordForm, day_example, format_day
from desktop.ui.travel.fields import end_form


@dataclass
class PersonStay:
    """What the stay form edits: a stay and whose it is (fixed once booked)."""

    person_id: int | None
    stay: HotelStayInput
    person_editable: bool = True


def _fill_combo(combo: QComboBox, none_caption: str, choices: Sequence[tuple[int, str]]) -> None:
    current = combo.currentData()
    combo.clear()
    combo.addItem(none_caption, None)
    for value, caption in choices:
        combo.addItem(caption, value)
    position = combo.findData(current)
    combo.setCurrentIndex(max(position, 0))


class StayForm(RecordForm):
    """A guest's stay: hotel, check-in and check-out days, room type and number, who shares
    the room, requests, and whether the hotel has confirmed it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice("person_id", _("&Guest"), [])
        self.choice("hotel_id", _("&Hotel"), [])
        self.line("check_in", _("Check-&in"), 10, day_example(date(2007, 5, 14)))
        self.line("check_out", _("Check-&out"), 10, day_example(date(2007, 5, 18)))
        self.choice("room_type", _("&Room type"), [(label(t), t.value) for t in RoomType])
        self.line("room_number", _("Room &number"), 20)
        self.choice("sharing_with_id", _("&Sharing with"), [])
        self.line("special_requests", _("Re&quests"), 300)
        self.choice("confirmed", _("S&tatus"), [(_("Proposed"), False), (_("Confirmed"), True)])
        self.notes("notes", _("N&otes"))
        end_form(self)

    def set_guests_and_hotels(self, people: Sequence[tuple[int, str]],
                              hotels: Sequence[tuple[int, str]]) -> None:
        self._loading = True
        try:
            for name, caption, choices in (("person_id", _("(choose the guest)"), people),
                                           ("hotel_id", _("(choose the hotel)"), hotels),
                                           ("sharing_with_id", _("(nobody)"), people)):
                combo = self.fields[name]
                assert isinstance(combo, QComboBox)
                _fill_combo(combo, caption, choices)
        finally:
            self._loading = False

    def fill(self, data: PersonStay) -> None:
        stay = data.stay
        self.set_value("person_id", data.person_id)
        self.fields["person_id"].setEnabled(data.person_editable and not self._read_only)
        self.set_value("hotel_id", stay.hotel_id)
        self.set_value("check_in", format_day(stay.check_in))
        self.set_value("check_out", format_day(stay.check_out))
        self.set_value("room_type", RoomType(stay.room_type).value)
        self.set_value("room_number", stay.room_number)
        self.set_value("sharing_with_id", stay.sharing_with_id)
        self.set_value("special_requests", stay.special_requests)
        self.set_value("confirmed", bool(stay.confirmed))
        self.set_value("notes", stay.notes)

    def collect(self) -> PersonStay:
        problems: list[Problem] = []
        check_in = self.day("check_in", problems)
        check_out = self.day("check_out", problems)
        for name, value, message in (
                ("person_id", self.value("person_id"), _("Choose the guest.")),
                ("hotel_id", self.value("hotel_id"), _("Choose a hotel.")),
                ("check_in", check_in or self.text("check_in").strip(),
                 _("The check-in day is required.")),
                ("check_out", check_out or self.text("check_out").strip(),
                 _("The check-out day is required."))):
            if not value:
                problems.append(Problem(message, field=name))
        if problems:
            raise ValidationError(problems)
        assert check_in is not None and check_out is not None
        editable = self.loaded.person_editable if self.loaded is not None else True
        return PersonStay(self.value("person_id"), HotelStayInput(
            hotel_id=self.value("hotel_id"), check_in=check_in, check_out=check_out,
            room_type=RoomType(self.value("room_type")), room_number=self.text("room_number"),
            sharing_with_id=self.value("sharing_with_id"),
            special_requests=self.text("special_requests"),
            confirmed=bool(self.value("confirmed")), notes=self.text("notes")), editable)


class BlocksDialog(QDialog):
    """Hold a number of rooms of one type at a hotel for every night of a range.

    ``submit(hotel_id, first, last, room_type, rooms)`` saves and raises if refused.
    """

    def __init__(self, hotels: Sequence[tuple[int, str]],
                 submit: Callable[[int, date, date, RoomType, int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blocksDialog")
        self.setWindowTitle(_("Room blocks"))
        self._submit = submit
        self.hotel = QComboBox()
        for hotel_id, name in hotels:
            self.hotel.addItem(name, hotel_id)
        self.first = QLineEdit()
        self.first.setPlaceholderText(day_example(date(2007, 5, 14)))
        self.last = QLineEdit()
        self.last.setPlaceholderText(day_example(date(2007, 5, 17)))
        self.room_type = QComboBox()
        for room_type in RoomType:
            self.room_type.addItem(label(room_type), room_type.value)
        self.rooms = QSpinBox()
        self.rooms.setRange(0, 2000)
        self.rooms.setObjectName("rooms")
        explanation = QLabel(_("The mission holds this many rooms every night from the first "
                               "to the last (the night of a day is spent at the hotel)."))
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("&Hotel"), self.hotel)
        form.addRow(_("&First night"), self.first)
        form.addRow(_("&Last night"), self.last)
        form.addRow(_("Room &type"), self.room_type)
        form.addRow(_("&Rooms held"), self.rooms)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Hold the rooms"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(420, 0)

    def preset(self, hotel_id: int, night: date, room_type: RoomType, rooms: int) -> None:
        self.hotel.setCurrentIndex(max(self.hotel.findData(hotel_id), 0))
        self.first.setText(format_day(night))
        self.last.setText(format_day(night))
        self.room_type.setCurrentIndex(max(self.room_type.findData(room_type.value), 0))
        self.rooms.setValue(rooms)

    def save(self) -> None:
        try:
            first = parse_day(self.first.text())
            last = parse_day(self.last.text())
            self._submit(int(self.hotel.currentData()), first, last,
                         RoomType(self.room_type.currentData()), self.rooms.value())
        except ValueError as exc:
            self._show(str(exc))
            return
        except MissionDeskError as exc:
            self._show(exc.message if not isinstance(exc, ValidationError)
                       else "\n".join(p.message for p in exc.problems))
            return
        self.accept()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


# (guest, hotel, check-in, check-out, nights)
ProposedLine = tuple[str, str, date, date, int]


class ProposedStaysDialog(QDialog):
    """The stays the mission would propose, to look over before they are added (as
    proposed, not yet confirmed)."""

    def __init__(self, lines: Sequence[ProposedLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposedStays")
        self.setWindowTitle(_("Propose hotel stays"))
        text = (ngettext("{n} stay covers the nights a confirmed person needs and no stay "
                         "covers yet.", "{n} stays cover the nights confirmed people need and "
                         "no stay covers yet.", len(lines)).format(n=len(lines))
                if lines else _("Every confirmed person already has a bed for each night "
                                "they need: there is nothing to propose."))
        intro = QLabel(text + " " + _("They are added as proposed; confirm them once the "
                                      "hotel has."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(lines), 4)
        self.table.setObjectName("proposals")
        self.table.setHorizontalHeaderLabels([_("Guest"), _("Hotel"), _("Nights"),
                                              _("Check-in → check-out")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (guest, hotel, check_in, check_out, nights) in enumerate(lines):
            for column, value in enumerate((guest, hotel, str(nights), _("{inn} → {out}").format(
                    inn=format_date(check_in, "EEE d MMM"),
                    out=format_date(check_out, "EEE d MMM")))):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.accept_button.setText(ngettext("Add {n} proposed stay", "Add {n} proposed stays",
                                            len(lines)).format(n=len(lines)))
        self.accept_button.setObjectName("addProposed")
        self.accept_button.setEnabled(bool(lines))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
