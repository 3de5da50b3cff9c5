"""What the schedule grid offers besides dragging: cut and paste to move or swap a meeting
from the keyboard, and a meeting's interpreter chosen from its context menu.

Both judge a change with the very services a drag uses, so the refusals read the same.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QMenu
from sqlalchemy.orm import Session

from desktop.b2b.meetings import get_meeting, interpreter_choices, set_interpreter
from desktop.errors import MissionDeskError
from desktop.i18n import _
from desktop.ui.b2b.commands import MeetingsChange
from desktop.ui.b2b.scheduletab import ScheduleTab
from desktop.ui.dialogs import error_text
from desktop.ui.undo import execute


class KeyboardMoves(QObject):
    """Ctrl+X on a meeting, then Ctrl+V on an empty cell (move) or a meeting (swap); Escape
    forgets the cut meeting."""

    def __init__(self, tab: ScheduleTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.cut_id: int | None = None
        tab.view.cut_requested.connect(self.cut)
        tab.view.paste_requested.connect(self.paste)
        tab.view.cancel_requested.connect(self.cancel)

    def cut(self, index: QModelIndex) -> None:
        cell = self.tab.model.cell(index)
        if cell is None or self.tab.context.read_only:
            self.cut_id = None
            self.tab.say(_("Select a meeting first."))
            return
        self.cut_id = cell.meeting_id
        self.tab.say(_("Cut: {a} and {b}. Select an empty cell to move the meeting there, or "
                       "another meeting to swap them, and press Ctrl+V (Esc cancels).").format(
            a=cell.first, b=cell.second))

    def cancel(self) -> None:
        if self.cut_id is not None:
            self.cut_id = None
            self.tab.say(_("Nothing cut any more."))

    def paste(self, index: QModelIndex) -> bool:
        """Move or swap the cut meeting; refused, saying why, as a drop there would be."""
        meeting_id = self.cut_id
        if meeting_id is None:
            self.tab.say(_("Cut a meeting first (Ctrl+X)."))
            return False
        model = self.tab.model
        reasons = model.drop_reasons(meeting_id, index)
        if reasons:
            self.tab.refuse(" ".join(reasons))
            return False
        other = model.cell(index)
        if other is None:
            done = self.tab.move_to(meeting_id, model.slot_ids[index.row()],
                                    model.table_ids[index.column()])
        else:
            done = self.tab.swap_pair(meeting_id, other.meeting_id)
        if done:
            self.cut_id = None
            self.tab.view.setCurrentIndex(model.index_of(meeting_id))
        return done


class InterpreterMenu(QObject):
    """Adds "Interpreter" to a meeting's context menu: the interpreters free then (the others
    greyed out, saying why), and "No interpreter"."""

    def __init__(self, tab: ScheduleTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.menu: QMenu | None = None
        tab.menu_extensions.append(self.extend)

    def extend(self, menu: QMenu, meeting_id: int) -> None:
        sub = menu.addMenu(_("&Interpreter"))
        sub.setObjectName("interpreterMenu")
        sub.setToolTipsVisible(True)
        self.menu = sub
        with self.tab.context.mission.session_factory() as session:
            current = get_meeting(session, meeting_id).interpreter_id
            choices = interpreter_choices(session, meeting_id)
        editable = not self.tab.context.read_only
        for interpreter_id, name, reasons in choices:
            action = sub.addAction(name if not reasons else
                                   _("{name} (not free)").format(name=name))
            action.setCheckable(True)
            action.setChecked(interpreter_id == current)
            action.setData(interpreter_id)
            action.setEnabled(editable and (not reasons or interpreter_id == current))
            if reasons:
                action.setToolTip(" ".join(reasons))
            action.triggered.connect(
                lambda _c=False, i=interpreter_id: self.set(meeting_id, i))
        if not choices:
            sub.addAction(_("The mission has no interpreter yet.")).setEnabled(False)
        sub.addSeparator()
        none = sub.addAction(_("No interpreter"))
        none.setEnabled(editable and current is not None)
        none.triggered.connect(lambda _c=False: self.set(meeting_id, None))

    def set(self, meeting_id: int, interpreter_id: int | None) -> bool:
        """Seat the interpreter at the meeting (or none); refused with the reason."""

        def change(session: Session) -> object:
            return set_interpreter(session, meeting_id, interpreter_id)

        text = (_("Set the interpreter") if interpreter_id is not None
                else _("Remove the interpreter"))
        try:
            execute(MeetingsChange(self.tab.context, text, change, lambda _s: [meeting_id]))
        except MissionDeskError as exc:
            self.tab.say(_("Not changed: {reasons}").format(reasons=error_text(exc)),
                         refused=True)
            return False
        self.tab.say(_("Interpreter set. Undo with Ctrl+Z.") if interpreter_id is not None
                     else _("Interpreter removed. Undo with Ctrl+Z."))
        return True
