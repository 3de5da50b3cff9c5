"""Requests entered in the matrix and the wish lists, agendas, and the summary."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.b2b.setup import set_unavailable
from desktop.db.enums import RequestStatus
from desktop.db.models import Meeting, MeetingRequest
from desktop.ui.b2b.matrix import RequestMatrixModel
from desktop.ui.b2b.page import B2BPage
from desktop.ui.b2b.summary import SummaryModel
from desktop.ui.mainwindow import MainWindow

from .conftest import Forum


@pytest.fixture
def page(open_window: Callable[..., MainWindow], forum: Forum) -> B2BPage:
    found = open_window(forum.path).show_page("b2b")
    assert isinstance(found, B2BPage)
    return found


def requests(page: B2BPage) -> dict[tuple[int, int], tuple[int, RequestStatus]]:
    with page.context.mission.session_factory() as session:
        return {(r.requester_id, r.target_id): (r.priority, r.status)
                for r in session.scalars(select(MeetingRequest))}


def matrix_cell(page: B2BPage, row: int, column: int) -> QModelIndex:
    model = page.matrix.model
    return model.index(model.row_ids.index(row), model.column_ids.index(column))


def test_the_matrix_shows_who_asked_and_edits_from_the_keyboard(
        page: B2BPage, forum: Forum, qtbot: QtBot) -> None:
    page.tabs.setCurrentWidget(page.matrix)
    t = forum.teams
    model, view = page.matrix.model, page.matrix.view
    assert model.rowCount() == 2 and model.columnCount() == 2  # delegation × hosts
    assert model.data(matrix_cell(page, t["Atlas Offshore"], t["Casa Data"])).startswith("⇄ 1")
    assert model.data(matrix_cell(page, t["Atlas Offshore"], t["Casa Data"])).endswith("✓")
    assert model.data(matrix_cell(page, t["Boston Code"], t["Casa Data"])) is None
    view.setFocus()
    view.setCurrentIndex(matrix_cell(page, t["Boston Code"], t["Casa Data"]))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert requests(page)[t["Boston Code"], t["Casa Data"]] == (1, RequestStatus.REQUESTED)
    assert model.data(matrix_cell(page, t["Boston Code"], t["Casa Data"])).startswith("→ 1")
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert requests(page)[t["Boston Code"], t["Casa Data"]] == (1, RequestStatus.ACCEPTED)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert requests(page)[t["Boston Code"], t["Casa Data"]] == (3, RequestStatus.ACCEPTED)
    stack = page.context.undo_stack
    stack.undo()
    stack.undo()
    assert requests(page)[t["Boston Code"], t["Casa Data"]] == (1, RequestStatus.REQUESTED)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert (t["Boston Code"], t["Casa Data"]) not in requests(page)
    stack.undo()
    assert (t["Boston Code"], t["Casa Data"]) in requests(page)


def test_the_matrix_offers_the_same_edits_to_the_mouse(page: B2BPage, forum: Forum) -> None:
    page.tabs.setCurrentWidget(page.matrix)
    t = forum.teams
    view = page.matrix.view
    empty = matrix_cell(page, t["Boston Code"], t["Casa Data"])
    menu = view.edit_menu(empty)
    assert menu is not None
    actions = {a.text().split("\t")[0]: a for a in menu.actions() if a.text()}
    assert list(actions) == ["Ask, priority 1", "Ask, priority 2", "Ask, priority 3", "Accept",
                             "Decline", "Back to requested", "Withdraw the row's request"]
    assert not actions["Decline"].isEnabled()
    assert not actions["Withdraw the row's request"].isEnabled()
    actions["Ask, priority 2"].trigger()
    assert requests(page)[t["Boston Code"], t["Casa Data"]] == (2, RequestStatus.REQUESTED)
    menu = view.edit_menu(matrix_cell(page, t["Boston Code"], t["Casa Data"]))
    assert menu is not None
    actions = {a.text().split("\t")[0]: a for a in menu.actions() if a.text()}
    assert not actions["Priority 2"].isEnabled() and actions["Decline"].isEnabled()
    actions["Withdraw the row's request"].trigger()
    assert (t["Boston Code"], t["Casa Data"]) not in requests(page)
    assert view.edit_menu(QModelIndex()) is None


def test_the_agenda_and_the_wish_list_of_a_participant(page: B2BPage, forum: Forum,
                                                       qtbot: QtBot) -> None:
    t = forum.teams
    page.show_agenda(t["Atlas Offshore"])
    assert page.tabs.currentWidget() is page.agenda
    agenda = page.agenda
    assert agenda.agenda.rowCount() == 2
    assert agenda.agenda.item(0, 4).text() == "Casa Data"
    assert agenda.agenda.item(0, 5).text() == "Requested · both asked"
    assert agenda.agenda.item(0, 2).text() == "B2B Casablanca"  # no venue: the block
    page.show_agenda(t["Maroc Soft"])
    assert agenda.agenda.item(0, 5).text() == "Accepted · the other side's request"
    assert agenda.agenda_title.text() == "Agenda: 2 meetings"
    assert agenda.wishes_title.text() == ("Wish list: no request made yet (add a wish below) · "
                                          "2 other participants asked to meet it")
    page.show_agenda(t["Atlas Offshore"])
    assert [agenda.wishes.item(r, 0).text() for r in range(2)] == ["Casa Data", "Maroc Soft"]
    assert agenda.wishes.item(0, 3).text() == "yes"  # mutual
    assert agenda.agenda_title.text() == "Agenda: 2 meetings"
    assert agenda.wishes_title.text().startswith("Wish list: 2 requests, ")
    with page.context.mission.transaction() as session:
        session.delete(session.get(Meeting, forum.meetings["boston-maroc"]))
    page.show_agenda(t["Boston Code"])
    assert agenda.agenda_title.text() == "Agenda: no meeting · 1 accepted request has no meeting"
    assert agenda.target.findData(t["Casa Data"]) >= 0
    agenda.target.setCurrentIndex(agenda.target.findData(t["Casa Data"]))
    add = agenda.findChild(QPushButton, "addWish")
    assert isinstance(add, QPushButton)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert (t["Boston Code"], t["Casa Data"]) in requests(page)
    assert agenda.wishes.rowCount() == 2
    assert agenda.wishes_title.text() == "Wish list: 2 requests, 0 scheduled"  # nor the new one


def test_the_summary_counts_meetings_requests_and_what_is_not_placed(
        page: B2BPage, forum: Forum) -> None:
    page.tabs.setCurrentWidget(page.summary)
    model = page.summary.model
    t = forum.teams
    rows = {model.data(model.index(r, 0)): [model.data(model.index(r, c))
                                            for c in range(model.columnCount())]
            for r in range(model.rowCount())}
    #                      side, meetings, partners wanted, breaks, not placed
    assert rows["Atlas Offshore"][1:6] == ["Delegation", 2, 2, 0, 0]
    assert rows["Maroc Soft"][2:4] == [2, 2]
    atlas = next(r for r in range(model.rowCount())
                 if model.data(model.index(r, 0)) == "Atlas Offshore")
    assert model.data(model.index(atlas, 3), Qt.ItemDataRole.ToolTipRole).startswith(
        "2 requests made, 1 received")
    assert page.summary.totals.text() == \
        "3 meetings; 0 breaks in all; every pair that asked to meet has a meeting."
    with page.context.mission.transaction() as session:
        session.delete(session.get(Meeting, forum.meetings["atlas-maroc"]))
        session.delete(session.get(Meeting, forum.meetings["boston-maroc"]))
    page.summary.load()
    line = {line.name: line for line in model.lines()}["Maroc Soft"]
    assert (line.meetings, line.partners, len(line.unplaced)) == (0, 2, 2)
    assert line.why == "not scheduled yet: Atlas Offshore, Boston Code"
    assert page.summary.totals.text() == ("1 meeting; 0 breaks in all; 2 pairs that asked to "
                                          "meet have no meeting (1 of them accepted).")
    # A meeting someone can no longer attend counts as held, but is said not to be.
    with page.context.mission.transaction() as session:
        atlas_casa = session.get(Meeting, forum.meetings["atlas-casa"])
        assert atlas_casa is not None
        set_unavailable(session, t["Casa Data"], atlas_casa.slot_id, "flight late")
    page.summary.load()
    line = {line.name: line for line in model.lines()}["Casa Data"]
    assert line.blocked == 1
    assert line.why.startswith("1 meeting cannot be held where it is")
    assert page.summary.totals.text().endswith(
        "(1 of them accepted); 1 meeting cannot be held where it is (red on the Schedule "
        "tab).")
    view = page.summary.view  # sorted by a click on a column: numbers as numbers
    view.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert view.model().index(0, 0).data() == "Maroc Soft"


def test_the_request_and_summary_models_follow_the_rules_of_qt_models(
        page: B2BPage, qtmodeltester: object) -> None:
    factory = page.context.mission.session_factory
    matrix = RequestMatrixModel(factory)
    matrix.reload()
    summary = SummaryModel(factory)
    summary.reload()
    assert matrix.rowCount() and summary.rowCount()
    qtmodeltester.check(matrix, force_py=True)  # type: ignore[attr-defined]
    qtmodeltester.check(summary, force_py=True)  # type: ignore[attr-defined]


def test_the_matrix_zooms_out_with_ctrl_wheel_and_back_with_ctrl_0(page: B2BPage,
                                                                   qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    from desktop.ui.b2b.matrix import CELL

    page.tabs.setCurrentWidget(page.matrix)
    view = page.matrix.view
    down = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, -120),
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                       Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(down)
    assert view.zoomer.factor == 0.8
    assert view.horizontalHeader().sectionSize(0) == round(CELL.width() * 0.8)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomer.factor == 1.0
    assert view.horizontalHeader().sectionSize(0) == CELL.width()
