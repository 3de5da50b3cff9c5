"""Scheduling from the page: in the background, with live progress, a Stop button that keeps
the best schedule so far, the result stored as one undo step and reported in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.b2b.setup import set_unavailable
from desktop.db.missionfile import MissionFile
from desktop.db.models import B2BSlot, Meeting
from desktop.ui.b2b.page import B2BPage
from desktop.ui.mainwindow import MainWindow

from .conftest import Forum


def page_of(window: MainWindow) -> B2BPage:
    page = window.show_page("b2b")
    assert isinstance(page, B2BPage)
    return page


def meeting_count(page: B2BPage) -> int:
    with page.context.mission.session_factory() as session:
        return session.scalar(select(func.count()).select_from(Meeting)) or 0


def without_meetings(window: MainWindow) -> B2BPage:
    """The B2B page of a forum whose meetings were all deleted: everything left to place."""
    page = page_of(window)
    with page.context.mission.transaction() as session:
        session.execute(Meeting.__table__.delete())
    page.schedule.reload()
    return page


def test_scheduling_places_the_meetings_and_can_be_undone(
        open_window: Callable[..., MainWindow], forum: Forum, qtbot: QtBot) -> None:
    page = without_meetings(open_window(forum.path))
    scheduler = page.scheduler
    scheduler.time_limit_s = 5
    qtbot.mouseClick(page.schedule.schedule_button, Qt.MouseButton.LeftButton)
    operation = scheduler.operation
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    assert meeting_count(page) == 3
    assert scheduler.last_counts is not None
    assert (scheduler.last_counts.placed, scheduler.last_counts.to_place) == (3, 3)
    assert scheduler.result_dialog is not None
    text = scheduler.result_dialog.text.toPlainText()
    assert "3 of 3 meetings placed" in text and "3 meetings created" in text
    assert "3 of 3 meetings placed" in page.schedule.feedback.text()
    model = page.schedule.model
    shown = [model.data(model.index(r, c)) for r in range(model.rowCount())
             for c in range(model.columnCount())]
    assert sum(1 for text in shown if text) == 3
    page.context.undo_stack.undo()
    assert meeting_count(page) == 0


def test_an_impossible_schedule_stores_nothing_and_says_why(
        open_window: Callable[..., MainWindow], forum: Forum, qtbot: QtBot) -> None:
    page = page_of(open_window(forum.path))
    with page.context.mission.transaction() as session:
        session.execute(Meeting.__table__.delete())
        for slot in session.scalars(select(B2BSlot)):
            set_unavailable(session, forum.teams["Boston Code"], slot.id, "stuck in Paris")
    page.scheduler.time_limit_s = 5
    operation = page.scheduler.start()
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    dialog = page.scheduler.result_dialog
    assert dialog is not None
    text = dialog.text.toPlainText()
    assert "Boston Code – Maroc Soft" in text and "Nothing was stored." in text
    assert meeting_count(page) == 0
    assert page.context.undo_stack.count() == 0


def test_stop_keeps_the_best_schedule_found_so_far(
        open_window: Callable[..., MainWindow], demo_path: Path, qtbot: QtBot) -> None:
    page = page_of(open_window(demo_path))
    before = meeting_count(page)
    scheduler = page.scheduler
    scheduler.time_limit_s = 120
    operation = scheduler.start()
    assert operation is not None and scheduler.dialog is not None
    with qtbot.waitSignal(operation.progress, timeout=30000,
                          check_params_cb=lambda done, total, text: done > 0):
        pass
    assert "meetings placed" in scheduler.dialog.text.text()
    qtbot.mouseClick(scheduler.dialog.stop_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(operation.finished, timeout=60000):
        pass
    counts = scheduler.last_counts
    assert counts is not None and counts.placed > 0 and counts.seconds < 60
    assert meeting_count(page) >= counts.placed > before
    assert "Stopped by you" in scheduler.result_dialog.text.toPlainText()  # type: ignore[union-attr]
    assert page.context.undo_stack.undoText() == "Schedule the B2B meetings"


def test_closing_the_mission_while_scheduling_stores_nothing(
        open_window: Callable[..., MainWindow], demo_path: Path, qtbot: QtBot) -> None:
    window = open_window(demo_path)
    page = page_of(window)
    before = meeting_count(page)
    scheduler = page.scheduler
    scheduler.time_limit_s = 120
    operation = scheduler.start()
    assert operation is not None
    assert operation in window.runner.running()  # the window's runner, not a pool aside
    with qtbot.waitSignal(operation.progress, timeout=30000,
                          check_params_cb=lambda done, total, text: done > 0):
        pass
    window.close_mission()  # cancels the search and waits for it
    assert operation.cancelled
    qtbot.waitUntil(lambda: operation.done, timeout=30000)
    assert scheduler.result_dialog is None
    mission = MissionFile.open(demo_path, read_only=True)
    try:
        with mission.session_factory() as session:
            assert (session.scalar(select(func.count()).select_from(Meeting)) or 0) == before
    finally:
        mission.close()


def test_the_summary_says_what_the_automatic_schedule_proved_while_it_holds(
        open_window: Callable[..., MainWindow], forum: Forum, qtbot: QtBot) -> None:
    page = without_meetings(open_window(forum.path))
    page.tabs.setCurrentWidget(page.summary)
    assert not page.summary.run_note.isVisibleTo(page.summary)  # never scheduled yet
    page.scheduler.time_limit_s = 5
    operation = page.scheduler.start()
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    page.tabs.setCurrentWidget(page.schedule)
    page.tabs.setCurrentWidget(page.summary)
    note = page.summary.run_note
    assert note.isVisibleTo(page.summary)
    assert "3 of 3 meetings placed" in note.text()
    assert "proved the fewest possible" in note.text()
    page.context.undo_stack.undo()  # the meetings are gone: the claim no longer holds
    page.tabs.setCurrentWidget(page.schedule)
    page.tabs.setCurrentWidget(page.summary)
    assert "schedule again or re-plan" in note.text()
