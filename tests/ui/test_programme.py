"""The Programme page driven as an organiser would: French texts, a list of people, clashes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.db.enums import Audience
from desktop.program.sessions import get_program_session
from desktop.ui.attendees import AttendeePicker
from desktop.ui.mainwindow import MainWindow
from desktop.ui.pages.programme import ProgrammePage
from desktop.ui.pages.programmeform import ProgrammeForm


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, accents included (QTest.keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def programme_page(window: MainWindow, qtbot: QtBot) -> ProgrammePage:
    """The Programme page, once the first session's details are shown."""
    page = window.show_page("programme")
    assert isinstance(page, ProgrammePage)
    assert isinstance(page.form, ProgrammeForm)
    qtbot.waitUntil(lambda: page.current_id is not None)
    return page


def test_french_title_and_description_are_saved_and_undone(window: MainWindow,
                                                           qtbot: QtBot) -> None:
    page = programme_page(window, qtbot)
    session_id = page.current_id
    assert session_id is not None
    form = page.form
    title_fr, description_fr = form.fields["title_fr"], form.fields["description_fr"]
    assert isinstance(title_fr, QLineEdit) and isinstance(description_fr, QPlainTextEdit)
    before = title_fr.text()
    title_fr.selectAll()
    type_text(title_fr, "Accueil des délégués")
    qtbot.keyClicks(description_fr, "Navettes toutes les heures.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert window.mission is not None
    with window.mission.session_factory() as session:
        item = get_program_session(session, session_id)
        assert item.title_fr == "Accueil des délégués"
        assert item.description_fr == "Navettes toutes les heures."
    window.undo_action.trigger()
    with window.mission.session_factory() as session:
        assert get_program_session(session, session_id).title_fr == before


def test_a_list_audience_is_chosen_in_the_picker(window: MainWindow, qtbot: QtBot) -> None:
    page = programme_page(window, qtbot)
    session_id = page.current_id
    assert session_id is not None
    form = page.form
    assert isinstance(form, ProgrammeForm)
    audience = form.fields["audience"]
    assert isinstance(audience, QComboBox)
    summary = form.attendees.summary
    # Another audience says who attends instead of a list's count that does not apply.
    audience.setCurrentIndex(audience.findData(Audience.CATEGORY.value))
    assert not form.attendees.isEnabled()
    assert summary.text() == "Everyone in the audience category"
    audience.setCurrentIndex(audience.findData(Audience.EVERYONE.value))
    assert summary.text() == "Everyone on the mission"
    audience.setCurrentIndex(audience.findData(Audience.LIST.value))
    assert form.attendees.isEnabled()
    assert not form.fields["audience_category"].isEnabled()
    assert summary.text() == "Nobody yet"
    # An empty list is refused, with the reason next to the field.
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    error = form.findChild(QLabel, "attendee_ids_error")
    assert error is not None and error.isVisible() and "at least one person" in error.text()

    button = form.attendees.findChild(QPushButton, "chooseAttendees")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    picker = form.attendees.picker
    assert isinstance(picker, AttendeePicker) and picker.isVisible()
    for name in ("benkirane", "ait benhaddou"):  # accents and case do not matter
        picker.filter_edit.setText(name)
        assert picker.model.rowCount() >= 1
        picker.view.setCurrentIndex(picker.model.index(0, 0))
        qtbot.keyClick(picker.view, Qt.Key.Key_Space)
    chosen = picker.chosen()
    assert len(chosen) == 2
    picker.chosen_only.setChecked(True)
    picker.filter_edit.clear()
    assert picker.model.rowCount() == 2
    qtbot.keyClick(picker.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert form.attendees.ids() == chosen
    assert form.dirty

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert window.mission is not None
    with window.mission.session_factory() as session:
        item = get_program_session(session, session_id)
        assert item.audience == Audience.LIST
        assert sorted(p.id for p in item.attendees) == sorted(chosen)
    row = page.model.row_of(session_id)
    assert row is not None
    assert page.model.index(row, 4).data() == "2 people"


def test_the_rooms_follow_the_venue_and_the_zone_is_shown(window: MainWindow,
                                                          qtbot: QtBot) -> None:
    page = programme_page(window, qtbot)
    form = page.form
    assert isinstance(form, ProgrammeForm)
    venue, room = form.combo("venue_id"), form.combo("room_id")
    all_rooms = None
    venue.setCurrentIndex(0)  # no venue: every room, with its venue's name
    all_rooms = room.count()
    for position in range(1, venue.count()):
        venue.setCurrentIndex(position)
        assert room.count() <= all_rooms
        assert all(venue.currentText().split(",")[0] in room.itemText(i)
                   for i in range(1, room.count()))
    assert "Africa/Casablanca" in form.zone_note.text()
