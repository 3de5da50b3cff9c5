"""The People and Organizations tables (models over ids, see :mod:`desktop.ui.tablemodel`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import sqlalchemy as sa
from PySide6.QtCore import QObject
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.db.enums import Category, Side, Status, label
from desktop.db.models import Organization, Person
from desktop.i18n import _, current_language
from desktop.ui.folding import fold_all, quick_fold
from desktop.ui.tablemodel import Column, IndexRow, RecordTableModel
from desktop.validation import country_name


def _code(column: Any) -> Any:
    return sa.type_coerce(column, sa.String)


def _label(enum_type: type[Any], value: Any) -> str:
    return label(enum_type(value)) if value is not None else ""


class PeopleModel(RecordTableModel):
    """Everyone on the roster: name, organisation, side, category, status, country, email.

    Facets for filters: ``side``, ``category``, ``status``, ``country`` (the organisation's),
    ``organization_id``.

    The whole roster is read with one plain query (and the organisations with another, as a
    small dict): cells are then formatted from memory, and search texts and sort keys are
    made for all rows at once the first time a filter or a sort asks for them.
    """

    columns = (
        Column("family_name", lambda: _("Family name"), 140),
        Column("given_name", lambda: _("Given name"), 120),
        Column("organization", lambda: _("Organisation"), 200),
        Column("category", lambda: _("Category"), 100),
        Column("status", lambda: _("Status"), 100),
        Column("country", lambda: _("Country"), 110),
        Column("email", lambda: _("Email"), 220, shown=False),
    )

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(session_factory, parent)
        self._people: list[tuple[Any, ...]] = []
        self._by_id: dict[int, tuple[Any, ...]] = {}
        # organisation id -> (name, country code, side code)
        self._organizations: dict[int | None, tuple[str, str | None, str | None]] = {}

    def read_index(self, session: Session) -> list[int]:
        # Plain columns of the tables, not ORM objects: vocabulary columns stay their stored
        # codes (turning 10,000 of them into enums costs more than the whole query).
        person, organization = Person.__table__.c, Organization.__table__.c
        self._organizations = {oid: (name, country, side) for oid, name, country, side in
                               plain_rows(session, select(organization.id, organization.name,
                                                          organization.country,
                                                          organization.side))}
        self._organizations[None] = ("", None, None)
        self._people = plain_rows(session, select(
            person.id, person.family_name, person.given_name, person.organization_id,
            person.category, person.status, person.email, person.badge_name,
            person.job_title).order_by(person.id))
        self._by_id = {row[0]: row for row in self._people}
        return [row[0] for row in self._people]

    def search_texts(self) -> list[str]:
        organizations = self._organizations
        return fold_all([f"{given} {family} {badge} {email} {job} {organizations[org][0]}"
                         for (_id, family, given, org, _c, _s, email, badge, job)
                         in self._people])

    def sort_keys(self, column: int) -> list[Any]:
        people, organizations = self._people, self._organizations
        if column in (0, 1):
            # One string per row ("family NUL given"), not a tuple: it sorts the same, and
            # strings are no work for the garbage collector.
            first, second = (1, 2) if column == 0 else (2, 1)
            return fold_all([f"{row[first]}\0{row[second]}" for row in people])
        if column == 2:
            names = {oid: quick_fold(org[0]) for oid, org in organizations.items()}
            return [names[row[3]] for row in people]
        if column in (3, 4):
            enum_type = Category if column == 3 else Status
            labels = {member.value: quick_fold(label(member)) for member in enum_type}
            return [labels[row[column + 1]] for row in people]
        if column == 5:
            language = current_language()
            countries = {oid: quick_fold(cached_country_name(org[1], language))
                         for oid, org in organizations.items()}
            return [countries[row[3]] for row in people]
        return [row[6] for row in people]

    def facet_values(self, name: str) -> list[Any]:
        people, organizations = self._people, self._organizations
        if name == "category":
            return [row[4] for row in people]
        if name == "status":
            return [row[5] for row in people]
        if name == "organization_id":
            return [row[3] for row in people]
        if name == "country":
            return [organizations[row[3]][1] for row in people]
        if name == "side":
            return [organizations[row[3]][2] for row in people]
        return [None] * len(people)

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        language = current_language()
        found = {}
        for pid in ids:
            row = self._by_id.get(pid)
            if row is None:
                continue
            _id, family, given, org, category, status, email, *_rest = row
            name, country, _side = self._organizations.get(org, ("", None, None))
            found[pid] = (family, given, name, _label(Category, category),
                          _label(Status, status), cached_country_name(country, language),
                          email)
        return found


def plain_rows(session: Session, statement: sa.Select[Any]) -> list[tuple[Any, ...]]:
    """The rows of a Core ``statement`` over plain columns, as the database driver returns
    them: no result objects, no type conversion (stored codes stay codes)."""
    connection = session.connection()
    sql = str(statement.compile(dialect=connection.dialect))
    driver = connection.connection.driver_connection
    assert driver is not None
    return list(driver.execute(sql).fetchall())


@cache
def cached_country_name(code: str | None, language: str) -> str:
    """A country's name, remembered: the tables ask for the same few countries again and
    again."""
    return country_name(code, language)


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
                (name_key, sides[side], quick_fold(cached_country_name(country, language)),
                 city_key, sectors_text, people),
                {"side": side, "country": country}))
        return rows

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        language = current_language()
        return {oid: (name, _label(Side, side), cached_country_name(country, language), city,
                      ", ".join(sectors or []), people)
                for oid, name, side, country, city, sectors, people
                in session.execute(self._query().where(Organization.id.in_(ids)))}
