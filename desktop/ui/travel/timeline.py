"""The day's board: every flight landing in or leaving the host country on a chosen local day,
with who is on it, where they sleep and which run carries them, as a timeline above a table."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.checks import Ref
from desktop.dates import utc_to_local
from desktop.db.enums import TransferDirection
from desktop.db.models import FlightSegment, Mission
from desktop.i18n import _, format_weekday_date, ngettext
from desktop.travel.localtime import zone_abbreviation
from desktop.travel.manifests import BoardRow, arrivals_board
from desktop.ui.context import MissionContext
from desktop.ui.pages.base import Page
from desktop.ui.settings import app_settings
from desktop.ui.tablemodel import Index
from desktop.ui.travel.daychart import DayChart
from desktop.ui.travel.daymarks import Band, Mark, day_marks

REF_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    (lambda: _("Time (local)"), 120), (lambda: _("Flight"), 70), (lambda: _("Way"), 130),
    (lambda: _("From / to"), 90), (lambda: _("Traveller"), 190), (lambda: _("Hotel"), 200),
    (lambda: _("Transfer run"), 140))


class BoardModel(QAbstractTableModel):
    """One line per traveller per flight, flights in time order; a flight's details show on
    its first line only, so each flight reads as a block."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[tuple[BoardRow, int]] = []
        self.rows: list[BoardRow] = []

    def set_rows(self, rows: list[BoardRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._lines = [(row, n) for row in rows for n in range(len(row.passengers))]
        self.endResetModel()

    def lines_of(self, mark: Mark) -> list[int]:
        """The table lines of a flight mark (its travellers), or of a run (its passengers)."""
        if mark.band == Band.RUNS:
            return [n for n, (row, p) in enumerate(self._lines)
                    if row.passengers[p].transfer_id == mark.transfer_id]
        return [n for n, (row, _p) in enumerate(self._lines) if row is mark.row]

    def row_at(self, line: int) -> BoardRow | None:
        return self._lines[line][0] if 0 <= line < len(self._lines) else None

    @property
    def flights(self) -> int:
        return len({id(row) for row, _n in self._lines})

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section][0]()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        row, n = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, n, column)
        if role == Qt.ItemDataRole.FontRole and n == 0 and column < 4:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 \
                and row.passengers[n].transfer_id is None:
            return QColor("#b3261e")
        if role == REF_ROLE:
            passenger = row.passengers[n]
            if column == 6 and passenger.transfer_id is not None:
                return Ref("transfer", passenger.transfer_id)
            return Ref("person", passenger.person_id)
        return None

    def _text(self, row: BoardRow, n: int, column: int) -> str:
        passenger = row.passengers[n]
        if column == 4:
            return passenger.name
        if column == 5:
            return passenger.hotel or _("(no hotel)")
        if column == 6:
            when = passenger.transfer_time
            if when is None:
                return _("(no run)")
            return f"{when.strftime('%H:%M')} {zone_abbreviation(when)}"
        if n:
            return ""
        arriving = row.direction == TransferDirection.ARRIVAL
        if column == 0:
            return f"{row.local_time.strftime('%H:%M')} {row.zone_abbreviation}"
        if column == 1:
            return row.flight
        if column == 2:
            return (_("Lands at {airport}") if arriving else _("Leaves {airport}")).format(
                airport=row.airport)
        return (_("from {airport}") if arriving else _("to {airport}")).format(
            airport=row.other_airport)


def flight_days(session: Session) -> list[date]:
    """Every day, in the mission's zone, from the first flight to the last (else the
    mission's own days)."""
    mission = session.scalars(select(Mission)).one()
    first, last = session.execute(select(func.min(FlightSegment.departs_at),
                                         func.max(FlightSegment.arrives_at))).one()
    if first is None or last is None:
        start, end = mission.start_date, mission.end_date
    else:
        start = utc_to_local(first, mission.home_timezone).date()
        end = utc_to_local(last, mission.home_timezone).date()
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


