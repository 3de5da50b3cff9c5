"""The problems list of a mission file, worked out in a process of its own.

The checks are pure Python and take more than a second on a 10,000-person mission. Run on a
thread of the window's process they hold its interpreter lock much of that time, and the
window stutters; run in a child process they leave it free. The window's side of this lives in
:mod:`desktop.ui.problemsworker`; this module is what the child imports, so it imports the
checks and the database layer only, never Qt.

The child opens the file read-only: it takes no lock and makes no backup, and SQLite's
write-ahead log lets it read beside the window, which keeps the file open for writing. It
sees what was committed when its pass began, in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from desktop.checks import Finding, mission_findings


def findings_of_file(path: str | Path) -> list[Finding]:
    """Every finding of every registered check on the mission file at ``path``."""
    from desktop.db.missionfile import MissionFile

    mission = MissionFile.open(path, read_only=True)
    try:
        with mission.session_factory() as session:
            return mission_findings(session)
    finally:
        mission.close()
