"""Helpers to drive the import wizard and the export dialog as a person would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from desktop.ui.exchange.exportdialog import ExportDialog
from desktop.ui.exchange.importwizard import ImportWizard
from desktop.ui.mainwindow import MainWindow

SAMPLES = Path(__file__).parents[2] / "exchange" / "data"
FRENCH_SAMPLE = SAMPLES / "registrations_fr_excel.csv"


def menu_action(window: MainWindow, name: str) -> QAction:
    action = window.menuBar().findChild(QAction, name)
    assert action is not None, name
    return action


def open_wizard(window: MainWindow) -> ImportWizard:
    """File → Import…"""
    menu_action(window, "importAction").trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    return wizard


def open_export(window: MainWindow) -> ExportDialog:
    """File → Export attendees…"""
    menu_action(window, "exportAction").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def click(qtbot: QtBot, button: QWidget | None) -> None:
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_next(qtbot: QtBot, wizard: QWizard, button: QWizard.WizardButton =
               QWizard.WizardButton.NextButton) -> None:
    click(qtbot, wizard.button(button))


def message_box(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name \
                and widget.isVisible():
            return widget
    return None
