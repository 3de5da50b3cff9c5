"""Record tables fit a laptop screen, and the organiser chooses and arranges their columns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.ui.mainwindow import MainWindow
from desktop.ui.pages.records import RecordPage


def page_of(window: MainWindow, key: str, qtbot: QtBot) -> RecordPage:
    page = window.show_page(key)
    assert isinstance(page, RecordPage)
    qtbot.waitUntil(lambda: not page._fit_pending)
    return page


def shown_width(page: RecordPage) -> int:
    header = page.view.horizontalHeader()
    shown = page.columns.visible()
    last = max(shown, key=header.visualIndex)
    # The last column stretches to the edge; what matters is that the others leave it room.
    return sum(header.sectionSize(i) for i in shown if i != last) + \
        min(header.sectionSize(last), page.model.columns[last].width)


def titles(menu: QMenu) -> dict[str, bool]:
    return {a.text(): a.isChecked() for a in menu.actions() if a.isCheckable()}


def test_the_tables_fit_a_laptop_screen_without_scrolling_sideways(
        window: MainWindow, qtbot: QtBot) -> None:
    for key in ("people", "organizations", "programme"):
        page = page_of(window, key, qtbot)
        assert shown_width(page) <= page.view.viewport().width(), key
        assert not page.view.horizontalScrollBar().isVisible(), key
    # Short cells (a date, a time) are kept whole; the long ones give up the room.
    page = page_of(window, "programme", qtbot)
    day = [c.key for c in page.model.columns].index("day")
    assert page.view.horizontalHeader().sectionSize(day) >= page.view.sizeHintForColumn(day)


def test_the_header_menu_shows_and_hides_columns_and_resets_them(
        window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "people", qtbot)
    header = page.view.horizontalHeader()
    keys = [c.key for c in page.model.columns]
    email, country = keys.index("email"), keys.index("country")
    menu = page.columns.menu()
    ticks = titles(menu)
    assert ticks["Email"] is False and ticks["Family name"] is True  # email is in the form
    assert {"Fit columns to the window", "Reset columns"} <= {a.text() for a in menu.actions()}

    next(a for a in menu.actions() if a.text() == "Email").trigger()
    assert not header.isSectionHidden(email)
    assert header.sectionSize(email) >= 56
    next(a for a in menu.actions() if a.text() == "Country").trigger()
    assert header.isSectionHidden(country)

    page.columns.reset()
    assert header.isSectionHidden(email) and not header.isSectionHidden(country)
    assert not page.view.horizontalScrollBar().isVisible()


def test_the_last_column_shown_cannot_be_hidden(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "organizations", qtbot)
    for logical in page.columns.visible()[1:]:
        page.columns.set_shown(logical, False)
    only = page.columns.visible()
    assert len(only) == 1
    action = next(a for a in page.columns.menu().actions() if a.isCheckable() and a.isChecked())
    assert not action.isEnabled()
    page.columns.set_shown(only[0], False)
    assert page.columns.visible() == only


def test_hidden_columns_and_widths_are_remembered(open_window: Callable[..., MainWindow],
                                                  demo_path: Path, qtbot: QtBot) -> None:
    window = open_window(demo_path)
    page = page_of(window, "organizations", qtbot)
    keys = [c.key for c in page.model.columns]
    city = keys.index("city")
    page.columns.set_shown(city, False)
    page.view.horizontalHeader().resizeSection(0, 300)
    window.close()

    again = open_window(demo_path)
    page = again.show_page("organizations")
    assert isinstance(page, RecordPage)
    header = page.view.horizontalHeader()
    assert header.isSectionHidden(city)
    assert header.sectionSize(0) == 300
    assert not page._fit_pending  # a remembered layout is not fitted over
