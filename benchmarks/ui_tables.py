"""How fast the People table opens, sorts and filters on a 10,000-participant mission.

    python benchmarks/ui_tables.py [--size 10000] [--seed 7] [--repeat 5]

Prints the median of each step in milliseconds. The target is under 100 ms each.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    os.environ.setdefault("MISSION_DESK_CONFIG_DIR", str(args.folder / "bench-config"))

    from PySide6.QtCore import Qt

    from desktop.db.missionfile import MissionFile
    from desktop.ui.app import make_application
    from desktop.ui.context import MissionContext, MissionEvents
    from desktop.ui.mainwindow import MainWindow
    from desktop.ui.pages.people import PeoplePage

    app = make_application()
    path = synthetic_file(args.size, args.seed, args.folder)
    mission = MissionFile.open(path, read_only=True)
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    context = MissionContext(mission, undo_stack=window.undo_stack, runner=window.runner,
                             events=MissionEvents(), open_ref=lambda ref: None,
                             show_error=lambda error: None)
    pages: list[PeoplePage] = []

    def open_page() -> None:
        page = PeoplePage(context)
        window.stack.addWidget(page)
        window.stack.setCurrentWidget(page)
        page.activate()
        page.repaint()
        pages.append(page)

    results = {"open the People page (build, load, first paint)": median_ms(open_page,
                                                                           args.repeat)}
    page = pages[-1]
    model = page.model
    rows = model.rowCount()
    columns = iter([1, 2, 0, 5, 6, 3, 4])

    def sort() -> None:
        model.sort(next(columns), Qt.SortOrder.AscendingOrder)
        page.view.repaint()

    results["sort by a column"] = median_ms(sort, args.repeat)
    words = iter(["ben", "benhamou", "eloise", "zz-nothing", "a"])

    def filter_() -> None:
        page.filter_edit.setText(next(words))
        page.view.repaint()

    results["filter by text (typed word)"] = median_ms(filter_, args.repeat)
    page.filter_edit.clear()
    status = iter(["confirmed", "invited", None, "cancelled", None])

    def facet() -> None:
        model.set_facet("status", next(status))
        page.view.repaint()

    results["filter by status"] = median_ms(facet, args.repeat)
    print(f"People table, {rows} people (median of {args.repeat}):")
    for name, value in results.items():
        print(f"  {name:<50} {value:7.1f} ms")
    app.processEvents()
    mission.close()


if __name__ == "__main__":
    main()
