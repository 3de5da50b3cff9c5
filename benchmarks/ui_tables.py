"""How fast the People table opens, sorts and filters on a 10,000-participant mission.

    python benchmarks/ui_tables.py [--size 10000] [--seed 7] [--repeat 5] [--idle] [--thread]

Prints the median of each step in milliseconds (the first opening of the page in the process
once, as it is what a user waits for). The target is under 100 ms each. With ``--checks``, also
times the problems list (every capability's checks) on the same mission, in this process and
in a child process as the Overview runs it for a mission file.

By default the page is first opened at once after the mission, while the Overview is still
working out the problems list (in its child process); ``--thread`` has it work the list out
on a worker thread instead, as it did before and still does for a mission on a server;
``--idle`` waits until the list is shown.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def synthetic_file(size: int, seed: int, folder: Path) -> Path:
    from desktop.db.missionfile import MissionFile
    from desktop.demo.synthetic import build_synthetic

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{size}.mission"
    if not path.exists():
        mission = MissionFile.create(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with mission.transaction() as session:
                build_synthetic(session, size=size, seed=seed)
        mission.close()
    return path


def median_ms(step: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def open_window_on(path: Path) -> Any:
    """A shown main window with ``path`` open, the way ``mission-desk FILE`` opens it."""
    from PySide6.QtCore import QEventLoop

    from desktop.ui.mainwindow import MainWindow
    from desktop.ui.settings import app_settings

    app_settings().setValue("window/page", "overview")  # not the page of the last run
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    loop = QEventLoop()
    window.mission_opened.connect(loop.quit)
    window.open_path(path, read_only=True)
    loop.exec()
    return window


def time_checks(path: Path) -> None:
    """The problems list (every capability's checks), per check, as the Overview computes it
    (collector paused) and as a plain call does."""
    from desktop.checks import CHECKS, _load_capability_checks
    from desktop.db.missionfile import MissionFile
    from desktop.ui.pages.overview import collector_paused

    _load_capability_checks()
    mission = MissionFile.open(path, read_only=True)
    for caption, paused in (("as the Overview runs them", True), ("plain call", False)):
        total, found = 0.0, 0
        rows = []
        with mission.session_factory() as session:
            for check in CHECKS:
                start = time.perf_counter()
                if paused:
                    with collector_paused():
                        n = len(check(session))
                else:
                    n = len(check(session))
                spent = time.perf_counter() - start
                total += spent
                found += n
                rows.append((f"{check.__module__}.{check.__name__}", n, spent))
        print(f"Problems list, {caption}: {found} findings in {total * 1000:.0f} ms")
        for name, n, spent in rows:
            print(f"  {name:<56} {n:6d} {spent * 1000:7.0f} ms")
    mission.close()
    time_child_process(path)


def time_child_process(path: Path) -> None:
    """The problems list as the Overview gets it for a mission file: in a spawned child
    process, from the submission to the findings back in this process (the first time
    with the child's start-up and imports, then warm)."""
    from concurrent.futures import ProcessPoolExecutor

    from desktop.checks_process import findings_of_file
    from desktop.ui.problemsworker import spawn_executor

    executor = spawn_executor()
    assert isinstance(executor, ProcessPoolExecutor)
    with executor:
        for caption in ("first (child starts)", "again (child warm)", "again (child warm)"):
            start = time.perf_counter()
            found = executor.submit(findings_of_file, path).result()
            spent = time.perf_counter() - start
            print(f"Problems list in a child process, {caption}: {len(found)} findings "
                  f"in {spent * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--checks", action="store_true", help="also time the problems list")
    parser.add_argument("--idle", action="store_true",
                        help="open the page the first time only once the problems are listed")
    parser.add_argument("--thread", action="store_true",
                        help="work the problems list out on a worker thread of the window's "
                             "process, as a mission on a server does (for comparison)")
    args = parser.parse_args()
    os.environ.setdefault("MISSION_DESK_CONFIG_DIR", str(args.folder / "bench-config"))

    from PySide6.QtCore import Qt

    from desktop.ui.app import make_application
    from desktop.ui.pages.people import PeoplePage

    app = make_application()
    path = synthetic_file(args.size, args.seed, args.folder)
    if args.thread:
        import logging

        from desktop.ui import problemsworker

        def no_process() -> Any:
            raise OSError("the benchmark asked for the worker thread")

        logging.getLogger(problemsworker.__name__).setLevel(logging.ERROR)
        problemsworker._shared = problemsworker.ProblemsProcess(start=no_process)
    window = open_window_on(path)
    results: dict[str, float] = {}

    # The first time in the process, through the window, as a user clicks "People" at once:
    # the Overview is still working out the problems list (in its child process for a
    # mission file; its headline and counts on a worker thread). The table is painted, then
    # (from the event loop) the first person's details are filled in.
    overview = window.current_page
    opened = time.perf_counter()
    problems_shown: list[float] = []
    overview.shown.connect(lambda: problems_shown.append(time.perf_counter()))

    def wait_for_problems() -> bool:
        if not overview.busy:
            return False
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        overview.shown.connect(loop.quit)
        loop.exec()
        return True

    if args.idle:
        wait_for_problems()
    start = time.perf_counter()
    first = window.show_page("people")
    first.repaint()
    shown = time.perf_counter()
    app.processEvents()
    first.repaint()
    results["open the People page, first time: table painted"] = (shown - start) * 1000
    results["  ... and the first person's details shown (first time)"] = (
        time.perf_counter() - start) * 1000
    busy = wait_for_problems()
    if problems_shown:
        results["problems list shown, after the mission opened"] = (
            problems_shown[0] - opened) * 1000
    pages: list[PeoplePage] = []

    def open_page() -> None:
        page = PeoplePage(window.context)
        window.stack.addWidget(page)
        window.stack.setCurrentWidget(page)
        page.activate()
        page.repaint()
        pages.append(page)

    def open_page_with_details() -> None:
        open_page()
        app.processEvents()
        pages[-1].repaint()

    # From here on the window is idle, as it is once the problems list is done.
    results["open the People page again: table painted"] = median_ms(open_page, args.repeat)
    results["  ... and the first person's details shown"] = median_ms(open_page_with_details,
                                                                   args.repeat)
    page = pages[-1]
    model = page.model
    rows = model.rowCount()
    columns = iter([1, 2, 3, 4, 5, 6, 0, 1, 2])

    def sort() -> None:
        model.sort(next(columns), Qt.SortOrder.AscendingOrder)
        page.view.repaint()

    # Each column sorted for the first time: its sort keys are made then.
    results["sort by a column (first time for that column)"] = median_ms(sort, args.repeat)
    words = iter(["ben", "benhamou", "eloise", "zz-nothing", "a"])

    def filter_() -> None:
        page.filter_edit.setText(next(words))
        page.view.repaint()

    # The first word typed makes the search texts.
    results["filter by text (typed word)"] = median_ms(filter_, args.repeat)
    page.filter_edit.clear()
    status = iter(["confirmed", "invited", None, "cancelled", None])

    def facet() -> None:
        model.set_facet("status", next(status))
        page.view.repaint()

    results["filter by status"] = median_ms(facet, args.repeat)
    where = "on a worker thread" if args.thread else "in a child process"
    print(f"People table, {rows} people (median of {args.repeat}, first open once"
          f"{f', while the problems list was computed {where}' if busy else ''}):")
    for name, value in results.items():
        print(f"  {name:<58} {value:7.1f} ms")
    app.processEvents()
    window.close()
    from desktop.ui.problemsworker import problems_process

    problems_process().shutdown()
    if args.checks:
        time_checks(path)


if __name__ == "__main__":
    main()
