"""A picture of each step of the import wizard and of the export dialog, in English and
French; MISSION_DESK_SCREENSHOTS names a folder to keep them in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget, QWizard
from pytestqt.qtbot import QtBot

from desktop.ui.exchange.importpages import PreviewPage
from desktop.ui.exchange.importwizard import MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE
from desktop.ui.mainwindow import MainWindow
from desktop.ui.missionactions import choose_language

from .conftest import click_next, open_export, open_wizard


def picture(widget: QWidget, folder: Path, name: str) -> None:
    QApplication.processEvents()
    image = widget.grab()
    assert not image.isNull()
    path = folder / f"{name}.png"
    assert image.save(str(path))
    assert path.stat().st_size > 5_000


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_step_can_be_pictured(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                    language: str) -> None:
    folder = Path(os.environ.get("MISSION_DESK_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    choose_language(window, language)
    bad = tmp_path / "inscriptions.csv"
    bad.write_text("Prénom;Nom;Société;Courriel;Date de naissance\n"
                   "Ann;Lee;Mission Bay Systems, LLC;ann@example.com;12/03/1961\n"
                   "Bob;;;bob@example;31/02/1970\n"
                   "Nadia;Tazi;Technopark Software;nadia.tazi@tps.ma;\n", encoding="utf-8")
    wizard = open_wizard(window)
    wizard.findChild(QLineEdit, "path").setText(str(bad))
    picture(wizard, folder, f"import-1-file-{language}")
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == MAPPING_PAGE)
    picture(wizard, folder, f"import-2-mapping-{language}")
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW_PAGE)
    page = wizard.currentPage()
    assert isinstance(page, PreviewPage)
    qtbot.waitUntil(page.isComplete)
    picture(wizard, folder, f"import-3-preview-{language}")
    page.skip_invalid.setChecked(True)
    click_next(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE)
    picture(wizard, folder, f"import-4-result-{language}")
    wizard.reject()
    dialog = open_export(window)
    dialog.sensitive.setChecked(True)
    picture(dialog, folder, f"export-{language}")
    dialog.reject()
