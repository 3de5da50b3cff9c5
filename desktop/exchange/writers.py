"""Writing an attendee table as CSV (UTF-8 with BOM, for Excel's sake) or as an Excel workbook
(typed cells, frozen header, autofilter, sensible widths), and handing it to the printed
directory for PDF."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from desktop.errors import MissionDeskError
from desktop.exchange.exporter import AttendeeTable, Value
from desktop.exchange.values import guard_formula
from desktop.i18n import _

FORMATS = ("csv", "xlsx", "pdf")
_MIN_WIDTH, _MAX_WIDTH, _WIDTH_SAMPLE = 8, 50, 2000
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Characters XML 1.0 cannot hold; an .xlsx cell cannot carry them.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _csv_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return guard_formula(value)


def write_csv(table: AttendeeTable, path: Path | str) -> Path:
    """A CSV Excel opens with accents right (UTF-8 with BOM, commas, CRLF)."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(table.headers)
        writer.writerows([_csv_text(v) for v in row] for row in table.rows)
    return path


def _width(header: str, values: list[Value]) -> float:
    longest = len(header)
    for value in values[:_WIDTH_SAMPLE]:
        if isinstance(value, date):
            longest = max(longest, 10)
        elif value:
            longest = max(longest, max(len(line) for line in value.split("\n")))
    return float(min(_MAX_WIDTH, max(_MIN_WIDTH, longest + 2)))


def write_xlsx(table: AttendeeTable, path: Path | str) -> Path:
    """An Excel workbook in write-only mode (10,000 rows in well under a second or two)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    book = Workbook(write_only=True)
    title = _SHEET_FORBIDDEN.sub(" ", table.title)[:31] or "List"
    sheet = book.create_sheet(title)
    for index, header in enumerate(table.headers):
        values = [row[index] for row in table.rows]
        sheet.column_dimensions[get_column_letter(index + 1)].width = _width(header, values)
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(1, len(table.headers)))
    sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    bold = Font(bold=True)
    header_cells = []
    for header in table.headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in table.rows:
        sheet.append([_xlsx_value(sheet, v) for v in row])
    book.save(path)
    return path


def _xlsx_value(sheet: object, value: Value) -> object:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        if not value:
            return None
        value = _NOT_IN_XML.sub("\ufffd", value)
        if value.startswith("="):  # text, never a formula
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell
    return value


def write_pdf(table: AttendeeTable, path: Path | str, *, mission_name: str,
              group_by: str = "organization") -> Path:
    """The printed directory of ``table``, laid out by ``desktop.reports.directory``."""
    import importlib

    try:
        directory = importlib.import_module("desktop.reports.directory")
    except ModuleNotFoundError as exc:
        if exc.name != "desktop.reports.directory":
            raise
        raise pdf_directory_unavailable() from None
    path = Path(path)
    directory.write_directory(table, path, mission_name=mission_name, group_by=group_by,
                              confidential=table.confidential)
    return path


def pdf_directory_unavailable() -> MissionDeskError:
    """The error for a PDF asked of a version without the printed directory."""
    return MissionDeskError(_("The printed directory (PDF) is not available in this version; "
                              "export the list as CSV or Excel."))
