"""Columns of a record table the organiser can arrange: show or hide them, fit them to the
window, or put them back as the app first laid them out.

Right-click on the table's header for the menu. A table shown for the first time (no layout
remembered yet) fits its columns to the width it has, so that a laptop screen shows every
column without scrolling sideways; what the organiser arranges afterwards is remembered with
the rest of the page's layout (the header's own saved state keeps hidden columns too).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from desktop.i18n import _
from desktop.ui.tablemodel import Column

MIN_WIDTH = 56  # no column is fitted narrower than its title or this


class HeaderColumns(QObject):
    """The header menu and the fitting of one table's columns."""

    def __init__(self, view: QTableView, columns: Sequence[Column]) -> None:
        super().__init__(view)
        self.view = view
        self.columns = tuple(columns)
        header = self.header
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)

    @property
    def header(self) -> QHeaderView:
        return self.view.horizontalHeader()

    def visible(self) -> list[int]:
        return [i for i in range(len(self.columns)) if not self.header.isSectionHidden(i)]

    # -- the layout the app starts with ------------------------------------------------------
    def reset(self) -> None:
        """Every column at its first place, width and visibility; then fitted."""
        header = self.header
        for logical in range(len(self.columns)):
            visual = header.visualIndex(logical)
            if visual != logical:
                header.moveSection(visual, logical)
        for logical, column in enumerate(self.columns):
            header.setSectionHidden(logical, not column.shown)
            header.resizeSection(logical, column.width)
        self.fit()

    def fit(self) -> None:
        """Narrow the visible columns in proportion until they fit the table's width; each
        keeps at least its title. Columns that already fit are left as they are."""
        header = self.header
        shown = self.visible()
        available = self.view.viewport().width()
        bar = self.view.verticalScrollBar()
        if not bar.isVisible():  # rows still to come would bring it: keep its room
            available -= bar.sizeHint().width()
        if not shown or available <= 0:
            return
        widths = {i: header.sectionSize(i) for i in shown}
        if header.stretchLastSection():
            # The last section stretches to fill: count it at its preferred width instead.
            last = max(shown, key=header.visualIndex)
            widths[last] = self.columns[last].width
        total = sum(widths.values())
        if total <= available:
            return
        metrics = header.fontMetrics()
        title = {i: min(widths[i], max(MIN_WIDTH, metrics.horizontalAdvance(
            self.columns[i].title()) + 2 * metrics.averageCharWidth() + 12)) for i in shown}
        # A column whose cells fit its usual width (a date, a status) keeps them whole and no
        # more; the others (names, titles) share what is left in proportion, each down to no
        # less than its title.
        whole = {i: max(title[i], self._cells_width(i)) for i in shown}
        fixed = {i: whole[i] for i in shown if whole[i] <= widths[i]}
        elastic = [i for i in shown if i not in fixed]
        if sum(fixed.values()) + sum(title[i] for i in elastic) > available:
            fixed, elastic = {}, shown
        for i, width in fixed.items():
            header.resizeSection(i, width)
        room = max(0, available - sum(fixed.values()) - sum(title[i] for i in elastic))
        spare = sum(widths[i] - title[i] for i in elastic)
        for i in elastic:
            share = (widths[i] - title[i]) * room // spare if spare > 0 else 0
            header.resizeSection(i, min(widths[i], title[i] + share))

    def _cells_width(self, logical: int) -> int:
        """The widest cell of the column among the rows on screen (Qt's own measure reads up
        to a thousand rows, which a large table fetches from the database for nothing)."""
        view, model = self.view, self.view.model()
        rows = model.rowCount()
        if not rows:
            return 0
        first = max(0, view.rowAt(0))
        last = view.rowAt(view.viewport().height() - 1)
        last = rows - 1 if last < 0 else last
        last = min(last, first + 60)
        grid = 1 if view.showGrid() else 0  # as Qt counts the grid line into a column
        return grid + max(view.sizeHintForIndex(model.index(row, logical)).width()
                          for row in range(first, last + 1))

    # -- the menu --------------------------------------------------------------------------
    def menu(self) -> QMenu:
        """The header's menu: a tick per column, then fitting and the first layout."""
        menu = QMenu(self.view)
        menu.setObjectName("columnsMenu")
        shown = self.visible()
        for logical in sorted(range(len(self.columns)), key=self.header.visualIndex):
            action = QAction(self.columns[logical].title(), menu)
            action.setCheckable(True)
            action.setChecked(logical in shown)
            # The last column shown stays: a table without columns could not get them back.
            action.setEnabled(not (logical in shown and len(shown) == 1))
            action.toggled.connect(lambda on, c=logical: self.set_shown(c, on))
            menu.addAction(action)
        menu.addSeparator()
        fit = menu.addAction(_("Fit columns to the window"))
        fit.triggered.connect(self.fit)
        reset = menu.addAction(_("Reset columns"))
        reset.triggered.connect(self.reset)
        return menu

    def set_shown(self, logical: int, on: bool) -> None:
        if not on and self.visible() == [logical]:
            return
        self.header.setSectionHidden(logical, not on)
        if on and self.header.sectionSize(logical) < MIN_WIDTH:
            self.header.resizeSection(logical, self.columns[logical].width)

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.menu()
        menu.exec(self.header.mapToGlobal(pos))
        menu.deleteLater()
