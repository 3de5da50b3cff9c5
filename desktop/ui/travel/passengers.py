"""The passengers of one run: dragged from here onto another run, and each one's luggage note
(what the driver must make room for), written under the list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _

PASSENGER_MIME = "application/x-mission-desk-passenger"
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class PassengerLine:
    """A passenger as the list shows them."""

    person_id: int
    name: str  # "Family, Given"
    flight: str  # "AT 201" or ""
    phone: str  # formatted for people, or ""
    luggage_note: str


def passenger_payload(person_id: int, transfer_id: int) -> QByteArray:
    """What a dragged passenger carries: who, and from which run."""
    return QByteArray(f"{person_id} {transfer_id}".encode())


class PassengerList(QListWidget):
    """The passengers of the run shown; each can be dragged onto another run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passengers")
        self.transfer_id: int | None = None
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [PASSENGER_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        if items and self.transfer_id is not None:
            data.setData(PASSENGER_MIME, passenger_payload(
                int(items[0].data(Qt.ItemDataRole.UserRole)), self.transfer_id))
        return data


def line_text(line: PassengerLine) -> str:
    text = _("{name} ({flight})").format(name=line.name, flight=line.flight) if line.flight \
        else line.name
    if line.luggage_note:
        text = _("{passenger} — luggage: {note}").format(passenger=text, note=line.luggage_note)
    return text


class PassengersPanel(QWidget):
    """Title with the seats taken, the passengers, and the luggage note of the one chosen.

    Signals:
        note_submitted(int, str): the organiser saved this luggage note for this person.
    """

    note_submitted = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(_("Passengers"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = PassengerList()
        self.list.currentItemChanged.connect(self._chosen)
        self.note = QLineEdit()
        self.note.setObjectName("luggageNote")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(_("e.g. two golf bags, a wheelchair"))
        self.note.returnPressed.connect(self._submit)
        caption = QLabel(_("&Luggage"))
        caption.setBuddy(self.note)
        self.save_button = QPushButton(_("Save &note"))
        self.save_button.setObjectName("saveLuggage")
        self.save_button.clicked.connect(self._submit)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.note, 1)
        row.addWidget(self.save_button)
        hint = QLabel(_("Drag a passenger onto another run to move them."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(hint)
        self.writable = True
        self._chosen()

    def show_run(self, transfer_id: int | None, capacity: int,
                 lines: Sequence[PassengerLine]) -> None:
        """List the run's passengers, keeping the one chosen when they still ride in it."""
        chosen = self.person_id()
        self.list.clear()
        self.list.transfer_id = transfer_id
        if transfer_id is None:
            self.title.setText(_("Passengers"))
        else:
            self.title.setText(_("Passengers: {taken} of {seats} seats taken").format(
                taken=len(lines), seats=capacity))
        for line in lines:
            item = QListWidgetItem(line_text(line))
            item.setData(Qt.ItemDataRole.UserRole, line.person_id)
            item.setData(NOTE_ROLE, line.luggage_note)
            if line.phone:
                item.setToolTip(_("{name}, phone {phone}").format(name=line.name,
                                                                  phone=line.phone))
            self.list.addItem(item)
            if line.person_id == chosen:
                self.list.setCurrentItem(item)
        self._chosen()

    def person_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def choose(self, person_id: int) -> bool:
        for n in range(self.list.count()):
            if self.list.item(n).data(Qt.ItemDataRole.UserRole) == person_id:
                self.list.setCurrentRow(n)
                return True
        return False

    def _chosen(self, *_args: object) -> None:
        item = self.list.currentItem()
        self.note.setText(str(item.data(NOTE_ROLE) or "") if item is not None else "")
        enabled = item is not None and self.writable
        self.note.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    def _submit(self) -> None:
        person_id = self.person_id()
        if person_id is not None and self.writable:
            self.note_submitted.emit(person_id, self.note.text())
