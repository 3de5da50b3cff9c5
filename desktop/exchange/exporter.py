"""Attendee lists: which people, which columns, and whether the list is confidential.

:func:`select_attendees` builds an :class:`AttendeeTable` that every format writes (CSV, Excel
here; the printed directory in ``desktop.reports``). Column headers are the import's own field
labels and values are written the way the import reads them back, so an exported list
re-imports with no change. Sensitive columns (passport number, date of birth) are only ever
included when asked for by name, and then the table is marked confidential.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side, Status, label
from desktop.db.models import Organization, Person
from desktop.errors import UsageError
from desktop.exchange.fields import Kind, spec
from desktop.i18n import N_, _
from desktop.validation import country_name, fold, format_phone

Value = str | date | None


@dataclass(frozen=True)
class ExportField:
    """A column of attendee lists: its key (the import's field key) and how to read it."""

    key: str
    get: Callable[[Attendee], Value]
    sensitive: bool = False

    @property
    def title(self) -> str:
        return spec(Kind.PEOPLE, self.key).title


def _org(attribute: str) -> Callable[[Attendee], Value]:
    def get(person: Attendee) -> Value:
        organization = person.organization
        if organization is None:
            return ""
        value = getattr(organization, attribute)
        if attribute == "side":
            return label(value)
        if attribute == "country":
            return country_name(value) if value else ""
        return str(value or "")

    return get


def _attr(name: str) -> Callable[[Attendee], Value]:
    def get(person: Attendee) -> Value:
        value: Value = getattr(person, name)
        return value if value is not None else ""

    return get


def _is_sensitive(key: str) -> bool:
    column = Person.__table__.columns.get(key)
    return bool(column is not None and column.info.get("sensitive"))


def _field(key: str, get: Callable[[Attendee], Value] | None = None) -> ExportField:
    return ExportField(key, get or _attr(key), _is_sensitive(key))


EXPORT_FIELDS: dict[str, ExportField] = {f.key: f for f in (
    _field("family_name"), _field("given_name"), _field("badge_name"),
    _field("organization", _org("name")), _field("side", _org("side")),
    _field("country", _org("country")), _field("city", _org("city")), _field("job_title"),
    _field("email"), _field("phone", lambda p: format_phone(p.phone)),
    _field("category", lambda p: label(p.category)), _field("status", lambda p: label(p.status)),
    _field("languages", lambda p: ", ".join(p.languages)), _field("document_language"),
    _field("nationality", lambda p: country_name(p.nationality) if p.nationality else ""),
    _field("passport_number"), _field("passport_expiry"), _field("date_of_birth"),
    _field("dietary_needs"), _field("accessibility_needs"), _field("notes"),
)}


@dataclass(frozen=True)
class Preset:
    """A list organisers ask for: its columns, who is on it, how it is sorted."""

    name: str
    label: str  # English, marked for translation
    fields: tuple[str, ...]
    side: Side | None = None
    active_only: bool = True  # leave out cancelled people
    needs_only: bool = False  # only people with dietary or accessibility needs
    by_organization: bool = False

    @property
    def title(self) -> str:
        return _(self.label)


_EVERYTHING = tuple(EXPORT_FIELDS)
PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("full-roster", N_("Full roster"), _EVERYTHING, active_only=False),
    Preset("delegation", N_("Delegation list"),
           ("family_name", "given_name", "organization", "job_title", "email", "phone",
            "country", "languages"), side=Side.DELEGATION),
    Preset("hosts", N_("Host companies"),
           ("organization", "city", "family_name", "given_name", "job_title", "email", "phone"),
           side=Side.HOST, by_organization=True),
    Preset("contacts", N_("Contact sheet"),
           ("family_name", "given_name", "organization", "job_title", "email", "phone")),
    Preset("dietary", N_("Dietary and accessibility list"),
           ("family_name", "given_name", "organization", "dietary_needs",
            "accessibility_needs"), needs_only=True),
    Preset("passports", N_("Passport list"),
           ("family_name", "given_name", "organization", "nationality", "passport_number",
            "passport_expiry", "date_of_birth")),
)}


@dataclass(frozen=True)
class AttendeeFilter:
    """Who is on the list; each tuple allows any of its values (empty: no condition)."""

    sides: tuple[Side, ...] = ()
    categories: tuple[Category, ...] = ()
    statuses: tuple[Status, ...] = ()


@dataclass
class AttendeeTable:
    """The list to write: columns, one row of values per person (aligned with ``people``)."""

    title: str
    columns: list[ExportField]
    rows: list[list[Value]]
    people: list[Attendee] = field(default_factory=list)
    confidential: bool = False

    @property
    def headers(self) -> list[str]:
        return [c.title for c in self.columns]


