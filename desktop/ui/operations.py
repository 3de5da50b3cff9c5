"""The one way to run long work without freezing the window.

An :class:`Operation` wraps a plain function that does the work. It runs on a ``QThreadPool``
(database work on a pool of one thread, so jobs on the mission file never run side by side),
opens its own Session when it works on the mission, reports progress through a
:class:`Progress` handle, and never touches a widget: its result and its error come back on the
GUI thread through callbacks. The user can cancel; the work notices at its next
``progress.report()`` / ``progress.check()``, which raises :class:`~desktop.errors.Cancelled`.

:class:`OperationRunner` starts operations for a window and shows a progress dialog only when a
job takes longer than :data:`PROGRESS_DELAY_MS`, so quick jobs never flash a dialog::

    runner.run(Operation(
        lambda session, progress: mission_findings(session),
        mission=mission, title=_("Checking the mission…"),
        on_success=page.show_findings, on_failure=window.show_error))

Scheduling, printing and imports use the same pattern: write the work as a function of
``(session, progress)`` (or ``(progress)`` with ``mission=None``); set ``writes=True`` when it
changes the mission, and it runs in one transaction that commits only if it succeeds.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.errors import Cancelled, MissionDeskError
from desktop.i18n import _

if TYPE_CHECKING:
    from desktop.db.missionfile import MissionFile

PROGRESS_DELAY_MS = 500

Work = Callable[..., Any]


class Progress:
    """What the work function holds: report how far it is, and learn whether to stop.

    Safe to call from the worker thread: it only emits a queued signal.
    """

    def __init__(self, signals: _OperationSignals, cancel_event: threading.Event) -> None:
        self._signals = signals
        self._cancel = cancel_event

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled(_("Stopped."))

    def report(self, done: int, total: int = 0, message: str = "") -> None:
        """``done`` of ``total`` steps (``total`` 0: unknown); also a cancellation point."""
        self.check()
        self._signals.progress.emit(done, total, message)


class _OperationSignals(QObject):
    """Carries an operation's news from its worker thread to the GUI thread.

    Signals:
        progress(int, int, str): steps done, steps in all (0 if unknown), a message.
        succeeded(object): the work's result, in a one-item list.
        failed(object): the exception the work raised (``Cancelled`` when stopped).
        finished(): after ``succeeded`` or ``failed``.
    """

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class Operation(QObject):
    """A piece of work to run off the GUI thread, with callbacks for its outcome.

    ``work`` is called as ``work(session, progress)`` when ``mission`` is given (a Session of its
    own, in one transaction if ``writes``), else as ``work(progress)``.

    Signals:
        progress(int, int, str): as :class:`Progress` reports it.
        finished(): the operation is over (after its callback ran).
    """

    progress = Signal(int, int, str)
    finished = Signal()

    def __init__(self, work: Work, *, title: str, mission: MissionFile | None = None,
                 writes: bool = False, on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None,
                 cancellable: bool = True) -> None:
        super().__init__()
        self.work = work
        self.title = title
        self.mission = mission
        self.writes = writes
        self.cancellable = cancellable
        self.on_success = on_success
        self.on_failure = on_failure
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._cancel = threading.Event()
        self._signals = _OperationSignals()
        self._signals.progress.connect(self.progress)
        self._signals.succeeded.connect(self._succeeded)
        self._signals.failed.connect(self._failed)

    def cancel(self) -> None:
        """Ask the work to stop at its next cancellation point."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def execute(self) -> None:
        """Run the work here and now (on the calling thread); the pool calls this."""
        progress = Progress(self._signals, self._cancel)
        try:
            progress.check()
            if self.mission is None:
                result = self.work(progress)
            elif self.writes:
                with self.mission.transaction() as session:
                    result = self.work(session, progress)
            else:
                with self.mission.session_factory() as session:
                    result = self.work(session, progress)
        except BaseException as exc:
            if not isinstance(exc, MissionDeskError):
                exc.__mission_desk_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit([result])  # boxed: a bare None upsets PySide

    def _succeeded(self, boxed: list[Any]) -> None:
        (result,) = boxed
        self.result = result
        self.done = True
        if self.on_success is not None and not self.cancelled and _alive(self.on_success):
            self.on_success(result)
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self.error = error
        self.done = True
        if self.on_failure is not None and not isinstance(error, Cancelled) \
                and _alive(self.on_failure):
            self.on_failure(error)
        self.finished.emit()


def _alive(callback: Callable[..., Any]) -> bool:
    """False when ``callback`` is a method of a widget that was deleted meanwhile (a page
    closed with its mission while its work was still under way): there is nobody to tell."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Runnable(QRunnable):
    def __init__(self, operation: Operation) -> None:
        super().__init__()
        self.operation = operation
        self.setAutoDelete(True)

    def run(self) -> None:
        self.operation.execute()


class OperationRunner(QObject):
    """Starts operations for a window and shows their progress when they take a while.

    Database operations queue on a pool of one thread; other work uses the global pool.

    Signals:
        busy_changed(bool): whether any operation is under way.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._database_pool = QThreadPool(self)
        self._database_pool.setMaxThreadCount(1)
        self._running: list[Operation] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(self, operation: Operation) -> Operation:
        """Start ``operation``; returns it (connect to its ``finished`` to wait for it)."""
        self._running.append(operation)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        operation.finished.connect(lambda: self._forget(operation))
        QTimer.singleShot(PROGRESS_DELAY_MS, self, lambda: self._show_progress(operation))
        pool = (self._database_pool if operation.mission is not None
                else QThreadPool.globalInstance())
        pool.start(_Runnable(operation))
        return operation

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the queued database work is done (used when closing a mission)."""
        return self._database_pool.waitForDone(timeout_ms)

    def cancel_all(self) -> None:
        for operation in list(self._running):
            operation.cancel()

    def _forget(self, operation: Operation) -> None:
        if operation in self._running:
            self._running.remove(operation)
            if not self._running:
                self.busy_changed.emit(False)

    def _show_progress(self, operation: Operation) -> None:
        if operation.done:
            return
        dialog = QProgressDialog(operation.title, _("Cancel") if operation.cancellable else "",
                                 0, 0, self._parent_widget)
        dialog.setWindowTitle(_("Please wait"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not operation.cancellable:
            dialog.setCancelButton(None)

        def on_progress(done: int, total: int, message: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(done if total else 0)
            if message:
                dialog.setLabelText(message)

        operation.progress.connect(on_progress)
        dialog.canceled.connect(operation.cancel)
        operation.finished.connect(dialog.deleteLater)
        operation.finished.connect(dialog.hide)
        dialog.show()
