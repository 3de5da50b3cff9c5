"""The programme, B2B agendas, travel lists and the directory, read back from their PDFs."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop.exchange.exporter import select_attendees
from desktop.reports.b2b_agendas import GridCell, MasterGrid, ParticipantAgendas, TableSigns
from desktop.reports.directory import write_directory
from desktop.reports.programme import Programme
from desktop.reports.travel_reports import ArrivalsBoard, RoomingList, TransferManifests
from tests.reports.conftest import Sample, pdf_text

PRINTED = datetime(2007, 5, 10, 9, 0)


def test_the_programme_lists_every_session_by_day_in_the_language_asked(
        session: Session, sample: Sample) -> None:
    english = "\n".join(pdf_text(Programme.from_session(session, language="en",
                                                        printed_at=PRINTED).render()))
    assert "Monday 14 May 2007" in english and "Opening plenary" in english
    assert "10:00 AM–11:30 AM" in english and "Hyatt Regency Casablanca" in english
    assert english.index("Opening plenary") < english.index("Visit of Casanearshore")
    french = "\n".join(pdf_text(Programme.from_session(session, language="fr").render()))
    assert "lundi 14 mai 2007".capitalize() in french
    assert "Séance plénière d'ouverture" in french and "10:00–11:30" in french


def test_a_participant_agenda_holds_its_meetings_in_time_order_and_nothing_cancelled(
        session: Session, sample: Sample) -> None:
    document = ParticipantAgendas.from_session(session, [sample.nuvolo], language="fr")
    text = "\n".join(pdf_text(document.render()))
    assert text.index("Atlas Offshore") < text.index("Maroc Telecom")
    assert "09:00–09:30" in text and "10:00–10:30" in text and "Leila Bennani" in text
    assert "Kinetic" not in text
    # The block is named once, above its meetings (with its venue when it has one).
    assert text.count("Rencontres B2B") == 1
    assert text.index("Rencontres B2B") < text.index("09:00–09:30")


def test_agendas_signs_and_the_grid_name_the_block_in_the_document_language(
        session: Session, sample: Sample) -> None:
    for document in (ParticipantAgendas.from_session(session, [sample.nuvolo], language="fr"),
                     TableSigns.from_session(session, block_id=sample.block, language="fr"),
                     MasterGrid.from_session(session, sample.block, language="fr")):
        text = "\n".join(pdf_text(document.render()))
        assert "Rencontres B2B" in text and "B2B meetings" not in text, type(document)
    english = "\n".join(pdf_text(MasterGrid.from_session(session, sample.block,
                                                          language="en").render()))
    assert "B2B meetings" in english


def test_table_signs_give_one_page_per_table_with_who_meets_when(
        session: Session, sample: Sample) -> None:
    pages = pdf_text(TableSigns.from_session(session, block_id=sample.block,
                                             language="en").render())
    assert len(pages) == 2
    assert "T1" in pages[0] and "Nuvolo Systems — Atlas Offshore" in pages[0]
    assert "Kinetic Data Corporation of North America — Atlas" in pages[0]
    assert "Maroc Telecom — Nuvolo Systems" in pages[1]


def test_signs_only_for_tables_in_use_and_a_hosts_sign_names_only_its_guests(
        session: Session, sample: Sample) -> None:
    from desktop.db.models import B2BParticipant, B2BTable, Meeting

    atlas = session.get(B2BParticipant, session.get(Meeting, 1).participant_b_id)  # type: ignore
    assert atlas is not None and atlas.name == "Atlas Offshore"
    first = session.get(B2BTable, sample.table_1)
    assert first is not None
    first.participant_id = atlas.id  # Atlas keeps T1, where both its meetings are
    session.add(B2BTable(session_id=sample.block, name="T3", position=3))  # nobody meets there
    session.flush()
    pages = pdf_text(TableSigns.from_session(session, block_id=sample.block,
                                             language="fr").render())
    assert len(pages) == 2 and not any("T3" in page for page in pages)
    assert "Table réservée à Atlas Offshore" in " ".join(pages[0].split())
    assert "Nuvolo Systems" in pages[0] and "— Atlas" not in pages[0]
    assert "Maroc Telecom — Nuvolo Systems" in pages[1]  # a table nobody keeps


def test_agendas_and_signs_of_one_day(session: Session, sample: Sample) -> None:
    from datetime import date as day_of

    agendas = ParticipantAgendas.from_session(session, [sample.nuvolo], language="en",
                                              day=day_of(2007, 5, 16))
    assert [a.rows for a in agendas.agendas] == [()]
    agendas = ParticipantAgendas.from_session(session, [sample.nuvolo], language="en",
                                              block_id=sample.block, day=day_of(2007, 5, 15))
    assert len(agendas.agendas[0].rows) == 2
    # Everyone's agendas of one day: only those who meet then.
    everyone = ParticipantAgendas.from_session(session, language="en", day=day_of(2007, 5, 15))
    assert len(everyone.agendas) == 4 and all(a.rows for a in everyone.agendas)
    nobody = ParticipantAgendas.from_session(session, language="en", day=day_of(2007, 5, 16))
    assert nobody.agendas == []
    assert "Nobody has a B2B meeting then." in "\n".join(pdf_text(nobody.render()))
    signs = TableSigns.from_session(session, day=day_of(2007, 5, 16), language="en")
    assert signs.agendas == []
    assert "No table has a meeting" in "\n".join(pdf_text(signs.render()))


def test_the_master_grid_puts_both_parties_in_the_cell_of_their_slot_and_table(
        session: Session, sample: Sample) -> None:
    document = MasterGrid.from_session(session, sample.block, language="en")
    assert document.cells[(0, 0)] == GridCell("Nuvolo Systems", "Atlas Offshore",
                                              "Leila Bennani")
    assert document.cells[(2, 1)] == GridCell("Maroc Telecom", "Nuvolo Systems")
    assert (1, 1) not in document.cells  # the cancelled meeting
    text = pdf_text(document.render())[0]
    assert "9:00 AM–9:30 AM" in text and "T1" in text and "T2" in text


def test_the_master_grid_prints_what_the_automatic_schedule_proved_while_it_holds(
        session: Session, sample: Sample) -> None:
    from desktop.b2b.meetings import delete_meeting, list_meetings
    from desktop.b2b.mission_commands import MissionCounts
    from desktop.b2b.runs import record_run

    counts = MissionCounts(placed=4, to_place=4, required=4, required_placed=4,
                           per_priority=(4, 0, 0), breaks=1, bound_breaks=1, status="optimal",
                           seconds=1.0)
    assert record_run(session, counts, replan=False, max_break_spread=2) is not None
    english = pdf_text(MasterGrid.from_session(session, sample.block, language="en").render())
    assert "4 of 4 meetings placed, 1 break in all, proved the fewest possible" in \
        " ".join(english[0].split())
    french = pdf_text(MasterGrid.from_session(session, sample.block, language="fr").render())
    assert "1 temps mort au total, le moins possible (prouvé)" in " ".join(french[0].split())
    delete_meeting(session, list_meetings(session, sample.block)[0].id)
    session.flush()
    changed = pdf_text(MasterGrid.from_session(session, sample.block, language="en").render())
    assert "proved" not in changed[0]


def test_travel_lists_print_the_hotel_guests_the_run_and_the_days_flights(
        session: Session, sample: Sample) -> None:
    rooming = "\n".join(pdf_text(RoomingList.from_session(session, sample.hotel).render()))
    assert "Ouellet, Éloïse" in rooming and "512" in rooming and "2 guests" in rooming
    manifest = "\n".join(pdf_text(TransferManifests.from_session(session).render()))
    assert "Aéroport Mohammed V → Hyatt Regency Casablanca" in manifest
    assert "7:45 AM" in manifest and "Éloïse Ouellet" in manifest and "2 of 7" in manifest
    board = "\n".join(pdf_text(ArrivalsBoard.from_session(session, date(2007, 5, 14))
                               .render()))
    assert "AT 209" in board and "6:50 AM" in board and "AT 201" in board


def test_the_directory_groups_by_organisation_or_side_and_marks_sensitive_lists(
        session: Session, sample: Sample, tmp_path: Path) -> None:
    contacts = select_attendees(session, "contacts")
    path = write_directory(contacts, tmp_path / "d.pdf", mission_name="Mission 2007",
                           language="en", printed_at=PRINTED)
    text = "\n".join(pdf_text(path.read_bytes()))
    assert "Mission 2007" in text and "Page 1 of 1" in text
    assert text.index("APEBI") < text.index("Atlas Offshore") < text.index("Nuvolo Systems")
    assert "CONFIDENTIAL" not in text
    passports = select_attendees(session, "passports", include_sensitive=True)
    by_side = write_directory(passports, tmp_path / "p.pdf", group_by="side",
                              mission_name="Mission 2007", language="en")
    text = "\n".join(pdf_text(by_side.read_bytes()))
    assert "CONFIDENTIAL" in text and "Delegation" in text and "Host" in text
    from_session = write_directory(session, tmp_path / "s.pdf")
    assert "Mission B2B offshoring IT" in "\n".join(pdf_text(from_session.read_bytes()))


def test_content_too_large_for_a_page_is_refused_with_our_own_layout_error() -> None:
    from desktop.db.enums import SessionKind
    from desktop.errors import LayoutError
    from desktop.reports.programme import ProgrammeItem

    start = datetime(2007, 5, 14, 9, 0)
    huge = ProgrammeItem(start, start, "Opening", "", SessionKind.PLENARY,
                         description="word " * 12000)
    with pytest.raises(LayoutError, match="too large"):
        Programme({start.date(): [huge]}, mission_name="M").render()


def test_counts_take_the_singular_for_one() -> None:
    from desktop.reports.directory import Directory, Group

    one = Directory("Contact sheet", ["Name"], [Group("AMPA", [["Tazi"]])], mission_name="M")
    text = " ".join(pdf_text(one.render()))
    assert "1 person" in text and "1 people" not in text
    two = Directory("Contact sheet", ["Name"], [Group("AMPA", [["Tazi"], ["Amrani"]])],
                    mission_name="M")
    assert "2 people" in " ".join(pdf_text(two.render()))


def test_the_master_grid_names_who_keeps_a_table() -> None:
    slots = [(datetime(2007, 5, 15, 12, 20), datetime(2007, 5, 15, 12, 40)),
             (datetime(2007, 5, 15, 14, 0), datetime(2007, 5, 15, 14, 20))]
    grid = MasterGrid("B2B day 1 · Espace Anfa", slots, ["T1", "T2"],
                      {(0, 0): GridCell("Casa Data", "Rif Soft"),
                       (1, 1): GridCell("Atlas Offshore", "Maroc Soft")},
                      holders=["Casa Data", ""], mission_name="Mission", language="en")
    text = "\n".join(pdf_text(grid.render()))
    assert "B2B day 1 · Espace Anfa" in text
    assert text.index("T1") < text.index("Casa Data") < text.index("T2")
    assert "Atlas Offshore" in text and "Maroc Soft" in text


def _day(rows: int, pause_after: int) -> list[tuple[datetime, datetime]]:
    """``rows`` 20-minute slots from 09:00, with a lunch pause after ``pause_after``."""
    slots, start = [], datetime(2007, 5, 15, 9)
    for n in range(rows):
        if n == pause_after:
            start += timedelta(minutes=80)
        slots.append((start, start + timedelta(minutes=20)))
        start += timedelta(minutes=20)
    return slots


def test_each_sheet_of_the_master_grid_says_its_block_and_parts_are_not_cut_short() -> None:
    """Twenty tables, 21 slots in two parts: each part of each group of tables comes under
    the block's title, whole; tables without a meeting are named once, not drawn."""
    slots = _day(21, 11)
    tables = [f"Table {n}" for n in range(1, 21)]
    cells = {(i, j): GridCell(f"Delegate {i}-{j}", f"Host {i}-{j}",
                              "Zoë Haddad" if (i, j) == (0, 0) else "")
             for i in range(21) for j in range(14)}
    grid = MasterGrid("B2B meetings, day 1 (Casablanca) · Espace Anfa", slots, tables, cells,
                      mission_name="Mission", language="en")
    pages = pdf_text(grid.render())
    assert len(pages) == 4  # 14 tables in use: 2 groups of 7, the morning, then the afternoon
    for page in pages:
        assert "B2B meetings, day 1 (Casablanca) · Espace Anfa" in page
        assert "Table 15" not in page.replace("Table 15, Table 16", "")
    assert "294 meetings in this block." in pages[0]
    assert "No meeting at Table 15, Table 16, Table 17, Table 18, Table 19, Table 20, " \
           "which are left out." in " ".join(pages[0].split())
    assert "9:00 AM" in pages[0] and "2:00 PM–2:20 PM" not in pages[0]  # the morning only
    assert "2:00 PM–2:20 PM" in pages[2] and "9:00 AM" not in pages[2]  # the afternoon after
    assert "Table 14" in pages[1] and "Table 1\n" not in pages[1]
    assert "Interpreter: Zoë Haddad" in " ".join(pages[0].split())


def test_a_long_word_shrinks_rather_than_breaks() -> None:
    from desktop.reports.b2b_agendas import fitted
    from desktop.reports.base import styles

    style = styles()["small"]
    cell = fitted("Télécommunications Interprofessionnelles", style, 60)
    assert cell.style.fontSize < style.fontSize  # type: ignore[attr-defined]
    assert fitted("Atlas", style, 60).style.fontSize == style.fontSize  # type: ignore
