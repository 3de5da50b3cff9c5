"""Fixtures for the window tests: private settings and data folders, a demo mission copy, and
the main window opened on it."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.mainwindow import MainWindow
from desktop.ui.missionactions import build_demo_file
from desktop.ui.settings import CONFIG_ENV, DATA_ENV


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings and the app's data folder go to the test's own temporary folder."""
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "data"))


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2007 demo mission, built once for the whole run (the demo builder's own
    deprecation warnings are its tests' business, not the window's)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return build_demo_file(tmp_path_factory.mktemp("demo") / "demo.mission")


@pytest.fixture
def demo_path(demo_master: Path, tmp_path: Path) -> Path:
    """A private copy of the demo mission for one test."""
    target = tmp_path / "Demo 2007.mission"
    shutil.copyfile(demo_master, target)
    return target


def close_dialogs() -> None:
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox | QDialog) and widget.isVisible():
            widget.reject()


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    """``open_window(path)``: a shown main window (1280×800 unless ``resize=False``) with
    ``path`` open."""
    windows: list[MainWindow] = []

    def opener(path: Path, *, read_only: bool = False, resize: bool = True) -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        if resize:
            window.resize(1280, 800)
        window.show()
        with qtbot.waitSignal(window.mission_opened, timeout=20000):
            window.open_path(path, read_only=read_only)
        windows.append(window)
        return window

    yield opener
    close_dialogs()
    for window in windows:
        window.close_mission()


@pytest.fixture
def window(open_window: Callable[..., MainWindow], demo_path: Path) -> MainWindow:
    return open_window(demo_path)
