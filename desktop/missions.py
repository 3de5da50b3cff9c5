"""The mission itself: its one row of headline facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Mission
from desktop.errors import NotFoundError
from desktop.i18n import _
from desktop.validation import Checker


@dataclass
class MissionInput:
    name: str
    start_date: date
    end_date: date
    organisers: str = ""
    home_timezone: str = "Africa/Casablanca"
    home_country: str = "MA"
    working_languages: list[str] = field(default_factory=lambda: ["en", "fr"])
    document_language: str = "en"
    emergency_contacts: str = ""
    min_connection_minutes: int = 60
    notes: str = ""


def validate_mission(data: MissionInput) -> MissionInput:
    """The cleaned input, or a ValidationError naming every field at fault."""
    check = Checker()
    name = check.required("name", data.name, _("The mission's name"), 200)
    check.date_order("end_date", data.start_date, data.end_date,
                     _("The mission ends before it starts."))
    zone = check.timezone("home_timezone", data.home_timezone)
    country = check.country("home_country", data.home_country) or ""
    if not country and check.ok("home_country"):
        check.error("home_country", _("The host country is required (e.g. MA)."))
    languages = check.languages("working_languages", data.working_languages)
    if not languages and check.ok("working_languages"):
        check.error("working_languages", _("Give at least one working language."))
    doc_language = check.document_language("document_language", data.document_language)
    check.positive("min_connection_minutes", data.min_connection_minutes,
                   _("The minimum connection time"), allow_zero=True)
    check.raise_if_any()
    return MissionInput(name=name, start_date=data.start_date, end_date=data.end_date,
                        organisers=data.organisers.strip(), home_timezone=zone,
                        home_country=country, working_languages=languages,
                        document_language=doc_language,
                        emergency_contacts=data.emergency_contacts.strip(),
                        min_connection_minutes=data.min_connection_minutes,
                        notes=data.notes.strip())


def create_mission(session: Session, data: MissionInput) -> Mission:
    """Write the mission's row into a new file, with the shipped reference data."""
    from desktop.travel.airports import seed_airports

    clean = validate_mission(data)
    mission = Mission(id=1, **clean.__dict__)
    session.add(mission)
    seed_airports(session)
    session.flush()
    return mission


def get_mission(session: Session) -> Mission:
    mission = session.scalars(select(Mission)).first()
    if mission is None:
        raise NotFoundError(_("This file holds no mission."))
    return mission


def update_mission(session: Session, data: MissionInput) -> Mission:
    mission = get_mission(session)
    for key, value in validate_mission(data).__dict__.items():
        setattr(mission, key, value)
    session.flush()
    return mission


def mission_input(mission: Mission) -> MissionInput:
    """The editable fields of ``mission``, e.g. to fill a form."""
    return MissionInput(**{key: getattr(mission, key) for key in MissionInput.__dataclass_fields__})
