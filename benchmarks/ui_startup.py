"""Time from process start to the main window on screen, against a bare PySide6 window.

    python benchmarks/ui_startup.py [--size 10000] [--repeat 5]

Each measurement is a fresh process, started the way ``mission-desk FILE`` starts
(:func:`desktop.ui.app.start`), on a synthetic mission of ``--size`` participants. The clock
starts before the interpreter does. Three moments are taken in each run:

* **window shown**: the window has been painted once (menus and the "Opening …" page; the
  mission is being opened in the background). The bare window is measured the same way: its
  first paint. The ratio of the two is the figure with a target (at most 2).
* **mission shown**: the mission is open and its Overview page is on screen, painted.
* **problems listed**: the Overview's counts and problems list have been computed (in a
  background operation) and shown.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Both scripts report the moment their window has been painted for the first time: the
# window's first update request is handled, then a zero timer fires.
FIRST_PAINT = """
from PySide6.QtCore import QEvent, QObject, QTimer
class FirstPaint(QObject):
    def __init__(self, report):
        super().__init__()
        self.report = report
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.UpdateRequest and self.report is not None:
            report, self.report = self.report, None
            QTimer.singleShot(0, report)
        return False
"""

BARE = FIRST_PAINT + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 800)
def shown():
    print("shown", time.time() - START)
    app.quit()
watcher = FirstPaint(shown)
w.installEventFilter(watcher)
w.show()
app.exec()
"""

APP = FIRST_PAINT + """
from desktop.ui.app import start
from desktop.ui.settings import app_settings
from PySide6.QtWidgets import QApplication
app_settings().setValue("window/page", "overview")  # the page a first start shows
w = start(sys.argv[1], read_only=True, language="en")
app = QApplication.instance()
def shown():
    print("shown", time.time() - START)
watcher = FirstPaint(shown)
w.installEventFilter(watcher)
w.resize(1280, 800)
def opened():
    w.repaint()
    print("mission", time.time() - START)
    w.current_page.operation.finished.connect(listed)
def listed():
    w.repaint()
    print("problems", time.time() - START)
    w.close()
    app.quit()
w.mission_opened.connect(opened)
app.exec()
"""


def measure(code: str, *args: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", f"import sys, time\nSTART = {start!r}\n" + code, *args],
        capture_output=True, text=True, env=env, check=True, timeout=300)
    times = {}
    for line in out.stdout.splitlines():
        name, _space, value = line.partition(" ")
        times[name] = float(value)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from ui_tables import synthetic_file

    os.environ.setdefault("MISSION_DESK_CONFIG_DIR", str(args.folder / "bench-config"))
    path = synthetic_file(args.size, args.seed, args.folder)
    bare: list[float] = []
    runs: list[dict[str, float]] = []
    for _ in range(args.repeat):  # interleaved, so both see the same machine load
        bare.append(measure(BARE)["shown"])
        runs.append(measure(APP, str(path)))
    bare_s = statistics.median(bare)
    print(f"Startup, {args.size} people, median of {args.repeat} fresh processes each:")
    print(f"  bare PySide6 window, first paint:        {bare_s * 1000:7.0f} ms")
    for key, caption in (("shown", "Mission Desk window, first paint:"),
                         ("mission", "  ... mission open, Overview shown:"),
                         ("problems", "  ... counts and problems listed:")):
        value = statistics.median(run[key] for run in runs)
        print(f"  {caption:<40} {value * 1000:7.0f} ms  (ratio {value / bare_s:.2f})")


if __name__ == "__main__":
    main()
