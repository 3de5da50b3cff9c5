"""What every page of an open mission shares: the file, the undo stack, the job runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:  # the window shows before the database layer is imported
    from desktop.checks import Ref
    from desktop.db.missionfile import MissionFile
    from desktop.ui.operations import OperationRunner


class MissionEvents(QObject):
    """News about the open mission, so every view refreshes what it shows.

    Signals:
        changed(str): records of this kind changed (``"person"``, ``"organization"``,
            ``"session"`` ... or ``"*"`` for anything).
    """

    changed = Signal(str)


class MissionContext:
    """Handed to each page: the open mission and the window services it may use."""

    def __init__(self, mission: MissionFile, *, undo_stack: QUndoStack,
                 runner: OperationRunner, events: MissionEvents,
                 open_ref: Callable[[Ref], None],
                 show_error: Callable[[BaseException], None]) -> None:
        self.mission = mission
        self.undo_stack = undo_stack
        self.runner = runner
        self.events = events
        self.open_ref = open_ref
        self.show_error = show_error

    @property
    def read_only(self) -> bool:
        return self.mission.read_only
