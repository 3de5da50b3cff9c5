"""Zooming a B2B table (the schedule grid, the request matrix): cells, their text and the
headers at a factor of their usual size, so that a whole block or many hosts fit the screen.

Ctrl+wheel, Ctrl++ and Ctrl+- step through :data:`ZOOMS`; Ctrl+0 is the usual size. The views
hand their wheel and key events to :meth:`TableZoom.wheel` and :meth:`TableZoom.key` first.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QTableView

ZOOMS = (0.5, 0.65, 0.8, 1.0, 1.25, 1.5)  # the steps of Ctrl+wheel, Ctrl++ and Ctrl+-
MIN_ZOOM = 0.35  # fitting goes no smaller: the names would be unreadable


class TableZoom(QObject):
    """The zoom of one table view whose cells are ``cell`` in size at 100 %.

    Signals:
        changed(float): the factor now applied.
    """

    changed = Signal(float)

    def __init__(self, view: QTableView, cell: QSize) -> None:
        super().__init__(view)
        self.view = view
        self.cell = cell
        self.factor = 1.0
        self._font_size = view.font().pointSizeF()

    def set(self, factor: float) -> None:
        """Cells, text and headers at ``factor`` (kept between MIN_ZOOM and the last step)."""
        factor = max(MIN_ZOOM, min(ZOOMS[-1], factor))
        self.factor = factor
        view = self.view
        font = QFont(view.font())
        font.setPointSizeF(max(5.5, self._font_size * factor))
        view.setFont(font)
        for header, size in ((view.horizontalHeader(), self.cell.width()),
                             (view.verticalHeader(), self.cell.height())):
            header.setFont(font)
            header.setDefaultSectionSize(round(size * factor))
            for section in range(header.count()):
                header.resizeSection(section, round(size * factor))
        self.changed.emit(factor)

    def step(self, steps: int) -> None:
        """One step of :data:`ZOOMS` larger (``steps`` > 0) or smaller."""
        if steps > 0:
            self.set(next((z for z in ZOOMS if z > self.factor + 1e-6), ZOOMS[-1]))
        elif steps < 0:
            self.set(next((z for z in reversed(ZOOMS) if z < self.factor - 1e-6), MIN_ZOOM))

    def fit_columns(self) -> int | None:
        """Every column side by side in the view's width if it can be done at a readable
        size; never larger than usual. Returns how many columns now fit in full (fewer than
        all when even the smallest readable size is too wide), or None before the view is
        laid out (nothing is done then)."""
        model = self.view.model()
        columns = model.columnCount() if model is not None else 0
        available = self.view.viewport().width()
        if not columns or available < 2 * MIN_ZOOM * self.cell.width():
            return None
        # A whole number of pixels per column, so that rounding never pushes the last out.
        self.set(min(1.0, (available // columns) / self.cell.width()))
        self.view.updateGeometries()  # the row headers shrank with the font: more room
        section = max(1, self.view.horizontalHeader().sectionSize(0))
        return min(columns, max(available, self.view.viewport().width()) // section)

    def wheel(self, event: QWheelEvent) -> bool:
        """Ctrl+wheel zooms; True when the event was taken."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        delta = event.angleDelta().y()
        if delta:
            self.step(1 if delta > 0 else -1)
        event.accept()
        return True

    def key(self, event: QKeyEvent) -> bool:
        """Ctrl++, Ctrl+- and Ctrl+0; True when the event was taken."""
        if event.matches(QKeySequence.StandardKey.ZoomIn):
            self.step(1)
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.step(-1)
        elif event.key() == Qt.Key.Key_0 and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set(1.0)
        else:
            return False
        event.accept()
        return True
