"""The day's board lists the flights landing and leaving that local day, with who is aboard."""

from __future__ import annotations

from datetime import date

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.ui.mainwindow import MainWindow
from desktop.ui.travel.page import TravelPage
from desktop.ui.travel.timeline import BoardModel


def test_the_board_of_the_14th_lists_that_days_arrivals_in_local_time(
        window: MainWindow, travel: TravelPage, qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    travel.show_tab(travel.board)
    board = travel.board
    board.show_day(date(2007, 5, 14))
    assert board.day.currentText() == "Monday 14 May 2007"
    model = board.model
    assert model.rowCount() > 0
    own = BoardModel()  # outlives the window, for the tester's clean-up
    own.set_rows(model.rows)
    qtmodeltester.check(own, force_py=True)
    times = [model.index(r, 0).data() for r in range(model.rowCount())]
    shown = [t for t in times if t]
    assert shown == sorted(shown)
    assert all(t.endswith(("UTC+00", "UTC+01", "WET", "WEST")) for t in shown)
    ways = {model.index(r, 2).data() for r in range(model.rowCount())} - {""}
    assert any(w.startswith("Lands at CMN") for w in ways)
    travellers = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert all(travellers)
    assert "flights in" in board.summary.text()
    first_day = board.day.itemData(0)
    board.day.setCurrentIndex(0)
    assert board.day.currentData() == first_day
