"""Benchmark: writing and opening a large mission file.

Usage: python benchmarks/mission_file.py [--size 10000] [--runs 5] [--docs docs/benchmarks.md]
                                         [--profile]

Measures, each run in a fresh child process (so no run warms the next one's Python caches):

* write: ``mission-desk demo FILE --size N --force`` end to end, as a user types it
  (interpreter start, imports, schema, generation, commit);
* open: ``MissionFile.open(FILE)`` then reading the mission row, timed inside the child
  (imports excluded), with the rotating backup the app makes on every open and without it
  (``backup=False``).

Wall time is the median of the runs. Peak memory is the child's peak resident set size
(``ru_maxrss`` from ``os.wait4``, which Linux reports in KiB); it includes the interpreter and
every imported library, so it is what the process really needed, not only the mission's data.
Targets: write under 10 s, open under 0.3 s.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WRITE_TARGET_S = 10.0
OPEN_TARGET_S = 0.3
SECTION = "## Mission file"

READING = textwrap.fill(
    "The file checks and the backup copy each read the whole file, so they grow with it; the "
    "mapper set-up is a fixed cost of the first ORM query in a process. An open that must stay "
    "fast as missions grow would take the backup after the window is shown (the online backup "
    "API copies while the file is in use) or only when the file changed since the newest "
    "backup, and would run the full page check at backup time rather than before every open.",
    width=100, break_on_hyphens=False)

_OPEN_CHILD = """
import json, sys, time
from desktop.db.missionfile import MissionFile
from desktop.missions import get_mission

path, backup = sys.argv[1], sys.argv[2] == "1"
start = time.perf_counter()
mission = MissionFile.open(path, backup=backup)
ready = time.perf_counter()
with mission.session() as session:
    name = get_mission(session).name
opened = time.perf_counter()
mission.close()
closed = time.perf_counter()
# The parts of an open, timed again on their own once the file is closed.
from pathlib import Path
from desktop.db.backup import copy_database
from desktop.db.missionfile import inspect_file
inspect_file(Path(path))
checked = time.perf_counter()
copy = Path(path).with_name("copy.mission")
copy_database(Path(path), copy)
copied = time.perf_counter()
copy.unlink()
print(json.dumps({"open": opened - start, "first_query": opened - ready,
                  "close": closed - opened, "check": checked - closed,
                  "copy": copied - checked, "name": name}))
"""

_PROFILE_CHILD = """
import cProfile, pstats, sys
from desktop.db.missionfile import MissionFile
from desktop.missions import get_mission

def run():
    mission = MissionFile.open(sys.argv[1], backup=sys.argv[2] == "1")
    with mission.session() as session:
        get_mission(session)
    mission.close()

profile = cProfile.Profile()
profile.runcall(run)
stats = pstats.Stats(profile)
stats.sort_stats("cumulative").print_stats(r"desktop/db|configure_mappers", 10)
stats.sort_stats("tottime").print_stats(6)
"""


@dataclass
class Measure:
    wall_s: float
    peak_kib: int
    inner_s: float | None = None  # time measured inside the child, when it reports one
    parts: dict[str, float] | None = None


def run_child(command: list[str]) -> tuple[Measure, str]:
    """Run ``command``; its wall time, peak RSS and standard output."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    assert process.stdout is not None
    output = process.stdout.read().decode()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with {process.returncode}")
    return Measure(wall, usage.ru_maxrss), output


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("mission-desk")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "desktop.cli"]


def bench_write(path: Path, size: int, seed: int, runs: int) -> list[Measure]:
    command = [*cli_command(), "demo", str(path), "--size", str(size), "--seed", str(seed),
               "--force"]
    return [run_child(command)[0] for _run in range(runs)]


def bench_open(path: Path, runs: int, *, backup: bool) -> list[Measure]:
    results = []
    for _run in range(runs):
        measure, output = run_child([sys.executable, "-c", _OPEN_CHILD, str(path),
                                     "1" if backup else "0"])
        report = json.loads(output)
        measure.inner_s = report["open"]
        measure.parts = {k: v for k, v in report.items() if isinstance(v, float)}
        results.append(measure)
    return results


