"""The B2B meetings page: the schedule editor, agendas, requests, a summary and the blocks."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.checks import Ref
from desktop.i18n import _
from desktop.ui.b2b.agenda import AgendaTab
from desktop.ui.b2b.availabilitytab import AvailabilityTab
from desktop.ui.b2b.blockstab import BlocksTab
from desktop.ui.b2b.gridkeys import InterpreterMenu, KeyboardMoves
from desktop.ui.b2b.interpreterstab import InterpretersTab
from desktop.ui.b2b.matrix import MatrixTab
from desktop.ui.b2b.scheduletab import ScheduleTab
from desktop.ui.b2b.scheduling import Scheduler
from desktop.ui.b2b.setupcommands import AVAILABILITY_KIND, BLOCK_KIND, INTERPRETER_KIND
from desktop.ui.b2b.summary import SummaryTab
from desktop.ui.context import MissionContext
from desktop.ui.pages import PageSpec, register_page
from desktop.ui.pages.base import Page

WATCHED = {"*", "meeting", "meeting_request", "session", "program_session", "person",
           "organization", "flight",
           # the set-up tabs: slots and tables, availability, interpreters
           BLOCK_KIND, AVAILABILITY_KIND, INTERPRETER_KIND}


class B2BPage(Page):
    """Tabs over the mission's B2B meetings; every tab reloads when meetings or requests
    change."""

    key = "b2b"

    def __init__(self, context: MissionContext) -> None:
        super().__init__(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("b2bTabs")
        self.schedule = ScheduleTab(context)
        self.scheduler = Scheduler(context, self.schedule)
        self.schedule.schedule_requested.connect(self.scheduler.start)
        self.schedule.search_time_chosen.connect(self.scheduler.set_time_limit)
        self.agenda = AgendaTab(context)
        self.matrix = MatrixTab(context)
        self.summary = SummaryTab(context)
        self.schedule.agenda_requested.connect(self.show_agenda)
        self.keyboard_moves = KeyboardMoves(self.schedule)
        self.interpreter_menu = InterpreterMenu(self.schedule)
        self.tabs.addTab(self.schedule, _("&Schedule"))
        self.tabs.addTab(self.agenda, _("&Agendas and wish lists"))
        self.tabs.addTab(self.matrix, _("&Requests"))
        self.tabs.addTab(self.summary, _("S&ummary"))
        # Setting the blocks up: slots and tables, who is away when, interpreters.
        self.blocks_tab = BlocksTab(context, self.schedule.blocks)
        self.tabs.addTab(self.blocks_tab, _("B&locks"))
        self.availability = AvailabilityTab(context, self.schedule.blocks)
        self.tabs.addTab(self.availability, _("A&vailability"))
        self.interpreters = InterpretersTab(context, self.schedule.blocks)
        self.tabs.addTab(self.interpreters, _("&Interpreters"))
        self.tabs.currentChanged.connect(self._tab_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self._stale: set[QWidget | None] = set()
        context.events.changed.connect(self._changed)

    def load(self) -> None:
        self.schedule.load()
        self._stale = {self.tabs.widget(n) for n in range(1, self.tabs.count())}
        self._tab_chosen(self.tabs.currentIndex())

    def _changed(self, kind: str) -> None:
        if not self._activated or kind not in WATCHED:
            return
        if kind == "program_session" or kind == "session":
            self.schedule.load()
        else:
            self.schedule.reload(meetings_only=kind == "meeting")
        self._stale = {self.tabs.widget(n) for n in range(1, self.tabs.count())}
        self._tab_chosen(self.tabs.currentIndex())

    def show_agenda(self, participant_id: int) -> None:
        self.tabs.setCurrentWidget(self.agenda)
        self.agenda.show_participant(participant_id)

    def _tab_chosen(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.summary:
            self.summary.model.reasons = self.scheduler.last_reasons
        if widget in self._stale:
            self._stale.discard(widget)
            load = getattr(widget, "load", None)
            if callable(load):
                load()

    def document_kind(self) -> str | None:
        """The master grid of a block from the schedule, else each participant's agenda."""
        return "b2b-grid" if self.tabs.currentWidget() in (self.schedule, self.blocks_tab) \
            else "b2b-participant"

    def can_delete(self) -> bool:
        return not self.context.read_only and self.tabs.currentWidget() in (self.schedule,
                                                                            self.matrix)

    def delete_selected(self) -> None:
        """Delete: withdraw the request under the cursor, or delete the selected meeting."""
        if not self.can_delete():
            return
        if self.tabs.currentWidget() is self.matrix:
            self.matrix.model.request_edit(self.matrix.view.currentIndex(), None)
        else:
            self.schedule.delete_current()

    def open_ref(self, ref: Ref) -> bool:
        if ref.kind == "meeting_request":
            self.activate()
            self.tabs.setCurrentWidget(self.matrix)
            return True
        if ref.kind == "meeting":
            self.activate()
            self.tabs.setCurrentWidget(self.schedule)
            return self.schedule.show_meeting(ref.id)
        return False


register_page(PageSpec("b2b", lambda: _("B2B meetings"), B2BPage,
                       ref_kinds=("meeting", "meeting_request"), order=50))
