"""Benchmark of the B2B scheduler against the first-fit baseline on generated forums.

Usage: python benchmarks/b2b_scheduler.py [--time-limit 60] [--out docs/benchmarks-b2b.md]

Instances come from desktop.b2b.generator with fixed seeds (normal, tight: ~150 meetings over
21 slots at 12 tables, over-subscribed: optional wishes beyond capacity, hubs: a few participants
with 15-20 meetings and many half-day participants), all with a break spread of 2. Every
schedule is verified by the independent checker.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.b2b.checker import check
from desktop.b2b.generator import generate
from desktop.b2b.greedy import greedy
from desktop.b2b.instance import Instance
from desktop.b2b.solver import Progress, solve

CASES = ([("normal", s) for s in range(1, 9)] + [("tight", s) for s in range(1, 7)]
         + [("oversubscribed", s) for s in range(1, 5)] + [("hubs", s) for s in range(1, 5)])
# Further seeds, added after the solver was tuned on CASES: a check that it generalises.
HELD_OUT = ([("normal", s) for s in range(9, 17)] + [("tight", s) for s in range(7, 13)]
            + [("hubs", s) for s in range(5, 9)])


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def size(inst: Instance) -> str:
    p, m, s, t = len(inst.participants), len(inst.meetings), len(inst.slots), len(inst.tables)
    return f"{p}p {m}m {s}s {t}t"


def run_case(inst: Instance, limit: float) -> dict[str, object]:
    required = sum(1 for m in inst.meetings if m.required)
    first: list[float] = []
    best: list[float] = []
    shown: list[tuple[object, ...]] = []

    def seen(p: Progress) -> None:
        if p.scheduled_priority[0] >= 0 and p.scheduled >= required and not first:
            first.append(p.elapsed_s)
        # The time of the best schedule: a report that only raises the bound is no new one.
        schedule = (p.scheduled_priority, p.breaks, p.moved)
        if not shown or shown[-1] != schedule:
            shown.append(schedule)
            best.append(p.elapsed_s)

    started = time.monotonic()
    sched = solve(inst, time_limit_s=limit, on_progress=seen)
    wall = time.monotonic() - started
    base = greedy(inst)
    placed_required = sum(1 for m in inst.meetings if m.required) - sum(
        1 for u in sched.unscheduled if next(x for x in inst.meetings if x.id == u.id).required)
    return {
        "name": inst.name,
        "size": size(inst),
        "required": f"{placed_required}/{required}",
        "prio": "/".join(str(n) for n in sched.scheduled_priority),
        "breaks": sched.breaks,
        "bound": sched.bound_breaks,
        "status": sched.status,
        "first": first[0] if first else None,
        "best": best[-1] if best else None,
        "wall": wall,
        "valid": not check(inst, sched),
        "greedy_placed": base.scheduled,
        "greedy_breaks": base.breaks,
        "greedy_valid": not check(inst, base),
    }


def machine_line() -> str:
    day, cores = datetime.date.today().isoformat(), os.cpu_count()
    return f"Run on {day} on a machine with {cores} cores ({cpu_model()}), " \
        f"Python {platform.python_version()}."


def fmt(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def table(rows: list[dict[str, object]]) -> str:
    head = ("| instance | size | required placed | placed per priority | breaks | bound | status "
            "| first complete (s) | best (s) | total (s) | checker | greedy placed "
            "| greedy breaks | greedy valid |")
    lines = [head, "|" + "---|" * 14]
    for r in rows:
        lines.append("| " + " | ".join(fmt(r[k]) for k in (
            "name", "size", "required", "prio", "breaks", "bound", "status", "first", "best",
            "wall")) + " | {} | {} | {} | {} |".format(
            "valid" if r["valid"] else "INVALID", r["greedy_placed"], r["greedy_breaks"],
            "yes" if r["greedy_valid"] else "no (spread)"))
    return "\n".join(lines)


def run_set(cases: list[tuple[str, int]], args: argparse.Namespace) -> list[dict[str, object]]:
    rows = []
    for kind, seed in cases:
        if args.only and kind not in args.only.split(","):
            continue
        row = run_case(generate(seed, kind), args.time_limit)
        rows.append(row)
        print(" ".join(f"{k}={fmt(v)}" for k, v in row.items()), flush=True)
    return rows


def summary(rows: list[dict[str, object]]) -> str:
    optimal = sum(1 for r in rows if r["status"] == "optimal")
    firsts = [r["first"] for r in rows if isinstance(r["first"], float)]
    bests = [r["best"] for r in rows if isinstance(r["best"], float)]
    return ("Summary: {} of {} proved optimal; worst time to a first complete schedule {:.2f} s; "
            "worst time to the best schedule {:.2f} s; every schedule checked independently: {}."
            .format(optimal, len(rows), max(firsts, default=0.0), max(bests, default=0.0),
                    "all valid" if all(r["valid"] for r in rows) else "SOME INVALID"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--out", default="docs/benchmarks-b2b.md")
    parser.add_argument("--only", default=None, help="comma-separated kinds to run")
    parser.add_argument("--no-held-out", action="store_true",
                        help="skip the held-out seeds (a quicker run)")
    args = parser.parse_args()
    rows = run_set(CASES, args)
    held = [] if args.no_held_out else run_set(HELD_OUT, args)
    text = [
        "## B2B meeting scheduler",
        "",
        machine_line(),
        f"Command: `python benchmarks/b2b_scheduler.py --time-limit {args.time_limit:g}`",
        "",
        "Generated forums (seeded, break spread 2). `bound` is the proven lower bound on breaks;",
        "`first complete` is the time to the first schedule holding every required meeting;",
        "`best` the time of the best schedule (a rise of the bound alone does not count).",
        "Greedy = first-fit baseline, as market tools.",
        "",
        table(rows),
        "",
        summary(rows),
        "",
    ]
    if held:
        text += [
            "### Held-out forums",
            "",
            "Further seeds of the same generator, added once the solver had been tuned on the "
            "forums above; four of them (normal-9, normal-12, normal-13, tight-7) then "
            "served to choose the break stage's second child process.",
            "",
            table(held),
            "",
            summary(held),
            "",
        ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(text), encoding="utf-8")
    print("\n".join(text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
