"""Name badges: one per A6 page, several per A4/Letter sheet, or foldable (both faces).

Drawn straight on the canvas. Each badge shows the name as the person wants it read (shrunk,
then wrapped onto two lines, never spilling out), job title, organisation, country, a colour
band with the category's label, and a QR code holding their vCard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from desktop.db.enums import Category
from desktop.db.models import Person
from desktop.errors import LayoutError
from desktop.i18n import translate_in
from desktop.missions import get_mission
from desktop.reports import qr
from desktop.reports.base import Document, Job
from desktop.reports.fonts import SANS, SANS_BOLD
from desktop.reports.layouts import LAYOUTS, BadgeLayout, Rect
from desktop.reports.selection import Selection, choose_people
from desktop.reports.text import Fitted, fit_text
from desktop.validation import country_name, format_phone

PAD = 5 * mm  # inner margin of a badge of A6 size (scaled with the badge)
REFERENCE_WIDTH = 105 * mm  # the A6 badge the sizes below are drawn for
NAME_MAX_PT, NAME_MIN_PT = 26.0, 12.0
ORG_MAX_PT, ORG_MIN_PT = 13.0, 7.0
TITLE_MAX_PT, TITLE_MIN_PT = 10.5, 6.5
COUNTRY_PT = 9.0
MISSION_PT = 7.5
BAND_RATIO = 0.1  # category band height, as a part of the badge height
WRAP_BELOW = 0.7  # wrap a text rather than shrink it under 70 % of its full size
QR_RATIO = 0.27  # QR side, as a part of the badge's smaller side
CROP_MARK = 5 * mm
CROP_GAP = 1.5 * mm
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5b6670")
FOLD_DASH = (2, 2)

CATEGORY_COLOURS: dict[Category, tuple[str, str]] = {  # band fill, text colour
    Category.DELEGATE: ("#1c5d99", "#ffffff"),
    Category.HOST: ("#2e7d32", "#ffffff"),
    Category.ORGANISER: ("#37474f", "#ffffff"),
    Category.SPEAKER: ("#6a1b9a", "#ffffff"),
    Category.VIP: ("#c9a227", "#1f2933"),
    Category.PRESS: ("#c62828", "#ffffff"),
    Category.STAFF: ("#00838f", "#ffffff"),
}


@dataclass(frozen=True)
class BadgeData:
    """What one badge shows."""

    person_id: int
    name: str
    given_name: str
    family_name: str
    category: Category
    job_title: str = ""
    organization: str = ""
    country: str = ""  # ISO code
    email: str = ""
    phone: str = ""

    @classmethod
    def of(cls, person: Person) -> BadgeData:
        organization = person.organization
        return cls(person_id=person.id, name=person.display_name,
                   given_name=person.given_name, family_name=person.family_name,
                   category=person.category, job_title=person.job_title,
                   organization=organization.name if organization else "",
                   country=(organization.country if organization else None)
                   or person.nationality or "",
                   email=person.email, phone=format_phone(person.phone))

    def vcard(self) -> qr.VCard:
        return qr.VCard(self.given_name, self.family_name, self.name, self.organization,
                        self.job_title, self.email, self.phone)


class BadgeSheet(Document):
    """Badges laid out on sheets by a named :class:`BadgeLayout`."""

    def __init__(self, badges: Sequence[BadgeData], *, mission_name: str,
                 layout: str = "a4-4", crop_marks: bool | None = None, language: str = "en",
                 printed_at: datetime | None = None, workers: int | None = None) -> None:
        super().__init__(language=language, printed_at=printed_at)
        if layout not in LAYOUTS:
            raise LayoutError(translate_in(language, "Unknown badge layout “{name}”; "
                                           "choose one of {names}.")
                              .format(name=layout, names=", ".join(LAYOUTS)))
        self.badges = list(badges)
        self.mission_name = mission_name
        self.layout: BadgeLayout = LAYOUTS[layout]
        self.crop_marks = self.layout.crop_marks if crop_marks is None else crop_marks
        self.workers = workers

    @classmethod
    def from_session(cls, session: Session, selection: Selection | None = None,
                     **options: object) -> BadgeSheet:
        mission = get_mission(session)
        people = choose_people(session, selection or Selection())
        options.setdefault("language", mission.document_language)
        return cls([BadgeData.of(p) for p in people], mission_name=mission.name,
                   **options)  # type: ignore[arg-type]

    @property
    def pages(self) -> int:
        per = self.layout.per_page
        return max(1, -(-len(self.badges) // per))

    def badge_rects(self, index: int) -> list[Rect]:
        """Where badge ``index`` lies on its page: one rectangle, or two faces when folded."""
        return self.layout.faces(index % self.layout.per_page)

    def _render(self, out: BinaryIO, job: Job) -> None:
        if not self.badges:
            raise LayoutError(self.t("There is nobody to print a badge for."))
        badges = self.badges[:self.layout.per_page] if job.first_page_only else self.badges
        codes = qr.encode_many([b.vcard().text() for b in badges], workers=self.workers)
        canvas = Canvas(out, pagesize=self.layout.page, pageCompression=0, invariant=0)
        canvas.setTitle(self.t("Badges"))
        canvas.setAuthor(self.mission_name)
        canvas.setCreator("Mission Desk")
        per = self.layout.per_page
        total = len(badges)
        for index, (badge, code) in enumerate(zip(badges, codes, strict=True)):
            job.step(index, total)
            slot = index % per
            if self.layout.fold:
                front, back = self.layout.faces(slot)
                self._draw_badge(canvas, badge, code, front)
                canvas.saveState()
                canvas.translate(back.x + back.w, back.y + back.h)
                canvas.rotate(180)
                self._draw_badge(canvas, badge, code, Rect(0, 0, back.w, back.h))
                canvas.restoreState()
                self._fold_line(canvas, front)
            else:
                self._draw_badge(canvas, badge, code, self.layout.slot(slot))
            if slot == per - 1 or index == total - 1:
                if self.crop_marks:
                    self._crop_marks(canvas, slot + 1)
                canvas.showPage()
        job.step(total, total)
        canvas.save()

    # -- one badge ---------------------------------------------------------------------------

    def _draw_badge(self, canvas: Canvas, badge: BadgeData, code: qr.QRCode, r: Rect) -> None:
        wide = r.w > r.h
        scale = min(r.w / REFERENCE_WIDTH, r.h / (REFERENCE_WIDTH * (0.75 if wide else 1.4)))
        pad = max(PAD * scale, 2.5 * mm)
        band_h = max(r.h * BAND_RATIO, 6 * mm)
        fill, ink = CATEGORY_COLOURS[badge.category]
        canvas.setFillColor(colors.HexColor(fill))
        canvas.rect(r.x, r.y, r.w, band_h, stroke=0, fill=1)
        band = fit_text(self.label(badge.category).upper(), SANS_BOLD, r.w - 2 * pad,
                        band_h * 0.8, 14 * scale + 4, 6, max_lines=1)
        canvas.setFillColor(colors.HexColor(ink))
        self._lines(canvas, band, SANS_BOLD, r.x + r.w / 2,
                    r.y + band_h / 2 + band.height / 2, "centre")

        qr_side = min(r.w, r.h) * QR_RATIO * (1.15 if wide else 1)
        qr_x = r.x + r.w - pad - qr_side
        qr_y = r.y + band_h + pad * 0.6
        canvas.setFillColor(colors.black)
        qr.draw(canvas, code, qr_x, qr_y, qr_side)

        left = r.x + pad
        top = r.y + r.h - pad
        width = r.w - 2 * pad
        canvas.setFillColor(MUTED)
        mission = fit_text(self.mission_name, SANS, width, MISSION_PT * 1.3,
                           MISSION_PT * max(scale, 0.8), 5, max_lines=1)
        self._lines(canvas, mission, SANS, r.x + r.w / 2, top, "centre")
        top -= mission.height + pad * 0.8

        country = country_name(badge.country, self.language)
        spot = fit_text(country, SANS, qr_x - left - pad, COUNTRY_PT * 1.3,
                        COUNTRY_PT * max(scale, 0.8), 5, max_lines=1)
        if country:
            canvas.setFillColor(MUTED)
            self._lines(canvas, spot, SANS, left, qr_y + spot.height, "left")

        # Name, job title and organisation: above the QR code on a portrait badge; on a wide
        # one the name spans the badge above the code and the rest sits beside it. The block
        # is centred in the room it has, a little towards the top.
        text_bottom = qr_y + (qr_side if not wide else spot.height) + pad * 0.5
        beside_width = width if not wide else width - qr_side - pad
        room = top - text_bottom
        name_max = NAME_MAX_PT * scale
        name_room = room * 0.6 if not wide else top - (qr_y + qr_side + pad * 0.3)
        name = fit_text(badge.name, SANS_BOLD, width, name_room, name_max,
                        NAME_MIN_PT * max(scale, 0.75), wrap_below=name_max * WRAP_BELOW)
        block: list[tuple[Fitted, str, float]] = [(name, SANS_BOLD, pad * 0.5)]
        room -= name.height + pad * 0.5
        for text, font, high, low in (
                (badge.job_title, SANS, TITLE_MAX_PT, TITLE_MIN_PT),
                (badge.organization, SANS_BOLD, ORG_MAX_PT, ORG_MIN_PT)):
            if not text or room <= 0:
                continue
            high *= max(scale, 0.75)
            fitted = fit_text(text, font, beside_width, room * 0.55, high, low,
                              wrap_below=high * WRAP_BELOW)
            if fitted.height <= room:
                block.append((fitted, font, pad * 0.3))
                room -= fitted.height + pad * 0.3
        if not wide:
            top -= max(room, 0) * 0.4
        align = "left" if wide else "centre"
        x = left if wide else r.x + r.w / 2
        canvas.setFillColor(INK)
        for fitted, font, after in block:
            self._lines(canvas, fitted, font, x, top, align)
            top -= fitted.height + after

    @staticmethod
    def _lines(canvas: Canvas, fitted: Fitted, font: str, x: float, top: float,
               align: str) -> None:
        """Draw ``fitted`` with the first line's top at ``top``."""
        canvas.setFont(font, fitted.size)
        y = top - fitted.size * 0.93
        for line in fitted.lines:
            if align == "centre":
                canvas.drawCentredString(x, y, line)
            else:
                canvas.drawString(x, y, line)
            y -= fitted.line_height

    # -- sheet furniture ---------------------------------------------------------------------

    def _crop_marks(self, canvas: Canvas, used: int) -> None:
        """Marks in the sheet's margins in line with every cut."""
        width, height = self.layout.page
        rects = [self.layout.slot(i) for i in range(used)] if not self.layout.fold else \
            [self.layout.strip(i) for i in range(used)]
        xs = sorted({round(v, 2) for r in rects for v in (r.x, r.x + r.w)})
        ys = sorted({round(v, 2) for r in rects for v in (r.y, r.y + r.h)})
        low_y = min(r.y for r in rects)
        high_y = max(r.y + r.h for r in rects)
        low_x = min(r.x for r in rects)
        high_x = max(r.x + r.w for r in rects)
        canvas.saveState()
        canvas.setLineWidth(0.3)
        canvas.setStrokeColor(colors.black)
        for x in xs:
            canvas.line(x, low_y - CROP_GAP, x, max(low_y - CROP_GAP - CROP_MARK, 0))
            canvas.line(x, high_y + CROP_GAP, x, min(high_y + CROP_GAP + CROP_MARK, height))
        for y in ys:
            canvas.line(low_x - CROP_GAP, y, max(low_x - CROP_GAP - CROP_MARK, 0), y)
            canvas.line(high_x + CROP_GAP, y, min(high_x + CROP_GAP + CROP_MARK, width), y)
        canvas.restoreState()

    def _fold_line(self, canvas: Canvas, front: Rect) -> None:
        canvas.saveState()
        canvas.setDash(*FOLD_DASH)
        canvas.setLineWidth(0.3)
        canvas.setStrokeColor(MUTED)
        canvas.line(front.x, front.y + front.h, front.x + front.w, front.y + front.h)
        canvas.restoreState()

