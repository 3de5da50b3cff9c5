"""Every change a user makes is one transaction and one step on the undo stack.

A command does its work through the services, inside ``mission.transaction()``. The first run
happens in :func:`execute` (so a validation error reaches the form that asked, and nothing is
pushed); later undo and redo run from the stack. Deletes take a
:class:`~desktop.ui.snapshots.Snapshot` first, so undo brings the record back with its flights,
stays, meetings and the rest, under the same ids.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from desktop.errors import ConcurrentChangeError
from desktop.ui.context import MissionContext
from desktop.ui.snapshots import Snapshot, restore_snapshot, take_snapshot


class MissionCommand(QUndoCommand):
    """A change to the mission; subclasses implement :meth:`apply` and :meth:`revert`."""

    def __init__(self, context: MissionContext, text: str, kind: str) -> None:
        super().__init__(text)
        self.context = context
        self.kind = kind
        self._first = True

    def apply(self, session: Session) -> None:
        raise NotImplementedError

    def revert(self, session: Session) -> None:
        raise NotImplementedError

    def _run(self, step: Callable[[Session], None]) -> None:
        try:
            with self.context.mission.transaction() as session:
                step(session)
        except ConcurrentChangeError:
            self.context.events.changed.emit("*")  # show what the other organiser saved
            raise
        self.context.events.changed.emit(self.kind)

    def redo(self) -> None:
        if self._first:  # already applied by execute()
            self._first = False
            return
        try:
            self._run(self.apply)
        except Exception as exc:
            self.context.show_error(exc)

    def undo(self) -> None:
        try:
            self._run(self.revert)
        except Exception as exc:
            self.context.show_error(exc)


def execute(command: MissionCommand) -> MissionCommand:
    """Apply ``command`` now (errors propagate, nothing is pushed) and push it for undo."""
    command._run(command.apply)
    command.context.undo_stack.push(command)
    return command


class AddCommand(MissionCommand):
    """Create a record with a service; undo deletes it, redo puts the very same row back."""

    def __init__(self, context: MissionContext, text: str, kind: str, table: str,
                 add: Callable[[Session], int], delete: Callable[[Session, int], None]) -> None:
        super().__init__(context, text, kind)
        self.table = table
        self._add = add
        self._delete = delete
        self.record_id: int | None = None
        self._snapshot: Snapshot | None = None

    def apply(self, session: Session) -> None:
        if self._snapshot is None:
            self.record_id = self._add(session)
        else:
            restore_snapshot(session, self._snapshot)

    def revert(self, session: Session) -> None:
        assert self.record_id is not None
        self._snapshot = take_snapshot(session, self.table, [self.record_id])
        self._delete(session, self.record_id)


class UpdateCommand(MissionCommand):
    """Change a record's fields through its service's update function."""

    def __init__(self, context: MissionContext, text: str, kind: str, record_id: int,
                 update: Callable[[Session, int, Any], object], before: Any,
                 after: Any) -> None:
        super().__init__(context, text, kind)
        self.record_id = record_id
        self._update = update
        self.before = before
        self.after = after

    def apply(self, session: Session) -> None:
        self._update(session, self.record_id, self.after)

    def revert(self, session: Session) -> None:
        self._update(session, self.record_id, self.before)


class DeleteCommand(MissionCommand):
    """Delete records with a service; undo restores them with everything that went along."""

    def __init__(self, context: MissionContext, text: str, kind: str, table: str,
                 ids: list[int], delete: Callable[[Session, int], None]) -> None:
        super().__init__(context, text, kind)
        self.table = table
        self.ids = list(ids)
        self._delete = delete
        self._snapshot: Snapshot | None = None

    def apply(self, session: Session) -> None:
        self._snapshot = take_snapshot(session, self.table, self.ids)
        for record_id in self.ids:
            self._delete(session, record_id)

    def revert(self, session: Session) -> None:
        assert self._snapshot is not None
        restore_snapshot(session, self._snapshot)
