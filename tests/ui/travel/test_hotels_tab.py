"""Hotels: the rooming grid and occupancy, stays proposed then confirmed, blocks, undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.db.enums import RoomType
from desktop.db.models import HotelStay, RoomBlock
from desktop.ui.mainwindow import MainWindow
from desktop.ui.travel.hotelforms import ProposedStaysDialog, StayForm
from desktop.ui.travel.hotelmodels import OccupancyModel, StaysModel
from desktop.ui.travel.page import TravelPage
from tests.ui.travel.conftest import fill


def stays(window: MainWindow, *, confirmed: bool | None = None) -> int:
    assert window.mission is not None
    query = select(func.count()).select_from(HotelStay)
    if confirmed is not None:
        query = query.where(HotelStay.confirmed.is_(confirmed))
    with window.mission.session_factory() as session:
        return session.scalar(query) or 0


def test_the_grid_and_occupancy_follow_the_rules_of_qt_models(
        window: MainWindow, travel: TravelPage, qtmodeltester: ModelTester) -> None:
    travel.show_tab(travel.hotels)
    grid = travel.hotels.stays.model
    assert isinstance(grid, StaysModel)
    assert grid.rowCount() == stays(window)
    assert grid.columnCount() > 5 + 3  # a column per night
    assert window.mission is not None
    own = StaysModel(window.mission.session_factory)  # outlives the window
    own.reload()
    qtmodeltester.check(own, force_py=True)
    occupancy = OccupancyModel()
    with window.mission.session_factory() as session:
        occupancy.load(session)
    assert occupancy.rowCount() > 0
    qtmodeltester.check(occupancy, force_py=True)


def test_stays_are_proposed_reviewed_added_then_confirmed_and_each_step_undoes(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    hotels = travel.hotels
    travel.show_tab(hotels)
    before, proposed_before = stays(window), stays(window, confirmed=False)
    assert window.mission is not None
    with window.mission.transaction() as session:  # someone's stay is cancelled
        session.delete(session.scalars(select(HotelStay).where(
            HotelStay.confirmed.is_(True)).order_by(HotelStay.id)).first())
    qtbot.mouseClick(hotels.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(hotels.dialog, ProposedStaysDialog), timeout=10000)
    dialog = hotels.dialog
    assert dialog.table.rowCount() >= 1
    assert stays(window) == before - 1  # the preview wrote nothing
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    added = stays(window) - (before - 1)
    assert added >= 1
    assert "proposed" in hotels.message.text()
    proposed = stays(window, confirmed=False)
    assert proposed > proposed_before
    grid = hotels.stays.model
    assert isinstance(grid, StaysModel)
    assert len(grid.proposed_ids()) == proposed
    qtbot.mouseClick(hotels.confirm_button, Qt.MouseButton.LeftButton)
    assert stays(window, confirmed=False) == 0
    window.undo_action.trigger()
    assert stays(window, confirmed=False) == proposed
    window.undo_action.trigger()
    assert stays(window) == before - 1
    window.redo_action.trigger()
    assert stays(window, confirmed=False) == proposed


def test_a_stay_ending_before_it_starts_is_refused_next_to_the_field(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    tab = travel.hotels.stays
    travel.show_tab(travel.hotels)
    qtbot.waitUntil(lambda: tab.current_id is not None)  # the first stay, once on screen
    form = tab.form
    assert isinstance(form, StayForm)
    fill(qtbot, form, check_out="2007-05-01")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["check_out"].isVisibleTo(form)
    assert "must be after check-in" in form.errors["check_out"].text()
    form.revert()
    fill(qtbot, form, room_number="512")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert window.mission is not None
    with window.mission.session_factory() as session:
        assert session.get(HotelStay, tab.current_id).room_number == "512"  # type: ignore[union-attr]
    window.undo_action.trigger()
    with window.mission.session_factory() as session:
        assert session.get(HotelStay, tab.current_id).room_number != "512"  # type: ignore[union-attr]


def test_a_room_block_is_held_for_each_night_of_a_range_and_undone(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    hotels = travel.hotels
    travel.show_tab(hotels)
    assert window.mission is not None

    def held() -> dict[date, int]:
        with window.mission.session_factory() as session:  # type: ignore[union-attr]
            return {b.night: b.rooms for b in session.scalars(select(RoomBlock).where(
                RoomBlock.hotel_id == 1, RoomBlock.room_type == RoomType.SUITE))}

    before = held()
    dialog = hotels.open_blocks()
    dialog.hotel.setCurrentIndex(dialog.hotel.findData(1))
    qtbot.keyClicks(dialog.first, "2007-05-14")
    qtbot.keyClicks(dialog.last, "2007-05-16")
    dialog.room_type.setCurrentIndex(dialog.room_type.findData("suite"))
    dialog.rooms.setValue(2)
    dialog.save()
    assert held() == {**before, date(2007, 5, 14): 2, date(2007, 5, 15): 2,
                      date(2007, 5, 16): 2}
    line = hotels.occupancy.line_of(1, date(2007, 5, 15))
    assert line is not None
    assert hotels.occupancy.index(line, 5).data().endswith("/ 2")
    window.undo_action.trigger()
    assert held() == before


def test_a_backwards_range_of_nights_is_refused_in_the_dialog(
        travel: TravelPage, qtbot: QtBot) -> None:
    travel.show_tab(travel.hotels)
    dialog = travel.hotels.open_blocks()
    qtbot.keyClicks(dialog.first, "2007-05-16")
    qtbot.keyClicks(dialog.last, "2007-05-14")
    dialog.save()
    assert dialog.isVisible()
    assert "before the first" in dialog.message.text()
    dialog.reject()
