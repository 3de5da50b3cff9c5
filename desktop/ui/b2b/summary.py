"""The summary of the B2B schedule, one row per participant: meetings, requests, breaks, and
the requests not placed with why (the scheduler's reason when it gave one)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.b2b.meetings import list_meetings
from desktop.b2b.runs import RunRecord, latest_run, left_out_reasons
from desktop.b2b.setup import list_participants, list_slots, participant_side
from desktop.db.enums import RequestStatus, label
from desktop.db.models import MeetingRequest
from desktop.i18n import _, ngettext
from desktop.ui.context import MissionContext

Index = QModelIndex | QPersistentModelIndex
Pair = frozenset[int]


@dataclass(frozen=True)
class Line:
    name: str
    side: str
    meetings: int
    asked: int
    asked_by: int
    breaks: int
    unplaced: list[str]


def _breaks(positions: dict[str, list[int]]) -> int:
    return sum(sum(1 for a, b in pairwise(sorted(set(p))) if b - a > 1)
               for p in positions.values())


def _unplaced(name: str, other: str, why: str) -> str:
    """One request not placed, on ``name``'s line: the reason alone when it already names
    both sides ("A and B share no free slot: ..."), else led by the other side's name."""
    if name in why and other in why:
        return why
    return _("{name}: {why}").format(name=other, why=why)


def summary_lines(session: Session, reasons: dict[Pair, str]) -> dict[int, Line]:
    """Each participant's line; ``reasons`` says why a pair was not placed, when known."""
    position = {slot.id: n for n, slot in enumerate(list_slots(session))}
    busy: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    met: set[Pair] = set()
    count: dict[int, int] = defaultdict(int)
    for meeting in list_meetings(session):
        day = meeting.slot.starts_at.date().isoformat()
        for pid in (meeting.participant_a_id, meeting.participant_b_id):
            busy[pid][day].append(position[meeting.slot_id])
            count[pid] += 1
        met.add(frozenset((meeting.participant_a_id, meeting.participant_b_id)))
    asked: dict[int, int] = defaultdict(int)
    asked_by: dict[int, int] = defaultdict(int)
    waiting: dict[int, dict[Pair, int]] = defaultdict(dict)
    for request in session.scalars(select(MeetingRequest)):
        asked[request.requester_id] += 1
        asked_by[request.target_id] += 1
        pair = frozenset((request.requester_id, request.target_id))
        if request.status != RequestStatus.DECLINED and pair not in met:
            waiting[request.requester_id][pair] = request.target_id
            waiting[request.target_id][pair] = request.requester_id
    participants = list_participants(session)
    names = {p.id: p.name for p in participants}
    lines = {}
    for p in participants:
        side = participant_side(p)
        unplaced = [_unplaced(p.name, names[other], reasons.get(pair, _("not scheduled yet")))
                    for pair, other in sorted(waiting[p.id].items(), key=lambda i: names[i[1]])]
        lines[p.id] = Line(p.name, label(side) if side else "", count[p.id], asked[p.id],
                           asked_by[p.id], _breaks(busy[p.id]), unplaced)
    return lines


class SummaryModel(QAbstractTableModel):
    """Participants (by id) with their counts; the last column lists what is not placed."""

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_factory = session_factory
        self.reasons: dict[Pair, str] = {}  # from this window's last run
        self.run: RunRecord | None = None  # the last automatic schedule, read with the lines
        self.ids: list[int] = []
        self._lines: dict[int, Line] = {}

    def lines(self) -> list[Line]:
        return [self._lines[i] for i in self.ids]

    @staticmethod
    def headers() -> list[str]:
        return [_("Participant"), _("Side"), _("Meetings"), _("Requests made"),
                _("Requests received"), _("Breaks"), _("Not placed"), _("Why")]

    def reload(self) -> None:
        self.beginResetModel()
        with self.session_factory() as session:
            self.run = latest_run(session)
            # A run of an earlier session still holding: its reasons, worked out again.
            known = left_out_reasons(session, self.run)
            self._lines = summary_lines(session, {**known, **self.reasons})
        self.ids = list(self._lines)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[self.ids[index.row()]]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values: list[Any] = [line.name, line.side, line.meetings, line.asked, line.asked_by,
                                 line.breaks, len(line.unplaced), "; ".join(line.unplaced)]
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(line.unplaced) if column == 7 and line.unplaced else None
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and line.unplaced:
            return QBrush(QColor("#a4000f"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None


class SummaryTab(QWidget):
    """The summary table with a line of totals."""

    def __init__(self, context: MissionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = SummaryModel(context.mission.session_factory, self)
        self.view = QTableView()
        self.view.setObjectName("summaryTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.totals = QLabel()
        self.totals.setObjectName("summaryTotals")
        self.totals.setWordWrap(True)
        self.run_note = QLabel()  # what the last automatic schedule proved, while it holds
        self.run_note.setObjectName("summaryRun")
        self.run_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.run_note)
        layout.addWidget(self.view, 1)

    def load(self) -> None:
        self.model.reload()
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(0, min(self.view.columnWidth(0), 280))
        lines = self.model.lines()
        meetings = sum(line.meetings for line in lines) // 2
        unplaced = sum(len(line.unplaced) for line in lines) // 2
        breaks = sum(line.breaks for line in lines)
        self.totals.setText(_("{meetings}; {breaks}; {unplaced}.").format(
            meetings=ngettext("{n} meeting", "{n} meetings", meetings).format(n=meetings),
            breaks=ngettext("{n} break in all", "{n} breaks in all", breaks).format(n=breaks),
            unplaced=ngettext("{n} requested meeting not placed",
                              "{n} requested meetings not placed", unplaced).format(n=unplaced)))
        record = self.model.run
        self.run_note.setText(record.text() if record is not None else "")
        self.run_note.setVisible(record is not None)
