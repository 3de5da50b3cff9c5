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
    """An Excel workbook: typed date cells, a bold frozen header, an autofilter, widths."""
    from desktop.exchange.xlsx import write_sheet

    path = Path(path)
    title = _SHEET_FORBIDDEN.sub(" ", table.title)[:31].strip() or "List"
    widths = [_width(header, [row[i] for row in table.rows])
              for i, header in enumerate(table.headers)]
    write_sheet(path, title, table.headers, table.rows, widths)
    return path


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
