"""The summary of the B2B schedule, one row per participant: meetings, requests, breaks, and
the requests not placed with why (the scheduler's reason when it gave one)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.b2b.checks import meeting_problems
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
    asked: int  # requests it made, declined ones left out
    asked_by: int  # requests it received, likewise
    breaks: int
    unplaced: list[str]  # one per partner wanted and not met, with why
    partners: int = 0  # partners wanted (a request either way, not declined; mutual once)
    declined: int = 0
    accepted_unplaced: int = 0  # of the unplaced, those with an accepted request
    why: str = ""  # the unplaced told briefly: partners sharing a reason named together
    blocked: int = 0  # its meetings that cannot be held where they are (red on the grid)


def _breaks(positions: dict[str, list[int]]) -> int:
    return sum(sum(1 for a, b in pairwise(sorted(set(p))) if b - a > 1)
               for p in positions.values())


def _cause(name: str, other: str, why: str) -> str:
    """The part of a reason worth reading on ``name``'s line: "A and B share no free slot:
    A is unavailable in every slot" names both sides first, and the row says who A is."""
    head, sep, cause = why.partition(": ")
    return cause if sep and name in head and other in head else why


def _unplaced(name: str, other: str, why: str) -> str:
    """One request not placed, on ``name``'s line, led by the other side's name unless the
    cause already starts with it."""
    cause = _cause(name, other, why)
    return cause if cause.startswith(other) else _("{name}: {why}").format(name=other,
                                                                          why=cause)


def summary_lines(session: Session, reasons: dict[Pair, str]) -> dict[int, Line]:
    """Each participant's line; ``reasons`` says why a pair was not placed, when known."""
    position = {slot.id: n for n, slot in enumerate(list_slots(session))}
    busy: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    met: set[Pair] = set()
    count: dict[int, int] = defaultdict(int)
    meetings = list(list_meetings(session))
    blocked: dict[int, int] = defaultdict(int)  # as the grid shows them, in red
    by_id = {m.id: m for m in meetings}
    for meeting_id, found in meeting_problems(session, meetings).items():
        if any(f.severity == "error" for f in found):
            blocked[by_id[meeting_id].participant_a_id] += 1
            blocked[by_id[meeting_id].participant_b_id] += 1
    for meeting in meetings:
        day = meeting.slot.starts_at.date().isoformat()
        for pid in (meeting.participant_a_id, meeting.participant_b_id):
            busy[pid][day].append(position[meeting.slot_id])
            count[pid] += 1
        met.add(frozenset((meeting.participant_a_id, meeting.participant_b_id)))
    asked: dict[int, int] = defaultdict(int)
    asked_by: dict[int, int] = defaultdict(int)
    declined: dict[int, int] = defaultdict(int)
    wanted: dict[int, set[Pair]] = defaultdict(set)
    accepted: set[Pair] = set()
    waiting: dict[int, dict[Pair, int]] = defaultdict(dict)
    for request in session.scalars(select(MeetingRequest)):
        pair = frozenset((request.requester_id, request.target_id))
        if request.status == RequestStatus.DECLINED:
            declined[request.requester_id] += 1
            declined[request.target_id] += 1
            continue
        asked[request.requester_id] += 1
        asked_by[request.target_id] += 1
        wanted[request.requester_id].add(pair)
        wanted[request.target_id].add(pair)
        if request.status == RequestStatus.ACCEPTED:
            accepted.add(pair)
        if pair not in met:
            waiting[request.requester_id][pair] = request.target_id
            waiting[request.target_id][pair] = request.requester_id
    participants = list_participants(session)
    names = {p.id: p.name for p in participants}
    lines = {}
    for p in participants:
        side = participant_side(p)
        mine = sorted(waiting[p.id].items(), key=lambda i: names[i[1]])
        unplaced = [_unplaced(p.name, names[other], reasons.get(pair, _("not scheduled yet")))
                    for pair, other in mine]
        lines[p.id] = Line(p.name, label(side) if side else "", count[p.id], asked[p.id],
                           asked_by[p.id], _breaks(busy[p.id]), unplaced,
                           len(wanted[p.id]), declined[p.id],
                           sum(1 for pair, _other in mine if pair in accepted),
                           _why(p.name, [(names[other], reasons.get(pair))
                                         for pair, other in mine], blocked[p.id]),
                           blocked[p.id])
    return lines


