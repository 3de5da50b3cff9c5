"""Only the proposed stays ticked in the rooming grid are confirmed, in one undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from desktop.db.models import HotelStay
from desktop.ui.mainwindow import MainWindow
from desktop.ui.travel.hotelmodels import STATUS_COLUMN, StaysModel
from desktop.ui.travel.page import TravelPage


def proposed(window: MainWindow) -> set[int]:
    assert window.mission is not None
    with window.mission.session_factory() as session:
        return set(session.scalars(select(HotelStay.id).where(HotelStay.confirmed.is_(False))))


def test_two_ticked_stays_are_confirmed_and_the_rest_stay_proposed(
        window: MainWindow, travel: TravelPage, qtbot: QtBot,
        qtmodeltester: ModelTester) -> None:
    hotels = travel.hotels
    travel.show_tab(hotels)
    assert window.mission is not None
    with window.mission.transaction() as session:  # four stays come back to proposed
        four = list(session.scalars(select(HotelStay.id).order_by(HotelStay.id).limit(4)))
        session.execute(update(HotelStay).where(HotelStay.id.in_(four)).values(confirmed=False))
    travel.context.events.changed.emit("hotel_stay")
    grid = hotels.stays.model
    assert isinstance(grid, StaysModel)
    assert set(grid.proposed_ids()) >= set(four)
    view = hotels.stays.view
    for stay_id in four[1:3]:  # tick the second and third with the keyboard
        row = grid.row_of(stay_id)
        assert row is not None
        cell = grid.index(row, STATUS_COLUMN)
        assert grid.flags(cell) & Qt.ItemFlag.ItemIsUserCheckable
        assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
        view.setCurrentIndex(cell)
        qtbot.keyClick(view, Qt.Key.Key_Space)
        assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert grid.chosen_ids() == four[1:3]
    assert hotels.confirm_button.text().replace("&", "") == "Confirm 2 ticked stays"
    own = StaysModel(window.mission.session_factory)  # outlives the window
    own.reload()
    assert own.set_ticked(four[0], True)
    qtmodeltester.check(own, force_py=True)
    before = proposed(window)
    qtbot.mouseClick(hotels.confirm_button, Qt.MouseButton.LeftButton)
    assert proposed(window) == before - set(four[1:3])
    assert hotels.message.text() == "2 stays confirmed."
    assert grid.chosen_ids() == []
    assert hotels.confirm_button.text().replace("&", "") == "Confirm proposed stays"
    confirmed_row = grid.row_of(four[1])
    assert confirmed_row is not None
    assert grid.index(confirmed_row, STATUS_COLUMN).data(Qt.ItemDataRole.CheckStateRole) is None
    window.undo_action.trigger()
    assert proposed(window) == before
    window.redo_action.trigger()
    assert proposed(window) == before - set(four[1:3])
