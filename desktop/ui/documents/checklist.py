"""A searchable list of checkable entries: choose some people, participants or runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListView, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.validation import fold

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class CheckList(QWidget):
    """Entries (id, text) with a check box each, a filter box, and "all" / "none" buttons.

    The filter ignores case and accents. "All" and "none" act on the entries shown.

    Signals:
        changed(): an entry was checked or unchecked.
    """

    changed = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.filter = QLineEdit()
        self.filter.setObjectName("filter")
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.view = QListView()
        self.view.setObjectName("entries")
        self.view.setModel(self.proxy)
        self.view.setUniformItemSizes(True)
        self.view.setMinimumHeight(140)
        every = QPushButton(_("All"))
        every.setObjectName("checkAll")
        every.clicked.connect(lambda: self._check_shown(True))
        none = QPushButton(_("None"))
        none.setObjectName("checkNone")
        none.clicked.connect(lambda: self._check_shown(False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.filter, 1)
        buttons.addWidget(every)
        buttons.addWidget(none)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.model.itemChanged.connect(lambda _item: self.changed.emit())

    def set_entries(self, entries: Sequence[tuple[int, str]], checked: bool = False) -> None:
        """Replace the entries; keep the checks of entries that were there before."""
        before = set(self.checked_ids())
        known = {self.model.item(row).data(ID_ROLE) for row in range(self.model.rowCount())}
        self.model.blockSignals(True)
        self.model.clear()
        for entry_id, text in entries:
            item = QStandardItem(text)
            item.setEditable(False)
            item.setCheckable(True)
            on = entry_id in before if entry_id in known else checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            item.setData(entry_id, ID_ROLE)
            item.setData(fold(text), SEARCH_ROLE)
            self.model.appendRow(item)
        self.model.blockSignals(False)
        # The proxy heard nothing of the rows added with signals blocked: it must map them
        # afresh, or the list shows empty.
        self.proxy.invalidate()
        self.view.reset()
        self.changed.emit()

    def checked_ids(self) -> list[int]:
        """The ids of the checked entries, in list order (shown or not)."""
        return [int(item.data(ID_ROLE)) for row in range(self.model.rowCount())
                if (item := self.model.item(row)).checkState() == Qt.CheckState.Checked]

    def all_checked(self) -> bool:
        return len(self.checked_ids()) == self.model.rowCount()

    def set_checked(self, entry_ids: Sequence[int]) -> None:
        wanted = set(entry_ids)
        self._set_states(lambda entry_id: entry_id in wanted, range(self.model.rowCount()))

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(fold(text))

    def _check_shown(self, on: bool) -> None:
        rows = [self.proxy.mapToSource(self.proxy.index(row, 0)).row()
                for row in range(self.proxy.rowCount())]
        self._set_states(lambda _entry_id: on, rows)

    def _set_states(self, decide: Callable[[int], bool], rows: Sequence[int] | range) -> None:
        self.model.blockSignals(True)
        for row in rows:
            item = self.model.item(row)
            state = Qt.CheckState.Checked if decide(item.data(ID_ROLE)) \
                else Qt.CheckState.Unchecked
            item.setCheckState(state)
        self.model.blockSignals(False)
        self.view.viewport().update()
        self.changed.emit()
