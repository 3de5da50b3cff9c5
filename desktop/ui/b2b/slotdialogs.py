"""Dialogs of the Blocks tab: cut a block into slots (with a preview), set its tables, give a
table to a host. Each runs its change as one undoable step and keeps the dialog open, with the
service's reason next to the field, when the change is refused."""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.b2b.setup import (
    assign_table,
    check_no_meetings,
    generate_slots,
    get_block,
    list_participants,
    list_tables,
    plan_slots,
    set_tables,
    table_label,
)
from desktop.dates import parse_clock
from desktop.errors import MissionDeskError, ValidationError
from desktop.i18n import _, format_time, ngettext
from desktop.program.venues import list_rooms
from desktop.ui.b2b.setupcommands import BlockSetupChange
from desktop.ui.b2b.slotmodels import part_text, time_range
from desktop.ui.context import MissionContext
from desktop.ui.dialogs import error_text
from desktop.ui.undo import execute

ERROR_STYLE = "color: #b3261e;"
_PAUSE_DASH = re.compile(r"\s*(?:–|—|-|\bto\b|\bà\b)\s*", re.IGNORECASE)
_LUNCH = (time(12, 40), time(14, 0))  # the pause the examples show


def format_pauses(pauses: list[tuple[time, time]]) -> str:
    """Pauses as the locale writes times, the way :func:`parse_pauses` reads them back."""
    return "; ".join(f"{format_time(a)}–{format_time(b)}" for a, b in pauses)


def parse_pauses(text: str) -> list[tuple[time, time]]:
    """``12:40–14:00; 4:00 PM-4:15 PM`` as wall-clock pairs (any time the forms accept);
    refused in words if unreadable."""
    pauses = []
    for part in (p for p in re.split(r"[;,\n]", text) if p.strip()):
        ends = _PAUSE_DASH.split(part.strip())
        try:
            if len(ends) != 2:
                raise ValueError
            pauses.append((parse_clock(ends[0]), parse_clock(ends[1])))
        except ValueError:
            raise ValidationError(
                _("“{text}” is not a pause: write it as {example}.").format(
                    text=part.strip(), example=format_pauses([_LUNCH])),
                field="pauses") from None
    return pauses


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class SetupDialog(QDialog):
    """The frame of a block set-up dialog: a form, a message per field, OK and Cancel.

    Signals:
        changed(str): the change was made; what to tell the user.
    """

    changed = Signal(str)

    def __init__(self, context: MissionContext, block_id: int, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.context = context
        self.block_id = block_id
        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.general = _error_label("generalError")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.finished.connect(self.deleteLater)

    @property
    def ok_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_row(self, name: str, caption: str, widget: QWidget) -> None:
        widget.setObjectName(name)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        self.errors[name] = _error_label(f"{name}_error")
        column.addWidget(self.errors[name])
        label = QLabel(caption)
        label.setBuddy(widget)
        self.form.addRow(label, holder)

    def clear_problems(self) -> None:
        for label in [*self.errors.values(), self.general]:
            label.clear()
            label.hide()

    def show_problem(self, error: BaseException) -> None:
        """Each message next to its field; the others (a refusal) above the buttons."""
        self.clear_problems()
        problems = (error.problems if isinstance(error, ValidationError)
                    else [None])
        for problem in problems:
            label = self.errors.get(problem.field or "") if problem is not None else None
            text = problem.message if problem is not None else error_text(error)
            target = label or self.general
            target.setText((target.text() + "\n" if target.text() else "") + text)
            target.show()

    def change(self, session: Session) -> object:
        raise NotImplementedError

    def submit(self) -> None:
        self.clear_problems()
        try:
            self.check()
            execute(BlockSetupChange(self.context, self.windowTitle().rstrip("…"),
                                     self.block_id, self.change))
        except MissionDeskError as exc:
            self.show_problem(exc)
            return
        self.changed.emit(self.success_text())
        self.accept()

    def check(self) -> None:
        """Refuse what the fields cannot say (raise ValidationError)."""

    def success_text(self) -> str:
        return _("Done. Undo with Ctrl+Z.")


class RegenerateSlotsDialog(SetupDialog):
    """Slot length and pauses, with the slots they would make, before cutting them."""

    def __init__(self, context: MissionContext, block_id: int, minutes: int,
                 pauses: list[tuple[time, time]], parent: QWidget | None = None) -> None:
        super().__init__(context, block_id, _("Regenerate slots…"), parent)
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 240)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(_(" min"))
        self.minutes.setValue(minutes)
        self.pauses = QLineEdit(format_pauses(pauses))
        self.pauses.setPlaceholderText(_("e.g. {example}").format(example=format_pauses(
            [_LUNCH, (time(16, 0), time(16, 15))])))
        self.preview = QListWidget()
        self.preview.setObjectName("slotPreview")
        self.preview.setMinimumHeight(180)
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.add_row("slot_minutes", _("Slot &length:"), self.minutes)
        self.add_row("pauses", _("&Pauses (no meetings):"), self.pauses)
        self.form.addRow(QLabel(_("Slots it makes:")), self.summary)
        self.form.addRow(self.preview)
        self.minutes.valueChanged.connect(self.update_preview)
        self.pauses.textChanged.connect(self.update_preview)
        self.resize(440, 480)
        self.update_preview()

    def _pauses(self) -> list[tuple[time, time]]:
        return parse_pauses(self.pauses.text())

    def change(self, session: Session) -> object:
        return generate_slots(session, self.block_id, self.minutes.value(), self._pauses())

    def update_preview(self) -> None:
        """Cut the slots in a transaction that is rolled back: the preview is exactly what the
        service would make, or the service's own reason for refusing."""
        self.preview.clear()
        self.clear_problems()
        refused: MissionDeskError | None = None
        try:
            with self.context.mission.session_factory() as session:
                block = get_block(session, self.block_id)
                slots = plan_slots(block, self.minutes.value(), self._pauses())
                try:
                    check_no_meetings(session, block)
                except MissionDeskError as exc:  # the slots are still worth seeing
                    refused = exc
        except MissionDeskError as exc:
            self.show_problem(exc)
            self.summary.setText("")
            self.ok_button.setEnabled(False)
            return
        previous = None
        for start, end, part in slots:
            if previous is not None and start > previous:
                self.preview.addItem(_("— pause {range} —").format(
                    range=time_range(previous, start)))
            self.preview.addItem(_("{range}  {part}").format(range=time_range(start, end),
                                                             part=part_text(part)))
            previous = end
        self.summary.setText(ngettext("{n} slot", "{n} slots", len(slots)).format(
            n=len(slots)))
        if refused is not None:
            self.show_problem(refused)
        self.ok_button.setEnabled(refused is None)

    def success_text(self) -> str:
        return _("New slots cut. Undo with Ctrl+Z.")


