"""The day's timeline: flights and runs at their local time, stacked apart, with who is aboard;
a click selects, Left and Right change the day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop.checks import Ref
from desktop.db.enums import TransferDirection
from desktop.ui.mainwindow import MainWindow
from desktop.ui.travel.daychart import DayChart, axis_range
from desktop.ui.travel.daymarks import Band
from desktop.ui.travel.page import TravelPage
from desktop.ui.travel.timeline import TimelineTab


def shown(travel: TravelPage, day: date) -> TimelineTab:
    travel.show_tab(travel.board)
    travel.board.show_day(day)
    return travel.board


def test_the_14th_draws_its_arrivals_in_time_order_left_to_right(
        window: MainWindow, travel: TravelPage) -> None:
    chart = shown(travel, date(2007, 5, 14)).chart
    flights = {p.mark.title.split(" · ")[0]: p for p in chart.placed
               if p.mark.band == Band.ARRIVALS}
    assert set(flights) == {"05:50 AT 201", "06:45 AT 205", "11:10 AF 2354"}
    early, late = flights["06:45 AT 205"], flights["11:10 AF 2354"]
    assert chart.x_of(6 * 60 + 45) < chart.x_of(11 * 60 + 10)
    assert early.rect.left() < chart.x_of(6 * 60 + 45) < early.rect.right()
    assert late.rect.left() < chart.x_of(11 * 60 + 10) < late.rect.right()
    assert chart.gutter() <= chart.x_of(chart.start) < early.rect.left()
    assert chart.x_of(chart.end) <= chart.width()
    assert all(p.mark.direction == TransferDirection.ARRIVAL for p in flights.values())
    assert "8 people" in early.mark.title
    runs = [p for p in chart.placed if p.mark.band == Band.RUNS]
    assert len(runs) == 3
    assert all(isinstance(p.mark.ref, Ref) and p.mark.ref.kind == "transfer" for p in runs)


def test_marks_that_would_overlap_are_stacked_on_lanes(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    chart = shown(travel, date(2007, 5, 14)).chart
    for first in chart.placed:
        for second in chart.placed:
            if first is not second:
                assert not first.rect.intersects(second.rect), (first.mark.title,
                                                                second.mark.title)
    lanes = {p.mark.title.split(" · ")[0]: p.lane for p in chart.placed}
    assert lanes["05:50 AT 201"] != lanes["06:45 AT 205"]  # 55 minutes apart: stacked
    for placed in chart.placed:
        assert placed.rect.left() >= 0 and placed.rect.right() <= chart.width()
    assert chart.day is not None
    wide = DayChart()  # the same day on a screen three times as wide
    qtbot.addWidget(wide)
    wide.set_day(chart.day)
    wide.resize(chart.width() * 3, 300)
    wide.show()
    lanes = {p.mark.title.split(" · ")[0]: p.lane for p in wide.placed}
    assert lanes["06:45 AT 205"] == 0  # with room, they share a lane


def test_hovering_a_flight_lists_its_people_and_a_click_selects_it(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    board = shown(travel, date(2007, 5, 13))
    chart = board.chart
    flight = next(p for p in chart.placed if p.mark.title.startswith("05:50 AT 201"))
    names = [p.name for p in flight.mark.row.passengers]  # type: ignore[union-attr]
    tip = chart.tooltip_at(flight.rect.center())
    assert "lands at CMN at 05:50" in tip
    assert all(name in tip for name in names)
    assert "Hôtel Anfa Atlantique" in tip and "run 06:35" in tip
    with qtbot.waitSignal(chart.chosen) as chosen:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=flight.rect.center().toPoint())
    assert chosen.args == [flight.mark.ref]
    assert flight.mark.ref is not None and flight.mark.ref.kind == "flight"
    assert chart.selected is flight.mark
    picked = {board.view.selectionModel().isRowSelected(n)
              for n in range(len(names))}
    assert picked == {True}
    run = next(p for p in chart.placed if p.mark.band == Band.RUNS)
    assert "Driver" in chart.tooltip_at(run.rect.center()) or "passengers" in \
        chart.tooltip_at(run.rect.center())
    with qtbot.waitSignal(chart.opened) as opened:
        qtbot.mouseDClick(chart, Qt.MouseButton.LeftButton, pos=run.rect.center().toPoint())
    assert opened.args == [run.mark.ref]
    assert chart.tooltip_at(QPoint(2, chart.height() - 2).toPointF()) == ""


def test_left_and_right_on_the_timeline_change_the_day(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    board = shown(travel, date(2007, 5, 14))
    board.chart.setFocus()
    qtbot.keyClick(board.chart, Qt.Key.Key_Left)
    assert board.day.currentData() == date(2007, 5, 13)
    assert {p.mark.title for p in board.chart.placed if p.mark.band == Band.ARRIVALS} == {
        "05:50 AT 201 · 2 people", "11:10 AF 2354 · 2 people"}
    for _n in range(5):
        qtbot.keyClick(board.chart, Qt.Key.Key_Right)
    assert board.day.currentData() == date(2007, 5, 18)
    departures = [p for p in board.chart.placed if p.mark.band == Band.DEPARTURES]
    assert [p.mark.title.split(" · ")[0] for p in departures] == [
        "07:30 AF 2355", "12:00 AT 200", "15:30 AT 204"]
    assert all(p.mark.direction == TransferDirection.DEPARTURE for p in departures)
    assert not any(p.mark.band == Band.ARRIVALS for p in board.chart.placed)


def test_the_axis_spans_whole_hours_around_the_day_at_least_eight_hours() -> None:
    assert axis_range([350, 670], [350, 760]) == (4 * 60, 15 * 60)
    assert axis_range([600], [600]) == (7 * 60, 15 * 60)
    assert axis_range([1400], [1420]) == (16 * 60, 24 * 60)
    assert axis_range([], []) == (6 * 60, 22 * 60)
