"""Scheduling from the page: in the background, with live progress, a Stop button that keeps
the best schedule so far, the result stored as one undo step and reported in words."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.b2b import solver
from desktop.b2b.instance import Instance, Schedule
from desktop.b2b.setup import set_unavailable
from desktop.db.missionfile import MissionFile
from desktop.db.models import B2BSlot, Meeting
from desktop.ui.b2b.page import B2BPage
from desktop.ui.b2b.scheduletab import ScheduleTab
from desktop.ui.b2b.scheduling import saved_search_time
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
    assert text.startswith("All 3 meetings placed, 1 of them required. 0 breaks in all, proved "
                           "the fewest possible. Found in ")
    assert "3 meetings created" in text
    assert "All 3 meetings placed" in page.schedule.feedback.text()
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
    # The partial schedule was not stored: its counts would only mislead.
    assert "required meetings cannot be placed:" in text and "per priority" not in text
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
    assert "The search lasts at most 2 min" in scheduler.dialog.limit.text()
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


def test_the_search_time_chosen_is_used_by_the_next_run_and_remembered(
        open_window: Callable[..., MainWindow], forum: Forum, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(forum.path)
    page = without_meetings(window)
    box = page.schedule.search_time_box
    offered = [box.itemText(i) for i in range(box.count())]
    assert offered == ["10 s", "30 s", "1 min", "2 min", "5 min", "10 min", "30 min"]
    assert box.currentText() == "1 min" and page.scheduler.time_limit_s == 60  # first time
    asked: list[float | None] = []
    monkeypatch.setattr(solver, "solve", _wrapped(solver.solve, asked))
    box.setCurrentIndex(4)
    box.activated.emit(4)  # what a click on "5 min" sends
    assert page.scheduler.time_limit_s == 300
    operation = page.scheduler.start()
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    assert asked == [300]
    assert meeting_count(page) == 3  # (the wrapper caps the run itself at 5 s)
    assert saved_search_time() == 300  # and the next window starts with it
    again = ScheduleTab(page.context)
    qtbot.addWidget(again)  # closed and deleted with the test, before the window
    assert again.search_time_box.currentText() == "5 min"


def _wrapped(solve: Callable[..., Schedule], asked: list[float | None]) -> Callable[..., Schedule]:
    def wrapper(instance: Instance, *, time_limit_s: float | None = None,
                **kwargs: Any) -> Schedule:
        asked.append(time_limit_s)
        return solve(instance, time_limit_s=5, **kwargs)
    return wrapper


def test_a_schedule_not_proved_points_to_a_longer_search_time(
        open_window: Callable[..., MainWindow], forum: Forum, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = without_meetings(open_window(forum.path))
    real = solver.solve

    def unproved(instance: Instance, **kwargs: Any) -> Schedule:
        # As a forum whose proof outlasts the search time ends: a schedule, a lower bound.
        return dataclasses.replace(real(instance, **kwargs), status="feasible")

    monkeypatch.setattr(solver, "solve", unproved)
    page.scheduler.time_limit_s = 10
    operation = page.scheduler.start()
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    text = page.scheduler.result_dialog.text.toPlainText()  # type: ignore[union-attr]
    assert "not proved that no schedule places more" in text
    assert "Not proved the best possible within the search time (10 s)" in text
    assert meeting_count(page) == 3  # the schedule found is stored all the same


def test_the_progress_bar_tells_the_search_time_used(qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from desktop.ui.b2b import scheduling

    dialog = scheduling.ProgressDialog("Scheduling", threading.Event(), None, 300)
    qtbot.addWidget(dialog)
    start = dialog._started
    monkeypatch.setattr(scheduling.time, "monotonic", lambda: start + 75)
    dialog._tick()
    assert dialog.bar.format() == "1 min 15 s of at most 5 min"
    assert dialog.bar.value() == 250
    dialog.show_progress(161, 161, "Best schedule so far: 161 of 161 meetings placed.")
    assert dialog.bar.value() == 250  # meetings placed do not fill the bar
    assert dialog.text.text() == "Best schedule so far: 161 of 161 meetings placed."
