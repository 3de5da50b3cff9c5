"""File → Import…: a wizard from a CSV or Excel file to records in the mission.

The steps: choose the kind of list and the file; choose the sheet of a workbook that has
several; check which column means which field; preview what every row would do; import.
Reading, previewing and importing run as operations of the window's runner, each with its
own Session, so a large file shows progress and can be cancelled; the import is one
transaction, queued with the window's other work on the mission. Their progress dialog sits on
the wizard (the window under it is blocked while the wizard is open), and cancelling the
wizard cancels its jobs and no other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.exchange.fields import Kind, kind_label
from desktop.exchange.mapping import Mapping
from desktop.exchange.sources import Source
from desktop.i18n import _
from desktop.ui.context import MissionContext
from desktop.ui.dialogs import error_text
from desktop.ui.exchange.jobs import ImportDone, PreviewSummary, reading
from desktop.ui.operations import Operation

FILE_PAGE, SHEET_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE = range(5)
ERROR_STYLE = "color: #a4262c;"
FILE_FILTER = "*.csv *.txt *.tsv *.xlsx *.xlsm"


def error_label(name: str) -> QLabel:
    """A red, word-wrapped label for a problem the user can act on (hidden when empty)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class ImportWizard(QWizard):
    """The import wizard for the open mission; its pages share the state kept here.

    Signals: none of its own (QWizard's ``finished`` tells when it closes).
    """

    def __init__(self, context: MissionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.ui.exchange.importpages import MappingPage, PreviewPage

        self.setObjectName("importWizard")
        self.context = context
        self.kind = Kind.PEOPLE
        self.path: Path | None = None
        self.source: Source | None = None
        self.mapping: Mapping | None = None
        self.summary: PreviewSummary | None = None
        self.outcome: ImportDone | None = None
        self.setWindowTitle(_("Import a list"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        for button, text in ((QWizard.WizardButton.NextButton, _("Next")),
                             (QWizard.WizardButton.BackButton, _("Back")),
                             (QWizard.WizardButton.CancelButton, _("Cancel")),
                             (QWizard.WizardButton.FinishButton, _("Close")),
                             (QWizard.WizardButton.CommitButton, _("Import"))):
            self.setButtonText(button, text)
        self.setPage(FILE_PAGE, FilePage(self))
        self.setPage(SHEET_PAGE, SheetPage(self))
        self.setPage(MAPPING_PAGE, MappingPage(self))
        self.setPage(PREVIEW_PAGE, PreviewPage(self))
        self.setPage(RESULT_PAGE, ResultPage(self))
        self.resize(920, 640)
        self.rejected.connect(self.cancel_jobs)

    def run(self, work: Callable[..., Any], *, title: str, mission: bool, writes: bool = False,
            on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None]) -> Operation:
        """Start background work for a page (its progress dialog sits on the wizard)."""
        return self.context.runner.run(Operation(
            work, title=title, mission=self.context.mission if mission else None,
            writes=writes, on_success=on_success, on_failure=on_failure), parent=self)

    def cancel_jobs(self) -> None:
        """Stop the wizard's own work under way (an import stopped writes nothing)."""
        self.context.runner.cancel_all(self)

    def read(self, path: Path, sheet: str | None, page: QWizardPage, errors: QLabel) -> None:
        """Read ``path`` in the background, then go on to the next page (or say why not)."""

        def read_done(source: Source) -> None:
            self.path, self.source = path, source
            self.mapping = None
            page.setEnabled(True)
            self.next()

        def read_failed(error: BaseException) -> None:
            page.setEnabled(True)
            show_message(errors, error_text(error))

        show_message(errors, "")
        page.setEnabled(False)
        self.run(reading(path, sheet), title=_("Reading {file}…").format(file=path.name),
                 mission=False, on_success=read_done, on_failure=read_failed)


class FilePage(QWizardPage):
    """What to import, and from which file."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Choose the list to import"))
        self.setSubTitle(_("A CSV file or an Excel workbook (.xlsx), with a header row; "
                           "English and French column names are recognised."))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in Kind:
            self.kind.addItem(kind_label(kind).capitalize(), kind.value)
        self.kind.setCurrentIndex(list(Kind).index(Kind.PEOPLE))
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setPlaceholderText(_("The file to import"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(_("Choose…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(_("What the file holds:"), self.kind)
        form.addRow(_("File:"), row)
        self.errors = error_label("fileError")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addStretch(1)

    def _browse(self) -> None:
        folder = str(Path(self.path.text()).parent) if self.path.text() else ""
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import a list"), folder,
            _("Lists (CSV or Excel) ({patterns});;All files (*)").format(patterns=FILE_FILTER))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        wizard = self.owner
        wizard.kind = Kind(self.kind.currentData())
        path = Path(self.path.text().strip()).expanduser()
        if wizard.source is not None and wizard.path == path:
            return True
        wizard.read(path, None, self, self.errors)
        return False

    def nextId(self) -> int:  # noqa: N802
        source = self.owner.source
        return SHEET_PAGE if source is not None and len(source.sheets) > 1 else MAPPING_PAGE


class SheetPage(QWizardPage):
    """Which sheet of a workbook with several."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Choose the sheet"))
        self.setSubTitle(_("This workbook has several sheets; the list is read from one."))
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        self.errors = error_label("sheetError")
        form = QFormLayout(self)
        form.addRow(_("Sheet:"), self.sheet)
        form.addRow(self.errors)

    def initializePage(self) -> None:  # noqa: N802
        source = self.owner.source
        assert source is not None
        self.sheet.clear()
        self.sheet.addItems(source.sheets)
        self.sheet.setCurrentText(source.sheet or "")

    def validatePage(self) -> bool:  # noqa: N802
        source, path = self.owner.source, self.owner.path
        assert source is not None and path is not None
        if self.sheet.currentText() == source.sheet:
            return True
        self.owner.source = None
        self.owner.read(path, self.sheet.currentText(), self, self.errors)
        return False

    def nextId(self) -> int:  # noqa: N802
        return MAPPING_PAGE


class ResultPage(QWizardPage):
    """What the import wrote."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Import finished"))
        self.setSubTitle(_("The mission's pages show the imported records."))
        self.summary = QLabel()
        self.summary.setObjectName("resultSummary")
        self.summary.setWordWrap(True)
        self.rejected = QLabel()
        self.rejected.setObjectName("resultRejected")
        self.rejected.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.rejected)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        done, path = self.owner.outcome, self.owner.path
        assert done is not None and path is not None
        self.summary.setText(_("Imported {file}: {summary}").format(file=path.name,
                                                                   summary=done.summary))
        if done.rejected_file is not None:
            self.rejected.setText(_("The rejected rows are in {file}: fix them there and "
                                    "import that file.").format(file=done.rejected_file))
        self.rejected.setVisible(done.rejected_file is not None)
