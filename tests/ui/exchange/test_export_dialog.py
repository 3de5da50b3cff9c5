"""File → Export attendees…: a preset's fields, filters, a format, a file; sensitive fields
only on request, with the file marked confidential."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from desktop.ui.exchange.exportdialog import ExportDialog
from desktop.ui.mainwindow import MainWindow

from .conftest import click, message_box, open_export


def choose(dialog: ExportDialog, name: str, data: str) -> None:
    combo = dialog.findChild(QComboBox, name)
    combo.setCurrentIndex(combo.findData(data))


def field_states(dialog: ExportDialog) -> dict[str, tuple[bool, bool]]:
    """Each field's key: (ticked, can be ticked)."""
    fields = dialog.findChild(QListWidget, "fields")
    return {fields.item(r).data(Qt.ItemDataRole.UserRole): (
        fields.item(r).checkState() == Qt.CheckState.Checked,
        bool(fields.item(r).flags() & Qt.ItemFlag.ItemIsEnabled))
        for r in range(fields.count())}


def export_and_wait(qtbot: QtBot, dialog: ExportDialog) -> None:
    click(qtbot, dialog.findChild(QPushButton, "export"))
    qtbot.waitUntil(lambda: message_box("exportDone") is not None)


def test_a_contact_sheet_of_hosts_written_as_excel(window: MainWindow, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    dialog = open_export(window)
    opened: list[Path] = []
    dialog.open_file = opened.append
    choose(dialog, "preset", "contacts")
    ticked = [key for key, (on, _enabled) in field_states(dialog).items() if on]
    assert ticked == ["family_name", "given_name", "organization", "job_title", "email",
                      "phone"]
    assert dialog.findChild(QLineEdit, "path").text().endswith("Contact sheet.xlsx")
    choose(dialog, "side", "host")
    target = tmp_path / "hosts.xlsx"
    dialog.findChild(QLineEdit, "path").setText(str(target))
    export_and_wait(qtbot, dialog)
    box = message_box("exportDone")
    assert box is not None and "hosts.xlsx" in box.text()
    click(qtbot, box.findChild(QPushButton, "yes"))
    assert opened == [target]

    sheet = openpyxl.load_workbook(target, read_only=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Last name", "First name", "Organisation", "Job title", "Email", "Phone")
    assert len(rows) > 5
    assert all(row[2] for row in rows[1:])  # hosts all come with their organisation


def test_sensitive_fields_need_asking_and_mark_the_file_confidential(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_export(window)
    dialog.open_file = lambda path: None
    sensitive = dialog.findChild(QCheckBox, "includeSensitive")
    warning = dialog.findChild(QLabel, "sensitiveWarning")
    assert not sensitive.isChecked() and not warning.isVisible()
    assert field_states(dialog)["passport_number"] == (False, False)
    click(qtbot, sensitive)  # the full roster then includes them
    assert warning.isVisible() and "confidential" in warning.text()
    assert field_states(dialog)["passport_number"] == (True, True)
    click(qtbot, sensitive)
    assert field_states(dialog)["passport_number"] == (False, False)

    choose(dialog, "preset", "passports")
    choose(dialog, "format", "csv")
    path = dialog.findChild(QLineEdit, "path")
    assert path.text().endswith("Passport list.csv")
    path.setText(str(tmp_path / "passports.csv"))
    export_and_wait(qtbot, dialog)
    written = tmp_path / "passports-confidential.csv"
    header = written.read_text("utf-8-sig").splitlines()[0]
    assert header == ("Last name,First name,Organisation,Nationality,Passport number,"
                      "Passport expiry,Date of birth")
    assert not (tmp_path / "passports.csv").exists()


def test_no_field_ticked_is_explained(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_export(window)
    fields = dialog.findChild(QListWidget, "fields")
    for row in range(fields.count()):
        fields.item(row).setCheckState(Qt.CheckState.Unchecked)
    click(qtbot, dialog.findChild(QPushButton, "export"))
    error = dialog.findChild(QLabel, "exportError")
    assert error.isVisible() and "at least one field" in error.text()
