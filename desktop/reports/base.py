"""The shared base of every printed document.

A document is a small class: its constructor takes plain data (the ``from_session``
constructors gather it), :meth:`Document.render` returns PDF bytes and :meth:`Document.write`
writes a file. Batch jobs pass a progress callback and a cancel check; a preview asks for the
first page only. Flowing documents (lists, agendas, itineraries) get the house page template:
the mission's name and the document's title in the header, "printed on" and "page N of M" in
the footer. Page numbers count per section, so a combined batch (one itinerary per person)
numbers each person's pages on their own.
"""

from __future__ import annotations

import io
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError as ReportLabLayoutError

from desktop.db.enums import source_label
from desktop.errors import Cancelled, LayoutError
from desktop.i18n import _, format_date, format_time, translate_in
from desktop.reports.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts, string_width
from desktop.reports.text import fit_text

MARGIN_SIDE = 16 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm
HEADER_BASELINE = 12 * mm  # from the top edge
FOOTER_BASELINE = 9 * mm  # from the bottom edge
HEADER_SIZE = 8.5
HEADER_GAP = 8 * mm  # between the mission's name and the title in the header
FOOTER_SIZE = 7.5
RULE_WIDTH = 0.4
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#6b7780")
ACCENT = colors.HexColor("#1c5d99")
ZEBRA = colors.HexColor("#f2f5f8")
HEADER_FILL = colors.HexColor("#dde6ef")

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class _PreviewDone(Exception):
    """Raised by the canvas once the first page is complete, when only a preview is wanted."""


@dataclass
class Job:
    """How one rendering runs: who hears about progress, who may stop it, preview or not."""

    on_progress: ProgressCallback | None = None
    should_cancel: CancelCheck | None = None
    first_page_only: bool = False

    def step(self, done: int, total: int) -> None:
        """Report ``done`` of ``total``; stop with :class:`Cancelled` if asked to."""
        if self.should_cancel is not None and self.should_cancel():
            raise Cancelled(_("Stopped."))
        if self.on_progress is not None:
            self.on_progress(done, total)


