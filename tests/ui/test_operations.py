"""Background work, the one way: an operation on the runner, its progress shown by the runner
(on the window, or on the dialog the job is for) or by the caller itself (quiet), cancelled
when the one who asked goes away, and the mission's jobs kept in order.

Jobs that must still be running when something is checked wait on an event the test sets, so
nothing here depends on how fast the machine is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.db.missionfile import MissionFile
from desktop.ui.mainwindow import MainWindow
from desktop.ui.operations import Operation, OperationRunner, Progress

WAIT_MS = 10000


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """The window the runner works for."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def runner(host: QWidget) -> Iterator[OperationRunner]:
    runner = OperationRunner(host)
    yield runner
    runner.cancel_all()
    runner.wait()


class Gate:
    """Holds a job until the test lets it finish; says whether it was cancelled."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.open = threading.Event()

    def work(self, progress: Progress) -> str:
        self.started.set()
        while not self.open.wait(0.01):
            progress.check()
        progress.report(1, 1, "done")
        return "answer"

    def on_mission(self, session: Session, progress: Progress) -> str:
        return self.work(progress)


def outcomes() -> tuple[list[Any], Callable[[Any], None], Callable[[BaseException], None]]:
    told: list[Any] = []
    return told, told.append, told.append


def progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_a_slow_job_shows_its_progress_on_the_window(runner: OperationRunner, host: QWidget,
                                                      qtbot: QtBot) -> None:
    gate = Gate()
    told, success, failure = outcomes()
    operation = Operation(gate.work, title="Counting…", on_success=success,
                          on_failure=failure)
    with qtbot.waitSignal(operation.slow, timeout=WAIT_MS):
        runner.run(operation)
    (dialog,) = progress_dialogs()
    assert dialog.parentWidget() is host
    assert dialog.labelText() == "Counting…"
    with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        gate.open.set()
    assert told == ["answer"]
    assert progress_dialogs() == []


def test_a_quiet_job_shows_no_dialog_and_tells_its_caller(runner: OperationRunner,
                                                          qtbot: QtBot) -> None:
    gate = Gate()
    told, success, failure = outcomes()
    operation = Operation(gate.work, title="Quietly…", on_success=success,
                          on_failure=failure)
    reports: list[tuple[int, int, str]] = []
    operation.progress.connect(lambda *news: reports.append(news))
    with qtbot.waitSignal(operation.slow, timeout=WAIT_MS):  # the caller's cue
        runner.run(operation, quiet=True)
    assert runner.busy
    assert progress_dialogs() == []
    with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        gate.open.set()
    assert reports == [(1, 1, "done")]
    assert told == ["answer"]
    assert not runner.busy


def test_the_progress_dialog_sits_on_the_dialog_the_job_is_for(
        runner: OperationRunner, host: QWidget, qtbot: QtBot) -> None:
    modal = QDialog(host)
    modal.open()  # window-modal: the window under it cannot be reached
    gate = Gate()
    operation = Operation(gate.work, title="Importing…")
    with qtbot.waitSignal(operation.slow, timeout=WAIT_MS):
        runner.run(operation, parent=modal)
    (dialog,) = modal.findChildren(QProgressDialog)
    assert dialog.isVisible()
    assert dialog.parentWidget() is modal
    with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        gate.open.set()
    modal.reject()


def test_cancel_in_the_progress_dialog_discards_the_job(runner: OperationRunner,
                                                        qtbot: QtBot) -> None:
    gate = Gate()
    told, success, failure = outcomes()
    operation = Operation(gate.work, title="Long…", on_success=success, on_failure=failure)
    with qtbot.waitSignal(operation.slow, timeout=WAIT_MS):
        runner.run(operation)
    (dialog,) = progress_dialogs()
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert operation.cancelled
    assert told == []  # neither the result nor the "error" of being stopped


def test_when_the_widget_a_job_is_for_is_deleted_the_job_stops_and_tells_nobody(
        runner: OperationRunner, host: QWidget, qtbot: QtBot) -> None:
    owner = QDialog(host)
    gate = Gate()
    told: list[object] = []
    operation = Operation(gate.work, title="Reading…", on_success=told.append,
                          on_failure=told.append)
    runner.run(operation, quiet=True, parent=owner)
    assert gate.started.wait(WAIT_MS / 1000)
    with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        owner.deleteLater()
    assert operation.cancelled
    assert told == []


def test_a_finished_job_forgets_the_widget_it_was_for(runner: OperationRunner, host: QWidget,
                                                      qtbot: QtBot) -> None:
    owner = QDialog(host)
    operation = Operation(lambda progress: 42, title="Quick")
    with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        runner.run(operation, quiet=True, parent=owner)
    owner.deleteLater()
    with qtbot.waitSignal(owner.destroyed, timeout=WAIT_MS):
        pass
    assert not operation.cancelled and operation.result == 42


def test_cancelling_for_one_dialog_leaves_the_other_jobs_running(
        runner: OperationRunner, host: QWidget, qtbot: QtBot) -> None:
    wizard = QDialog(host)
    mine, other = Gate(), Gate()
    first = runner.run(Operation(mine.work, title="Mine"), quiet=True, parent=wizard)
    second = runner.run(Operation(other.work, title="Other"), quiet=True)
    with qtbot.waitSignal(first.finished, timeout=WAIT_MS):
        runner.cancel_all(wizard)
    assert first.cancelled and not second.cancelled
    with qtbot.waitSignal(second.finished, timeout=WAIT_MS):
        other.open.set()
    assert second.result == "answer"


def test_jobs_on_the_mission_run_one_at_a_time_in_order(
        runner: OperationRunner, mission_file: MissionFile, qtbot: QtBot) -> None:
    gate = Gate()
    order: list[str] = []

    def first(session: Session, progress: Progress) -> None:
        gate.on_mission(session, progress)
        order.append("first over")

    def second(session: Session, progress: Progress) -> None:
        order.append("second begun")

    runner.run(Operation(first, title="First", mission=mission_file, writes=True), quiet=True)
    later = runner.run(Operation(second, title="Second", mission=mission_file), quiet=True)
    assert gate.started.wait(WAIT_MS / 1000)
    with qtbot.waitSignal(later.finished, timeout=WAIT_MS):
        gate.open.set()
    assert order == ["first over", "second begun"]


def test_a_job_that_only_reads_runs_beside_the_database_queue(
        runner: OperationRunner, mission_file: MissionFile, qtbot: QtBot) -> None:
    gate = Gate()
    writing = runner.run(Operation(gate.on_mission, title="Writing", mission=mission_file,
                                   writes=True), quiet=True)
    assert gate.started.wait(WAIT_MS / 1000)
    look = Operation(lambda session, progress: "a look", title="Preview",
                     mission=mission_file, reads_only=True)
    with qtbot.waitSignal(look.finished, timeout=WAIT_MS):
        runner.run(look, quiet=True)
    assert look.result == "a look" and not writing.done
    with qtbot.waitSignal(writing.finished, timeout=WAIT_MS):
        gate.open.set()


def test_only_a_job_on_the_mission_that_writes_nothing_may_only_read(
        mission_file: MissionFile) -> None:
    with pytest.raises(ValueError):
        Operation(lambda progress: None, title="No mission", reads_only=True)
    with pytest.raises(ValueError):
        Operation(lambda session, progress: None, title="Writes", mission=mission_file,
                  writes=True, reads_only=True)


def test_closing_the_mission_cancels_the_jobs_under_way(window: MainWindow,
                                                        qtbot: QtBot) -> None:
    assert window.mission is not None
    gates = [Gate(), Gate()]
    told, success, failure = outcomes()
    jobs = [window.runner.run(Operation(gates[0].on_mission, title="Queued",
                                        mission=window.mission, on_success=success,
                                        on_failure=failure), quiet=True),
            window.runner.run(Operation(gates[1].on_mission, title="Looking",
                                        mission=window.mission, reads_only=True,
                                        on_success=success, on_failure=failure), quiet=True)]
    assert all(gate.started.wait(WAIT_MS / 1000) for gate in gates)
    window.close_mission()  # returns once both lanes are idle
    assert all(job.cancelled for job in jobs)
    qtbot.waitUntil(lambda: all(job.done for job in jobs), timeout=WAIT_MS)
    assert told == []
    assert not window.runner.busy


def test_a_system_error_in_a_job_is_told_in_words() -> None:
    """A disk full while a job writes: the user reads the file and the cause, in French when
    the app speaks French, and never the system's English text."""
    import errno

    from desktop.i18n import set_language
    from desktop.ui.dialogs import error_text

    error = OSError(errno.ENOSPC, "No space left on device", "/missions/agendas.pdf")
    try:
        set_language("fr")
        assert error_text(error) == "/missions/agendas.pdf\u00a0: le disque est plein."
    finally:
        set_language("en")
    assert error_text(OSError(errno.EACCES, "Permission denied")) == (
        "The system refused: permission denied.")
