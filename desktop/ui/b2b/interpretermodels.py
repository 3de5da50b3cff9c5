"""The mission's interpreters as a list, and when each is away in one block, as models over
ids for the Interpreters tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.b2b.setup import list_interpreters, list_slots
from desktop.db.models import InterpreterUnavailability
from desktop.i18n import _, current_language, format_time
from desktop.validation import language_name

Index = QModelIndex | QPersistentModelIndex
AWAY_COLOUR = "#f5bcbc"


class InterpretersModel(QAbstractTableModel):
    """Interpreter ids by name, with the languages each speaks."""

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_factory = session_factory
        self.ids: list[int] = []
        self._rows: list[tuple[str, str]] = []

    def reload(self) -> None:
        self.beginResetModel()
        with self.session_factory() as session:
            found = list_interpreters(session)
            self.ids = [i.id for i in found]
            language = current_language()
            self._rows = [(i.name, ", ".join(language_name(code, language)
                                             for code in i.languages)) for i in found]
        self.endResetModel()

    def row_of(self, interpreter_id: int | None) -> int:
        return self.ids.index(interpreter_id) if interpreter_id in self.ids else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole,
                                        Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (_("Interpreter"), _("Languages"))[section] if 0 <= section < 2 else None


class InterpreterSlotsModel(QAbstractTableModel):
    """Interpreters (rows) × the slots of one block (columns): a cell is marked when the
    interpreter is away then."""

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_factory = session_factory
        self.block_id: int | None = None
        self.ids: list[int] = []
        self.slot_ids: list[int] = []
        self._names: list[str] = []
        self._slot_text: list[str] = []
        self._away: set[tuple[int, int]] = set()

    def set_block(self, block_id: int | None) -> None:
        self.block_id = block_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        with self.session_factory() as session:
            interpreters = list_interpreters(session)
            self.ids = [i.id for i in interpreters]
            self._names = [i.name for i in interpreters]
            slots = list_slots(session, self.block_id) if self.block_id is not None else []
            self.slot_ids = [s.id for s in slots]
            self._slot_text = [format_time(s.starts_at) for s in slots]
            self._away = {(r.interpreter_id, r.slot_id) for r in session.scalars(
                select(InterpreterUnavailability).where(
                    InterpreterUnavailability.slot_id.in_(self.slot_ids)))}
        self.endResetModel()

    def place(self, index: Index) -> tuple[int, int]:
        return self.ids[index.row()], self.slot_ids[index.column()]

    def away(self, index: Index) -> bool:
        return index.isValid() and self.place(index) in self._away

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.slot_ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        away = self.away(index)
        name = self._names[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _("away") if away else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return (_("{name} is away. Click or press Space to make them available.")
                    if away else _("{name} is available. Click or press Space to mark them "
                                   "away.")).format(name=name)
        if role == Qt.ItemDataRole.BackgroundRole and away:
            return QBrush(QColor(AWAY_COLOUR))
        if role == Qt.ItemDataRole.ForegroundRole and away:
            return QBrush(QColor("#1a1a1a"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = self._slot_text if orientation == Qt.Orientation.Horizontal else self._names
        return texts[section] if 0 <= section < len(texts) else None
