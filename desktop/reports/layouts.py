"""Badge layouts: where each badge of a sheet lies.

Sheets are filled left to right, top to bottom, the grid centred on the page. Label-sheet
layouts follow the common inserts: 4"×3" (six per Letter sheet, like Avery 5392) and
3⅜"×2⅓" (eight per Letter sheet, like Avery 5395). A foldable badge is a strip twice the
badge's height: the lower half is the front, the upper half the back printed upside down, so
the name reads on both sides once folded over the lanyard clip.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, A6, LETTER
from reportlab.lib.units import inch, mm

from desktop.i18n import N_


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def contains(self, x0: float, y0: float, x1: float, y1: float, slack: float = 0.5) -> bool:
        return (x0 >= self.x - slack and y0 >= self.y - slack and x1 <= self.x + self.w + slack
                and y1 <= self.y + self.h + slack)


@dataclass(frozen=True)
class BadgeLayout:
    """A page size, a badge size, a grid and the gaps between badges (points)."""

    name: str
    description: str  # marked for translation, translated when shown
    page: tuple[float, float]
    badge: tuple[float, float]
    columns: int
    rows: int
    gap: tuple[float, float] = (0.0, 0.0)
    crop_marks: bool = False
    fold: bool = False

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def strip(self, slot: int) -> Rect:
        """The whole area of slot ``slot`` (both faces of a foldable badge)."""
        width, height = self.badge
        if self.fold:
            height *= 2
        grid_w = self.columns * width + (self.columns - 1) * self.gap[0]
        grid_h = self.rows * height + (self.rows - 1) * self.gap[1]
        left = (self.page[0] - grid_w) / 2
        top = (self.page[1] + grid_h) / 2
        column, row = slot % self.columns, slot // self.columns
        return Rect(left + column * (width + self.gap[0]),
                    top - (row + 1) * height - row * self.gap[1], width, height)

    def slot(self, slot: int) -> Rect:
        """The badge (the front face, when foldable) of slot ``slot``."""
        area = self.strip(slot)
        return Rect(area.x, area.y, self.badge[0], self.badge[1])

    def faces(self, slot: int) -> list[Rect]:
        """The face(s) of slot ``slot``: front then back for a foldable badge."""
        front = self.slot(slot)
        if not self.fold:
            return [front]
        return [front, Rect(front.x, front.y + front.h, front.w, front.h)]


LAYOUTS: dict[str, BadgeLayout] = {layout.name: layout for layout in (
    BadgeLayout("a6", N_("One A6 badge per page"), A6, A6, 1, 1),
    BadgeLayout("a4-4", N_("Four A6-size badges per A4 sheet, crop marks"), A4,
                (95 * mm, 135 * mm), 2, 2, gap=(8 * mm, 8 * mm), crop_marks=True),
    BadgeLayout("letter-4", N_("Four badges per Letter sheet, crop marks"), LETTER,
                (98 * mm, 130 * mm), 2, 2, gap=(8 * mm, 8 * mm), crop_marks=True),
    BadgeLayout("letter-6", N_("4\"×3\" badge inserts, six per Letter sheet"), LETTER,
                (4 * inch, 3 * inch), 2, 3),
    BadgeLayout("letter-8", N_("3⅜\"×2⅓\" name badge labels, eight per Letter sheet"), LETTER,
                (3.375 * inch, 2.333 * inch), 2, 4, gap=(0.375 * inch, 0.16 * inch)),
    BadgeLayout("a4-8", N_("Eight 90×60 mm badges per A4 sheet, crop marks"), A4,
                (90 * mm, 60 * mm), 2, 4, gap=(8 * mm, 8 * mm), crop_marks=True),
    BadgeLayout("a4-fold", N_("Foldable badges, name on both sides, two per A4 sheet"), A4,
                (100 * mm, 140 * mm), 2, 1, gap=(6 * mm, 0), crop_marks=True, fold=True),
)}
