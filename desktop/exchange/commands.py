"""``mission-desk import`` and ``mission-desk export attendees``.

An import is previewed in full before anything is written, then written in one transaction.
With rejected rows nothing is written (exit 1) unless ``--skip-invalid``, which writes the good
rows and puts the rejected ones in a CSV to fix and import again.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desktop.errors import ImportProblem, Problem
from desktop.exchange.fields import Kind
from desktop.i18n import _, ngettext

SHOWN_PROBLEMS = 50


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_mission_option

    parser = sub.add_parser("import", help=_("import organisations, people, flights, hotel "
                                             "stays or meeting requests from CSV or Excel"))
    parser.add_argument("kind", choices=[k.value for k in Kind], metavar="KIND",
                        help=_("one of: {kinds}").format(kinds=", ".join(k.value for k in Kind)))
    parser.add_argument("file", type=Path, metavar="FILE", help=_("a .csv or .xlsx file"))
    add_mission_option(parser)
    parser.add_argument("--dry-run", action="store_true",
                        help=_("check and show what would change, write nothing"))
    parser.add_argument("--skip-invalid", action="store_true",
                        help=_("import the good rows; write the rejected ones to a file"))
    parser.add_argument("--mapping", type=Path, metavar="MAP.json",
                        help=_("which column means which field (JSON)"))
    parser.add_argument("--save-mapping", type=Path, metavar="MAP.json",
                        help=_("save the mapping used, to reuse it"))
    parser.add_argument("--sheet", metavar="NAME", help=_("the Excel sheet to read"))
    parser.add_argument("--report", type=Path, metavar="REPORT.json",
                        help=_("write counts and problems as JSON"))
    parser.add_argument("--rejected", type=Path, metavar="FILE.csv",
                        help=_("where --skip-invalid puts rejected rows "
                               "(default: next to FILE)"))
    parser.set_defaults(func=import_command)

    from desktop.exchange.export_commands import register_export

    register_export(sub)


def _write_report(path: Path | None, data: dict[str, Any]) -> None:
    if path is not None:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems[:SHOWN_PROBLEMS]:
        print(f"  {problem}")
    if len(problems) > SHOWN_PROBLEMS:
        print("  " + _("… and {n} more (see --report).").format(n=len(problems) - SHOWN_PROBLEMS))


def import_command(args: argparse.Namespace) -> int:
    from desktop.cli import open_mission
    from desktop.exchange import importer
    from desktop.exchange.mapping import combine, guess_mapping, load_mapping, save_mapping
    from desktop.exchange.sources import read_source

    kind = Kind(args.kind)
    try:
        source = read_source(args.file, sheet=args.sheet)
        mapping = guess_mapping(kind, source.headers)
        if args.mapping is not None:
            mapping = combine(mapping, load_mapping(args.mapping, kind))
        with open_mission(args.mission, read_only=args.dry_run) as mission, \
                mission.transaction() as session:
            result = importer.preview(session, kind, source, mapping)
            if args.save_mapping is not None:
                save_mapping(result.mapping, args.save_mapping)
            for note in result.notes:
                print(_("Note: {message}").format(message=note.message))
            rejected = result.count(importer.Outcome.REJECTED)
            if rejected:
                print(ngettext("{n} row rejected:", "{n} rows rejected:", rejected).format(
                    n=rejected))
                _print_problems(result.problems)
            _write_report(args.report, importer.report(result))
            if args.dry_run:
                print(_("Dry run: {summary} Nothing was written.").format(
                    summary=result.summary()))
                return 1 if rejected else 0
            if rejected and not args.skip_invalid:
                print(_("Nothing was written: fix the rows above, or import with "
                        "--skip-invalid to import the others."))
                return 1
            importer.apply(session, result, skip_invalid=args.skip_invalid)
    except ImportProblem as problem:
        _write_report(args.report, importer.report(None, problem))
        raise
    print(_("Imported {file}: {summary}").format(file=source.name, summary=result.summary()))
    if rejected:
        target = args.rejected or args.file.with_name(f"{args.file.stem}-rejected.csv")
        importer.write_rejected(result, target)
        print(_("The rejected rows are in {file}: fix them there and import that file.")
              .format(file=target))
    return 0
