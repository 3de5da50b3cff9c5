"""The programme at a glance: days across, hours down, read back from the PDF."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import SessionKind
from desktop.errors import LayoutError
from desktop.program.timetable import Entry
from desktop.reports.programme_grid import DAYS_PER_PAGE, ProgrammeGrid
from tests.reports.conftest import Sample, pdf_text


def test_every_session_is_in_its_day_column_with_its_times_and_the_key(
        session: Session, sample: Sample) -> None:
    (page,) = pdf_text(ProgrammeGrid.from_session(session, language="en").render())
    assert "Programme at a glance" in page
    assert "Monday" in page and "14 May 2007" in page
    assert "Opening plenary" in page and "10:00 AM–11:30 AM" in page
    assert "Plenary" in page  # the key names the kinds on the page
    french = pdf_text(ProgrammeGrid.from_session(session, language="fr").render())[0]
    assert "Lundi" in french and "Séance plénière d'ouverture" in french
    assert "10:00–11:30" in french


def test_a_long_mission_continues_on_further_pages_and_long_titles_are_cut() -> None:
    start = datetime(2007, 5, 14, 9, 0)
    entries = [Entry(n, start + timedelta(days=n), start + timedelta(days=n, minutes=30),
                     f"Day {n + 1} " + "very long session title " * 6, "Hyatt",
                     SessionKind.PANEL)
               for n in range(DAYS_PER_PAGE + 2)]
    entries.append(Entry(99, start, start + timedelta(hours=3), "Overlapping visit", "",
                         SessionKind.SITE_VISIT, ("Day 1",)))
    document = ProgrammeGrid(entries, mission_name="Mission", language="en")
    pages = pdf_text(document.render())
    assert len(pages) == 2
    assert "Day 2 " in pages[0] and f"Day {DAYS_PER_PAGE + 1} " in pages[1]
    assert "…" in pages[0]  # a title longer than its box
    assert "overlaps a session of the same people" in pages[0]
    assert document.days[0] == date(2007, 5, 14)


def test_an_empty_programme_says_there_is_nothing_to_print() -> None:
    with pytest.raises(LayoutError, match="nothing to print"):
        ProgrammeGrid([], mission_name="Mission").render()
