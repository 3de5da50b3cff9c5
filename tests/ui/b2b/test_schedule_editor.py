"""The schedule editor: meetings dragged in the grid, refused with the reason, undone, swapped,
locked."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.db.models import Meeting
from desktop.ui.b2b.gridmodel import KIND_ROLE, MeetingGridModel
from desktop.ui.b2b.page import B2BPage
from desktop.ui.b2b.scheduletab import ScheduleTab
from desktop.ui.b2b.setupcommands import UnavailabilityChange
from desktop.ui.mainwindow import MainWindow
from desktop.ui.undo import execute

from .conftest import Forum


@pytest.fixture
def tab(open_window: Callable[..., MainWindow], forum: Forum) -> ScheduleTab:
    window = open_window(forum.path)
    page = window.show_page("b2b")
    assert isinstance(page, B2BPage)
    return page.schedule


def places(tab: ScheduleTab) -> dict[int, tuple[int, int]]:
    with tab.context.mission.session_factory() as session:
        return {m.id: (m.slot_id, m.table_id) for m in session.scalars(select(Meeting))}


def cell(tab: ScheduleTab, forum: Forum, slot: int, table: int) -> QModelIndex:
    model = tab.model
    return model.index(model.slot_ids.index(forum.slots[slot]),
                       model.table_ids.index(forum.tables[table]))


def drag(tab: ScheduleTab, source: QModelIndex, target: QModelIndex) -> bool:
    """Drag the meeting at ``source`` over ``target`` and drop it there, through the grid's
    own drag-move and drop handlers (called with the events a mouse drag delivers)."""
    view = tab.view
    data = tab.model.mimeData([source])
    point = view.visualRect(target).center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # Qt 6 keeps only this (QPoint) form of the event
        warnings.simplefilter("ignore", DeprecationWarning)
        move = QDragMoveEvent(point, Qt.DropAction.MoveAction, data, buttons, keys)
    view.dragMoveEvent(move)
    drop = QDropEvent(point.toPointF(), Qt.DropAction.MoveAction, data, buttons, keys)
    view.dropEvent(drop)
    return drop.isAccepted()


def test_the_grid_shows_both_parties_of_each_meeting(tab: ScheduleTab, forum: Forum) -> None:
    model = tab.model
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.data(cell(tab, forum, 0, 0)) == "Atlas Offshore\nCasa Data"
    assert model.data(cell(tab, forum, 1, 1)) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "T1"
    assert "Both asked" in model.data(cell(tab, forum, 0, 0), Qt.ItemDataRole.ToolTipRole)


def test_a_conflicting_drag_is_refused_with_the_reason(tab: ScheduleTab, forum: Forum,
                                                       qtbot: QtBot) -> None:
    before = places(tab)
    hints: list[str] = []
    tab.view.hint.connect(hints.append)
    # Atlas already meets Maroc in slot 2: Atlas–Casa cannot go there.
    assert not drag(tab, cell(tab, forum, 0, 0), cell(tab, forum, 1, 1))
    assert hints and "Atlas Offshore already meets Maroc Soft" in hints[0]
    assert "Atlas Offshore already meets Maroc Soft" in tab.feedback.text()
    assert tab.feedback.text().startswith("Not moved")
    window = tab.window()
    assert isinstance(window, MainWindow)
    assert "already meets" in window.statusBar().currentMessage()
    assert places(tab) == before
    assert tab.context.undo_stack.count() == 0


def test_a_valid_move_is_made_and_undone(tab: ScheduleTab, forum: Forum) -> None:
    meeting = forum.meetings["atlas-casa"]
    assert drag(tab, cell(tab, forum, 0, 0), cell(tab, forum, 2, 1))
    assert places(tab)[meeting] == (forum.slots[2], forum.tables[1])
    assert tab.model.data(cell(tab, forum, 2, 1)) == "Atlas Offshore\nCasa Data"
    assert tab.model.data(cell(tab, forum, 0, 0)) is None
    stack = tab.context.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Move a meeting"
    stack.undo()
    assert places(tab)[meeting] == (forum.slots[0], forum.tables[0])
    assert tab.model.data(cell(tab, forum, 0, 0)) == "Atlas Offshore\nCasa Data"
    stack.redo()
    assert places(tab)[meeting] == (forum.slots[2], forum.tables[1])


def test_dropping_on_another_meeting_swaps_the_two(tab: ScheduleTab, forum: Forum) -> None:
    casa, boston = forum.meetings["atlas-casa"], forum.meetings["boston-maroc"]
    # Onto Atlas–Maroc one slot later: Maroc would then meet Boston and Atlas at once.
    assert not drag(tab, cell(tab, forum, 0, 0), cell(tab, forum, 1, 0))
    assert "Maroc Soft already meets Boston Code" in tab.feedback.text()
    assert drag(tab, cell(tab, forum, 0, 0), cell(tab, forum, 0, 1))
    after = places(tab)
    assert (after[casa], after[boston]) == ((forum.slots[0], forum.tables[1]),
                                            (forum.slots[0], forum.tables[0]))
    assert "swapped" in tab.feedback.text()
    assert tab.model.data(cell(tab, forum, 0, 0)) == "Boston Code\nMaroc Soft"
    tab.context.undo_stack.undo()
    after = places(tab)
    assert (after[casa], after[boston]) == ((forum.slots[0], forum.tables[0]),
                                            (forum.slots[0], forum.tables[1]))


def test_a_locked_meeting_cannot_be_dragged(tab: ScheduleTab, forum: Forum,
                                            qtbot: QtBot) -> None:
    source = cell(tab, forum, 0, 0)
    tab.view.setCurrentIndex(source)
    qtbot.mouseClick(tab.lock_button, Qt.MouseButton.LeftButton)
    source = cell(tab, forum, 0, 0)
    assert tab.model.cell(source) is not None and tab.model.cell(source).locked  # type: ignore[union-attr]
    assert not tab.model.flags(source) & Qt.ItemFlag.ItemIsDragEnabled
    assert tab.model.data(source, Qt.ItemDataRole.DecorationRole) is not None
    assert tab.lock_button.text().replace("&", "") == "Unlock"
    before = places(tab)
    assert not drag(tab, source, cell(tab, forum, 2, 1))
    assert "is locked" in tab.feedback.text()
    assert places(tab) == before
    tab.context.undo_stack.undo()  # unlock again
    assert tab.model.flags(cell(tab, forum, 0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_under_the_grid_the_block_counts_its_meetings(tab: ScheduleTab, forum: Forum,
                                                      qtbot: QtBot) -> None:
    assert tab.counts.text() == "3 meetings in this block · 3 slots × 2 tables"
    assert tab.model.waiting == 0
    tab.view.setCurrentIndex(cell(tab, forum, 0, 0))
    qtbot.mouseClick(tab.lock_button, Qt.MouseButton.LeftButton)
    assert tab.counts.text() == "3 meetings in this block (1 locked) · 3 slots × 2 tables"
    with tab.context.mission.transaction() as session:
        for meeting in session.scalars(select(Meeting)):
            session.delete(meeting)
    tab.reload()
    assert tab.counts.text() == ("No meeting in this block yet (3 slots × 2 tables). 1 accepted "
                                 "request is not scheduled yet: “Schedule automatically” "
                                 "places it.")


def test_a_meeting_someone_can_no_longer_attend_shows_in_red_with_the_reason(
        tab: ScheduleTab, forum: Forum) -> None:
    # Atlas meets Casa in slot 1; Atlas's flight is now late.
    execute(UnavailabilityChange(tab.context, "away", forum.teams["Atlas Offshore"],
                                 forum.slots[0], "flight late"))
    index = cell(tab, forum, 0, 0)
    model = tab.model
    assert model.data(index, KIND_ROLE) == "conflict"
    assert model.data(index).startswith("⚠ Atlas Offshore")
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Atlas Offshore cannot attend the meeting Atlas Offshore – Casa Data")
    assert "flight late" in tip
    assert tab.counts.text() == ("3 meetings in this block · 3 slots × 2 tables · 1 meeting "
                                 "cannot be held where it is (in red: point at it to see why)")
    assert model.data(cell(tab, forum, 1, 0), KIND_ROLE) != "conflict"
    # A meeting moved keeps what is known of the participants; a mark changed drops it.
    known = model.people
    assert drag(tab, cell(tab, forum, 1, 0), cell(tab, forum, 2, 0))
    assert model.people is known
    tab.context.undo_stack.undo()
    assert model.people is known
    tab.context.undo_stack.undo()
    assert model.people is not known
    assert model.data(cell(tab, forum, 0, 0), KIND_ROLE) != "conflict"
    assert tab.counts.text() == "3 meetings in this block · 3 slots × 2 tables"


def test_the_grid_model_follows_the_rules_of_qt_models(tab: ScheduleTab, forum: Forum,
                                                       qtmodeltester: object) -> None:
    model = MeetingGridModel(tab.context.mission.session_factory)
    model.set_block(tab.model.block_id)
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_a_point_outside_the_cells_is_not_a_target(tab: ScheduleTab, forum: Forum) -> None:
    reasons = tab.model.drop_reasons(forum.meetings["atlas-casa"],
                                     tab.view.indexAt(QPoint(-5, -5)))
    assert reasons == ["Drop the meeting on a cell of the grid."]



def test_delete_removes_the_selected_meeting_undoably(tab: ScheduleTab, forum: Forum) -> None:
    tab.view.setCurrentIndex(cell(tab, forum, 0, 0))
    window = tab.window()
    assert isinstance(window, MainWindow)
    window.delete_action.trigger()
    assert forum.meetings["atlas-casa"] not in places(tab)
    tab.context.undo_stack.undo()
    assert places(tab)[forum.meetings["atlas-casa"]] == (forum.slots[0], forum.tables[0])


def test_the_grid_zooms_out_to_show_more_tables_and_remembers_it(
        tab: ScheduleTab, forum: Forum, qtbot: QtBot) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    from desktop.ui.b2b.gridview import CELL_HEIGHT, CELL_WIDTH
    from desktop.ui.settings import app_settings

    view, box = tab.view, tab.zoom_box
    usual = view.font().pointSizeF()
    box.setCurrentIndex(box.findData(0.5))
    box.activated.emit(box.currentIndex())
    assert view.horizontalHeader().sectionSize(0) == CELL_WIDTH // 2
    assert view.verticalHeader().sectionSize(0) == CELL_HEIGHT // 2
    assert view.font().pointSizeF() < usual
    assert float(app_settings().value("b2b/zoom")) == 0.5

    wheel = QWheelEvent(QPointF(10, 10), QPointF(10, 10), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(wheel)
    assert view.zoomer.factor == 0.65 and box.currentData() == 0.65
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomer.factor == 1.0 and view.horizontalHeader().sectionSize(1) == CELL_WIDTH

    box.setCurrentIndex(box.count() - 1)  # fit the tables to the width
    box.activated.emit(box.currentIndex())
    assert box.currentIndex() == box.count() - 1
    assert app_settings().value("b2b/zoom") == "fit"
    columns = tab.model.columnCount()
    assert columns * view.horizontalHeader().sectionSize(0) <= view.viewport().width()
    assert view.zoomer.factor <= 1.0
    app_settings().setValue("b2b/zoom", 0.8)
    tab.restore_zoom()  # as the tab does when it loads
    assert view.zoomer.factor == 0.8 and box.currentData() == 0.8


def test_fitting_says_how_many_tables_fit_when_not_all_can(qtbot: QtBot) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from desktop.ui.b2b.zoom import MIN_ZOOM, TableZoom

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(3, 20, view))
    zoom = TableZoom(view, QSize(190, 40))
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    fitted = zoom.fit_columns()
    assert zoom.factor == MIN_ZOOM  # no smaller: the names would be unreadable
    assert fitted is not None and 0 < fitted < 20
    assert fitted * view.horizontalHeader().sectionSize(0) <= view.viewport().width()
    view.setModel(QStandardItemModel(3, 4, view))
    assert zoom.fit_columns() == 4


def test_the_lunch_break_is_marked_across_the_grid(
        open_window: Callable[..., MainWindow], demo_path: Path) -> None:
    from desktop.ui.b2b.gridmodel import PAUSE_ROLE

    page = open_window(demo_path).show_page("b2b")
    assert isinstance(page, B2BPage)
    model = page.schedule.model
    marked = [r for r in range(model.rowCount()) if model.index(r, 0).data(PAUSE_ROLE)]
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in marked] == ["2:00 PM–2:20 PM"]
    assert model.headerData(marked[0], Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) \
        == "A pause comes before this slot: 12:40 PM–2:00 PM."
    assert model.index(marked[0], 5).data(PAUSE_ROLE)  # every cell of the row, empty or not
    assert not model.index(0, 0).data(PAUSE_ROLE)
