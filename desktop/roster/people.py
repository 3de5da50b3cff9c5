"""People on the roster: create, change, delete, find, and what is worth a warning."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop import records
from desktop.db.enums import Category, Side, Status
from desktop.db.models import (
    B2BParticipant,
    FlightSegment,
    HotelStay,
    Meeting,
    Mission,
    Organization,
    Person,
    TransferPassenger,
    session_attendee,
)
from desktop.errors import Problem
from desktop.i18n import _, format_date
from desktop.validation import Checker, fold

PASSPORT_MARGIN_MONTHS = 6


@dataclass
class PersonInput:
    given_name: str
    family_name: str
    category: Category
    status: Status = Status.INVITED
    organization_id: int | None = None
    badge_name: str = ""
    job_title: str = ""
    email: str = ""
    phone: str = ""
    languages: list[str] = field(default_factory=list)
    document_language: str = "en"
    nationality: str | None = None
    passport_number: str = ""
    passport_expiry: date | None = None
    date_of_birth: date | None = None
    dietary_needs: str = ""
    accessibility_needs: str = ""
    notes: str = ""


@dataclass(frozen=True)
class PeopleFilter:
    text: str = ""
    side: Side | None = None
    category: Category | None = None
    status: Status | None = None
    country: str | None = None  # the organisation's country
    organization_id: int | None = None


def phone_region(session: Session, organization_id: int | None,
                 nationality: str | None) -> str | None:
    """The region a local phone number is read in: the organisation's country, else the
    person's nationality, else the mission's host country."""
    if organization_id is not None:
        country = session.scalar(select(Organization.country).where(
            Organization.id == organization_id))
        if country:
            return country
    if nationality:
        return nationality
    return session.scalar(select(Mission.home_country))


def validate_person(session: Session, data: PersonInput, *,
                    region: str | None = None) -> PersonInput:
    """The cleaned input, or a ValidationError naming every field at fault.

    ``region`` is the country a local phone number is read in; by default it is looked up
    (:func:`phone_region`) only when the number needs one. Bulk imports pass the row's own.
    """
    check = Checker()
    given = check.required("given_name", data.given_name, _("The given name"), 100)
    family = check.required("family_name", data.family_name, _("The family name"), 100)
    badge = check.optional("badge_name", data.badge_name, _("The badge name"), 100)
    try:
        category = Category(data.category)
    except ValueError:
        check.error("category", _("“{value}” is not a category.").format(value=data.category))
        category = Category.DELEGATE
    try:
        status = Status(data.status)
    except ValueError:
        check.error("status", _("“{value}” is not a status.").format(value=data.status))
        status = Status.INVITED
    if data.organization_id is not None and session.get(Organization,
                                                        data.organization_id) is None:
        check.error("organization_id", _("This organisation no longer exists."))
    job = check.optional("job_title", data.job_title, _("The job title"), 150)
    email = check.email("email", data.email)
    nationality = check.country("nationality", data.nationality)
    phone_text = (data.phone or "").strip()
    if region is None and phone_text and not phone_text.startswith(("+", "00")):
        region = phone_region(session, data.organization_id if check.ok("organization_id")
                              else None, nationality)
    phone = check.phone("phone", data.phone, region)
    languages = check.languages("languages", data.languages)
    doc_language = check.document_language("document_language", data.document_language)
    passport = "".join(data.passport_number.split()).upper()
    if len(passport) > 20:
        check.error("passport_number", _("A passport number has at most 20 characters."))
    if data.date_of_birth is not None and data.date_of_birth > date.today():
        check.error("date_of_birth", _("The date of birth is in the future."))
    dietary = check.optional("dietary_needs", data.dietary_needs, _("Dietary needs"), 200)
    access = check.optional("accessibility_needs", data.accessibility_needs,
                            _("Accessibility needs"), 200)
    check.raise_if_any()
    return PersonInput(given_name=given, family_name=family, category=category, status=status,
                       organization_id=data.organization_id, badge_name=badge, job_title=job,
                       email=email, phone=phone, languages=languages,
                       document_language=doc_language, nationality=nationality,
                       passport_number=passport, passport_expiry=data.passport_expiry,
                       date_of_birth=data.date_of_birth, dietary_needs=dietary,
                       accessibility_needs=access, notes=data.notes.strip())


def add_person(session: Session, data: PersonInput) -> Person:
    return records.insert(session, Person, validate_person(session, data))


def get_person(session: Session, person_id: int) -> Person:
    return records.fetch(session, Person, person_id,
                         _("This person is no longer on the roster."))


def update_person(session: Session, person_id: int, data: PersonInput) -> Person:
    person = get_person(session, person_id)
    return records.assign(session, person, validate_person(session, data))


def person_input(person: Person) -> PersonInput:
    """The editable fields of ``person``, e.g. to fill a form or duplicate it."""
    return records.input_of(PersonInput, person)


@dataclass(frozen=True)
class PersonDependents:
    """What deleting a person takes with them."""

    meetings: int
    flights: int
    hotel_stays: int
    transfers: int
    sessions: int

    def describe(self) -> list[str]:
        from desktop.i18n import ngettext

        parts = []
        for count, singular, plural in (
                (self.meetings, "{n} meeting", "{n} meetings"),
                (self.flights, "{n} flight", "{n} flights"),
                (self.hotel_stays, "{n} hotel stay", "{n} hotel stays"),
                (self.transfers, "{n} transfer seat", "{n} transfer seats"),
                (self.sessions, "{n} programme place", "{n} programme places")):
            if count:
                parts.append(ngettext(singular, plural, count).format(n=count))
        return parts


def person_dependents(session: Session, person_id: int) -> PersonDependents:
    participant = select(B2BParticipant.id).where(
        B2BParticipant.person_id == person_id).scalar_subquery()

    def count(query: sa.Select[Any]) -> int:
        return session.scalar(query) or 0

    return PersonDependents(
        meetings=count(select(func.count()).select_from(Meeting).where(sa.or_(
            Meeting.participant_a_id == participant, Meeting.participant_b_id == participant))),
        flights=count(select(func.count()).where(FlightSegment.person_id == person_id)),
        hotel_stays=count(select(func.count()).where(HotelStay.person_id == person_id)),
        transfers=count(select(func.count()).where(TransferPassenger.person_id == person_id)),
        sessions=count(select(func.count()).select_from(session_attendee).where(
            session_attendee.c.person_id == person_id)),
    )


def delete_person(session: Session, person_id: int) -> None:
    """Delete the person with their flights, stays, transfer seats and own meetings."""
    person = get_person(session, person_id)
    session.delete(person)
    session.flush()


def list_people(session: Session, filt: PeopleFilter | None = None) -> Sequence[Person]:
    """People matching ``filt``, by family then given name. Text matches names,
    organisation, email and job title, ignoring case and accents."""
    filt = filt or PeopleFilter()
    query = (select(Person).options(selectinload(Person.organization))
             .order_by(Person.family_name, Person.given_name, Person.id))
    if filt.category is not None:
        query = query.where(Person.category == filt.category)
    if filt.status is not None:
        query = query.where(Person.status == filt.status)
    if filt.organization_id is not None:
        query = query.where(Person.organization_id == filt.organization_id)
    if filt.side is not None or filt.country:
        query = query.join(Organization, Person.organization_id == Organization.id)
        if filt.side is not None:
            query = query.where(Organization.side == filt.side)
        if filt.country:
            query = query.where(Organization.country == filt.country.upper())
    people = session.scalars(query).all()
    if not filt.text:
        return people
    needle = fold(filt.text.strip())
    return [p for p in people if needle in search_text(p)]


def search_text(person: Person) -> str:
    """The folded text a quick filter looks into."""
    organization = person.organization.name if person.organization else ""
    return fold(f"{person.given_name} {person.family_name} {person.badge_name} {organization} "
                f"{person.email} {person.job_title}")


def find_person(session: Session, *, email: str = "", given_name: str = "",
                family_name: str = "", organization_id: int | None = None) -> Person | None:
    """The person an import row means: same email, else same name and organisation."""
    if email:
        match = session.scalars(select(Person).where(
            func.lower(Person.email) == email.strip().lower()).order_by(Person.id)).first()
        if match is not None:
            return match
    if given_name and family_name:
        candidates = session.scalars(select(Person).where(
            Person.organization_id.is_(None) if organization_id is None
            else Person.organization_id == organization_id)).all()
        wanted = (fold(given_name.strip()), fold(family_name.strip()))
        for person in candidates:
            if (fold(person.given_name), fold(person.family_name)) == wanted:
                return person
    return None


def person_warnings(person: Person, mission: Mission) -> list[Problem]:
    """What an organiser should look at for this person (not errors: nothing is refused)."""
    warnings: list[Problem] = []
    if person.passport_expiry is not None:
        limit = add_months(mission.end_date, PASSPORT_MARGIN_MONTHS)
        if person.passport_expiry < mission.end_date:
            warnings.append(Problem(
                _("{name}'s passport expires on {date}, before the mission ends.")
                .format(name=person.full_name, date=format_date(person.passport_expiry)),
                field="passport_expiry", severity="warning"))
        elif person.passport_expiry < limit:
            warnings.append(Problem(
                _("{name}'s passport expires on {date}, within six months of the mission's "
                  "end: many countries refuse entry.")
                .format(name=person.full_name, date=format_date(person.passport_expiry)),
                field="passport_expiry", severity="warning"))
    return warnings


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (clamped to the month's last day)."""
    import calendar

    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))
