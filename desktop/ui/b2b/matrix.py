"""Requests between the delegation (rows) and the hosts (columns), edited from the keyboard.

A cell says who asked (→ the row's team, ← the column's, ⇄ both), the best priority, the
status, and whether the meeting is scheduled (✓). On a cell, 1, 2 or 3 asks for the meeting
on behalf of the row's team with that priority (or changes its priority), A accepts, D
declines, R sets it back to requested, and Delete withdraws the row's request. Each edit is one
undoable transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
)
from PySide6.QtCore import Signal as _Signal
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.b2b.requests import (
    PairCell,
    RequestInput,
    add_request,
    delete_request,
    request_input,
    request_matrix,
    set_request_status,
    update_request,
)
from desktop.b2b.setup import participant_side
from desktop.db.enums import RequestStatus, Side, label
from desktop.db.models import MeetingRequest
from desktop.errors import MissionDeskError
from desktop.i18n import _
from desktop.ui.b2b.commands import RequestChange
from desktop.ui.b2b.style import KIND_COLOURS, legend
from desktop.ui.b2b.zoom import TableZoom
from desktop.ui.context import MissionContext
from desktop.ui.dialogs import error_text
from desktop.ui.undo import execute

Index = QModelIndex | QPersistentModelIndex
ARROWS = {"row": "→", "column": "←", "both": "⇄"}
STATUS_KEYS = {Qt.Key.Key_A: RequestStatus.ACCEPTED, Qt.Key.Key_D: RequestStatus.DECLINED,
               Qt.Key.Key_R: RequestStatus.REQUESTED}
PRIORITY_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3}


class RequestMatrixModel(QAbstractTableModel):
    """Delegation teams × hosts, holding participant ids and each pair's request summary.

    Signals:
        edit_requested(int, int, object): row participant, column participant, and the edit:
            a priority (1–3), a :class:`RequestStatus`, or ``None`` to withdraw.
    """

    edit_requested = _Signal(int, int, object)

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_factory = session_factory
        self.row_ids: list[int] = []
        self.column_ids: list[int] = []
        self._names: dict[int, str] = {}
        self._cells: dict[tuple[int, int], PairCell] = {}

    def reload(self) -> None:
        self.beginResetModel()
        with self.session_factory() as session:
            matrix = request_matrix(session)
            hosts = [p for p in matrix.columns if participant_side(p) == Side.HOST]
            self.row_ids = [p.id for p in matrix.rows]
            self.column_ids = [p.id for p in hosts]
            self._names = {p.id: p.name for p in [*matrix.rows, *hosts]}
            self._cells = dict(matrix.cells)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.row_ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.column_ids)

    def pair(self, index: Index) -> tuple[int, int]:
        return self.row_ids[index.row()], self.column_ids[index.column()]

    def cell(self, index: Index) -> PairCell | None:
        return self._cells.get(self.pair(index)) if index.isValid() else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index)
        if cell is None:
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("No request. Press 1, 2 or 3 (or right-click) to ask for this meeting "
                         "for {name}.").format(name=self._names[self.row_ids[index.row()]])
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = _("{by} {priority} {status}").format(
                by=ARROWS[cell.by], priority=cell.priority, status=label(cell.status))
            return text + (" ✓" if cell.scheduled else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index, cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            kind = ("other" if cell.status == RequestStatus.DECLINED else "mutual"
                    if cell.by == "both" else "priority" if cell.priority == 1 else
                    "required" if cell.status == RequestStatus.ACCEPTED else None)
            return QBrush(QColor(KIND_COLOURS[kind])) if kind else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#767676" if cell.status == RequestStatus.DECLINED
                                 else "#1a1a1a"))
        return None

    def _tooltip(self, index: Index, cell: PairCell) -> str:
        row, column = (self._names[i] for i in self.pair(index))
        who = {"row": _("{a} asked to meet {b}."), "column": _("{b} asked to meet {a}."),
               "both": _("{a} and {b} both asked (mutual).")}[cell.by].format(a=row, b=column)
        lines = [who, _("Priority {p}; {status}.").format(p=cell.priority,
                                                          status=label(cell.status)),
                 _("Scheduled.") if cell.scheduled else _("Not scheduled yet."),
                 _("Keys: 1–3 priority, A accept, D decline, R requested, Delete withdraw; "
                   "or right-click.")]
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        ids = self.row_ids if orientation == Qt.Orientation.Vertical else self.column_ids
        if not 0 <= section < len(ids):
            return None
        name = self._names[ids[section]]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return two_lines(name)
        return name

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def request_edit(self, index: Index, edit: int | RequestStatus | None) -> bool:
        """Ask for an edit of the pair at ``index`` (the page carries it out)."""
        if not index.isValid():
            return False
        self.edit_requested.emit(*self.pair(index), edit)
        return True


def two_lines(text: str) -> str:
    """A long name broken at the space nearest its middle, for narrow column headers."""
    spaces = [n for n, char in enumerate(text) if char == " "]
    if len(text) < 14 or not spaces:
        return text
    cut = min(spaces, key=lambda n: abs(n - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1:]


def pair_request_ids(session: Session, a: int, b: int) -> list[int]:
    return list(session.scalars(select(MeetingRequest.id).where(or_(
        (MeetingRequest.requester_id == a) & (MeetingRequest.target_id == b),
        (MeetingRequest.requester_id == b) & (MeetingRequest.target_id == a)))))


def edit_pair(session: Session, row_id: int, column_id: int,
              edit: int | RequestStatus | None) -> None:
    """Carry out one matrix edit on behalf of the row's participant."""
    own = session.scalar(select(MeetingRequest).where(MeetingRequest.requester_id == row_id,
                                                      MeetingRequest.target_id == column_id))
    if edit is None:
        if own is not None:
            delete_request(session, own.id)
    elif isinstance(edit, RequestStatus):
        ids = pair_request_ids(session, row_id, column_id)
        if not ids:
            add_request(session, RequestInput(row_id, column_id, status=edit))
        for request_id in ids:
            set_request_status(session, request_id, edit)
    elif own is None:
        add_request(session, RequestInput(row_id, column_id, edit))
    else:
        data = request_input(own)
        data.priority = edit
        update_request(session, own.id, data)


