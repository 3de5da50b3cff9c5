"""What the last automatic scheduling proved, kept with the mission.

"Proved optimal" is a claim about one schedule of one problem. Each stored answer is recorded
with a fingerprint of both, taken just after the meetings were written: the problem as the
scheduler reads it (participants, availability, requests, slots, tables, interpreters) and
every meeting's place. The claim is shown only while the fingerprint still matches: a meeting
moved by hand, a new request or a late arrival withdraws it, and undoing the change brings it
back.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.b2b.bridge import export_problem, parse_pair_id
from desktop.b2b.instance import instance_to_dict
from desktop.b2b.mission_commands import MissionCounts
from desktop.db.enums import MeetingStatus
from desktop.db.models import Meeting, SchedulingRun
from desktop.errors import MissionDeskError
from desktop.i18n import _, format_datetime, ngettext, translate_in, translate_plural_in


@dataclass(frozen=True)
class RunRecord:
    """The last automatic scheduling, and whether the meetings are still as it left them."""

    finished_at: datetime
    replan: bool
    status: str  # "optimal" or "feasible"
    placed: int
    to_place: int
    breaks: int
    bound_breaks: int
    current: bool

    def text(self, language: str | None = None) -> str:
        """One sentence for the organiser ("… 3 breaks in all, proved the fewest possible."),
        in ``language`` (a document's) or else the interface's."""

        def t(message: str) -> str:
            return translate_in(language, message) if language else _(message)

        when = format_datetime(self.finished_at.astimezone(), "medium", language)
        if not self.current:
            return t("The meetings, requests, availability or tables changed after the "
                     "automatic schedule of {when}: schedule again or re-plan for a proved "
                     "result.").format(when=when)
        if language:
            breaks = translate_plural_in(language, "{n} break in all", "{n} breaks in all",
                                         self.breaks)
        else:
            breaks = ngettext("{n} break in all", "{n} breaks in all", self.breaks)
        facts = {"when": when, "placed": self.placed, "total": self.to_place,
                 "breaks": breaks.format(n=self.breaks), "bound": self.bound_breaks}
        if self.status == "optimal":
            return t("Automatic schedule of {when}: {placed} of {total} meetings placed, "
                     "{breaks}, proved the fewest possible.").format(**facts)
        if not self.bound_breaks:
            return t("Automatic schedule of {when}: {placed} of {total} meetings placed, "
                     "{breaks} (not proved the fewest possible: a longer search time may find "
                     "better).").format(**facts)
        return t("Automatic schedule of {when}: {placed} of {total} meetings placed, "
                 "{breaks}; no schedule placing as many has fewer than {bound} (not proved the "
                 "fewest possible: a longer search time may find better).").format(**facts)


def fingerprint(session: Session, max_break_spread: int | None) -> str | None:
    """A digest of the problem and of every meeting's place; None when there is no problem to
    read (no slots yet)."""
    try:
        problem = export_problem(session, time_limit_s=None, max_break_spread=max_break_spread)
    except MissionDeskError:
        return None
    data = instance_to_dict(problem)
    # Names change no schedule (and some are written in the interface's language).
    data.pop("name", None)
    for named in (*data["participants"], *data["interpreters"]):
        named.pop("name", None)
    for meeting in data["meetings"]:
        # Where a meeting is now and whether it is held there (locked, placed by hand) is in
        # the places below: locking a meeting, or moving it and back, leaves the claim whole.
        meeting.pop("current", None)
        meeting.pop("slot", None)
    places = sorted((m.participant_a_id, m.participant_b_id, m.slot_id, m.table_id,
                     m.interpreter_id, str(m.status))
                    for m in session.scalars(select(Meeting)))
    blob = json.dumps([data, places], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def record_run(session: Session, counts: MissionCounts, *, replan: bool,
               max_break_spread: int | None) -> SchedulingRun | None:
    """Record a stored answer; call it in the transaction that stored the meetings, after
    them. An infeasible answer stores nothing and is not recorded."""
    if counts.status not in ("optimal", "feasible"):
        return None
    session.flush()
    digest = fingerprint(session, max_break_spread)
    if digest is None:
        return None
    run = SchedulingRun(replan=replan, status=counts.status, placed=counts.placed,
                        to_place=counts.to_place, required=counts.required,
                        required_placed=counts.required_placed, breaks=counts.breaks,
                        bound_breaks=min(counts.bound_breaks, counts.breaks),
                        max_break_spread=max_break_spread, solve_seconds=counts.seconds,
                        fingerprint=digest)
    session.add(run)
    session.flush()
    return run


def latest_run(session: Session) -> RunRecord | None:
    """The last recorded run, None if the meetings were never scheduled automatically."""
    run = session.scalars(select(SchedulingRun).order_by(SchedulingRun.id.desc())).first()
    if run is None:
        return None
    return RunRecord(run.finished_at, run.replan, run.status, run.placed, run.to_place,
                     run.breaks, run.bound_breaks,
                     fingerprint(session, run.max_break_spread) == run.fingerprint)


def left_out_reasons(session: Session, record: RunRecord | None) -> dict[frozenset[int], str]:
    """Why each request without a meeting stays out, in the scheduler's own words, while the
    last automatic schedule (``record``, from :func:`latest_run`) still holds; else nothing,
    since the request may simply be new."""
    if record is None or not record.current:
        return {}
    from desktop.b2b.explain import optional_reason
    from desktop.b2b.greedy import index

    problem = export_problem(session, time_limit_s=None)
    placed = {frozenset((a, b)) for a, b in session.execute(
        select(Meeting.participant_a_id, Meeting.participant_b_id)
        .where(Meeting.status != MeetingStatus.CANCELLED))}
    ix = index(problem)
    reasons = {}
    for m, spec in enumerate(problem.meetings):
        pair = parse_pair_id(spec.id)
        if pair is not None and frozenset(pair) not in placed:
            reasons[frozenset(pair)] = optional_reason(problem, ix, m)
    return reasons
