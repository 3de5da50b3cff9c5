"""The Availability tab: the grid of who cannot meet when in the chosen block, a filter on the
participants' names, and the reason given to new marks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.errors import MissionDeskError
from desktop.i18n import _
from desktop.ui.b2b.availability import (
    DERIVED,
    DERIVED_COLOUR,
    EXPLICIT,
    EXPLICIT_COLOUR,
    AvailabilityModel,
    ToggleView,
)
from desktop.ui.b2b.blockchooser import BlockTab
from desktop.ui.b2b.setupcommands import UnavailabilityChange
from desktop.ui.context import MissionContext
from desktop.ui.dialogs import error_text
from desktop.ui.undo import execute

REFUSED_STYLE = "color: #a4000f; font-weight: bold;"


def swatch(colour: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"background: {colour}; color: #1a1a1a; padding: 2px 8px; "
                        "border-radius: 3px;")
    return label


class AvailabilityTab(BlockTab):
    """Participants × slots of the block chosen on the page; marks set by hand toggle."""

    def __init__(self, context: MissionContext, source: QComboBox,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, source, parent)
        self.filter = QLineEdit()
        self.filter.setObjectName("availabilityFilter")
        self.filter.setPlaceholderText(_("Filter participants by name"))
        self.filter.setClearButtonEnabled(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(_("e.g. board call"))
        self.model = AvailabilityModel(context.mission.session_factory, self)
        self.filter.textChanged.connect(self.model.set_filter)
        self.view = ToggleView()
        self.view.setObjectName("availabilityGrid")
        self.view.setModel(self.model)
        self.view.toggle_requested.connect(self.toggle)
        self.feedback = QLabel()
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)
        self.feedback.setText(_("Click a slot (or press Space) to mark the participant away "
                                "then; click again to clear it. Late arrivals, early "
                                "departures and programme sessions are marked by themselves."))

        top = QHBoxLayout()
        caption = QLabel(_("B2B &block:"))
        caption.setBuddy(self.blocks)
        top.addWidget(caption)
        top.addWidget(self.blocks, 1)
        find = QLabel(_("&Filter:"))
        find.setBuddy(self.filter)
        top.addWidget(find)
        top.addWidget(self.filter, 1)
        second = QHBoxLayout()
        why = QLabel(_("&Reason for new marks:"))
        why.setBuddy(self.reason)
        second.addWidget(why)
        second.addWidget(self.reason, 1)
        second.addSpacing(16)
        second.addWidget(QLabel(_("Legend:")))
        second.addWidget(swatch(DERIVED_COLOUR, _("From flights or the programme")))
        second.addWidget(swatch(EXPLICIT_COLOUR, _("Set by hand")))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.feedback)

    def load(self) -> None:
        super().load()
        current = self.view.currentIndex()
        self.model.set_block(self.loaded_block)
        if current.isValid():
            self.view.setCurrentIndex(self.model.index(current.row(), current.column()))

    def say(self, text: str, *, refused: bool = False) -> None:
        self.feedback.setStyleSheet(REFUSED_STYLE if refused else "")
        self.feedback.setText(text)

    def toggle(self, index: QModelIndex) -> bool:
        """Set or clear the mark set by hand; a derived one is refused, saying why."""
        if not index.isValid() or self.context.read_only:
            return False
        participant_id, slot_id = self.model.place(index)
        name = self.model.name(participant_id)
        state = self.model.state(index)
        if state == DERIVED:
            self.say(_("Not changed: {name} cannot meet then ({reason}); this comes from the "
                       "flights and the programme.").format(
                name=name, reason=self.model.derived_reason(index)), refused=True)
            return False
        if state == EXPLICIT:
            command = UnavailabilityChange(self.context, _("Clear an unavailability"),
                                           participant_id, slot_id, None)
            done = _("{name} is available again. Undo with Ctrl+Z.").format(name=name)
        else:
            command = UnavailabilityChange(self.context, _("Mark unavailable"),
                                           participant_id, slot_id, self.reason.text())
            done = _("{name} marked unavailable. Undo with Ctrl+Z.").format(name=name)
        try:
            execute(command)
        except MissionDeskError as exc:
            self.say(_("Not changed: {reasons}").format(reasons=error_text(exc)), refused=True)
            return False
        self.say(done)
        return True
