"""The Travel page of the demo mission, and helpers to type into its forms."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.ui.forms import RecordForm
from desktop.ui.mainwindow import MainWindow
from desktop.ui.travel.page import TravelPage


@pytest.fixture
def travel(window: MainWindow) -> TravelPage:
    page = window.show_page("travel")
    assert isinstance(page, TravelPage)
    return page


def fill(qtbot: QtBot, form: RecordForm, **values: str) -> None:
    """Type each value into its field, as a person would (replacing what was there)."""
    for name, text in values.items():
        edit = form.fields[name]
        assert isinstance(edit, QLineEdit)
        edit.selectAll()
        edit.del_()
        qtbot.keyClicks(edit, text)
