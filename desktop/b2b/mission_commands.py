"""Command-line jobs between a mission and the scheduler: ``b2b export-problem`` and
``schedule``.

The ``b2b`` parser belongs to :mod:`desktop.b2b.commands`; :func:`add_export_problem` adds a
sub-command to it, and :func:`register` adds the top-level ``schedule`` command. Handlers
return 0 when done, 1 when the meetings cannot all be placed (nothing is stored then), and
raise :class:`~desktop.errors.UsageError` (exit 2) for bad options.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.i18n import _, format_seconds, ngettext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.b2b.instance import Instance, Schedule
    from desktop.b2b.solver import Progress

@dataclass(frozen=True)
class MissionCounts:
    """A schedule in the mission's terms: what an organiser reads at the end of a run."""

    placed: int
    to_place: int
    required: int
    required_placed: int
    per_priority: tuple[int, int, int]
    breaks: int
    bound_breaks: int
    status: str
    seconds: float
    moved: int | None = None

    def summary(self) -> str:
        """One paragraph a person can read at the end of a run."""
        words = {"optimal": _("proved optimal"), "feasible": _("not proved optimal"),
                 "infeasible": _("infeasible")}
        breaks = breaks_text(self.breaks)
        text = _("{placed} of {total} meetings placed ({prio} per priority 1/2/3); "
                 "{req_placed} of {required} required; {breaks} (proven lower bound "
                 "{bound}); {status}; {secs} s.").format(
            placed=self.placed, total=self.to_place,
            prio="/".join(str(n) for n in self.per_priority), req_placed=self.required_placed,
            required=self.required, breaks=breaks, bound=self.bound_breaks,
            status=words.get(self.status, self.status), secs=format_seconds(self.seconds))
        if self.moved is not None and self.status != "infeasible":  # nothing moves then
            text += " " + moved_text(self.moved)
        return text


def plain_summary(counts: MissionCounts) -> str:
    """The outcome of a run in an organiser's words, for the app ("All 161 meetings placed,
    137 of them required; 4 breaks in all, proved the fewest possible. Found in 3.7 s.");
    :meth:`MissionCounts.summary` keeps the technical line for the command line."""
    wishes = counts.to_place - counts.required
    if counts.placed == counts.to_place:
        placed = ngettext("All {n} meetings placed, {required} of them required.",
                          "All {n} meetings placed, {required} of them required.",
                          counts.placed).format(n=counts.placed, required=counts.required)
    elif counts.required_placed == counts.required:
        placed = ngettext("{placed} of {total} meetings placed: every required one ({required}) "
                          "and {wished} of the {wishes} other requests.",
                          "{placed} of {total} meetings placed: every required one ({required}) "
                          "and {wished} of the {wishes} other requests.", counts.placed).format(
            placed=counts.placed, total=counts.to_place, required=counts.required,
            wished=counts.placed - counts.required_placed, wishes=wishes)
    else:
        placed = _("{placed} of {total} meetings placed, {req_placed} of the {required} "
                   "required.").format(placed=counts.placed, total=counts.to_place,
                                       req_placed=counts.required_placed,
                                       required=counts.required)
    breaks = breaks_in_all(counts.breaks)
    if counts.status == "optimal":
        quality = _("{breaks}, proved the fewest possible.").format(breaks=breaks)
    elif counts.breaks <= counts.bound_breaks:  # the breaks are proved; the wishes are not
        quality = _("{breaks}, the fewest possible; not proved that no schedule places more of "
                    "the other requests.").format(breaks=breaks)
    elif counts.bound_breaks:
        quality = _("{breaks}; no schedule placing as many has fewer than {bound} (not proved "
                    "the fewest possible).").format(breaks=breaks, bound=counts.bound_breaks)
    else:
        quality = _("{breaks} (not proved the fewest possible).").format(breaks=breaks)
    # What moved is the stored report's to say: it tells moved from removed.
    return _("{placed} {quality} Found in {secs} s.").format(
        placed=placed, quality=quality[:1].upper() + quality[1:],
        secs=format_seconds(counts.seconds))


def breaks_in_all(n: int) -> str:
    return ngettext("{n} break in all", "{n} breaks in all", n).format(n=n)


def progress_plain(instance: Instance, progress: Progress) -> str:
    """A live progress line in an organiser's words, for the app."""
    placed, total = progress.scheduled, len(instance.meetings)
    text = _("Best schedule so far: {placed} of {total} meetings placed").format(
        placed=placed, total=total)
    if progress.breaks is not None:
        text += _(", {breaks}").format(breaks=breaks_in_all(progress.breaks))
    if progress.bound_breaks:
        text += _("; no schedule placing as many can have fewer than {bound} (proved)").format(
            bound=progress.bound_breaks)
    return text + _(".")


