"""Reading CSV and Excel files: encodings, delimiters, quotes, sheets, and refused files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.errors import ImportProblem
from desktop.exchange.sources import read_source

from .conftest import FRENCH_EXCEL, US_EXPORT

Writer = Callable[..., Path]


def test_french_excel_csv_is_read_as_windows_1252_with_semicolons() -> None:
    source = read_source(FRENCH_EXCEL)
    assert source.encoding == "windows-1252"
    assert source.delimiter == ";"
    assert source.headers[:3] == ["Nom", "Prénom", "Société"]
    assert source.rows[1].cells[3] == "Chef de produit"
    assert source.rows[1].cells[8] == "Végétarien"
    assert [r.number for r in source.rows] == [2, 3]


def test_us_export_keeps_a_quoted_comma_inside_its_field() -> None:
    source = read_source(US_EXPORT)
    assert source.delimiter == ","
    assert source.encoding == "utf-8"
    assert source.rows[0].cells[2] == "Mission Bay Systems, LLC"
    assert source.rows[0].cells[10] == "05/13/2007"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1",
                                      "cp1252", "utf-8"])
def test_every_usual_encoding_reads_accents_right(write_file: Writer, encoding: str) -> None:
    text = "Prénom;Nom;Société\r\nÉloïse;Lefèvre;Crédit Agricole\r\n"
    source = read_source(write_file("people.csv", text, encoding))
    assert source.headers == ["Prénom", "Nom", "Société"]
    assert source.rows[0].cells == ("Éloïse", "Lefèvre", "Crédit Agricole")


def test_tab_delimited_file_is_detected(write_file: Writer) -> None:
    source = read_source(write_file("t.txt", "First name\tLast name\nAnn\tLee, Jr\n"))
    assert source.delimiter == "\t"
    assert source.rows[0].cells == ("Ann", "Lee, Jr")


def test_quoted_fields_hold_delimiters_quotes_and_line_breaks(write_file: Writer) -> None:
    text = ('Name;Notes;City\n"Atlas; Co";"line one\nline two ""quoted""";Rabat\n'
            'Other;;Fès\n')
    source = read_source(write_file("q.csv", text))
    assert source.delimiter == ";"
    assert source.rows[0].cells == ("Atlas; Co", 'line one\nline two "quoted"', "Rabat")
    # Row numbers are the spreadsheet's: a multi-line cell is still one row.
    assert [r.number for r in source.rows] == [2, 3]


def test_blank_lines_are_skipped_but_keep_row_numbers_true(write_file: Writer) -> None:
    source = read_source(write_file("b.csv", "\nA,B\n1,2\n\n3,4\n"))
    assert source.headers == ["A", "B"]
    assert [(r.number, r.cells) for r in source.rows] == [(3, ("1", "2")), (5, ("3", "4"))]


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Notes"
    first.append(["nothing to see"])
    first.append(["really"])
    sheet = book.create_sheet("Flights")
    sheet.append(["Last name", "Departure date", "Serial"])
    sheet.append(["Lee", datetime(2007, 5, 13), 39217])
    book.save(path)
    return path


def test_excel_reads_the_first_sheet_or_the_one_asked_for(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "book.xlsx")
    first = read_source(path)
    assert first.format == "xlsx"
    assert first.sheets == ["Notes", "Flights"]
    assert first.sheet == "Notes"
    chosen = read_source(path, sheet="Flights")
    assert chosen.headers == ["Last name", "Departure date", "Serial"]
    assert chosen.rows[0].cells == ("Lee", datetime(2007, 5, 13), 39217)


def test_unknown_sheet_names_the_sheets_there_are(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "book.xlsx")
    with pytest.raises(ImportProblem, match=r"no sheet named “Hotels”.*Notes, Flights"):
        read_source(path, sheet="Hotels")


def test_an_excel_file_saved_with_a_csv_name_is_still_read(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "book.xlsx")
    renamed = path.rename(tmp_path / "book.csv")
    assert read_source(renamed, sheet="Flights").rows[0].cells[0] == "Lee"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.csv", b"", "empty.csv is empty"),
    ("blank.csv", b" \r\n\r\n ", "blank.csv is empty"),
    ("commas.csv", b",,,\r\n,,\r\n", "commas.csv is empty"),
    ("header.csv", b"First name;Last name\r\n", "header row but no data rows"),
    ("header2.csv", b"First name,Last name\n,\n", "header row but no data rows"),
    ("photo.csv", bytes(range(256)) * 8, "looks like binary data"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "97-2003"),
    ("list.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
    ("broken.xlsx", b"PK\x03\x04garbage that is not a zip", "not a valid Excel workbook"),
    ("text.xlsx", b"First name,Last name\nAnn,Lee\n", "not a valid Excel workbook"),
])
def test_bad_files_get_one_clear_message(write_file: Writer, name: str, content: bytes,
                                         message: str) -> None:
    with pytest.raises(ImportProblem, match=message) as caught:
        read_source(write_file(name, content))
    assert caught.value.file == name


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="does not exist"):
        read_source(tmp_path / "nowhere.csv")


def test_a_header_only_sheet_names_the_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "People"
    sheet.append(["First name", "Last name"])
    book.save(tmp_path / "h.xlsx")
    with pytest.raises(ImportProblem, match=r"sheet “People” of h\.xlsx has a header row but no"):
        read_source(tmp_path / "h.xlsx")
