"""Time from process start to the main window shown on a large mission, against a bare window.

    python benchmarks/ui_startup.py [--size 10000] [--repeat 3]

Each measurement is a fresh process. "Shown" means the window is on screen with the mission
open and the Overview page filled in (counts and problems computed). The figure that matters is
the ratio to a bare PySide6 window shown in the same run; the target is at most 2.
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

BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print(time.time() - START), app.quit()))
app.exec()
"""

APP = """
import time, sys
from desktop.ui.app import apply_language, make_application
from desktop.ui.mainwindow import MainWindow
app = make_application()
apply_language("en")
w = MainWindow(); w.resize(1280, 800); w.show()
from PySide6.QtCore import QTimer
opened = []
def on_open():
    w.repaint()
    opened.append(time.time() - START)
def checked():
    page = w.current_page
    if page is not None and getattr(page, "data", None) is not None:
        print(time.time() - START)
        print(opened[0]); w.close(); app.quit()
    else:
        QTimer.singleShot(5, checked)
w.mission_opened.connect(on_open)
w.open_path(sys.argv[1], read_only=True)
QTimer.singleShot(0, checked)
app.exec()
"""


def measure(code: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # The clock starts before the interpreter: the time the process takes to start counts.
    start = time.time()
    out = subprocess.run([sys.executable, "-c", f"import time\nSTART = {start!r}\n" + code],
                         capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def measure_both(code: str, *args: str) -> tuple[float, float]:
    """(window shown with the mission open, overview's problems computed too)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.time()
    out = subprocess.run([sys.executable, "-c", f"import time\nSTART = {start!r}\n" + code,
                          *args], capture_output=True, text=True, env=env, check=True)
    lines = out.stdout.strip().splitlines()
    return float(lines[-1]), float(lines[-2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from ui_tables import synthetic_file

    os.environ.setdefault("MISSION_DESK_CONFIG_DIR", str(args.folder / "bench-config"))
    path = synthetic_file(args.size, args.seed, args.folder)
    bare = [measure(BARE) for _ in range(args.repeat)]
    both = [measure_both(APP, str(path)) for _ in range(args.repeat)]
    bare_s = statistics.median(bare)
    app_s = statistics.median(b[0] for b in both)
    checked_s = statistics.median(b[1] for b in both)
    print(f"bare PySide6 window shown:                {bare_s * 1000:8.0f} ms")
    print(f"Mission Desk, {args.size} people, window shown: {app_s * 1000:8.0f} ms"
          f"  (ratio {app_s / bare_s:.2f})")
    print(f"  ... and the problems list computed:     {checked_s * 1000:8.0f} ms"
          " (in the background)")


if __name__ == "__main__":
    main()
