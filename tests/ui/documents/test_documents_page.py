"""The Documents page, driven like a person would: choose, preview, write, open, cancel."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Status
from desktop.errors import Cancelled
from desktop.reports import base
from desktop.roster.people import PeopleFilter, list_people
from desktop.ui.documents import page as page_module
from desktop.ui.documents.kinds import KINDS, DocumentRequest, proposed_file_name
from desktop.ui.documents.page import DocumentsPage
from desktop.ui.mainwindow import MainWindow
from desktop.ui.operations import Progress

WAIT_MS = 30000


def open_page(window: MainWindow, qtbot: QtBot) -> DocumentsPage:
    page = window.show_page("documents")
    assert isinstance(page, DocumentsPage)
    qtbot.waitUntil(lambda: page.options.choices.people != [], timeout=WAIT_MS)
    return page


def choose(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def preview(page: DocumentsPage, qtbot: QtBot) -> bytes:
    """The first page of what is chosen now, once the preview shows it."""
    page.refresh_preview()
    wanted = page.options.request()
    qtbot.waitUntil(lambda: page.last_preview is not None
                    and page.last_preview.request == wanted, timeout=WAIT_MS)
    assert page.last_preview is not None
    return page.last_preview.pdf


def text_of(pdf: bytes | Path) -> str:
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return "\n".join(p.extract_text() for p in PdfReader(source).pages)


def confirmed(window: MainWindow, category: Category) -> list[str]:
    assert window.mission is not None
    with window.mission.session_factory() as session:
        return [p.display_name for p in list_people(session, PeopleFilter(
            category=category, status=Status.CONFIRMED))]


def test_badges_for_the_delegates_are_previewed_then_written_and_opened(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(window, qtbot)
    choose(page.options.kind, "badges")
    choose(page.options.who, "category")
    choose(page.options.category, Category.DELEGATE)
    first = preview(page, qtbot)
    assert not page.preview.image.isNull() and page.preview.page_rect().width() > 0
    assert len(PdfReader(io.BytesIO(first)).pages) == 1

    delegates = confirmed(window, Category.DELEGATE)
    target = tmp_path / "badges.pdf"
    offered: list[str] = []

    def save_dialog(parent: object, title: str, suggested: str, filters: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), filters

    monkeypatch.setattr(page_module.QFileDialog, "getSaveFileName", save_dialog)
    opened: list[QUrl] = []
    monkeypatch.setattr(page_module.QDesktopServices, "openUrl", opened.append)
    with qtbot.waitSignal(page.write_finished, timeout=WAIT_MS):
        qtbot.mouseClick(page.write_button, Qt.MouseButton.LeftButton)
    assert Path(offered[0]).name == "Badges - Delegates.pdf"
    assert len(PdfReader(target).pages) == -(-len(delegates) // 4)
    assert delegates[0] in text_of(target)

    box = page.findChild(QMessageBox, "openDocument")
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.findChild(QPushButton, "yes"), Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(target))]


def test_itineraries_split_into_a_folder_give_one_file_per_person(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(window, qtbot)
    choose(page.options.kind, "itinerary")
    choose(page.options.who, "people")
    chosen = [pid for pid, _text in page.options.choices.people[:3]]
    page.options.people.set_checked(chosen)
    choose(page.options.split, True)
    folder = tmp_path / "itineraries"
    folder.mkdir()
    monkeypatch.setattr(page_module.QFileDialog, "getExistingDirectory",
                        lambda *args: str(folder))
    with qtbot.waitSignal(page.written, timeout=WAIT_MS) as written:
        page.choose_and_write()
    files = sorted(folder.iterdir())
    assert len(files) == 3 == len(written.args[0])
    assert all(f.suffix == ".pdf" and len(PdfReader(f).pages) >= 2 for f in files)


def test_a_batch_cancelled_half_way_leaves_no_file(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(window, qtbot)
    choose(page.options.kind, "itinerary")
    target = tmp_path / "everyone.pdf"
    step = base.Job.step

    def stop_half_way(job: base.Job, done: int, total: int) -> None:
        if total and done >= total // 2 and page.write_job is not None:
            page.write_job.cancel()  # as the Cancel button does
        step(job, done, total)

    monkeypatch.setattr(base.Job, "step", stop_half_way)
    with qtbot.waitSignal(page.write_finished, timeout=WAIT_MS):
        page.write(target)
    assert not target.exists()
    assert not any(p.name.startswith("everyone") for p in tmp_path.iterdir())
    assert page.status.text() == "Stopped: nothing was written."


def test_switching_the_language_to_french_changes_the_preview(
        window: MainWindow, qtbot: QtBot) -> None:
    page = open_page(window, qtbot)
    choose(page.options.kind, "programme")
    choose(page.options.language, "en")
    assert "May" in text_of(preview(page, qtbot))
    choose(page.options.language, "fr")
    french = text_of(preview(page, qtbot))
    assert "mai" in french and "May" not in french


def test_the_options_are_never_cut_and_the_language_is_named(window: MainWindow,
                                                              qtbot: QtBot) -> None:
    page = open_page(window, qtbot)
    page.splitter.setSizes([10, 2000])  # the pane cannot be squeezed under its options
    qtbot.waitUntil(lambda: page.options.width() >= page.options.minimumSizeHint().width())
    assert page.options.language.itemText(0) == "The mission's language (English)"
    choose(page.options.kind, "itinerary")
    assert page.options.language.itemText(0) == "Each person's own language"


def test_every_document_previews_with_the_rows_it_needs(
        window: MainWindow, qtbot: QtBot) -> None:
    page = open_page(window, qtbot)
    for key, kind in KINDS.items():
        choose(page.options.kind, key)
        shown = {name for name, widgets in page.options.rows.items()
                 if not widgets[1].isHidden()}
        assert ("hotel" in shown) == ("hotel" in kind.options)
        assert ("who" in shown) == ("who" in kind.options)
        preview(page, qtbot)
        assert page.preview.message == "", (key, page.preview.message)
        assert not page.preview.image.isNull(), key


def test_a_person_to_choose_but_none_chosen_is_said_in_the_preview(
        window: MainWindow, qtbot: QtBot) -> None:
    page = open_page(window, qtbot)
    choose(page.options.who, "people")
    page.options.people.set_checked([])
    page.refresh_preview()
    qtbot.waitUntil(lambda: page.preview.message == "Choose at least one person.",
                    timeout=WAIT_MS)
    assert QApplication.activeModalWidget() is None


def test_a_file_name_says_confidential_when_the_list_holds_passports() -> None:
    plain = DocumentRequest(kind="directory", preset="contacts")
    assert proposed_file_name(plain, "Contact sheet") == \
        "Attendee directory - Contact sheet.pdf"
    secret = DocumentRequest(kind="directory", preset="passports", include_sensitive=True)
    assert proposed_file_name(secret, "Passport list") == \
        "Attendee directory - Passport list (confidential).pdf"
    assert proposed_file_name(DocumentRequest(kind="rooming-list"), "A/B: C") == \
        "Rooming list - A-B- C.pdf"


def test_progress_says_how_many_of_how_many() -> None:
    assert KINDS["itinerary"].progress_text(12, 300) == "12 of 300 itineraries"
    assert KINDS["badges"].progress_text(0, 1) == "0 of 1 badge"


def test_the_preview_follows_the_options_while_a_long_write_is_under_way(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(window, qtbot)
    writing, release = threading.Event(), threading.Event()

    def held_write(session: Session, progress: Progress, request: DocumentRequest,
                   target: Path) -> list[Path]:
        writing.set()
        while not release.wait(0.01):
            progress.check()
        return []

    monkeypatch.setattr(page_module, "write_document", held_write)
    job = page.write(tmp_path / "held.pdf")
    assert writing.wait(WAIT_MS / 1000)
    choose(page.options.kind, "programme")
    wanted = page.options.request()
    look = page.refresh_preview()
    assert look.reads_only and look in window.runner.running()  # quiet, on the reading lane
    qtbot.waitUntil(lambda: page.last_preview is not None
                    and page.last_preview.request == wanted, timeout=WAIT_MS)
    assert not job.done  # the write still holds the database queue
    with qtbot.waitSignal(page.write_finished, timeout=WAIT_MS):
        release.set()


def test_closing_the_mission_stops_a_write_under_way(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(window, qtbot)
    writing = threading.Event()
    told: list[object] = []

    def endless_write(session: Session, progress: Progress, request: DocumentRequest,
                      target: Path) -> list[Path]:
        writing.set()
        while True:
            progress.report(0, 0, "still writing")
            time.sleep(0.01)

    monkeypatch.setattr(page_module, "write_document", endless_write)
    job = page.write(tmp_path / "never.pdf")
    job.finished.connect(lambda: told.append(job.error))
    assert writing.wait(WAIT_MS / 1000)
    window.close_mission()
    assert job.cancelled
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    assert isinstance(told[0], Cancelled)
    assert not (tmp_path / "never.pdf").exists()


def test_itineraries_export_to_calendars_one_file_or_a_folder(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The calendar button shows with itineraries only; one person gives one .ics file
    named after them, several give one file each in a folder."""
    from icalendar import Calendar

    page = open_page(window, qtbot)
    choose(page.options.kind, "badges")
    assert page.calendar_button.isHidden()
    choose(page.options.kind, "itinerary")
    assert not page.calendar_button.isHidden()
    choose(page.options.who, "people")
    chosen = [pid for pid, _text in page.options.choices.people[:3]]
    page.options.people.set_checked(chosen)
    folder = tmp_path / "calendars"
    folder.mkdir()
    monkeypatch.setattr(page_module.QFileDialog, "getExistingDirectory",
                        lambda *args: str(folder))
    with qtbot.waitSignal(page.written, timeout=WAIT_MS) as written:
        qtbot.mouseClick(page.calendar_button, Qt.MouseButton.LeftButton)
    files = sorted(folder.iterdir())
    assert len(files) == 3 == len(written.args[0])
    assert all(f.suffix == ".ics" and Calendar.from_ical(f.read_bytes()).walk("VEVENT")
               for f in files)
    assert page.status.text().startswith("Wrote 3 calendars into")

    page.options.people.set_checked(chosen[:1])
    offered: list[str] = []

    def save_dialog(parent: object, title: str, suggested: str, filters: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(tmp_path / "mine"), filters  # the extension is added

    monkeypatch.setattr(page_module.QFileDialog, "getSaveFileName", save_dialog)
    with qtbot.waitSignal(page.write_finished, timeout=WAIT_MS):
        page.choose_and_export_calendar()
    assert offered and offered[0].endswith(".ics")
    assert Calendar.from_ical((tmp_path / "mine.ics").read_bytes()).walk("VEVENT")


def test_agendas_of_one_block(window: MainWindow, qtbot: QtBot) -> None:
    """B2B agendas can be printed for one block (one day's venue) or for every block."""
    from desktop.ui.documents.kinds import build_document

    page = open_page(window, qtbot)
    choose(page.options.kind, "b2b-participant")
    assert not page.options.agenda_block.isHidden() and page.options.block.isHidden()
    assert page.options.request().block_id is None  # every block by default
    blocks = page.options.choices.blocks
    assert len(blocks) == 2
    assert window.mission is not None
    rows_per_block = []
    with window.mission.session_factory() as session:
        every = build_document(session, page.options.request())
        total = sum(len(a.rows) for a in every.agendas)  # type: ignore[attr-defined]
        for block_id, title in blocks:
            choose(page.options.agenda_block, block_id)
            request = page.options.request()
            assert request.block_id == block_id
            agendas = build_document(session, request).agendas  # type: ignore[attr-defined]
            assert all(agenda.rows for agenda in agendas)  # only those who meet then
            assert all(row.place.startswith(title.split(" · ")[0])
                       for agenda in agendas for row in agenda.rows)
            rows_per_block.append(sum(len(a.rows) for a in agendas))
    assert total > 0 and sum(rows_per_block) == total


def test_agendas_and_signs_of_one_day(window: MainWindow, qtbot: QtBot) -> None:
    """B2B agendas and table signs can be printed for one day, as on the command line; the
    days offered are the chosen block's."""
    from desktop.ui.documents.kinds import build_document, proposed_file_name

    page = open_page(window, qtbot)
    options = page.options
    days = options.choices.b2b_days(None)
    assert len(days) == 2  # the demo's two B2B days
    assert window.mission is not None
    for kind in ("b2b-participant", "b2b-table"):
        choose(options.kind, kind)
        assert not options.b2b_day.isHidden() and not options.agenda_block.isHidden()
        assert options.block.isHidden() and options.day.isHidden()
        options.agenda_block.setCurrentIndex(0)  # every block, every day
        options.b2b_day.setCurrentIndex(0)
        assert [options.b2b_day.itemData(i) for i in range(options.b2b_day.count())] \
            == [None, *days]
        with window.mission.session_factory() as session:
            every = build_document(session, options.request()).agendas  # type: ignore[attr-defined]
            per_day = []
            for day in days:
                choose(options.b2b_day, day)
                request = options.request()
                assert request.day == day
                agendas = build_document(session, request).agendas  # type: ignore[attr-defined]
                assert all(agenda.rows and row.starts.date() == day  # only who meets then
                           for agenda in agendas for row in agenda.rows)
                per_day.append(sum(len(agenda.rows) for agenda in agendas))
                assert options.b2b_day.currentText() in proposed_file_name(
                    request, options.subject())
        assert sum(per_day) == sum(len(agenda.rows) for agenda in every) > 0
    block_id = options.choices.blocks[0][0]
    choose(options.agenda_block, block_id)
    assert [options.b2b_day.itemData(i) for i in range(options.b2b_day.count())] \
        == [None, *options.choices.b2b_days(block_id)] == [None, days[0]]


def test_the_lists_to_tick_show_their_entries(window: MainWindow, qtbot: QtBot) -> None:
    """People, participants and runs are shown, not only held: a list filled while its
    signals were blocked used to show empty until something was typed in its filter."""
    page = open_page(window, qtbot)
    choose(page.options.kind, "b2b-participant")
    shown = page.options.participants
    assert shown.model.rowCount() == len(page.options.choices.participants) > 0
    assert shown.proxy.rowCount() == shown.model.rowCount()
    page.options.set_choices(page.options.choices)  # filled again, as after a change
    assert shown.proxy.rowCount() == shown.model.rowCount()
    qtbot.keyClicks(shown.filter, "zzz-nobody")
    assert shown.proxy.rowCount() == 0
    shown.filter.clear()
    assert shown.proxy.rowCount() == shown.model.rowCount()