CELL = QSize(140, 26)  # a cell of the matrix at 100 %


class MatrixView(QTableView):
    """The matrix with its keys (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestMatrix")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setDefaultSectionSize(CELL.width())
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setDefaultSectionSize(CELL.height())
        self.zoomer = TableZoom(self, CELL)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if not self.zoomer.wheel(event):
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.zoomer.key(event):
            return
        model = self.model()
        key = Qt.Key(event.key())
        edit: int | RequestStatus | None
        if isinstance(model, RequestMatrixModel) and (
                key in PRIORITY_KEYS or key in STATUS_KEYS
                or key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            edit = PRIORITY_KEYS.get(key) or STATUS_KEYS.get(key)
            model.request_edit(self.currentIndex(), edit)
            event.accept()
            return
        super().keyPressEvent(event)

    def edit_menu(self, index: QModelIndex) -> QMenu | None:
        """The edits of the pair at ``index``, each with its key: the same as the keyboard's,
        for the mouse (right click or double click on a cell)."""
        model = self.model()
        if not index.isValid() or not isinstance(model, RequestMatrixModel):
            return None
        cell = model.cell(index)
        menu = QMenu(self)
        menu.setObjectName("matrixMenu")

        def add(text: str, key: str, edit: int | RequestStatus | None,
                enabled: bool = True) -> None:
            action = menu.addAction(f"{text}\t{key}")
            action.setEnabled(enabled)
            action.triggered.connect(lambda: model.request_edit(index, edit))

        for priority in (1, 2, 3):
            add(_("Ask, priority {p}").format(p=priority) if cell is None or cell.by == "column"
                else _("Priority {p}").format(p=priority), str(priority), priority,
                cell is None or cell.by == "column" or cell.priority != priority)
        menu.addSeparator()
        add(_("Accept"), "A", RequestStatus.ACCEPTED,
            cell is None or cell.status != RequestStatus.ACCEPTED)
        add(_("Decline"), "D", RequestStatus.DECLINED,
            cell is not None and cell.status != RequestStatus.DECLINED)
        add(_("Back to requested"), "R", RequestStatus.REQUESTED,
            cell is not None and cell.status != RequestStatus.REQUESTED)
        menu.addSeparator()
        add(_("Withdraw the row's request"), _("Delete"), None,
            cell is not None and cell.by in ("row", "both"))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        self._menu_at(self.indexAt(event.pos()), event.globalPos())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if not self._menu_at(index, event.globalPosition().toPoint()):
            super().mouseDoubleClickEvent(event)

    def _menu_at(self, index: QModelIndex, where: QPoint) -> bool:
        menu = self.edit_menu(index)
        if menu is None:
            return False
        self.setCurrentIndex(index)
        menu.exec(where)
        menu.deleteLater()
        return True


class MatrixTab(QWidget):
    """The request matrix, its key help, and what the last edit did."""

    def __init__(self, context: MissionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RequestMatrixModel(context.mission.session_factory, self)
        self.model.edit_requested.connect(self.edit)
        self.view = MatrixView()
        self.view.setModel(self.model)
        help_text = QLabel(_("Rows: delegation teams; columns: hosts. → the row's team asked, "
                             "← the host asked, ⇄ both; ✓ scheduled. On a cell press 1, 2 or 3 "
                             "to ask (or change the priority), A accept, D decline, "
                             "R requested, Delete withdraw the row's request, or right-click "
                             "it for the same choices. Ctrl+wheel zooms out to see more "
                             "hosts at once."))
        help_text.setWordWrap(True)
        self.feedback = QLabel()
        self.feedback.setObjectName("matrixFeedback")
        self.feedback.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addWidget(legend({"mutual": _("Both asked (mutual)"),
                                 "priority": _("Priority 1"),
                                 "required": _("Accepted, priority 2 or 3"),
                                 "plain": _("Asked, priority 2 or 3"),
                                 "other": _("Declined")}, marks=False))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.feedback)

    def load(self) -> None:
        current = self.view.currentIndex()
        place = (current.row(), current.column())
        self.model.reload()
        self.view.setCurrentIndex(self.model.index(*place))

    def edit(self, row_id: int, column_id: int, edit: object) -> bool:
        if self.context.read_only:
            return False
        assert edit is None or isinstance(edit, int | RequestStatus)

        def change(session: Session) -> object:
            edit_pair(session, row_id, column_id, edit)
            return None

        def touched(session: Session) -> Sequence[int]:
            return pair_request_ids(session, row_id, column_id)

        try:
            execute(RequestChange(self.context, _("Change a meeting request"), change,
                                  lambda s: list(touched(s))))
        except MissionDeskError as exc:
            self.feedback.setText(error_text(exc))
            return False
        self.feedback.setText(_("Request changed. Undo with Ctrl+Z."))
        return True
