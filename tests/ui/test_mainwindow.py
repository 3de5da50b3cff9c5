"""The main window driven as an organiser would: open the demo, filter, create, delete, undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.db.enums import Status
from desktop.db.missionfile import MissionFile
from desktop.db.models import FlightSegment, Person
from desktop.ui.mainwindow import MainWindow
from desktop.ui.pages.overview import OverviewPage
from desktop.ui.pages.people import PeoplePage


def people_page(window: MainWindow) -> PeoplePage:
    page = window.show_page("people")
    assert isinstance(page, PeoplePage)
    return page


def visible_names(page: PeoplePage) -> list[str]:
    model = page.model
    return [f"{model.index(r, 1).data()} {model.index(r, 0).data()}"
            for r in range(model.rowCount())]


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, accents included (QTest.keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def click_in_box(qtbot: QtBot, name: str, button: str) -> None:
    """Wait for the message box ``name`` and click its button ``button`` (object name)."""
    def box() -> QMessageBox | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == name \
                    and widget.isVisible():
                return widget
        return None

    qtbot.waitUntil(lambda: box() is not None)
    found = box()
    assert found is not None
    target = found.findChild(type(found.buttons()[0]), button) if button else None
    qtbot.mouseClick(target or found.buttons()[0], Qt.MouseButton.LeftButton)


def count_people(mission: MissionFile) -> int:
    with mission.session_factory() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def test_the_demo_opens_with_its_name_in_the_title_and_the_pages_in_the_navigation(
        window: MainWindow, qtbot: QtBot) -> None:
    assert "North-American B2B IT-Offshoring Mission to Morocco 2007" in window.windowTitle()
    assert "Demo 2007.mission" in window.windowTitle()
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles[:3] == ["Overview", "Organisations", "People"]
    assert not any("soon" in title.lower() for title in titles)
    overview = window.current_page
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(lambda: overview.data is not None)
    assert overview.title.text() == "North-American B2B IT-Offshoring Mission to Morocco 2007"
    assert "Casablanca" in overview.subtitle.text()
    assert int(overview.card_values["people"].text()) == count_people(window.mission)
    assert overview.card_values["delegates"].text() != "–"


def test_the_text_filter_ignores_case_and_accents(window: MainWindow, qtbot: QtBot) -> None:
    page = people_page(window)
    total = page.model.rowCount()
    window.findChild(type(window.menuBar().actions()[0]), "")  # menus exist
    qtbot.keyClicks(page.filter_edit, "benhaddou")
    names = visible_names(page)
    assert names == ["Amine Aït Benhaddou"]
    page.filter_edit.clear()
    assert page.model.rowCount() == total
    qtbot.keyClicks(page.filter_edit, "zoe")
    assert "Zoë Castellanos" in visible_names(page)
    assert page.count_label.text().endswith(f"of {total} shown")


def test_the_filters_by_status_and_side_narrow_the_table(window: MainWindow) -> None:
    page = people_page(window)
    status = page.findChild(QComboBox, "facet_status")
    status.setCurrentIndex(status.findData(Status.CONFIRMED.value))
    shown = page.model.rowCount()
    with window.mission.session_factory() as session:
        confirmed = session.scalar(select(func.count()).select_from(Person).where(
            Person.status == Status.CONFIRMED))
    assert shown == confirmed
    side = page.findChild(QComboBox, "facet_side")
    side.setCurrentIndex(side.findData("delegation"))
    assert 0 < page.model.rowCount() < shown
    assert all(page.model.index(r, 3).data() != "Host" for r in range(page.model.rowCount()))


def test_a_new_person_is_refused_until_the_form_is_right(window: MainWindow,
                                                         qtbot: QtBot) -> None:
    page = people_page(window)
    before = count_people(window.mission)
    page.add_action.trigger()
    form = page.form
    assert form.heading.text() == "New person"
    type_text(form.fields["given_name"], "Éloïse")
    qtbot.keyClicks(form.fields["email"], "not-an-address")
    qtbot.keyClick(form.fields["email"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    family_error = form.findChild(QLabel, "family_name_error")
    email_error = form.findChild(QLabel, "email_error")
    assert family_error.isVisible() and "family name is required" in family_error.text()
    assert email_error.isVisible() and "not an email address" in email_error.text()
    assert count_people(window.mission) == before

    family = form.fields["family_name"]
    assert isinstance(family, QLineEdit)
    qtbot.keyClicks(family, "Dubreuil")
    email = form.fields["email"]
    assert isinstance(email, QLineEdit)
    email.clear()
    qtbot.keyClicks(email, "eloise.dubreuil@example.com")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not family_error.isVisible()
    assert count_people(window.mission) == before + 1
    assert page.current_id is not None
    assert page.model.row_of(page.current_id) is not None
    page.filter_edit.setText("eloise dub")
    assert visible_names(page) == ["Éloïse Dubreuil"]

    window.undo_action.trigger()
    assert count_people(window.mission) == before
    window.redo_action.trigger()
    assert count_people(window.mission) == before + 1


def test_editing_a_person_saves_at_once_and_undo_puts_it_back(window: MainWindow,
                                                               qtbot: QtBot) -> None:
    page = people_page(window)
    page.filter_edit.setText("benhaddou")
    person_id = page.current_id or page.model.id_at(0)
    page.select(person_id)
    job = page.form.fields["job_title"]
    assert isinstance(job, QLineEdit)
    qtbot.mouseClick(job, Qt.MouseButton.LeftButton)
    job.selectAll()
    type_text(job, "Directeur général")
    qtbot.keyClick(job, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with window.mission.session_factory() as session:
        assert session.get(Person, person_id).job_title == "Directeur général"
    window.undo_action.trigger()
    with window.mission.session_factory() as session:
        assert session.get(Person, person_id).job_title == "Gérant"
    assert job.text() == "Gérant"


def test_deleting_a_person_names_what_goes_and_undo_brings_it_all_back(
        window: MainWindow, qtbot: QtBot) -> None:
    page = people_page(window)
    with window.mission.session_factory() as session:
        person_id, flights = session.execute(
            select(FlightSegment.person_id, func.count()).group_by(FlightSegment.person_id)
            .order_by(FlightSegment.person_id)).first()
        name = session.get(Person, person_id).full_name
    page.select(person_id)
    before = count_people(window.mission)

    window.delete_action.trigger()
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.objectName() == "confirmDelete")
    assert name in box.text()
    assert f"{flights} flight" in box.text()
    click_in_box(qtbot, "confirmDelete", "yes")
    assert count_people(window.mission) == before - 1
    assert page.model.row_of(person_id) is None

    window.undo_action.trigger()
    assert count_people(window.mission) == before
    with window.mission.session_factory() as session:
        assert session.scalar(select(func.count()).where(
            FlightSegment.person_id == person_id)) == flights
    assert page.model.row_of(person_id) is not None


def test_a_problem_opens_the_person_at_fault(window: MainWindow, qtbot: QtBot) -> None:
    overview = window.current_page
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(lambda: overview.data is not None)
    model = overview.problems.model()
    index = next(model.index(row, 0) for row in range(model.rowCount())
                 if "passport" in model.index(row, 0).data())
    overview.problems.setCurrentIndex(index)
    qtbot.keyClick(overview.problems, Qt.Key.Key_Return)
    page = window.current_page
    assert isinstance(page, PeoplePage)
    assert page.form.heading.text() in index.data()


def test_a_file_held_elsewhere_opens_read_only_with_editing_disabled(
        open_window: Callable[..., MainWindow], demo_path: Path, qtbot: QtBot) -> None:
    holder = MissionFile.open(demo_path, backup=False)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.mission_opened, timeout=20000):
            window.open_path(demo_path)
            click_in_box(qtbot, "openReadOnly", "yes")
        assert window.mission is not None and window.mission.read_only
        assert "[read-only]" in window.windowTitle()
        assert window.banner.isVisible()
        assert not window.delete_action.isEnabled()
        page = people_page(window)
        assert not page.add_action.isEnabled()
        assert not page.form.save_button.isEnabled()
        window.close_mission()
    finally:
        holder.close()


def test_geometry_and_recent_files_are_remembered(open_window: Callable[..., MainWindow],
                                                   demo_path: Path) -> None:
    from desktop.ui.settings import recent_files

    window = open_window(demo_path)
    window.resize(900, 650)
    chosen = window.size()
    window.close()
    assert recent_files()[0] == str(demo_path.resolve())
    again = open_window(demo_path, resize=False)
    # The offscreen screen is narrower than the window, so only the height survives intact.
    assert again.height() == chosen.height()


def test_print_opens_the_documents_page_on_the_document_of_the_page_shown(
        window: MainWindow) -> None:
    from desktop.ui.documents.page import DocumentsPage
    from desktop.ui.pages.programme import ProgrammePage

    programme = window.show_page("programme")
    assert isinstance(programme, ProgrammePage)
    programme.views.setCurrentIndex(1)  # the timetable
    window.print_current()
    documents = window.current_page
    assert isinstance(documents, DocumentsPage)
    assert documents.options.kind.currentData() == "programme-grid"
    window.show_page("people")
    window.print_current()
    assert documents.options.kind.currentData() == "directory"
    b2b = window.show_page("b2b")
    assert b2b is not None and b2b.document_kind() == "b2b-grid"
    travel = window.show_page("travel")
    assert travel is not None and travel.document_kind() == "arrivals-board"
    window.show_page("overview")
    window.print_current()  # nothing in particular: the Documents page as it was
    assert window.current_page is documents
    assert documents.options.kind.currentData() == "directory"


def test_a_change_refused_for_another_organisers_shows_the_mission_afresh(
        window: MainWindow, qtbot: QtBot) -> None:
    """On a shared server a change that clashed with another organiser's is refused whole
    (the server test shows when); every view then reloads, so the organiser sees what the
    other one saved before making the change again."""
    from desktop.errors import ConcurrentChangeError
    from desktop.ui.undo import UpdateCommand, execute

    context = window.context
    assert context is not None

    def clashed(_session: object, _record: int, _value: object) -> None:
        raise ConcurrentChangeError("refused")

    seen: list[str] = []
    context.events.changed.connect(seen.append)
    command = UpdateCommand(context, "Rename", "person", 1, clashed, "a", "b")
    with pytest.raises(ConcurrentChangeError):
        execute(command)
    assert seen == ["*"] and context.undo_stack.count() == 0
    seen.clear()
    window.show_error(ConcurrentChangeError("a job clashed"))
    assert seen == ["*"]


def test_reload_shows_what_was_saved_behind_the_views(window: MainWindow, qtbot: QtBot) -> None:
    """View > Reload (F5): a change saved by someone else (here straight into the database,
    as another organiser on a shared server would) shows once the views read again."""
    page = people_page(window)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert window.context is not None
    with window.context.mission.transaction() as session:
        person = session.scalars(select(Person).order_by(Person.id)).first()
        assert person is not None
        person.family_name = "Renamed-Elsewhere"
    assert not any("Renamed-Elsewhere" in name for name in visible_names(page))
    reload = next(a for a in window.view_menu.actions() if a.text() == "&Reload")
    assert reload.isEnabled() and reload.shortcut().toString()
    reload.trigger()
    qtbot.waitUntil(lambda: any("Renamed-Elsewhere" in name for name in visible_names(page)))
