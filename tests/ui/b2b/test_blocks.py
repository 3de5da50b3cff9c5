"""The Blocks tab: slots with their pauses, new slots previewed then cut (refused while the
block holds meetings), tables set and kept by a host; every change undone."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.db.models import B2BSlot, B2BTable
from desktop.ui.b2b.blockstab import BlocksTab
from desktop.ui.b2b.page import B2BPage
from desktop.ui.b2b.slotdialogs import (
    AssignTableDialog,
    RegenerateSlotsDialog,
    SetTablesDialog,
    SetupDialog,
    format_pauses,
    parse_pauses,
)
from desktop.ui.b2b.slotmodels import SlotsModel, TablesModel
from desktop.ui.mainwindow import MainWindow

from .conftest import Forum


def open_tab(open_window: Callable[..., MainWindow], forum: Forum) -> tuple[B2BPage, BlocksTab]:
    page = open_window(forum.path).show_page("b2b")
    assert isinstance(page, B2BPage)
    page.tabs.setCurrentWidget(page.blocks_tab)
    return page, page.blocks_tab


@pytest.fixture
def tab(open_window: Callable[..., MainWindow], forum: Forum) -> BlocksTab:
    return open_tab(open_window, forum)[1]


@pytest.fixture
def empty_tab(open_window: Callable[..., MainWindow], forum: Forum) -> BlocksTab:
    """The forum with its meetings deleted, so the block may be cut anew."""
    with sqlite3.connect(forum.path) as db:
        db.execute("DELETE FROM meeting")
    return open_tab(open_window, forum)[1]


def slot_times(tab: BlocksTab) -> list[str]:
    with tab.context.mission.session_factory() as session:
        return [f"{s.starts_at:%H:%M}" for s in session.scalars(
            select(B2BSlot).order_by(B2BSlot.starts_at))]


def click_ok(qtbot: QtBot, dialog: SetupDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_the_tab_lists_the_slots_and_tables_of_the_block(tab: BlocksTab) -> None:
    assert [tab.slots.data(tab.slots.index(r, 0)) for r in range(3)] == [
        "9:00 AM–9:20 AM", "9:20 AM–9:40 AM", "9:40 AM–10:00 AM"]
    assert tab.slots.data(tab.slots.index(0, 1)) == "morning session"
    assert [tab.tables.data(tab.tables.index(r, 0)) for r in range(2)] == ["T1", "T2"]
    assert tab.slot_count.text() == "3 slots of 20 minutes"


def test_new_slots_are_refused_while_the_block_holds_meetings(tab: BlocksTab,
                                                              qtbot: QtBot) -> None:
    qtbot.mouseClick(tab.regenerate_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, RegenerateSlotsDialog) and dialog.isVisible()
    refusal = dialog.findChild(QLabel, "generalError")
    assert refusal is not None and refusal.isVisible()
    assert "already holds 3 meetings; delete them" in refusal.text()
    assert not dialog.ok_button.isEnabled()
    assert dialog.preview.count() == 3  # what it would make is shown all the same
    assert slot_times(tab) == ["09:00", "09:20", "09:40"]


def test_slots_are_previewed_cut_and_undone(empty_tab: BlocksTab, qtbot: QtBot) -> None:
    tab = empty_tab
    dialog = tab.regenerate_slots()
    assert isinstance(dialog, RegenerateSlotsDialog)
    assert dialog.minutes.value() == 20 and dialog.pauses.text() == ""
    dialog.minutes.clear()
    qtbot.keyClicks(dialog.minutes, "15")
    qtbot.keyClicks(dialog.pauses, "9:30-9:45")
    texts = [dialog.preview.item(n).text() for n in range(dialog.preview.count())]
    assert texts == ["9:00 AM–9:15 AM  morning session", "9:15 AM–9:30 AM  morning session",
                     "— pause 9:30 AM–9:45 AM —", "9:45 AM–10:00 AM  afternoon session"]
    assert dialog.summary.text() == "3 slots"
    click_ok(qtbot, dialog)
    assert slot_times(tab) == ["09:00", "09:15", "09:45"]
    assert tab.slots.rowCount() == 4 and tab.slots.data(tab.slots.index(2, 1)) == "pause"
    assert "New slots cut" in tab.feedback.text()
    stack = tab.context.undo_stack
    assert stack.undoText() == "Regenerate slots"
    stack.undo()
    assert slot_times(tab) == ["09:00", "09:20", "09:40"]
    assert tab.slots.rowCount() == 3
    stack.redo()
    assert slot_times(tab) == ["09:00", "09:15", "09:45"]


def test_an_unreadable_pause_is_shown_next_to_its_field(empty_tab: BlocksTab,
                                                        qtbot: QtBot) -> None:
    dialog = empty_tab.regenerate_slots()
    assert dialog is not None
    qtbot.keyClicks(dialog.findChild(object, "pauses"), "lunch")  # type: ignore[arg-type]
    error = dialog.errors["pauses"]
    assert error.isVisible() and "“lunch” is not a pause" in error.text()
    assert not dialog.ok_button.isEnabled()


def test_pauses_are_shown_and_read_in_the_locales_times(empty_tab: BlocksTab,
                                                        qtbot: QtBot) -> None:
    dialog = empty_tab.regenerate_slots()
    assert isinstance(dialog, RegenerateSlotsDialog)
    assert dialog.pauses.placeholderText() == "e.g. 12:40 PM–2:00 PM; 4:00 PM–4:15 PM"
    assert parse_pauses("12:40 PM–2:00 PM; 16:00 to 16:15") == [
        (time(12, 40), time(14)), (time(16), time(16, 15))]
    assert parse_pauses(format_pauses([(time(9, 30), time(9, 45))])) == [
        (time(9, 30), time(9, 45))]
    dialog.minutes.setValue(15)
    qtbot.keyClicks(dialog.pauses, "9:30 AM - 9:45 AM")
    assert dialog.ok_button.isEnabled()
    assert "— pause 9:30 AM–9:45 AM —" in [
        dialog.preview.item(n).text() for n in range(dialog.preview.count())]
    dialog.pauses.setText("9:30 AM")
    assert "write it as 12:40 PM–2:00 PM" in dialog.errors["pauses"].text()


def test_tables_by_name_refused_while_a_removed_one_holds_meetings(tab: BlocksTab,
                                                                  qtbot: QtBot) -> None:
    dialog = tab.set_tables()
    assert isinstance(dialog, SetTablesDialog) and dialog.by_count.isChecked()
    dialog.count.setValue(1)
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "Table T2 holds 1 meeting" in dialog.general.text()
    dialog.count.setValue(4)
    click_ok(qtbot, dialog)
    assert [tab.tables.data(tab.tables.index(r, 0)) for r in range(4)] == [
        "T1", "T2", "T3", "T4"]
    tab.context.undo_stack.undo()
    assert tab.tables.rowCount() == 2


def test_a_host_keeps_a_table_then_frees_it(tab: BlocksTab, forum: Forum,
                                            qtbot: QtBot) -> None:
    tab.table_view.setCurrentIndex(tab.tables.index(1, 0))
    dialog = tab.assign_table()
    assert isinstance(dialog, AssignTableDialog)
    assert dialog.table.currentData() == forum.tables[1]
    dialog.host.setCurrentIndex(dialog.host.findText("Maroc Soft"))
    click_ok(qtbot, dialog)
    # Maroc also meets Atlas at T1: it cannot keep T2.
    assert "Maroc Soft already has 1 meeting at another table" in dialog.general.text()
    dialog.table.setCurrentIndex(0)
    dialog.host.setCurrentIndex(dialog.host.findText("Casa Data"))
    click_ok(qtbot, dialog)
    assert tab.tables.data(tab.tables.index(0, 2)) == "Casa Data"
    with tab.context.mission.session_factory() as session:
        assert session.get(B2BTable, forum.tables[0]).participant_id == forum.teams["Casa Data"]  # type: ignore[union-attr]
    tab.context.undo_stack.undo()
    assert tab.tables.data(tab.tables.index(0, 2)) == ""


def test_the_block_models_follow_the_rules_of_qt_models(tab: BlocksTab,
                                                        qtmodeltester: object) -> None:
    slots = SlotsModel(tab.context.mission.session_factory)
    slots.set_block(tab.blocks.currentData())
    tables = TablesModel(tab.context.mission.session_factory)
    tables.set_block(tab.blocks.currentData())
    qtmodeltester.check(slots, force_py=True)  # type: ignore[attr-defined]
    qtmodeltester.check(tables, force_py=True)  # type: ignore[attr-defined]