def _fields(names: Sequence[str], include_sensitive: bool, explicit: bool) -> list[ExportField]:
    chosen: list[ExportField] = []
    for name in names:
        key = name.strip().replace("-", "_")
        found = EXPORT_FIELDS.get(key) or next(
            (f for f in EXPORT_FIELDS.values() if fold(f.title) == fold(name.strip())), None)
        if found is None:
            raise UsageError(_("“{field}” is not a field of attendee lists; use some of: "
                               "{fields}.").format(field=name, fields=", ".join(EXPORT_FIELDS)))
        if found.sensitive and not include_sensitive:
            if explicit:
                raise UsageError(_("{field} is sensitive: ask for it with --include-sensitive "
                                   "(the list is then marked confidential).")
                                 .format(field=found.title))
            continue
        if found not in chosen:
            chosen.append(found)
    return chosen


def select_attendees(session: Session, preset: str | None = None,
                     fields: Sequence[str] | None = None,
                     filters: AttendeeFilter | None = None, *,
                     include_sensitive: bool = False) -> AttendeeTable:
    """The people and columns of a list: a preset's, or the fields asked for, or both.

    Sensitive fields only come with ``include_sensitive``; asking for one by name without it
    is a UsageError, and a preset made of them (the passport list) needs it.
    """
    chosen = PRESETS.get(preset or "full-roster")
    if chosen is None:
        raise UsageError(_("“{preset}” is not a list; use one of: {presets}.")
                         .format(preset=preset, presets=", ".join(PRESETS)))
    if fields:
        columns = _fields(fields, include_sensitive, explicit=True)
    else:
        columns = _fields(chosen.fields, include_sensitive, explicit=False)
        if any(EXPORT_FIELDS[k].sensitive for k in chosen.fields) and not include_sensitive \
                and chosen.name != "full-roster":
            raise UsageError(_("“{preset}” holds passport numbers and dates of birth: export "
                               "it with --include-sensitive.").format(preset=chosen.title))
    if not columns:
        raise UsageError(_("Choose at least one field to export."))
    filters = filters or AttendeeFilter()
    people = _people(session, chosen, filters)
    rows = [[column.get(person) for column in columns] for person in people]
    return AttendeeTable(title=chosen.title, columns=columns, rows=rows, people=people,
                         confidential=any(c.sensitive for c in columns))


@dataclass(frozen=True)
class OrganizationRef:
    """The organisation columns a list shows."""

    id: int
    name: str
    side: Side
    country: str | None
    city: str


@dataclass(frozen=True)
class Attendee:
    """One person as a list shows them: plain values read in one query, not an ORM object
    (10,000 of those take a second to load)."""

    id: int
    given_name: str
    family_name: str
    badge_name: str
    job_title: str
    email: str
    phone: str
    category: Category
    status: Status
    languages: list[str]
    document_language: str
    nationality: str | None
    passport_number: str
    passport_expiry: date | None
    date_of_birth: date | None
    dietary_needs: str
    accessibility_needs: str
    notes: str
    organization: OrganizationRef | None

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


_PERSON_COLUMNS = [f for f in Attendee.__dataclass_fields__ if f != "organization"]


def _people(session: Session, preset: Preset, filters: AttendeeFilter) -> list[Attendee]:
    query = (select(*(getattr(Person, name) for name in _PERSON_COLUMNS),
                    Organization.id.label("org_id"), Organization.name.label("org_name"),
                    Organization.side.label("org_side"),
                    Organization.country.label("org_country"),
                    Organization.city.label("org_city"))
             .outerjoin(Organization, Person.organization_id == Organization.id))
    if filters.categories:
        query = query.where(Person.category.in_(filters.categories))
    if filters.statuses:
        query = query.where(Person.status.in_(filters.statuses))
    elif preset.active_only:
        query = query.where(Person.status != Status.CANCELLED)
    sides = filters.sides or ((preset.side,) if preset.side else ())
    if sides:
        query = query.where(Organization.side.in_(sides))
    if preset.needs_only:
        query = query.where((Person.dietary_needs != "") | (Person.accessibility_needs != ""))
    people = []
    for row in session.execute(query):
        values = row._mapping
        organization = None if values["org_id"] is None else OrganizationRef(
            values["org_id"], values["org_name"], values["org_side"], values["org_country"],
            values["org_city"] or "")
        people.append(Attendee(**{name: values[name] for name in _PERSON_COLUMNS},
                               organization=organization))

    def key(person: Attendee) -> tuple[str, ...]:
        name = (fold(person.family_name), fold(person.given_name))
        if preset.by_organization:
            organization = fold(person.organization.name) if person.organization else "\uffff"
            return (organization, *name, str(person.id))
        return (*name, str(person.id))

    return sorted(people, key=key)


def confidential_path(path: Path, confidential: bool) -> Path:
    """``list.xlsx`` → ``list-confidential.xlsx`` when the list holds sensitive fields."""
    word = _("confidential")
    if not confidential or word.lower() in path.stem.lower() or \
            "confidential" in path.stem.lower():
        return path
    return path.with_name(f"{path.stem}-{word}{path.suffix}")
