"""QR codes holding a vCard, encoded fast and drawn as a single filled path.

Encoding decides how fast badges come out (a mask chosen automatically costs five times a
fixed one), so codes use a fixed mask, and large batches encode on every core. Each code is
drawn as one path of horizontal runs rather than one rectangle per module, its operators
prepared with the encoding.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

QUIET_MODULES = 2  # white border around the code, in modules (phones cope with 2)
ERROR_LEVEL = "m"
RUN_HEIGHT = "1.04"  # modules
PARALLEL_FROM = 200  # codes; fewer are encoded in this process
Matrix = tuple[tuple[int, int, int], ...]  # dark runs: (row, first column, length)
_DARK = re.compile(rb"[\x01-\xff]+")


@dataclass(frozen=True)
class VCard:
    """The contact a badge hands over."""

    given_name: str
    family_name: str
    display_name: str = ""
    organization: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""

    def text(self) -> str:
        """vCard 3.0 text (CRLF line ends, values escaped)."""
        lines = ["BEGIN:VCARD", "VERSION:3.0",
                 f"N:{_esc(self.family_name)};{_esc(self.given_name)};;;",
                 f"FN:{_esc(self.display_name or f'{self.given_name} {self.family_name}')}"]
        if self.organization:
            lines.append(f"ORG:{_esc(self.organization)}")
        if self.title:
            lines.append(f"TITLE:{_esc(self.title)}")
        if self.email:
            lines.append(f"EMAIL:{_esc(self.email)}")
        if self.phone:
            lines.append(f"TEL;TYPE=CELL:{_esc(self.phone)}")
        lines.append("END:VCARD")
        return "\r\n".join(lines)


def _esc(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


@dataclass(frozen=True)
class QRCode:
    """An encoded code: its size in modules (quiet zone included), its dark runs, and the
    PDF path operators that fill them in module units (top row first)."""

    modules: int
    runs: Matrix
    path: str


def encode(text: str) -> QRCode:
    """Encode ``text`` (UTF-8) with a fixed mask."""
    import segno

    code = segno.make_qr(text.encode("utf-8"), error=ERROR_LEVEL, mask=0, boost_error=False)
    matrix = code.matrix
    runs = tuple((row_index + QUIET_MODULES, m.start() + QUIET_MODULES, m.end() - m.start())
                 for row_index, row in enumerate(matrix) for m in _DARK.finditer(bytes(row)))
    # A run is a touch taller than its row so that viewers show no seams between rows.
    path = "\n".join(f"{col} {row} {length} {RUN_HEIGHT} re" for row, col, length in runs)
    return QRCode(len(matrix) + 2 * QUIET_MODULES, runs, path)


def encode_many(texts: Sequence[str], workers: int | None = None) -> list[QRCode]:
    """Encode many codes, on every core when there are enough to be worth it."""
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(texts) < PARALLEL_FROM:
        return [encode(t) for t in texts]
    chunk = max(1, len(texts) // (count * 4))
    with ProcessPoolExecutor(max_workers=count) as pool:
        return list(pool.map(encode, texts, chunksize=chunk))


def draw(canvas: Canvas, code: QRCode, x: float, y: float, size: float) -> None:
    """Draw ``code`` as a ``size``-point square with its lower-left corner at (x, y), as one
    filled path in module units (writing a few hundred integer rectangles directly is ten
    times faster than a path built rectangle by rectangle)."""
    module = size / code.modules
    canvas.saveState()
    canvas.transform(module, 0, 0, -module, x, y + size)
    canvas.addLiteral(code.path + "\nf")
    canvas.restoreState()
