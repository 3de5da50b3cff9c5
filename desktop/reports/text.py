"""Text as it is printed: Arabic shaped and put in visual order, and fitted into a box.

ReportLab draws glyphs left to right as given. Arabic must first be shaped (letters joined
into their contextual forms) and then reordered by the Unicode bidi algorithm; Latin text goes
through untouched. :func:`fit_text` makes a text fit a box: it shrinks the text on one line
down to a minimum size, then wraps it onto two lines, and only as a last resort shortens it
with an ellipsis, so nothing ever spills outside its box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from desktop.reports.fonts import string_width

ELLIPSIS = "…"
LEADING = 1.18  # line height as a multiple of the font size
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_BREAK = re.compile(r"(?<=[\s\-/])")


def has_rtl(text: str) -> bool:
    """True when ``text`` holds Hebrew or Arabic script."""
    return _RTL.search(text) is not None


@lru_cache(maxsize=4096)
def visual(text: str) -> str:
    """``text`` ready to draw: Arabic shaped and every line in visual (left-to-right) order."""
    if not text or not has_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


def para(text: str) -> str:
    """``text`` as safe Paragraph markup, shaped for Arabic, line breaks kept."""
    return escape(visual(text)).replace("\n", "<br/>")


@dataclass(frozen=True)
class Fitted:
    """A text fitted into a box: its lines (in visual order, ready to draw) and size."""

    lines: tuple[str, ...]
    size: float
    shortened: bool = False

    @property
    def line_height(self) -> float:
        return self.size * LEADING

    @property
    def height(self) -> float:
        return self.line_height * len(self.lines)


def _width_at_1pt(text: str, font: str) -> float:
    return string_width(visual(text), font, 1.0)


def fit_text(text: str, font: str, width: float, height: float, max_size: float,
             min_size: float, max_lines: int = 2, wrap_below: float | None = None) -> Fitted:
    """Fit ``text`` in a ``width`` × ``height`` box (points).

    One line at the largest size up to ``max_size`` if that is at least ``min_size``; else the
    best split onto ``max_lines`` (2) lines; else ``min_size`` with the end cut off by an
    ellipsis. With ``wrap_below``, a text that would shrink under that size on one line is
    wrapped as soon as two lines let it stay larger. The returned lines never exceed ``width``
    nor, together, ``height``.
    """
    text = " ".join(text.split())
    if not text:
        return Fitted((), max_size)
    size_limit = min(max_size, height / LEADING)
    one = _width_at_1pt(text, font)
    size = min(size_limit, width / one) if one else size_limit
    single = Fitted((visual(text),), _floor(size))
    if size >= min_size and (wrap_below is None or size >= wrap_below or max_lines < 2):
        return single
    if max_lines >= 2:
        two_limit = min(max_size, height / (2 * LEADING))
        best: tuple[float, str, str] | None = None
        for first, second in _splits(text):
            widest = max(_width_at_1pt(first, font), _width_at_1pt(second, font))
            candidate = min(two_limit, width / widest) if widest else two_limit
            if best is None or candidate > best[0]:
                best = (candidate, first, second)
        if best is not None and best[0] >= min_size and best[0] > size:
            return Fitted((visual(best[1]), visual(best[2])), _floor(best[0]))
    if size >= min_size:
        return single
    lines_allowed = 2 if max_lines >= 2 and height >= 2 * LEADING * min_size else 1
    size = min(min_size, height / (lines_allowed * LEADING))
    return Fitted(_cut(text, font, width, size, lines_allowed), _floor(size), shortened=True)


def _floor(size: float) -> float:
    return int(size * 10) / 10


def _splits(text: str) -> list[tuple[str, str]]:
    """Every way of cutting ``text`` in two at a space, hyphen or slash."""
    pieces = [p for p in _BREAK.split(text) if p]
    result = []
    for index in range(1, len(pieces)):
        first = "".join(pieces[:index]).rstrip()
        second = "".join(pieces[index:]).lstrip()
        if first and second:
            result.append((first, second))
    return result


def _cut(text: str, font: str, width: float, size: float, lines: int) -> tuple[str, ...]:
    """Fill ``lines`` lines greedily, ending the last one with an ellipsis."""
    out: list[str] = []
    rest = text
    for index in range(lines):
        last = index == lines - 1
        if not last:
            head = _longest_prefix(rest, font, width, size, at_breaks=True)
            out.append(visual(head.rstrip()))
            rest = rest[len(head):].lstrip()
            if not rest:
                break
            continue
        if string_width(visual(rest), font, size) <= width:
            out.append(visual(rest))
        else:
            head = _longest_prefix(rest, font, width - string_width(ELLIPSIS, font, size),
                                   size, at_breaks=False)
            out.append(visual(head.rstrip() + ELLIPSIS))
    return tuple(out)


def _longest_prefix(text: str, font: str, width: float, size: float, *,
                    at_breaks: bool) -> str:
    """The longest start of ``text`` that fits ``width`` (cut at a break when asked and
    possible, else anywhere)."""
    fits = 0
    for end in range(1, len(text) + 1):
        if string_width(visual(text[:end]), font, size) > width:
            break
        fits = end
    if at_breaks and fits < len(text):
        breaks = [m.start() for m in _BREAK.finditer(text[:fits + 1]) if m.start() > 0]
        if breaks:
            return text[:breaks[-1]]
    return text[:max(fits, 1)]


def rtl_first(text: str) -> bool:
    """Whether the first letter of ``text`` with a direction reads right to left (so the line
    reads as Arabic, whatever Latin words or digits it also holds)."""
    for char in text:
        if _RTL.match(char):
            return True
        if char.isalpha():
            return False
    return False


def wrap_logical(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` cut into lines no wider than ``width`` in reading (logical) order, word by word,
    line breaks kept; a word wider than a line is cut where it must. Each line is shaped and
    reordered only afterwards, so an Arabic sentence starts on the first line, not the last."""
    lines: list[str] = []
    for hard in text.split("\n"):
        line = ""
        for word in hard.split():
            candidate = f"{line} {word}" if line else word
            if string_width(visual(candidate), font, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while string_width(visual(word), font, size) > width and len(word) > 1:
                head = _longest_prefix(word, font, width, size, at_breaks=False)
                lines.append(head)
                word = word[len(head):]
            line = word
        lines.append(line)
    return lines