class Document(ABC):
    """A printable document in one language (``en`` or ``fr``)."""

    def __init__(self, *, language: str = "en", printed_at: datetime | None = None,
                 paper: str = "a4") -> None:
        if paper not in PAPERS:
            raise LayoutError(translate_in(language, "Unknown paper size “{paper}”.")
                              .format(paper=paper))
        self.language = language if language in ("en", "fr") else "en"
        self.printed_at = printed_at or datetime.now()
        self.paper = paper

    # -- language helpers (thread-safe: never switch the active language) -----------------

    def t(self, message: str) -> str:
        """``message`` in the document's language."""
        return translate_in(self.language, message)

    def label(self, value: Enum) -> str:
        """A vocabulary value's label in the document's language."""
        return translate_in(self.language, source_label(value))

    def date(self, value: Any, fmt: str = "medium") -> str:
        return format_date(value, fmt, language=self.language)

    def time(self, value: Any) -> str:
        return format_time(value, language=self.language)

    def printed_line(self, language: str | None = None) -> str:
        """"Printed on …": stale copies are recognisable."""
        lang = language or self.language
        return translate_in(lang, "Printed on {date} at {time}").format(
            date=format_date(self.printed_at.date(), "medium", language=lang),
            time=format_time(self.printed_at, language=lang))

    # -- rendering -------------------------------------------------------------------------

    def render(self, *, on_progress: ProgressCallback | None = None,
               should_cancel: CancelCheck | None = None, first_page_only: bool = False) -> bytes:
        """The PDF as bytes (only its first page when ``first_page_only``, for a preview)."""
        register_fonts()
        out = io.BytesIO()
        self._render(out, Job(on_progress, should_cancel, first_page_only))
        return out.getvalue()

    def write(self, path: str | Path, *, on_progress: ProgressCallback | None = None,
              should_cancel: CancelCheck | None = None) -> Path:
        """Write the PDF to ``path`` (complete or not at all) and return the path."""
        target = Path(path)
        data = self.render(on_progress=on_progress, should_cancel=should_cancel)
        partial = target.with_name(target.name + ".part")
        try:
            partial.write_bytes(data)
            partial.replace(target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return target

    @abstractmethod
    def _render(self, out: BinaryIO, job: Job) -> None:
        """Write the PDF to ``out``."""


# -- flowing documents ----------------------------------------------------------------------


class SectionStart(Flowable):
    """Marks where a section starts (its pages are numbered on their own); draws nothing.

    ``heading`` is printed in the header of the section's pages (e.g. the person's name).
    """

    def __init__(self, heading: str = "", language: str | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.language = language
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, _NumberedCanvas):
            canvas.start_section(self.heading, self.language)


class ProgressMark(Flowable):
    """Reports progress (and honours a cancel request) when layout reaches it; draws nothing.

    Building the story is quick; laying it out is the long part, so batch documents put one
    mark before each person or item.
    """

    def __init__(self, job: Job, done: int, total: int) -> None:
        super().__init__()
        self.job, self.done, self.total = job, done, total
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.job.step(self.done, self.total)


@dataclass(frozen=True)
class PageInfo:
    """What a page's header and footer say: section heading, page N of M, language."""

    heading: str
    page: int
    pages: int
    language: str


class _NumberedCanvas(Canvas):
    """Keeps each page until the end, then draws header and footer with "page N of M"."""

    def __init__(self, *args: Any, document: FlowDocument, preview: bool,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._document = document
        self._preview = preview
        self._pages: list[tuple[dict[str, Any], int, str, str]] = []
        self._section = 0
        self._heading = ""
        self._language = document.language
        self._started = False

    def start_section(self, heading: str, language: str | None) -> None:
        if self._started or self._pages:
            self._section += 1
        self._started = True
        self._heading = heading
        self._language = language or self._document.language

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append((dict(self.__dict__), self._section, self._heading, self._language))
        self._startPage()
        self._started = False
        if self._preview and len(self._pages) == 1:
            raise _PreviewDone

    def save(self) -> None:
        totals = Counter(section for _, section, _, _ in self._pages)
        seen: Counter[int] = Counter()
        for state, section, heading, language in self._pages:
            self.__dict__.update(state)
            seen[section] += 1
            self._document.decorate(self, PageInfo(heading, seen[section], totals[section],
                                                   language))
            Canvas.showPage(self)
        Canvas.save(self)


class FlowDocument(Document):
    """A document that flows over pages (Platypus) with the house header and footer."""

    landscape = False

    def __init__(self, *, mission_name: str, language: str = "en",
                 printed_at: datetime | None = None, paper: str = "a4") -> None:
        super().__init__(language=language, printed_at=printed_at, paper=paper)
        self.mission_name = mission_name

    @property
    def page_size(self) -> tuple[float, float]:
        size = PAPERS[self.paper]
        return landscape(size) if self.landscape else size

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - 2 * MARGIN_SIDE

    @abstractmethod
    def title(self) -> str:
        """The document's title, in its language (header and PDF metadata)."""

    @abstractmethod
    def story(self, job: Job) -> list[Flowable]:
        """The flowables of the document; long loops call ``job.step``."""

    def header_title(self, language: str) -> str:
        """The title in the page header (a batch may print sections in other languages)."""
        return self.title()

    def decorate(self, canvas: Canvas, info: PageInfo) -> None:
        """Draw the header and footer of one page."""
        width, height = self.page_size
        language = info.language
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(RULE_WIDTH)
        top = height - HEADER_BASELINE
        usable = width - 2 * MARGIN_SIDE
        # The mission's name whole where it can be: a little smaller before it is cut.
        mission = fit_text(self.mission_name, SANS_BOLD, usable * 0.5, HEADER_SIZE * 2,
                           HEADER_SIZE, HEADER_SIZE - 1.5, max_lines=1)
        canvas.setFont(SANS_BOLD, mission.size)
        canvas.drawString(MARGIN_SIDE, top, mission.lines[0] if mission.lines else "")
        right = self.header_title(language) + (f" — {info.heading}" if info.heading else "")
        room = usable - string_width(mission.lines[0] if mission.lines else "", SANS_BOLD,
                                     mission.size) - HEADER_GAP
        fitted = fit_text(right, SANS, room, HEADER_SIZE * 2, HEADER_SIZE, HEADER_SIZE - 1.5,
                          max_lines=1)
        canvas.setFont(SANS, fitted.size)
        canvas.drawRightString(width - MARGIN_SIDE, top, fitted.lines[0] if fitted.lines else "")
        canvas.line(MARGIN_SIDE, top - 2 * mm, width - MARGIN_SIDE, top - 2 * mm)
        canvas.line(MARGIN_SIDE, FOOTER_BASELINE + 4 * mm, width - MARGIN_SIDE,
                    FOOTER_BASELINE + 4 * mm)
        canvas.setFont(SANS, FOOTER_SIZE)
        canvas.drawString(MARGIN_SIDE, FOOTER_BASELINE, self.printed_line(language))
        canvas.drawRightString(width - MARGIN_SIDE, FOOTER_BASELINE,
                               translate_in(language, "Page {page} of {pages}")
                               .format(page=info.page, pages=info.pages))
        canvas.restoreState()

    def _render(self, out: BinaryIO, job: Job) -> None:
        width, height = self.page_size
        frame = Frame(MARGIN_SIDE, MARGIN_BOTTOM, width - 2 * MARGIN_SIDE,
                      height - MARGIN_TOP - MARGIN_BOTTOM, id="body", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        doc = BaseDocTemplate(out, pagesize=(width, height), title=self.title(),
                              author=self.mission_name, creator="Mission Desk",
                              lang=self.language, invariant=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        flowables = self.story(job)
        if not flowables:
            raise LayoutError(self.t("There is nothing to print."))
        document = self

        def canvasmaker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
            return _NumberedCanvas(*args, document=document, preview=job.first_page_only,
                                   **kwargs)

        try:
            doc.build(flowables, canvasmaker=canvasmaker)
        except _PreviewDone:
            doc.canv.save()
        except ReportLabLayoutError as exc:  # a flowable taller than a page, and the like
            raise LayoutError(self.t("Part of the document is too large for the page: "
                                     "{detail}").format(detail=str(exc)[:200])) from exc


# -- styles and tables shared by the flowing documents ------------------------------------


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The house paragraph styles (fonts must be registered before they are used)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=12.5, textColor=INK)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        "muted": ParagraphStyle("muted", parent=body, fontSize=8, leading=10, textColor=MUTED),
        "italic": ParagraphStyle("italic", parent=body, fontName=SANS_ITALIC),
        "bold": ParagraphStyle("bold", parent=body, fontName=SANS_BOLD),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=SANS_BOLD, fontSize=8.5,
                                    leading=10.5),
        "title": ParagraphStyle("title", parent=body, fontName=SANS_BOLD, fontSize=22,
                                leading=27, textColor=ACCENT, spaceAfter=4 * mm),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=14, leading=18,
                                   spaceAfter=3 * mm),
        "h1": ParagraphStyle("h1", parent=body, fontName=SANS_BOLD, fontSize=15, leading=19,
                             textColor=ACCENT, spaceBefore=2 * mm, spaceAfter=3 * mm),
        "h2": ParagraphStyle("h2", parent=body, fontName=SANS_BOLD, fontSize=12, leading=15,
                             textColor=ACCENT, spaceBefore=4 * mm, spaceAfter=2 * mm,
                             keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=body, fontName=SANS_BOLD, fontSize=10, leading=13,
                             spaceBefore=3 * mm, spaceAfter=1 * mm, keepWithNext=1),
    }


def table(rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header: bool = True,
          zebra: bool = True, extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A house table: a shaded, repeated header row, light rules, optional zebra rows."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c5ced6")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [("FONT", (0, 0), (-1, 0), SANS_BOLD, 8.5),
                     ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    if zebra:
        first = 1 if header else 0
        commands += [("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, ZEBRA])]
    commands += list(extra)
    result = Table([list(r) for r in rows], colWidths=list(widths),
                   repeatRows=1 if header else 0, hAlign="LEFT")
    result.setStyle(TableStyle(commands))
    return result
