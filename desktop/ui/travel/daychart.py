"""The day's timeline, painted: a local-time axis, then a band of arrivals, one of departures
and one of transfer runs; marks that would overlap are stacked on lanes of their band."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.db.enums import TransferDirection
from desktop.i18n import _
from desktop.ui.travel.daymarks import Band, DayMarks, Mark

# (line, fill) per direction: arrivals blue, departures orange, other runs grey
COLOURS = {
    TransferDirection.ARRIVAL: (QColor("#1f5fae"), QColor("#dbe8f8")),
    TransferDirection.DEPARTURE: (QColor("#b35300"), QColor("#fde4cf")),
    TransferDirection.OTHER: (QColor("#55616d"), QColor("#e4e8ec")),
}
MARGIN = 8.0
LANE_GAP = 4.0
LABEL_GAP = 10.0  # least room between two labels on a lane
DOT = 5.0  # radius of a flight's dot
MIN_HOURS = 8  # the axis shows at least this many hours around the day's marks


def band_title(band: Band) -> str:
    return {Band.ARRIVALS: _("Arrivals"), Band.DEPARTURES: _("Departures"),
            Band.RUNS: _("Transfer runs")}[band]


@dataclass
class Placed:
    """A mark where the chart draws it: its band, its lane and its rectangle (label included);
    ``flipped`` when the label sits left of the mark, near the end of the axis."""

    mark: Mark
    lane: int
    rect: QRectF
    flipped: bool = False


class DayChart(QWidget):
    """A day of flights and runs against a local-time axis that fits the width.

    Hovering a mark shows who is aboard; a click selects it, a double-click (or Enter) opens it;
    Left and Right ask for the day before and after.

    Signals:
        chosen(object): the :class:`~desktop.checks.Ref` of the mark clicked (None: nothing).
        opened(object): the :class:`~desktop.checks.Ref` of the mark to open.
        stepped(int): -1 for the day before, 1 for the day after.
    """

    chosen = Signal(object)
    opened = Signal(object)
    stepped = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayChart")
        self.setAccessibleName(_("Timeline of the day"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.day: DayMarks | None = None
        self.start = 6 * 60  # minutes after midnight at the left end of the axis
        self.end = 22 * 60
        self.placed: list[Placed] = []
        self.bands: list[tuple[Band, float, float]] = []  # band, top, height
        self.selected: Mark | None = None
        self._bold = QFont(self.font())
        self._bold.setBold(True)

    # -- data and geometry -------------------------------------------------------------------

    def set_day(self, day: DayMarks) -> None:
        """Show ``day``; the axis spans its marks, whole hours, at least :data:`MIN_HOURS`."""
        self.day = day
        self.selected = None
        self.start, self.end = axis_range([m.minutes for m in day.marks],
                                          [m.minutes + m.span for m in day.marks])
        self._lay_out()
        self.update()

    @property
    def marks(self) -> list[Mark]:
        return [p.mark for p in self.placed]

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self._bold)

    def gutter(self) -> float:
        metrics = self._metrics()
        return MARGIN + max(metrics.horizontalAdvance(band_title(b)) for b in Band) + 12

    def axis_height(self) -> float:
        return self._metrics().height() + 12

    def lane_height(self) -> float:
        return self._metrics().height() + 14

    def x_of(self, minutes: float) -> float:
        """Where ``minutes`` after local midnight falls on the axis, in widget pixels."""
        left, right = self.gutter(), self.width() - MARGIN
        return left + (minutes - self.start) * (right - left) / max(self.end - self.start, 1)

    def _extent(self, mark: Mark) -> tuple[float, float, bool]:
        """Left and right of what a mark needs on its lane, and whether its label is flipped."""
        x = self.x_of(mark.minutes)
        text = self._metrics().horizontalAdvance(mark.title)
        if mark.band == Band.RUNS:
            width = max(self.x_of(mark.minutes + mark.span) - x, text + 16)
            right = self.width() - MARGIN
            left = min(x, right - width) if x + width > right else x
            return left, left + width, left < x
        width = DOT + 6 + text + 10
        if x + width > self.width() - MARGIN:
            return x - width, x + DOT + 2, True
        return x - DOT - 2, x + width, False

    def _lay_out(self) -> None:
        """Stack each band's marks on as few lanes as keep their labels apart."""
        self.placed, self.bands = [], []
        marks = self.day.marks if self.day is not None else ()
        top = self.axis_height()
        lane_height = self.lane_height()
        for band in Band:
            own = sorted((m for m in marks if m.band == band), key=lambda m: m.minutes)
            if not own:
                continue
            ends: list[float] = []
            for mark in own:
                left, right, flipped = self._extent(mark)
                lane = next((n for n, end in enumerate(ends) if end + LABEL_GAP <= left),
                            len(ends))
                if lane == len(ends):
                    ends.append(right)
                else:
                    ends[lane] = right
                rect = QRectF(left, top + LANE_GAP + lane * lane_height, right - left,
                              lane_height - LANE_GAP)
                self.placed.append(Placed(mark, lane, rect, flipped))
            height = len(ends) * lane_height + 2 * LANE_GAP
            self.bands.append((band, top, height))
            top += height
        self.setMinimumHeight(math.ceil(top + MARGIN + (0 if self.bands else lane_height)))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, self.minimumHeight())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._lay_out()

    def placed_at(self, point: QPointF) -> Placed | None:
        return next((p for p in self.placed if p.rect.contains(point)), None)

    def tooltip_at(self, point: QPointF) -> str:
        found = self.placed_at(point)
        return found.mark.tooltip if found is not None else ""

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        self._paint_bands(painter)
        self._paint_axis(painter)
        for placed in self.placed:  # guides first: labels are drawn over them
            if placed.mark.band != Band.RUNS:
                x = self.x_of(placed.mark.minutes)
                painter.setPen(QPen(COLOURS[placed.mark.direction][0], 1, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, self.axis_height()),
                                 QPointF(x, placed.rect.center().y()))
        for placed in self.placed:
            if placed.mark.band == Band.RUNS:
                self._paint_run(painter, placed)
            else:
                self._paint_flight(painter, placed)
        if not self.bands:
            painter.setPen(palette.placeholderText().color())
            painter.drawText(QRectF(self.gutter(), self.axis_height(),
                                    self.width() - self.gutter() - MARGIN, self.lane_height()),
                             Qt.AlignmentFlag.AlignCenter, _("No flight and no run this day."))
        painter.end()

    def _paint_bands(self, painter: QPainter) -> None:
        shade = QColor(self.palette().alternateBase().color())
        painter.setFont(self._bold)
        for n, (band, top, height) in enumerate(self.bands):
            if n % 2 == 0:
                painter.fillRect(QRectF(0, top, self.width(), height), shade)
            direction = {Band.ARRIVALS: TransferDirection.ARRIVAL,
                         Band.DEPARTURES: TransferDirection.DEPARTURE}.get(
                band, TransferDirection.OTHER)
            painter.setPen(COLOURS[direction][0])
            painter.drawText(QRectF(MARGIN, top, self.gutter() - MARGIN, self.lane_height()
                                    + LANE_GAP), Qt.AlignmentFlag.AlignVCenter, band_title(band))

    def _paint_axis(self, painter: QPainter) -> None:
        palette = self.palette()
        bottom = self.bands[-1][1] + self.bands[-1][2] if self.bands else self.height()
        top = self.axis_height()
        per_hour = self.x_of(self.start + 60) - self.x_of(self.start)
        step = 1 if per_hour >= 44 else 2 if per_hour >= 22 else 3
        grid = QColor(palette.mid().color())
        grid.setAlpha(90)
        painter.setFont(self.font())
        if self.day is not None:
            painter.setPen(palette.text().color())
            painter.drawText(QRectF(MARGIN, 0, self.gutter() - MARGIN, top),
                             Qt.AlignmentFlag.AlignVCenter, self.day.zone)
        for hour in range(self.start // 60, self.end // 60 + 1):
            x = self.x_of(hour * 60)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, top - 4), QPointF(x, bottom))
            if per_hour >= 88:
                half = self.x_of(hour * 60 + 30)
                if hour * 60 + 30 < self.end:
                    painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
                    painter.drawLine(QPointF(half, top), QPointF(half, bottom))
            if hour % step == 0:
                text = f"{hour:02d}:00"
                width = painter.fontMetrics().horizontalAdvance(text)
                left = min(max(x - width / 2, self.gutter() - width / 2),
                           self.width() - MARGIN - width)
                painter.setPen(palette.text().color())
                painter.drawText(QRectF(left, 0, width + 2, top - 2),
                                 Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(QPen(palette.mid().color(), 1))
        painter.drawLine(QPointF(self.gutter(), top), QPointF(self.width() - MARGIN, top))

    def _outline(self, placed: Placed, line: QColor) -> QPen:
        if placed.mark is self.selected:
            return QPen(self.palette().highlight().color(), 2.5)
        return QPen(line, 1)

    def _paint_flight(self, painter: QPainter, placed: Placed) -> None:
        line, fill = COLOURS[placed.mark.direction]
        x = self.x_of(placed.mark.minutes)
        rect = placed.rect
        label = QRectF(rect.left(), rect.top(), rect.width() - DOT - 2, rect.height()) \
            if placed.flipped else QRectF(x + DOT + 2, rect.top(),
                                          rect.right() - x - DOT - 2, rect.height())
        painter.setPen(self._outline(placed, line))
        painter.setBrush(fill)
        painter.drawRoundedRect(label, 4, 4)
        painter.setBrush(line)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(x, rect.center().y()), DOT, DOT)
        painter.setPen(line.darker(130))
        painter.setFont(self._bold)
        painter.drawText(label.adjusted(6, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter,
                         placed.mark.title)

    def _paint_run(self, painter: QPainter, placed: Placed) -> None:
        line, fill = COLOURS[placed.mark.direction]
        rect = placed.rect
        painter.setPen(self._outline(placed, line))
        painter.setBrush(fill)
        painter.drawRect(rect)
        x = self.x_of(placed.mark.minutes)
        painter.fillRect(QRectF(x - 1.5, rect.top(), 3, rect.height()), line)
        painter.setPen(line.darker(130))
        painter.setFont(self._bold)
        text_rect = rect.adjusted(8, 0, -4, 0)
        text = self._metrics().elidedText(placed.mark.title, Qt.TextElideMode.ElideRight,
                                          text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)

    # -- interaction -------------------------------------------------------------------------

    def select(self, mark: Mark | None) -> None:
        self.selected = mark
        self.update()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.placed_at(event.position())
        self.select(found.mark if found is not None else None)
        self.chosen.emit(found.mark.ref if found is not None else None)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        found = self.placed_at(event.position())
        if found is not None and found.mark.ref is not None:
            self.opened.emit(found.mark.ref)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.stepped.emit(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None \
                and self.selected.ref is not None:
            self.opened.emit(self.selected.ref)
        else:
            super().keyPressEvent(event)


def axis_range(starts: list[float], ends: list[float]) -> tuple[int, int]:
    """Whole hours (minutes after midnight) around the marks: an hour before the first, two
    after the last, at least :data:`MIN_HOURS` wide, within the day."""
    if not starts:
        return 6 * 60, 22 * 60
    first = max(0, math.floor(min(starts) / 60) - 1)
    last = min(24, math.ceil(max(ends) / 60) + 2)
    while last - first < MIN_HOURS:
        if last < 24:
            last += 1
        if last - first < MIN_HOURS and first > 0:
            first -= 1
    return first * 60, last * 60
