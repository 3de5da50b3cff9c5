"""File-menu work on whole missions: create, the demo copy, save a copy, restore, language."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.errors import ValidationError
from desktop.i18n import _
from desktop.ui import dialogs
from desktop.ui.operations import Operation
from desktop.ui.settings import data_dir, set_language_choice

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow

DEMO_FILE = "Demo mission 2007.mission"


def build_demo_file(path: Path) -> Path:
    """Write the bundled 2007 demo mission into a new file at ``path`` (atomically)."""
    from desktop.db.missionfile import MissionFile
    from desktop.demo.mission2007 import build_demo

    part = path.with_name(path.stem + ".part" + path.suffix)
    mission = MissionFile.create(part, overwrite=True)
    try:
        with mission.transaction() as session:
            build_demo(session)
    except BaseException:
        mission.close()
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
        raise
    mission.close()
    os.replace(part, path)
    return path


def demo_path() -> Path:
    return data_dir() / DEMO_FILE


def open_demo(window: MainWindow) -> None:
    """Open the user's copy of the demo mission, making it first if needed."""
    path = demo_path()
    if path.exists():
        window.open_path(path)
        return
    window.statusBar().showMessage(_("Preparing the demo mission…"))
    window.runner.run(Operation(lambda progress: build_demo_file(path),
                                title=_("Preparing the demo mission…"),
                                on_success=lambda p: _open(window, p),
                                on_failure=window.show_error, cancellable=False))


def _open(window: MainWindow, path: Path) -> None:
    window.open_path(path)


def new_mission(window: MainWindow) -> None:
    from desktop.db.missionfile import MissionFile
    from desktop.missions import MissionInput, create_mission, validate_mission

    def read(dialog: dialogs.NewMissionDialog) -> MissionInput:
        start, end = dialog.dates()
        return validate_mission(MissionInput(name=dialog.name.text(), start_date=start,
                                             end_date=end, organisers=dialog.organisers.text()))

    dialog = NewMission(window, read)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    data = read(dialog)
    path, _filter = QFileDialog.getSaveFileName(
        window, _("New mission"), str(data_dir() / (data.name + ".mission")),
        _("Missions (*.mission)"))
    if not path:
        return
    if not path.endswith(".mission"):
        path += ".mission"
    window.close_mission()
    try:
        mission = MissionFile.create(path, overwrite=Path(path).exists())
        with mission.transaction() as session:
            create_mission(session, data)
    except Exception as exc:
        window.show_error(exc)
        return
    window.set_mission(mission, "overview")


NewMission = dialogs.NewMissionDialog


def save_copy(window: MainWindow) -> None:
    from desktop.db.backup import copy_database

    mission = window.mission
    if mission is None or mission.path is None:
        return
    source = mission.path
    target, _filter = QFileDialog.getSaveFileName(
        window, _("Save a copy"), str(source.with_name(source.stem + " copy.mission")),
        _("Missions (*.mission)"))
    if not target:
        return
    window.runner.run(Operation(
        lambda progress: copy_database(source, Path(target)), title=_("Saving a copy…"),
        on_success=lambda _r: window.statusBar().showMessage(
            _("A copy was saved as {file}.").format(file=Path(target).name), 5000),
        on_failure=window.show_error))


def restore(window: MainWindow) -> None:
    from desktop.db.backup import list_backups
    from desktop.db.missionfile import restore_backup

    mission = window.mission
    if mission is None or mission.path is None:
        return
    path = mission.path
    backups = list_backups(path)
    if not backups:
        window.show_error(ValidationError(_("This mission has no backups yet.")))
        return
    dialog = dialogs.BackupsDialog(backups, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return
    chosen = dialog.chosen()
    assert chosen is not None
    window.close_mission()
    try:
        restore_backup(chosen, path)
    except Exception as exc:
        window.show_error(exc)
    window.open_path(path)


def choose_language(window: MainWindow, language: str | None) -> None:
    """Switch the language at once (and remember it for the next start)."""
    from desktop.ui.app import apply_language

    set_language_choice(language)
    apply_language(language)
    window.retranslate()
