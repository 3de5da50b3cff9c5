"""The programme as a timetable: the days side by side, the hours down the side, each session a
box as long as it lasts, coloured by kind.

Sessions that overlap on a day share its column in lanes, side by side, so that none hides
another; a session that overlaps another one the organiser may not have meant (a clash, as the
list flags it) has a red border. Clicking a box makes that session the page's current one.
The times are the venues' own, as everywhere on the Programme page.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.db.enums import SessionKind, label
from desktop.i18n import _, format_time, format_weekday_date
from desktop.program.timetable import (
    CLASH_COLOUR,
    KIND_COLOURS,
    Box,
    Entry,
    hour_span,
    lay_out,
)

HOUR = 40  # pixels per hour
HEADER = 40  # the days' row: the weekday, then the date
MIN_DAY = 120  # no day column is narrower: the timetable then scrolls sideways
FIRST_HOUR, LAST_HOUR = 8, 18  # shown even when no session starts earlier or ends later

def wrap(text: str, metrics: QFontMetrics, width: int, most: int) -> list[str]:
    """``text`` in lines no wider than ``width``, word by word, at most ``most`` lines; a
    word wider than a line, and the last line when text is left over, end in an ellipsis."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        if len(lines) == most - 1 and words:
            line = metrics.elidedText(f"{line} {' '.join(words)}",
                                      Qt.TextElideMode.ElideRight, width)
            words = []
        lines.append(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
    return lines


class Timetable(QWidget):
    """Days × hours with a box per session; ``chosen(id)`` when one is clicked."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timetable")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.days: list[date] = []
        self.boxes: list[Box] = []
        self.current: int | None = None
        self.empty_text = _("No session to show: add one, or loosen the filters.")
        self.first_hour, self.last_hour = FIRST_HOUR, LAST_HOUR
        self.gutter = 8 + max(self.fontMetrics().horizontalAdvance(format_time(time(h)))
                              for h in range(24)) + 8

    # -- data -------------------------------------------------------------------------------
    def set_entries(self, entries: list[Entry]) -> None:
        self.days = sorted({e.starts_at.date() for e in entries})
        self.boxes = lay_out(entries, self.days)
        self.first_hour, self.last_hour = hour_span(self.boxes, FIRST_HOUR, LAST_HOUR)
        self.updateGeometry()
        self.update()

    def set_current(self, session_id: int | None) -> None:
        if session_id != self.current:
            self.current = session_id
            self.update()

    # -- geometry ---------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.gutter + max(1, len(self.days)) * MIN_DAY + 1,
                     HEADER + (self.last_hour - self.first_hour) * HOUR + 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def day_width(self) -> float:
        return max(MIN_DAY, (self.width() - self.gutter - 1) / max(1, len(self.days)))

    def y_of(self, hours: float) -> float:
        return HEADER + (hours - self.first_hour) * HOUR

    def rect_of(self, box: Box) -> QRectF:
        width = self.day_width()
        lane_width = (width - 6) / box.lanes
        left = self.gutter + box.day * width + 3 + box.lane * lane_width
        top = self.y_of(box.start)
        height = max(self.y_of(box.end) - top, 18.0)
        return QRectF(left + 1, top + 1, lane_width - 2, height - 2)

    def box_at(self, point: QPointF) -> Box | None:
        return next((b for b in reversed(self.boxes) if self.rect_of(b).contains(point)), None)

    # -- events -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        box = self.box_at(event.position())
        if box is not None and event.button() == Qt.MouseButton.LeftButton:
            self.chosen.emit(box.entry.id)
            event.accept()
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            box = self.box_at(QPointF(event.pos()))
            if box is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(box.entry), self)
            return True
        return super().event(event)

    @staticmethod
    def tooltip(entry: Entry) -> str:
        lines = [entry.title,
                 _("{start}–{end}").format(start=format_time(entry.starts_at),
                                           end=format_time(entry.ends_at)),
                 label(entry.kind)]
        if entry.where:
            lines.append(entry.where)
        if entry.clashes:
            lines.append("⚠ " + _("overlaps {titles}").format(titles=", ".join(entry.clashes)))
        return "\n".join(lines)

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        grid = palette.color(QPalette.ColorRole.Mid)
        grid.setAlpha(90)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        width = self.day_width()
        bottom = self.y_of(self.last_hour)
        if not self.days:
            painter.setPen(muted)
            painter.drawText(QRectF(0, 0, self.width(), min(self.height(), 200)),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
            painter.end()
            return

        painter.fillRect(QRectF(0, 0, self.width(), HEADER),
                         palette.color(QPalette.ColorRole.Button))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        metrics = QFontMetrics(bold)
        for n, day in enumerate(self.days):
            # "Monday 14 May 2007" as "Monday" over "14 May 2007" (lundi / 14 mai 2007).
            weekday, _space, rest = format_weekday_date(day).partition(" ")
            for k, part in enumerate((weekday, rest)):
                cell = QRectF(self.gutter + n * width, 2 + k * (HEADER - 4) / 2, width,
                              (HEADER - 4) / 2)
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(
                    part, Qt.TextElideMode.ElideRight, int(width) - 8))
        painter.setFont(self.font())
        for hour in range(self.first_hour, self.last_hour + 1):
            y = self.y_of(hour)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(self.gutter, y),
                             QPointF(self.gutter + width * len(self.days), y))
            if hour < self.last_hour:
                painter.setPen(muted)
                painter.drawText(QRectF(0, y + 2, self.gutter - 8, 20),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                                 format_time(time(hour % 24)))
        painter.setPen(QPen(grid, 1))
        for n in range(len(self.days) + 1):
            x = self.gutter + n * width
            painter.drawLine(QPointF(x, 0), QPointF(x, bottom))
        for box in self.boxes:
            self._paint_box(painter, box)
        painter.end()

    def _paint_box(self, painter: QPainter, box: Box) -> None:
        rect = self.rect_of(box)
        entry = box.entry
        fill = QColor(KIND_COLOURS.get(entry.kind, KIND_COLOURS[SessionKind.OTHER]))
        border = QPen(QColor(CLASH_COLOUR), 2) if entry.clashes else QPen(fill.darker(135), 1)
        if entry.id == self.current:
            border = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        inner = rect.adjusted(5, 3, -4, -2)
        painter.save()
        painter.setClipRect(inner)
        painter.setPen(QColor("#202020"))  # on the light fills whatever the theme
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.9))
        metrics = QFontMetrics(small)
        when = _("{start}–{end}").format(start=format_time(entry.starts_at),
                                         end=format_time(entry.ends_at))
        title = ("⚠ " if entry.clashes else "") + entry.title
        painter.setFont(small)
        line = metrics.lineSpacing()
        if inner.height() < 2 * line:  # a short session: time and title on one line
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             metrics.elidedText(f"{when}  {title}", Qt.TextElideMode.ElideRight,
                                                int(inner.width())))
        else:
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             metrics.elidedText(when, Qt.TextElideMode.ElideRight,
                                                int(inner.width())))
            heading = QFont(small)
            heading.setBold(True)
            painter.setFont(heading)
            room = max(1, int((inner.height() - line) // line))
            lines = wrap(title, QFontMetrics(heading), int(inner.width()), room)
            y = inner.top() + line
            for text in lines:
                painter.drawText(QPointF(inner.left(), y + metrics.ascent()), text)
                y += line
            if entry.where and y + line <= inner.bottom() + 1:
                painter.setFont(small)
                painter.setPen(QColor("#505050"))
                painter.drawText(QPointF(inner.left(), y + metrics.ascent()),
                                 metrics.elidedText(entry.where, Qt.TextElideMode.ElideRight,
                                                    int(inner.width())))
        painter.restore()
