"""``mission-desk export attendees``: a preset or chosen fields, filtered, as CSV, Excel or PDF.
``mission-desk export calendar``: personal itineraries as calendar files (.ics).

A list with sensitive fields gets "confidential" in its file name (and on the printed pages).
"""

from __future__ import annotations

import argparse
import enum
from pathlib import Path
from typing import TypeVar

from desktop.errors import UsageError
from desktop.i18n import _

E = TypeVar("E", bound=enum.Enum)


def register_export(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_mission_option
    from desktop.exchange.exporter import PRESETS
    from desktop.exchange.writers import FORMATS

    export = sub.add_parser("export", help=_("export lists (attendees) as CSV, Excel or PDF, "
                                             "and calendars (.ics)"))
    what = export.add_subparsers(dest="export_what", metavar="WHAT")
    what.required = True
    attendees = what.add_parser("attendees", help=_("attendee lists"))
    add_mission_option(attendees)
    attendees.add_argument("--format", choices=FORMATS, default=None,
                           help=_("csv, xlsx or pdf (default: from the output's extension)"))
    attendees.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    attendees.add_argument("--preset", choices=list(PRESETS), default=None,
                           help=_("one of: {presets}").format(presets=", ".join(PRESETS)))
    attendees.add_argument("--fields", metavar="a,b,c",
                           help=_("the columns, in order (e.g. family_name,given_name,email)"))
    attendees.add_argument("--side", metavar="SIDE", help=_("only these sides (comma-separated)"))
    attendees.add_argument("--category", metavar="CATEGORY",
                           help=_("only these categories (comma-separated)"))
    attendees.add_argument("--status", metavar="STATUS",
                           help=_("only these statuses (comma-separated)"))
    attendees.add_argument("--include-sensitive", action="store_true",
                           help=_("include passport numbers and dates of birth (confidential)"))
    attendees.add_argument("--group-by", choices=("organization", "side"),
                           default="organization", help=_("grouping of the printed directory"))
    attendees.set_defaults(func=export_attendees_command)
    _register_calendar(what)


def _register_calendar(what: argparse._SubParsersAction) -> None:
    from desktop.cli import add_mission_option
    from desktop.reports.commands import CATEGORIES

    calendar = what.add_parser("calendar", help=_(
        "personal itineraries as calendar files (.ics): flights, transfers, hotels, sessions, "
        "B2B meetings"))
    add_mission_option(calendar)
    calendar.add_argument("-o", "--output", metavar="OUT.ics",
                          help=_("one person's calendar (give one --person)"))
    calendar.add_argument("--split-dir", type=Path, metavar="DIR",
                          help=_("one calendar per person in this folder"))
    calendar.add_argument("--person", type=int, action="append", metavar="ID",
                          help=_("only this person (repeat for several)"))
    calendar.add_argument("--category", choices=CATEGORIES,
                          help=_("only confirmed people of this category"))
    calendar.add_argument("--lang", dest="document_language", choices=("en", "fr"),
                          help=_("language of the texts (default: each person's)"))
    calendar.set_defaults(func=export_calendar_command)


def _choices(enum_class: type[E], text: str | None, option: str) -> tuple[E, ...]:
    from desktop.exchange.values import parse_choice

    found: list[E] = []
    for part in (text or "").split(","):
        if not part.strip():
            continue
        try:
            value = parse_choice(enum_class, part, option)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if value is not None:
            found.append(value)
    return tuple(found)


def export_attendees_command(args: argparse.Namespace) -> int:
    from desktop.cli import open_mission
    from desktop.db.enums import Category, Side, Status
    from desktop.exchange.exporter import AttendeeFilter, confidential_path, select_attendees
    from desktop.exchange.writers import FORMATS, write_csv, write_pdf, write_xlsx
    from desktop.missions import get_mission

    fmt = args.format or args.output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError(_("Say --format csv, xlsx or pdf (the output's extension does not "
                           "tell)."))
    filters = AttendeeFilter(sides=_choices(Side, args.side, _("side")),
                             categories=_choices(Category, args.category, _("category")),
                             statuses=_choices(Status, args.status, _("status")))
    fields = [f for f in (args.fields or "").split(",") if f.strip()] or None
    with open_mission(args.mission, read_only=True) as mission, \
            mission.transaction() as session:
        table = select_attendees(session, args.preset, fields, filters,
                                 include_sensitive=args.include_sensitive)
        output = confidential_path(args.output, table.confidential)
        if fmt == "csv":
            write_csv(table, output)
        elif fmt == "xlsx":
            write_xlsx(table, output)
        else:
            write_pdf(table, output, mission_name=get_mission(session).name,
                      group_by=args.group_by)
    print(_("Wrote {file}: {n} people.").format(file=output, n=len(table.rows)))
    if table.confidential:
        print(_("This list is confidential: it holds passport numbers or dates of birth."))
    return 0


def export_calendar_command(args: argparse.Namespace) -> int:
    from desktop.cli import open_mission, output_file
    from desktop.db.enums import Category
    from desktop.exchange.calendars import gather_calendars, write_calendar, write_calendars
    from desktop.reports.selection import Selection

    if (args.output is None) == (args.split_dir is None):
        raise UsageError(_("Say where to write: -o OUT.ics for one person, or --split-dir DIR "
                           "for one calendar per person."))
    output = output_file(args.output, inputs=[args.mission]) if args.output else None
    if output is not None and output.suffix.lower() != ".ics":
        raise UsageError(_("{file}: a calendar file's name ends in .ics, which calendar "
                           "programs look for.").format(file=output))
    if args.split_dir is not None and args.split_dir.exists() and not args.split_dir.is_dir():
        raise UsageError(_("{file} is a file, not a folder.").format(file=args.split_dir))
    selection = Selection(person_ids=tuple(args.person or ()),
                          category=Category(args.category) if args.category else None)
    with open_mission(args.mission, read_only=True) as mission, \
            mission.transaction() as session:
        people, name, domain = gather_calendars(session, selection, args.document_language)
    if output is not None:
        written = [write_calendar(people, output, mission_name=name, domain=domain)]
    else:
        written = write_calendars(people, args.split_dir, mission_name=name, domain=domain)
    for path in written:
        print(_("Wrote {file}.").format(file=path))
    return 0
