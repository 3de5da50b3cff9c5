"""The schedule of one B2B block as a table: slots (rows) × tables (columns).

The model holds ids (slot, table and meeting ids) and the few words each cell shows. A meeting
is dragged as its id; dropping it on an empty cell asks to move it there, on another meeting
to swap the two. Whether a drop is allowed is judged by the services
(:func:`~desktop.b2b.meetings.move_reasons`, :func:`~desktop.b2b.meetings.swap_reasons`), so
the reasons the user reads while dragging are the very reasons a change would be refused with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.orm import Session, sessionmaker

from desktop.b2b.checks import People, meeting_problems
from desktop.b2b.meetings import grid, move_reasons, swap_reasons
from desktop.b2b.requests import accepted_not_scheduled, requests_by_pair
from desktop.db.enums import RequestStatus
from desktop.i18n import _, format_time
from desktop.ui.b2b.style import KIND_COLOURS, lock_icon

MIME = "application/x-mission-desk-meeting"
MEETING_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
INTERPRETER_ROLE = Qt.ItemDataRole.UserRole + 3
PAUSE_ROLE = Qt.ItemDataRole.UserRole + 4  # a pause (lunch) comes before this row's slot
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Cell:
    """What one placed meeting shows."""

    meeting_id: int
    first: str
    second: str
    locked: bool
    mutual: bool
    priority: int | None
    accepted: bool
    interpreter: str | None
    problems: tuple[str, ...] = ()  # what is wrong with it now, in words
    blocked: bool = False  # one of them means it cannot be held as placed

    @property
    def kind(self) -> str:
        """The colour it takes: "conflict" (it cannot be held as placed: someone is away, or
        booked twice), else "mutual", "priority" (priority 1), "required" or "other"."""
        if self.blocked:
            return "conflict"
        if self.mutual:
            return "mutual"
        if self.priority == 1:
            return "priority"
        if self.accepted:
            return "required"
        return "other"


class MeetingGridModel(QAbstractTableModel):
    """Slots × tables of one block, each cell a meeting (both parties) or empty.

    Signals:
        move_requested(int, int, int): move meeting (id) to slot (id) and table (id).
        swap_requested(int, int): exchange the places of two meetings (ids).
        refused(str): a drop was refused; the reasons, in words.
    """

    move_requested = Signal(int, int, int)
    swap_requested = Signal(int, int)
    refused = Signal(str)

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_factory = session_factory
        self.block_id: int | None = None
        self.editable = True
        self.slot_ids: list[int] = []
        self.table_ids: list[int] = []
        self._slot_text: list[str] = []
        self._pause_before: list[str | None] = []  # per row: the pause before its slot
        self._table_text: list[str] = []
        self._cells: dict[tuple[int, int], Cell] = {}
        self._where: dict[int, tuple[int, int]] = {}
        self._judged: dict[tuple[int, int, int], list[str]] = {}
        self.waiting = 0  # pairs with an accepted request and no meeting in any block
        # When each participant cannot meet, and its languages: read once, not on each move
        # (a 2,500-meeting block took 0.3 s to check); forget_people() after other changes.
        self.people = People()

    def forget_people(self) -> None:
        """Availability, people or flights changed: read what the checks need again."""
        self.people = People()

    # -- loading ----------------------------------------------------------------------------

    def set_block(self, block_id: int | None) -> None:
        self.block_id = block_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.slot_ids, self.table_ids, self._cells, self._where = [], [], {}, {}
        self._slot_text, self._table_text, self._pause_before = [], [], []
        self._judged.clear()
        self.waiting = 0
        if self.block_id is not None:
            with self.session_factory() as session:
                self._load(session, self.block_id)
        self.endResetModel()

    def _load(self, session: Session, block_id: int) -> None:
        view = grid(session, block_id)
        pairs = requests_by_pair(session)
        self.waiting = accepted_not_scheduled(session)
        self.slot_ids = [s.id for s in view.slots]
        self._slot_text = [_("{start}–{end}").format(start=format_time(s.starts_at),
                                                     end=format_time(s.ends_at))
                           for s in view.slots]
        self._pause_before = [None] * len(view.slots)
        for n, (before, slot) in enumerate(pairwise(view.slots), start=1):
            if slot.starts_at > before.ends_at and \
                    slot.starts_at.date() == before.ends_at.date():
                self._pause_before[n] = _("{start}–{end}").format(
                    start=format_time(before.ends_at), end=format_time(slot.starts_at))
        self.table_ids = [t.id for t in view.tables]
        self._table_text = [t.name if t.participant is None else _("{table}\n{holder}").format(
            table=t.name, holder=t.participant.name) for t in view.tables]
        problems = meeting_problems(session, list(view.cells.values()), self.people)
        rows = {slot_id: n for n, slot_id in enumerate(self.slot_ids)}
        columns = {table_id: n for n, table_id in enumerate(self.table_ids)}
        for (slot_id, table_id), meeting in view.cells.items():
            requests = pairs.get(frozenset((meeting.participant_a_id,
                                            meeting.participant_b_id)), [])
            live = [r for r in requests if r.status != RequestStatus.DECLINED]
            place = (rows[slot_id], columns[table_id])
            self._where[meeting.id] = place
            found = problems.get(meeting.id, [])
            self._cells[place] = Cell(
                meeting.id, meeting.participant_a.name, meeting.participant_b.name,
                meeting.locked, len(live) == 2, min((r.priority for r in live), default=None),
                any(r.status == RequestStatus.ACCEPTED for r in live),
                meeting.interpreter.name if meeting.interpreter is not None else None,
                tuple(f.message for f in found), any(f.severity == "error" for f in found))

    # -- reading ----------------------------------------------------------------------------

    def cells(self) -> list[Cell]:
        """The meetings placed in the block, in no particular order."""
        return list(self._cells.values())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.slot_ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.table_ids)

    def cell(self, index: Index) -> Cell | None:
        return self._cells.get((index.row(), index.column())) if index.isValid() else None

    def index_of(self, meeting_id: int) -> QModelIndex:
        place = self._where.get(meeting_id)
        return self.index(*place) if place is not None else QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == PAUSE_ROLE:
            return index.isValid() and bool(self._pause_before[index.row()])
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "⚠ " if cell.problems else ""
            return f"{mark}{cell.first}\n{cell.second}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(KIND_COLOURS[cell.kind]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1a1a1a"))
        if role == Qt.ItemDataRole.DecorationRole:
            return lock_icon() if cell.locked else None
        if role == MEETING_ROLE:
            return cell.meeting_id
        if role == KIND_ROLE:
            return cell.kind
        if role == INTERPRETER_ROLE:
            return cell.interpreter
        return None

    def _tooltip(self, cell: Cell) -> str:
        lines = [*cell.problems, _("{a} meets {b}").format(a=cell.first, b=cell.second)]
        if cell.mutual:
            lines.append(_("Both asked for this meeting."))
        if cell.priority is not None:
            lines.append(_("Priority {p}").format(p=cell.priority))
        if cell.accepted:
            lines.append(_("Accepted: it must be held."))
        if cell.interpreter:
            lines.append(_("Interpreter: {name}").format(name=cell.interpreter))
        lines.append(_("Locked: the scheduler leaves it here.") if cell.locked
                     else _("Drag it to another slot or table, or onto a meeting to swap."))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical \
                and 0 <= section < len(self._pause_before) and self._pause_before[section]:
            return _("A pause comes before this slot: {pause}.").format(
                pause=self._pause_before[section])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = self._slot_text if orientation == Qt.Orientation.Vertical else self._table_text
        return texts[section] if 0 <= section < len(texts) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            cell = self.cell(index)
            if cell is not None and not cell.locked:
                flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # -- drag and drop ----------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        cells = [c for c in (self.cell(i) for i in indexes) if c is not None]
        if cells:
            data.setData(MIME, QByteArray(str(cells[0].meeting_id).encode()))
        return data

    @staticmethod
    def meeting_in(data: QMimeData | None) -> int | None:
        if data is None or not data.hasFormat(MIME):
            return None
        text = bytes(data.data(MIME).data()).decode()
        return int(text) if text.isdigit() else None

    def drop_reasons(self, meeting_id: int, target: Index) -> list[str]:
        """Why dropping the meeting on ``target`` would be refused (empty: allowed)."""
        if not target.isValid() or not self.editable:
            return [_("Drop the meeting on a cell of the grid.")]
        key = (meeting_id, target.row(), target.column())
        if key not in self._judged:
            other = self.cell(target)
            with self.session_factory() as session:
                if other is None:
                    reasons = move_reasons(session, meeting_id, self.slot_ids[target.row()],
                                           self.table_ids[target.column()])
                elif other.meeting_id == meeting_id:
                    reasons = [_("The meeting is already here.")]
                else:
                    reasons = swap_reasons(session, meeting_id, other.meeting_id)
            self._judged[key] = reasons
        return self._judged[key]

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction,  # noqa: N802
                        row: int, column: int, parent: Index) -> bool:
        meeting_id = self.meeting_in(data)
        target = parent if parent.isValid() else self.index(row, column)
        return meeting_id is not None and not self.drop_reasons(meeting_id, target)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction,  # noqa: N802
                     row: int, column: int, parent: Index) -> bool:
        """A drop on an empty cell asks to move; on a meeting, to swap. A refused drop says
        why (``refused``) and changes nothing."""
        meeting_id = self.meeting_in(data)
        if meeting_id is None:
            return False
        target = parent if parent.isValid() else self.index(row, column)
        reasons = self.drop_reasons(meeting_id, target)
        if reasons:
            self.refused.emit(" ".join(reasons))
            return False
        other = self.cell(target)
        if other is None:
            self.move_requested.emit(meeting_id, self.slot_ids[target.row()],
                                     self.table_ids[target.column()])
        else:
            self.swap_requested.emit(meeting_id, other.meeting_id)
        return True
