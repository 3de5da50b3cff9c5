"""The programme at a glance: the days side by side on landscape pages, each session a box as
long as it lasts, coloured by kind, with a key to the colours.

Up to :data:`DAYS_PER_PAGE` days share a page; a longer mission continues on the next. The
layout (columns, lanes for overlapping sessions, hours shown) is the Programme page's own
(:mod:`desktop.program.timetable`), so what is printed is what the organiser saw.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak
from sqlalchemy.orm import Session

from desktop.db.enums import SessionKind
from desktop.missions import get_mission
from desktop.program.timetable import (
    CLASH_COLOUR,
    KIND_COLOURS,
    Box,
    Entry,
    hour_span,
    lay_out,
    timetable_entries,
)
from desktop.reports.base import INK, MUTED, FlowDocument, Job, styles
from desktop.reports.bidi import paragraph
from desktop.reports.fonts import SANS, SANS_BOLD, string_width
from desktop.reports.text import ELLIPSIS, visual, wrap_logical

DAYS_PER_PAGE = 5
HOURS_COLUMN = 13 * mm
HEADER_ROW = 10 * mm
KEY_ROW = 8 * mm
BOX_TEXT = 6.8  # points
GRID = colors.HexColor("#c9d1d9")


class ProgrammeGrid(FlowDocument):
    """Every session, day by day across, hours down."""

    landscape = True

    def __init__(self, entries: Sequence[Entry], *, mission_name: str, **options: Any) -> None:
        super().__init__(mission_name=mission_name, **options)
        self.entries = list(entries)
        self.days = sorted({e.starts_at.date() for e in self.entries})

    @classmethod
    def from_session(cls, session: Session, **options: Any) -> ProgrammeGrid:
        mission = get_mission(session)
        options.setdefault("language", mission.document_language)
        return cls(timetable_entries(session, options["language"]), mission_name=mission.name,
                   **options)

    def title(self) -> str:
        return self.t("Programme at a glance")

    def story(self, job: Job) -> list[Flowable]:
        style = styles()
        flow: list[Flowable] = []
        pages = [self.days[i:i + DAYS_PER_PAGE]
                 for i in range(0, len(self.days), DAYS_PER_PAGE)]
        for index, days in enumerate(pages):
            job.step(index, len(pages))
            if index:
                flow.append(PageBreak())
            flow.append(paragraph(self.t("Programme at a glance"), style["h1"]))
            chosen = [e for e in self.entries if e.starts_at.date() in days]
            flow.append(WeekGrid(self, days, lay_out(chosen, days)))
        job.step(len(pages), len(pages))
        return flow

    def weekday_lines(self, day: date) -> tuple[str, str]:
        from desktop.i18n import format_weekday_date

        text = format_weekday_date(day, language=self.language)
        weekday, _space, rest = text.partition(" ")
        return weekday[:1].upper() + weekday[1:], rest


class WeekGrid(Flowable):
    """A few days across, the hours down, one box per session, and the key underneath."""

    def __init__(self, document: ProgrammeGrid, days: list[date], boxes: list[Box]) -> None:
        super().__init__()
        self.document = document
        self.days = days
        self.boxes = boxes
        self.first_hour, self.last_hour = hour_span(boxes)
        self.width = self.height = 0.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's)
        self.width, self.height = aW, aH - 1
        return self.width, self.height

    # -- geometry ---------------------------------------------------------------------------
    @property
    def day_width(self) -> float:
        return (self.width - HOURS_COLUMN) / max(1, len(self.days))

    @property
    def hour_height(self) -> float:
        return (self.height - HEADER_ROW - KEY_ROW) / max(1, self.last_hour - self.first_hour)

    def y_of(self, hours: float) -> float:
        """From the bottom of the flowable, as ReportLab draws."""
        return self.height - HEADER_ROW - (hours - self.first_hour) * self.hour_height

    # -- drawing ----------------------------------------------------------------------------
    def draw(self) -> None:
        canvas: Canvas = self.canv
        doc = self.document
        canvas.saveState()
        top, bottom = self.y_of(self.first_hour), self.y_of(self.last_hour)
        right = HOURS_COLUMN + self.day_width * len(self.days)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.4)
        for hour in range(self.first_hour, self.last_hour + 1):
            y = self.y_of(hour)
            canvas.line(HOURS_COLUMN, y, right, y)
            if hour < self.last_hour:
                canvas.setFillColor(MUTED)
                canvas.setFont(SANS, 7)
                canvas.drawRightString(HOURS_COLUMN - 1.5 * mm, y - 7.5,
                                       doc.time(time(hour % 24)))
        for n in range(len(self.days) + 1):
            x = HOURS_COLUMN + n * self.day_width
            canvas.line(x, bottom, x, self.height)
        canvas.setFillColor(INK)
        for n, day in enumerate(self.days):
            centre = HOURS_COLUMN + (n + 0.5) * self.day_width
            weekday, rest = doc.weekday_lines(day)
            canvas.setFont(SANS_BOLD, 9)
            canvas.drawCentredString(centre, top + HEADER_ROW - 4.2 * mm, visual(weekday))
            canvas.setFont(SANS, 8)
            canvas.drawCentredString(centre, top + HEADER_ROW - 8 * mm, visual(rest))
        for box in self.boxes:
            self._box(canvas, box)
        self._key(canvas, bottom - KEY_ROW + 2.5 * mm)
        canvas.restoreState()

    def _box(self, canvas: Canvas, box: Box) -> None:
        entry = box.entry
        lane_width = (self.day_width - 2 * mm) / box.lanes
        x = HOURS_COLUMN + box.day * self.day_width + 1 * mm + box.lane * lane_width
        y_top = self.y_of(box.start)
        height = max(self.y_of(box.start) - self.y_of(box.end), BOX_TEXT * 1.6)
        width = lane_width - 0.8 * mm
        fill = colors.HexColor(KIND_COLOURS.get(entry.kind, KIND_COLOURS[SessionKind.OTHER]))
        canvas.setFillColor(fill)
        if entry.clashes:
            canvas.setStrokeColor(colors.HexColor(CLASH_COLOUR))
            canvas.setLineWidth(1.2)
        else:
            canvas.setStrokeColor(GRID)
            canvas.setLineWidth(0.5)
        canvas.roundRect(x, y_top - height, width, height, 1.2 * mm, stroke=1, fill=1)
        inner = width - 2.4 * mm
        if inner <= 4:
            return
        when = self.document.t("{start}–{end}").format(
            start=self.document.time(entry.starts_at), end=self.document.time(entry.ends_at))
        leading = BOX_TEXT * 1.2
        lines = max(0, int((height - 1.6 * mm) // leading))
        if not lines:
            return
        text_x, y = x + 1.2 * mm, y_top - 0.8 * mm - BOX_TEXT
        canvas.setFillColor(INK)
        canvas.setFont(SANS, BOX_TEXT)
        if lines == 1:  # a short session: its time and title on one line
            canvas.drawString(text_x, y, _elided(f"{when}  {entry.title}", SANS, BOX_TEXT,
                                                 inner))
            return
        canvas.drawString(text_x, y, _elided(when, SANS, BOX_TEXT, inner))
        title_lines = _lines(entry.title, SANS_BOLD, BOX_TEXT, inner, lines - 1)
        canvas.setFont(SANS_BOLD, BOX_TEXT)
        for line in title_lines:
            y -= leading
            canvas.drawString(text_x, y, line)
        if entry.where and len(title_lines) < lines - 1:
            y -= leading
            canvas.setFillColor(MUTED)
            canvas.setFont(SANS, BOX_TEXT)
            canvas.drawString(text_x, y, _elided(entry.where, SANS, BOX_TEXT, inner))

    def _key(self, canvas: Canvas, y: float) -> None:
        """The colours' meaning, for the kinds on the page, and the clash border."""
        doc = self.document
        kinds = [k for k in SessionKind if any(b.entry.kind == k for b in self.boxes)]
        x = HOURS_COLUMN
        canvas.setFont(SANS, 7.5)
        for kind in kinds:
            text = doc.label(kind)
            canvas.setFillColor(colors.HexColor(KIND_COLOURS[kind]))
            canvas.setStrokeColor(GRID)
            canvas.roundRect(x, y - 1, 5 * mm, 3.2 * mm, 0.8 * mm, stroke=1, fill=1)
            canvas.setFillColor(INK)
            canvas.drawString(x + 6.5 * mm, y, text)
            x += 6.5 * mm + string_width(text, SANS, 7.5) + 5 * mm
        if any(b.entry.clashes for b in self.boxes):
            canvas.setFillColor(colors.white)
            canvas.setStrokeColor(colors.HexColor(CLASH_COLOUR))
            canvas.setLineWidth(1.2)
            canvas.roundRect(x, y - 1, 5 * mm, 3.2 * mm, 0.8 * mm, stroke=1, fill=1)
            canvas.setFillColor(INK)
            canvas.drawString(x + 6.5 * mm, y, doc.t("overlaps a session of the same people"))


def _elided(text: str, font: str, size: float, width: float) -> str:
    shown = visual(text)
    if string_width(shown, font, size) <= width:
        return shown
    while text and string_width(visual(text + ELLIPSIS), font, size) > width:
        text = text[:-1]
    return visual(text.rstrip() + ELLIPSIS) if text else ""


def _lines(text: str, font: str, size: float, width: float, most: int) -> list[str]:
    """``text`` wrapped in reading order into at most ``most`` lines, the last one cut with an
    ellipsis when words are left over; each line ready to draw."""
    if most <= 0:
        return []
    lines = wrap_logical(text, font, size, width)
    if len(lines) <= most:
        return [visual(line) for line in lines]
    # What is left takes more than a line, so the last line shown ends in an ellipsis.
    return [visual(line) for line in lines[:most - 1]] + \
        [_elided(" ".join(lines[most - 1:]), font, size, width)]