def left_out_required(instance: Instance, schedule: Schedule,
                      causes: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """The required meetings a schedule leaves out and why, for a person: a heading, then one
    line per reason naming every meeting it keeps out (seven meetings kept out by one
    overbooked company make one line, not seven). Empty when none is left out.

    ``causes`` (participant id → why it cannot meet at some times, from the mission) adds a
    line for each party of those meetings: the problem says when, the mission says why
    ("lands at 1:30 PM on AT 201")."""
    names = instance.participant_names()
    specs = {m.id: m for m in instance.meetings}
    by_reason: dict[str, list[tuple[str, str]]] = {}
    for missing in schedule.unscheduled:
        spec = specs.get(missing.id)
        if spec is not None and spec.required:
            # "A and B share no free slot: A is unavailable in every slot" names the pair,
            # then the cause; the meetings of A left out for that cause are told together.
            head, _sep, cause = missing.reason.partition(": ")
            a, b = (names.get(p, p) for p in spec.participants)
            key = cause if cause and a in head and b in head else missing.reason
            by_reason.setdefault(key, []).append(spec.participants)
    if not by_reason:
        return []
    n = sum(len(pairs) for pairs in by_reason.values())
    required = sum(1 for m in specs.values() if m.required)
    lines = [ngettext("{n} of the {total} required meetings cannot be placed:",
                      "{n} of the {total} required meetings cannot be placed:", n).format(
        n=n, total=required)]
    for reason, pairs in by_reason.items():
        if len(pairs) == 1:
            a, b = (names.get(p, p) for p in pairs[0])
            lines.append(_("{a} – {b}: {reason}").format(a=a, b=b, reason=reason))
            continue
        reason = reason[:1].upper() + reason[1:]
        shared = set(pairs[0]).intersection(*pairs[1:])
        if len(shared) == 1:
            who = shared.pop()
            others = ", ".join(names.get(b if a == who else a, b if a == who else a)
                               for a, b in pairs)
            lines.append(_("{reason}. Left out: the meetings of {who} with {others}.").format(
                reason=reason, who=names.get(who, who), others=others))
        else:
            listed = ", ".join(_("{a} – {b}").format(a=names.get(a, a), b=names.get(b, b))
                               for a, b in pairs)
            lines.append(_("{reason}. Left out: {meetings}.").format(reason=reason,
                                                                     meetings=listed))
    involved = dict.fromkeys(p for pairs in by_reason.values() for pair in pairs for p in pair)
    for who in involved:
        if causes and causes.get(who):
            lines.append(_("{name} cannot meet at some times: {causes}.").format(
                name=names.get(who, who), causes=_("; ").join(causes[who])))
    return lines


def moved_text(n: int) -> str:
    return ngettext("{n} meeting moved from its current place.",
                    "{n} meetings moved from their current place.", n).format(n=n)


def mission_counts(instance: Instance, schedule: Schedule) -> MissionCounts:
    """Count what the solver placed, for the summary of a run."""
    specs = {m.id: m for m in instance.meetings}
    placed = [p for p in schedule.meetings if p.id in specs]
    per_priority = [0, 0, 0]
    for item in placed:
        per_priority[specs[item.id].priority - 1] += 1
    from desktop.b2b.checker import participant_breaks

    breaks = sum(participant_breaks(instance, placed).values())
    return MissionCounts(
        placed=len(placed), to_place=len(specs),
        required=sum(1 for m in specs.values() if m.required),
        required_placed=sum(1 for p in placed if specs[p.id].required),
        per_priority=(per_priority[0], per_priority[1], per_priority[2]), breaks=breaks,
        bound_breaks=min(schedule.bound_breaks, breaks), status=schedule.status,
        seconds=schedule.solve_seconds,
        # Locked meetings have a current place too: "0 moved" only means something to a re-plan.
        moved=schedule.moved if instance.options.keep_current else None)


def progress_text(instance: Instance, progress: Progress) -> str:
    """A live progress line in the mission's terms ("placed, breaks, bound")."""
    placed, total = progress.scheduled, len(instance.meetings)
    return _("{secs} s: {placed} of {total} meetings placed, {breaks}, bound "
             "{bound}").format(secs=format_seconds(progress.elapsed_s), placed=placed, total=total,
                               breaks=breaks_text(progress.breaks), bound=progress.bound_breaks)


def breaks_text(breaks: int | None) -> str:
    """"1 break", "3 breaks", or "- breaks" while no complete schedule is known."""
    if breaks is None:
        return _("- breaks")
    return ngettext("{n} break", "{n} breaks", breaks).format(n=breaks)


def add_export_problem(b2b_subparsers: argparse._SubParsersAction) -> None:
    """``b2b export-problem --mission M -o INSTANCE.json``."""
    from desktop.cli import add_mission_option

    export = b2b_subparsers.add_parser(
        "export-problem", help=_("write a mission's B2B scheduling problem to a file"))
    add_mission_option(export)
    export.add_argument("-o", "--output", required=True, metavar="INSTANCE.json")
    export.add_argument("--keep-current", action="store_true",
                        help=_("ask the solver to keep today's placements where it can"))
    _solver_options(export)
    export.set_defaults(func=export_problem_command)


def register(subparsers: argparse._SubParsersAction) -> None:
    """``schedule --mission M [--time-limit S] [--replan]``."""
    from desktop.cli import add_mission_option

    schedule = subparsers.add_parser("schedule", help=_("schedule a mission's B2B meetings"))
    add_mission_option(schedule)
    schedule.add_argument("--replan", action="store_true",
                          help=_("keep today's placements where possible and report what "
                                 "moved"))
    schedule.add_argument("--quiet", action="store_true", help=_("no progress lines"))
    _solver_options(schedule)
    schedule.set_defaults(func=schedule_command)


def _solver_options(parser: argparse.ArgumentParser) -> None:
    from desktop.cli import seconds

    parser.add_argument("--time-limit", type=seconds, default=60.0, metavar="S",
                        help=_("the solver's time budget in seconds (default 60)"))
    parser.add_argument("--max-break-spread", type=int, default=2, metavar="N",
                        help=_("how much participants' numbers of breaks may differ "
                               "(default 2; -1 for no limit)"))


def _check_options(args: argparse.Namespace) -> None:
    from desktop.errors import UsageError

    if args.max_break_spread < -1:
        raise UsageError(_("--max-break-spread is a number of breaks, or -1 for no limit"))


def _spread(args: argparse.Namespace) -> int | None:
    return None if args.max_break_spread == -1 else args.max_break_spread


def export_problem_command(args: argparse.Namespace) -> int:
    from desktop.b2b.bridge import describe_instance, export_problem
    from desktop.b2b.instance import dump_instance
    from desktop.cli import open_mission, output_file

    _check_options(args)
    output = output_file(args.output, inputs=[args.mission])
    with open_mission(args.mission, read_only=True) as mission, \
            mission.transaction() as session:
        instance = export_problem(session, keep_current=args.keep_current,
                                  time_limit_s=args.time_limit,
                                  max_break_spread=_spread(args))
    dump_instance(instance, output)
    print(_("Wrote {file}: {size}").format(file=output, size=describe_instance(instance)))
    return 0


def schedule_command(args: argparse.Namespace) -> int:
    """Export, solve (outside any transaction), then store in one transaction after checking
    that the mission did not change meanwhile."""
    import threading

    from desktop.b2b.bridge import describe_instance, export_problem, store_schedule
    from desktop.b2b.setup import away_causes
    from desktop.b2b.solver import solve
    from desktop.cli import open_mission
    from desktop.errors import ConflictError

    _check_options(args)

    def problem(session: Session) -> Instance:
        return export_problem(session, keep_current=args.replan,
                              time_limit_s=args.time_limit, max_break_spread=_spread(args))

    def show(p: Progress) -> None:
        if not args.quiet:
            print(progress_text(instance, p), file=sys.stderr, flush=True)

    with open_mission(args.mission) as mission:
        with mission.transaction() as session:
            instance = problem(session)
            causes = away_causes(session)
        if not args.quiet:
            print(describe_instance(instance), file=sys.stderr)
        stop = threading.Event()
        try:
            schedule = solve(instance, time_limit_s=args.time_limit,
                             on_progress=show, stop=stop)
        except KeyboardInterrupt:  # pragma: no cover - interactive only
            stop.set()
            raise
        if schedule.status == "infeasible":
            # The partial schedule's counts would read as a result: only why, and that
            # nothing changed.
            left_out = left_out_required(instance, schedule, causes)
            for line in left_out:
                print(line)
            if not left_out:
                print(_("No complete schedule was found in {secs} s; try a longer "
                        "--time-limit or a larger --max-break-spread.").format(
                    secs=format_seconds(args.time_limit)))
            print(_("Nothing was stored."))
            return 1
        # What moved is the stored report's to say (a locked meeting never moves).
        print(dataclasses.replace(mission_counts(instance, schedule), moved=None).summary())
        with mission.transaction() as session:
            if problem(session) != instance:
                raise ConflictError(_("The mission changed while the meetings were being "
                                      "scheduled; nothing was stored. Run the command again."))
            report = store_schedule(session, instance, schedule,
                                    replan=args.replan)
    for line in report.lines():
        print(line)
    if not args.replan and report.moves:
        print(ngettext("This schedule started afresh and moved {n} meeting already placed; "
                       "--replan keeps meetings where they are unless they must move.",
                       "This schedule started afresh and moved {n} meetings already placed; "
                       "--replan keeps meetings where they are unless they must move.",
                       len(report.moves)).format(n=len(report.moves)))
    return 0
