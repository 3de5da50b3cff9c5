"""A second block chooser that follows the schedule's: the set-up tabs show the block the
schedule shows, and choosing a block on one of them chooses it everywhere. :class:`BlockTab` is
what those tabs share: the chooser, and loading lazily (when shown, or when the block changes
while visible)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.ui.context import MissionContext


def linked_chooser(source: QComboBox, parent: QWidget | None = None) -> QComboBox:
    """A combo box over ``source``'s items whose current block stays ``source``'s."""
    mirror = QComboBox(parent)
    mirror.setObjectName("blockChooser")
    mirror.setMinimumContentsLength(36)
    mirror.setModel(source.model())
    mirror.setCurrentIndex(source.currentIndex())

    def follow(index: int) -> None:
        if mirror.currentIndex() != index:
            mirror.setCurrentIndex(index)

    def lead(index: int) -> None:
        if index >= 0 and source.currentIndex() != index:
            source.setCurrentIndex(index)

    source.currentIndexChanged.connect(follow)
    mirror.currentIndexChanged.connect(lead)
    return mirror


class BlockTab(QWidget):
    """A set-up tab over the block chosen on the page. Subclasses extend :meth:`load` (calling
    this one first) and may narrow :meth:`block_changed` to what depends on the block."""

    def __init__(self, context: MissionContext, source: QComboBox,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loaded_block: int | None = -1  # nothing loaded yet
        self.blocks = linked_chooser(source, self)
        self.blocks.currentIndexChanged.connect(self._block_chosen)

    def load(self) -> None:
        """Load the tab for the block chosen now."""
        self.loaded_block = self.blocks.currentData()

    def block_changed(self) -> None:
        """The chosen block changed while the tab is visible."""
        self.load()

    def _block_chosen(self) -> None:
        if self.isVisible():
            self.block_changed()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.loaded_block != self.blocks.currentData():
            self.load()
