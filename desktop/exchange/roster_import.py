"""Importing organisations and people through the roster's own validation.

Existing records are loaded once and indexed (organisations by folded name, people by email and
by folded name and organisation), so that matching 10,000 rows costs no query per row. A person
is matched as the roster does it: same email, else same name and organisation; a match is
updated, never duplicated. A blank cell never erases what the mission already holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side, Status
from desktop.db.models import Mission, Organization, Person
from desktop.errors import Problem, ValidationError
from desktop.exchange.fields import Kind, spec
from desktop.exchange.importer import KindImporter, Outcome, RowContext, RowResult, month_first_for
from desktop.exchange.mapping import Mapping
from desktop.exchange.sources import Cell, Source
from desktop.exchange.values import (
    parse_choice,
    parse_country,
    parse_date,
    parse_languages,
    parse_list,
)
from desktop.i18n import _, current_language
from desktop.roster.organizations import (
    OrganizationInput,
    organization_input,
    validate_organization,
)
from desktop.roster.people import PersonInput, person_input, validate_person
from desktop.validation import country_name, fold

WRITE_BATCH = 1000  # rows written per flush: bounded memory, progress between batches
_SIDE_OF_CATEGORY = {Category.DELEGATE: Side.DELEGATION, Category.HOST: Side.HOST,
                     Category.ORGANISER: Side.ORGANISER, Category.PRESS: Side.PRESS}
_CATEGORY_OF_SIDE = {Side.DELEGATION: Category.DELEGATE, Side.HOST: Category.HOST,
                     Side.ORGANISER: Category.ORGANISER, Side.PRESS: Category.PRESS}
# Text fields a cell copies as it is (after trimming); ``notes`` keeps its line breaks.
_ORG_TEXT = ("city", "website", "email", "phone", "offers", "seeks")
_PERSON_TEXT = ("badge_name", "job_title", "email", "passport_number", "dietary_needs",
                "accessibility_needs")


def make(session: Session, kind: Kind, mapping: Mapping, source: Source) -> KindImporter:
    if kind is Kind.ORGANIZATIONS:
        return OrganizationImporter(session, mapping)
    return PeopleImporter(session, mapping, source)


def _home_country(session: Session) -> str:
    return session.scalar(select(Mission.home_country)) or ""


def _changed(old: Any, new: Any, names: list[str]) -> list[str]:
    return [name for name in names if getattr(old, name) != getattr(new, name)]


def _duplicate(ctx: RowContext, first_row: int, key: str) -> RowResult:
    ctx.fail(key, _("Row {row} already stands for the same record; keep one of the two rows.")
             .format(row=first_row))
    return RowResult(ctx.number, Outcome.REJECTED, problems=ctx.problems)


class OrganizationImporter:
    """Organisations matched by name, ignoring case and accents."""

    def __init__(self, session: Session, mapping: Mapping) -> None:
        self.session = session
        self.mapping = mapping
        self.home = _home_country(session)
        self.by_name = {fold(o.name): o for o in session.scalars(select(Organization))}
        self.seen: dict[str, int] = {}

    def notes(self) -> list[Problem]:
        if "side" in self.mapping.mapped_fields() or "side" in self.mapping.defaults:
            return []
        return [Problem(_("There is no Side column: new organisations in {country} are taken "
                          "as hosts, the others as delegation.")
                        .format(country=country_name(self.home, current_language())),
                        severity="warning")]

    def check(self, ctx: RowContext) -> RowResult:
        name = ctx.text("name")
        if not name:
            ctx.fail("name", _("The organisation's name is required."))
            return RowResult(ctx.number, Outcome.REJECTED, problems=ctx.problems)
        key = fold(name)
        if key in self.seen:
            return _duplicate(ctx, self.seen[key], "name")
        self.seen[key] = ctx.number
        existing = self.by_name.get(key)
        base = organization_input(existing) if existing else OrganizationInput(
            name=name, side=Side.DELEGATION)
        data = self._read(ctx, base, existing is None)
        try:
            clean = validate_organization(self.session, data,
                                          existing_id=existing.id if existing else None)
        except ValidationError as error:
            ctx.take_validation(error, {})
        if ctx.problems:
            return RowResult(ctx.number, Outcome.REJECTED, label=name, problems=ctx.problems)
        if existing is None:
            return RowResult(ctx.number, Outcome.ADDED, label=clean.name, payload=(None, clean))
        names = [f.name for f in fields(OrganizationInput)]
        changed = _changed(organization_input(existing), clean, names)
        outcome = Outcome.UPDATED if changed else Outcome.UNCHANGED
        return RowResult(ctx.number, outcome, label=clean.name, payload=(existing, clean),
                         changes=[spec(Kind.ORGANIZATIONS, n).title for n in changed])

    def _read(self, ctx: RowContext, base: OrganizationInput, new: bool) -> OrganizationInput:
        data = replace(base)
        country = ctx.parse("country", parse_country, None)
        if country:
            data.country = country
        side = ctx.parse("side", lambda c: parse_choice(Side, c, _("side")), None)
        if side is not None:
            data.side = side
        elif new:
            data.side = Side.HOST if data.country == self.home else Side.DELEGATION
        for name in _ORG_TEXT:
            text = ctx.text(name)
            if text:
                setattr(data, name, text)
        sectors = parse_list(ctx.cell("sectors"))
        if sectors:
            data.sectors = sectors
        notes = ctx.text("notes", multiline=True)
        if notes:
            data.notes = notes
        return data

    def write(self, rows: list[RowResult], tick: Callable[[], None]) -> None:
        added = []
        for row in rows:
            existing, clean = row.payload
            values = {f.name: getattr(clean, f.name) for f in fields(clean)}
            if existing is None:
                added.append(Organization(**values))
            else:
                for name, value in values.items():
                    setattr(existing, name, value)
            tick()
        self.session.add_all(added)


@dataclass
class _NewOrganization:
    """An organisation a people file names and the mission does not have yet."""

    data: OrganizationInput
    problems: list[str]
    record: Organization | None = None


@dataclass
class _PersonPlan:
    existing: Person | None
    data: PersonInput
    organization: Organization | _NewOrganization | None


class PeopleImporter:
    """People, with the organisations they name (created when the mission lacks them)."""

    def __init__(self, session: Session, mapping: Mapping, source: Source) -> None:
        self.session = session
        self.mapping = mapping
        self.home = _home_country(session)
        self.organizations = {fold(o.name): o for o in session.scalars(select(Organization))}
        names = {o.id: key for key, o in self.organizations.items()}
        self.people = list(session.scalars(select(Person)))
        self.by_email = {}
        self.by_name = {}
        for person in sorted(self.people, key=lambda p: p.id, reverse=True):
            if person.email:
                self.by_email[person.email.lower()] = person
            org_key = names.get(person.organization_id, "") if person.organization_id else ""
            self.by_name[(fold(person.given_name), fold(person.family_name), org_key)] = person
        self.new_organizations: dict[str, _NewOrganization] = {}
        self.claimed: dict[object, int] = {}
        self.month_first = month_first_for(mapping, source, ("passport_expiry", "date_of_birth"))

    def notes(self) -> list[Problem]:
        found = self.mapping.mapped_fields() | set(self.mapping.defaults)
        if "category" in found:
            return []
        return [Problem(_("There is no Category column: new people from {country} are taken as "
                          "hosts, the others as delegates.")
                        .format(country=country_name(self.home, current_language())),
                        severity="warning")]

    def _date(self, cell: Cell) -> date | None:
        return parse_date(cell, month_first=self.month_first)

    def check(self, ctx: RowContext) -> RowResult:
        given, family = ctx.text("given_name"), ctx.text("family_name")
        label = f"{given} {family}".strip()
        email = ctx.text("email").lower()
        country = ctx.parse("country", parse_country, None)
        side = ctx.parse("side", lambda c: parse_choice(Side, c, _("side")), None)
        category = ctx.parse("category", lambda c: parse_choice(Category, c, _("category")), None)
        organization = self._organization(ctx, country, side, category)
        org_key = fold(ctx.text("organization"))
        existing = self.by_email.get(email) if email else None
        if existing is None and given and family:
            existing = self.by_name.get((fold(given), fold(family), org_key))
        identity: object = existing.id if existing else (email or (fold(given), fold(family),
                                                                   org_key))
        if identity in self.claimed:
            return _duplicate(ctx, self.claimed[identity], "email" if email else "family_name")
        self.claimed[identity] = ctx.number
        base = person_input(existing) if existing else PersonInput(
            given_name=given, family_name=family, category=Category.DELEGATE)
        data, region = self._read(ctx, base, existing is None, category, side, country,
                                  organization)
        organization_id = organization.id if isinstance(organization, Organization) else (
            base.organization_id if organization is None else None)
        # The organisation is resolved above, from the preloaded index; the roster is asked to
        # read the phone in the row's region (through ``nationality``, which its region rule
        # takes before querying), so validating a row costs no query.
        try:
            clean = validate_person(self.session, replace(data, organization_id=None,
                                                          nationality=region))
        except ValidationError as error:
            ctx.take_validation(error, {"organization_id": "organization"})
        else:
            clean.organization_id, clean.nationality = organization_id, data.nationality
        if ctx.problems:
            return RowResult(ctx.number, Outcome.REJECTED, label=label, problems=ctx.problems)
        plan = _PersonPlan(existing, clean, organization)
        if existing is None:
            return RowResult(ctx.number, Outcome.ADDED, label=label, payload=plan)
        names = [f.name for f in fields(PersonInput)]
        changed = _changed(person_input(existing), clean, names)
        if isinstance(organization, _NewOrganization):
            changed.append("organization_id")
        outcome = Outcome.UPDATED if changed else Outcome.UNCHANGED
        titles = [spec(Kind.PEOPLE, "organization" if n == "organization_id" else n).title
                  for n in dict.fromkeys(changed)]
        return RowResult(ctx.number, outcome, label=label, payload=plan, changes=titles)

    def _organization(self, ctx: RowContext, country: str | None, side: Side | None,
                      category: Category | None) -> Organization | _NewOrganization | None:
        name = ctx.text("organization")
        if not name:
            return None
        key = fold(name)
        found = self.organizations.get(key) or self.new_organizations.get(key)
        if found is None:
            if side is None:
                side = _SIDE_OF_CATEGORY.get(category) if category else None
            if side is None:
                side = Side.HOST if country == self.home else Side.DELEGATION
            data = OrganizationInput(name=name, side=side, country=country,
                                     city=ctx.text("city"))
            problems: list[str] = []
            try:
                data = validate_organization(self.session, data)
            except ValidationError as error:
                problems = [p.message for p in error.problems]
            found = self.new_organizations[key] = _NewOrganization(data, problems)
        if isinstance(found, _NewOrganization):
            for message in found.problems:
                ctx.fail("organization", message)
        return found

    def _read(self, ctx: RowContext, base: PersonInput, new: bool, category: Category | None,
              side: Side | None, country: str | None,
              organization: Organization | _NewOrganization | None,
              ) -> tuple[PersonInput, str]:
        """The row over ``base``, and the region its phone number is read in."""
        data = replace(base, languages=list(base.languages))
        for name in ("given_name", "family_name", *_PERSON_TEXT):
            text = ctx.text(name)
            if text:
                setattr(data, name, text)
        data.email = data.email.lower()
        org_side = organization.side if isinstance(organization, Organization) else (
            organization.data.side if organization is not None else None)
        org_country = organization.country if isinstance(organization, Organization) else (
            organization.data.country if organization is not None else None)
        if category is not None:
            data.category = category
        elif new:
            known_side = side or org_side
            inferred = _CATEGORY_OF_SIDE.get(known_side) if known_side else None
            data.category = inferred or (
                Category.HOST if (country or org_country) == self.home else Category.DELEGATE)
        status = ctx.parse("status", lambda c: parse_choice(Status, c, _("status")), None)
        if status is not None:
            data.status = status
        languages = parse_languages(ctx.cell("languages"))
        if languages:
            data.languages = languages
        document_language = ctx.text("document_language").lower()
        if document_language:
            data.document_language = document_language[:2] if document_language[:2] in (
                "en", "fr") else document_language
        nationality = ctx.parse("nationality", parse_country, None)
        if nationality:
            data.nationality = nationality
        for name in ("passport_expiry", "date_of_birth"):
            day = ctx.parse(name, self._date, None)
            if day is not None:
                setattr(data, name, day)
        notes = ctx.text("notes", multiline=True)
        if notes:
            data.notes = notes
        phone = ctx.text("phone")
        if phone:
            data.phone = phone
        return data, country or org_country or data.nationality or self.home

    def write(self, rows: list[RowResult], tick: Callable[[], None]) -> None:
        created: list[Organization] = []
        for plan in (row.payload for row in rows):
            target = plan.organization
            if isinstance(target, _NewOrganization) and target.record is None:
                target.record = Organization(**{f.name: getattr(target.data, f.name)
                                                for f in fields(OrganizationInput)})
                created.append(target.record)
        self.session.add_all(created)
        self.session.flush()
        for start in range(0, len(rows), WRITE_BATCH):
            added = []
            for row in rows[start:start + WRITE_BATCH]:
                plan = row.payload
                values = {f.name: getattr(plan.data, f.name) for f in fields(PersonInput)}
                if isinstance(plan.organization, _NewOrganization):
                    assert plan.organization.record is not None
                    values["organization_id"] = plan.organization.record.id
                if plan.existing is None:
                    added.append(values)
                else:
                    for name, value in values.items():
                        setattr(plan.existing, name, value)
            if added:  # one multi-row INSERT (the ORM's bulk path) instead of 1,000 objects
                self.session.execute(insert(Person), added)
            self.session.flush()
            for _row in rows[start:start + WRITE_BATCH]:
                tick()
