"""Programme sessions: plenaries, site visits, meals, B2B blocks... and who attends them.

Times are entered and stored as naive wall-clock times local to the session's venue (the
mission's home zone when there is no venue). Comparisons between sessions are made on UTC
instants, so that two venues in different zones still compare correctly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop import records
from desktop.dates import local_to_utc
from desktop.db.enums import Audience, Category, SessionKind, Side, Status
from desktop.db.models import (
    B2BSlot,
    Meeting,
    Mission,
    Organization,
    Person,
    ProgramSession,
    Room,
    Venue,
)
from desktop.errors import ConflictError, Problem
from desktop.i18n import _, current_language, format_date, ngettext, translate_in
from desktop.validation import Checker

Interval = tuple[datetime, datetime]


@dataclass
class ProgramSessionInput:
    title: str
    kind: SessionKind
    starts_at: datetime
    ends_at: datetime
    venue_id: int | None = None
    room_id: int | None = None
    audience: Audience = Audience.EVERYONE
    audience_category: Category | None = None
    audience_side: Side | None = None
    attendee_ids: list[int] = field(default_factory=list)
    title_fr: str = ""
    description: str = ""
    description_fr: str = ""
    slot_minutes: int | None = None
    notes: str = ""


def zone_of(session: Session, venue_id: int | None) -> str:
    """The zone a session's times are read in: its venue's, else the mission's home zone."""
    if venue_id is not None:
        zone = session.scalar(select(Venue.timezone).where(Venue.id == venue_id))
        if zone:
            return zone
    return session.scalar(select(Mission.home_timezone)) or "UTC"


def session_zone(session: Session, program_session: ProgramSession) -> str:
    return zone_of(session, program_session.venue_id)


def validate_program_session(session: Session, data: ProgramSessionInput,
                             existing_id: int | None = None) -> ProgramSessionInput:
    """The cleaned input, or a ValidationError naming every field at fault."""
    check = Checker()
    title = check.required("title", data.title, _("The title"), 200)
    title_fr = check.optional("title_fr", data.title_fr, _("The French title"), 200)
    try:
        kind = SessionKind(data.kind)
    except ValueError:
        check.error("kind", _("“{value}” is not a kind of session.").format(value=data.kind))
        kind = SessionKind.OTHER
    venue_id, room_id = data.venue_id, data.room_id
    if venue_id is not None and session.get(Venue, venue_id) is None:
        check.error("venue_id", _("This venue no longer exists."))
        venue_id = None
    if room_id is not None:
        room = session.get(Room, room_id)
        if room is None:
            check.error("room_id", _("This room no longer exists."))
        elif venue_id is None and check.ok("venue_id"):
            venue_id = room.venue_id
        elif room.venue_id != venue_id:
            check.error("room_id", _("The room “{room}” is not at this venue.")
                        .format(room=room.name))
    zone = zone_of(session, venue_id)
    starts_at = _local("starts_at", data.starts_at, zone, check)
    ends_at = _local("ends_at", data.ends_at, zone, check)
    if starts_at is not None and ends_at is not None and ends_at <= starts_at:
        check.error("ends_at", _("The session ends before it starts (or when it starts)."))
    audience, category, side, attendee_ids = _audience(session, data, check)
    check.positive("slot_minutes", data.slot_minutes, _("The slot length"))
    if existing_id is not None and starts_at is not None and ends_at is not None:
        _slots_still_fit(session, existing_id, starts_at, ends_at, check)
    check.raise_if_any()
    assert starts_at is not None and ends_at is not None
    return ProgramSessionInput(
        title=title, kind=kind, starts_at=starts_at, ends_at=ends_at, venue_id=venue_id,
        room_id=room_id, audience=audience, audience_category=category, audience_side=side,
        attendee_ids=attendee_ids, title_fr=title_fr, description=data.description.strip(),
        description_fr=data.description_fr.strip(), slot_minutes=data.slot_minutes,
        notes=data.notes.strip())


