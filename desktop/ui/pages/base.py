"""What the main window expects of a page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.checks import Ref
    from desktop.ui.context import MissionContext


class Page(QWidget):
    """One page of an open mission. Pages load their data when first shown (:meth:`activate`),
    and follow :class:`~desktop.ui.context.MissionEvents` to stay current."""

    key = ""

    def __init__(self, context: MissionContext) -> None:
        super().__init__()
        self.context = context
        self._activated = False

    def activate(self) -> None:
        """Called each time the page is shown; loads on the first call."""
        if not self._activated:
            self._activated = True
            self.load()

    def load(self) -> None:
        """Read what the page shows."""

    def open_ref(self, ref: Ref) -> bool:
        """Show the record ``ref``; False if this page cannot."""
        return False

    def focus_find(self) -> None:
        """Put the cursor in the page's filter, if it has one."""

    def can_delete(self) -> bool:
        return False

    def delete_selected(self) -> None:
        """Delete what is selected (after confirmation)."""

    def document_kind(self) -> str | None:
        """The printed document that goes with what the page shows (a key of the Documents
        page's list, e.g. ``"directory"``), for File ▸ Print; None when nothing fits."""
        return None

    def save_state(self) -> None:
        """Remember splitters and column widths."""