class TimelineTab(Page):
    """Arrivals and departures of a chosen day, local times with their zone: a painted
    timeline (flights and runs; hover for who is aboard) above the same day as a table.
    Left and Right on the timeline change the day."""

    key = "travel_board"
    ref_kinds: tuple[str, ...] = ()
    WATCHES = ("*", "flight", "hotel_stay", "transfer", "person")

    def __init__(self, context: MissionContext) -> None:
        super().__init__(context)
        self.day = QComboBox()
        self.day.setObjectName("day")
        self.day.setMinimumWidth(220)
        self.day.currentIndexChanged.connect(self.refresh)
        previous, following = QToolButton(), QToolButton()
        previous.setArrowType(Qt.ArrowType.LeftArrow)
        previous.setToolTip(_("The day before"))
        following.setArrowType(Qt.ArrowType.RightArrow)
        following.setToolTip(_("The day after"))
        previous.clicked.connect(lambda: self._step(-1))
        following.clicked.connect(lambda: self._step(1))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        caption = QLabel(_("&Day"))
        caption.setBuddy(self.day)
        bar = QHBoxLayout()
        bar.addWidget(caption)
        bar.addWidget(previous)
        bar.addWidget(self.day)
        bar.addWidget(following)
        bar.addWidget(self.summary, 1)
        self.model = BoardModel(self)
        self.view = QTableView()
        self.view.setObjectName("board")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        for position, (_title, width) in enumerate(COLUMNS):
            header.resizeSection(position, width)
        self.view.doubleClicked.connect(self._open)
        self.view.selectionModel().currentRowChanged.connect(self._line_chosen)
        self.chart = DayChart()
        self.chart.stepped.connect(self._step)
        self.chart.opened.connect(self.context.open_ref)
        self.chart.chosen.connect(self._mark_chosen)
        scroller = QScrollArea()
        scroller.setObjectName("dayChartArea")
        scroller.setWidgetResizable(True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self.chart)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("boardSplitter")
        self.splitter.addWidget(scroller)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        saved = app_settings().value(f"pages/{self.key}/splitter")
        if saved is not None:
            self.splitter.restoreState(saved)
        else:
            self.splitter.setSizes([230, 370])
        hint = QLabel(_("Hover a flight or a run for who is aboard; double-click to open it; "
                        "Left and Right change the day."))
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(hint)
        context.events.changed.connect(self._mission_changed)

    def load(self) -> None:
        with self.context.mission.session_factory() as session:
            days = flight_days(session)
            start = session.scalars(select(Mission.start_date)).one()
        self.day.blockSignals(True)
        keep = self.day.currentData()
        self.day.clear()
        for day in days:
            self.day.addItem(format_weekday_date(day), day)
        chosen = keep if keep in days else (start if start in days else days[0])
        self.day.setCurrentIndex(days.index(chosen))
        self.day.blockSignals(False)
        self.refresh()

    def show_day(self, day: date) -> None:
        self.activate()
        position = next((n for n in range(self.day.count()) if self.day.itemData(n) == day), -1)
        if position >= 0:
            self.day.setCurrentIndex(position)

    def _step(self, by: int) -> None:
        self.day.setCurrentIndex(min(max(self.day.currentIndex() + by, 0),
                                     self.day.count() - 1))

    def refresh(self) -> None:
        day = self.day.currentData()
        if not isinstance(day, date):
            return
        with self.context.mission.session_factory() as session:
            rows = arrivals_board(session, day)
            marks = day_marks(session, day, rows)
        self.model.set_rows(rows)
        self.chart.set_day(marks)
        arrivals = sum(1 for r in rows if r.direction == TransferDirection.ARRIVAL)
        people = self.model.rowCount()
        self.summary.setText(_("{arrivals}, {departures}; {people}").format(
            arrivals=ngettext("{n} flight in", "{n} flights in", arrivals).format(n=arrivals),
            departures=ngettext("{n} flight out", "{n} flights out",
                                len(rows) - arrivals).format(n=len(rows) - arrivals),
            people=ngettext("{n} traveller", "{n} travellers", people).format(n=people)))

    def _mission_changed(self, kind: str) -> None:
        if not self._activated or kind not in self.WATCHES:
            return
        if kind in ("*", "flight"):
            self.load()
        else:
            self.refresh()

    def save_state(self) -> None:
        app_settings().setValue(f"pages/{self.key}/splitter", self.splitter.saveState())

    def _mark_chosen(self, _ref: object) -> None:
        """The table follows a mark clicked on the timeline: its lines are selected."""
        mark = self.chart.selected
        lines = self.model.lines_of(mark) if mark is not None else []
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        selection.clearSelection()
        for line in lines:
            selection.select(self.model.index(line, 0), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        self.view.viewport().update()
        if lines:
            self.view.scrollTo(self.model.index(lines[0], 0),
                               QAbstractItemView.ScrollHint.PositionAtTop)

    def _line_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The timeline follows the table: the flight of the line chosen is selected."""
        row = self.model.row_at(current.row())
        self.chart.select(next((m for m in self.chart.marks if m.row is row), None)
                          if row is not None else None)

    def _open(self, index: QModelIndex) -> None:
        ref = index.data(REF_ROLE)
        if isinstance(ref, Ref):
            self.context.open_ref(ref)
