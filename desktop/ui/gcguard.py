"""Python's cyclic garbage collector, run only in the GUI thread while the window lives.

A collection runs in whichever thread happens to allocate when a threshold is crossed: a
worker thread, or the thread that feeds the problems list's child process. If the garbage
then holds a Qt object (a page closed with a window, a signal connected to a lambda that
refers to its page), its C++ side is destroyed outside the GUI thread, and Qt crashes the
process (a segmentation fault seen once in the test run). The guard turns automatic
collection off and runs it from a timer in the GUI thread instead, by the same thresholds,
so that reference cycles are still freed, only always there. Memory freed by reference
counting (nearly all of it) is freed at once as usual.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 400


class GuiThreadCollector(QObject):
    """Installed once per application (see :func:`install`)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        """A collection of the generations whose thresholds were crossed, as Python would."""
        young, middle, old = gc.get_count()
        if young <= self.threshold[0]:
            return
        gc.collect(0)
        if middle > self.threshold[1]:
            gc.collect(1)
            if old > self.threshold[2]:
                gc.collect(2)


def install() -> GuiThreadCollector | None:
    """The application's collector, made on the first call; None without an application."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    found = app.findChild(GuiThreadCollector)
    if isinstance(found, GuiThreadCollector):
        return found
    return GuiThreadCollector(app)
