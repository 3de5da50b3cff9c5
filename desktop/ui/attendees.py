"""Choosing who attends a session with a list audience: a field for the form, a picker dialog.

The field shows how many people are on the list and a button that opens the picker. The
picker lists the whole roster (10,000 people stay quick: a list model over plain tuples) with
a check box each, an accent-insensitive filter and a switch to show only the people chosen.
Neither knows the database: the page hands the field a function that returns the roster.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, ngettext
from desktop.ui.folding import fold_all, quick_fold
from desktop.ui.forms import ValueField

Index = QModelIndex | QPersistentModelIndex
#: (person id, name as shown, what else helps tell people apart, e.g. the organisation)
RosterEntry = tuple[int, str, str]


class AttendeeModel(QAbstractListModel):
    """The roster with a check state per person; filters by text and by "chosen only".

    Signals:
        chosen_changed(int): how many people are now chosen.
    """

    chosen_changed = Signal(int)

    def __init__(self, roster: Sequence[RosterEntry], chosen: Sequence[int],
                 parent: QObject | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self.read_only = read_only
        self._roster = list(roster)
        self._texts = fold_all([f"{name} {detail}" for _id, name, detail in self._roster])
        known = {entry[0] for entry in self._roster}
        self._chosen: dict[int, None] = dict.fromkeys(i for i in chosen if i in known)
        self._text = ""
        self._chosen_only = False
        self._shown = list(range(len(self._roster)))

    def chosen(self) -> list[int]:
        """The ids chosen, in the order they were chosen."""
        return list(self._chosen)

    def set_text_filter(self, text: str) -> None:
        self._text = quick_fold(" ".join(text.split()))
        self._refilter()

    def set_chosen_only(self, chosen_only: bool) -> None:
        self._chosen_only = chosen_only
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        rows = list(range(len(self._roster)))
        if self._text:
            rows = [p for p in rows if self._text in self._texts[p]]
        if self._chosen_only:
            rows = [p for p in rows if self._roster[p][0] in self._chosen]
        self._shown = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        person_id, name, detail = self._roster[self._shown[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name} — {detail}" if detail else name
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if person_id in self._chosen
                    else Qt.CheckState.Unchecked)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.read_only else flags | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or self.read_only or not index.isValid() \
                or not 0 <= index.row() < len(self._shown):
            return False
        person_id = self._roster[self._shown[index.row()]][0]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            self._chosen[person_id] = None
        else:
            self._chosen.pop(person_id, None)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.chosen_changed.emit(len(self._chosen))
        return True


class AttendeePicker(QDialog):
    """Tick the people who attend; Space ticks the current row, the filter narrows the list."""

    def __init__(self, roster: Sequence[RosterEntry], chosen: Sequence[int],
                 parent: QWidget | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("attendeePicker")
        self.setWindowTitle(_("Who attends"))
        self.model = AttendeeModel(roster, chosen, self, read_only=read_only)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("attendeeFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(_("Filter by name or organisation"))
        self.filter_edit.textChanged.connect(self.model.set_text_filter)
        self.chosen_only = QCheckBox(_("Only the people &chosen"))
        self.chosen_only.setObjectName("chosenOnly")
        self.chosen_only.toggled.connect(self.model.set_chosen_only)
        self.view = QListView()
        self.view.setObjectName("attendeeList")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.count = QLabel()
        self.count.setObjectName("attendeeCount")
        self.model.chosen_changed.connect(self._show_count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.chosen_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(480, 560)
        self._show_count(len(self.model.chosen()))
        self.filter_edit.setFocus()

    def _show_count(self, n: int) -> None:
        self.count.setText(ngettext("{n} person chosen", "{n} people chosen", n).format(n=n))

    def chosen(self) -> list[int]:
        return self.model.chosen()


class AttendeesField(ValueField):
    """The form's field for a list audience: "12 people" and a Choose… button; its value is
    the list of person ids.

    Signals:
        changed(): the list of people changed (inherited).
    """

    def __init__(self, roster: Callable[[], Sequence[RosterEntry]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster = roster
        self._ids: list[int] = []
        self._read_only = False
        self._instead = ""
        self.picker: AttendeePicker | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("attendeeSummary")
        self.button = QPushButton(_("C&hoose people…"))
        self.button.setObjectName("chooseAttendees")
        self.button.clicked.connect(self.choose)
        self.setFocusProxy(self.button)
        # The button, then how many are chosen under it: narrow enough for long French labels.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.summary)
        self._show()

    def ids(self) -> list[int]:
        return list(self._ids)

    def set_ids(self, ids: Sequence[int]) -> None:
        self._ids = list(ids)
        self._show()

    def field_value(self) -> list[int]:
        return self.ids()

    def set_field_value(self, value: Any) -> None:
        self.set_ids(list(value or []))

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802  (as the line edits say it)
        self._read_only = read_only
        self.button.setText(_("S&how people…") if read_only else _("C&hoose people…"))

    def set_instead(self, text: str) -> None:
        """Who attends when the audience is not a list ("" when it is one): shown in place
        of the list's count, which then does not apply."""
        self._instead = text
        self._show()

    def _show(self) -> None:
        n = len(self._ids)
        if self._instead:
            self.summary.setText(self._instead)
        else:
            self.summary.setText(ngettext("{n} person", "{n} people", n).format(n=n) if n
                                 else _("Nobody yet"))

    def choose(self) -> None:
        """Open the picker; the list changes only if the user confirms."""
        if self.roster is None:
            return
        picker = AttendeePicker(self.roster(), self._ids, self, read_only=self._read_only)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.accepted.connect(lambda: self._picked(picker.chosen()))
        self.picker = picker
        picker.open()  # window-modal without blocking: the event loop keeps running

    def _picked(self, chosen: list[int]) -> None:
        if not self._read_only and chosen != self._ids:
            self.set_ids(chosen)
            self.changed.emit()
