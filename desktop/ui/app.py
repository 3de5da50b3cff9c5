"""Starting the desktop app: ``mission-desk [FILE] [--read-only] [--lang]`` ends up here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.i18n import set_language
from desktop.ui.settings import APPLICATION, ORGANISATION, language_choice, last_file

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow

_qt_translators: list[QTranslator] = []


def apply_language(language: str | None) -> str:
    """Make ``language`` (None: the system's) active for our strings and Qt's own dialogs."""
    chosen = set_language(language)
    app = QCoreApplication.instance()
    if app is None:
        return chosen
    for translator in _qt_translators:
        app.removeTranslator(translator)
    _qt_translators.clear()
    QLocale.setDefault(QLocale(chosen))
    if chosen != "en":
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(f"qtbase_{chosen}", folder):
            app.installTranslator(translator)
            _qt_translators.append(translator)
    return chosen


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Mission Desk")
    return app


def startup_file(file: str | None) -> tuple[str | None, bool]:
    """The file to open at start, and whether it is the demo copy still to be made."""
    if file:
        return file, False
    last = last_file()
    if last:
        return last, False
    from desktop.ui.missionactions import demo_path

    path = demo_path()
    return str(path), not path.exists()


def start(file: str | None, *, read_only: bool = False,
          language: str | None = None) -> MainWindow:
    """Show the main window, then open ``file`` (else the last mission, else the demo copy)
    from the event loop, so the window is on screen before any of the mission is read."""
    make_application()
    apply_language(language or language_choice())
    from desktop.ui.mainwindow import MainWindow
    from desktop.ui.missionactions import open_demo

    window = MainWindow()
    window.show()
    path, make_demo = startup_file(file)

    def open_mission() -> None:
        if make_demo or path is None:
            open_demo(window)
        else:
            window.open_path(Path(path), read_only=read_only)

    QTimer.singleShot(0, window, open_mission)
    return window


def run(file: str | None, *, read_only: bool = False, language: str | None = None) -> int:
    """The app, until its window closes."""
    window = start(file, read_only=read_only, language=language)
    app = QApplication.instance()
    assert app is not None and window.isVisible()
    return app.exec()
