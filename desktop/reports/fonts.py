"""The fonts every document embeds, registered with ReportLab once per process.

DejaVu Sans ships in ``resources/fonts``: it covers Latin with accents and the Arabic
presentation forms that shaping produces, so one family prints every name.
"""

from __future__ import annotations

import threading
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.errors import LayoutError
from desktop.i18n import _

SANS = "MissionSans"
SANS_BOLD = "MissionSans-Bold"
SANS_ITALIC = "MissionSans-Oblique"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the document fonts (and their bold/italic mapping) if not done yet."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = resources.files("resources").joinpath("fonts")
        for name, filename in _FILES.items():
            path = folder.joinpath(filename)
            if not path.is_file():
                raise LayoutError(_("The font {file} is missing from this installation.")
                                  .format(file=filename))
            with resources.as_file(path) as real_path:
                pdfmetrics.registerFont(TTFont(name, str(real_path)))
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS_ITALIC)
        addMapping(SANS, 1, 1, SANS_BOLD)
        _registered = True


def string_width(text: str, font: str, size: float) -> float:
    """The width in points of ``text`` set in ``font`` at ``size``."""
    return pdfmetrics.stringWidth(text, font, size)
