"""A direct writer of one-sheet Excel workbooks for large lists.

openpyxl (even write-only, even with lxml) spends about ten microseconds per cell, which is
over three seconds for a 10,000-person roster; lists only need text and date cells, a bold
frozen header, an autofilter and column widths, which this module writes as SpreadsheetML
straight into the zip. Reading stays with openpyxl.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

_EXCEL_EPOCH = date(1899, 12, 30)
_FIRST_SAFE_DAY = date(1900, 3, 1)
# Characters XML 1.0 cannot hold; an .xlsx cell cannot carry them.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
XlsxValue = str | date | None

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/></Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>')
# Style 0: plain; 1: a date (built-in format 14, shown in the reader's locale); 2: bold header.
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="3">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    '</cellStyles></styleSheet>')


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _text_cell(ref: str, text: str, style: str = "") -> str:
    text = escape(NOT_IN_XML.sub("\ufffd", text)).replace("\r", "&#13;")
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _workbook(title: str, rows: int, columns: int) -> str:
    last = f"${column_letter(columns - 1)}${rows + 1}"
    name = quoteattr(title)
    quoted = "'" + title.replace("'", "''") + "'"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name={name} sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" '
            f'hidden="1">{escape(quoted)}!$A$1:{last}</definedName></definedNames>'
            '</workbook>')


def write_sheet(path: Path, title: str, headers: Sequence[str],
                rows: Sequence[Sequence[XlsxValue]], widths: Sequence[float]) -> None:
    """One sheet: a bold frozen header row with an autofilter, then text and date cells."""
    letters = [column_letter(i) for i in range(max(1, len(headers)))]
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<dimension ref="A1:{letters[-1]}{len(rows) + 1}"/>'
             '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
             'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>'
             '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>']
    parts += [f'<col min="{i + 1}" max="{i + 1}" width="{w:.1f}" customWidth="1"/>'
              for i, w in enumerate(widths)]
    parts.append('</cols><sheetData><row r="1">')
    parts += [_text_cell(f"{letters[i]}1", h, ' s="2"') for i, h in enumerate(headers)]
    parts.append("</row>")
    for number, row in enumerate(rows, start=2):
        cells = [f'<row r="{number}">']
        for i, value in enumerate(row):
            if value is None or value == "":
                continue
            ref = f"{letters[i]}{number}"
            if isinstance(value, datetime):
                value = value.date()
            if isinstance(value, date) and value < _FIRST_SAFE_DAY:
                cells.append(_text_cell(ref, value.isoformat()))  # Excel's 1900 leap-year bug
            elif isinstance(value, date):
                cells.append(f'<c r="{ref}" s="1"><v>{(value - _EXCEL_EPOCH).days}</v></c>')
            else:
                cells.append(_text_cell(ref, value))
        cells.append("</row>")
        parts.append("".join(cells))
    parts.append(f'</sheetData><autoFilter ref="A1:{letters[-1]}{len(rows) + 1}"/>'
                 '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
                 'footer="0.3"/></worksheet>')
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _workbook(title, len(rows), len(headers)))
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/styles.xml", _STYLES)
        book.writestr("xl/worksheets/sheet1.xml", "".join(parts))