def _local(field_name: str, value: datetime | None, zone: str, check: Checker) -> datetime | None:
    """A naive wall-clock time in ``zone`` (an aware one is converted), checked to exist."""
    if not isinstance(value, datetime):
        check.error(field_name, _("A date and time is required."))
        return None
    if value.tzinfo is not None:
        from desktop.dates import utc_to_local

        value = utc_to_local(value, zone).replace(tzinfo=None)
    value = value.replace(second=0, microsecond=0)
    try:
        local_to_utc(value, zone)
    except ValueError as exc:
        check.error(field_name, str(exc))
    return value


def _audience(session: Session, data: ProgramSessionInput, check: Checker
              ) -> tuple[Audience, Category | None, Side | None, list[int]]:
    try:
        audience = Audience(data.audience)
    except ValueError:
        check.error("audience", _("“{value}” is not an audience.").format(value=data.audience))
        return Audience.EVERYONE, None, None, []
    category = side = None
    attendee_ids: list[int] = []
    if audience == Audience.CATEGORY:
        if data.audience_category is None:
            check.error("audience_category", _("Say which category of people attends."))
        else:
            try:
                category = Category(data.audience_category)
            except ValueError:
                check.error("audience_category", _("“{value}” is not a category.")
                            .format(value=data.audience_category))
    elif audience == Audience.SIDE:
        if data.audience_side is None:
            check.error("audience_side", _("Say which side attends."))
        else:
            try:
                side = Side(data.audience_side)
            except ValueError:
                check.error("audience_side", _("“{value}” is not a side.")
                            .format(value=data.audience_side))
    elif audience == Audience.LIST:
        attendee_ids = list(dict.fromkeys(data.attendee_ids))
        if not attendee_ids:
            check.error("attendee_ids", _("Name at least one person who attends."))
        else:
            known = set(session.scalars(select(Person.id).where(Person.id.in_(attendee_ids))))
            missing = [i for i in attendee_ids if i not in known]
            if missing:
                check.error("attendee_ids", ngettext(
                    "{n} of the people listed is no longer on the roster.",
                    "{n} of the people listed are no longer on the roster.",
                    len(missing)).format(n=len(missing)))
    return audience, category, side, attendee_ids


def _slots_still_fit(session: Session, block_id: int, starts_at: datetime, ends_at: datetime,
                     check: Checker) -> None:
    first, last = session.execute(select(func.min(B2BSlot.starts_at), func.max(B2BSlot.ends_at))
                                  .where(B2BSlot.session_id == block_id)).one()
    if first is not None and (first < starts_at or last > ends_at):
        check.error("starts_at", _("This block's meeting slots run from {start} to {end}; "
                                   "regenerate them before shortening the block.")
                    .format(start=first.strftime("%H:%M"), end=last.strftime("%H:%M")))


def program_session_warnings(session: Session, data: ProgramSessionInput) -> list[Problem]:
    """What is allowed but worth a second look: a session outside the mission's dates."""
    mission = session.scalars(select(Mission)).first()
    warnings: list[Problem] = []
    if mission is not None and (data.starts_at.date() < mission.start_date
                                or data.ends_at.date() > mission.end_date):
        warnings.append(Problem(
            _("“{title}” is outside the mission's dates ({start} to {end}).").format(
                title=data.title, start=format_date(mission.start_date),
                end=format_date(mission.end_date)),
            field="starts_at", severity="warning"))
    return warnings


def _apply(session: Session, program_session: ProgramSession,
           clean: ProgramSessionInput) -> None:
    for name in ("title", "kind", "starts_at", "ends_at", "venue_id", "room_id", "audience",
                 "audience_category", "audience_side", "title_fr", "description",
                 "description_fr", "slot_minutes", "notes"):
        setattr(program_session, name, getattr(clean, name))
    program_session.attendees = (list(session.scalars(select(Person).where(
        Person.id.in_(clean.attendee_ids)))) if clean.audience == Audience.LIST else [])


def add_program_session(session: Session, data: ProgramSessionInput) -> ProgramSession:
    clean = validate_program_session(session, data)
    program_session = ProgramSession()
    _apply(session, program_session, clean)
    session.add(program_session)
    session.flush()
    return program_session


