"""A second block chooser that follows the schedule's: the set-up tabs show the block the
schedule shows, and choosing a block on one of them chooses it everywhere."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget


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
