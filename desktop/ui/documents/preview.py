"""The first page of the chosen document, scaled to fit, like a sheet on the desk."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN = 16
SHADOW = 4
BACKGROUND = QColor("#d9dde1")


class PagePreview(QWidget):
    """Paints a page image scaled to the widget (never upscaled past 1.5×), or a message
    while there is none (being prepared, nothing to print, an error)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.image = QImage()
        self.message = ""
        self.setMinimumSize(240, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.message = ""
        self.update()

    def set_message(self, message: str, *, keep_image: bool = False) -> None:
        """Show ``message`` (over a dimmed page when ``keep_image``)."""
        if not keep_image:
            self.image = QImage()
        self.message = message
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 640)

    def page_rect(self) -> QRectF:
        """Where the page is drawn (empty without an image)."""
        if self.image.isNull():
            return QRectF()
        room_w, room_h = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        scale = min(room_w / self.image.width(), room_h / self.image.height(), 1.5)
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        target = self.page_rect()
        if not target.isEmpty():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.fillRect(target.translated(SHADOW, SHADOW), QColor(0, 0, 0, 60))
            painter.drawImage(target, self.image)
            if self.message:
                painter.fillRect(target, QColor(255, 255, 255, 150))
        if self.message:
            painter.setPen(QColor("#3d4852"))
            painter.drawText(self.rect().adjusted(MARGIN * 2, 0, -MARGIN * 2, 0),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.message)
        painter.end()
