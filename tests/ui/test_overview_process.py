"""The Overview's problems list is worked out in a child process, and falls back to a thread."""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.checks import Finding, Ref
from desktop.checks_process import findings_of_file, in_language, summary_of_file
from desktop.db.engine import sqlite_url
from desktop.db.missionfile import MissionFile
from desktop.ui import problemsworker
from desktop.ui.app import apply_language
from desktop.ui.mainwindow import MainWindow
from desktop.ui.pages.overview import OverviewPage
from desktop.ui.pages.people import PeoplePage
from desktop.ui.problemsworker import ProblemsProcess, problems_process

WAIT_MS = 30000  # a spawned child imports the database layer and the checks first


@pytest.fixture(autouse=True)
def _no_process_left() -> Iterator[None]:
    """Each test ends with the problems process shut down and no child process left."""
    yield
    problems_process().shutdown()
    assert multiprocessing.active_children() == []


class HeldExecutor(Executor):
    """An executor whose jobs the test runs by hand (here, in this process), in the order
    it chooses."""

    def __init__(self) -> None:
        self.submitted: list[tuple[Callable[..., Any], str, Future[Any]]] = []
        self.calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        work, path = (args[1], args[2]) if fn is in_language else (fn, args[0])
        self.submitted.append((work, str(path), future))
        self.calls.append((fn, args))
        return future

    def future(self, job: int) -> Future[Any]:
        return self.submitted[job][2]

    def run(self, job: int) -> None:
        fn, args = self.calls[job]
        self.submitted[job][2].set_result(fn(*args))

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass


def use_process(monkeypatch: pytest.MonkeyPatch, start: Callable[[], Executor]) -> list[int]:
    """Make the application's problems process start its executor with ``start``; returns
    the list that counts the starts."""
    starts: list[int] = []

    def counted() -> Executor:
        starts.append(1)
        return start()

    monkeypatch.setattr(problemsworker, "_shared", ProblemsProcess(start=counted))
    return starts


def overview_of(window: MainWindow) -> OverviewPage:
    page = window.current_page
    assert isinstance(page, OverviewPage)
    return page


