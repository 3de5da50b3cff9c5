"""The one way to run long work without freezing the window.

An :class:`Operation` wraps a plain function that does the work. It runs on a ``QThreadPool``,
opens its own Session when it works on the mission, reports progress through a
:class:`Progress` handle, and never touches a widget: its result and its error come back on the
GUI thread through callbacks. The user can cancel; the work notices at its next
``progress.report()`` / ``progress.check()``, which raises :class:`~desktop.errors.Cancelled`.
A cancelled operation calls neither callback: what it found is discarded.

:class:`OperationRunner` starts operations for a window and shows a progress dialog only when a
job takes longer than :data:`PROGRESS_DELAY_MS`, so quick jobs never flash a dialog::

    runner.run(Operation(
        lambda session, progress: mission_findings(session),
        mission=mission, title=_("Checking the mission…"),
        on_success=page.show_findings, on_failure=window.show_error))

Scheduling, printing and imports use the same pattern: write the work as a function of
``(session, progress)`` (or ``(progress)`` with ``mission=None``); set ``writes=True`` when it
changes the mission, and it runs in one transaction that commits only if it succeeds.

``run(operation, parent=dialog)`` puts the progress dialog on ``dialog`` (a modal dialog's
jobs need it above that dialog, where the user can reach Cancel), cancels the job when
``dialog`` is deleted, and then runs none of its callbacks. ``run(operation, quiet=True)``
shows no progress dialog at all: the caller shows progress itself, from the operation's
``progress`` signal, and its ``slow`` signal says when the job has outlasted the delay.

The runner has three lanes:

* the **database queue**, one thread: every operation given a ``mission``. Jobs on the mission
  file never run side by side, and each sees what the jobs queued before it wrote.
* the **reading lane**, one thread of its own: operations made with ``reads_only=True``. They
  only read, in a session of their own, and need nothing queued on the database queue to have
  happened first: a look at the mission as it stands (the Documents page's first-page
  preview and its choices, the B2B scheduler's problem). SQLite's write-ahead log lets one
  reader work beside the one writer, so a long write (300 itineraries) does not hold up the
  preview, and a preview replaced at each keystroke does not hold up the writes. What such a
  job hands back may be out of date by the time it arrives: the scheduler checks that the
  mission did not change before it stores anything, and pages refresh on ``changed`` events.
* work with no ``mission`` (reading a file, copying one) on the global pool.

Closing a mission cancels every job (:meth:`OperationRunner.cancel_all`) and waits for both
lanes that work on the mission (:meth:`OperationRunner.wait`).
"""

from __future__ import annotations

