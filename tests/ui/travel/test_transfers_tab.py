"""Transfers: seats shown, a passenger dropped on a full run is refused with the reason and on
a free one moves (undoably); grouping proposes runs that are applied as proposed."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.db.enums import TransferDirection, TransferStatus
from desktop.db.models import Transfer, TransferPassenger
from desktop.travel.transfers import delete_transfer
from desktop.ui.mainwindow import MainWindow
from desktop.ui.travel.page import TravelPage
from desktop.ui.travel.transferstab import (
    PASSENGER_MIME,
    TransfersModel,
    TransfersTab,
    passenger_payload,
)


def seats(window: MainWindow) -> dict[int, tuple[int, int]]:
    """Run id → (passengers, capacity)."""
    assert window.mission is not None
    with window.mission.session_factory() as session:
        return {t.id: (len(t.passengers), t.capacity)
                for t in session.scalars(select(Transfer))}


def rider(window: MainWindow, transfer_id: int, not_in: int) -> int:
    """Someone riding in run ``transfer_id`` who does not ride in run ``not_in``."""
    assert window.mission is not None
    with window.mission.session_factory() as session:
        others = select(TransferPassenger.person_id).where(
            TransferPassenger.transfer_id == not_in)
        return session.scalars(select(TransferPassenger.person_id).where(
            TransferPassenger.transfer_id == transfer_id,
            TransferPassenger.person_id.not_in(others))).first() or 0


def drop(tab: TransfersTab, person_id: int, source: int, target: int) -> None:
    """Drop a dragged passenger on the run ``target`` of the table, as the mouse would."""
    row = tab.model.row_of(target)
    assert row is not None
    tab.view.scrollTo(tab.model.index(row, 0))
    point = QPointF(tab.view.visualRect(tab.model.index(row, 0)).center())
    data = QMimeData()
    data.setData(PASSENGER_MIME, passenger_payload(person_id, source))
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.MoveAction, data, buttons, keys)
    QApplication.sendEvent(tab.view.viewport(), enter)
    assert enter.isAccepted()
    event = QDropEvent(point, Qt.DropAction.MoveAction, data, buttons, keys)
    QApplication.sendEvent(tab.view.viewport(), event)


def test_a_passenger_dropped_on_a_full_run_is_refused_with_the_reason(
        window: MainWindow, travel: TravelPage) -> None:
    tab = travel.transfers
    travel.show_tab(tab)
    before = seats(window)
    full = next(t for t, (taken, capacity) in before.items() if taken == capacity > 3)
    source = next(t for t, (taken, _c) in before.items()
                  if t != full and taken and rider(window, t, full))
    row = tab.model.row_of(full)
    assert row is not None
    taken, capacity = before[full]
    assert tab.model.index(row, 5).data() == f"{taken}/{capacity}"
    person = rider(window, source, full)
    drop(tab, person, source, full)
    assert seats(window) == before
    assert "cannot join" in tab.message.text()
    assert f"its {capacity} seats are taken" in tab.message.text()


def test_a_passenger_dropped_on_a_run_with_room_moves_and_the_move_undoes(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    tab = travel.transfers
    travel.show_tab(tab)
    before = seats(window)
    source = next(t for t, (taken, _c) in before.items() if taken >= 2)
    target = next(t for t, (taken, capacity) in before.items()
                  if t != source and taken < capacity)
    tab.select(source)
    assert tab.passengers.count() == before[source][0]
    assert tab.passengers.transfer_id == source
    item = tab.passengers.item(0)
    person = int(item.data(Qt.ItemDataRole.UserRole))
    payload = tab.passengers.mimeData([item])
    assert payload.hasFormat(PASSENGER_MIME)
    drop(tab, person, source, target)
    after = seats(window)
    assert after[source][0] == before[source][0] - 1
    assert after[target][0] == before[target][0] + 1
    assert tab.message.text().startswith("Moved to")
    assert tab.passengers.count() == before[source][0] - 1
    window.undo_action.trigger()
    assert seats(window) == before
    window.redo_action.trigger()
    assert seats(window) == after


def test_group_transfers_proposes_runs_then_applies_them_as_proposed(
        window: MainWindow, travel: TravelPage, qtbot: QtBot) -> None:
    tab = travel.transfers
    travel.show_tab(tab)
    assert window.mission is not None
    with window.mission.transaction() as session:  # a run is cancelled: its riders need one
        arrivals = session.scalars(select(Transfer).where(
            Transfer.direction == TransferDirection.ARRIVAL)).all()
        delete_transfer(session, max(arrivals, key=lambda t: len(t.passengers)).id)
    before = seats(window)
    dialog = tab.open_group_transfers()
    assert dialog is not None
    dialog.window_minutes.setValue(90)
    dialog.capacity.setValue(8)
    qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert dialog.plan is not None
    runs = dialog.plan.runs
    assert runs and all(len(r.seats) <= r.capacity == 8 for r in runs)
    assert dialog.table.rowCount() == len(runs)
    assert "runs proposed" in dialog.summary.text() or "run proposed" in dialog.summary.text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    after = seats(window)
    assert len(after) == len(before) + len(runs)
    with window.mission.session_factory() as session:
        new = session.scalars(select(Transfer).where(Transfer.id.not_in(before))).all()
        assert {t.status for t in new} == {TransferStatus.PROPOSED}
    assert tab.model.rowCount() == len(after)
    tab.select(new[0].id)
    tab.confirm_action.trigger()
    with window.mission.session_factory() as session:
        assert session.get(Transfer, new[0].id).status == TransferStatus.CONFIRMED  # type: ignore[union-attr]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert seats(window) == before
    with window.mission.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Transfer)) == len(before)


def test_the_runs_table_follows_the_rules_of_qt_models(
        window: MainWindow, qtmodeltester: ModelTester) -> None:
    assert window.mission is not None
    model = TransfersModel(window.mission.session_factory)  # outlives the window
    model.reload()
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
