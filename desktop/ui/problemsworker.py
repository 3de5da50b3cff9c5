"""The window's side of the Overview's child process.

:func:`problems_process` hands out one :class:`ProblemsProcess` for the application. It starts
a process pool of one worker, spawned (not forked: a copy of a Qt process is not safe to run)
the first time a problems list is asked for, and shut down when the application quits. The
worker runs the functions of :mod:`desktop.checks_process` (its headline and counts, its
problems list), which import the checks and the database layer and never Qt.

A computation is a ticket: :meth:`ProblemsProcess.submit` returns it, and the ``finished``
signal brings it back on the GUI thread with its future, done. Whoever asked keeps the ticket
of its latest computation and ignores any other: a newer computation supersedes an older one,
and the result of a mission closed or replaced meanwhile has nobody left to take it. One that
has not started yet is cancelled; one that has runs to its end in the child (the worker
cannot be stopped half-way) and its result is dropped.

When the pool cannot start, :meth:`~ProblemsProcess.submit` logs why and returns None: the
caller computes the list on a thread of its own, as it does for a mission on a server.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from itertools import count
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.checks_process import in_language
from desktop.i18n import current_language

log = logging.getLogger(__name__)


CHILD_NICENESS = 10


def spawn_executor() -> Executor:
    """A pool of one spawned worker process, at a lower priority than the window.

    When the processor is busy, the window is served first and the child waits. The worker
    lowers its priority before it unpickles its first job, that is before it imports the
    checks and the database layer (hundreds of milliseconds of work): ``os.nice`` is its
    initializer, a builtin that imports nothing.
    """
    context = multiprocessing.get_context("spawn")
    if hasattr(os, "nice"):
        return ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=os.nice,
                                   initargs=(CHILD_NICENESS,))
    return ProcessPoolExecutor(max_workers=1, mp_context=context)


class ProblemsProcess(QObject):
    """Reads mission files in a child process: their problems lists, their headlines.

    ``start`` makes the executor (a process pool of one by default); it is called on the first
    :meth:`submit`, and again after the pool broke or was shut down.

    Signals:
        finished(int, object): a computation's ticket and its ``Future``, done (its
            ``result()`` is what the work returned, or raises what went wrong).
    """

    finished = Signal(int, object)
    _arrived = Signal(int, object)

    def __init__(self, start: Callable[[], Executor] = spawn_executor,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self._executor: Executor | None = None
        self._tickets = count(1)
        self._pending: dict[int, Future[Any]] = {}
        self._arrived.connect(self._deliver)

    @property
    def started(self) -> bool:
        return self._executor is not None

    def submit(self, work: Callable[[str], Any], path: Path) -> int | None:
        """Start ``work(path)`` in the child (``work``: a function of a mission file's path,
        importable without Qt); returns the ticket that ``finished`` will carry, or None
        (logged) when the process cannot start. Jobs run one at a time, in order, with their
        messages in the window's language."""
        try:
            if self._executor is None:
                self._executor = self._start()
            future = self._executor.submit(in_language, current_language(), work, str(path))
        except Exception:
            log.warning("The problems list cannot run in a process of its own; "
                        "it is worked out in the window's process.", exc_info=True)
            self._drop_executor()
            return None
        ticket = next(self._tickets)
        self._pending[ticket] = future
        future.add_done_callback(lambda done: self._done(ticket, done))
        return ticket

    def cancel(self, ticket: int | None) -> None:
        """Drop the computation ``ticket``: cancelled if it has not started, else ignored."""
        future = self._pending.pop(ticket, None) if ticket is not None else None
        if future is not None:
            future.cancel()

    def shutdown(self) -> None:
        """Cancel what has not started and let the worker process end (the application is
        quitting). A later :meth:`submit` starts a new one."""
        for future in self._pending.values():
            future.cancel()
        self._pending.clear()
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _drop_executor(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            try:
                executor.shutdown(wait=False, cancel_futures=True)
            except Exception:
                log.debug("Shutting a broken problems process down failed.", exc_info=True)

    def _done(self, ticket: int, future: Future[Any]) -> None:
        """On the executor's own thread (or the caller's, when already done): pass the news
        on to the GUI thread, through a queued signal."""
        if not future.cancelled() and shiboken6.isValid(self):
            self._arrived.emit(ticket, future)

    def _deliver(self, ticket: int, future: Future[Any]) -> None:
        """On the GUI thread: tell whoever waits, unless the ticket was cancelled meanwhile.
        A pool that broke is dropped, so that the next :meth:`submit` starts a new one."""
        if self._pending.pop(ticket, None) is None:
            return
        if _broke(future):
            self._drop_executor()
        self.finished.emit(ticket, future)


def _broke(future: Future[Any]) -> bool:
    from concurrent.futures.process import BrokenProcessPool

    return isinstance(future.exception(), BrokenProcessPool)


_shared: ProblemsProcess | None = None


def problems_process() -> ProblemsProcess:
    """The application's one :class:`ProblemsProcess`, made on first use (on the GUI thread);
    its worker ends when the application quits."""
    global _shared
    if _shared is None or not shiboken6.isValid(_shared):
        _shared = ProblemsProcess()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(_shared.shutdown)
    return _shared
