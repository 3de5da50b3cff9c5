"""The Overview page: the mission's headline, its counts and its problems list.

Everything is computed by services (:func:`desktop.overview.mission_counts`,
:func:`desktop.checks.mission_findings`) off the GUI thread; double-clicking a problem opens
the record at fault.

For a mission file all of it is read in a child process (:mod:`desktop.ui.problemsworker`):
the headline and counts first, shown as soon as they arrive, then the problems list, which
takes more than a second of pure Python on a large mission. The window's interpreter stays
free meanwhile, so the user can move on to another page without waiting. A mission on a
server, or a child process that cannot start or fails, is read by a background operation
instead, as before. (A server's mission could be read by the child through its URL too; it is
not, so that the password never leaves the window's process.)
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.checks import Finding, Ref, mission_findings
from desktop.checks_process import (
    OverviewData,
    findings_of_file,
    mission_summary,
    summary_of_file,
)
from desktop.i18n import _, format_date, format_number, format_weekday_date, ngettext
from desktop.ui.context import MissionContext
from desktop.ui.findingsmodel import FindingsModel, category_title
from desktop.ui.operations import Operation, Progress
from desktop.ui.pages import PageSpec, register_page
from desktop.ui.pages.base import Page
from desktop.ui.problemsworker import problems_process

log = logging.getLogger(__name__)

@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a burst of short-lived objects.

    The checks load tens of thousands of ORM objects at 10,000 people; each time enough of
    them pile up, the collector walks them all again, which more than doubles the time the
    problems list takes. Nothing is lost: memory freed by reference counting is freed as
    usual, and cycles are collected once the collector runs again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_summary(session: Session, progress: Progress) -> OverviewData:
    """The headline and the counts, without the problems list (``findings`` empty)."""
    progress.report(1, 2, _("Counting…"))
    summary = mission_summary(session)
    progress.report(2, 2)
    return summary


def read_findings(session: Session, progress: Progress) -> list[Finding]:
    """The problems list, worked out in the window's process."""
    progress.report(0, 0, _("Looking for problems…"))
    with collector_paused():
        return mission_findings(session)


def read_overview(session: Session, progress: Progress) -> OverviewData:
    """Headline, counts and problems list, all in one background operation."""
    summary = read_summary(session, progress)
    return replace(summary, findings=read_findings(session, progress))


