"""The work the Documents page runs in the background: a first-page preview, and writing.

Both are functions of ``(session, progress)`` for an :class:`~desktop.ui.operations.Operation`.
Writing is all or nothing: a document is rendered in memory and then written under a
temporary name that is renamed when complete; itineraries split into a folder are written to
a hidden folder first and moved into place only when every file is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage
from sqlalchemy.orm import Session

from desktop.i18n import ngettext
from desktop.ui.documents.kinds import KINDS, DocumentRequest, build_document, selection_of
from desktop.ui.operations import Progress

PREVIEW_DPI = 110


@dataclass(frozen=True)
class Preview:
    """The first page of a document: its PDF (one page) and the page as an image."""

    request: DocumentRequest
    pdf: bytes
    image: QImage


def make_preview(session: Session, progress: Progress, request: DocumentRequest) -> Preview:
    """Render the first page of the document ``request`` asks for, and rasterise it."""
    document = build_document(session, request)
    progress.check()
    pdf = document.render(first_page_only=True, should_cancel=lambda: progress.cancelled)
    progress.check()
    return Preview(request, pdf, rasterise(pdf, PREVIEW_DPI))


def rasterise(pdf: bytes, dpi: int) -> QImage:
    """The first page of ``pdf`` as an image at ``dpi`` (QImage may be made off the GUI
    thread)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        bitmap = document[0].render(scale=dpi / 72, rev_byteorder=True)
        data = bytes(bitmap.buffer)
        image = QImage(data, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888)
        return image.copy()  # own the pixels: ``data`` goes away with this frame
    finally:
        document.close()


def write_document(session: Session, progress: Progress, request: DocumentRequest,
                   target: Path) -> list[Path]:
    """Write the document to ``target`` (a file, or a folder when itineraries are split);
    returns the files written. Stopping leaves nothing behind."""
    kind = KINDS[request.kind]
    document = build_document(session, request)

    def on_progress(done: int, total: int) -> None:
        progress.report(done, total, kind.progress_text(done, total))

    def should_cancel() -> bool:
        return progress.cancelled

    if request.kind == "itinerary" and request.split:
        from desktop.reports.itinerary import Itinerary

        assert isinstance(document, Itinerary)
        return document.write_split(target, on_progress=on_progress,
                                    should_cancel=should_cancel)
    return [document.write(target, on_progress=on_progress, should_cancel=should_cancel)]


def write_calendar_files(session: Session, progress: Progress, request: DocumentRequest,
                         target: Path) -> list[Path]:
    """The itineraries ``request`` names as calendars: ``target`` is one person's .ics file,
    or a folder for one calendar per person. Stopping leaves nothing behind."""
    from desktop.exchange.calendars import gather_calendars, write_calendar, write_calendars

    people, name, domain = gather_calendars(session, selection_of(request), request.language)
    if target.suffix.lower() == ".ics":
        return [write_calendar(people, target, mission_name=name, domain=domain)]

    def on_progress(done: int, total: int) -> None:
        progress.report(done, total, ngettext("{done} of {total} calendar",
                                              "{done} of {total} calendars", total)
                        .format(done=done, total=total))

    return write_calendars(people, target, mission_name=name, domain=domain,
                           on_progress=on_progress, should_cancel=lambda: progress.cancelled)
