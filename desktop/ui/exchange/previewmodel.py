"""The preview table: each row of the file with what the import would do with it.

Rejected rows are red and carry their problems in a tooltip; updated rows say which fields
change. The rows are plain data from the preview operation, a few thousand at most.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.exchange.importer import Outcome
from desktop.i18n import N_, _
from desktop.ui.exchange.jobs import PreviewRow

Index = QModelIndex | QPersistentModelIndex

OUTCOME_LABELS = {Outcome.ADDED: N_("Added"), Outcome.UPDATED: N_("Updated"),
                  Outcome.UNCHANGED: N_("Unchanged"), Outcome.REJECTED: N_("Rejected")}
REJECTED_BACKGROUND = QColor("#f8d7da")
REJECTED_TEXT = QColor("#721c24")
UPDATED_BACKGROUND = QColor("#fff3cd")
ADDED_BACKGROUND = QColor("#d4edda")


def problems_text(row: PreviewRow) -> str:
    """The row's problems, one a line, each with its column."""
    lines = []
    for problem in row.problems:
        if problem.column:
            lines.append(_("{column}: {message}").format(column=problem.column,
                                                         message=problem.message))
        else:
            lines.append(problem.message)
    return "\n".join(lines)


def details_text(row: PreviewRow) -> str:
    if row.outcome is Outcome.REJECTED:
        return problems_text(row).replace("\n", " · ")
    if row.changes:
        return _("Changes: {fields}").format(fields=", ".join(row.changes))
    return ""


class PreviewModel(QAbstractTableModel):
    """Row number, outcome, record and details of every previewed row."""

    ROW, OUTCOME, RECORD, DETAILS = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[PreviewRow] = []

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 4:
            return (_("Row"), _("Outcome"), _("Record"), _("Problems or changes"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(row.row), _(OUTCOME_LABELS[row.outcome]), row.label,
                    details_text(row))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return problems_text(row) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            color = {Outcome.REJECTED: REJECTED_BACKGROUND, Outcome.UPDATED: UPDATED_BACKGROUND,
                     Outcome.ADDED: ADDED_BACKGROUND}.get(row.outcome)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and row.outcome is Outcome.REJECTED:
            return QBrush(REJECTED_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_at(self, index: Index) -> PreviewRow | None:
        return self.rows[index.row()] if index.isValid() else None