class SetTablesDialog(SetupDialog):
    """A number of tables (T1, T2…) or their names, and optionally the room they stand in."""

    def __init__(self, context: MissionContext, block_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, block_id, _("Set tables…"), parent)
        with context.mission.session_factory() as session:
            block = get_block(session, block_id)
            names = [t.name for t in list_tables(session, block_id)]
            rooms = ([(r.name, r.id) for r in list_rooms(session, block.venue_id)]
                     if block.venue_id is not None else [])
        self.by_count = QRadioButton(_("A &number of tables (T1, T2…)"))
        self.by_name = QRadioButton(_("Tables with these &names"))
        group = QButtonGroup(self)
        group.addButton(self.by_count)
        group.addButton(self.by_name)
        self.count = QSpinBox()
        self.count.setRange(1, 500)
        self.count.setValue(max(len(names), 1))
        self.names = QLineEdit(", ".join(names))
        self.names.setCursorPosition(0)
        self.names.setPlaceholderText(_("comma-separated, e.g. 1, 2, 3, VIP"))
        self.room = QComboBox()
        self.room.addItem(_("(rooms unchanged)"), None)
        for name, room_id in rooms:
            self.room.addItem(name, room_id)
        self.form.addRow(self.by_count)
        self.add_row("count", _("Number:"), self.count)
        self.form.addRow(self.by_name)
        self.add_row("tables", _("Names:"), self.names)
        self.add_row("room_id", _("&Room:"), self.room)
        self.by_count.toggled.connect(self._mode)
        self.by_count.setChecked(all(re.fullmatch(r"T\d+", n) for n in names))
        self.by_name.setChecked(not self.by_count.isChecked())
        self._mode()
        self.resize(440, self.sizeHint().height())

    def _mode(self) -> None:
        self.count.setEnabled(self.by_count.isChecked())
        self.names.setEnabled(self.by_name.isChecked())

    def change(self, session: Session) -> object:
        tables: int | list[str] = (self.count.value() if self.by_count.isChecked() else
                                   [n for n in self.names.text().split(",") if n.strip()])
        return set_tables(session, self.block_id, tables, room_id=self.room.currentData())

    def success_text(self) -> str:
        return _("Tables set. Undo with Ctrl+Z.")


class AssignTableDialog(SetupDialog):
    """Seat a host at one table for the whole block, or free the table."""

    def __init__(self, context: MissionContext, block_id: int, table_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, block_id, _("Assign table to a host…"), parent)
        self.table = QComboBox()
        self.host = QComboBox()
        self.host.addItem(_("(nobody: free the table)"), None)
        with context.mission.session_factory() as session:
            holders = {}
            for table in list_tables(session, block_id):
                self.table.addItem(table_label(table.name), table.id)
                holders[table.id] = table.participant_id
            for participant in list_participants(session):
                self.host.addItem(participant.name, participant.id)
        self._holders = holders
        self.add_row("table_id", _("&Table:"), self.table)
        self.add_row("participant_id", _("&Kept by:"), self.host)
        self.table.currentIndexChanged.connect(self._table_chosen)
        self.table.setCurrentIndex(max(self.table.findData(table_id), 0))
        self._table_chosen()
        self.resize(420, self.sizeHint().height())

    def _table_chosen(self) -> None:
        holder = self._holders.get(self.table.currentData())
        self.host.setCurrentIndex(max(self.host.findData(holder), 0))

    def check(self) -> None:
        if self.table.currentData() is None:
            raise ValidationError(_("The block has no table yet: set its tables first."),
                                  field="table_id")

    def change(self, session: Session) -> object:
        return assign_table(session, self.table.currentData(), self.host.currentData())

    def success_text(self) -> str:
        return (_("Table freed. Undo with Ctrl+Z.") if self.host.currentData() is None
                else _("Table kept for the host. Undo with Ctrl+Z."))

