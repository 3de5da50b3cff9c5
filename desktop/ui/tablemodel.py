"""A table over database rows that holds ids, not copies: the base of the record tables.

Loading reads one light *index* row per record: its id, its search text folded once (case and
accents removed), one sort key per column and the values the filters look at. Filtering and
sorting work on that index only, so they stay instant at 10,000 rows. What a cell shows is
fetched from the database for the rows being looked at, a page at a time, and cached until the
data changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from sqlalchemy.orm import Session, sessionmaker

from desktop.validation import fold

FETCH_PAGE = 200
Index = QModelIndex | QPersistentModelIndex


def quick_fold(text: str) -> str:
    """:func:`desktop.validation.fold`, with a fast path for plain ASCII."""
    return text.lower() if text.isascii() else fold(text)


@dataclass(slots=True)
class IndexRow:
    """What sorting and filtering need to know of one record."""

    id: int
    text: str
    keys: tuple[Any, ...]
    facets: dict[str, Any]


@dataclass(frozen=True)
class Column:
    key: str
    title: Callable[[], str]
    width: int = 120


class RecordTableModel(QAbstractTableModel):
    """Rows of one kind of record, by id; subclasses say how to index and how to fetch.

    Signals:
        reloaded(): the rows were read again from the database.
    """

    reloaded = Signal()
    columns: Sequence[Column] = ()

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session_factory = session_factory
        self._all: list[IndexRow] = []
        self._rows: list[IndexRow] = []
        self._positions: dict[int, int] = {}
        self._cache: dict[int, tuple[Any, ...]] = {}
        self._text = ""
        self._facets: dict[str, Any] = {}
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- to implement ------------------------------------------------------------------------

    def load_index(self, session: Session) -> list[IndexRow]:
        raise NotImplementedError

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        """Cell values (one per column, already formatted) of the records ``ids``."""
        raise NotImplementedError

    # -- loading, filtering, sorting ---------------------------------------------------------

    def reload(self) -> None:
        """Read the index again (after a change); keeps the filter and the sort order."""
        with self._session_factory() as session:
            rows = self.load_index(session)
        self.beginResetModel()
        self._all = rows
        self._cache.clear()
        self._rows = self._select()
        self._sort_rows()
        self.endResetModel()
        self.reloaded.emit()

    def set_text_filter(self, text: str) -> None:
        needle = quick_fold(" ".join(text.split()))
        if needle != self._text:
            self._text = needle
            self._refilter()

    def set_facet(self, name: str, value: Any) -> None:
        """Keep rows whose facet ``name`` equals ``value`` (``None``: any)."""
        if value is None:
            if self._facets.pop(name, None) is None:
                return
        elif self._facets.get(name) == value:
            return
        else:
            self._facets[name] = value
        self._refilter()

    def _select(self) -> list[IndexRow]:
        text, facets = self._text, list(self._facets.items())
        rows = self._all
        if text:
            rows = [row for row in rows if text in row.text]
        for name, value in facets:
            rows = [row for row in rows if row.facets.get(name) == value]
        return rows if rows is not self._all else list(rows)

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._select()
        self._sort_rows()
        self.endResetModel()

    def _sort_rows(self) -> None:
        column = self._sort_column
        self._rows.sort(key=lambda row: (row.keys[column], row.id),
                        reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._positions = {row.id: position for position, row in enumerate(self._rows)}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(index, self._rows[index.row()].id) for index in persistent if index.isValid()]
        self._sort_column, self._sort_order = column, order
        self._sort_rows()
        for index, record_id in held:
            self.changePersistentIndex(
                index, self.index(self._positions[record_id], index.column()))
        self.layoutChanged.emit()

    # -- ids ---------------------------------------------------------------------------------

    def id_at(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: int) -> int | None:
        return self._positions.get(record_id)

    def ids(self) -> list[int]:
        return [row.id for row in self._rows]

    @property
    def total(self) -> int:
        return len(self._all)

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return self.columns[section].title()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        row = index.row()
        if not 0 <= row < len(self._rows) or not 0 <= index.column() < len(self.columns):
            return None
        values = self._values(row)
        return values[index.column()] if values is not None else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _values(self, row: int) -> tuple[Any, ...] | None:
        record_id = self._rows[row].id
        values = self._cache.get(record_id)
        if values is None:
            start = max(0, row - FETCH_PAGE // 4)
            wanted = [r.id for r in self._rows[start:start + FETCH_PAGE]
                      if r.id not in self._cache]
            with self._session_factory() as session:
                self._cache.update(self.fetch(session, wanted))
            values = self._cache.get(record_id)
        return values
