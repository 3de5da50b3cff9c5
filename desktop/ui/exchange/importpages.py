"""The import wizard's mapping and preview pages.

The mapping page lists the file's columns with an example value and the field each one fills
(recognised headers are filled in; the user picks the rest, or loads a mapping saved as JSON).
The preview page checks every row in the background and shows what it would do, rejected
rows in red with their problems; its Import button writes in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from desktop.errors import ImportProblem, os_reason
from desktop.exchange.fields import field_specs, kind_label
from desktop.exchange.importer import Outcome
from desktop.exchange.mapping import (
    Mapping,
    check_mapping,
    combine,
    guess_mapping,
    load_mapping,
    save_mapping,
)
from desktop.exchange.values import cell_text
from desktop.i18n import _, ngettext
from desktop.ui.dialogs import error_text
from desktop.ui.exchange.importwizard import RESULT_PAGE, error_label, show_message
from desktop.ui.exchange.jobs import (
    ImportDone,
    PreviewRow,
    PreviewSummary,
    importing,
    previewing,
)
from desktop.ui.exchange.previewmodel import PreviewModel, problems_text
from desktop.ui.exchange.undoimport import ImportCommand

if TYPE_CHECKING:
    from desktop.ui.exchange.importwizard import ImportWizard

SAMPLE_ROWS = 20


class MappingPage(QWizardPage):
    """Which column of the file fills which field."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Match the columns"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels([_("Column in the file"), _("Example"),
                                              _("Imported as")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: list[QComboBox] = []
        self.date_order = QComboBox()
        self.date_order.setObjectName("dateOrder")
        self.date_order.addItem(_("Dates: tell from the file"), None)
        self.date_order.addItem(_("Dates: day first (25/12/2007)"), "dmy")
        self.date_order.addItem(_("Dates: month first (12/25/2007)"), "mdy")
        load = QPushButton(_("Load a mapping…"))
        load.setObjectName("loadMapping")
        load.clicked.connect(self._load)
        save = QPushButton(_("Save this mapping…"))
        save.setObjectName("saveMapping")
        save.clicked.connect(self._save)
        self.status = QLabel()
        self.status.setObjectName("mappingStatus")
        self.status.setWordWrap(True)
        self.errors = error_label("mappingError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.date_order)
        buttons.addStretch(1)
        buttons.addWidget(load)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.errors)

    def initializePage(self) -> None:  # noqa: N802
        wizard = self.owner
        source = wizard.source
        assert source is not None
        self.setSubTitle(_("{file}: say which field each column holds. Recognised columns are "
                           "filled in; a column left at “Not imported” is skipped.").format(
            file=source.name if not source.sheet else _("{file}, sheet “{sheet}”").format(
                file=source.name, sheet=source.sheet)))
        mapping = wizard.mapping if wizard.mapping is not None and \
            wizard.mapping.kind is wizard.kind else guess_mapping(wizard.kind, source.headers)
        self._fill(mapping)

    def _fill(self, mapping: Mapping) -> None:
        source = self.owner.source
        assert source is not None
        choices = [(_("Not imported"), None)] + [
            (spec.title, spec.key) for spec in field_specs(mapping.kind)]
        self.table.setRowCount(len(source.headers))
        self.combos = []
        for row, header in enumerate(source.headers):
            example = next((cell_text(r.cells[row]) for r in source.rows[:SAMPLE_ROWS]
                            if row < len(r.cells) and cell_text(r.cells[row])), "")
            self.table.setItem(row, 0, QTableWidgetItem(header))
            self.table.setItem(row, 1, QTableWidgetItem(example))
            combo = QComboBox()
            combo.setObjectName(f"map_{row}")
            for text, key in choices:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(header))))
            combo.currentIndexChanged.connect(self._update_status)
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self.date_order.setCurrentIndex(max(0, self.date_order.findData(mapping.date_order)))
        self._update_status()

    def current_mapping(self) -> Mapping:
        source = self.owner.source
        assert source is not None
        columns = {header: combo.currentData() for header, combo in
                   zip(source.headers, self.combos, strict=True)}
        return Mapping(kind=self.owner.kind, columns=columns,
                       date_order=self.date_order.currentData())

    def _update_status(self) -> None:
        mapping = self.current_mapping()
        used = len(mapping.mapped_fields())
        self.status.setText(ngettext(
            "{n} of the {total} columns is imported into {kind}.",
            "{n} of the {total} columns are imported into {kind}.", used).format(
            n=used, total=len(mapping.columns), kind=kind_label(mapping.kind)))
        show_message(self.errors, "")

    def _load(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Load a mapping"), "", _("Mappings (*.json);;All files (*)"))
        if path:
            self.load_from(Path(path))

    def load_from(self, path: Path) -> None:
        """Apply a mapping saved earlier (the columns it names; the others stay as they are)."""
        try:
            saved = load_mapping(path, self.owner.kind)
            self._fill(combine(self.current_mapping(), saved))
        except ImportProblem as problem:
            show_message(self.errors, problem.message)

    def _save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the mapping"), "", _("Mappings (*.json);;All files (*)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        try:
            save_mapping(self.current_mapping(), path)
        except OSError as exc:
            show_message(self.errors, _("Cannot write {file}: {reason}").format(
                file=path.name, reason=os_reason(exc)))

    def validatePage(self) -> bool:  # noqa: N802
        mapping = self.current_mapping()
        source = self.owner.source
        try:
            check_mapping(mapping, file=source.name if source else None)
        except ImportProblem as problem:
            show_message(self.errors, problem.message)
            return False
        self.owner.mapping = mapping
        return True


class PreviewPage(QWizardPage):
    """What each row would do; Import writes it (all or nothing, or the good rows only)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Check before importing"))
        self.setSubTitle(_("What each row would do. Nothing is written until you press "
                           "Import; a rejected row shows its problems when chosen."))
        self.setCommitPage(True)
        self.summary: PreviewSummary | None = None
        self.busy = False
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.counts.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setObjectName("previewTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PreviewModel.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._row_chosen)
        self.details = QPlainTextEdit()
        self.details.setObjectName("rowProblems")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(_("Choose a row to see its problems."))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.all_or_nothing = QRadioButton(_("Import everything, or nothing if a row is "
                                             "rejected"))
        self.all_or_nothing.setObjectName("allOrNothing")
        self.all_or_nothing.setChecked(True)
        self.skip_invalid = QRadioButton(_("Import the good rows and save the rejected ones "
                                           "to a file:"))
        self.skip_invalid.setObjectName("skipInvalid")
        group = QButtonGroup(self)
        group.addButton(self.all_or_nothing)
        group.addButton(self.skip_invalid)
        self.rejected_file = QLineEdit()
        self.rejected_file.setObjectName("rejectedFile")
        self.skip_invalid.toggled.connect(self.rejected_file.setEnabled)
        self.rejected_file.setEnabled(False)
        skip_row = QHBoxLayout()
        skip_row.addWidget(self.skip_invalid)
        skip_row.addWidget(self.rejected_file, 1)
        self.errors = error_label("importError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.notes)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.all_or_nothing)
        layout.addLayout(skip_row)
        layout.addWidget(self.errors)

    def initializePage(self) -> None:  # noqa: N802
        wizard = self.owner
        assert wizard.source is not None and wizard.mapping is not None and wizard.path
        self.summary = None
        self.model.set_rows([])
        self.details.clear()
        show_message(self.errors, "")
        self.notes.hide()
        self.counts.setText(_("Checking every row…"))
        self.rejected_file.setText(str(wizard.path.with_name(
            _("{name}-rejected.csv").format(name=wizard.path.stem))))
        self.busy = True
        self.completeChanged.emit()
        wizard.run(previewing(wizard.kind, wizard.source, wizard.mapping),
                   title=_("Checking {file}…").format(file=wizard.source.name), mission=True,
                   on_success=self._previewed, on_failure=self._preview_failed)

    def _previewed(self, summary: PreviewSummary) -> None:
        self.busy = False
        self.summary = summary
        self.model.set_rows(summary.rows)
        self.view.resizeColumnsToContents()
        self.counts.setText(_("{file}: {summary}").format(file=self.owner.source.name
                                                          if self.owner.source else "",
                                                          summary=summary.summary))
        show_message(self.notes, "\n".join(summary.notes))
        self.notes.setStyleSheet("")
        first = next((r for r in summary.rows if r.outcome is Outcome.REJECTED), None)
        if first is not None:  # shown, not selected, so that its row stays red
            self._show_details(first)
        self.completeChanged.emit()

    def _preview_failed(self, error: BaseException) -> None:
        self.busy = False
        self.counts.setText("")
        show_message(self.errors, error_text(error))
        self.completeChanged.emit()

    def _row_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        row = self.model.row_at(indexes[0]) if indexes else None
        if row is None:
            self.details.clear()
        else:
            self._show_details(row)

    def _show_details(self, row: PreviewRow) -> None:
        text = problems_text(row) or (_("Changes: {fields}").format(
            fields=", ".join(row.changes)) if row.changes else _("No problem."))
        self.details.setPlainText(_("Row {row}").format(row=row.row) + "\n" + text)

    def isComplete(self) -> bool:  # noqa: N802
        return self.summary is not None and not self.busy

    def validatePage(self) -> bool:  # noqa: N802
        wizard = self.owner
        if wizard.outcome is not None:
            return True
        if self.busy:
            return False
        assert wizard.source is not None and wizard.mapping is not None
        skip = self.skip_invalid.isChecked()
        target = Path(self.rejected_file.text().strip()).expanduser() if skip else None
        self.busy = True
        self.completeChanged.emit()
        show_message(self.errors, "")
        wizard.run(importing(wizard.kind, wizard.source, wizard.mapping, skip_invalid=skip,
                             rejected_file=target),
                   title=_("Importing {file}…").format(file=wizard.source.name), mission=True,
                   writes=True, on_success=self._imported, on_failure=self._import_failed)
        return False

    def _imported(self, done: ImportDone) -> None:
        self.busy = False
        wizard = self.owner
        wizard.outcome = done
        if not done.changes.empty and wizard.path is not None:
            wizard.context.undo_stack.push(ImportCommand(
                wizard.context, _("Import {file}").format(file=wizard.path.name),
                done.changes))
        wizard.context.events.changed.emit("*")
        self.completeChanged.emit()
        wizard.next()

    def _import_failed(self, error: BaseException) -> None:
        self.busy = False
        show_message(self.errors, error_text(error))
        self.completeChanged.emit()

    def nextId(self) -> int:  # noqa: N802
        return RESULT_PAGE
