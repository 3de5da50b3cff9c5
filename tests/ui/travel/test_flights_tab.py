"""Flights typed in each airport's local time, an unknown airport, a group booking, undo."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.db.models import Airport, FlightSegment, Person
from desktop.ui.mainwindow import MainWindow
from desktop.ui.travel.flightforms import FlightForm
from desktop.ui.travel.flights import FlightsModel
from desktop.ui.travel.page import TravelPage
from tests.ui.travel.conftest import fill


def count_flights(window: MainWindow) -> int:
    assert window.mission is not None
    with window.mission.session_factory() as session:
        return session.scalar(select(func.count()).select_from(FlightSegment)) or 0


def choose_person(form: FlightForm, name: str) -> int:
    combo = form.fields["person_id"]
    assert isinstance(combo, QComboBox)
    index = combo.findText(name, Qt.MatchFlag.MatchStartsWith) if name else 1
    assert index > 0
    combo.setCurrentIndex(index)
    return int(combo.itemData(index))


def test_a_flight_typed_in_new_york_time_is_stored_in_utc(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    tab = travel.flights
    before = count_flights(window)
    tab.add_action.trigger()
    form = tab.form
    assert isinstance(form, FlightForm)
    person_id = choose_person(form, "")
    fill(qtbot, form, flight_number="AT 201", from_airport="JFK",
         departs_local="2007-05-13 18:00", to_airport="CMN",
         arrives_local="2007-05-14 05:30", booking_reference="QX7P2L")
    assert "America/New_York (EDT)" in form.hints["departs_local"].text()
    assert "Africa/Casablanca" in form.hints["arrives_local"].text()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert count_flights(window) == before + 1
    assert window.mission is not None
    with window.mission.session_factory() as session:
        leg = session.scalars(select(FlightSegment).where(
            FlightSegment.person_id == person_id,
            FlightSegment.booking_reference == "QX7P2L")).one()
        assert leg.departs_at == datetime(2007, 5, 13, 22, 0, tzinfo=UTC)
        assert leg.arrives_at == datetime(2007, 5, 14, 5, 30, tzinfo=UTC)
    shown = tab.model.index(tab.model.row_of(leg.id) or 0, 3).data()
    assert shown == "2007-05-13 18:00 EDT"
    window.undo_action.trigger()
    assert count_flights(window) == before
    window.redo_action.trigger()
    assert count_flights(window) == before + 1


def test_an_unknown_airport_is_named_under_its_field_and_can_be_added(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    tab = travel.flights
    before = count_flights(window)
    tab.add_action.trigger()
    form = tab.form
    assert isinstance(form, FlightForm)
    choose_person(form, "")
    fill(qtbot, form, flight_number="AT 410", from_airport="OZZ",
         departs_local="2007-05-15 08:00", to_airport="CMN", arrives_local="2007-05-15 09:00")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    error = form.errors["from_airport"]
    assert error.isVisibleTo(form)
    assert "Unknown airport code “OZZ”" in error.text()
    assert not form.errors["to_airport"].isVisibleTo(form)
    assert count_flights(window) == before
    fix = form.fix_buttons["from_airport"]
    assert fix.isVisibleTo(form) and "OZZ" in fix.text()
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    for name, text in (("name", "Ouarzazate"), ("city", "Ouarzazate"), ("country", "MA")):
        dialog.set_value(name, text)  # type: ignore[union-attr]
    dialog.set_value("timezone", "Africa/Casablanca")  # type: ignore[union-attr]
    dialog.save()  # type: ignore[union-attr]
    assert not error.isVisibleTo(form)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert count_flights(window) == before + 1
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.mission is not None
    with window.mission.session_factory() as session:
        assert session.get(Airport, "OZZ") is None
    assert count_flights(window) == before


def test_a_group_booking_adds_the_flight_to_three_people_and_undoes_at_once(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    tab = travel.flights
    before = count_flights(window)
    dialog = tab.open_group_booking()
    assert dialog is not None
    for row in (0, 1, 2):
        dialog.people.item(row).setCheckState(Qt.CheckState.Checked)
    chosen = dialog.chosen_ids()
    assert dialog.chosen.text() == "3 people chosen"
    fill(qtbot, dialog.form, flight_number="AT 207", from_airport="YUL",
         departs_local="2007-05-12 21:40", to_airport="CMN", arrives_local="2007-05-13 09:05",
         booking_reference="GRP207")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert count_flights(window) == before + 3
    assert window.mission is not None
    with window.mission.session_factory() as session:
        booked = set(session.scalars(select(FlightSegment.person_id).where(
            FlightSegment.booking_reference == "GRP207")))
        assert booked == set(chosen)
        assert session.scalar(select(func.count()).select_from(Person)) > 3
    window.undo_action.trigger()
    assert count_flights(window) == before


def test_a_group_booking_without_people_says_so_under_the_list(
        travel: TravelPage, qtbot: QtBot) -> None:
    dialog = travel.flights.open_group_booking()
    assert dialog is not None
    fill(qtbot, dialog.form, flight_number="AT 205", from_airport="YUL",
         departs_local="2007-05-12 19:40", to_airport="CMN", arrives_local="2007-05-13 07:05")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "at least one person" in dialog.people_error.text()
    dialog.reject()


def test_the_flights_table_follows_the_rules_of_qt_models(
        window: MainWindow, travel: TravelPage, qtmodeltester: ModelTester) -> None:
    assert window.mission is not None
    # A model of its own, so that it outlives the window for the tester's clean-up.
    model = FlightsModel(window.mission.session_factory)
    model.reload()
    assert model.rowCount() > 100
    qtmodeltester.check(model, force_py=True)
    model.set_text_filter("jfk")
    assert 0 < model.rowCount() < 100
    qtmodeltester.check(model, force_py=True)
