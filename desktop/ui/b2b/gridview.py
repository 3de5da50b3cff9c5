"""The view of a block's schedule: meetings dragged between cells, with the reason a drop
would be refused shown while dragging."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.b2b.gridmodel import INTERPRETER_ROLE, PAUSE_ROLE, MeetingGridModel
from desktop.ui.b2b.style import INTERPRETER_COLOUR
from desktop.ui.b2b.zoom import TableZoom

PAUSE_COLOUR = "#7a7a7a"
CELL_WIDTH = 190
CELL_HEIGHT = 44


class MeetingDelegate(QStyledItemDelegate):
    """Paints a meeting as usual, with a purple stripe when an interpreter sits in; in a cell
    too low for two lines (the grid zoomed out) both parties share one line."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if "\n" in option.text and \
                option.rect.height() < 2 * option.fontMetrics.lineSpacing() + 2:
            option.text = option.text.replace("\n", " · ")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        if index.data(PAUSE_ROLE):  # a rule across the grid where the lunch break falls
            cell: QRect = option.rect
            painter.fillRect(QRect(cell.left(), cell.top(), cell.width(), 3),
                             QColor(PAUSE_COLOUR))
        if index.data(INTERPRETER_ROLE):
            rect: QRect = option.rect
            painter.fillRect(QRect(rect.left(), rect.top(), 5, rect.height()),
                             QColor(INTERPRETER_COLOUR))


class MeetingGridView(QTableView):
    """Slots × tables; drag a meeting to an empty cell to move it, onto another to swap.

    Ctrl+X and Ctrl+V do the same from the keyboard (see :mod:`desktop.ui.b2b.gridkeys`).

    Signals:
        hint(str): what a drop here would do, or why it would be refused.
        cut_requested(QModelIndex): Ctrl+X on this cell.
        paste_requested(QModelIndex): Ctrl+V on this cell.
        cancel_requested(): Escape.
    """

    hint = Signal(str)
    cut_requested = Signal(QModelIndex)
    paste_requested = Signal(QModelIndex)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingGrid")
        self.setItemDelegate(MeetingDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIconSize(self.iconSize().scaled(14, 14, Qt.AspectRatioMode.KeepAspectRatio))
        horizontal = self.horizontalHeader()
        horizontal.setTextElideMode(Qt.TextElideMode.ElideRight)  # a host's name, cut at the end
        horizontal.setDefaultSectionSize(CELL_WIDTH)
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        vertical = self.verticalHeader()
        vertical.setDefaultSectionSize(CELL_HEIGHT)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # A whole block on screen, or the names larger (desktop.ui.b2b.zoom).
        self.zoomer = TableZoom(self, QSize(CELL_WIDTH, CELL_HEIGHT))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if not self.zoomer.wheel(event):
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Cut and paste: the keyboard's way to move or swap meetings (and the zoom keys)."""
        if self.zoomer.key(event):
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.cut_requested.emit(self.currentIndex())
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit(self.currentIndex())
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            super().keyPressEvent(event)
        else:
            super().keyPressEvent(event)

    def grid_model(self) -> MeetingGridModel:
        model = self.model()
        assert isinstance(model, MeetingGridModel)
        return model

    def judge(self, event: QDragMoveEvent | QDropEvent) -> tuple[int | None, list[str]]:
        """The meeting being dragged and why dropping it here would be refused."""
        model = self.grid_model()
        meeting_id = model.meeting_in(event.mimeData())
        if meeting_id is None:
            return None, [_("Only meetings can be dropped here.")]
        target = self.indexAt(event.position().toPoint())
        return meeting_id, model.drop_reasons(meeting_id, target)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        super().dragMoveEvent(event)
        meeting_id, reasons = self.judge(event)
        if meeting_id is None:
            event.ignore()
            return
        if reasons:
            event.ignore()
            text = " ".join(reasons)
            QToolTip.showText(self.viewport().mapToGlobal(event.position().toPoint()), text,
                              self.viewport())
        else:
            event.acceptProposedAction()
            target = self.grid_model().cell(self.indexAt(event.position().toPoint()))
            text = (_("Drop to swap the two meetings.") if target is not None
                    else _("Drop to move the meeting here."))
            QToolTip.hideText()
        self.hint.emit(text)
