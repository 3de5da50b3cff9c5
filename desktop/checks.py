"""The mission's problems list: everything an organiser should look at, computed from the data.

Each finding names the record at fault (``ref``) so the ui can open it. Capabilities add their
own checks to :data:`CHECKS`; nothing here is hard-coded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import Status
from desktop.db.models import Person
from desktop.errors import Problem
from desktop.missions import get_mission
from desktop.roster.people import person_warnings


@dataclass(frozen=True)
class Ref:
    """A record a finding is about: ``Ref("person", 12)``."""

    kind: str
    id: int


@dataclass(frozen=True)
class Finding:
    message: str
    ref: Ref | None = None
    severity: str = "warning"
    category: str = ""

    def as_problem(self) -> Problem:
        return Problem(self.message, severity=self.severity)


def passport_findings(session: Session) -> list[Finding]:
    """Passports that expire before, or within six months of, the mission's end."""
    mission = get_mission(session)
    found: list[Finding] = []
    query = (select(Person).where(Person.passport_expiry.is_not(None),
                                  Person.status != Status.CANCELLED)
             .order_by(Person.family_name, Person.given_name))
    for person in session.scalars(query):
        for warning in person_warnings(person, mission):
            found.append(Finding(warning.message, Ref("person", person.id),
                                 category="passport"))
    return found


CHECKS: list[Callable[[Session], list[Finding]]] = [passport_findings]


def register_check(check: Callable[[Session], list[Finding]]) -> None:
    """Add a capability's check to the problems list (once)."""
    if check not in CHECKS:
        CHECKS.append(check)


def ordered_checks() -> list[Callable[[Session], list[Finding]]]:
    """The registered checks in a fixed order, whatever order their modules were imported in:
    this module's first, then by capability, each in its own registration order."""
    position = {check: index for index, check in enumerate(CHECKS)}
    return sorted(CHECKS, key=lambda check: (check.__module__ != __name__, check.__module__,
                                             position[check]))


def mission_findings(session: Session) -> list[Finding]:
    """Every finding of every registered check, in check order."""
    import gc

    _load_capability_checks()
    found: list[Finding] = []
    # The checks make many short-lived objects and no cycles worth collecting mid-way; pausing
    # the collector halves the time of a large mission's list.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for check in ordered_checks():
            found.extend(check(session))
    finally:
        if was_enabled:
            gc.enable()
    return found


def mission_warnings(session: Session) -> list[Problem]:
    return [finding.as_problem() for finding in mission_findings(session)]


def _load_capability_checks() -> None:
    """Import the capabilities' ``checks`` modules, which register themselves."""
    import importlib
    import pkgutil

    import desktop

    for info in pkgutil.iter_modules(desktop.__path__):
        if info.ispkg and info.name != "ui":
            try:
                importlib.import_module(f"desktop.{info.name}.checks")
            except ModuleNotFoundError as exc:
                if exc.name != f"desktop.{info.name}.checks":
                    raise
