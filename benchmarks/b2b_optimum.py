"""Whether the scheduler's unproved schedules are optimal all the same, asked offline.

Usage: python benchmarks/b2b_optimum.py [--from docs/benchmarks-b2b.md] [--seconds 900]
                                        [--out docs/benchmarks-b2b-optimum.md]

The quality bar is "breaks equal to the proven optimum". Within its time limit the scheduler
proves most forums; on the others it ends with a schedule of B breaks and a proven bound below
B. This script takes those forums from a benchmark report and asks one SAT question per forum,
with no time pressure: is there a schedule with at most B - 1 breaks? "No" proves B optimal, so
the scheduler's schedule met the optimum and only the proof came late; "yes" shows a better
schedule exists. The model is the scheduler's own CNF (desktop/b2b/maxsat.py) with a totalizer
over the break indicators, solved by CaDiCaL in its default configuration, one forum per core.

Forums without wishes only: over-subscribed forums fix the wishes chosen per priority in
earlier stages, which this single question does not model.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from b2b_scheduler import machine_line

from desktop.b2b.generator import generate

ROW = re.compile(r"^\| (?P<name>[a-z]+-\d+) \| [^|]+\| [^|]+\| [^|]+\| (?P<breaks>\d+) \| "
                 r"(?P<bound>\d+) \| (?P<status>\w+) \|")


def unproved(report: str) -> list[tuple[str, int, int]]:
    """(forum, breaks, bound) of each row of a benchmark report not proved optimal."""
    found = []
    for line in report.splitlines():
        match = ROW.match(line)
        if match and match["status"] == "feasible" and \
                not match["name"].startswith("oversubscribed"):
            found.append((match["name"], int(match["breaks"]), int(match["bound"])))
    return found


def fewer_exists(name: str, breaks: int) -> tuple[str, int | None, float]:
    """Ask whether some schedule of forum ``name`` has at most ``breaks - 1`` breaks:
    ("no", None, s), or ("yes", its breaks, s)."""
    from pysat.card import ITotalizer
    from pysat.solvers import Solver

    from desktop.b2b.greedy import count_breaks, index
    from desktop.b2b.maxsat import Encoder, spread_proof_holds

    kind, seed = name.rsplit("-", 1)
    inst = generate(int(seed), kind)
    ix = index(inst)
    if not spread_proof_holds(ix, breaks):
        raise SystemExit(f"{name}: the spread is not exact in the CNF at {breaks} breaks")
    enc = Encoder(ix, (), inst.options.max_break_spread)
    restarts = [-clause[0] for clause in enc.wcnf.soft]
    started = time.monotonic()
    with Solver(name="cd19") as sat:
        sat.append_formula(enc.wcnf.hard)
        total = ITotalizer(lits=restarts, ubound=breaks, top_id=enc.pool.top)
        sat.append_formula(total.cnf.clauses)
        if not sat.solve(assumptions=[-total.rhs[breaks - 1]]):
            return "no", None, time.monotonic() - started
        better = sum(count_breaks(ix, enc.decode(sat.get_model() or [])))
        return "yes", better, time.monotonic() - started


def _ask(name: str, breaks: int, answers: multiprocessing.Queue) -> None:
    answers.put((name, *fewer_exists(name, breaks)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", default="docs/benchmarks-b2b.md")
    parser.add_argument("--seconds", type=float, default=900.0, help="per forum")
    parser.add_argument("--jobs", type=int, default=2, help="forums asked at once (cores)")
    parser.add_argument("--out", default="docs/benchmarks-b2b-optimum.md")
    args = parser.parse_args()
    cases = unproved(Path(args.source).read_text(encoding="utf-8"))
    answers: multiprocessing.Queue = multiprocessing.Queue()
    results: dict[str, tuple[str, int | None, float]] = {}
    waiting = list(cases)
    running: dict[str, tuple[multiprocessing.Process, float]] = {}
    while waiting or running:
        while waiting and len(running) < args.jobs:
            name, breaks, _bound = waiting.pop(0)
            process = multiprocessing.Process(target=_ask, args=(name, breaks, answers))
            process.start()
            running[name] = (process, time.monotonic())
        time.sleep(0.5)
        while not answers.empty():
            name, answer, better, seconds = answers.get()
            results[name] = (answer, better, seconds)
            print(name, answer, better, f"{seconds:.0f} s", flush=True)
        for name, (process, started) in list(running.items()):
            if name in results or not process.is_alive():
                process.join()
                del running[name]
            elif time.monotonic() - started > args.seconds:
                process.terminate()
                process.join()
                del running[name]
                results[name] = ("unknown", None, args.seconds)
                print(name, "unknown", f"after {args.seconds:.0f} s", flush=True)
    lines = [
        "## B2B scheduler: the unproved schedules, asked offline",
        "",
        machine_line(),
        f"Command: `python benchmarks/b2b_optimum.py --seconds {args.seconds:g}` on the "
        f"forums of `{args.source}` not proved optimal within the time limit (forums without "
        "wishes). One SAT question per forum, no time pressure: is there a schedule with "
        "fewer breaks than the scheduler's?",
        "",
        "| forum | scheduler's breaks | bound it proved | fewer breaks possible? | answer after "
        "(s) | so the scheduler's schedule |",
        "|---|---|---|---|---|---|",
    ]
    for name, breaks, bound in cases:
        answer, better, seconds = results.get(name, ("unknown", None, 0.0))
        verdict = {"no": "is optimal (proved offline)",
                   "yes": f"is not optimal: {better} breaks exist",
                   "unknown": "unknown"}[answer]
        said = {"no": "no", "yes": "yes", "unknown": f"no answer in {args.seconds:g} s"}[answer]
        lines.append(f"| {name} | {breaks} | {bound} | {said} | {seconds:.0f} | {verdict} |")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
