"""A block's slots (with its pauses shown as rows of their own) and its tables, as models
over ids for the Blocks tab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from sqlalchemy.orm import Session, sessionmaker

from desktop.b2b.setup import list_slots, list_tables
from desktop.db.models import Room
from desktop.i18n import _, format_time

Index = QModelIndex | QPersistentModelIndex
PAUSE_COLOUR = "#e8e8e8"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def part_text(part: str) -> str:
    return {"am": _("morning session"), "pm": _("afternoon session")}.get(part, part)


def time_range(start: datetime | time, end: datetime | time) -> str:
    return _("{start}–{end}").format(start=format_time(start), end=format_time(end))


@dataclass(frozen=True)
class SlotRow:
    """A slot (``slot_id`` set) or the pause between two slots (``slot_id`` None)."""

    slot_id: int | None
    starts_at: datetime
    ends_at: datetime
    part: str


def pauses_of(rows: list[SlotRow]) -> list[tuple[time, time]]:
    """The pauses between slots, as wall-clock times."""
    return [(r.starts_at.time(), r.ends_at.time()) for r in rows if r.slot_id is None]


class SlotsModel(QAbstractTableModel):
    """The slots of one block in time order (time, part), a grey row where a pause falls."""

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_factory = session_factory
        self.rows: list[SlotRow] = []

    def set_block(self, block_id: int | None) -> None:
        self.beginResetModel()
        self.rows = []
        if block_id is not None:
            with self.session_factory() as session:
                previous: SlotRow | None = None
                for slot in list_slots(session, block_id):
                    if previous is not None and slot.starts_at > previous.ends_at:
                        self.rows.append(SlotRow(None, previous.ends_at, slot.starts_at, ""))
                    previous = SlotRow(slot.id, slot.starts_at, slot.ends_at, slot.part)
                    self.rows.append(previous)
        self.endResetModel()

    @property
    def slot_count(self) -> int:
        return sum(1 for r in self.rows if r.slot_id is not None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        pause = row.slot_id is None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return time_range(row.starts_at, row.ends_at)
            return _("pause") if pause else part_text(row.part)
        if role == Qt.ItemDataRole.ToolTipRole and pause:
            return _("No meetings from {start} to {end}.").format(
                start=format_time(row.starts_at), end=format_time(row.ends_at))
        if role == Qt.ItemDataRole.BackgroundRole and pause:
            return QBrush(QColor(PAUSE_COLOUR))
        if role == Qt.ItemDataRole.ForegroundRole and pause:
            return QBrush(QColor("#444444"))
        if role == Qt.ItemDataRole.FontRole and pause:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ID_ROLE:
            return row.slot_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (_("Time"), _("Part of the day"))[section] if 0 <= section < 2 else None


@dataclass(frozen=True)
class TableRow:
    table_id: int
    name: str
    room: str
    host: str


class TablesModel(QAbstractTableModel):
    """The tables of one block: name, room, and the host keeping it all through the block."""

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_factory = session_factory
        self.rows: list[TableRow] = []

    def set_block(self, block_id: int | None) -> None:
        self.beginResetModel()
        self.rows = []
        if block_id is not None:
            with self.session_factory() as session:
                self.rows = [self._row(session, t.id, t.name, t.room_id,
                                       t.participant.name if t.participant else "")
                             for t in list_tables(session, block_id)]
        self.endResetModel()

    @staticmethod
    def _row(session: Session, table_id: int, name: str, room_id: int | None,
             host: str) -> TableRow:
        room = session.get(Room, room_id) if room_id is not None else None
        return TableRow(table_id, name, room.name if room else "", host)

    def table_id(self, row: int) -> int | None:
        return self.rows[row].table_id if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.room, row.host)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return (_("{host} keeps this table all through the block.").format(host=row.host)
                    if row.host else _("Any pair may meet at this table."))
        if role == ID_ROLE:
            return row.table_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (_("Table"), _("Meeting room"), _("Kept by"))
        return titles[section] if 0 <= section < len(titles) else None
