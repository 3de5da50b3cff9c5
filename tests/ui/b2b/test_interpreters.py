"""Interpreters: added, edited and deleted with messages next to the fields, away slots
switched, and a meeting's interpreter chosen from the grid's context menu; all undoable."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.b2b.setup import InterpreterInput, add_interpreter
from desktop.db.missionfile import MissionFile
from desktop.db.models import Interpreter, InterpreterUnavailability, Meeting
from desktop.ui.b2b.interpretermodels import InterpreterSlotsModel, InterpretersModel
from desktop.ui.b2b.page import B2BPage
from desktop.ui.mainwindow import MainWindow

from .conftest import Forum


@pytest.fixture
def page(open_window: Callable[..., MainWindow], forum: Forum) -> B2BPage:
    """Nadia speaks Arabic, French and English; Omar only Arabic and Spanish."""
    with MissionFile.open(forum.path, backup=False) as mission, \
            mission.transaction() as session:
        add_interpreter(session, InterpreterInput("Nadia", ["ar", "fr", "en"]))
        add_interpreter(session, InterpreterInput("Omar", ["ar", "es"]))
    found = open_window(forum.path).show_page("b2b")
    assert isinstance(found, B2BPage)
    return found


def names(page: B2BPage) -> list[str]:
    with page.context.mission.session_factory() as session:
        return [i.name for i in session.scalars(select(Interpreter).order_by(Interpreter.name))]


def test_an_interpreter_is_added_with_problems_shown_next_to_fields(page: B2BPage,
                                                                    qtbot: QtBot) -> None:
    tab = page.interpreters
    page.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 2
    assert tab.model.data(tab.model.index(0, 1)) == "Arabic, French, English"
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.form.fields["name"], "Youssef")
    qtbot.keyClicks(tab.form.fields["languages"], "ar")
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    assert tab.form.errors["languages"].isVisible()
    assert "at least two languages" in tab.form.errors["languages"].text()
    assert names(page) == ["Nadia", "Omar"]
    qtbot.keyClicks(tab.form.fields["languages"], ", English; espagnol")  # names do too
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    assert names(page) == ["Nadia", "Omar", "Youssef"]
    assert tab.view.currentIndex().row() == 2
    assert tab.model.data(tab.model.index(2, 1)) == "Arabic, English, Spanish"
    page.context.undo_stack.undo()
    assert names(page) == ["Nadia", "Omar"]


def test_an_interpreter_is_renamed_then_deleted(page: B2BPage, qtbot: QtBot) -> None:
    tab = page.interpreters
    page.tabs.setCurrentWidget(tab)
    tab.view.setCurrentIndex(tab.model.index(1, 0))
    name = tab.form.fields["name"]
    name.clear()  # type: ignore[union-attr]
    qtbot.keyClicks(name, "Omar Benali")
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    assert names(page) == ["Nadia", "Omar Benali"]
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert names(page) == ["Nadia"]
    page.context.undo_stack.undo()
    page.context.undo_stack.undo()
    assert names(page) == ["Nadia", "Omar"]


def test_an_interpreter_is_marked_away_for_a_slot(page: B2BPage, forum: Forum,
                                                  qtbot: QtBot) -> None:
    tab = page.interpreters
    page.tabs.setCurrentWidget(tab)
    assert tab.slots.columnCount() == 3
    cell = tab.slots.index(0, 1)
    qtbot.mouseClick(tab.slot_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.slot_view.visualRect(cell).center())
    with page.context.mission.session_factory() as session:
        rows = [(r.slot_id) for r in session.scalars(select(InterpreterUnavailability))]
    assert rows == [forum.slots[1]]
    assert tab.slots.data(tab.slots.index(0, 1)) == "away"
    page.context.undo_stack.undo()
    assert tab.slots.data(tab.slots.index(0, 1)) is None


def interpreter_menu(page: B2BPage, forum: Forum) -> QMenu:
    """Right-click the Atlas–Casa meeting and open its Interpreter menu."""
    schedule = page.schedule
    index = schedule.model.index_of(forum.meetings["atlas-casa"])
    schedule.view.customContextMenuRequested.emit(schedule.view.visualRect(index).center())
    menu = page.interpreter_menu.menu
    assert menu is not None
    return menu


def test_a_meeting_gets_an_interpreter_from_the_context_menu(page: B2BPage,
                                                             forum: Forum) -> None:
    menu = interpreter_menu(page, forum)
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert actions["Nadia"].isEnabled()
    assert not actions["Omar (not free)"].isEnabled()
    assert actions["Omar (not free)"].toolTip() == (
        "Omar speaks no language of Atlas Offshore. Omar speaks no language of Casa Data.")
    assert not actions["No interpreter"].isEnabled()
    actions["Nadia"].trigger()
    menu.parentWidget().close()  # type: ignore[union-attr]
    with page.context.mission.session_factory() as session:
        meeting = session.get(Meeting, forum.meetings["atlas-casa"])
        assert meeting is not None and meeting.interpreter is not None
        assert meeting.interpreter.name == "Nadia"
    assert page.schedule.feedback.text().startswith("Interpreter set")
    menu = interpreter_menu(page, forum)
    assert {a.text(): a.isChecked() for a in menu.actions()}["Nadia"]
    menu.parentWidget().close()  # type: ignore[union-attr]
    page.context.undo_stack.undo()
    with page.context.mission.session_factory() as session:
        assert session.get(Meeting, forum.meetings["atlas-casa"]).interpreter_id is None  # type: ignore[union-attr]


def test_an_interpreter_already_busy_is_refused_with_the_reason(page: B2BPage,
                                                                forum: Forum) -> None:
    with page.context.mission.session_factory() as session:
        nadia = session.scalars(select(Interpreter.id).where(Interpreter.name == "Nadia")).one()
    assert page.interpreter_menu.set(forum.meetings["boston-maroc"], nadia)
    assert not page.interpreter_menu.set(forum.meetings["atlas-casa"], nadia)
    assert "Nadia already interprets" in page.schedule.feedback.text()
    menu = interpreter_menu(page, forum)
    assert {a.text() for a in menu.actions()} >= {"Nadia (not free)"}
    menu.parentWidget().close()  # type: ignore[union-attr]


def test_the_interpreter_models_follow_the_rules_of_qt_models(page: B2BPage,
                                                              qtmodeltester: object) -> None:
    factory = page.context.mission.session_factory
    listing = InterpretersModel(factory)
    listing.reload()
    slots = InterpreterSlotsModel(factory)
    slots.set_block(page.schedule.blocks.currentData())
    qtmodeltester.check(listing, force_py=True)  # type: ignore[attr-defined]
    qtmodeltester.check(slots, force_py=True)  # type: ignore[attr-defined]
