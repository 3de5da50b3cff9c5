"""Badges, read back from the PDF: names present and never clipped, QR codes that decode."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import Category
from desktop.errors import Cancelled, LayoutError
from desktop.reports.badges import BadgeData, BadgeSheet
from desktop.reports.layouts import LAYOUTS, Rect
from desktop.reports.selection import Selection
from desktop.reports.text import visual
from tests.reports.conftest import ARABIC_NAME, LONG_NAME, Sample


def _inside(rects: list[Rect], char: dict, page_height: float) -> bool:
    x0, x1 = char["x0"], char["x1"]
    y0, y1 = page_height - char["bottom"], page_height - char["top"]
    return any(r.contains(x0, y0, x1, y1) for r in rects)


def _text_in(page: pdfplumber.page.Page, rect: Rect) -> str:
    height = page.height
    box = page.within_bbox((rect.x, height - rect.y - rect.h, rect.x + rect.w,
                            height - rect.y))
    return "".join(ch["text"] for ch in box.chars)


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_confirmed_person_has_their_name_on_their_own_badge_and_no_text_spills(
        session: Session, sample: Sample, layout: str) -> None:
    sheet = BadgeSheet.from_session(session, layout=layout, language="en")
    names = [b.name for b in sheet.badges]
    assert LONG_NAME in names and ARABIC_NAME in names
    assert "John Smith" not in names  # invited, not confirmed

    with pdfplumber.open(io.BytesIO(sheet.render())) as pdf:
        per = LAYOUTS[layout].per_page
        assert len(pdf.pages) == -(-len(names) // per)
        for index, badge in enumerate(sheet.badges):
            page = pdf.pages[index // per]
            for face in sheet.badge_rects(index):
                on_badge = _squash(_text_in(page, face))
                assert _squash(visual(badge.name)) in on_badge
                assert _squash(badge.organization) in on_badge
        for page in pdf.pages:
            slots = [face for i in range(per) for face in LAYOUTS[layout].faces(i)]
            spilled = [c["text"] for c in page.chars if not _inside(slots, c, page.height)]
            assert spilled == []


def test_a_long_name_shrinks_then_wraps_onto_two_lines_without_leaving_its_badge(
        session: Session, sample: Sample) -> None:
    sheet = BadgeSheet.from_session(session, Selection(person_ids=(sample.max,)), layout="a6")
    with pdfplumber.open(io.BytesIO(sheet.render())) as pdf:
        page = pdf.pages[0]
        name_chars = [c for c in page.chars if c["size"] > 12 and c["top"] < page.height / 2]
        lines = sorted({round(c["top"]) for c in name_chars})
        assert len(lines) == 2
        assert all(c["x0"] >= 0 and c["x1"] <= page.width for c in name_chars)
        assert "Maximilian-Alexander" in _squash(page.extract_text())


def test_the_qr_code_of_each_badge_decodes_to_that_persons_vcard(
        session: Session, sample: Sample) -> None:
    import pypdfium2
    import zxingcpp

    sheet = BadgeSheet.from_session(session, layout="a4-4")
    expected = {b.vcard().text() for b in sheet.badges[:4]}
    pdf = pypdfium2.PdfDocument(sheet.render(first_page_only=True))
    image = pdf[0].render(scale=200 / 72).to_pil()
    found = {r.text for r in zxingcpp.read_barcodes(image)}
    assert found == expected
    eloise = next(b for b in sheet.badges if b.person_id == sample.eloise)
    card = eloise.vcard().text()
    assert "N:Ouellet;Éloïse;;;" in card and "ORG:Nuvolo Systems" in card
    assert "TITLE:Directrice du développement" in card and "EMAIL:eloise@nuvolo.ca" in card
    assert "TEL;TYPE=CELL:+1 514-555-0134" in card


def test_choosing_who_by_category_one_person_and_sorting_by_organisation(
        session: Session, sample: Sample) -> None:
    hosts = BadgeSheet.from_session(session, Selection(category=Category.HOST))
    assert {b.person_id for b in hosts.badges} == {sample.mohammed, sample.karim}
    one = BadgeSheet.from_session(session, Selection(person_ids=(sample.john,)))
    assert [b.person_id for b in one.badges] == [sample.john]
    by_org = BadgeSheet.from_session(session, Selection(sort="organization"))
    organisations = [b.organization for b in by_org.badges]
    assert organisations == sorted(organisations, key=str.casefold)


def test_a_preview_renders_the_first_sheet_only_and_a_batch_reports_progress_and_stops(
        session: Session, sample: Sample) -> None:
    sheet = BadgeSheet.from_session(session, layout="a6")
    with pdfplumber.open(io.BytesIO(sheet.render(first_page_only=True))) as pdf:
        assert len(pdf.pages) == 1
    seen: list[tuple[int, int]] = []
    sheet.render(on_progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    with pytest.raises(Cancelled):
        sheet.render(should_cancel=lambda: True)


def test_unknown_layouts_and_empty_selections_are_refused_with_a_message() -> None:
    badge = BadgeData(1, "A B", "A", "B", Category.STAFF)
    with pytest.raises(LayoutError, match="letter-6"):
        BadgeSheet([badge], mission_name="M", layout="poster")
    with pytest.raises(LayoutError):
        BadgeSheet([], mission_name="M").render()


def test_crop_marks_are_drawn_only_when_asked(session: Session, sample: Sample) -> None:
    with_marks = BadgeSheet.from_session(session, layout="a4-4")
    without = BadgeSheet.from_session(session, layout="a4-4", crop_marks=False)
    with pdfplumber.open(io.BytesIO(with_marks.render())) as a, \
            pdfplumber.open(io.BytesIO(without.render())) as b:
        assert len(a.pages[0].lines) >= 16
        assert len(b.pages[0].lines) == 0