class OverviewPage(Page):
    """Headline, counts and problems; reloads whenever the mission changes.

    Signals:
        shown(): everything is shown, the problems list included (``data`` is set).
    """

    key = "overview"
    shown = Signal()

    def __init__(self, context: MissionContext) -> None:
        super().__init__(context)
        self.data: OverviewData | None = None
        self.operation: Operation | None = None
        # The child process's jobs under way ("summary", "findings": their tickets), and the
        # two halves of what is shown, kept until both are in.
        self._jobs: dict[str, int] = {}
        self._listening = False
        self._summary: OverviewData | None = None
        self._findings: list[Finding] | None = None

        self.title = QLabel()
        self.title.setObjectName("missionName")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("missionDates")
        self.subtitle.setWordWrap(True)

        self.cards = QGridLayout()
        self.cards.setHorizontalSpacing(12)
        self.cards.setVerticalSpacing(12)
        self.card_values: dict[str, QLabel] = {}
        captions = [("delegates", _("delegates confirmed")), ("hosts", _("hosts confirmed")),
                    ("organizations", _("organisations")), ("people", _("people")),
                    ("requests", _("meeting requests")), ("meetings", _("meetings")),
                    ("sessions", _("programme sessions")), ("flights", _("flights"))]
        for position, (key, caption) in enumerate(captions):
            self.cards.addWidget(self._card(key, caption), position // 4, position % 4)

        self.arrivals = QLabel()
        self.arrivals.setObjectName("arrivals")
        self.arrivals.setWordWrap(True)
        self.arrivals.setTextFormat(Qt.TextFormat.PlainText)

        self.problems_title = QLabel(_("Problems"))
        bold = self.problems_title.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.problems_title.setFont(bold)
        arrivals_title = QLabel(_("Arrivals per day"))
        arrivals_title.setFont(bold)
        self.b2b_title = QLabel(_("B2B schedule"))
        self.b2b_title.setFont(bold)
        self.b2b_run = QLabel()  # what the last automatic schedule proved, while it holds
        self.b2b_run.setObjectName("b2bRun")
        self.b2b_run.setWordWrap(True)
        self.b2b_run.setTextFormat(Qt.TextFormat.PlainText)
        self.b2b_title.hide()
        self.b2b_run.hide()
        self.recheck = QPushButton(_("&Check again"))
        self.recheck.clicked.connect(self.load)
        self.findings = FindingsModel(self)
        self.problems = QListView()
        self.problems.setObjectName("problems")
        self.problems.setModel(self.findings)
        self.problems.setUniformItemSizes(True)  # rows are one line: no need to measure each
        self.problems.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.problems.setAlternatingRowColors(True)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setAccessibleName(_("Problems"))
        self.problems.activated.connect(self._open_problem)
        self.category = QComboBox()
        self.category.setObjectName("problemCategory")
        self.category.setToolTip(_("Show one kind of problem only"))
        self.category.currentIndexChanged.connect(
            lambda _i: self.findings.set_category(self.category.currentData()))
        self.category.hide()
        hint = QLabel(_("Double-click a problem (or press Enter) to open the record at fault."))
        hint.setObjectName("problemsHint")
        hint.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("overviewStatus")

        heading = QHBoxLayout()
        heading.addWidget(self.problems_title)
        heading.addWidget(self.category)
        heading.addStretch(1)
        heading.addWidget(self.status)
        heading.addWidget(self.recheck)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(8)
        layout.addLayout(self.cards)
        layout.addSpacing(8)
        layout.addWidget(arrivals_title)
        layout.addWidget(self.arrivals)
        layout.addSpacing(8)
        layout.addWidget(self.b2b_title)
        layout.addWidget(self.b2b_run)
        layout.addSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.problems, 1)
        layout.addWidget(hint)
        context.events.changed.connect(self._mission_changed)

    def _card(self, key: str, caption: str) -> QWidget:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setObjectName(f"card_{key}")
        value = QLabel("–")
        value.setObjectName(f"count_{key}")
        font = value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        value.setFont(font)
        text = QLabel(caption)
        text.setWordWrap(True)
        column = QVBoxLayout(frame)
        column.addWidget(value)
        column.addWidget(text)
        self.card_values[key] = value
        return frame

    # -- loading -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether a load is under way (in the child process or a background operation)."""
        return bool(self._jobs) or (self.operation is not None and not self.operation.done)

    def load(self) -> None:
        """Read everything again; a load still under way is superseded (its result dropped)."""
        if self.busy:
            self._cancel_load()
        self.status.setText(_("Checking…"))
        self.recheck.setEnabled(False)
        self._summary = self._findings = None
        if not self._load_in_child():
            self._load_here()

    def _load_in_child(self) -> bool:
        """Ask the child process for the headline, then the problems; False if it cannot."""
        path = self.context.mission.path
        if path is None:
            return False
        worker = problems_process()
        if not self._listening:
            worker.finished.connect(self._child_finished)
            # A page closed with its mission drops what has not started yet.
            jobs = self._jobs

            def drop_jobs() -> None:
                for ticket in jobs.values():
                    worker.cancel(ticket)

            self.destroyed.connect(drop_jobs)
            self._listening = True
        for name, work in (("summary", summary_of_file), ("findings", findings_of_file)):
            ticket = worker.submit(work, path)
            if ticket is None:
                self._cancel_load()
                return False
            self._jobs[name] = ticket
        return True

    def _load_here(self) -> None:
        """Everything in one background operation, in this process."""
        self.operation = self.context.runner.run(Operation(
            read_overview, title=_("Checking the mission…"), mission=self.context.mission,
            on_success=self.show_data, on_failure=self._failed))

    def _cancel_load(self) -> None:
        if self.operation is not None and not self.operation.done:
            self.operation.cancel()
        for ticket in self._jobs.values():
            problems_process().cancel(ticket)
        self._jobs.clear()

    def _mission_changed(self, _kind: str) -> None:
        if self._activated:
            self.load()

    def _failed(self, error: BaseException) -> None:
        self._cancel_load()
        self.status.setText("")
        self.recheck.setEnabled(True)
        self.context.show_error(error)

    def _child_finished(self, ticket: int, future: Future[Any]) -> None:
        """A job of the child process is done; one for another page, or superseded, is not
        ours. Should it have failed, everything is read here instead."""
        if ticket not in self._jobs.values():
            return
        try:
            result = future.result()
        except Exception:
            log.warning("The Overview could not be read in its own process; "
                        "reading it in the window's process.", exc_info=True)
            self._cancel_load()
            self._load_here()
            return
        if self._jobs.get("summary") == ticket:
            del self._jobs["summary"]
            self._summary_read(result)
        else:
            del self._jobs["findings"]
            self._findings_read(result)

    def _summary_read(self, data: OverviewData) -> None:
        """The headline and counts, shown while the problems are still to come."""
        self._summary = data
        self._show_summary(data)
        self._show_when_complete()

    def _findings_read(self, findings: list[Finding]) -> None:
        self._findings = findings
        self._show_when_complete()

    def _show_when_complete(self) -> None:
        if self._summary is not None and self._findings is not None:
            data = replace(self._summary, findings=self._findings)
            self._summary = self._findings = None
            self.show_data(data)

    def _show_summary(self, data: OverviewData) -> None:
        self.title.setText(data.name)
        parts = [_("{start} to {end}").format(start=format_date(data.start),
                                              end=format_date(data.end))]
        if data.cities:
            parts.append(", ".join(data.cities))
        if data.organisers:
            parts.append(_("organised by {who}").format(who=data.organisers))
        self.subtitle.setText(" · ".join(parts))
        counts = data.counts
        values = {"delegates": counts.delegates_confirmed, "hosts": counts.hosts_confirmed,
                  "organizations": counts.organizations, "people": counts.people,
                  "requests": counts.meeting_requests, "meetings": counts.meetings,
                  "sessions": counts.sessions, "flights": counts.flights}
        for key, number in values.items():
            self.card_values[key].setText(str(number))
        self.arrivals.setText("\n".join(
            ngettext("{day}: {n} arrival", "{day}: {n} arrivals", n).format(
                day=format_weekday_date(day), n=n)
            for day, n in counts.arrivals_by_day.items()) or _("No arrivals recorded yet."))
        run = data.b2b_run
        self.b2b_run.setText(run.text() if run is not None else "")
        self.b2b_title.setVisible(run is not None)
        self.b2b_run.setVisible(run is not None)

    def show_data(self, data: OverviewData) -> None:
        self.data = data
        self.recheck.setEnabled(True)
        self.status.setText("")
        self._show_summary(data)
        self.findings.set_findings(data.findings)
        self._fill_categories()
        count = len(data.findings)
        self.problems_title.setText(
            ngettext("{n} problem", "{n} problems", count).format(n=format_number(count))
            if data.findings else _("No problems found"))
        self.shown.emit()

    def _fill_categories(self) -> None:
        """One filter entry per kind of problem present, with its count."""
        kept = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(_("All kinds"), None)
        for category, count in self.findings.categories():
            self.category.addItem(f"{category_title(category)} ({format_number(count)})",
                                  category)
        position = self.category.findData(kept) if kept is not None else 0
        self.category.setCurrentIndex(max(position, 0))
        self.category.blockSignals(False)
        self.findings.set_category(self.category.currentData())
        self.category.setVisible(self.category.count() > 2)

    def _open_problem(self, index: QModelIndex) -> None:
        ref = self.findings.ref_at(index.row())
        if isinstance(ref, Ref):
            self.context.open_ref(ref)


register_page(PageSpec("overview", lambda: _("Overview"), OverviewPage, order=10))
