"""Arabic paragraphs are wrapped in reading order: the first words on the first line."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from desktop.reports.base import styles
from desktop.reports.bidi import BidiParagraph, paragraph
from desktop.reports.fonts import SANS, register_fonts, string_width
from desktop.reports.text import rtl_first, visual, wrap_logical

# "The Moroccan Federation of Information Technology, Telecommunications and Offshoring"
SENTENCE = "الفيدرالية المغربية لتكنولوجيا المعلومات والاتصالات والترحيل"
WORDS = SENTENCE.split()


@pytest.fixture(autouse=True)
def _fonts() -> None:
    register_fonts()


def test_lines_are_cut_in_reading_order_and_each_fits() -> None:
    width = string_width(visual(" ".join(WORDS[:2])), SANS, 10) + 1
    lines = wrap_logical(SENTENCE, SANS, 10, width)
    assert len(lines) >= 3
    assert lines[0].split() == WORDS[:2]  # the sentence starts on the first line
    assert " ".join(lines).split() == WORDS
    assert all(string_width(visual(line), SANS, 10) <= width for line in lines)


def test_line_breaks_are_kept_and_a_word_wider_than_a_line_is_cut() -> None:
    assert wrap_logical("سمير العلوي\nAtlas", SANS, 10, 500) == ["سمير العلوي", "Atlas"]
    word = "والاتصالات"
    narrow = string_width(visual(word), SANS, 10) / 2
    pieces = wrap_logical(word, SANS, 10, narrow)
    assert len(pieces) >= 2 and "".join(pieces) == word


def test_the_direction_of_a_line_is_that_of_its_first_letter() -> None:
    assert rtl_first(SENTENCE) and rtl_first("12 " + SENTENCE)
    assert not rtl_first("Atlas " + SENTENCE) and not rtl_first("2007")


def test_only_text_with_arabic_takes_the_bidi_paragraph() -> None:
    style = styles()["cell"]
    assert isinstance(paragraph("Atlas Offshore <Services>", style), Paragraph)
    assert isinstance(paragraph(SENTENCE, style), BidiParagraph)


def test_a_bidi_paragraph_wraps_splits_and_prints(tmp_path: Path) -> None:
    style = styles()["body"]
    flowable = BidiParagraph(" ".join([SENTENCE] * 3), style)
    width, height = flowable.wrap(120, 1000)
    assert width == 120 and height == len(flowable.lines) * style.leading
    assert flowable.lines[0].split()[0] == WORDS[0]
    first, rest = flowable.split(120, 2.5 * style.leading)
    assert isinstance(first, BidiParagraph) and isinstance(rest, BidiParagraph)
    first.wrap(120, 1000)
    rest.wrap(120, 1000)
    assert len(first.lines) == 2 and first.lines + rest.lines == flowable.lines
    assert flowable.split(120, 10 * len(flowable.lines) * style.leading) == []
    out = tmp_path / "bidi.pdf"
    many = [BidiParagraph(SENTENCE * 8, style) for _ in range(12)]
    SimpleDocTemplate(str(out), pagesize=A4).build(many)
    assert out.stat().st_size > 1000
