"""``mission-desk travel``: propose airport runs, and list what is wrong with travel.

``group-transfers`` prints the proposed runs and writes them (as proposed transfers) only with
``--apply``; ``check`` prints one line per finding and exits 1 when there is any.
"""

from __future__ import annotations

import argparse

from desktop.i18n import _, ngettext


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``travel`` command and its ``group-transfers`` and ``check`` sub-commands."""
    from desktop.cli import add_mission_option

    travel = subparsers.add_parser("travel", help=_("flights, hotels and transfers"))
    sub = travel.add_subparsers(dest="travel_command", metavar="COMMAND")
    sub.required = True
    group = sub.add_parser("group-transfers",
                           help=_("propose airport runs from flights and hotel stays"))
    add_mission_option(group)
    group.add_argument("--window", type=int, default=60, metavar="MIN",
                       help=_("people ready within this many minutes ride together "
                              "(default 60)"))
    group.add_argument("--capacity", type=int, default=None, metavar="N",
                       help=_("seats per vehicle (default: cars, vans, minibuses and coaches)"))
    group.add_argument("--apply", action="store_true",
                       help=_("write the runs as proposed transfers"))
    group.set_defaults(func=group_transfers_command)
    check = sub.add_parser("check", help=_("list travel problems, one per line"))
    add_mission_option(check)
    check.set_defaults(func=check_command)


def group_transfers_command(args: argparse.Namespace) -> int:
    from desktop.cli import open_mission
    from desktop.db.enums import TransferDirection, label
    from desktop.errors import UsageError
    from desktop.travel.localtime import format_local
    from desktop.travel.proposals import apply_proposal, plan_transfers

    if args.window < 0:
        raise UsageError(_("--window cannot be negative."))
    if args.capacity is not None and args.capacity < 1:
        raise UsageError(_("--capacity must be at least 1."))
    with open_mission(args.mission, read_only=not args.apply) as mission, \
            mission.transaction() as session:
        plan = plan_transfers(session, window_minutes=args.window, capacity=args.capacity)
        for run in plan.runs:
            arrow = _("arrival") if run.direction == TransferDirection.ARRIVAL \
                else _("departure")
            print(_("{time}  {direction}  {pick_up} → {drop_off}  {vehicle} ({taken}/{seats})"
                    "  {names}").format(
                time=format_local(run.departs_at, run.zone), direction=arrow,
                pick_up=run.pick_up, drop_off=run.drop_off,
                vehicle=label(run.vehicle_kind).lower(), taken=len(run.seats),
                seats=run.capacity,
                names=", ".join(f"{s.name} ({s.flight})" for s in run.seats)))
        for skipped in plan.skipped:
            print(_("left out: {name} ({flight}): {reason}").format(
                name=skipped.name, flight=skipped.flight, reason=skipped.reason))
        people = sum(len(r.seats) for r in plan.runs)
        print(ngettext("{n} run proposed for {people} people.",
                       "{n} runs proposed for {people} people.", len(plan.runs))
              .format(n=len(plan.runs), people=people))
        if args.apply and plan.runs:
            written = apply_proposal(session, plan.runs)
            print(ngettext("Wrote {n} proposed transfer.", "Wrote {n} proposed transfers.",
                           len(written)).format(n=len(written)))
        elif plan.runs:
            print(_("Nothing written: add --apply to save these runs."))
    return 0


def check_command(args: argparse.Namespace) -> int:
    from desktop.cli import open_mission
    from desktop.travel.checks import travel_findings

    with open_mission(args.mission, read_only=True) as mission, \
            mission.transaction() as session:
        found = travel_findings(session)
        for finding in found:
            print(f"{finding.severity}: {finding.message}")
        if not found:
            print(_("No travel problems found."))
    return 1 if found else 0
