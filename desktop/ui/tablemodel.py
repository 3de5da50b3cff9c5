"""A table over database rows that holds ids, not copies: the base of the record tables.

Loading reads a light *index*: the ids, in the order of the query, and whatever a subclass
keeps to describe them. The folded search text (case and accents removed) and the sort key of
a column are worked out from it only when first needed, for all rows at once, and kept until
the data changes; filter values likewise. Filtering and sorting work on that index only, so
they stay instant at 10,000 rows. What a cell shows is fetched for the rows being looked at, a
page at a time, and cached until the data changes.

A subclass either returns one :class:`IndexRow` per record from :meth:`load_index` (simple,
fine for hundreds of rows), or overrides :meth:`read_index`, :meth:`search_texts`,
:meth:`sort_keys` and :meth:`facet_values` to index column by column (for thousands).
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

from desktop.ui.folding import quick_fold

FETCH_PAGE = 200
Index = QModelIndex | QPersistentModelIndex


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
    shown: bool = True  # the organiser can show it from the header's menu when False


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
        self._index_rows: list[IndexRow] = []
        self._ids: list[int] = []
        self._texts: list[str] | None = None
        self._keys: dict[int, list[Any]] = {}
        self._facet_columns: dict[str, list[Any]] = {}
        self._order: list[int] = []  # positions in the index, in sort order
        self._rows: list[int] = []  # positions shown, in sort order
        self._positions: dict[int, int] | None = None  # id -> row shown, built on demand
        self._cache: dict[int, tuple[Any, ...]] = {}
        self._text = ""
        self._facets: dict[str, Any] = {}
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- to implement ------------------------------------------------------------------------

    def load_index(self, session: Session) -> list[IndexRow]:
        """One :class:`IndexRow` per record (the simple way to index)."""
        raise NotImplementedError

    def read_index(self, session: Session) -> list[int]:
        """Read what the index needs and return the ids, in a stable order (the column-wise
        way to index: override together with the three methods below)."""
        self._index_rows = self.load_index(session)
        return [row.id for row in self._index_rows]

    def search_texts(self) -> list[str]:
        """The folded search text of each id, in :meth:`read_index` order."""
        return [row.text for row in self._index_rows]

    def sort_keys(self, column: int) -> list[Any]:
        """The sort key of each id in ``column``, in :meth:`read_index` order."""
        return [row.keys[column] for row in self._index_rows]

    def facet_values(self, name: str) -> list[Any]:
        """The value of filter ``name`` for each id, in :meth:`read_index` order."""
        return [row.facets.get(name) for row in self._index_rows]

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        """Cell values (one per column, already formatted) of the records ``ids``."""
        raise NotImplementedError

    # -- loading, filtering, sorting ---------------------------------------------------------

    def reload(self) -> None:
        """Read the index again (after a change); keeps the filter and the sort order."""
        with self._session_factory() as session:
            ids = self.read_index(session)
        self.beginResetModel()
        self._ids = ids
        self._texts = None
        self._keys.clear()
        self._facet_columns.clear()
        self._cache.clear()
        self._order = self._sorted_order()
        self._rows = self._select()
        self._positions = None
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

    def _facet_column(self, name: str) -> list[Any]:
        column = self._facet_columns.get(name)
        if column is None:
            column = self._facet_columns[name] = self.facet_values(name)
        return column

    def _select(self) -> list[int]:
        rows = self._order
        if self._text:
            if self._texts is None:
                self._texts = self.search_texts()
            texts, needle = self._texts, self._text
            rows = [p for p in rows if needle in texts[p]]
        for name, value in self._facets.items():
            column = self._facet_column(name)
            rows = [p for p in rows if column[p] == value]
        return rows if rows is not self._order else list(rows)

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._select()
        self._positions = None
        self.endResetModel()

    def _sorted_order(self) -> list[int]:
        column = self._sort_column
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = self.sort_keys(column) if self._ids else []
        # Python's sort is stable: equal keys keep the index order (ascending ids).
        return sorted(range(len(self._ids)), key=keys.__getitem__,
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(index, self._ids[self._rows[index.row()]]) for index in persistent
                if index.isValid()]
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted_order()
        self._rows = self._select()
        self._positions = None
        for index, record_id in held:
            row = self.row_of(record_id)
            self.changePersistentIndex(
                index, self.index(row, index.column()) if row is not None else QModelIndex())
        self.layoutChanged.emit()

    # -- ids ---------------------------------------------------------------------------------

    def id_at(self, row: int) -> int | None:
        return self._ids[self._rows[row]] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: int) -> int | None:
        if self._positions is None:
            ids = self._ids
            self._positions = {ids[p]: row for row, p in enumerate(self._rows)}
        return self._positions.get(record_id)

    def ids(self) -> list[int]:
        ids = self._ids
        return [ids[p] for p in self._rows]

    @property
    def total(self) -> int:
        return len(self._ids)

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
        ids = self._ids
        record_id = ids[self._rows[row]]
        values = self._cache.get(record_id)
        if values is None:
            start = max(0, row - FETCH_PAGE // 4)
            wanted = [ids[p] for p in self._rows[start:start + FETCH_PAGE]
                      if ids[p] not in self._cache]
            with self._session_factory() as session:
                self._cache.update(self.fetch(session, wanted))
            values = self._cache.get(record_id)
        return values
