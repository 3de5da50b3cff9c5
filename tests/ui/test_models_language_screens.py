"""The table models against Qt's model rules, the language switch, and a picture of each page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.i18n import _, current_language
from desktop.ui.attendees import AttendeeModel
from desktop.ui.findingsmodel import FindingsModel
from desktop.ui.mainwindow import MainWindow
from desktop.ui.missionactions import choose_language
from desktop.ui.pages.overview import OverviewPage
from desktop.ui.pages.records import RecordPage
from desktop.ui.tablemodel import RecordTableModel


@pytest.mark.parametrize("key", ["people", "organizations", "programme"])
def test_each_table_model_follows_the_rules_of_qt_models(window: MainWindow, qtmodeltester,
                                                          key: str) -> None:
    page = window.show_page(key)
    assert isinstance(page, RecordPage)
    # A model of its own, so that it outlives the window for the tester's clean-up.
    model = type(page.model)(window.mission.session_factory)
    assert isinstance(model, RecordTableModel)
    model.reload()
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    model.set_text_filter("a")
    qtmodeltester.check(model, force_py=True)


def test_the_problems_and_attendee_lists_follow_the_rules_of_qt_models(
        window: MainWindow, qtbot: QtBot, qtmodeltester) -> None:
    overview = window.current_page
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(lambda: overview.data is not None)
    findings = FindingsModel()
    findings.set_findings(overview.data.findings)
    assert findings.rowCount() > 0
    qtmodeltester.check(findings, force_py=True)
    findings.set_category("passport")
    assert 0 < findings.rowCount() < findings.total
    qtmodeltester.check(findings, force_py=True)
    roster = [(1, "Éloïse Martin", "APEBI"), (2, "Karim Benjelloun", "AMPA"), (3, "Ann Lee", "")]
    attendees = AttendeeModel(roster, [2])
    qtmodeltester.check(attendees, force_py=True)
    attendees.set_text_filter("eloise")
    assert attendees.rowCount() == 1
    qtmodeltester.check(attendees, force_py=True)


def test_sorting_keeps_every_row_and_orders_by_the_column(window: MainWindow) -> None:
    page = window.show_page("people")
    assert isinstance(page, RecordPage)
    model = page.model
    ids = sorted(model.ids())
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert sorted(model.ids()) == ids
    families = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert families[0] >= families[-1]


def test_switching_to_french_relabels_the_window_at_once(window: MainWindow,
                                                         qtbot: QtBot) -> None:
    overview = window.current_page
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(lambda: overview.data is not None)
    assert "May 14, 2007" in overview.subtitle.text()
    english_menus = [a.text() for a in window.menuBar().actions()]

    with qtbot.waitSignal(window.language_changed):
        choose_language(window, "fr")
    assert current_language() == "fr"
    overview = window.current_page
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(lambda: overview.data is not None)
    # Dates come from Babel in French, Qt's own buttons from qtbase_fr.
    assert "14 mai 2007" in overview.subtitle.text()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
    # Every label was rebuilt through _() in the new language.
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles[:4] == ["Vue d’ensemble", "Organisations", "Personnes", "Programme"]
    assert [a.text() for a in window.menuBar().actions()] == [
        "&Fichier", "É&dition", "&Affichage", "Aid&e"]
    assert len(english_menus) == 4
    people = window.show_page("people")
    assert isinstance(people, RecordPage)
    assert people.filter_edit.placeholderText() == "Filtrer (Ctrl+F)"
    assert people.model.headerData(0, Qt.Orientation.Horizontal) == "Nom"
    assert _("People") == "Personnes"

    choose_language(window, "en")
    assert window.navigation.item(2).text() == "People"
    # The View menu lists the pages once, in the language now active, with Ctrl+1, Ctrl+2…
    ctrl_3 = [a for a in window.view_menu.actions() if a.shortcut().toString() == "Ctrl+3"]
    assert [a.text() for a in ctrl_3] == ["People"]
    ctrl_3[0].trigger()
    assert window.current_page is not None and window.current_page.key == "people"


def test_every_page_can_be_pictured(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    """Writes a PNG of each page; MISSION_DESK_SCREENSHOTS names a folder to keep them in."""
    folder = Path(os.environ.get("MISSION_DESK_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    overview = window.current_page
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(lambda: overview.data is not None)
    for spec in window.specs:
        page = window.show_page(spec.key)
        assert page is not None
        QApplication.processEvents()  # let the new page take its size before the picture
        picture = window.grab()
        assert not picture.isNull()
        path = folder / f"{spec.key}.png"
        assert picture.save(str(path))
        assert path.stat().st_size > 10_000