def get_program_session(session: Session, session_id: int) -> ProgramSession:
    return records.fetch(session, ProgramSession, session_id,
                         _("This programme session no longer exists."))


def update_program_session(session: Session, session_id: int,
                           data: ProgramSessionInput) -> ProgramSession:
    program_session = get_program_session(session, session_id)
    clean = validate_program_session(session, data, existing_id=session_id)
    _apply(session, program_session, clean)
    session.flush()
    return program_session


def program_session_input(program_session: ProgramSession) -> ProgramSessionInput:
    return ProgramSessionInput(
        title=program_session.title, kind=program_session.kind,
        starts_at=program_session.starts_at, ends_at=program_session.ends_at,
        venue_id=program_session.venue_id, room_id=program_session.room_id,
        audience=program_session.audience,
        audience_category=program_session.audience_category,
        audience_side=program_session.audience_side,
        attendee_ids=[p.id for p in program_session.attendees],
        title_fr=program_session.title_fr, description=program_session.description,
        description_fr=program_session.description_fr,
        slot_minutes=program_session.slot_minutes, notes=program_session.notes)


def delete_program_session(session: Session, session_id: int) -> None:
    """Delete a session; a B2B block that still holds meetings is refused, so that no printed
    agenda loses meetings by a slip of the hand."""
    program_session = get_program_session(session, session_id)
    meetings = session.scalar(select(func.count()).select_from(Meeting).join(
        B2BSlot, Meeting.slot_id == B2BSlot.id).where(B2BSlot.session_id == session_id)) or 0
    if meetings:
        raise ConflictError(ngettext(
            "“{title}” holds {n} meeting; delete or move it first.",
            "“{title}” holds {n} meetings; delete or move them first.",
            meetings).format(title=program_session.title_in(current_language()), n=meetings))
    session.delete(program_session)
    session.flush()


def list_program_sessions(session: Session, *,
                          kind: SessionKind | None = None) -> Sequence[ProgramSession]:
    query = (select(ProgramSession).options(selectinload(ProgramSession.venue))
             .order_by(ProgramSession.starts_at, ProgramSession.id))
    if kind is not None:
        query = query.where(ProgramSession.kind == kind)
    return session.scalars(query).all()


def sessions_by_day(session: Session) -> dict[date, list[ProgramSession]]:
    """The programme day by day, each day's sessions in starting order."""
    days: dict[date, list[ProgramSession]] = defaultdict(list)
    for program_session in list_program_sessions(session):
        days[program_session.starts_at.date()].append(program_session)
    return dict(days)


# -- who attends ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Roster:
    """Every non-cancelled person with what an audience is decided on (loaded once)."""

    category: dict[int, Category]
    side: dict[int, Side | None]

    @classmethod
    def load(cls, session: Session) -> _Roster:
        rows = session.execute(select(Person.id, Person.category, Organization.side)
                               .outerjoin(Organization, Person.organization_id == Organization.id)
                               .where(Person.status != Status.CANCELLED)).all()
        return cls({r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows})

    def audience(self, program_session: ProgramSession) -> set[int]:
        audience = program_session.audience
        if audience == Audience.EVERYONE:
            return set(self.category)
        if audience == Audience.CATEGORY:
            return {p for p, c in self.category.items()
                    if c == program_session.audience_category}
        if audience == Audience.SIDE:
            return {p for p, s in self.side.items() if s == program_session.audience_side}
        return {p.id for p in program_session.attendees if p.id in self.category}


def attendee_ids(session: Session, sessions: Iterable[ProgramSession]) -> dict[int, set[int]]:
    """Who attends each session, by id (cancelled people attend nothing)."""
    roster = _Roster.load(session)
    return {s.id: roster.audience(s) for s in sessions}


def attendees_of(session: Session, program_session: ProgramSession) -> list[Person]:
    """Who attends: everyone (not cancelled), a category, a side (people of organisations on
    that side) or a list; by family then given name."""
    ids = attendee_ids(session, [program_session])[program_session.id]
    if not ids:
        return []
    return list(session.scalars(select(Person).where(Person.id.in_(ids))
                                .order_by(Person.family_name, Person.given_name, Person.id)))


