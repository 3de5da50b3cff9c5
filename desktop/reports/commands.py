"""``mission-desk print KIND``: every printed document from the command line.

Handlers return the exit code (0 done); user errors are raised as MissionDeskError for the
main command to print.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.errors import UsageError
from desktop.i18n import _, current_language

KINDS = ("badges", "itinerary", "programme", "programme-grid", "b2b-participant", "b2b-table",
         "b2b-grid", "rooming-list", "transfer-manifest", "arrivals-board", "directory")
CATEGORIES = ("delegate", "host", "organiser", "speaker", "vip", "press", "staff")
# The choosing options each kind reads; any other one given is refused, never ignored (an
# organiser who asks for day 2's signs must not get every day's).
USES = {
    "badges": {"person", "category", "sort", "layout", "crop_marks"},
    "itinerary": {"person", "category", "sort", "split_dir"},
    "programme": set(),
    "programme-grid": set(),
    "b2b-participant": {"participant", "block", "day"},
    "b2b-table": {"block", "day"},
    "b2b-grid": {"block"},
    "rooming-list": {"hotel"},
    "transfer-manifest": {"transfer", "day"},
    "arrivals-board": {"day"},
    "directory": {"group_by"},
}
# Options with a default: refused only when changed.
DEFAULTS = {"sort": "name", "layout": "a4-4", "group_by": "organization"}


def register(subparsers: argparse._SubParsersAction) -> None:
    from desktop.cli import add_mission_option, parse_date
    from desktop.reports.layouts import LAYOUTS

    command = subparsers.add_parser("print", help=_("print badges, itineraries, agendas, lists"))
    command.add_argument("kind", choices=KINDS, metavar="KIND",
                         help=_("one of: {kinds}").format(kinds=", ".join(KINDS)))
    add_mission_option(command)
    command.add_argument("-o", "--output", type=Path, metavar="OUT.pdf")
    command.add_argument("--person", type=int, action="append", metavar="ID",
                         help=_("only this person (repeat for several)"))
    command.add_argument("--category", choices=CATEGORIES,
                         help=_("only confirmed people of this category"))
    command.add_argument("--sort", choices=("name", "organization"), default="name")
    command.add_argument("--lang", dest="document_language", choices=("en", "fr"),
                         help=_("language of the document (default: the mission's, or each "
                                "person's for itineraries)"))
    command.add_argument("--layout", choices=list(LAYOUTS), default="a4-4",
                         help=_("badge layout"))
    command.add_argument("--crop-marks", action=argparse.BooleanOptionalAction, default=None,
                         help=_("crop marks on badge sheets (default: the layout's)"))
    command.add_argument("--paper", choices=("a4", "letter"), default="a4")
    command.add_argument("--split-dir", type=Path, metavar="DIR",
                         help=_("itineraries: one PDF per person in this folder"))
    command.add_argument("--participant", type=int, action="append", metavar="ID",
                         help=_("B2B participant (repeat for several)"))
    command.add_argument("--block", type=int, metavar="ID", help=_("B2B block"))
    command.add_argument("--hotel", type=int, metavar="ID", help=_("hotel (venue number)"))
    command.add_argument("--transfer", type=int, action="append", metavar="ID",
                         help=_("transfer run (repeat for several)"))
    command.add_argument("--day", type=parse_date, help=_("a day (2007-05-15 or 15/05/2007)"))
    command.add_argument("--group-by", choices=("organization", "side"),
                         default="organization", help=_("grouping of the directory"))
    command.set_defaults(func=print_command)


def print_command(args: argparse.Namespace) -> int:
    from desktop.cli import open_mission

    unused = [option for option in ("person", "category", "sort", "layout", "crop_marks",
                                    "split_dir", "participant", "block", "hotel", "transfer",
                                    "day", "group_by")
              if option not in USES[args.kind]
              and getattr(args, option) not in (None, DEFAULTS.get(option))]
    if unused:
        raise UsageError(_("{kind} does not use {options}.").format(
            kind=args.kind, options=", ".join("--" + o.replace("_", "-") for o in unused)))
    if args.output is None and not (args.kind == "itinerary" and args.split_dir):
        raise UsageError(_("Say where to write the document with -o OUT.pdf."))
    with open_mission(args.mission, read_only=True) as mission, \
            mission.transaction() as session:
        written = _print(session, args)
    for path in written:
        print(_("Wrote {file}.").format(file=path))
    return 0


def _options(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {"paper": args.paper}
    if args.document_language:
        options["language"] = args.document_language
    return options


def _print(session: Any, args: argparse.Namespace) -> list[Path]:
    from desktop.db.enums import Category
    from desktop.reports.selection import Selection

    selection = Selection(person_ids=tuple(args.person or ()),
                          category=Category(args.category) if args.category else None,
                          sort=args.sort)
    kind = args.kind
    if kind == "badges":
        from desktop.reports.badges import BadgeSheet

        options = {k: v for k, v in _options(args).items() if k != "paper"}
        return [BadgeSheet.from_session(session, selection, layout=args.layout,
                                        crop_marks=args.crop_marks, **options)
                .write(args.output)]
    if kind == "itinerary":
        from desktop.reports.itinerary import Itinerary

        document = Itinerary.from_session(session, selection, **_options(args))
        if args.split_dir:
            return document.write_split(args.split_dir)
        return [document.write(args.output)]
    if kind == "directory":
        from desktop.reports.directory import write_directory

        return [write_directory(session, args.output, group_by=args.group_by,
                                language=args.document_language)]
    return [_agenda_or_travel(session, args).write(args.output)]


def _agenda_or_travel(session: Any, args: argparse.Namespace) -> Any:
    kind = args.kind
    options = _options(args)
    if kind == "programme":
        from desktop.reports.programme import Programme

        return Programme.from_session(session, **options)
    if kind == "programme-grid":
        from desktop.reports.programme_grid import ProgrammeGrid

        return ProgrammeGrid.from_session(session, **options)
    if kind in ("b2b-participant", "b2b-table", "b2b-grid"):
        from desktop.reports import b2b_agendas

        if kind == "b2b-participant":
            return b2b_agendas.ParticipantAgendas.from_session(
                session, _participants(session, args.participant), block_id=args.block,
                day=args.day, **options)
        if kind == "b2b-table":
            return b2b_agendas.TableSigns.from_session(session, block_id=args.block,
                                                       day=args.day, **options)
        return b2b_agendas.MasterGrid.from_session(session, _one_block(session, args.block),
                                                   **options)
    from desktop.reports import travel_reports

    if kind == "rooming-list":
        return travel_reports.RoomingList.from_session(session, _one_hotel(session, args.hotel),
                                                       **options)
    if kind == "transfer-manifest":
        return travel_reports.TransferManifests.from_session(session, args.transfer, args.day,
                                                             **options)
    if args.day is None:
        raise UsageError(_("Say which day with --day (e.g. --day 2007-05-14)."))
    return travel_reports.ArrivalsBoard.from_session(session, args.day, **options)


def _one_block(session: Any, block_id: int | None) -> int:
    from desktop.reports.b2b_agendas import b2b_blocks

    if block_id is not None:
        return block_id
    blocks = b2b_blocks(session)
    if len(blocks) != 1:
        language = current_language()
        raise UsageError(_("Say which B2B block with --block ID ({choices}).").format(
            choices=", ".join(f"{b.id}: {b.title_in(language)}" for b in blocks)
            or _("there is none")))
    return blocks[0].id


def _participants(session: Any, ids: list[int] | None) -> list[int] | None:
    """The B2B participants asked for, each checked to exist."""
    from desktop.db.models import B2BParticipant

    for pid in ids or ():
        if session.get(B2BParticipant, pid) is None:
            raise UsageError(_("There is no B2B participant with the number {id}.").format(
                id=pid))
    return ids


def _one_hotel(session: Any, hotel_id: int | None) -> int:
    from desktop.travel.hotels import list_hotels

    if hotel_id is not None:
        return hotel_id
    hotels = list_hotels(session)
    if len(hotels) != 1:
        raise UsageError(_("Say which hotel with --hotel ID ({choices}).").format(
            choices=", ".join(f"{h.id}: {h.name}" for h in hotels) or _("there is none")))
    return hotels[0].id
