"""The import wizard and the export dialog run their work on the window's runner: the progress
dialog sits on them, where the user can reach it, and cancelling them cancels their own work and
nothing else. Each job here is held until the test lets it go, so nothing depends on speed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QProgressDialog, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.ui.exchange import exportdialog, importwizard
from desktop.ui.mainwindow import MainWindow
from desktop.ui.operations import Operation, Progress

from .conftest import FRENCH_SAMPLE, click, click_next, message_box, open_export, open_wizard

WAIT_MS = 10000


class Held:
    """Work that waits for the test; it keeps checking whether it was cancelled."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def wait(self, progress: Progress) -> None:
        self.started.set()
        while not self.release.wait(0.01):
            progress.check()

    def on_file(self, *args: Any) -> Callable[[Progress], None]:
        return self.wait

    def on_mission(self, *args: Any) -> Callable[[Session, Progress], None]:
        def work(session: Session, progress: Progress) -> None:
            self.wait(progress)

        return work


def job_for(window: MainWindow, dialog: QDialog) -> Operation:
    (operation,) = [op for op in window.runner.running() if op.owner is dialog]
    return operation


def other_job(window: MainWindow) -> tuple[Operation, Held]:
    held = Held()
    assert window.mission is not None
    operation = window.runner.run(Operation(held.on_mission(), title="Other work",
                                            mission=window.mission), quiet=True)
    return operation, held


def test_the_wizard_shows_progress_on_itself_and_its_cancel_stops_only_its_work(
        window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    held = Held()
    monkeypatch.setattr(importwizard, "reading", held.on_file)
    wizard = open_wizard(window)
    other, other_held = other_job(window)
    wizard.findChild(QLineEdit, "path").setText(str(FRENCH_SAMPLE))
    click_next(qtbot, wizard)
    reading = job_for(window, wizard)
    with qtbot.waitSignal(reading.slow, timeout=WAIT_MS):
        pass
    (progress,) = wizard.findChildren(QProgressDialog)
    assert progress.isVisible()
    with qtbot.waitSignal(reading.finished, timeout=WAIT_MS):
        click_next(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert reading.cancelled and not other.cancelled
    with qtbot.waitSignal(other.finished, timeout=WAIT_MS):
        other_held.release.set()
    assert other.error is None


def test_the_export_shows_progress_on_its_dialog_and_cancel_discards_it(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    held = Held()
    monkeypatch.setattr(exportdialog, "export_work", held.on_mission)
    dialog = open_export(window)
    dialog.findChild(QLineEdit, "path").setText(str(tmp_path / "list.xlsx"))
    click(qtbot, dialog.export_button)
    export = job_for(window, dialog)
    with qtbot.waitSignal(export.slow, timeout=WAIT_MS):
        pass
    (progress,) = dialog.findChildren(QProgressDialog)
    assert progress.isVisible()
    with qtbot.waitSignal(export.finished, timeout=WAIT_MS):
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert export.cancelled
    assert message_box("exportDone") is None
