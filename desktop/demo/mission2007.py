"""The 2007 North-American B2B IT-offshoring mission to Morocco, as a demo mission.

The mission row and the roster go through the services (so the demo obeys every rule a user
obeys); the programme, the B2B set-up and the travel are written by their own modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.db.enums import Category, Status
from desktop.db.models import Organization, Person
from desktop.demo import data
from desktop.demo.data import PersonRow
from desktop.i18n import _
from desktop.missions import MissionInput, create_mission
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person
from desktop.validation import fold, normalise_phone

MISSION_NAME = "North-American B2B IT-Offshoring Mission to Morocco 2007"
MISSION_START = date(2007, 5, 14)
MISSION_END = date(2007, 5, 17)
INTERPRETERS_DOMAIN = "interpretes-maroc.example"


@dataclass
class Roster:
    """The demo's records, by the keys and names the hand-written data uses."""

    organizations: dict[str, Organization]
    people: dict[str, Person]  # by "given family"
    rows: dict[str, PersonRow]


def build_demo(session: Session) -> None:
    """Write the whole demo mission into an empty mission file (the caller commits)."""
    from desktop.demo.programme2007 import build_programme
    from desktop.demo.travel2007 import build_travel

    create_mission(session, mission_input())
    roster = build_roster(session)
    places = build_programme(session, roster)
    build_travel(session, roster, places)
    session.flush()


def mission_input() -> MissionInput:
    duty = normalise_phone(data.DUTY_PHONE, "MA")
    contacts = "\n".join((
        _("Police: 19"),
        _("Ambulance and fire brigade: 15"),
        _("Organisers' duty phone (APEBI and AMPA): {phone}").format(phone=duty),
    ))
    return MissionInput(
        name=MISSION_NAME, start_date=MISSION_START, end_date=MISSION_END,
        organisers="APEBI and AMPA", home_timezone="Africa/Casablanca", home_country="MA",
        working_languages=["en", "fr"], document_language="en", emergency_contacts=contacts,
        notes="Fictional demo data: companies and people are invented.")


def build_roster(session: Session) -> Roster:
    organizations: dict[str, Organization] = {}
    for org in data.ORGANISATIONS:
        organizations[org.key] = add_organization(session, OrganizationInput(
            name=org.name, side=org.side, country=org.country, city=org.city,
            sectors=list(org.sectors), website=f"http://www.{org.domain}",
            email=f"contact@{org.domain}", phone=org.phone, offers=org.offers,
            seeks=org.seeks))
    domains = {org.key: org.domain for org in data.ORGANISATIONS}
    people: dict[str, Person] = {}
    rows: dict[str, PersonRow] = {}
    for index, row in enumerate(all_people()):
        domain = domains[row.org] if row.org else INTERPRETERS_DOMAIN
        name = f"{row.given} {row.family}"
        people[name] = add_person(session, person_input(row, index, domain, organizations))
        rows[name] = row
    return Roster(organizations, people, rows)


def all_people() -> list[PersonRow]:
    """Delegates, then hosts in company order, then organisers, speakers, press and staff."""
    hosts: list[PersonRow] = []
    for key, entries in data.HOST_PEOPLE.items():
        for entry in entries:
            given, family, title, languages = entry.split("|")
            extra = data.HOST_EXTRAS.get(f"{given} {family}", {})
            hosts.append(PersonRow(
                key, given, family, title, Category.HOST, tuple(languages.split()),
                data.host_mobile(len(hosts)), nationality="MA",
                status=Status(str(extra.get("status", Status.CONFIRMED))),
                badge=str(extra.get("badge", "")), dietary=str(extra.get("dietary", "")),
                notes=str(extra.get("notes", ""))))
    return [*data.DELEGATES, *hosts, *data.ORGANISERS]


def person_input(row: PersonRow, index: int, domain: str,
                 organizations: dict[str, Organization]) -> PersonInput:
    travels = bool(row.home)
    return PersonInput(
        given_name=row.given, family_name=row.family, category=row.category, status=row.status,
        organization_id=organizations[row.org].id if row.org else None, badge_name=row.badge,
        job_title=row.title, email=email_address(row.given, row.family, domain),
        phone=row.phone, languages=list(row.languages),
        document_language=document_language(row.languages), nationality=row.nationality,
        passport_number=passport_number(row.nationality, index) if travels else "",
        passport_expiry=(row.passport_expiry or passport_expiry(index)) if travels else None,
        date_of_birth=birth_date(index) if travels else None, dietary_needs=row.dietary,
        accessibility_needs=row.accessibility, notes=row.notes)


def email_address(given: str, family: str, domain: str) -> str:
    """``Éloïse Tremblay`` at ``x.example`` → ``eloise.tremblay@x.example``."""
    first = re.sub(r"[^a-z]", "", fold(given.split()[0]))
    last = re.sub(r"[^a-z]", "", fold(family))
    return f"{first}.{last}@{domain}"


def document_language(languages: tuple[str, ...]) -> str:
    """French for people whose first language is French (or Arabic, with French)."""
    if languages and "fr" in languages and languages[0] in ("fr", "ar", "zgh"):
        return "fr"
    return "en"


def passport_number(nationality: str | None, index: int) -> str:
    if nationality == "US":
        return f"4{(index * 7919 + 104729) % 10**8:08d}"
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    prefix = letters[index % len(letters)] + letters[(index * 7) % len(letters)]
    return f"{prefix}{(index * 48271 + 12345) % 10**6:06d}"


def passport_expiry(index: int) -> date:
    """A date well after the mission (2009-2016): only hand-set expiries raise warnings."""
    return date(2009 + index % 8, 1 + (index * 5) % 12, 1 + (index * 11) % 28)


def birth_date(index: int) -> date:
    return date(1950 + (index * 7) % 30, 1 + (index * 3) % 12, 1 + (index * 13) % 28)
