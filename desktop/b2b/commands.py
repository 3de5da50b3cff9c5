"""Command-line handlers: ``b2b solve`` and ``b2b check`` over the JSON files.

Each handler returns the exit code (0 done, 1 infeasible/invalid); user errors are raised as
:class:`~desktop.errors.MissionDeskError` for the main command to print.
"""

from __future__ import annotations

import argparse
import sys
import threading

from desktop.b2b.instance import Instance, Schedule, dump_schedule, load_instance, load_schedule
from desktop.b2b.mission_commands import breaks_text
from desktop.i18n import _, format_seconds, ngettext


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``b2b`` command and its ``solve`` and ``check`` sub-commands."""
    from desktop.cli import seconds

    b2b = subparsers.add_parser("b2b", help=_("schedule B2B meetings from a problem file"))
    sub = b2b.add_subparsers(dest="b2b_command", metavar="COMMAND")
    sub.required = True
    solve = sub.add_parser("solve", help=_("schedule the meetings of a problem file"))
    solve.add_argument("instance", metavar="INSTANCE.json")
    solve.add_argument("-o", "--output", required=True, metavar="SCHEDULE.json")
    solve.add_argument("--time-limit", type=seconds, default=None, metavar="S",
                       help=_("time budget in seconds (default: the file's, else 60)"))
    solve.add_argument("--quiet", action="store_true", help=_("no progress lines"))
    solve.set_defaults(func=solve_command)
    check = sub.add_parser("check", help=_("check a schedule against its problem file"))
    check.add_argument("schedule", metavar="SCHEDULE.json")
    check.add_argument("--problem", required=True, metavar="INSTANCE.json")
    check.set_defaults(func=check_command)
    from desktop.b2b import mission_commands

    # The commands that work on a mission file: ``b2b export-problem`` and ``schedule``.
    mission_commands.add_export_problem(sub)
    mission_commands.register(subparsers)


def summary(sched: Schedule, required: int, keep_current: bool = False) -> str:
    """One paragraph a person can read at the end of a run."""
    words = {"optimal": _("proved optimal"), "feasible": _("not proved optimal"),
             "infeasible": _("infeasible")}
    breaks = breaks_text(sched.breaks)
    text = _("{placed} meetings placed ({prio} per priority 1/2/3) of which {req} required; "
             "{breaks} (proven lower bound {bound}); {status}; {secs} s.").format(
        placed=sched.scheduled, prio="/".join(str(n) for n in sched.scheduled_priority),
        req=required, breaks=breaks, bound=sched.bound_breaks,
        status=words.get(sched.status, sched.status),
        secs=format_seconds(sched.solve_seconds))
    if sched.moved is not None and keep_current:  # else nobody asked what moved
        from desktop.b2b.mission_commands import moved_text

        text += " " + moved_text(sched.moved)
    if sched.unscheduled:
        text += " " + ngettext("{n} meeting not placed.", "{n} meetings not placed.",
                               len(sched.unscheduled)).format(n=len(sched.unscheduled))
    return text


def unmet_spread(inst: Instance, sched: Schedule) -> int | None:
    """The schedule's break spread if it exceeds the instance's ``max_break_spread``.

    The solver drops the spread rule only when no schedule can meet it; the schedule file has
    no field for that, so the command says it in words.
    """
    from desktop.b2b.checker import participant_breaks

    d = inst.options.max_break_spread
    if d is None or sched.status == "infeasible" or not sched.meetings:
        return None
    per = participant_breaks(inst, list(sched.meetings))
    got = max(per.values()) - min(per.values()) if per else 0
    return got if got > d else None


def solve_command(args: argparse.Namespace) -> int:
    from desktop.b2b.solver import Progress, solve
    from desktop.cli import output_file

    output = output_file(args.output, inputs=[args.instance])
    inst = load_instance(args.instance)

    def show(p: Progress) -> None:
        if not args.quiet:
            print(_("{secs} s  {phase}: {placed} placed, {breaks}, bound {bound}")
                  .format(secs=format_seconds(p.elapsed_s, 6), phase=p.phase, placed=p.scheduled,
                          breaks=breaks_text(p.breaks), bound=p.bound_breaks),
                  file=sys.stderr, flush=True)

    stop = threading.Event()
    try:
        sched = solve(inst, time_limit_s=args.time_limit, on_progress=show, stop=stop)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        stop.set()
        raise
    dump_schedule(sched, output)
    required = sum(1 for m in inst.meetings if m.required)
    print(summary(sched, required, inst.options.keep_current))
    spread = unmet_spread(inst, sched)
    if spread is not None:
        print(_("No schedule keeps every participant's breaks within {d} of each other; this "
                "one has the fewest breaks without that rule (spread {got}).").format(
            d=inst.options.max_break_spread, got=spread))
    if sched.status == "infeasible":
        names = {m.id: m for m in inst.meetings}
        for u in sched.unscheduled:
            if names[u.id].required:
                print(_("{id}: {reason}").format(id=u.id, reason=u.reason))
        return 1
    return 0


def check_command(args: argparse.Namespace) -> int:
    from desktop.b2b.checker import check

    inst = load_instance(args.problem)
    sched = load_schedule(args.schedule)
    problems = check(inst, sched)
    for v in problems:
        print(v.message)
    if problems:
        print(ngettext("{n} violation.", "{n} violations.", len(problems)).format(
            n=len(problems)), file=sys.stderr)
        return 1
    print(_("The schedule is valid: {meetings}, {breaks}.").format(
        meetings=ngettext("{n} meeting", "{n} meetings", len(sched.meetings)).format(
            n=len(sched.meetings)),
        breaks=breaks_text(sched.breaks)))
    if sched.status == "infeasible":
        left = sum(1 for m in inst.meetings if m.required and m.id in
                   {u.id for u in sched.unscheduled})
        print(ngettext("It says {n} required meeting cannot be placed; whether no schedule "
                       "could place it is not checked here.",
                       "It says {n} required meetings cannot all be placed; whether no "
                       "schedule could place them is not checked here.", left).format(n=left))
    return 0
