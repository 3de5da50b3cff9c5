"""Scheduling in the background: "Schedule automatically" and "Re-plan after changes".

The work runs as an :class:`~desktop.ui.operations.Operation` of the window's runner, quiet
and on its reading lane: it reads the problem in the operation's session, lets go of the
session, then solves, reporting each better schedule ("meetings placed, breaks, bound") to
the page's own progress dialog, which shows once the job outlasts the runner's delay. Stop
ends the search and keeps the best schedule found so far; cancelling the operation (closing
the mission, or the page going away) ends it too but discards what was found.

Back on the GUI thread the answer is stored in one transaction, only if the mission did not
change meanwhile, as one undoable step (the meetings are photographed before and after). An
infeasible answer stores nothing and says why, in words.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.b2b.bridge import (
    StoreReport,
    describe_instance,
    export_problem,
    parse_pair_id,
    store_schedule,
)
from desktop.b2b.instance import Instance, Schedule
from desktop.b2b.mission_commands import (
    MissionCounts,
    left_out_required,
    mission_counts,
    plain_summary,
    progress_plain,
)
from desktop.b2b.setup import away_causes
from desktop.errors import ConflictError, MissionDeskError
from desktop.i18n import _, ngettext
from desktop.ui.b2b.commands import MeetingsChange, all_meeting_ids
from desktop.ui.context import MissionContext
from desktop.ui.dialogs import error_text
from desktop.ui.operations import Operation
from desktop.ui.operations import Progress as OperationProgress
from desktop.ui.settings import app_settings
from desktop.ui.undo import execute

# As on the command line: the quality bar's minute. A forum proved sooner ends sooner (most take
# a few seconds), so only a schedule still being improved takes it all.
DEFAULT_TIME_LIMIT_S = 60.0
# The search times offered next to the grid. Most forums are proved within seconds; the rest
# may need minutes (docs/benchmarks-b2b.md, "a search time of minutes").
SEARCH_TIMES_S = (10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)
SEARCH_TIME_KEY = "b2b/search_time_s"


def search_time_text(seconds: float) -> str:
    """"30 s", "2 min": how a search time is offered and reported."""
    if seconds < 60:
        return _("{n} s").format(n=round(seconds))
    minutes = round(seconds / 60)
    return ngettext("{n} min", "{n} min", minutes).format(n=minutes)


def saved_search_time() -> float:
    """The search time the organiser chose last (one of :data:`SEARCH_TIMES_S`)."""
    value = app_settings().value(SEARCH_TIME_KEY, DEFAULT_TIME_LIMIT_S)
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_TIME_LIMIT_S
    return seconds if seconds in SEARCH_TIMES_S else DEFAULT_TIME_LIMIT_S


def save_search_time(seconds: float) -> None:
    app_settings().setValue(SEARCH_TIME_KEY, seconds)


@dataclass(frozen=True)
class Solved:
    """What the background work hands back."""

    instance: Instance
    schedule: Schedule
    replan: bool
    stopped: bool
    causes: dict[str, list[str]] = field(default_factory=dict)  # why someone cannot meet


class ProgressDialog(QDialog):
    """Live progress of the scheduler, with a Stop button that keeps the best so far."""

    def __init__(self, title: str, stop: threading.Event, parent: QWidget | None,
                 limit_s: float | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schedulingProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        self._stop = stop
        self.text = QLabel(_("Looking for a first schedule…"))
        self.text.setObjectName("progressText")
        self.text.setWordWrap(True)
        self.limit = QLabel()
        self.limit.setObjectName("searchTimeNote")
        self.limit.setWordWrap(True)
        if limit_s:
            self.limit.setText(_("The search lasts at most {time}, less once its schedule is "
                                 "proved the best possible.").format(
                time=search_time_text(limit_s)))
        self.limit.setVisible(bool(limit_s))
        # The bar tells the search time used: how many meetings are placed says nothing of how
        # long the search for fewer breaks goes on (that is in the text below it).
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self._limit_s = limit_s
        self._started = time.monotonic()
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        if limit_s:
            self.bar.setRange(0, 1000)
            self._tick()
            self._clock.start(250)
        self.stop_button = QPushButton(_("&Stop and keep the best so far"))
        self.stop_button.setObjectName("stopButton")
        self.stop_button.clicked.connect(self.stop)
        buttons = QDialogButtonBox()
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.text)
        layout.addWidget(self.limit)
        layout.addWidget(buttons)

    def stop(self) -> None:
        self._stop.set()
        self.stop_button.setEnabled(False)
        self.text.setText(_("Stopping: the best schedule found so far will be kept…"))

    def reject(self) -> None:  # Escape stops, it does not hide a running job
        self.stop()

    def show_progress(self, done: int, total: int, message: str) -> None:
        if message and self.stop_button.isEnabled():
            self.text.setText(message)

    def _tick(self) -> None:
        if not self._limit_s:
            return
        used = time.monotonic() - self._started
        self.bar.setValue(min(1000, round(1000 * used / self._limit_s)))
        whole = max(1, round(used))
        spent = _("{n} s").format(n=whole) if whole < 60 else _("{m} min {s} s").format(
            m=whole // 60, s=whole % 60)
        self.bar.setFormat(_("{used} of at most {limit}").format(
            used=spent, limit=search_time_text(self._limit_s)))


class ResultDialog(QDialog):
    """What scheduling did, in words: the counts, what moved, what was not placed and why."""

    def __init__(self, title: str, lines: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleResult")
        self.setWindowTitle(title)
        # As tall as its words (about 95 characters a line at this width), within reason.
        rows = sum(max(1, -(-len(line) // 95)) for line in lines)
        self.resize(720, max(190, min(480, 110 + 20 * rows)))
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.finished.connect(self.deleteLater)


def _work(session: Session, progress: OperationProgress, replan: bool, limit: float,
          stop: threading.Event) -> Solved:
    instance = export_problem(session, keep_current=replan, time_limit_s=limit)
    causes = away_causes(session)
    session.close()  # the search needs no database: let go of the file while it runs
    total = len(instance.meetings)
    progress.report(0, total, describe_instance(instance))

    from desktop.b2b.solver import Progress as SolverProgress
    from desktop.b2b.solver import solve  # OR-Tools loads only when a schedule is asked for

    def on_progress(found: SolverProgress) -> None:
        if progress.cancelled:
            stop.set()
            return
        progress.report(found.scheduled, total, progress_plain(instance, found))

    def stopping() -> bool:
        return stop.is_set() or progress.cancelled

    schedule = solve(instance, time_limit_s=limit, on_progress=on_progress, stop=stopping)
    return Solved(instance, schedule, replan, stop.is_set(), causes)


class Scheduler(QObject):
    """Runs the scheduler for the page, one run at a time, and stores its answer.

    Signals: none (each run is an :class:`Operation`; its ``finished`` tells when the answer
    was stored or reported).
    """

    def __init__(self, context: MissionContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.time_limit_s = saved_search_time()
        self.operation: Operation | None = None
        self.dialog: ProgressDialog | None = None
        self.result_dialog: ResultDialog | None = None
        self.last_report: StoreReport | None = None
        self.last_counts: MissionCounts | None = None
        self.last_reasons: dict[frozenset[int], str] = {}

    @property
    def busy(self) -> bool:
        return self.operation is not None and not self.operation.done

    def start(self, replan: bool = False) -> Operation | None:
        if self.busy or self.context.read_only:
            return None
        stop = threading.Event()  # Stop: end the search, keep the best schedule so far
        title = (_("Re-planning the B2B meetings…") if replan
                 else _("Scheduling the B2B meetings…"))
        limit = self.time_limit_s
        operation = Operation(
            lambda session, progress: _work(session, progress, replan, limit, stop),
            title=title, mission=self.context.mission, reads_only=True,
            on_success=self._solved, on_failure=self._failed)
        self.dialog = dialog = ProgressDialog(title, stop, self.widget, limit)
        operation.progress.connect(dialog.show_progress)
        operation.slow.connect(dialog.show)
        operation.finished.connect(dialog.hide)
        operation.finished.connect(dialog.deleteLater)
        self.operation = operation
        return self.context.runner.run(operation, quiet=True, parent=self.widget)

    def set_time_limit(self, seconds: float) -> None:
        """The search time of the next run (a run under way keeps its own), kept in the
        settings for the next window."""
        self.time_limit_s = seconds
        save_search_time(seconds)

    def stop(self) -> None:
        if self.dialog is not None and self.busy:
            self.dialog.stop()

    def _failed(self, error: BaseException) -> None:
        self._tell(_("Scheduling failed"), [error_text(error)], _("Nothing was stored."))

    def _solved(self, solved: Solved) -> None:
        counts = mission_counts(solved.instance, solved.schedule)
        self.last_counts = counts
        self.last_reasons = {frozenset(pair): missing.reason
                             for missing in solved.schedule.unscheduled
                             if (pair := parse_pair_id(missing.id)) is not None}
        if solved.schedule.status == "infeasible":
            lines = left_out_required(solved.instance, solved.schedule, solved.causes)
            if lines:
                lines.append(_("Nothing was stored. Change what is named above (availability, "
                               "requests, tables or interpreters), then schedule again."))
            else:
                lines = [_("No complete schedule was found in the time given; try a longer "
                           "search time."), _("Nothing was stored.")]
            self._tell(_("No complete schedule"), lines, _("Nothing was stored: some "
                                                           "required meetings cannot be "
                                                           "placed."))
            return
        lines = [plain_summary(counts)]
        if solved.stopped:
            lines.append(_("Stopped by you: this is the best schedule found by then."))
        elif solved.schedule.status == "feasible":
            lines.append(_("Not proved the best possible within the search time ({time}): a "
                           "longer search time (beside “Schedule automatically”) may find "
                           "fewer breaks, or prove this schedule the best.").format(
                time=search_time_text(solved.instance.options.time_limit_s
                                      or self.time_limit_s)))

        def change(session: Session) -> StoreReport:
            again = export_problem(session, keep_current=solved.replan,
                                   time_limit_s=solved.instance.options.time_limit_s)
            if again != solved.instance:
                raise ConflictError(_("The mission changed while the meetings were being "
                                      "scheduled; nothing was stored. Schedule again."))
            return store_schedule(session, solved.instance, solved.schedule,
                                  replan=solved.replan)

        command = MeetingsChange(self.context, _("Re-plan the B2B meetings") if solved.replan
                                 else _("Schedule the B2B meetings"), change, all_meeting_ids)
        try:
            execute(command)
        except MissionDeskError as exc:
            self._tell(_("Scheduling failed"), [error_text(exc)], error_text(exc))
            return
        report = command.result
        assert isinstance(report, StoreReport)
        self.last_report = report
        lines += report.lines()
        self._tell(_("Meetings scheduled"), lines, _("{summary} Undo with Ctrl+Z.").format(
            summary=plain_summary(counts)))

    def _tell(self, title: str, lines: list[str], status: str) -> None:
        say = getattr(self.widget, "say", None)
        if callable(say):
            say(status)
        self.result_dialog = ResultDialog(title, lines, self.widget)
        self.result_dialog.open()
