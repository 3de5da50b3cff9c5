"""Programme findings for the problems list: sessions that clash for the same people.

Imported by :func:`desktop.checks.mission_findings`, which is when the checks register.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from desktop.checks import Finding, Ref, register_check
from desktop.i18n import _, current_language, format_date, format_time, ngettext
from desktop.program.sessions import overlapping_sessions, people_in_two_places

CATEGORY = "programme"


def _when(starts_at: datetime) -> str:
    return f"{format_date(starts_at.date())} {format_time(starts_at)}"


def overlap_findings(session: Session) -> list[Finding]:
    """Two sessions at the same time for at least one same person."""
    found = []
    for overlap in overlapping_sessions(session):
        n = len(overlap.person_ids)
        found.append(Finding(
            ngettext("“{first}” ({first_at}) overlaps “{second}” ({second_at}) for {n} person "
                     "attending both.",
                     "“{first}” ({first_at}) overlaps “{second}” ({second_at}) for {n} people "
                     "attending both.", n).format(
                first=overlap.first.title_in(current_language()),
                first_at=_when(overlap.first.starts_at),
                second=overlap.second.title_in(current_language()),
                second_at=_when(overlap.second.starts_at), n=n),
            Ref("program_session", overlap.second.id), category=CATEGORY))
    return found


def two_places_findings(session: Session) -> list[Finding]:
    """A person named on two overlapping sessions' lists."""
    return [Finding(
        _("{name} is expected at “{first}” and at “{second}” at the same time ({when}).").format(
            name=clash.person.full_name, first=clash.first.title_in(current_language()),
            second=clash.second.title_in(current_language()),
            when=_when(clash.second.starts_at)),
        Ref("person", clash.person.id), category=CATEGORY)
        for clash in people_in_two_places(session)]


register_check(overlap_findings)
register_check(two_places_findings)
