"""The printed attendee directory: the exchange's attendee table, grouped and paginated.

The columns and rows come from ``desktop.exchange.exporter.select_attendees`` (one place
decides what a list holds); this module only lays them out, grouped by organisation or by
side, and marks every page "confidential" when sensitive fields are included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer
from sqlalchemy.orm import Session

from desktop.db.enums import Side
from desktop.errors import UsageError
from desktop.i18n import current_language, format_date, translate_in, translate_plural_in
from desktop.reports.base import MARGIN_SIDE, FlowDocument, Job, PageInfo, styles, table
from desktop.reports.bidi import paragraph
from desktop.reports.fonts import SANS, SANS_BOLD, string_width

GROUPINGS = ("organization", "side")
LANDSCAPE_FROM_COLUMNS = 7
CONFIDENTIAL_RED = colors.HexColor("#b71c1c")
CONFIDENTIAL_PT = 9
CONFIDENTIAL_BASELINE = 14 * mm  # above the bottom edge
CELL_PT = 8.5
CELL_PADDING = 8  # points, both sides of a cell
MIN_COLUMN = 16 * mm
MAX_COLUMN = 70 * mm


class _Column(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def title(self) -> str: ...


class _AttendeeTable(Protocol):
    """What the exchange's ``AttendeeTable`` offers (read only)."""

    @property
    def title(self) -> str: ...

    @property
    def columns(self) -> Sequence[_Column]: ...

    @property
    def rows(self) -> Sequence[Sequence[Any]]: ...

    @property
    def people(self) -> Sequence[Any]: ...

    @property
    def confidential(self) -> bool: ...


@dataclass(frozen=True)
class Group:
    name: str
    rows: list[list[str]]


class Directory(FlowDocument):
    """Groups of people (an organisation, or a side), each a table of the chosen columns."""

    def __init__(self, title: str, headers: Sequence[str], groups: Sequence[Group], *,
                 mission_name: str, confidential: bool = False, **options: Any) -> None:
        super().__init__(mission_name=mission_name, **options)
        self.list_title = title
        self.headers = list(headers)
        self.groups = list(groups)
        self.confidential = confidential
        self.landscape = len(self.headers) >= LANDSCAPE_FROM_COLUMNS

    @classmethod
    def of_table(cls, attendees: _AttendeeTable, *, mission_name: str,
                 group_by: str = "organization", confidential: bool | None = None,
                 **options: Any) -> Directory:
        if group_by not in GROUPINGS:
            raise UsageError(translate_in(options.get("language", "en"),
                                          "Group the directory by organization or by side."))
        language = options.setdefault("language", current_language())
        skip = {"organization"} if group_by == "organization" else {"side"}
        keep = [i for i, c in enumerate(attendees.columns) if c.key not in skip]
        groups: dict[str, list[list[str]]] = {}
        for person, row in zip(attendees.people, attendees.rows, strict=True):
            name = _group_name(person, group_by, language)
            groups.setdefault(name, []).append([_text(row[i], language) for i in keep])
        ordered = sorted(groups.items(), key=lambda item: (item[0] == "", item[0].casefold()))
        no_group = (translate_in(language, "No organisation") if group_by == "organization"
                    else translate_in(language, "No side"))
        return cls(attendees.title, [attendees.columns[i].title for i in keep],
                   [Group(name or no_group, rows) for name, rows in ordered],
                   mission_name=mission_name,
                   confidential=attendees.confidential if confidential is None
                   else confidential, **options)

    def title(self) -> str:
        return self.list_title

    def story(self, job: Job) -> list[Flowable]:
        style = styles()
        count = sum(len(g.rows) for g in self.groups)
        flow: list[Flowable] = [
            paragraph(self.list_title, style["h1"]),
            paragraph(translate_plural_in(self.language, "{n} person", "{n} people", count)
                           .format(n=count), style["muted"]),
            Spacer(1, 2 * mm)]
        widths = self.column_widths()
        for index, group in enumerate(self.groups):
            job.step(index, len(self.groups))
            rows: list[list[Any]] = [self.headers]
            rows += [[paragraph(cell, style["cell"]) for cell in row]
                     for row in group.rows]
            flow += [paragraph(group.name, style["h2"]),
                     table(rows, widths)]
        if not self.groups:
            flow.append(paragraph(self.t("Nobody is on this list."), style["italic"]))
        return flow

    def column_widths(self) -> list[float]:
        """Widths shared out by what the columns hold (their longest words and lines, within
        bounds), so an email address is not cut while a short name has room to spare."""
        count = max(len(self.headers), 1)
        wants = []
        for index, header in enumerate(self.headers):
            cells = [header, *(row[index] for g in self.groups for row in g.rows[:200])]
            longest = max(string_width(c, SANS, CELL_PT) for c in cells)
            wants.append(min(max(longest + CELL_PADDING, MIN_COLUMN), MAX_COLUMN))
        # Columns that want less than a fair share get what they want; the others share
        # what is left in proportion to what they want.
        widths: dict[int, float] = {}
        room = self.frame_width
        while True:
            free = [i for i in range(count) if i not in widths]
            if not free:
                break
            small = [i for i in free if wants[i] <= room / len(free)]
            if not small:
                total = sum(wants[i] for i in free)
                widths.update({i: room * wants[i] / total for i in free})
                break
            for i in small:
                widths[i] = wants[i]
                room -= wants[i]
        spare = self.frame_width - sum(widths.values())
        return [widths[i] + spare / count for i in range(count)]

    def decorate(self, canvas: Canvas, info: PageInfo) -> None:
        super().decorate(canvas, info)
        if self.confidential:
            canvas.saveState()
            canvas.setFillColor(CONFIDENTIAL_RED)
            canvas.setFont(SANS_BOLD, CONFIDENTIAL_PT)
            canvas.drawString(MARGIN_SIDE, CONFIDENTIAL_BASELINE, translate_in(
                info.language, "CONFIDENTIAL — holds passport numbers or dates of birth; "
                               "do not leave lying about."))
            canvas.restoreState()


def _group_name(person: Any, group_by: str, language: str) -> str:
    organization = getattr(person, "organization", None)
    if organization is None:
        return ""
    if group_by == "organization":
        return str(organization.name)
    from desktop.db.enums import source_label

    side: Side = organization.side
    return translate_in(language, source_label(side))


def _text(value: Any, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return format_date(value, "medium", language=language)
    return str(value)


def write_directory(source: Session | _AttendeeTable, path: str | Path, *,
                    group_by: str = "organization", language: str | None = None,
                    mission_name: str | None = None, confidential: bool | None = None,
                    printed_at: datetime | None = None) -> Path:
    """Write the printed directory to ``path``.

    ``source`` is the exchange's attendee table, or a Session (then the "contacts" list of
    everyone not cancelled). ``mission_name`` defaults to the mission's (needs a Session
    when given a table without it); ``confidential`` defaults to the table's own flag.
    """
    options: dict[str, Any] = {"printed_at": printed_at}
    if language:
        options["language"] = language
    if isinstance(source, Session):
        from desktop.exchange.exporter import select_attendees
        from desktop.missions import get_mission

        mission = get_mission(source)
        options.setdefault("language", mission.document_language)
        attendees: _AttendeeTable = select_attendees(source, "contacts")
        mission_name = mission_name or mission.name
    else:
        attendees = source
    document = Directory.of_table(attendees, mission_name=mission_name or "",
                                  group_by=group_by, confidential=confidential, **options)
    return document.write(path)
