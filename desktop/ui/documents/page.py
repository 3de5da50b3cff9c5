"""The Documents page: choose a document, see its first page, write the PDF and open it.

Choices load in the background; every change of an option refreshes the preview after a
short pause (a newer preview replaces one under way). Writing runs as an operation of the
window's runner, with progress ("12 of 300 itineraries") and Cancel; nothing half-written is
left behind. Loading the choices and the previews are quiet operations of the same runner,
on its reading lane (they only read), so that no progress dialog flashes while options are
being changed and a long write does not hold up the preview: the page says itself that the
preview is being prepared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import MissionDeskError
from desktop.i18n import _, ngettext
from desktop.ui import dialogs
from desktop.ui.context import MissionContext
from desktop.ui.documents.choices import Choices, load_choices
from desktop.ui.documents.jobs import (
    Preview,
    make_preview,
    write_calendar_files,
    write_document,
)
from desktop.ui.documents.kinds import KINDS, proposed_file_name, safe_file_name
from desktop.ui.documents.options import DocumentOptions
from desktop.ui.documents.preview import PagePreview
from desktop.ui.operations import Operation
from desktop.ui.pages import PageSpec, register_page
from desktop.ui.pages.base import Page
from desktop.ui.settings import app_settings

PREVIEW_DELAY_MS = 400
FOLDER_SETTING = "documents/folder"


class DocumentsPage(Page):
    """Options on the left, the first page on the right, "Write PDF…" below.

    Signals:
        preview_ready(): the preview shows the current choices (a page, or why there is none).
        written(object): the files a write produced (a list of ``Path``).
        write_finished(): a write is over, whether it succeeded, failed or was stopped.
    """

    key = "documents"
    preview_ready = Signal()
    written = Signal(object)
    write_finished = Signal()

    def __init__(self, context: MissionContext) -> None:
        super().__init__(context)
        self.options = DocumentOptions()
        self.preview = PagePreview()
        self.last_preview: Preview | None = None
        self.preview_job: Operation | None = None
        self.write_job: Operation | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._stale = False

        self.write_button = QPushButton(_("&Write PDF…"))
        self.write_button.setObjectName("writePdf")
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.choose_and_write)
        self.calendar_button = QPushButton(_("Export to &calendar…"))
        self.calendar_button.setObjectName("writeCalendar")
        self.calendar_button.setToolTip(_(
            "Calendar files (.ics) for phones and laptops: flights, transfers, hotels, "
            "sessions and B2B meetings, each at its local time. One file for one person, or "
            "one per person in a folder."))
        self.calendar_button.clicked.connect(self.choose_and_export_calendar)
        self.status = QLabel()
        self.status.setObjectName("documentStatus")
        self.status.setWordWrap(True)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.options)
        # The options never scroll sideways: the pane is at least as wide as their widest row.
        scroll.setMinimumWidth(self.options.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width()
                               + 2 * scroll.frameWidth())
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.calendar_button)
        buttons.addWidget(self.write_button)
        column.addLayout(buttons)
        splitter = QSplitter()
        splitter.setObjectName("documentsSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.splitter = splitter
        state = app_settings().value("documents/splitter")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.options.changed.connect(self.schedule_preview)
        self.options.changed.connect(self._show_calendar_button)
        context.events.changed.connect(self._mission_changed)
        self._show_calendar_button()

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        self.preview.set_message(_("Preparing the preview…"))
        self._start_quiet(Operation(lambda session, progress: load_choices(session),
                                    title=_("Reading the mission…"),
                                    mission=self.context.mission, reads_only=True,
                                    on_success=self._choices_loaded,
                                    on_failure=self.context.show_error))

    def _choices_loaded(self, choices: Choices) -> None:
        self.options.set_choices(choices)  # emits changed: a preview follows
        self.refresh_preview()

    def _mission_changed(self, kind: str) -> None:
        if self._activated:
            self._stale = True
            if self.isVisible():
                self._stale = False
                self.load()

    def activate(self) -> None:
        super().activate()
        if self._stale:
            self._stale = False
            self.load()

    def show_document(self, kind: str) -> None:
        """Choose the document ``kind`` (e.g. ``"directory"`` from the export dialog)."""
        self.activate()
        self.options.set_kind(kind)

    # -- the preview -------------------------------------------------------------------------

    def schedule_preview(self) -> None:
        """Refresh the preview once the options have been still for a moment."""
        self._timer.start()

    def refresh_preview(self) -> Operation:
        """Render the first page of the current choices now (replacing a preview under way)."""
        self._timer.stop()
        if self.preview_job is not None and not self.preview_job.done:
            self.preview_job.cancel()
        request = self.options.request()
        self.preview.set_message(_("Preparing the preview…"), keep_image=True)
        job = Operation(lambda session, progress: make_preview(session, progress, request),
                        title=_("Preparing the preview…"), mission=self.context.mission,
                        reads_only=True, on_success=self._preview_done,
                        on_failure=self._preview_failed)
        self.preview_job = job
        return self._start_quiet(job)

    def _start_quiet(self, operation: Operation) -> Operation:
        """Run a read of the page's own on the runner, without a progress dialog."""
        return self.context.runner.run(operation, quiet=True, parent=self)

    def _preview_done(self, preview: Preview) -> None:
        if self.preview_job is None or self.preview_job.result is not preview:
            return  # an older preview, already replaced
        self.last_preview = preview
        self.preview.set_image(preview.image)
        self.preview_ready.emit()

    def _preview_failed(self, error: BaseException) -> None:
        if self.preview_job is None or self.preview_job.error is not error:
            return
        self.last_preview = None
        self.preview.set_message(dialogs.error_text(error))
        self.preview_ready.emit()

    # -- writing -----------------------------------------------------------------------------

    def folder(self) -> str:
        saved = app_settings().value(FOLDER_SETTING, "")
        if saved and Path(str(saved)).is_dir():
            return str(saved)
        mission = self.context.mission
        return str(mission.path.parent) if mission.path is not None else str(Path.home())

    def choose_and_write(self) -> None:
        """Ask where (a file, or a folder for one itinerary per person), then write."""
        request = self.options.request()
        if request.kind == "itinerary" and request.split:
            target = QFileDialog.getExistingDirectory(
                self, _("Choose a folder for the itineraries"), self.folder())
        else:
            suggested = str(Path(self.folder()) / proposed_file_name(
                request, self.options.subject()))
            target, _filter = QFileDialog.getSaveFileName(
                self, _("Write the PDF"), suggested, _("PDF documents (*.pdf)"))
            if target and not target.lower().endswith(".pdf"):
                target += ".pdf"
        if target:
            self.write(Path(target))

    def write(self, target: Path) -> Operation:
        """Write the current document to ``target`` in the background."""
        request = self.options.request()
        app_settings().setValue(FOLDER_SETTING, str(
            target if request.kind == "itinerary" and request.split else target.parent))
        title = _("Writing {document}…").format(document=_(KINDS[request.kind].title))
        return self._run_write(Operation(
            lambda session, progress: write_document(session, progress, request, target),
            title=title, mission=self.context.mission, on_success=self._written,
            on_failure=self._write_failed))

    def _run_write(self, job: Operation) -> Operation:
        """Run a write in the background, its progress on the status line, the buttons off."""
        job.progress.connect(self._progress)
        job.finished.connect(self._write_over)
        self.write_job = job
        self.write_button.setEnabled(False)
        self.calendar_button.setEnabled(False)
        self.status.setText(job.title)
        return self.context.runner.run(job, parent=self)

    # -- calendars (itineraries only) ----------------------------------------------------------

    def _show_calendar_button(self) -> None:
        self.calendar_button.setVisible(self.options.request().kind == "itinerary")

    def choose_and_export_calendar(self) -> None:
        """Ask where (one person's .ics file, or a folder for one per person), then write."""
        request = self.options.request()
        one = request.who == "person" or (request.who == "people"
                                          and len(request.person_ids) == 1)
        if one:
            suggested = str(Path(self.folder()) / (safe_file_name(
                self.options.subject() or _("Calendar")) + ".ics"))
            target, _filter = QFileDialog.getSaveFileName(
                self, _("Export to calendar"), suggested, _("Calendar files (*.ics)"))
            if target and not target.lower().endswith(".ics"):
                target += ".ics"
        else:
            target = QFileDialog.getExistingDirectory(
                self, _("Choose a folder for the calendars"), self.folder())
        if target:
            self.export_calendar(Path(target))

    def export_calendar(self, target: Path) -> Operation:
        """Write the chosen people's calendars to ``target`` (an .ics file or a folder)."""
        request = self.options.request()
        app_settings().setValue(FOLDER_SETTING, str(
            target.parent if target.suffix.lower() == ".ics" else target))
        return self._run_write(Operation(
            lambda session, progress: write_calendar_files(session, progress, request, target),
            title=_("Writing the calendars…"), mission=self.context.mission,
            on_success=self._calendars_written, on_failure=self._write_failed))

    def _calendars_written(self, paths: list[Path]) -> None:
        """Say what was written and offer the folder: opening a calendar file would import a
        delegate's calendar into the organiser's own."""
        self.written.emit(paths)
        folder = paths[0].parent if paths else Path()
        text = ngettext("Wrote {n} calendar into {folder}.", "Wrote {n} calendars into {folder}.",
                        len(paths)).format(n=len(paths), folder=str(folder))
        self.status.setText(text)
        if paths:
            dialogs.ask(self, _("Calendars written"), text + "\n\n" + _("Show the folder?"),
                        _("Show"), lambda: open_with_system(folder), name="openDocument")

    def _progress(self, done: int, total: int, message: str) -> None:
        self.status.setText(message)

    def _written(self, paths: list[Path]) -> None:
        self.written.emit(paths)
        if len(paths) == 1:
            text = _("Wrote {file}.").format(file=paths[0].name)
            where = paths[0]
        else:
            text = ngettext("Wrote {n} file into {folder}.", "Wrote {n} files into {folder}.",
                            len(paths)).format(n=len(paths), folder=str(paths[0].parent)
                                               if paths else "")
            where = paths[0].parent if paths else Path()
        self.status.setText(text)
        if paths:
            dialogs.ask(self, _("Document written"), text + "\n\n" + _("Open it now?"),
                        _("Open"), lambda: open_with_system(where), name="openDocument")

    def _write_failed(self, error: BaseException) -> None:
        self.status.setText("")
        if isinstance(error, MissionDeskError):
            dialogs.show_error(self, error)
        else:
            self.context.show_error(error)

    def _write_over(self) -> None:
        job = self.write_job
        if job is not None and job.cancelled:
            self.status.setText(_("Stopped: nothing was written."))
        self.write_button.setEnabled(True)
        self.calendar_button.setEnabled(True)
        self.write_finished.emit()

    def save_state(self) -> None:
        app_settings().setValue("documents/splitter", self.splitter.saveState())


def open_with_system(path: Path) -> Any:
    """Open a file or folder with the system's viewer."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


register_page(PageSpec("documents", lambda: _("Documents"), DocumentsPage, order=70))
