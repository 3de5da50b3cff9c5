"""The core sub-commands: new, demo, info, backups, restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.i18n import _, ngettext


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import parse_date

    new = sub.add_parser("new", help=_("create an empty mission file"))
    new.add_argument("file", type=Path)
    new.add_argument("--name", required=True)
    new.add_argument("--start", required=True, type=parse_date, help=_("first day"))
    new.add_argument("--end", required=True, type=parse_date, help=_("last day"))
    new.add_argument("--organisers", default="")
    new.add_argument("--timezone", default="Africa/Casablanca")
    new.add_argument("--country", default="MA", help=_("host country code"))
    new.add_argument("--force", action="store_true", help=_("replace an existing file"))
    new.set_defaults(func=_new)

    demo = sub.add_parser("demo", help=_("write the 2007 demo mission, or a synthetic one"))
    demo.add_argument("file", type=Path)
    demo.add_argument("--size", type=int, help=_("participants of a synthetic mission"))
    demo.add_argument("--seed", type=int, default=2007)
    demo.add_argument("--force", action="store_true", help=_("replace an existing file"))
    demo.set_defaults(func=_demo)

    info = sub.add_parser("info", help=_("counts and warnings of a mission"))
    info.add_argument("file")
    info.set_defaults(func=_info)

    listing = sub.add_parser("backups", help=_("list a mission's backups"))
    listing.add_argument("file", type=Path)
    listing.set_defaults(func=_backups)

    restore = sub.add_parser("restore", help=_("replace a mission by one of its backups"))
    restore.add_argument("file", type=Path)
    restore.add_argument("backup", type=Path)
    restore.set_defaults(func=_restore)


def _new(args: argparse.Namespace) -> int:
    from desktop.db.missionfile import MissionFile
    from desktop.missions import MissionInput, create_mission, validate_mission

    data = MissionInput(name=args.name, start_date=args.start, end_date=args.end,
                        organisers=args.organisers, home_timezone=args.timezone,
                        home_country=args.country)
    validate_mission(data)  # refuse before a file is made
    with MissionFile.create(args.file, overwrite=args.force) as mission, \
            mission.transaction() as session:
        create_mission(session, data)
    print(_("Created {file}.").format(file=args.file))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from desktop.db.missionfile import MissionFile
    from desktop.demo import build_demo, build_synthetic
    from desktop.errors import UsageError

    if args.size is not None and args.size < 2:
        raise UsageError(_("--size must be at least 2."))
    with MissionFile.create(args.file, overwrite=args.force) as mission, \
            mission.transaction() as session:
        if args.size is None:
            build_demo(session)
        else:
            build_synthetic(session, size=args.size, seed=args.seed)
    print(_("Wrote {file}.").format(file=args.file))
    return 0


def _info(args: argparse.Namespace) -> int:
    from desktop.checks import mission_warnings
    from desktop.cli import open_mission
    from desktop.i18n import format_date
    from desktop.missions import get_mission
    from desktop.overview import mission_counts

    with open_mission(args.file, read_only=True) as mission, mission.transaction() as session:
        record = get_mission(session)
        counts = mission_counts(session)
        warnings = mission_warnings(session)
        print(record.name)
        print(_("{start} – {end}, organised by {organisers}").format(
            start=format_date(record.start_date), end=format_date(record.end_date),
            organisers=record.organisers or "—"))
        lines = [
            (_("Organisations"), counts.organizations),
            (_("People"), counts.people),
            (_("Delegates confirmed"), counts.delegates_confirmed),
            (_("Hosts confirmed"), counts.hosts_confirmed),
            (_("Programme sessions"), counts.sessions),
            (_("Meeting requests"), counts.meeting_requests),
            (_("Meetings"), counts.meetings),
            (_("Flights"), counts.flights),
            (_("Hotel stays"), counts.hotel_stays),
            (_("Transfers"), counts.transfers),
        ]
        width = max(len(label) for label, _n in lines)
        for label, value in lines:
            print(f"  {label.ljust(width)}  {value}")
        if counts.arrivals_by_day:
            print(_("Arrivals per day:"))
            for day, n in counts.arrivals_by_day.items():
                print(f"  {format_date(day)}  {n}")
        print(ngettext("{n} warning", "{n} warnings", len(warnings)).format(n=len(warnings)))
        for warning in warnings:
            print(f"  - {warning.message}")
    return 0


def _backups(args: argparse.Namespace) -> int:
    from desktop.db.backup import list_backups

    found = list_backups(args.file)
    if not found:
        print(_("{file} has no backups yet.").format(file=args.file.name))
        return 0
    for item in found:
        print(f"{item.taken_at:%Y-%m-%d %H:%M:%S}  {item.size // 1024:>7} KiB  {item.path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from desktop.db.missionfile import restore_backup

    safety = restore_backup(args.backup, args.file)
    print(_("Restored {file} from {backup}.").format(file=args.file, backup=args.backup.name))
    if safety is not None:
        print(_("What it held before is kept in {backup}.").format(backup=safety))
    return 0
