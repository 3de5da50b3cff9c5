"""Moving meetings without a mouse: Ctrl+X on a meeting, Ctrl+V on an empty cell moves it,
on another meeting swaps the two; refusals read as they do for a drag."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.db.models import Meeting
from desktop.ui.b2b.page import B2BPage
from desktop.ui.b2b.scheduletab import ScheduleTab
from desktop.ui.mainwindow import MainWindow

from .conftest import Forum

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def tab(open_window: Callable[..., MainWindow], forum: Forum) -> ScheduleTab:
    page = open_window(forum.path).show_page("b2b")
    assert isinstance(page, B2BPage)
    page.schedule.view.setFocus()
    return page.schedule


def places(tab: ScheduleTab) -> dict[int, tuple[int, int]]:
    with tab.context.mission.session_factory() as session:
        return {m.id: (m.slot_id, m.table_id) for m in session.scalars(select(Meeting))}


def cell(tab: ScheduleTab, forum: Forum, slot: int, table: int) -> QModelIndex:
    return tab.model.index(tab.model.slot_ids.index(forum.slots[slot]),
                           tab.model.table_ids.index(forum.tables[table]))


def key(qtbot: QtBot, tab: ScheduleTab, index: QModelIndex, letter: Qt.Key) -> None:
    tab.view.setCurrentIndex(index)
    qtbot.keyClick(tab.view, letter, CTRL)


def test_cut_then_paste_on_an_empty_cell_moves_the_meeting(tab: ScheduleTab, forum: Forum,
                                                           qtbot: QtBot) -> None:
    meeting = forum.meetings["atlas-casa"]
    key(qtbot, tab, cell(tab, forum, 0, 0), Qt.Key.Key_X)
    assert tab.feedback.text().startswith("Cut: Atlas Offshore and Casa Data.")
    key(qtbot, tab, cell(tab, forum, 2, 1), Qt.Key.Key_V)
    assert places(tab)[meeting] == (forum.slots[2], forum.tables[1])
    assert tab.view.currentIndex() == cell(tab, forum, 2, 1)
    assert tab.context.undo_stack.undoText() == "Move a meeting"
    tab.context.undo_stack.undo()
    assert places(tab)[meeting] == (forum.slots[0], forum.tables[0])


def test_paste_on_a_meeting_swaps_the_two(tab: ScheduleTab, forum: Forum,
                                          qtbot: QtBot) -> None:
    casa, boston = forum.meetings["atlas-casa"], forum.meetings["boston-maroc"]
    key(qtbot, tab, cell(tab, forum, 0, 0), Qt.Key.Key_X)
    key(qtbot, tab, cell(tab, forum, 0, 1), Qt.Key.Key_V)
    after = places(tab)
    assert (after[casa], after[boston]) == ((forum.slots[0], forum.tables[1]),
                                            (forum.slots[0], forum.tables[0]))
    assert "swapped" in tab.feedback.text()


def test_a_refused_paste_says_why_and_keeps_the_cut(tab: ScheduleTab, forum: Forum,
                                                    qtbot: QtBot) -> None:
    before = places(tab)
    key(qtbot, tab, cell(tab, forum, 0, 0), Qt.Key.Key_X)
    key(qtbot, tab, cell(tab, forum, 1, 1), Qt.Key.Key_V)
    assert tab.feedback.text().startswith("Not moved:")
    assert "Atlas Offshore already meets Maroc Soft" in tab.feedback.text()
    assert places(tab) == before and tab.context.undo_stack.count() == 0
    key(qtbot, tab, cell(tab, forum, 2, 0), Qt.Key.Key_V)  # the cut meeting is still held
    assert places(tab)[forum.meetings["atlas-casa"]] == (forum.slots[2], forum.tables[0])


def test_paste_without_a_cut_or_after_escape_does_nothing(tab: ScheduleTab, forum: Forum,
                                                          qtbot: QtBot) -> None:
    key(qtbot, tab, cell(tab, forum, 2, 1), Qt.Key.Key_V)
    assert tab.feedback.text() == "Cut a meeting first (Ctrl+X)."
    key(qtbot, tab, cell(tab, forum, 0, 0), Qt.Key.Key_X)
    qtbot.keyClick(tab.view, Qt.Key.Key_Escape)
    key(qtbot, tab, cell(tab, forum, 2, 1), Qt.Key.Key_V)
    assert tab.feedback.text() == "Cut a meeting first (Ctrl+X)."
    assert tab.context.undo_stack.count() == 0


def test_a_locked_meeting_is_refused_as_for_a_drag(tab: ScheduleTab, forum: Forum,
                                                   qtbot: QtBot) -> None:
    tab.view.setCurrentIndex(cell(tab, forum, 0, 0))
    tab.toggle_lock()
    key(qtbot, tab, cell(tab, forum, 0, 0), Qt.Key.Key_X)
    key(qtbot, tab, cell(tab, forum, 2, 1), Qt.Key.Key_V)
    assert "is locked; unlock it before moving it" in tab.feedback.text()