def median(values: list[float]) -> float:
    return statistics.median(values)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def table(rows: list[tuple[str, list[Measure], float]]) -> str:
    lines = ["| Operation | Median time | Min–max | Peak memory (median) | Target |",
             "|---|---:|---:|---:|---:|"]
    for label, measures, target in rows:
        times = [m.inner_s if m.inner_s is not None else m.wall_s for m in measures]
        peak = median([m.peak_kib for m in measures]) / 1024
        lines.append(f"| {label} | {median(times):.3f} s | {min(times):.3f}–{max(times):.3f} s "
                     f"| {peak:.0f} MiB | < {target:g} s |")
    return "\n".join(lines)


def breakdown(measures: list[Measure]) -> str:
    """Median time of each part of an open: what a faster open would have to cut."""
    parts = [m.parts for m in measures if m.parts]

    def part(key: str) -> float:
        return median([p[key] for p in parts]) * 1000

    return ("| Part of the open (backup on) | Median |\n|---|---:|\n"
            f"| File checks before opening (`PRAGMA quick_check` over every page) "
            f"| {part('check'):.0f} ms |\n"
            f"| Backup copy (SQLite online backup of the whole file) | {part('copy'):.0f} ms |\n"
            f"| First query: ORM mapper set-up and compiling the mission query "
            f"| {part('first_query'):.0f} ms |\n"
            f"| Closing (WAL checkpoint, lock release), not counted in the open "
            f"| {part('close'):.0f} ms |")


def write_docs(docs: Path, section: str) -> None:
    """Put ``section`` in ``docs`` in place of an older Mission file section, keeping others."""
    intro = ("# Benchmarks\n\nHow fast Mission Desk is at the sizes organisers meet, measured by "
             "the scripts in `benchmarks/`.\nEach section says when, on which machine and with "
             "which command its figures were taken; rerun the\ncommand to refresh them.\n")
    text = docs.read_text("utf-8") if docs.exists() else intro
    start = text.find(SECTION)
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + ("" if end == -1 else text[end + 1:])
    docs.parent.mkdir(parents=True, exist_ok=True)
    docs.write_text(text.rstrip("\n") + "\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2007)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--docs", type=Path, default=None,
                        help="write the figures into this Markdown file (docs/benchmarks.md)")
    parser.add_argument("--profile", action="store_true",
                        help="also print a profile of one open with and without the backup")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="mission-bench-"))
    path = work / "bench.mission"
    try:
        write = bench_write(path, args.size, args.seed, args.runs)
        size_mib = path.stat().st_size / 2**20
        opened = bench_open(path, args.runs, backup=True)
        bare = bench_open(path, args.runs, backup=False)
        if args.profile:
            for flag in ("1", "0"):
                print(f"\nProfile of one open, backup={'on' if flag == '1' else 'off'}:")
                run = subprocess.run([sys.executable, "-c", _PROFILE_CHILD, str(path), flag],
                                     cwd=ROOT, check=True, capture_output=True, text=True)
                print(run.stdout)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = table([
        (f"`mission-desk demo --size {args.size}` (end to end)", write, WRITE_TARGET_S),
        ("`MissionFile.open()` + mission row, with backup", opened, OPEN_TARGET_S),
        ("`MissionFile.open(backup=False)` + mission row", bare, OPEN_TARGET_S),
    ])
    today = datetime.date.today().isoformat()
    command = (f"python benchmarks/mission_file.py --size {args.size} --seed {args.seed} "
               f"--runs {args.runs}")
    prose = textwrap.fill(
        f"Writing and opening a synthetic mission of {args.size:,} people "
        f"({size_mib:.1f} MiB file). Median of {args.runs} runs, each in a fresh process. "
        "Write time is the whole command, interpreter start included; open time is measured "
        "inside the process, from `MissionFile.open()` to the mission row read (imports "
        "excluded). Peak memory is the child process's peak resident set size (`ru_maxrss` "
        "from `os.wait4`), interpreter and libraries included.", width=100,
        break_on_hyphens=False)
    section = f"{SECTION}\n\n{prose}\n\n" + (
        f"{result}\n\n{breakdown(opened)}\n\n{READING}\n\n"
        f"- Date: {today}\n"
        f"- Machine: {os.cpu_count()} CPUs ({cpu_model()}), {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, SQLite "
        f"{sqlite3.sqlite_version}; load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after (other work shared the machine when above the CPU "
        "count)\n"
        f"- Command: `{command}`\n")
    print(section)
    if args.docs is not None:
        write_docs(args.docs, section)
        print(f"Wrote {args.docs}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
