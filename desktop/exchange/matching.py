"""Finding the person a row of a travel or B2B list names.

People are matched as the roster does it: by email first, else by name, narrowed by the
organisation when the file gives one. Names come as the file writes them: two columns, or one
cell such as ``Daniel Price``, ``PRICE/DANIEL MR`` (as airline manifests print them) or
``Price, Daniel`` (as rooming lists do). Everyone is loaded once and indexed, so a row costs
no query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Organization, Person
from desktop.exchange.importer import RowContext
from desktop.i18n import _
from desktop.validation import fold

_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mstr", "dr", "prof", "sir", "m", "mme",
                     "mlle", "monsieur", "madame", "mademoiselle", "pr"})
_IDENTITY_KEYS = ("person", "family_name", "given_name", "email")


@dataclass(frozen=True)
class PersonRef:
    """A person of the roster, as much as a row needs to know."""

    id: int
    full_name: str
    organization: str  # the organisation's name, "" without one


def name_key(text: str) -> tuple[str, ...]:
    """The words of a name, folded and sorted, titles dropped: the same for ``Daniel Price``,
    ``PRICE/DANIEL MR`` and ``Price, Daniel``."""
    words = [w for w in re.split(r"[^0-9a-z]+", fold(text)) if w]
    while len(words) > 2 and words[0] in _TITLES:
        words.pop(0)
    while len(words) > 2 and words[-1] in _TITLES:
        words.pop()
    return tuple(sorted(words))


class PersonFinder:
    """The roster, indexed by email, by name and by family name."""

    def __init__(self, session: Session) -> None:
        query = (select(Person.id, Person.given_name, Person.family_name, Person.email,
                        Organization.name)
                 .outerjoin(Organization, Person.organization_id == Organization.id)
                 .order_by(Person.id))
        self.by_email: dict[str, PersonRef] = {}
        self.by_name: dict[tuple[str, ...], list[PersonRef]] = {}
        self.by_family: dict[tuple[str, ...], list[PersonRef]] = {}
        for person_id, given, family, email, organization in session.execute(query):
            ref = PersonRef(person_id, f"{given} {family}", organization or "")
            if email:
                self.by_email.setdefault(email.lower(), ref)
            self.by_name.setdefault(name_key(f"{given} {family}"), []).append(ref)
            self.by_family.setdefault(name_key(family), []).append(ref)

    def find(self, text: str, organization: str = "") -> tuple[PersonRef | None, str]:
        """The person an email or a name means, else ``None`` and why, in words."""
        text = text.strip()
        if "@" in text:
            found = self.by_email.get(text.lower())
            if found is None:
                return None, _("No one on the roster has the email {email}; add them to the "
                               "roster first (import people), or correct the email.").format(
                    email=text)
            return found, ""
        key = name_key(text)
        candidates = self.by_name.get(key, [])
        if not candidates and len(key) == 1:
            candidates = self.by_family.get(key, [])
        if not candidates:
            return None, _("No one called “{name}” is on the roster; add them first (import "
                           "people), or correct the name.").format(name=text)
        if organization:
            wanted = fold(organization)
            narrowed = [c for c in candidates if fold(c.organization) == wanted]
            if not narrowed:
                return None, _("“{name}” is on the roster, but not with {organization}.").format(
                    name=text, organization=organization)
            candidates = narrowed
        if len(candidates) > 1:
            return None, _("{n} people on the roster are called “{name}”; add an Email or "
                           "Organisation column to tell them apart.").format(
                n=len(candidates), name=text)
        return candidates[0], ""

    def names_anyone(self, ctx: RowContext) -> bool:
        """True when the row has something in one of its person columns."""
        return any(ctx.text(key) for key in _IDENTITY_KEYS)

    def person(self, ctx: RowContext) -> PersonRef | None:
        """The person a row names (by its email, else its name columns); a row problem and
        ``None`` when it names nobody known."""
        email = ctx.text("email")
        person_text = ctx.text("person")
        name = " ".join(t for t in (ctx.text("given_name"), ctx.text("family_name")) if t)
        name = name or person_text
        column = next((k for k in _IDENTITY_KEYS if ctx.has(k)), None)
        if not email and not name:
            ctx.fail(column, _("This row names nobody: give the person's email or name."))
            return None
        if email:
            found, why = self.find(email)
            if found is not None or not name:
                if found is None:
                    ctx.fail("email", why)
                return found
        found, why = self.find(name, ctx.text("organization"))
        if found is None:
            ctx.fail(next((k for k in _IDENTITY_KEYS[:3] if ctx.text(k)), column), why)
        return found
