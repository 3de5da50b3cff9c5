"""The File menu on whole missions: a new mission, a copy saved elsewhere, a backup restored.

The file dialogs are the platform's own; the tests answer them by patching
``QFileDialog``'s static functions. Our own dialogs are driven as a person would, each found as
the very dialog the code under test runs (not whichever window happens to be active).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.db.missionfile import MissionFile
from desktop.db.models import Person
from desktop.ui import missionactions
from desktop.ui.dialogs import BackupsDialog, NewMissionDialog
from desktop.ui.mainwindow import MainWindow
from desktop.ui.pages.people import PeoplePage


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Make the next "save" file dialogs answer ``path``; returns the captions they had."""
    asked: list[str] = []

    def answer(parent: QWidget, caption: str, folder: str, filters: str,
               *args: object) -> tuple[str, str]:
        asked.append(caption)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def when_dialog_opens(monkeypatch: pytest.MonkeyPatch, kind: type[QDialog],
                      act: Callable[[QDialog], None]) -> list[QDialog]:
    """Answer the dialogs of exactly the class ``kind`` that the code under test runs with
    ``exec()``: each is shown, ``act`` drives it as a person would, and ``exec()`` returns how
    it ended. A dialog that ``act`` leaves open fails the test rather than waiting for ever,
    and no other window (a dialog another test left open) can be mistaken for it. Returns the
    dialogs answered."""
    answered: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        assert type(dialog) is kind, dialog
        answered.append(dialog)
        dialog.show()
        act(dialog)
        assert not dialog.isVisible(), "the dialog was left open"
        return dialog.result()

    monkeypatch.setattr(kind, "exec", run)
    return answered


def ok_button(dialog: QDialog) -> QWidget:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def count_people(path: Path) -> int:
    mission = MissionFile.open(path, read_only=True)
    try:
        with mission.session_factory() as session:
            return session.scalar(select(func.count()).select_from(Person)) or 0
    finally:
        mission.close()


def count_people_open(window: MainWindow) -> int:
    assert window.mission is not None
    with window.mission.session_factory() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def test_a_new_mission_needs_a_name_then_opens_empty(qtbot: QtBot, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "Trade mission 2008.mission"
    asked = answer_save_dialog(monkeypatch, target)
    refused: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NewMissionDialog)
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # no name yet
        refused.append(dialog.message.text())
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.name, "Trade mission 2008")
        qtbot.keyClicks(dialog.organisers, "APEBI")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    answered = when_dialog_opens(monkeypatch, NewMissionDialog, fill)
    with qtbot.waitSignal(window.mission_opened):
        missionactions.new_mission(window)
    assert len(answered) == 1
    assert refused and refused[0]  # the reason was shown in the dialog
    assert asked == ["New mission"]
    assert target.exists()
    assert "Trade mission 2008" in window.windowTitle()
    assert count_people(target) == 0
    window.close_mission()


def test_save_a_copy_writes_the_mission_elsewhere_and_keeps_this_one_open(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "elsewhere" / "Copy.mission"
    target.parent.mkdir()
    answer_save_dialog(monkeypatch, target)
    opened = window.mission
    with qtbot.waitSignal(window.runner.busy_changed, check_params_cb=lambda busy: not busy):
        missionactions.save_copy(window)
    assert window.mission is opened
    assert "Copy.mission" in window.statusBar().currentMessage()
    assert count_people(target) == count_people_open(window)


def test_restoring_a_backup_brings_back_what_was_deleted(
        window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    before = count_people_open(window)
    page = window.show_page("people")
    assert isinstance(page, PeoplePage)
    qtbot.waitUntil(lambda: page.current_id is not None)  # the first person's details shown
    person_id = page.model.id_at(0)
    assert person_id is not None
    # Deleted without undo: only the backup taken when the file was opened still has them.
    from desktop.roster.people import delete_person

    assert window.mission is not None
    with window.mission.transaction() as session:
        delete_person(session, person_id)
    assert count_people_open(window) == before - 1

    def restore(dialog: QDialog) -> None:
        assert isinstance(dialog, BackupsDialog)
        assert dialog.list.count() >= 1
        dialog.list.setCurrentRow(dialog.list.count() - 1)  # the oldest: before the delete
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    answered = when_dialog_opens(monkeypatch, BackupsDialog, restore)
    with qtbot.waitSignal(window.mission_opened, timeout=20000):
        missionactions.restore(window)
    assert len(answered) == 1
    assert count_people_open(window) == before
