"""The ``mission-desk`` command: the app, and every headless job it offers.

``mission-desk [FILE]`` starts the desktop app. Sub-commands work on a mission file without a
window. Each capability package may ship a ``commands`` module with a
``register(subparsers)`` function; it is found here on its own, so packages add commands
without editing this file. Handlers return the exit code: 0 done, 1 rejected input,
2 usage errors. User errors print one clear line, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import math
import os
import pkgutil
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import desktop
from desktop import __version__
from desktop.errors import MissionDeskError, UsageError, os_error_text
from desktop.i18n import N_, _, ngettext, set_language

if TYPE_CHECKING:
    from desktop.db.missionfile import MissionFile

Handler = Callable[[argparse.Namespace], int]


# argparse's own words (usage lines, help headings, its usage errors), marked here for the
# catalogue: argparse looks them up with gettext as it runs, and build_parser() hands it
# Mission Desk's translation, so that "--lang fr" speaks French throughout.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"), N_("show program's version number and exit"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"), N_("expected one argument"),
    N_("expected at least one argument"), N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"), N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
)


def _argparse_speaks_ours() -> None:
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}\n" + _("Try “{prog} --help”.").format(
            prog=self.prog) + "\n")


def parse_date(text: str) -> date:
    """A command-line date: ISO (2007-05-15) or French (15/05/2007)."""
    from desktop.dates import parse_day

    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def output_file(text: str, *, inputs: Sequence[str] = ()) -> Path:
    """Where a command will write, checked before it does any work: a file name in a folder
    that exists and can be written, and none of the command's ``inputs`` (a slip of the
    keyboard must not replace the mission or the problem file)."""
    path = Path(text)
    if not text.strip():
        raise UsageError(_("The output file needs a name."))
    if path.is_dir():
        raise UsageError(_("{file} is a folder; give the name of a file in it.").format(
            file=path))
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(_("The folder {folder} does not exist.").format(folder=folder))
    if not os.access(folder, os.W_OK):
        raise UsageError(_("The folder {folder} cannot be written to.").format(folder=folder))
    for other in inputs:
        with contextlib.suppress(OSError):
            if path.exists() and os.path.samefile(path, other):
                raise UsageError(_("{file} is what the command reads; write the output to "
                                   "another file.").format(file=path))
    return path


def seconds(text: str) -> float:
    """A command-line time budget: a positive, finite number of seconds."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(_("{value} is not a positive number of seconds")
                                         .format(value=text))
    return value


def open_mission(path: str, *, read_only: bool = False) -> MissionFile:
    """Open the mission a command works on (a file, or a ``postgresql+psycopg://`` URL)."""
    from desktop.db.missionfile import MissionFile

    if "://" in path:
        return MissionFile.connect(path, read_only=read_only)
    return MissionFile.open(path, read_only=read_only)


def add_mission_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mission", "-m", required=True, metavar="M",
                        help=_("the mission file (or a database URL)"))


def build_parser() -> argparse.ArgumentParser:
    _argparse_speaks_ours()
    parser = _Parser(prog="mission-desk",
                     description=_("Mission Desk: organise a business trade mission."))
    parser.add_argument("--version", action="version", version=f"mission-desk {__version__}")
    parser.add_argument("--lang", choices=("en", "fr"),
                        help=_("language of messages (default: the system's)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    from desktop import commands as core_commands

    core_commands.register(sub)
    for module in _command_modules():
        module.register(sub)
    return parser


def _command_modules() -> list[ModuleType]:
    found = []
    for info in sorted(pkgutil.iter_modules(desktop.__path__), key=lambda i: i.name):
        if not info.ispkg or info.name == "ui":
            continue
        name = f"desktop.{info.name}.commands"
        try:
            found.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_from(args_list))
    # "mission-desk FILE" (or nothing) starts the app: no sub-command parsing needed.
    if not args_list or (not args_list[0].startswith("-") and args_list[0] not in
                         _known_commands()) or args_list[0] in ("--read-only",):
        return _start_app(args_list)
    parser = build_parser()
    args = parser.parse_args(args_list)
    func: Handler | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        code = func(args)
        sys.stdout.flush()  # a reader gone away is told here, not at interpreter exit
        return code
    except BrokenPipeError:
        # The output's reader stopped early (``| head``): what the command did stays done.
        # Python would complain again when it flushes stdout at exit, so stdout goes nowhere.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except MissionDeskError as exc:
        print(f"mission-desk: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # a disk full or a file taken away mid-command: said in words
        print(f"mission-desk: {os_error_text(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("mission-desk: stopped."), file=sys.stderr)
        return 130


def _language_from(args: list[str]) -> str | None:
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _known_commands() -> set[str]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _start_app(args: list[str]) -> int:
    app_parser = _Parser(prog="mission-desk", description=_("Start the desktop app."))
    app_parser.add_argument("file", nargs="?", help=_("the mission file to open"))
    app_parser.add_argument("--read-only", action="store_true",
                            help=_("open the mission without changing it"))
    app_parser.add_argument("--lang", choices=("en", "fr"))
    options = app_parser.parse_args(args)
    if options.file and not Path(options.file).exists() and "://" not in options.file:
        if not options.file.endswith(".mission"):
            print(_("mission-desk: “{word}” is neither a command nor a mission file. "
                    "Try “mission-desk --help”.").format(word=options.file), file=sys.stderr)
            return 2
        print(_("mission-desk: {file} does not exist.").format(file=options.file),
              file=sys.stderr)
        return 1
    from desktop.ui.app import run

    return run(options.file, read_only=options.read_only, language=options.lang)


def fail(message: str) -> UsageError:
    """A usage error to raise from a handler (exit code 2)."""
    return UsageError(message)


if __name__ == "__main__":
    sys.exit(main())