import threading
import time
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
    own, in one transaction if ``writes``), else as ``work(progress)``. ``reads_only`` puts a
    job that only reads the mission on the runner's reading lane (see the module's notes).

    Signals:
        progress(int, int, str): as :class:`Progress` reports it.
        slow(): still under way :data:`PROGRESS_DELAY_MS` after the runner started it: time
            to show progress (the runner's dialog, or the caller's own when run quiet).
        finished(): the operation is over (after its callback ran).
    """

    progress = Signal(int, int, str)
    slow = Signal()
    finished = Signal()

    def __init__(self, work: Work, *, title: str, mission: MissionFile | None = None,
                 writes: bool = False, reads_only: bool = False,
                 on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None,
                 cancellable: bool = True) -> None:
        super().__init__()
        if reads_only and (mission is None or writes):
            raise ValueError("reads_only needs a mission and no writes")
        self.work = work
        self.title = title
        self.mission = mission
        self.writes = writes
        self.reads_only = reads_only
        self.cancellable = cancellable
        self.on_success = on_success
        self.on_failure = on_failure
        self.owner: QObject | None = None  # set by the runner: whom the callbacks are for
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._cancel = threading.Event()
        self._signals = _OperationSignals()
        self._signals.progress.connect(self.progress)
        self._signals.succeeded.connect(self._succeeded)
        self._signals.failed.connect(self._failed)

    def cancel(self) -> None:
        """Ask the work to stop at its next cancellation point; its callbacks will not run."""
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

    def _may_call(self, callback: Callable[..., Any] | None) -> bool:
        """Whether there is somebody to tell: not cancelled, and neither the owner the runner
        was given nor the callback's own widget deleted meanwhile."""
        return (callback is not None and not self.cancelled and _alive(callback)
                and (self.owner is None or shiboken6.isValid(self.owner)))

    def _succeeded(self, boxed: list[Any]) -> None:
        (result,) = boxed
        self.result = result
        self.done = True
        if self.on_success is not None and self._may_call(self.on_success):
            self.on_success(result)
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self.error = error
        self.done = True
        if self.on_failure is not None and not isinstance(error, Cancelled) \
                and self._may_call(self.on_failure):
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

    Operations on the mission queue on a pool of one thread, those that only read
    (``reads_only``) on a second pool of one thread, other work uses the global pool.

    Signals:
        busy_changed(bool): whether any operation is under way.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._database_pool = QThreadPool(self)
        self._database_pool.setMaxThreadCount(1)
        self._reading_pool = QThreadPool(self)
        self._reading_pool.setMaxThreadCount(1)
        self._running: list[Operation] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def running(self) -> list[Operation]:
        """The operations under way, oldest first."""
        return list(self._running)

    def run(self, operation: Operation, *, quiet: bool = False,
            parent: QWidget | None = None) -> Operation:
        """Start ``operation``; returns it (connect to its ``finished`` to wait for it).

        ``quiet``: no progress dialog, the caller shows progress itself (``progress`` and
        ``slow`` signals). ``parent``: the widget the job is for; its progress dialog sits on
        it, and the job is cancelled, its callbacks never run, when it is deleted.
        """
        if parent is not None:
            operation.owner = parent
            parent.destroyed.connect(operation.cancel)
        self._running.append(operation)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        operation.finished.connect(lambda: self._forget(operation))
        QTimer.singleShot(PROGRESS_DELAY_MS, operation,
                          lambda: self._outlasted_delay(operation, quiet))
        if operation.reads_only:
            pool = self._reading_pool
        elif operation.mission is not None:
            pool = self._database_pool
        else:
            pool = QThreadPool.globalInstance()
        pool.start(_Runnable(operation))
        return operation

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the work on the mission (both lanes) is done (used when closing it)."""
        if timeout_ms < 0:
            return self._database_pool.waitForDone() and self._reading_pool.waitForDone()
        deadline = time.monotonic() + timeout_ms / 1000
        if not self._database_pool.waitForDone(timeout_ms):
            return False
        left = max(0, round((deadline - time.monotonic()) * 1000))
        return self._reading_pool.waitForDone(left)

    def cancel_all(self, parent: QObject | None = None) -> None:
        """Cancel every operation under way, or only those run for ``parent``."""
        for operation in list(self._running):
            if parent is None or operation.owner is parent:
                operation.cancel()

    def _forget(self, operation: Operation) -> None:
        owner = operation.owner
        if owner is not None and shiboken6.isValid(owner):
            owner.destroyed.disconnect(operation.cancel)
        if not shiboken6.isValid(self):  # the window went first
            return
        if operation in self._running:
            self._running.remove(operation)
            if not self._running:
                self.busy_changed.emit(False)

    def _outlasted_delay(self, operation: Operation, quiet: bool) -> None:
        if operation.done or operation.cancelled:
            return
        if not quiet:
            self._show_progress(operation)
        operation.slow.emit()

    def _show_progress(self, operation: Operation) -> None:
        parent = operation.owner if isinstance(operation.owner, QWidget) \
            else self._parent_widget
        dialog = QProgressDialog(operation.title, _("Cancel") if operation.cancellable else "",
                                 0, 0, parent)
        dialog.setObjectName("operationProgress")
        dialog.setWindowTitle(_("Please wait"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not operation.cancellable:
            dialog.setCancelButton(None)

        def on_progress(done: int, total: int, message: str) -> None:
            if not shiboken6.isValid(dialog):  # gone with the widget it sat on
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(done if total else 0)
            if message:
                dialog.setLabelText(message)

        operation.progress.connect(on_progress)
        dialog.canceled.connect(operation.cancel)
        operation.finished.connect(dialog.deleteLater)
        operation.finished.connect(dialog.hide)
        dialog.show()
