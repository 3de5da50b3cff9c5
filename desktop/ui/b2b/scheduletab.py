"""The schedule editor: a block's slots × tables, meetings moved, swapped, locked and unlocked
by hand, each change one undo step; and the buttons that schedule the block automatically."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.b2b.meetings import (
    delete_meeting,
    get_meeting,
    move_meeting,
    set_locked,
    swap_meetings,
)
from desktop.b2b.setup import list_blocks
from desktop.errors import MissionDeskError
from desktop.i18n import _, current_language, format_weekday_date, ngettext
from desktop.ui.b2b.commands import MeetingsChange
from desktop.ui.b2b.gridmodel import MeetingGridModel
from desktop.ui.b2b.gridview import MeetingGridView
from desktop.ui.b2b.scheduling import SEARCH_TIMES_S, saved_search_time, search_time_text
from desktop.ui.b2b.style import legend
from desktop.ui.b2b.zoom import ZOOMS
from desktop.ui.context import MissionContext
from desktop.ui.dialogs import error_text
from desktop.ui.settings import app_settings
from desktop.ui.undo import execute

REFUSED_STYLE = "color: #a4000f; font-weight: bold;"


FIT = "fit"  # the zoom box's last choice: the tables as wide as the view allows (down to MIN_ZOOM)


class ScheduleTab(QWidget):
    """A block chooser, the grid with its legend, lock buttons and what just happened.

    Signals:
        schedule_requested(bool): the user asked to schedule (``True``: re-plan, keeping
            today's placements where possible).
        agenda_requested(int): show this participant's agenda.
        search_time_chosen(float): the organiser chose how long a run may search (seconds).
    """

    schedule_requested = Signal(bool)
    agenda_requested = Signal(int)
    search_time_chosen = Signal(float)

    def __init__(self, context: MissionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.blocks = QComboBox()
        self.blocks.setObjectName("blockChooser")
        self.blocks.setMinimumContentsLength(36)
        self.blocks.currentIndexChanged.connect(self._block_chosen)
        self.model = MeetingGridModel(context.mission.session_factory, self)
        self.model.editable = not context.read_only
        self.model.move_requested.connect(self.move_to)
        self.model.swap_requested.connect(self.swap_pair)
        self.model.refused.connect(self.refuse)
        self.view = MeetingGridView()
        self.view.setModel(self.model)
        self.view.hint.connect(self.say)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(self._open_agenda)
        self.lock_button = QPushButton(_("&Lock"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setToolTip(_("Lock the selected meeting so that neither the scheduler "
                                      "nor a drag moves it (Ctrl+L)"))
        self.lock_button.clicked.connect(self.toggle_lock)
        lock_action = QAction(self)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        lock_action.triggered.connect(self.toggle_lock)
        self.addAction(lock_action)
        self.schedule_button = QPushButton(_("&Schedule automatically"))
        self.schedule_button.setObjectName("scheduleButton")
        self.schedule_button.setToolTip(_("Place every requested meeting of the mission; "
                                          "meetings locked or placed by hand stay"))
        self.schedule_button.clicked.connect(lambda: self.schedule_requested.emit(False))
        self.replan_button = QPushButton(_("&Re-plan after changes"))
        self.replan_button.setObjectName("replanButton")
        self.replan_button.setToolTip(_("Schedule again, moving as few meetings as possible, "
                                        "and say what moved"))
        self.replan_button.clicked.connect(lambda: self.schedule_requested.emit(True))
        for button in (self.lock_button, self.schedule_button, self.replan_button):
            button.setEnabled(not context.read_only)
        # Callables adding items to a meeting's context menu (the interpreter menu).
        self.menu_extensions: list[Callable[[QMenu, int], None]] = []
        self.counts = QLabel()
        self.counts.setObjectName("blockCounts")
        self.counts.setWordWrap(True)  # a long line must not widen the window
        self.model.modelReset.connect(self._update_counts)
        self.feedback = QLabel()
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.search_time_box = QComboBox()
        self.search_time_box.setObjectName("searchTimeBox")
        for seconds in SEARCH_TIMES_S:
            self.search_time_box.addItem(search_time_text(seconds), seconds)
        self.search_time_box.setCurrentIndex(SEARCH_TIMES_S.index(saved_search_time()))
        self.search_time_box.setToolTip(_(
            "How long “Schedule automatically” and “Re-plan after changes” may search. The "
            "search ends sooner once its schedule is proved the best possible; a longer time "
            "may find fewer breaks, or prove what a shorter one could not."))
        self.search_time_box.activated.connect(self._search_time_chosen)
        search_label = QLabel(_("Search &time:"))
        search_label.setBuddy(self.search_time_box)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("B2B &block:")))
        top.itemAt(0).widget().setBuddy(self.blocks)  # type: ignore[union-attr]
        top.addWidget(self.blocks, 1)
        top.addWidget(self.lock_button)
        top.addSpacing(12)
        top.addWidget(search_label)
        top.addWidget(self.search_time_box)
        top.addWidget(self.schedule_button)
        top.addWidget(self.replan_button)
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("zoomBox")
        for factor in ZOOMS:
            self.zoom_box.addItem(_("{percent}%").format(percent=round(factor * 100)), factor)
        self.zoom_box.addItem(_("Fit the tables to the width"), FIT)
        self.zoom_box.setToolTip(_("Smaller cells show more tables at once (also Ctrl+wheel, "
                                   "Ctrl++ and Ctrl+−; Ctrl+0 for the usual size)"))
        self.zoom_box.activated.connect(self._zoom_chosen)
        self.view.zoomer.changed.connect(self._zoom_shown)
        self._fitting = False
        self._fit_note = ""  # what fitting last said under the grid
        zoom_label = QLabel(_("&Zoom:"))
        zoom_label.setBuddy(self.zoom_box)
        under = QHBoxLayout()
        under.addWidget(legend(), 1)
        under.addWidget(zoom_label)
        under.addWidget(self.zoom_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(under)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.feedback)

    def _search_time_chosen(self, index: int) -> None:
        self.search_time_chosen.emit(float(self.search_time_box.itemData(index)))

    # -- zoom ------------------------------------------------------------------------------

    def _zoom_chosen(self, index: int) -> None:
        choice = self.zoom_box.itemData(index)
        app_settings().setValue("b2b/zoom", choice)
        if choice == FIT:
            self._fit()
        else:
            self.view.zoomer.set(float(choice))
            if self.feedback.text() == self._fit_note:  # it spoke of the fitting only
                self.say("")

    def _zoom_shown(self, factor: float) -> None:
        """The box shows the step the grid is at, or the fitting for a fitted size."""
        found = next((i for i in range(len(ZOOMS)) if abs(ZOOMS[i] - factor) < 1e-6), None)
        if self._fitting or found is None:
            self.zoom_box.setCurrentIndex(len(ZOOMS))
            return
        self.zoom_box.setCurrentIndex(found)
        app_settings().setValue("b2b/zoom", ZOOMS[found])  # Ctrl+wheel or keys: kept too

    def restore_zoom(self) -> None:
        """The zoom the organiser left the grid at (the usual size the first time)."""
        choice = app_settings().value("b2b/zoom", 1.0)
        if choice == FIT:
            QTimer.singleShot(0, self, self._fit)  # once the grid has its width
            return
        try:
            self.view.zoomer.set(float(choice))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            self.view.zoomer.set(1.0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.zoom_box.currentData() == FIT:
            QTimer.singleShot(0, self, self._fit)

    def _fit(self) -> None:
        """The tables fitted to the width; the box then shows the fitting, not a step."""
        self._fitting = True
        fitted = self.view.zoomer.fit_columns()
        self._fitting = False
        tables = self.model.columnCount()
        if fitted is not None and fitted < tables:
            self._fit_note = _("At the smallest readable size, {n} of the {total} tables fit "
                               "the width: scroll right for the others, or widen the "
                               "window.").format(n=fitted, total=tables)
            self.say(self._fit_note)

    # -- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        self.model.forget_people()
        current = self.blocks.currentData()
        self.blocks.blockSignals(True)
        self.blocks.clear()
        with self.context.mission.session_factory() as session:
            for block in list_blocks(session):
                self.blocks.addItem(_("{day}: {title}").format(
                    day=format_weekday_date(block.starts_at.date()),
                    title=block.title_in(current_language())),
                    block.id)
        self.blocks.blockSignals(False)
        found = self.blocks.findData(current)
        self.blocks.setCurrentIndex(max(found, 0))
        self._block_chosen()
        self.restore_zoom()

    def _block_chosen(self) -> None:
        self.model.set_block(self.blocks.currentData())
        self._current_changed(QModelIndex())
        if not self.blocks.count():
            self.say(_("There is no B2B block yet: add one on the Programme page, then cut it "
                       "into slots on the Blocks tab."))

    def reload(self, *, meetings_only: bool = False) -> None:
        """Read the block again, keeping the selected meeting selected; ``meetings_only``:
        only meetings changed, so what is known of the participants still holds."""
        if not meetings_only:
            self.model.forget_people()
        current = self.model.cell(self.view.currentIndex())
        self.model.reload()
        if current is not None:
            self.view.setCurrentIndex(self.model.index_of(current.meeting_id))
        self._current_changed(self.view.currentIndex())

    def show_meeting(self, meeting_id: int) -> bool:
        with self.context.mission.session_factory() as session:
            try:
                block_id = get_meeting(session, meeting_id).slot.session_id
            except MissionDeskError:
                return False
        found = self.blocks.findData(block_id)
        if found < 0:
            return False
        self.blocks.setCurrentIndex(found)
        index = self.model.index_of(meeting_id)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return index.isValid()

    # -- telling the user -------------------------------------------------------------------

    def _update_counts(self) -> None:
        """What the block holds, under the grid: meetings, locked ones, slots × tables."""
        model = self.model
        slots, tables = model.rowCount(), model.columnCount()
        if model.block_id is None or not slots or not tables:
            self.counts.setText("")
            return
        cells = model.cells()
        size = (ngettext("{n} slot", "{n} slots", slots).format(n=slots) + " × "
                + ngettext("{n} table", "{n} tables", tables).format(n=tables))
        waiting = ngettext("{n} accepted request is not scheduled yet",
                           "{n} accepted requests are not scheduled yet",
                           model.waiting).format(n=model.waiting)
        if not cells:
            text = _("No meeting in this block yet ({size}).").format(size=size)
            if model.waiting:
                text += " " + ngettext(
                    "{n} accepted request is not scheduled yet: “Schedule automatically” "
                    "places it.",
                    "{n} accepted requests are not scheduled yet: “Schedule automatically” "
                    "places them.", model.waiting).format(n=model.waiting)
            self.counts.setText(text)
            return
        locked = sum(1 for cell in cells if cell.locked)
        parts = [ngettext("{n} meeting in this block", "{n} meetings in this block",
                          len(cells)).format(n=len(cells))]
        if locked:
            parts[0] = ngettext("{meetings} ({n} locked)", "{meetings} ({n} locked)",
                                locked).format(meetings=parts[0], n=locked)
        parts.append(size)
        if model.waiting:
            parts.append(waiting)
        blocked = sum(1 for cell in cells if cell.blocked)
        flagged = sum(1 for cell in cells if cell.problems and not cell.blocked)
        if blocked:
            parts.append(ngettext("{n} meeting cannot be held where it is (in red: point at "
                                  "it to see why)",
                                  "{n} meetings cannot be held where they are (in red: point "
                                  "at them to see why)", blocked).format(n=blocked))
        if flagged:
            parts.append(ngettext("{n} meeting needs a look (⚠: point at it to see why)",
                                  "{n} meetings need a look (⚠: point at them to see why)",
                                  flagged).format(n=flagged))
        self.counts.setText(" · ".join(parts))

    def say(self, text: str, *, refused: bool = False) -> None:
        self.feedback.setStyleSheet(REFUSED_STYLE if refused else "")
        self.feedback.setText(text)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10000)

    def refuse(self, reasons: str) -> None:
        self.say(_("Not moved: {reasons}").format(reasons=reasons), refused=True)

    # -- changes ----------------------------------------------------------------------------

    def _run(self, text: str, change: MeetingsChange) -> bool:
        try:
            execute(change)
        except MissionDeskError as exc:
            self.say(_("Not changed: {reasons}").format(reasons=error_text(exc)), refused=True)
            return False
        self.say(text)
        return True

    def move_to(self, meeting_id: int, slot_id: int, table_id: int) -> bool:
        def change(session: Session) -> object:
            return move_meeting(session, meeting_id, slot_id, table_id)

        return self._run(_("Meeting moved. Undo with Ctrl+Z."), MeetingsChange(
            self.context, _("Move a meeting"), change, lambda _s: [meeting_id]))

    def swap_pair(self, first_id: int, second_id: int) -> bool:
        def change(session: Session) -> object:
            return swap_meetings(session, first_id, second_id)

        return self._run(_("Meetings swapped. Undo with Ctrl+Z."), MeetingsChange(
            self.context, _("Swap two meetings"), change, lambda _s: [first_id, second_id]))

    def set_locked(self, meeting_id: int, locked: bool) -> bool:
        def change(session: Session) -> object:
            return set_locked(session, meeting_id, locked)

        text = _("Lock a meeting") if locked else _("Unlock a meeting")
        done = (_("Meeting locked: the scheduler and drags leave it where it is.") if locked
                else _("Meeting unlocked."))
        return self._run(done, MeetingsChange(self.context, text, change,
                                              lambda _s: [meeting_id]))

    def delete_current(self) -> bool:
        cell = self.model.cell(self.view.currentIndex())
        if cell is None:
            self.say(_("Select a meeting first."))
            return False
        meeting_id = cell.meeting_id

        def change(session: Session) -> object:
            delete_meeting(session, meeting_id)
            return None

        return self._run(_("Meeting deleted. Undo with Ctrl+Z."), MeetingsChange(
            self.context, _("Delete a meeting"), change, lambda _s: [meeting_id]))

    def toggle_lock(self) -> None:
        cell = self.model.cell(self.view.currentIndex())
        if cell is None or self.context.read_only:
            self.say(_("Select a meeting first."))
            return
        self.set_locked(cell.meeting_id, not cell.locked)

    def _current_changed(self, index: QModelIndex) -> None:
        cell = self.model.cell(index)
        self.lock_button.setText(_("Un&lock") if cell is not None and cell.locked
                                 else _("&Lock"))
        self.lock_button.setEnabled(cell is not None and not self.context.read_only)

    def _open_agenda(self, index: QModelIndex) -> None:
        cell = self.model.cell(index)
        if cell is not None:
            with self.context.mission.session_factory() as session:
                self.agenda_requested.emit(get_meeting(session, cell.meeting_id)
                                           .participant_a_id)

    def _menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        cell = self.model.cell(index)
        if cell is None:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        lock = menu.addAction(_("Unlock") if cell.locked else _("Lock"))
        lock.setEnabled(not self.context.read_only)
        lock.triggered.connect(self.toggle_lock)
        with self.context.mission.session_factory() as session:
            meeting = get_meeting(session, cell.meeting_id)
            parties = [(meeting.participant_a_id, meeting.participant_a.name),
                       (meeting.participant_b_id, meeting.participant_b.name)]
        for participant_id, name in parties:
            action = menu.addAction(_("Agenda of {name}").format(name=name))
            action.triggered.connect(
                lambda _c=False, p=participant_id: self.agenda_requested.emit(p))
        for extend in self.menu_extensions:
            extend(menu, cell.meeting_id)
        menu.popup(self.view.viewport().mapToGlobal(point))
