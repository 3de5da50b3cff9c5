"""Paragraphs that may hold right-to-left script (Arabic names, notes typed in Arabic).

ReportLab wraps a paragraph in the order its glyphs are drawn. Arabic must be drawn in visual
order, so a long Arabic text handed to a Paragraph would be wrapped from its end: the last
words on the first line. :class:`BidiParagraph` wraps in reading order first
(:func:`~desktop.reports.text.wrap_logical`) and shapes and reorders each line afterwards;
lines that read right to left are set flush right. :func:`paragraph` picks it only for text
that holds such script: everything else stays an ordinary Paragraph.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from desktop.reports.fonts import string_width
from desktop.reports.text import has_rtl, para, rtl_first, visual, wrap_logical


def paragraph(text: str, style: ParagraphStyle) -> Flowable:
    """A flowable for plain ``text`` (not markup) in ``style``."""
    if has_rtl(text):
        return BidiParagraph(text, style)
    return Paragraph(para(text), style)


class BidiParagraph(Flowable):
    """Plain text with right-to-left script, wrapped in reading order."""

    def __init__(self, text: str, style: ParagraphStyle,
                 lines: list[str] | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.lines: list[str] = lines or []
        self._fixed = lines is not None  # a part of a split paragraph keeps its lines
        self.width = 0.0
        self.height = 0.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's)
        style = self.style
        if not self._fixed:
            self.lines = wrap_logical(self.text, style.fontName, style.fontSize,
                                      max(aW, 1.0))
        self.width = aW
        self.height = len(self.lines) * style.leading
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        self.wrap(aW, aH)
        fits = int(aH // self.style.leading)
        if fits < 1 or fits >= len(self.lines):
            return []
        return [BidiParagraph(self.text, self.style, self.lines[:fits]),
                BidiParagraph(self.text, self.style, self.lines[fits:])]

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        style = self.style
        canvas: Any = self.canv
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.fontName, style.fontSize)
        # The first baseline one font size below the top, as ReportLab's own paragraphs.
        y = self.height - style.fontSize
        for line in self.lines:
            shown = visual(line)
            width = string_width(shown, style.fontName, style.fontSize)
            alignment = style.alignment
            if rtl_first(line) and alignment == TA_LEFT:
                alignment = TA_RIGHT
            if alignment == TA_RIGHT:
                x = self.width - width
            elif alignment == TA_CENTER:
                x = (self.width - width) / 2
            else:
                x = 0.0
            canvas.drawString(x, y, shown)
            y -= style.leading
