"""Who a batch of documents is for: everyone confirmed, a category, a selection, one person."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.db.enums import Category, Status
from desktop.db.models import Person
from desktop.errors import NotFoundError, UsageError
from desktop.i18n import _
from desktop.roster.people import PeopleFilter, list_people
from desktop.validation import fold

SORTS = ("name", "organization")


@dataclass(frozen=True)
class Selection:
    """Which people, in which order.

    Named people (``person_ids``) are taken whatever their status; otherwise everyone
    confirmed (of ``category`` when given). Sorted by family then given name, or by
    organisation then name.
    """

    person_ids: tuple[int, ...] = ()
    category: Category | None = None
    sort: str = "name"

    def __post_init__(self) -> None:
        if self.person_ids and self.category is not None:
            # Named people are taken whatever their category: one of the two would be ignored.
            raise UsageError(_("Choose people by name or by category, not both."))


def choose_people(session: Session, selection: Selection) -> list[Person]:
    """The people ``selection`` names, in its order; raises when a named person is unknown."""
    if selection.sort not in SORTS:
        raise UsageError(_("Sort by name or by organization, not “{value}”.")
                         .format(value=selection.sort))
    people: Sequence[Person]
    if selection.person_ids:
        found = session.scalars(select(Person).options(selectinload(Person.organization))
                                .where(Person.id.in_(selection.person_ids))).all()
        missing = set(selection.person_ids) - {p.id for p in found}
        if missing:
            raise NotFoundError(_("No person with the number {id} on the roster.")
                                .format(id=min(missing)))
        people = found
    else:
        people = list_people(session, PeopleFilter(category=selection.category,
                                                   status=Status.CONFIRMED))
    return sorted(people, key=_sort_key(selection.sort))


def _sort_key(sort: str) -> Callable[[Person], tuple[str | int, ...]]:
    def by_name(person: Person) -> tuple[str, str, int]:
        return fold(person.family_name), fold(person.given_name), person.id

    def by_organization(person: Person) -> tuple[str, str, str, int]:
        organization = person.organization.name if person.organization else "\uffff"
        return (fold(organization), *by_name(person))

    return by_organization if sort == "organization" else by_name
