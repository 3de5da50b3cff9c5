"""Colours, the lock mark and the legend of the B2B views."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.i18n import _

# Light fills that keep dark text readable; each kind also differs in lightness.
KIND_COLOURS = {
    "mutual": "#b9e4c2",  # green: both sides asked
    "priority": "#ffd9a0",  # amber: priority 1
    "required": "#cfe0f7",  # blue: accepted, must be held
    "other": "#eeeeee",  # grey: an optional wish
    "conflict": "#f7b2ad",  # red: cannot be held as placed (someone away, booked twice)
}
INTERPRETER_COLOUR = "#7b3fa0"  # purple stripe on the left edge


def kind_labels() -> dict[str, str]:
    return {"mutual": _("Both asked (mutual)"), "priority": _("Priority 1"),
            "required": _("Accepted (required)"), "other": _("Other request"),
            "conflict": _("Cannot be held here")}


@cache
def lock_icon() -> QIcon:
    """A small padlock, drawn (no icon font needed)."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor("#5a3b00")
    painter.setPen(QPen(ink, 3.5))
    painter.drawArc(QRectF(9, 3, 14, 16), 0, 180 * 16)
    painter.drawLine(QPointF(9, 11), QPointF(9, 15))
    painter.drawLine(QPointF(23, 11), QPointF(23, 15))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawRoundedRect(QRectF(5, 14, 22, 16), 3, 3)
    painter.setBrush(QColor("#ffd35a"))
    painter.drawEllipse(QRectF(14, 19, 4, 4))
    painter.end()
    return QIcon(pixmap)


def _swatch(colour: str, text: str, *, stripe: bool = False) -> QLabel:
    label = QLabel(text)
    border = f"border-left: 6px solid {INTERPRETER_COLOUR};" if stripe else ""
    label.setStyleSheet(f"background: {colour}; color: #1a1a1a; padding: 2px 8px; "
                        f"border-radius: 3px; {border}")
    return label


def legend(labels: dict[str, str] | None = None, *, marks: bool = True) -> QWidget:
    """What the colours (``labels``: kind → text, the grid's by default) and, with
    ``marks``, the interpreter stripe and the lock of the grid mean."""
    widget = QWidget()
    widget.setObjectName("legend")
    row = QHBoxLayout(widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(QLabel(_("Legend:")))
    for kind, text in (labels or kind_labels()).items():
        row.addWidget(_swatch(KIND_COLOURS.get(kind, "#ffffff"), text))
    if marks:
        row.addWidget(_swatch("#ffffff", _("Interpreter"), stripe=True))
        locked = QLabel()
        locked.setPixmap(lock_icon().pixmap(16, 16))
        row.addWidget(locked)
        row.addWidget(QLabel(_("Locked")))
    row.addStretch(1)
    return widget