def shown_messages(page: OverviewPage) -> list[str]:
    model = page.problems.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_problems_list_comes_from_the_child_process_and_opens_the_record(
        window: MainWindow, demo_path: Path, qtbot: QtBot,
        caplog: pytest.LogCaptureFixture) -> None:
    overview = overview_of(window)
    qtbot.waitUntil(lambda: overview.data is not None, timeout=WAIT_MS)
    assert problems_process().started
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert overview.data is not None
    assert overview.data.findings == findings_of_file(demo_path)
    assert overview.findings.rowCount() == len(overview.data.findings) > 0

    row = next(row for row, message in enumerate(shown_messages(overview))
               if "passport" in message)
    ref = overview.findings.ref_at(row)
    assert isinstance(ref, Ref) and ref.kind == "person"
    index = overview.problems.model().index(row, 0)
    overview.problems.scrollTo(index)
    centre = overview.problems.visualRect(index).center()
    qtbot.mouseClick(overview.problems.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(overview.problems.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    page = window.current_page
    assert isinstance(page, PeoplePage)
    qtbot.waitUntil(lambda: page.current_id == ref.id)


def test_the_child_process_speaks_the_window_s_language(window: MainWindow,
                                                         qtbot: QtBot) -> None:
    # The child starts in the system's language; the list must be in the one shown.
    apply_language("fr")
    try:
        window.retranslate()
        overview = overview_of(window)
        qtbot.waitUntil(lambda: overview.data is not None, timeout=WAIT_MS)
        messages = shown_messages(overview)
    finally:
        apply_language("en")
    assert any("passeport" in message for message in messages), messages
    assert not any("passport" in message for message in messages)


def test_the_child_process_reads_without_qt_below_the_window_s_priority(
        window: MainWindow, qtbot: QtBot) -> None:
    overview = overview_of(window)
    qtbot.waitUntil(lambda: overview.data is not None, timeout=WAIT_MS)
    executor = problems_process()._executor
    assert executor is not None
    assert executor.submit(eval, "'PySide6' in __import__('sys').modules").result() is False
    if hasattr(os, "nice"):  # it runs below the window's priority
        assert executor.submit(os.nice, 0).result() > os.nice(0)
    # The window still holds the file for writing: the child opened it read-only.
    assert window.mission is not None and not window.mission.read_only
    assert not window.context.read_only  # type: ignore[union-attr]


def test_a_result_for_a_closed_or_replaced_mission_is_ignored(
        open_window: Callable[..., MainWindow], demo_path: Path, tmp_path: Path,
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    held = HeldExecutor()
    use_process(monkeypatch, lambda: held)
    window = open_window(demo_path)
    first = overview_of(window)
    qtbot.waitUntil(lambda: len(held.submitted) == 2)
    assert [fn for fn, _path, _future in held.submitted] == [summary_of_file, findings_of_file]
    held.run(0)
    qtbot.waitUntil(lambda: first.card_values["people"].text() != "–")
    assert first.data is None and first.busy  # counts shown, problems still awaited

    # The mission changes: a second pass supersedes the first, whose problems list had
    # already started in the child.
    assert held.future(1).set_running_or_notify_cancel()
    window.events.changed.emit("person")
    qtbot.waitUntil(lambda: len(held.submitted) == 4)
    held.future(1).set_result([Finding("Stale: before the change", Ref("person", 1))])
    QApplication.processEvents()
    assert first.data is None

    # Another mission replaces it before its pass is done: what had not started is cancelled,
    # what had is ignored.
    assert held.future(3).set_running_or_notify_cancel()
    other = tmp_path / "Other.mission"
    shutil.copyfile(demo_path, other)
    with qtbot.waitSignal(window.mission_opened, timeout=WAIT_MS):
        window.open_path(other)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    second = overview_of(window)
    assert second is not first
    assert held.future(2).cancelled()
    qtbot.waitUntil(lambda: len(held.submitted) == 6)
    assert {path for _fn, path, _future in held.submitted[4:]} == {str(other)}

    held.future(3).set_result([Finding("Stale: the closed mission", Ref("person", 1))])
    held.run(4)
    QApplication.processEvents()
    assert second.data is None
    with qtbot.waitSignal(second.shown, timeout=WAIT_MS):
        held.run(5)
    assert second.data is not None and second.data.findings == findings_of_file(other)
    assert second.findings.rowCount() > 0
    assert not [m for m in shown_messages(second) if m.startswith("Stale")]


def test_the_list_is_worked_out_in_the_window_when_the_process_cannot_start(
        open_window: Callable[..., MainWindow], demo_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def refuse() -> Executor:
        raise OSError("no more processes")

    starts = use_process(monkeypatch, refuse)
    window = open_window(demo_path)
    overview = overview_of(window)
    qtbot.waitUntil(lambda: overview.data is not None, timeout=WAIT_MS)
    assert starts == [1]
    assert overview.data is not None
    assert overview.data.findings == findings_of_file(demo_path)
    assert any("cannot run in a process" in r.getMessage() for r in caplog.records)


def test_the_list_is_worked_out_in_the_window_when_the_process_breaks(
        open_window: Callable[..., MainWindow], demo_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    held = HeldExecutor()
    starts = use_process(monkeypatch, lambda: held)
    window = open_window(demo_path)
    overview = overview_of(window)
    qtbot.waitUntil(lambda: len(held.submitted) == 2)
    held.run(0)
    held.future(1).set_exception(BrokenProcessPool("the child died"))
    qtbot.waitUntil(lambda: overview.data is not None, timeout=WAIT_MS)
    assert overview.data is not None
    assert overview.data.findings == findings_of_file(demo_path)
    # The broken pool was dropped: the next pass starts a new one.
    overview.recheck.click()
    qtbot.waitUntil(lambda: len(held.submitted) == 4)
    assert starts == [1, 1]


def test_a_mission_that_is_not_a_file_gets_its_list_in_the_window(
        qtbot: QtBot, demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    starts = use_process(monkeypatch, HeldExecutor)
    mission = MissionFile.connect(sqlite_url(demo_path))
    assert mission.path is None
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    try:
        window.set_mission(mission, "overview")
        overview = overview_of(window)
        qtbot.waitUntil(lambda: overview.data is not None, timeout=WAIT_MS)
        assert overview.data is not None
        assert overview.data.findings == findings_of_file(demo_path)
        assert starts == []
    finally:
        window.close_mission()


def test_the_overview_says_what_the_automatic_schedule_proved(window: MainWindow,
                                                               qtbot: QtBot) -> None:
    from desktop.b2b.mission_commands import MissionCounts
    from desktop.b2b.runs import record_run

    overview = overview_of(window)
    qtbot.waitUntil(lambda: overview.data is not None, timeout=WAIT_MS)
    assert not overview.b2b_run.isVisibleTo(overview)  # never scheduled automatically
    counts = MissionCounts(placed=2, to_place=161, required=137, required_placed=2,
                           per_priority=(2, 0, 0), breaks=0, bound_breaks=0,
                           status="optimal", seconds=1.0)
    with window.context.mission.transaction() as session:
        assert record_run(session, counts, replan=False, max_break_spread=2) is not None
    overview.data = None
    overview.load()
    qtbot.waitUntil(lambda: overview.data is not None, timeout=WAIT_MS)
    assert overview.b2b_run.isVisibleTo(overview)
    assert "2 of 161 meetings placed, 0 breaks in all, proved the fewest possible" in \
        overview.b2b_run.text()
