"""File → Export attendees…: an attendee list as CSV, Excel or PDF.

A preset fills in the fields (the user ticks more or fewer) and who is on the list; the side,
category and status filters narrow it. Sensitive fields (passport number, date of birth) are
only offered once the user asks for them, and the file is then marked confidential. The list
is written in the background by the window's runner, with its progress dialog on this
dialog, and the user is offered to open it. Cancelling the dialog cancels the export at its
next step, and nobody is told of its end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side, Status, label
from desktop.exchange.exporter import (
    EXPORT_FIELDS,
    PRESETS,
    AttendeeFilter,
    confidential_path,
    select_attendees,
)
from desktop.i18n import _
from desktop.ui import dialogs
from desktop.ui.context import MissionContext
from desktop.ui.exchange.importwizard import ERROR_STYLE, error_label, show_message
from desktop.ui.operations import Operation, Progress

FORMAT_CHOICES = (("xlsx", "Excel (.xlsx)"), ("csv", "CSV (.csv)"), ("pdf", "PDF (.pdf)"))
_UNSAFE = re.compile(r'[\\/:*?"<>|]+')


def export_work(preset: str, fields: list[str], filters: AttendeeFilter, fmt: str,
                target: Path, include_sensitive: bool) -> Callable[..., Any]:
    """The background work: select the list, write it, return (path, people, confidential)."""

    def work(session: Session, progress: Progress) -> tuple[Path, int, bool]:
        from desktop.exchange.writers import write_csv, write_pdf, write_xlsx
        from desktop.missions import get_mission

        progress.report(0, 0, _("Selecting the attendees…"))
        table = select_attendees(session, preset, fields, filters,
                                 include_sensitive=include_sensitive)
        output = confidential_path(target, table.confidential)
        progress.report(0, 0, _("Writing {file}…").format(file=output.name))
        if fmt == "csv":
            write_csv(table, output)
        elif fmt == "xlsx":
            write_xlsx(table, output)
        else:
            write_pdf(table, output, mission_name=get_mission(session).name)
        return output, len(table.rows), table.confidential

    return work


class ExportDialog(QDialog):
    """Choose a list, its fields, filters and format, and write it.

    Signals:
        written(object): the path of the file written.
    """

    written = Signal(object)

    def __init__(self, context: MissionContext, parent: QWidget | None = None,
                 open_file: Callable[[Path], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(_("Export attendees"))
        self.context = context
        self.open_file = open_file or (lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))))
        self.preset = QComboBox()
        self.preset.setObjectName("preset")
        for preset in PRESETS.values():
            self.preset.addItem(preset.title, preset.name)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.fields = QListWidget()
        self.fields.setObjectName("fields")
        self.sensitive = QCheckBox(_("Include sensitive fields (passport number, date of "
                                     "birth)"))
        self.sensitive.setObjectName("includeSensitive")
        self.sensitive.toggled.connect(self._sensitive_toggled)
        self.warning = QLabel(_("The file will be marked confidential: “confidential” is added "
                                "to its name and printed on its pages. Keep it safe and delete "
                                "it when it is no longer needed."))
        self.warning.setObjectName("sensitiveWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.hide()
        self.side = self._filter_combo("side", _("All sides"), Side)
        self.category = self._filter_combo("category", _("All categories"), Category)
        self.status = self._filter_combo("status", _("All statuses"), Status)
        self.format = QComboBox()
        self.format.setObjectName("format")
        for value, text in FORMAT_CHOICES:
            self.format.addItem(text, value)
        self.format.currentIndexChanged.connect(self._format_chosen)
        self.path = QLineEdit()
        self.path.setObjectName("path")
        browse = QPushButton(_("Choose…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self._browse)
        self.errors = error_label("exportError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(_("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.rejected.connect(self.cancel_jobs)
        self._lay_out(browse)
        self._preset_chosen()
        self.resize(640, 640)

    def _filter_combo(self, name: str, everyone: str, values: Any) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everyone, None)
        for value in values:
            combo.addItem(label(value), value.value)
        return combo

    def _lay_out(self, browse: QPushButton) -> None:
        fields_box = QGroupBox(_("Fields"))
        fields_layout = QVBoxLayout(fields_box)
        fields_layout.addWidget(self.fields)
        fields_layout.addWidget(self.sensitive)
        fields_layout.addWidget(self.warning)
        filters_box = QGroupBox(_("Who is on the list"))
        filters = QFormLayout(filters_box)
        filters.addRow(_("Side:"), self.side)
        filters.addRow(_("Category:"), self.category)
        filters.addRow(_("Status:"), self.status)
        top = QFormLayout()
        top.addRow(_("List:"), self.preset)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        output = QFormLayout()
        output.addRow(_("Format:"), self.format)
        output.addRow(_("File:"), file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(fields_box, 1)
        layout.addWidget(filters_box)
        layout.addLayout(output)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)

    # -- choices -------------------------------------------------------------------------------

    def _preset_chosen(self) -> None:
        preset = PRESETS[self.preset.currentData()]
        if any(EXPORT_FIELDS[k].sensitive for k in preset.fields) and preset.name != \
                "full-roster":
            self.sensitive.setChecked(True)
        self.fields.clear()
        ordered = list(preset.fields) + [k for k in EXPORT_FIELDS if k not in preset.fields]
        for key in ordered:
            field = EXPORT_FIELDS[key]
            item = QListWidgetItem(field.title + (" " + _("(sensitive)") if field.sensitive
                                                  else ""))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setCheckState(Qt.CheckState.Checked if key in preset.fields
                               else Qt.CheckState.Unchecked)
            self.fields.addItem(item)
        self._sensitive_toggled(self.sensitive.isChecked())
        self._propose_name()

    def _sensitive_toggled(self, included: bool) -> None:
        """Offer the sensitive fields (ticked when the list's preset has them), or take them
        away."""
        self.warning.setVisible(included)
        preset = PRESETS[self.preset.currentData()]
        for row in range(self.fields.count()):
            item = self.fields.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            if EXPORT_FIELDS[key].sensitive:
                flags = item.flags()
                enabled = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags | enabled if included else flags & ~enabled)
                item.setCheckState(Qt.CheckState.Checked if included and key in preset.fields
                                   else Qt.CheckState.Unchecked)

    def chosen_fields(self) -> list[str]:
        return [self.fields.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.fields.count())
                if self.fields.item(row).checkState() == Qt.CheckState.Checked]

    def _format_chosen(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix("." + self.format.currentData())))

    def _propose_name(self) -> None:
        mission = self.context.mission
        folder = mission.path.parent if mission.path is not None else Path.home()
        name = _UNSAFE.sub(" ", self.preset.currentText()).strip() or "attendees"
        self.path.setText(str(folder / f"{name}.{self.format.currentData()}"))

    def _browse(self) -> None:
        fmt = self.format.currentData()
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export attendees"), self.path.text(),
            _("{format} files (*.{suffix})").format(format=fmt.upper(), suffix=fmt))
        if path:
            self.path.setText(path)

    def filters(self) -> AttendeeFilter:
        def one(combo: QComboBox, enum_class: Any) -> tuple[Any, ...]:
            value = combo.currentData()
            return (enum_class(value),) if value else ()

        return AttendeeFilter(sides=one(self.side, Side),
                              categories=one(self.category, Category),
                              statuses=one(self.status, Status))

    # -- writing -------------------------------------------------------------------------------

    def export(self) -> None:
        """Write the list in the background; when done, offer to open it."""
        fields = self.chosen_fields()
        text = self.path.text().strip()
        if not fields:
            show_message(self.errors, _("Choose at least one field to export."))
            return
        if not text:
            show_message(self.errors, _("Choose the file to write."))
            return
        fmt = self.format.currentData()
        target = Path(text).expanduser()
        if target.suffix.lower() != "." + fmt:
            target = target.with_name(target.name + "." + fmt)
        show_message(self.errors, "")
        self.export_button.setEnabled(False)
        self.context.runner.run(Operation(
            export_work(self.preset.currentData(), fields, self.filters(), fmt, target,
                        self.sensitive.isChecked()),
            title=_("Exporting the attendees…"), mission=self.context.mission,
            on_success=self._written, on_failure=self._failed), parent=self)

    def cancel_jobs(self) -> None:
        """Stop this dialog's export under way (and no other work of the window)."""
        self.context.runner.cancel_all(self)

    def _written(self, result: tuple[Path, int, bool]) -> None:
        path, people, confidential = result
        self.export_button.setEnabled(True)
        self.written.emit(path)
        text = _("Wrote {file}: {n} people.").format(file=path, n=people)
        if confidential:
            text += "\n" + _("This list is confidential: it holds passport numbers or dates "
                             "of birth.")
        self.accept()
        def open_it() -> None:
            self.open_file(path)

        dialogs.ask(self.parentWidget() or self, _("Export attendees"), text,
                    _("Open the file"), open_it, name="exportDone")

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        show_message(self.errors, dialogs.error_text(error))