def _cannot_be_held(n: int) -> str:
    return ngettext("{n} meeting cannot be held where it is (red on the Schedule tab)",
                    "{n} meetings cannot be held where they are (red on the Schedule tab)",
                    n).format(n=n)


def _why(name: str, unplaced: list[tuple[str, str | None]], blocked: int = 0) -> str:
    """The Why column: partners with no reason yet named together ("not scheduled yet: A, B"),
    then each reason, with the partners it concerns."""
    grouped: dict[str | None, list[str]] = defaultdict(list)
    for other, why in unplaced:
        grouped[None if why is None else _cause(name, other, why)].append(other)
    parts = [_cannot_be_held(blocked)] if blocked else []
    if None in grouped:
        parts.append(_("not scheduled yet: {names}").format(names=", ".join(grouped.pop(None))))
    for why, others in grouped.items():
        assert why is not None
        parts.append(_unplaced(name, others[0], why) if len(others) == 1 else
                     _("{names}: {why}").format(names=", ".join(others), why=why))
    return _("; ").join(parts)


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
        return [_("Participant"), _("Side"), _("Meetings"), _("Partners wanted"), _("Breaks"),
                _("Not placed"), _("Why")]

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
        if role == Qt.ItemDataRole.DisplayRole:
            values: list[Any] = [line.name, line.side, line.meetings, line.partners,
                                 line.breaks, len(line.unplaced), line.why]
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 3:
                return _("{made}, {received} (a request made by both sides counts once "
                         "here); {declined}, left out.").format(
                    made=ngettext("{n} request made", "{n} requests made",
                                  line.asked).format(n=line.asked),
                    received=ngettext("{n} received", "{n} received",
                                      line.asked_by).format(n=line.asked_by),
                    declined=ngettext("{n} declined", "{n} declined",
                                      line.declined).format(n=line.declined))
            if column == 6 and line.unplaced:
                return "\n".join(line.unplaced)
            return None
        if role == Qt.ItemDataRole.UserRole:  # the sort key: numbers as numbers
            return [line.name.casefold(), line.side, line.meetings, line.partners, line.breaks,
                    len(line.unplaced), line.why.casefold()][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and line.unplaced:
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
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView()
        self.view.setObjectName("summaryTable")
        self.view.setModel(self.sorted)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's order at first
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
        accepted = sum(line.accepted_unplaced for line in lines) // 2
        breaks = sum(line.breaks for line in lines)
        if unplaced:
            left = _("{unplaced} ({accepted})").format(
                unplaced=ngettext("{n} pair that asked to meet has no meeting",
                                  "{n} pairs that asked to meet have no meeting",
                                  unplaced).format(n=unplaced),
                accepted=ngettext("{n} of them accepted", "{n} of them accepted",
                                  accepted).format(n=accepted))
        else:
            left = _("every pair that asked to meet has a meeting")
        blocked = sum(line.blocked for line in lines) // 2
        if blocked:
            left = _("{unplaced}; {blocked}").format(unplaced=left,
                                                     blocked=_cannot_be_held(blocked))
        self.totals.setText(_("{meetings}; {breaks}; {unplaced}.").format(
            meetings=ngettext("{n} meeting", "{n} meetings", meetings).format(n=meetings),
            breaks=ngettext("{n} break in all", "{n} breaks in all", breaks).format(n=breaks),
            unplaced=left))
        record = self.model.run
        self.run_note.setText(record.text() if record is not None else "")
        self.run_note.setVisible(record is not None)