def sessions_of_person(session: Session, person_id: int) -> list[ProgramSession]:
    """The person's programme in time order."""
    everything = list_program_sessions(session)
    who = attendee_ids(session, everything)
    return [s for s in everything if person_id in who[s.id]]


# -- clashes --------------------------------------------------------------------------------


def busy_intervals(session: Session, program_session: ProgramSession) -> list[Interval]:
    """When a session keeps its people busy, as UTC instants. A B2B block with slots is busy
    during its slots only, so a lunch in its pause is no clash."""
    zone = session_zone(session, program_session)
    local = ([(s.starts_at, s.ends_at) for s in program_session.slots]
             if program_session.kind == SessionKind.B2B_BLOCK and program_session.slots
             else [(program_session.starts_at, program_session.ends_at)])
    return [(_utc(a, zone), _utc(b, zone)) for a, b in local]


def _utc(local: datetime, zone: str) -> datetime:
    try:
        return local_to_utc(local, zone)
    except ValueError:  # refused on entry; a zone rule change must not break a listing
        return local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def intervals_overlap(first: list[Interval], second: list[Interval]) -> bool:
    return any(a0 < b1 and b0 < a1 for a0, a1 in first for b0, b1 in second)


@dataclass(frozen=True)
class SessionOverlap:
    """Two sessions at the same time that share people."""

    first: ProgramSession
    second: ProgramSession
    person_ids: frozenset[int]


@dataclass(frozen=True)
class PersonClash:
    """A person listed by name in two sessions held at the same time."""

    person: Person
    first: ProgramSession
    second: ProgramSession


def _timed(session: Session) -> list[tuple[ProgramSession, list[Interval]]]:
    timed = [(s, busy_intervals(session, s)) for s in list_program_sessions(session)]
    timed.sort(key=lambda item: min(a for a, _b in item[1]))
    return timed


def _overlapping_pairs(timed: list[tuple[ProgramSession, list[Interval]]]
                       ) -> Iterable[tuple[ProgramSession, ProgramSession]]:
    for i, (first, spans) in enumerate(timed):
        end = max(b for _a, b in spans)
        for second, other in timed[i + 1:]:
            if min(a for a, _b in other) >= end:
                break
            if intervals_overlap(spans, other):
                yield first, second


def overlapping_sessions(session: Session) -> list[SessionOverlap]:
    """Pairs of sessions overlapping in time whose audiences share at least one person (a B2B
    block during a site visit for the same people is a real clash; two parallel workshops for
    different people are not)."""
    timed = _timed(session)
    who = attendee_ids(session, [s for s, _spans in timed])
    found = []
    for first, second in _overlapping_pairs(timed):
        shared = who[first.id] & who[second.id]
        if shared:
            found.append(SessionOverlap(first, second, frozenset(shared)))
    return found


def people_in_two_places(session: Session) -> list[PersonClash]:
    """People named on the attendee lists of two sessions that overlap: their own programme
    sends them to two places at once."""
    timed = [(s, spans) for s, spans in _timed(session) if s.audience == Audience.LIST]
    found = []
    for first, second in _overlapping_pairs(timed):
        shared = {p.id for p in first.attendees} & {p.id for p in second.attendees}
        for person in sorted((p for p in first.attendees if p.id in shared),
                             key=lambda p: (p.family_name, p.given_name)):
            if person.status != Status.CANCELLED:
                found.append(PersonClash(person, first, second))
    return found


def where_held(item: ProgramSession, language: str | None = None) -> str:
    """Where a programme item (a B2B block too) is held: "venue, room", the venue alone, or
    "" when no venue is set; in ``language`` (a document's) or else the interface's."""
    if item.venue is None:
        return ""
    if item.room is None:
        return item.venue.name
    pattern = translate_in(language, "{venue}, {room}") if language else _("{venue}, {room}")
    return pattern.format(venue=item.venue.name, room=item.room.name)
