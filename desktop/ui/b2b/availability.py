"""Who cannot meet when: participants (rows) × the slots of a block (columns).

Derived unavailability (a flight landing late, a site visit) comes from the travel and
programme records and cannot be switched off here; unavailability set by hand can be switched
on and off with a click or the space bar, one undo step each.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget
from sqlalchemy.orm import Session, sessionmaker

from desktop.b2b.setup import block_availability, list_participants, list_slots
from desktop.i18n import _, format_time
from desktop.ui.b2b.zoom import TableZoom
from desktop.validation import fold

Index = QModelIndex | QPersistentModelIndex
DERIVED_COLOUR = "#c9d4e8"  # blue-grey: from flights and the programme
EXPLICIT_COLOUR = "#f5bcbc"  # light red: set by hand
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
SLOT_WIDTH = 96  # a slot's column at 100 %
FREE, DERIVED, EXPLICIT = "free", "derived", "explicit"


class AvailabilityModel(QAbstractTableModel):
    """Participant ids × slot ids of one block, each cell free, derived or explicit."""

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_factory = session_factory
        self.block_id: int | None = None
        self.row_ids: list[int] = []
        self.slot_ids: list[int] = []
        self._names: dict[int, str] = {}
        self._slot_text: list[str] = []
        self._derived: dict[int, dict[int, str]] = {}
        self._explicit: dict[int, dict[int, str]] = {}
        self._filter = ""

    def set_block(self, block_id: int | None) -> None:
        self.block_id = block_id
        self.reload()

    def set_filter(self, text: str) -> None:
        self._filter = fold(text.strip())
        self.beginResetModel()
        self._filter_rows()
        self.endResetModel()

    def _filter_rows(self) -> None:
        self.row_ids = [p for p, name in self._names.items() if self._filter in fold(name)]

    def reload(self) -> None:
        self.beginResetModel()
        self._names, self.slot_ids, self._slot_text = {}, [], []
        self._derived, self._explicit = {}, {}
        if self.block_id is not None:
            with self.session_factory() as session:
                slots = list_slots(session, self.block_id)
                self.slot_ids = [s.id for s in slots]
                self._slot_text = [format_time(s.starts_at) for s in slots]
                self._names = {p.id: p.name for p in list_participants(session)}
                found = block_availability(session, self.block_id)
                self._derived, self._explicit = found.derived, found.explicit
        self._filter_rows()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.row_ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.slot_ids)

    def place(self, index: Index) -> tuple[int, int]:
        """The participant and slot ids of a cell."""
        return self.row_ids[index.row()], self.slot_ids[index.column()]

    def name(self, participant_id: int) -> str:
        return self._names.get(participant_id, "")

    def derived_reason(self, index: Index) -> str | None:
        participant_id, slot_id = self.place(index)
        return self._derived.get(participant_id, {}).get(slot_id)

    def explicit_reason(self, index: Index) -> str | None:
        participant_id, slot_id = self.place(index)
        return self._explicit.get(participant_id, {}).get(slot_id)

    def state(self, index: Index) -> str:
        if self.explicit_reason(index) is not None:
            return EXPLICIT
        return DERIVED if self.derived_reason(index) is not None else FREE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        state = self.state(index)
        if role == STATE_ROLE:
            return state
        if role == Qt.ItemDataRole.DisplayRole:
            return self.explicit_reason(index) or self.derived_reason(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index, state)
        if role == Qt.ItemDataRole.BackgroundRole and state != FREE:
            return QBrush(QColor(EXPLICIT_COLOUR if state == EXPLICIT else DERIVED_COLOUR))
        if role == Qt.ItemDataRole.ForegroundRole and state != FREE:
            return QBrush(QColor("#1a1a1a"))
        return None

    def _tooltip(self, index: Index, state: str) -> str:
        name = self._names[self.row_ids[index.row()]]
        derived = self.derived_reason(index)
        lines = []
        if state == EXPLICIT:
            lines.append(_("{name} is marked unavailable: {reason}.").format(
                name=name, reason=self.explicit_reason(index)))
            lines.append(_("Click or press Space to clear the mark."))
        if derived is not None:
            lines.append(_("{name} cannot meet: {reason}.").format(name=name, reason=derived))
            lines.append(_("This comes from the flights and the programme; change them on "
                           "the Travel or Programme page."))
        if state == FREE:
            lines.append(_("{name} can meet. Click or press Space to mark the slot "
                           "unavailable.").format(name=name))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._slot_text[section] if 0 <= section < len(self._slot_text) else None
        return self._names[self.row_ids[section]] if 0 <= section < len(self.row_ids) else None


class ToggleView(QTableView):
    """A grid whose cells are switched with a click, the space bar or Enter.

    Signals:
        toggle_requested(QModelIndex): the user asked to switch this cell.
    """

    toggle_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.horizontalHeader().setDefaultSectionSize(SLOT_WIDTH)
        self.clicked.connect(self.toggle_requested)
        # Ctrl+wheel, Ctrl++/- and Ctrl+0: every slot of a long block on screen at once.
        self.zoomer = TableZoom(self, QSize(SLOT_WIDTH,
                                            self.verticalHeader().defaultSectionSize()))

    def set_slot_width(self, width: int) -> None:
        """A slot's column at 100 % (the zoom scales from it)."""
        self.horizontalHeader().setDefaultSectionSize(width)
        self.zoomer.cell = QSize(width, self.zoomer.cell.height())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if not self.zoomer.wheel(event):
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.zoomer.key(event):
            return
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.currentIndex().isValid():
            self.toggle_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
