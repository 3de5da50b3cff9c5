"""The People and Organizations tables (models over ids, see :mod:`desktop.ui.tablemodel`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side, Status, label
from desktop.db.models import Organization, Person
from desktop.i18n import _, current_language
from desktop.ui.tablemodel import Column, IndexRow, RecordTableModel, quick_fold
from desktop.validation import country_name, fold


def _code(column: Any) -> Any:
    return sa.type_coerce(column, sa.String)


def _label(enum_type: type[Any], value: Any) -> str:
    return label(enum_type(value)) if value is not None else ""


class PeopleModel(RecordTableModel):
    """Everyone on the roster: name, organisation, side, category, status, country, email.

    Facets for filters: ``side``, ``category``, ``status``, ``country`` (the organisation's),
    ``organization_id``.
    """

    columns = (
        Column("family_name", lambda: _("Family name"), 140),
        Column("given_name", lambda: _("Given name"), 120),
        Column("organization", lambda: _("Organisation"), 200),
        Column("category", lambda: _("Category"), 100),
        Column("status", lambda: _("Status"), 100),
        Column("country", lambda: _("Country"), 110),
        Column("email", lambda: _("Email"), 220),
    )

    def _query(self) -> Any:
        # Vocabulary columns are read as their stored codes: converting 10,000 of each into
        # enums would cost more than the whole query.
        return (select(Person.id, Person.family_name, Person.given_name, Organization.name,
                       _code(Person.category), _code(Person.status), Organization.country,
                       Person.email, Person.badge_name, Person.job_title,
                       _code(Organization.side), Person.organization_id)
                .outerjoin(Organization, Person.organization_id == Organization.id))

    def load_index(self, session: Session) -> list[IndexRow]:
        language = current_language()
        categories = {c.value: quick_fold(label(c)) for c in Category}
        statuses = {s.value: quick_fold(label(s)) for s in Status}
        countries: dict[str | None, str] = {}
        organizations: dict[str | None, str] = {None: ""}
        rows: list[IndexRow] = []
        append = rows.append
        for (pid, family, given, org, category, status, country, email, badge, job, side,
             org_id) in session.execute(self._query()):
            if country not in countries:
                countries[country] = quick_fold(country_name(country, language))
            if org not in organizations:
                organizations[org] = quick_fold(org)
            org_key = organizations[org]
            raw = f"{given} {family} {badge} {email} {job}"
            text = (raw.lower() if raw.isascii() else fold(raw)) + " " + org_key
            family_key = family.lower() if family.isascii() else fold(family)
            given_key = given.lower() if given.isascii() else fold(given)
            append(IndexRow(
                pid, text,
                ((family_key, given_key), (given_key, family_key), org_key,
                 categories[category], statuses[status], countries[country], email),
                {"side": side, "category": category, "status": status, "country": country,
                 "organization_id": org_id}))
        return rows

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        language = current_language()
        found = {}
        for (pid, family, given, org, category, status, country, email, *_rest) in \
                session.execute(self._query().where(Person.id.in_(ids))):
            found[pid] = (family, given, org or "", _label(Category, category),
                          _label(Status, status), country_name(country, language), email)
        return found


class OrganizationsModel(RecordTableModel):
    """Every organisation: name, side, country, city, sectors, how many people.

    Facets for filters: ``side``, ``country``.
    """

    columns = (
        Column("name", lambda: _("Name"), 240),
        Column("side", lambda: _("Side"), 110),
        Column("country", lambda: _("Country"), 120),
        Column("city", lambda: _("City"), 120),
        Column("sectors", lambda: _("Sectors"), 180),
        Column("people", lambda: _("People"), 70),
    )

    def _query(self) -> Any:
        people = (select(Person.organization_id, func.count().label("n"))
                  .group_by(Person.organization_id).subquery())
        return (select(Organization.id, Organization.name, _code(Organization.side),
                       Organization.country, Organization.city, Organization.sectors,
                       func.coalesce(people.c.n, 0))
                .outerjoin(people, people.c.organization_id == Organization.id))

    def load_index(self, session: Session) -> list[IndexRow]:
        language = current_language()
        sides = {s.value: quick_fold(label(s)) for s in Side}
        rows = []
        for oid, name, side, country, city, sectors, people in session.execute(self._query()):
            name_key, city_key = quick_fold(name), quick_fold(city)
            sectors_text = quick_fold(", ".join(sectors or []))
            text = " ".join((name_key, city_key, sectors_text))
            rows.append(IndexRow(
                oid, text,
                (name_key, sides[side], quick_fold(country_name(country, language)), city_key,
                 sectors_text, people),
                {"side": side, "country": country}))
        return rows

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        language = current_language()
        return {oid: (name, _label(Side, side), country_name(country, language), city,
                      ", ".join(sectors or []), people)
                for oid, name, side, country, city, sectors, people
                in session.execute(self._query().where(Organization.id.in_(ids)))}
