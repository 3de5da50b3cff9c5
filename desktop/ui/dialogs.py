"""Small dialogs: questions, errors, About, keyboard shortcuts, new mission, backups.

Questions and errors open window-modal without blocking (``open()``, not ``exec()``), so the
event loop keeps running and tests drive them like a person would.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.errors import MissionDeskError, os_error_text
from desktop.i18n import _, current_language, format_datetime, format_number

if TYPE_CHECKING:
    from desktop.db.backup import BackupInfo


def ask(parent: QWidget, title: str, text: str, yes: str,
        on_yes: Callable[[], None], *, destructive: bool = False,
        name: str = "question") -> QMessageBox:
    """Ask a yes/cancel question; ``on_yes`` runs if the user agrees."""
    box = QMessageBox(QMessageBox.Icon.Question if not destructive
                      else QMessageBox.Icon.Warning, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    role = (QMessageBox.ButtonRole.DestructiveRole if destructive
            else QMessageBox.ButtonRole.AcceptRole)
    agree = box.addButton(yes, role)
    agree.setObjectName("yes")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)

    def finished() -> None:
        if box.clickedButton() is agree:
            on_yes()
        box.deleteLater()

    box.finished.connect(finished)
    box.open()
    return box


def error_text(error: BaseException) -> str:
    if isinstance(error, MissionDeskError):
        return str(error)
    if isinstance(error, OSError):  # a disk full, a file taken away: said in words
        return os_error_text(error)
    trace = getattr(error, "__mission_desk_traceback__", None)
    if trace:
        print(trace, file=sys.stderr)
    return _("Something went wrong: {error}").format(error=error)


def show_error(parent: QWidget, error: BaseException) -> QMessageBox:
    """Tell the user what went wrong, in words they can act on (never a traceback)."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Mission Desk"), error_text(error),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.finished.connect(box.deleteLater)
    box.open()
    return box


def about(parent: QWidget) -> None:
    QMessageBox.about(parent, _("About Mission Desk"), _(
        "<h3>Mission Desk {version}</h3><p>Organise a business trade mission: the roster, the "
        "programme, B2B meetings and travel, in English and French, offline.</p>")
        .format(version=__version__))


def shortcut_rows() -> list[tuple[str, QKeySequence]]:
    keys = QKeySequence.StandardKey
    return [
        (_("New mission"), QKeySequence(keys.New)),
        (_("Open a mission"), QKeySequence(keys.Open)),
        (_("Print what the page shows (the Documents page)"), QKeySequence(keys.Print)),
        (_("Close the mission"), QKeySequence(keys.Close)),
        (_("Quit"), quit_keys()),
        (_("Undo"), QKeySequence(keys.Undo)),
        (_("Redo"), QKeySequence(keys.Redo)),
        (_("Reload the mission"), QKeySequence(keys.Refresh)),
        (_("Find (filter the table)"), QKeySequence(keys.Find)),
        (_("Delete the selected record"), QKeySequence(keys.Delete)),
        (_("Save the record being edited"), QKeySequence(keys.Save)),
        (_("Forget the edits of the record"), QKeySequence(Qt.Key.Key_Escape)),
        (_("Add a record"), QKeySequence("Ctrl+Shift+N")),
        (_("Duplicate the record"), QKeySequence("Ctrl+D")),
        (_("Go to page 1, 2, 3…"), QKeySequence("Ctrl+1")),
        (_("Keyboard shortcuts"), QKeySequence(keys.HelpContents)),
    ]


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts, as this platform writes them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        rows = shortcut_rows()
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([_("Action"), _("Shortcut")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (text, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(text))
            table.setItem(row, 1, QTableWidgetItem(
                keys.toString(QKeySequence.SequenceFormat.NativeText)))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(480, 460)


def quit_keys() -> QKeySequence:
    """The platform's Quit keys; Ctrl+Q where it has none (Windows)."""
    keys = QKeySequence(QKeySequence.StandardKey.Quit)
    return keys if not keys.isEmpty() else QKeySequence("Ctrl+Q")


class NewMissionDialog(QDialog):
    """The name and dates of a new mission; OK is refused, with the reason shown, while
    ``check`` (if given) raises a :class:`~desktop.errors.MissionDeskError`."""

    def __init__(self, parent: QWidget | None = None,
                 check: Callable[[NewMissionDialog], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newMission")
        self.setWindowTitle(_("New mission"))
        self.check = check
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.start = QDateEdit(QDate.currentDate())
        self.start.setObjectName("start")
        self.end = QDateEdit(QDate.currentDate().addDays(3))
        self.end.setObjectName("end")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            # Days as the forms write them, with the year in full.
            edit.setDisplayFormat("dd/MM/yyyy" if current_language() == "fr" else "yyyy-MM-dd")
        self.organisers = QLineEdit()
        self.organisers.setObjectName("organisers")
        form = QFormLayout()
        form.addRow(_("&Name"), self.name)
        form.addRow(_("&Starts"), self.start)
        form.addRow(_("&Ends"), self.end)
        form.addRow(_("&Organisers"), self.organisers)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def dates(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def accept(self) -> None:
        if self.check is not None:
            try:
                self.check(self)
            except MissionDeskError as exc:
                self.message.setText(exc.message)
                self.name.setFocus()
                return
        super().accept()


class BackupsDialog(QDialog):
    """Choose one of the mission's backups, newest first."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBackup")
        self.setWindowTitle(_("Restore a backup"))
        self.list = QListWidget()
        self.list.setObjectName("backups")
        for info in backups:
            item = QListWidgetItem(_("{when} ({size} KB)").format(
                when=format_datetime(info.taken_at, "medium"),
                size=format_number(round(info.size / 1024))))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self.accept)
        explanation = QLabel(_("The mission is replaced by the backup you choose. What it holds "
                               "now is backed up first, so a restore can be undone by "
                               "restoring that copy."))
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Restore"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(420, 360)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
