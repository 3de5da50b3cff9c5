"""The problems list as a list model: tens of thousands of findings shown without a pause.

A ``QListWidget`` makes one item object per finding, which takes half a second for the
18,000 findings of a 10,000-person mission; a view over this model asks only for the rows on
screen.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.i18n import _

if TYPE_CHECKING:
    from desktop.checks import Finding, Ref

Index = QModelIndex | QPersistentModelIndex
REF_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_MARKS = {"error": "⛔ ", "warning": "⚠ "}


def category_title(category: str) -> str:
    """What the filter calls a category of findings."""
    titles = {"passport": _("Passports"), "b2b": _("B2B meetings"),
              "programme": _("Programme"), "program": _("Programme"),
              "flights": _("Flights"), "hotels": _("Hotels"), "presence": _("Presence")}
    return titles.get(category, category.capitalize() if category else _("Other"))


class FindingsModel(QAbstractListModel):
    """Findings, optionally of one category only; the role :data:`REF_ROLE` gives the
    record at fault (or None)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Finding] = []
        self._shown: list[Finding] = []
        self._category: str | None = None

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._all = list(findings)
        self._shown = self._select()
        self.endResetModel()

    def set_category(self, category: str | None) -> None:
        """Show only findings of ``category`` (None: all)."""
        if category == self._category:
            return
        self.beginResetModel()
        self._category = category
        self._shown = self._select()
        self.endResetModel()

    def categories(self) -> list[tuple[str, int]]:
        """Each category present, with how many findings it has, most first."""
        return Counter(f.category for f in self._all).most_common()

    @property
    def total(self) -> int:
        return len(self._all)

    def _select(self) -> list[Finding]:
        if self._category is None:
            return self._all
        return [f for f in self._all if f.category == self._category]

    def finding(self, row: int) -> Finding | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        finding = self.finding(index.row()) if index.isValid() else None
        if finding is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return SEVERITY_MARKS.get(finding.severity, "") + finding.message
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding.message
        if role == REF_ROLE:
            return finding.ref
        return None

    def ref_at(self, row: int) -> Ref | None:
        finding = self.finding(row)
        return finding.ref if finding is not None else None
