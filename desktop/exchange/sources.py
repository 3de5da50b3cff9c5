"""Reading a CSV or Excel file into a header row and data rows, whatever wrote it.

Organisers receive files from web forms, travel agents and French Excel: the encoding and the
delimiter are detected, Excel workbooks are read cell by cell with their real types. A file that
cannot be a list (empty, binary, a header and nothing else) is refused here with one message
that names it, before any mapping or validation happens.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from desktop.errors import ImportProblem, os_reason
from desktop.i18n import _
from desktop.validation import clean_text

Cell = str | int | float | date | datetime | time | None
DELIMITERS = (",", ";", "\t")
_SAMPLE_CHARS = 64_000
_XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class SourceRow:
    """One data row; ``number`` is the row as a spreadsheet shows it (the header is row 1)."""

    number: int
    cells: tuple[Cell, ...]


@dataclass
class Source:
    """What a file holds, ready for mapping: a header row and data rows."""

    name: str
    headers: list[str]
    rows: list[SourceRow]
    format: str  # "csv" or "xlsx"
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None


def read_source(path: Path | str, sheet: str | None = None) -> Source:
    """The header and rows of a CSV or ``.xlsx`` file; raises ImportProblem for a bad file."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ImportProblem(_("The file does not exist (looked in {folder}).").format(
            folder=path.parent), file=name)
    if path.is_dir():
        raise ImportProblem(_("{file} is a folder, not a file.").format(file=path), file=name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(_("Cannot read {file}: {reason}").format(
            file=name, reason=os_reason(exc)), file=name) from exc
    if not data.strip():
        raise ImportProblem(_("{file} is empty.").format(file=name), file=name)
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, name, sheet)
    _refuse_known_binaries(data, name, path.suffix.lower())
    if sheet:
        raise ImportProblem(_("{file} is a CSV file: it has no sheets to choose from.")
                            .format(file=name), file=name)
    return _read_csv(data, name)


def _refuse_known_binaries(data: bytes, name: str, suffix: str) -> None:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportProblem(_("{file} is an old Excel 97-2003 (.xls) workbook; save it as .xlsx "
                              "or CSV in Excel and import that.").format(file=name), file=name)
    if data.startswith(b"%PDF"):
        raise ImportProblem(_("{file} is a PDF document, not a spreadsheet; import the CSV or "
                              "Excel file it was made from.").format(file=name), file=name)
    if suffix in _XLSX_SUFFIXES:
        raise ImportProblem(_("{file} is not a valid Excel workbook (it may be damaged).")
                            .format(file=name), file=name)


# -- CSV -----------------------------------------------------------------------------------

def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with (BOM, UTF-16, UTF-8, cp1252)."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(data) or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise ImportProblem(_("{file} cannot be read as text.").format(file=name),
                                file=name) from None
        try:
            encoding, text = "windows-1252", data.decode("windows-1252")
        except UnicodeDecodeError:
            encoding, text = "latin-1", data.decode("latin-1")
    if _looks_binary(text):
        raise ImportProblem(_("{file} is not a text or Excel file (it looks like binary data)."
                              ).format(file=name), file=name)
    return text, encoding


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    if odd_zeros > 0.4 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.4 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    if "\x00" in sample:
        return True
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    return control > max(2, len(sample) // 100)


def detect_delimiter(text: str) -> str:
    """The delimiter among ``,`` ``;`` and tab that splits the sample into the most regular
    table (quoted fields with delimiters and line breaks inside are read as CSV does)."""
    sample = text[:_SAMPLE_CHARS]
    complete = len(text) <= _SAMPLE_CHARS
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            records = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not complete and len(records) > 1:
            records = records[:-1]  # the sample may cut the last record
        if not records:
            continue
        width = len(records[0])
        if width < 2:
            continue
        regular = sum(1 for r in records if len(r) == width)
        score = (regular * 100 // len(records), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(data: bytes, name: str) -> Source:
    text, encoding = decode(data, name)
    delimiter = detect_delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportProblem(_("{file} is not a well-formed CSV file: {reason}").format(
            file=name, reason=exc), file=name) from exc
    return _table(name, [[_strip_nul(c) for c in r] for r in records], fmt="csv",
                  encoding=encoding, delimiter=delimiter)


def _strip_nul(cell: str) -> str:
    return cell.replace("\x00", "")


# -- Excel ---------------------------------------------------------------------------------

def _read_xlsx(data: bytes, name: str, sheet: str | None) -> Source:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ImportProblem(_("{file} is not a valid Excel workbook (it may be damaged).")
                            .format(file=name), file=name) from exc
    try:
        sheets = list(book.sheetnames)
        if sheet is not None and sheet not in sheets:
            raise ImportProblem(_("{file} has no sheet named “{sheet}”; its sheets are: {names}.")
                                .format(file=name, sheet=sheet, names=", ".join(sheets)),
                                file=name)
        # Without a sheet named, the first one that holds anything (an empty cover is skipped).
        for chosen in [sheet] if sheet is not None else sheets:
            records = [list(row) for row in book[chosen].iter_rows(values_only=True)]
            if any(not _is_blank(c) for r in records for c in r):
                break
        else:
            chosen = sheet or sheets[0]
    finally:
        book.close()
    source = _table(name, records, fmt="xlsx", sheet_label=chosen)
    source.sheets, source.sheet = sheets, chosen
    return source


# -- shared --------------------------------------------------------------------------------

def _is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _table(name: str, records: list[list[Cell]], *, fmt: str, encoding: str | None = None,
           delimiter: str | None = None, sheet_label: str | None = None) -> Source:
    header_index = next((i for i, r in enumerate(records)
                         if not all(_is_blank(c) for c in r)), None)
    where = _("sheet “{sheet}” of {file}").format(sheet=sheet_label, file=name) \
        if sheet_label else name
    if header_index is None:
        raise ImportProblem(_("{where} is empty.").format(where=where), file=name)
    raw_headers = list(records[header_index])
    while raw_headers and _is_blank(raw_headers[-1]):
        raw_headers.pop()
    headers = [clean_text(str(h)) if not _is_blank(h) else "" for h in raw_headers]
    headers = [h or _("Column {n}").format(n=i + 1) for i, h in enumerate(headers)]
    rows: list[SourceRow] = []
    for index in range(header_index + 1, len(records)):
        cells = list(records[index])
        while cells and _is_blank(cells[-1]):
            cells.pop()
        if not cells:
            continue
        if len(cells) < len(headers):
            cells.extend([None] * (len(headers) - len(cells)))
        rows.append(SourceRow(number=index + 1, cells=tuple(cells)))
    if not rows:
        raise ImportProblem(_("{where} has a header row but no data rows.").format(where=where),
                            file=name)
    return Source(name=name, headers=headers, rows=rows, format=fmt, encoding=encoding,
                  delimiter=delimiter)
