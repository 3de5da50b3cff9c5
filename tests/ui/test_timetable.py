"""The Programme page's timetable: text that fits its box, and the Timetable tab following the
list's filters and selection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.db.enums import SessionKind
from desktop.ui.mainwindow import MainWindow
from desktop.ui.pages.programme import ProgrammePage
from desktop.ui.pages.timetable import wrap


def test_titles_are_wrapped_word_by_word_within_the_width_and_the_lines(
        qapp: QApplication) -> None:
    metrics = QFontMetrics(QFont())
    width = metrics.horizontalAdvance("Morocco IT Offshoring")
    lines = wrap("Morocco IT Offshoring: Opportunities and Challenges for Global Operators",
                 metrics, width, 2)
    assert len(lines) == 2
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert lines[0] == "Morocco IT Offshoring:" or lines[0].startswith("Morocco IT")
    assert lines[-1].endswith("…")
    assert wrap("Lunch", metrics, width, 3) == ["Lunch"]
    narrow = wrap("Networking lunch", metrics, metrics.horizontalAdvance("lunch"), 3)
    assert narrow[0].endswith("…") and narrow[1] == "lunch"


def test_the_timetable_tab_follows_the_filters_and_the_selection(
        window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("programme")
    assert isinstance(page, ProgrammePage)
    qtbot.waitUntil(lambda: page.current_id is not None)
    page.views.setCurrentIndex(1)
    timetable = page.timetable
    assert len(timetable.boxes) == page.model.rowCount() == 12
    assert len(timetable.days) == 4
    assert timetable.current == page.current_id

    combo = page.facet_combos["kind"]
    combo.setCurrentIndex(combo.findData(SessionKind.B2B_BLOCK.value))
    assert {b.entry.kind for b in timetable.boxes} == {SessionKind.B2B_BLOCK}
    assert len(timetable.boxes) == page.model.rowCount() == 2
    combo.setCurrentIndex(0)

    # Clicking a box shows that session in the form, and the box is drawn as current.
    target = next(b for b in timetable.boxes if b.entry.id != page.current_id)
    timetable.resize(timetable.sizeHint())
    point = timetable.rect_of(target).center().toPoint()
    qtbot.mouseClick(timetable, Qt.MouseButton.LeftButton, pos=point)
    assert page.current_id == target.entry.id
    assert timetable.current == target.entry.id
    assert page.form.heading.text() == target.entry.title
    assert timetable.box_at(QPoint(2, 2).toPointF()) is None  # the hours' column
    tip = timetable.tooltip(target.entry)
    assert tip.startswith(target.entry.title) and "–" in tip


def test_the_view_chosen_is_remembered(open_window: Callable[..., MainWindow],
                                       demo_path: Path, qtbot: QtBot) -> None:
    window = open_window(demo_path)
    page = window.show_page("programme")
    assert isinstance(page, ProgrammePage)
    page.views.setCurrentIndex(1)
    window.close()
    again = open_window(demo_path)
    page = again.show_page("programme")
    assert isinstance(page, ProgrammePage)
    assert page.views.currentIndex() == 1
    qtbot.waitUntil(lambda: len(page.timetable.boxes) == 12)


def test_a_timetable_without_sessions_says_so(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("programme")
    assert isinstance(page, ProgrammePage)
    page.views.setCurrentIndex(1)
    page.filter_edit.setText("no session has this title")
    assert page.model.rowCount() == 0
    assert page.timetable.boxes == [] and page.timetable.days == []
    image = page.timetable.grab().toImage()  # painted without a day column, no error
    assert not image.isNull()
    assert "loosen the filters" in page.timetable.empty_text
