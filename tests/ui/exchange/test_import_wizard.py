"""File → Import…: choose a file, see the columns recognised, preview, import; bad rows are
shown red and an all-or-nothing import of them writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QRadioButton, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.db.models import Person
from desktop.exchange.importer import Outcome
from desktop.ui.exchange.importpages import MappingPage, PreviewPage
from desktop.ui.exchange.importwizard import (
    MAPPING_PAGE,
    PREVIEW_PAGE,
    RESULT_PAGE,
    SHEET_PAGE,
    ImportWizard,
)
from desktop.ui.exchange.previewmodel import REJECTED_BACKGROUND, PreviewModel
from desktop.ui.mainwindow import MainWindow
from desktop.ui.pages.people import PeoplePage

from .conftest import FRENCH_SAMPLE, click, click_next, open_wizard


def count_people(window: MainWindow) -> int:
    assert window.mission is not None
    with window.mission.session_factory() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def choose_file(qtbot: QtBot, wizard: ImportWizard, path: Path, kind: str = "people") -> None:
    combo = wizard.findChild(QComboBox, "kind")
    combo.setCurrentIndex(combo.findData(kind))
    edit = wizard.findChild(QLineEdit, "path")
    edit.clear()
    qtbot.keyClicks(edit, str(path))
    click_next(qtbot, wizard)


def reach_preview(qtbot: QtBot, wizard: ImportWizard) -> PreviewPage:
    qtbot.waitUntil(lambda: wizard.currentId() == MAPPING_PAGE)
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW_PAGE)
    page = wizard.currentPage()
    assert isinstance(page, PreviewPage)
    qtbot.waitUntil(lambda: page.isComplete())
    return page


def test_the_french_sample_is_recognised_previewed_and_imported(window: MainWindow,
                                                                qtbot: QtBot) -> None:
    before = count_people(window)
    wizard = open_wizard(window)
    choose_file(qtbot, wizard, FRENCH_SAMPLE)
    qtbot.waitUntil(lambda: wizard.currentId() == MAPPING_PAGE)
    mapping = wizard.currentPage()
    assert isinstance(mapping, MappingPage)
    chosen = {mapping.table.item(row, 0).text(): combo.currentData()
              for row, combo in enumerate(mapping.combos)}
    assert chosen == {"Nom": "family_name", "Prénom": "given_name", "Société": "organization",
                      "Fonction": "job_title", "Email": "email", "Tél.": "phone",
                      "Ville": "city", "Pays": "country", "Régime alimentaire": "dietary_needs"}
    assert mapping.table.item(0, 1).text() == "Alami"
    assert "9 of the 9 columns" in mapping.findChild(QLabel, "mappingStatus").text()

    preview = reach_preview(qtbot, wizard)
    assert "2 added, 0 updated, 0 unchanged, 0 rejected" in preview.counts.text()
    assert preview.model.rowCount() == 2

    click_next(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE)
    assert "2 added" in wizard.findChild(QLabel, "resultSummary").text()
    assert count_people(window) == before + 2
    people = window.show_page("people")
    assert isinstance(people, PeoplePage)
    people.filter_edit.setText("Benjelloun")
    qtbot.waitUntil(lambda: people.model.rowCount() >= 1)
    names = {people.model.index(r, 1).data() for r in range(people.model.rowCount())}
    assert "Rim" in names
    click_next(qtbot, wizard, QWizard.WizardButton.FinishButton)


def test_a_bad_row_is_red_and_all_or_nothing_writes_nothing(window: MainWindow, qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "inscrits.csv"
    path.write_text("Prénom;Nom;Courriel\nAnn;Lee;ann@example.com\nBob;;bob@example\n",
                    encoding="utf-8")
    before = count_people(window)
    wizard = open_wizard(window)
    choose_file(qtbot, wizard, path)
    preview = reach_preview(qtbot, wizard)
    assert "1 added, 0 updated, 0 unchanged, 1 rejected" in preview.counts.text()
    model = preview.model
    bad = model.index(1, PreviewModel.OUTCOME)
    assert bad.data() == "Rejected"
    assert bad.data(Qt.ItemDataRole.BackgroundRole).color() == REJECTED_BACKGROUND
    assert "Nom: The family name is required." in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert "Row 3" in preview.details.toPlainText()  # the first rejected row is chosen

    assert preview.findChild(QRadioButton, "allOrNothing").isChecked()
    click_next(qtbot, wizard, QWizard.WizardButton.CommitButton)
    error = preview.findChild(QLabel, "importError")
    qtbot.waitUntil(lambda: error.isVisible())
    assert "Nothing was written: 1 row is rejected" in error.text()
    assert wizard.currentId() == PREVIEW_PAGE
    assert count_people(window) == before

    click(qtbot, preview.findChild(QRadioButton, "skipInvalid"))
    rejected = Path(preview.findChild(QLineEdit, "rejectedFile").text())
    assert rejected == tmp_path / "inscrits-rejected.csv"
    click_next(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE)
    assert count_people(window) == before + 1
    assert "Bob" in rejected.read_text("utf-8-sig")
    assert str(rejected) in wizard.findChild(QLabel, "resultRejected").text()


def test_a_workbook_asks_for_its_sheet_and_a_mapping_is_saved_and_loaded(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Cover"  # type: ignore[union-attr]
    sheet = book.create_sheet("Inscrits")
    sheet.append(["Given", "Family", "Boîte"])
    sheet.append(["Ann", "Lee", "ann@example.com"])
    book.save(tmp_path / "list.xlsx")
    wizard = open_wizard(window)
    choose_file(qtbot, wizard, tmp_path / "list.xlsx")
    qtbot.waitUntil(lambda: wizard.currentId() == SHEET_PAGE)
    combo = wizard.findChild(QComboBox, "sheet")
    combo.setCurrentText("Inscrits")
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == MAPPING_PAGE)
    mapping = wizard.currentPage()
    assert isinstance(mapping, MappingPage)
    assert [c.currentData() for c in mapping.combos] == [None, None, None]
    mapping.combos[0].setCurrentIndex(mapping.combos[0].findData("given_name"))

    click_next(qtbot, wizard)  # the family name is missing: the page says so and stays
    error = mapping.findChild(QLabel, "mappingError")
    assert error.isVisible() and "no column for Last name" in error.text()
    assert wizard.currentId() == MAPPING_PAGE

    for combo, key in zip(mapping.combos[1:], ("family_name", "email"), strict=True):
        combo.setCurrentIndex(combo.findData(key))
    saved = tmp_path / "map.json"
    mapping.save_to(saved)
    assert json.loads(saved.read_text("utf-8"))["columns"]["Boîte"] == "email"
    for combo in mapping.combos:
        combo.setCurrentIndex(0)
    mapping.load_from(saved)
    assert [c.currentData() for c in mapping.combos] == ["given_name", "family_name", "email"]

    preview = reach_preview(qtbot, wizard)
    assert preview.model.rows[0].outcome is Outcome.ADDED


def test_an_unreadable_file_is_explained_on_the_first_page(window: MainWindow, qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    wizard = open_wizard(window)
    choose_file(qtbot, wizard, tmp_path / "nowhere.csv")
    error = wizard.findChild(QLabel, "fileError")
    qtbot.waitUntil(lambda: error.isVisible())
    assert "nowhere.csv: The file does not exist" in error.text()
    assert wizard.currentId() == 0


def test_the_preview_model_follows_the_rules_of_qt_models(window: MainWindow, qtbot: QtBot,
                                                          qtmodeltester) -> None:
    wizard = open_wizard(window)
    choose_file(qtbot, wizard, FRENCH_SAMPLE)
    preview = reach_preview(qtbot, wizard)
    model = PreviewModel()
    model.set_rows(preview.model.rows)
    qtmodeltester.check(model, force_py=True)


def test_an_import_is_one_step_to_undo_and_redo(window: MainWindow, qtbot: QtBot,
                                                tmp_path: Path) -> None:
    before = count_people(window)
    wizard = open_wizard(window)
    choose_file(qtbot, wizard, FRENCH_SAMPLE)
    reach_preview(qtbot, wizard)
    click_next(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE)
    click_next(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert count_people(window) == before + 2
    assert window.undo_stack.undoText() == "Import registrations_fr_excel.csv"

    window.undo_action.trigger()
    assert count_people(window) == before
    window.redo_action.trigger()
    assert count_people(window) == before + 2
    assert window.mission is not None
    with window.mission.session_factory() as session:
        samir = session.scalars(select(Person).where(Person.email == "s.alami@cop.ma")).one()
        assert samir.organization is not None
        assert samir.organization.name == "Casablanca Offshore Partners"
