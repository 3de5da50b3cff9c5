"""While a passenger is dragged, a full run says why it refuses them before anything is
dropped, and the drop indicator says no; a run with room accepts the drag."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.db.models import Transfer
from desktop.errors import ConflictError
from desktop.travel.transfers import move_passenger
from desktop.ui.mainwindow import MainWindow
from desktop.ui.travel.page import TravelPage
from desktop.ui.travel.transferstab import PASSENGER_MIME, TransfersTab, passenger_payload
from tests.ui.travel.test_transfers_tab import rider, seats


def hover(tab: TransfersTab, data: QMimeData, target: int) -> QDragMoveEvent:
    """Move the dragged passenger over run ``target``, as the mouse would."""
    row = tab.model.row_of(target)
    assert row is not None
    tab.view.scrollTo(tab.model.index(row, 0))
    point = QPointF(tab.view.visualRect(tab.model.index(row, 0)).center())
    move = QDragMoveEvent(point, Qt.DropAction.MoveAction, data,
                          Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab.view.viewport(), move)
    return move


def test_hovering_a_full_run_shows_the_services_reason_and_refuses(
        window: MainWindow, travel: TravelPage) -> None:
    tab = travel.transfers
    travel.show_tab(tab)
    now = seats(window)
    full = next(t for t, (taken, capacity) in now.items() if taken == capacity > 3)
    source = next(t for t, (taken, _c) in now.items()
                  if t != full and taken and rider(window, t, full))
    roomy = next(t for t, (taken, capacity) in now.items()
                 if taken < capacity and t != source)
    person = rider(window, source, full)
    assert window.mission is not None
    with window.mission.session_factory() as session:
        try:
            move_passenger(session, person, source, full)
        except ConflictError as exc:
            expected = exc.message
        finally:
            session.rollback()
    data = QMimeData()
    data.setData(PASSENGER_MIME, passenger_payload(person, source))
    start = QPointF(tab.view.visualRect(tab.model.index(0, 0)).center())
    enter = QDragEnterEvent(start, Qt.DropAction.MoveAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab.view.viewport(), enter)
    assert enter.isAccepted()
    over_full = hover(tab, data, full)
    assert not over_full.isAccepted()
    assert tab.message.text() == expected
    assert window.statusBar().currentMessage() == expected
    assert "cannot join" in expected
    over_roomy = hover(tab, data, roomy)
    assert over_roomy.isAccepted()
    assert tab.message.text() == ""
    assert window.statusBar().currentMessage() == ""
    assert seats(window) == now  # hovering changes nothing
    with window.mission.session_factory() as session:
        assert len(session.scalars(select(Transfer)).all()) == len(now)
