"""The Availability tab: who cannot meet when, derived marks apart from marks set by hand,
marks toggled with a click or the space bar and undone; derived ones refused with the reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.db.enums import Audience, SessionKind
from desktop.db.missionfile import MissionFile
from desktop.db.models import ParticipantUnavailability, Person
from desktop.program.sessions import ProgramSessionInput, add_program_session
from desktop.ui.b2b.availability import DERIVED, EXPLICIT, FREE, STATE_ROLE, AvailabilityModel
from desktop.ui.b2b.availabilitytab import AvailabilityTab
from desktop.ui.b2b.page import B2BPage
from desktop.ui.mainwindow import MainWindow

from .conftest import Forum


@pytest.fixture
def tab(open_window: Callable[..., MainWindow], forum: Forum) -> AvailabilityTab:
    """Boston's only person is on a site visit from 9:20 to 9:40."""
    with MissionFile.open(forum.path, backup=False) as mission, \
            mission.transaction() as session:
        person = session.scalars(select(Person).where(Person.family_name == "Boston")).one()
        add_program_session(session, ProgramSessionInput(
            "Site visit to Technopark", SessionKind.SITE_VISIT, datetime(2007, 5, 15, 9, 20),
            datetime(2007, 5, 15, 9, 40), audience=Audience.LIST, attendee_ids=[person.id]))
    page = open_window(forum.path).show_page("b2b")
    assert isinstance(page, B2BPage)
    page.tabs.setCurrentWidget(page.availability)
    return page.availability


def at(tab: AvailabilityTab, forum: Forum, team: str, slot: int) -> QModelIndex:
    model = tab.model
    return model.index(model.row_ids.index(forum.teams[team]),
                       model.slot_ids.index(forum.slots[slot]))


def marks(tab: AvailabilityTab) -> dict[tuple[int, int], str]:
    with tab.context.mission.session_factory() as session:
        return {(r.participant_id, r.slot_id): r.reason
                for r in session.scalars(select(ParticipantUnavailability))}


def test_derived_unavailability_is_shown_with_its_reason(tab: AvailabilityTab,
                                                         forum: Forum) -> None:
    assert tab.model.rowCount() == 4 and tab.model.columnCount() == 3
    cell = at(tab, forum, "Boston Code", 1)
    assert cell.data(STATE_ROLE) == DERIVED
    assert cell.data() == "at “Site visit to Technopark”"
    assert "change them on the Travel or Programme page" in cell.data(
        Qt.ItemDataRole.ToolTipRole)
    assert at(tab, forum, "Boston Code", 0).data(STATE_ROLE) == FREE
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "9:00 AM"


def test_a_click_marks_a_slot_unavailable_and_undo_clears_it(tab: AvailabilityTab,
                                                              forum: Forum,
                                                              qtbot: QtBot) -> None:
    qtbot.keyClicks(tab.reason, "board call")
    cell = at(tab, forum, "Atlas Offshore", 2)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.view.visualRect(cell).center())
    assert marks(tab) == {(forum.teams["Atlas Offshore"], forum.slots[2]): "board call"}
    cell = at(tab, forum, "Atlas Offshore", 2)
    assert cell.data(STATE_ROLE) == EXPLICIT and cell.data() == "board call"
    assert "marked unavailable" in tab.feedback.text()
    tab.context.undo_stack.undo()
    assert marks(tab) == {}
    assert at(tab, forum, "Atlas Offshore", 2).data(STATE_ROLE) == FREE


def test_the_space_bar_clears_a_mark_set_by_hand(tab: AvailabilityTab, forum: Forum,
                                                 qtbot: QtBot) -> None:
    tab.view.setFocus()
    tab.view.setCurrentIndex(at(tab, forum, "Casa Data", 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    assert marks(tab) == {(forum.teams["Casa Data"], forum.slots[0]): ""}
    assert at(tab, forum, "Casa Data", 0).data() == "marked unavailable"
    qtbot.keyClick(tab.view, Qt.Key.Key_Space)
    assert marks(tab) == {}
    tab.context.undo_stack.undo()
    assert len(marks(tab)) == 1


def test_a_derived_mark_cannot_be_toggled(tab: AvailabilityTab, forum: Forum,
                                          qtbot: QtBot) -> None:
    tab.view.setCurrentIndex(at(tab, forum, "Boston Code", 1))
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert marks(tab) == {}
    assert tab.feedback.text().startswith("Not changed: Boston Code cannot meet then")
    assert tab.context.undo_stack.count() == 0


def test_the_filter_keeps_matching_participants(tab: AvailabilityTab, qtbot: QtBot) -> None:
    qtbot.keyClicks(tab.filter, "maroc")
    assert tab.model.rowCount() == 1
    assert tab.model.headerData(0, Qt.Orientation.Vertical) == "Maroc Soft"
    tab.filter.clear()
    assert tab.model.rowCount() == 4


def test_the_availability_model_follows_the_rules_of_qt_models(tab: AvailabilityTab,
                                                               qtmodeltester: object) -> None:
    model = AvailabilityModel(tab.context.mission.session_factory)
    model.set_block(tab.blocks.currentData())
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_the_grid_zooms_out_to_show_more_slots_and_keys_still_toggle(
        tab: AvailabilityTab, qtbot: QtBot) -> None:
    from desktop.ui.b2b.availability import SLOT_WIDTH

    view = tab.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomer.factor == 0.8
    assert view.horizontalHeader().sectionSize(0) == round(SLOT_WIDTH * 0.8)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomer.factor == 1.0
    assert view.horizontalHeader().sectionSize(0) == SLOT_WIDTH
