"""The Overview's reading of a mission file, done in a process of its own.

The checks are pure Python and take more than a second on a 10,000-person mission. Run on a
thread of the window's process they hold its interpreter lock much of that time, and the
window stutters; run in a child process they leave it free. The window's side of this lives in
:mod:`desktop.ui.problemsworker`; this module is what the child imports, so it imports the
checks and the database layer only, never Qt. The headline and the counts are read in the
child too (a quick job, asked for first), so that the window's interpreter does none of it.

The child opens the file read-only: it takes no lock and makes no backup, and SQLite's
write-ahead log lets it read beside the window, which keeps the file open for writing. Each
job sees what was committed when it began, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.checks import Finding, mission_findings
from desktop.db.models import Venue
from desktop.missions import get_mission
from desktop.overview import MissionCounts, mission_counts

if TYPE_CHECKING:
    from desktop.b2b.runs import RunRecord


@dataclass
class OverviewData:
    """What the Overview shows (``findings`` empty while the problems list is still to come)."""

    name: str
    start: date
    end: date
    organisers: str
    cities: list[str]
    counts: MissionCounts
    findings: list[Finding]
    b2b_run: RunRecord | None = None  # what the last automatic schedule proved


def mission_summary(session: Session) -> OverviewData:
    """The headline and the counts, without the problems list."""
    mission = get_mission(session)
    cities = sorted({c for c in session.scalars(select(Venue.city).distinct()) if c})
    from desktop.b2b.runs import latest_run

    return OverviewData(mission.name, mission.start_date, mission.end_date, mission.organisers,
                        cities, mission_counts(session), [], latest_run(session))


def summary_of_file(path: str | Path) -> OverviewData:
    """:func:`mission_summary` of the mission file at ``path``."""
    from desktop.db.missionfile import MissionFile

    mission = MissionFile.open(path, read_only=True)
    try:
        with mission.session_factory() as session:
            return mission_summary(session)
    finally:
        mission.close()


def findings_of_file(path: str | Path) -> list[Finding]:
    """Every finding of every registered check on the mission file at ``path``."""
    from desktop.db.missionfile import MissionFile

    mission = MissionFile.open(path, read_only=True)
    try:
        with mission.session_factory() as session:
            return mission_findings(session)
    finally:
        mission.close()


def in_language(language: str, work: Callable[[str], Any], path: str) -> Any:
    """``work(path)`` with its messages in ``language``: a child process starts in the
    system's language, not the one the window shows."""
    from desktop.i18n import set_language

    set_language(language)
    return work(path)
