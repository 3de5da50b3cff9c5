"""A passenger's luggage note is typed under the run's passengers, shows on the driver's
manifest, and undoes; phones show as people write them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.db.models import Person, Transfer, TransferPassenger
from desktop.travel.transfers import manifest
from desktop.ui.mainwindow import MainWindow
from desktop.ui.travel.page import TravelPage
from desktop.validation import format_phone


def notes(window: MainWindow, transfer_id: int) -> dict[str, str]:
    assert window.mission is not None
    with window.mission.session_factory() as session:
        return {row.name: row.luggage_note for row in manifest(session, transfer_id).rows}


def test_a_luggage_note_is_saved_shown_in_the_manifest_and_undone(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    tab = travel.transfers
    travel.show_tab(tab)
    assert window.mission is not None
    with window.mission.session_factory() as session:
        transfer_id, person_id = session.execute(
            select(TransferPassenger.transfer_id, TransferPassenger.person_id)
            .order_by(TransferPassenger.transfer_id)).first()  # type: ignore[misc]
        person = session.get(Person, person_id)
        assert person is not None
        name, phone = person.full_name, person.phone
    tab.select(transfer_id)
    panel = tab.panel
    assert panel.choose(person_id)
    assert panel.note.isEnabled() and panel.note.text() == ""
    qtbot.keyClicks(panel.note, "two golf bags")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert notes(window, transfer_id)[name] == "two golf bags"
    assert tab.message.text() == "Luggage note saved."
    item = panel.list.currentItem()
    assert item is not None and item.text().endswith("— luggage: two golf bags")
    if phone:
        assert format_phone(phone) in item.toolTip()
    window.undo_action.trigger()
    assert notes(window, transfer_id)[name] == ""
    window.redo_action.trigger()
    assert notes(window, transfer_id)[name] == "two golf bags"
    assert panel.choose(person_id)
    panel.note.selectAll()
    qtbot.keyClicks(panel.note, "a wheelchair")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    assert notes(window, transfer_id)[name] == "a wheelchair"


def test_the_drivers_phone_is_shown_as_people_write_it(
        window: MainWindow, travel: TravelPage) -> None:
    tab = travel.transfers
    travel.show_tab(tab)
    assert window.mission is not None
    with window.mission.transaction() as session:
        transfer = session.scalars(select(Transfer).order_by(Transfer.id)).first()
        assert transfer is not None
        transfer.driver_name, transfer.driver_phone = "Hassan", "+212661234567"
        transfer_id = transfer.id
    travel.context.events.changed.emit("transfer")
    tab.select(transfer_id)
    assert tab.form.text("driver_phone") == "+212 6 61 23 45 67"
    row = tab.model.row_of(transfer_id)
    assert row is not None
    assert tab.model.index(row, 7).data(Qt.ItemDataRole.ToolTipRole) == (
        "Hassan, phone +212 6 61 23 45 67")
    assert not tab.form.dirty
