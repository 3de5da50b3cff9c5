"""Importing meeting requests: who wants to meet whom, from a wish-list sheet.

Each side is an organisation of the mission (its whole team meets) or one person, named as
the file writes it; an organisation's name wins over a person's. They become B2B participants
when the requests are written. A request the mission already has for the same pair is updated
or unchanged, never doubled; a blank priority, status or note keeps what it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.b2b.requests import (
    PRIORITIES,
    RequestInput,
    add_request,
    update_request,
    validate_request,
)
from desktop.b2b.setup import ensure_participant
from desktop.db.enums import RequestStatus
from desktop.db.models import B2BParticipant, MeetingRequest, Organization
from desktop.errors import Problem, ValidationError
from desktop.exchange.fields import Kind, spec
from desktop.exchange.importer import Outcome, RowContext, RowResult
from desktop.exchange.mapping import Mapping
from desktop.exchange.matching import PersonFinder
from desktop.exchange.sources import Cell, Source
from desktop.exchange.values import cell_text, parse_choice
from desktop.i18n import _
from desktop.validation import fold

_PRIORITY_WORDS = {
    1: ("high", "highest", "haute", "haut", "elevee", "eleve", "forte", "fort", "top",
        "priorite haute", "must", "essential", "essentielle", "1 high", "1 haute"),
    2: ("medium", "normal", "normale", "moyenne", "moyen", "average", "2 medium", "2 moyenne"),
    3: ("low", "lowest", "basse", "bas", "faible", "nice to have", "optional", "optionnelle",
        "3 low", "3 basse"),
}
_WORD_PRIORITY = {word: number for number, words in _PRIORITY_WORDS.items() for word in words}
_COMPARED = ("priority", "status", "note")


def parse_priority(cell: Cell) -> int | None:
    """1, 2 or 3 from a number or from ``high``/``haute``, ``medium``/``moyenne``,
    ``low``/``basse``; ``None`` for an empty cell."""
    text = cell_text(cell)
    if not text:
        return None
    words = " ".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())
    if words.isdigit() and int(words) in PRIORITIES:
        return int(words)
    if words in _WORD_PRIORITY:
        return _WORD_PRIORITY[words]
    raise ValueError(_("“{value}” is not a priority; write 1 (high), 2 (medium) or 3 (low)."
                       ).format(value=text))


@dataclass(frozen=True)
class Party:
    """One side of a request: an organisation or a person of the roster."""

    organization_id: int | None
    person_id: int | None
    name: str


class RequestImporter:
    """Requests between organisations and people; the same pair twice is one request."""

    def __init__(self, session: Session, mapping: Mapping, source: Source) -> None:
        self.session = session
        self.people = PersonFinder(session)
        self.organizations = {fold(o.name): o for o in session.scalars(select(Organization))}
        self.participants: dict[tuple[int | None, int | None], int] = {
            (p.organization_id, p.person_id): p.id
            for p in session.scalars(select(B2BParticipant))}
        self.requests: dict[tuple[int, int], MeetingRequest] = {
            (r.requester_id, r.target_id): r for r in session.scalars(select(MeetingRequest))}
        self.seen: dict[tuple[Party, Party], int] = {}

    def notes(self) -> list[Problem]:
        return []

    def check(self, ctx: RowContext) -> RowResult:
        requester = self._party(ctx, "requester")
        target = self._party(ctx, "target")
        priority = ctx.parse("priority", parse_priority, None)
        status = ctx.parse("status", lambda c: parse_choice(RequestStatus, c,
                                                            _("request status")), None)
        note = ctx.text("note", multiline=True)
        label = _("{requester} → {target}").format(
            requester=requester.name if requester else ctx.text("requester"),
            target=target.name if target else ctx.text("target"))
        if requester is not None and requester == target:
            ctx.fail("target", _("{name} cannot ask to meet itself.").format(
                name=requester.name))
        if ctx.problems or requester is None or target is None:
            return RowResult(ctx.number, Outcome.REJECTED, label=label, problems=ctx.problems)
        pair = (requester, target)
        if pair in self.seen:
            ctx.fail("target", _("Row {row} already asks for this meeting; keep one of the two "
                                 "rows.").format(row=self.seen[pair]))
            return RowResult(ctx.number, Outcome.REJECTED, label=label, problems=ctx.problems)
        self.seen[pair] = ctx.number
        requester_id = self._participant(requester)
        target_id = self._participant(target)
        existing = self.requests.get((requester_id, target_id)) \
            if requester_id and target_id else None
        data = RequestInput(
            requester_id=requester_id or 0, target_id=target_id or 0,
            priority=priority or (existing.priority if existing else 2),
            status=status or (existing.status if existing else RequestStatus.REQUESTED),
            note=note or (existing.note if existing else ""))
        if requester_id and target_id:
            try:
                data = validate_request(self.session, data,
                                        existing_id=existing.id if existing else None)
            except ValidationError as error:
                ctx.take_validation(error, {"requester_id": "requester",
                                            "target_id": "target"})
                return RowResult(ctx.number, Outcome.REJECTED, label=label,
                                 problems=ctx.problems)
        payload = (existing.id if existing else None, requester, target, data)
        if existing is None:
            return RowResult(ctx.number, Outcome.ADDED, label=label, payload=payload)
        changed = [n for n in _COMPARED if getattr(existing, n) != getattr(data, n)]
        return RowResult(ctx.number, Outcome.UPDATED if changed else Outcome.UNCHANGED,
                         label=label, payload=payload,
                         changes=[spec(Kind.MEETING_REQUESTS, n).title for n in changed])

    def _party(self, ctx: RowContext, key: str) -> Party | None:
        text = ctx.text(key)
        if not text:
            ctx.fail(key, _("{field} is required.").format(
                field=spec(Kind.MEETING_REQUESTS, key).title))
            return None
        organization = self.organizations.get(fold(text))
        if organization is not None:
            return Party(organization.id, None, organization.name)
        person, _why = self.people.find(text)
        if person is not None:
            return Party(None, person.id, person.full_name)
        ctx.fail(key, _("“{name}” is neither an organisation nor a person of the mission; add "
                        "it first (import organisations or people), or correct the name.")
                 .format(name=text))
        return None

    def _participant(self, party: Party) -> int | None:
        return self.participants.get((party.organization_id, party.person_id))

    def write(self, rows: list[RowResult], tick: Callable[[], None]) -> None:
        for row in rows:
            existing_id, requester, target, data = row.payload
            requester_id = ensure_participant(
                self.session, organization_id=requester.organization_id,
                person_id=requester.person_id).id
            target_id = ensure_participant(
                self.session, organization_id=target.organization_id,
                person_id=target.person_id).id
            clean = RequestInput(requester_id=requester_id, target_id=target_id,
                                 priority=data.priority, status=data.status, note=data.note)
            if existing_id is None:
                add_request(self.session, clean)
            else:
                update_request(self.session, existing_id, clean)
            tick()
