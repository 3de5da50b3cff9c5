"""Setting up B2B meetings: slots of a block, tables, participants, interpreters, availability.

A B2B block is a programme session of kind ``b2b_block``; its slots and tables belong to it.
A participant is an organisation's team or one person. Who cannot meet when is partly set by
hand (:class:`~desktop.db.models.ParticipantUnavailability`) and partly *derived*: the slots
during other programme sessions its people attend (a site visit), and the slots before its
people land in the host country or after they leave it. A team is available when at least one
of its confirmed people is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop import records
from desktop.dates import local_to_utc, utc_to_local
from desktop.db.enums import Category, SessionKind, Side, Status
from desktop.db.models import (
    Airport,
    B2BParticipant,
    B2BSlot,
    B2BTable,
    FlightSegment,
    Interpreter,
    InterpreterUnavailability,
    Meeting,
    Mission,
    Organization,
    ParticipantUnavailability,
    Person,
    ProgramSession,
    Room,
)
from desktop.errors import ConflictError, NotFoundError, ValidationError
from desktop.i18n import _, current_language, format_date, format_time, ngettext
from desktop.validation import Checker, clean_text, fold

DEFAULT_PAUSES: tuple[tuple[time, time], ...] = ((time(12, 40), time(14, 0)),)
# Landing, immigration and the drive in; check-in for an international flight and the drive out.
ARRIVAL_MARGIN = timedelta(minutes=90)
DEPARTURE_MARGIN = timedelta(hours=3)


# -- blocks and slots -----------------------------------------------------------------------


def get_block(session: Session, block_id: int) -> ProgramSession:
    block = session.get(ProgramSession, block_id)
    if block is None:
        raise NotFoundError(_("This B2B block no longer exists."))
    if block.kind != SessionKind.B2B_BLOCK:
        raise ValidationError(_("“{title}” is not a B2B block.").format(
            title=block.title_in(current_language())),
                              field="block_id")
    return block


def table_label(name: str, language: str | None = None) -> str:
    """``Table 12`` / ``Table T1`` for a table named ``12`` / ``T1``; ``Table 3`` as it is."""
    if name.strip().casefold().startswith("table"):
        return name
    from desktop.i18n import translate_in

    template = translate_in(language, "Table {name}") if language else _("Table {name}")
    return template.format(name=name)


def slot_label(slot: B2BSlot) -> str:
    """How a slot is named in messages: its day and starting time."""
    return _("{day} at {time}").format(day=format_date(slot.starts_at.date()),
                                       time=format_time(slot.starts_at))


def block_zone(session: Session, block: ProgramSession) -> str:
    from desktop.program.sessions import session_zone

    return session_zone(session, block)


def meetings_in_block(session: Session, block_id: int) -> int:
    return session.scalar(select(func.count()).select_from(Meeting).join(
        B2BSlot, Meeting.slot_id == B2BSlot.id).where(B2BSlot.session_id == block_id)) or 0


def generate_slots(session: Session, block_id: int, slot_minutes: int,
                   pauses: Iterable[tuple[time, time]] = DEFAULT_PAUSES) -> list[B2BSlot]:
    """Cut the block into slots (see :func:`plan_slots`), replacing the ones it had.
    Refused while meetings are held in the block's current slots."""
    block = get_block(session, block_id)
    planned = plan_slots(block, slot_minutes, pauses)
    check_no_meetings(session, block)
    for old in list(block.slots):
        session.delete(old)
    session.flush()
    block.slot_minutes = slot_minutes
    slots = [B2BSlot(session_id=block.id, starts_at=a, ends_at=b, part=label)
             for a, b, label in planned]
    session.add_all(slots)
    session.flush()
    session.refresh(block)
    return slots


def check_no_meetings(session: Session, block: ProgramSession) -> None:
    """Refuse to cut new slots while the block's current slots hold meetings."""
    held = meetings_in_block(session, block.id)
    if held:
        raise ConflictError(ngettext(
            "“{title}” already holds {n} meeting; delete it before cutting new slots.",
            "“{title}” already holds {n} meetings; delete them before cutting new slots.",
            held).format(title=block.title_in(current_language()), n=held))


def plan_slots(block: ProgramSession, slot_minutes: int | None,
               pauses: Iterable[tuple[time, time]] = DEFAULT_PAUSES
               ) -> list[tuple[datetime, datetime, str]]:
    """The slots of ``slot_minutes`` the block would be cut into, skipping the pauses (a slot
    never runs into one), as (start, end, part). Slots before the longest pause (lunch; the
    first of equals) are "am", after it "pm"; a coffee break does not start a session.
    Without a pause every slot is "am"."""
    check = Checker()
    if slot_minutes is None or slot_minutes <= 0:
        check.error("slot_minutes", _("The slot length must be more than zero."))
    if block.starts_at.date() != block.ends_at.date():
        check.error("block_id", _("A B2B block starts and ends on the same day; make one "
                                  "block per day."))
    ordered = sorted(pauses)
    for start, end in ordered:
        if end <= start:
            check.error("pauses", _("The pause from {start} to {end} ends before it starts.")
                        .format(start=start.strftime("%H:%M"), end=end.strftime("%H:%M")))
    check.raise_if_any()
    assert slot_minutes is not None
    day = block.starts_at.date()
    windows = [(datetime.combine(day, a), datetime.combine(day, b)) for a, b in ordered]
    length = timedelta(minutes=slot_minutes)
    lunch = max(windows, key=lambda w: w[1] - w[0], default=None)
    planned: list[tuple[datetime, datetime, str]] = []
    cursor = block.starts_at
    while cursor + length <= block.ends_at:
        clash = next(((a, b) for a, b in windows if cursor < b and a < cursor + length), None)
        if clash is not None:
            cursor = max(cursor, clash[1])
            continue
        after_lunch = lunch is not None and cursor >= lunch[1]
        planned.append((cursor, cursor + length, "pm" if after_lunch else "am"))
        cursor += length
    if not planned:
        raise ValidationError(_("No {n}-minute slot fits in “{title}” between its start, its "
                                "end and its pauses.").format(
                                    n=slot_minutes, title=block.title_in(current_language())),
                              field="slot_minutes")
    return planned


def list_slots(session: Session, block_id: int | None = None) -> Sequence[B2BSlot]:
    """Slots in time order: of one block, or of every B2B block."""
    query = select(B2BSlot).order_by(B2BSlot.starts_at, B2BSlot.session_id, B2BSlot.id)
    if block_id is not None:
        query = query.where(B2BSlot.session_id == block_id)
    return session.scalars(query).all()


def get_slot(session: Session, slot_id: int) -> B2BSlot:
    return records.fetch(session, B2BSlot, slot_id, _("This meeting slot no longer exists."))


# -- tables ---------------------------------------------------------------------------------


def set_tables(session: Session, block_id: int, tables: int | Sequence[str], *,
               room_id: int | None = None) -> list[B2BTable]:
    """Give the block ``tables`` tables (a count: T1, T2...; or names). Tables that keep their
    name keep their host and meetings; a table to be removed that holds meetings is refused."""
    block = get_block(session, block_id)
    check = Checker()
    if isinstance(tables, int):
        names = [f"T{n + 1}" for n in range(tables)]
        if tables <= 0:
            check.error("tables", _("A block needs at least one table."))
    else:
        names = [clean_text(n) for n in tables]
        if not names:
            check.error("tables", _("A block needs at least one table."))
        for name in names:
            if not name:
                check.error("tables", _("A table needs a name."))
            elif len(name) > 40:
                check.error("tables", _("The table name “{name}” is too long (at most 40 "
                                        "characters).").format(name=name))
        seen: set[str] = set()
        for name in names:
            if name.casefold() in seen:
                check.error("tables", _("The table name “{name}” is given twice.")
                            .format(name=name))
            seen.add(name.casefold())
    if room_id is not None:
        room = session.get(Room, room_id)
        if room is None:
            check.error("room_id", _("This room no longer exists."))
        elif block.venue_id is not None and room.venue_id != block.venue_id:
            check.error("room_id", _("The room “{room}” is not at the block's venue.")
                        .format(room=room.name))
    check.raise_if_any()
    existing = {t.name: t for t in block.tables}
    for name, table in existing.items():
        if name not in names:
            used = session.scalar(select(func.count()).where(Meeting.table_id == table.id)) or 0
            if used:
                raise ConflictError(ngettext(
                    "{table} holds {n} meeting; move it before removing the table.",
                    "{table} holds {n} meetings; move them before removing the table.",
                    used).format(table=table_label(name), n=used))
    for name, table in existing.items():
        if name not in names:
            session.delete(table)
    session.flush()
    result = []
    for position, name in enumerate(names):
        table = existing.get(name) or B2BTable(session_id=block.id, name=name)
        table.position = position
        if room_id is not None or table.id is None:
            table.room_id = room_id
        session.add(table)
        result.append(table)
    session.flush()
    session.refresh(block)
    return result


def list_tables(session: Session, block_id: int) -> Sequence[B2BTable]:
    return session.scalars(select(B2BTable).where(B2BTable.session_id == block_id)
                           .order_by(B2BTable.position, B2BTable.name)).all()


def get_table(session: Session, table_id: int) -> B2BTable:
    return records.fetch(session, B2BTable, table_id, _("This table no longer exists."))


def assign_table(session: Session, table_id: int, participant_id: int | None) -> B2BTable:
    """Seat a participant (a host, usually) at one table for the whole block, or free the
    table (``None``). Their previous table in the block is freed. Refused if the table is
    someone else's or if they already meet at other tables of the block."""
    table = get_table(session, table_id)
    if participant_id is None:
        table.participant_id = None
        session.flush()
        return table
    participant = get_participant(session, participant_id)
    if table.participant_id not in (None, participant_id):
        holder = get_participant(session, table.participant_id)
        raise ConflictError(_("{table} is already kept by {holder}; free it first.")
                            .format(table=table_label(table.name), holder=holder.name))
    elsewhere = session.scalar(
        select(func.count()).select_from(Meeting).join(B2BTable, Meeting.table_id == B2BTable.id)
        .where(B2BTable.session_id == table.session_id, Meeting.table_id != table.id,
               (Meeting.participant_a_id == participant_id)
               | (Meeting.participant_b_id == participant_id))) or 0
    if elsewhere:
        raise ConflictError(ngettext(
            "{name} already has {n} meeting at another table of this block; move it to "
            "table {table} first.",
            "{name} already has {n} meetings at other tables of this block; move them to "
            "table {table} first.", elsewhere).format(name=participant.name, n=elsewhere,
                                                      table=table.name))
    for other in session.scalars(select(B2BTable).where(
            B2BTable.session_id == table.session_id, B2BTable.participant_id == participant_id,
            B2BTable.id != table.id)):
        other.participant_id = None
    table.participant_id = participant_id
    session.flush()
    return table


def fixed_table(session: Session, participant_id: int, block_id: int) -> B2BTable | None:
    """The table a participant keeps all through the block, if any."""
    return session.scalars(select(B2BTable).where(
        B2BTable.session_id == block_id, B2BTable.participant_id == participant_id)).first()


# -- participants ---------------------------------------------------------------------------


def ensure_participant(session: Session, *, organization_id: int | None = None,
                       person_id: int | None = None) -> B2BParticipant:
    """The B2B participant of an organisation's team or of one person, made if needed."""
    if (organization_id is None) == (person_id is None):
        raise ValidationError(_("A B2B participant is either an organisation or a person."),
                              field="organization_id")
    if organization_id is not None:
        if session.get(Organization, organization_id) is None:
            raise NotFoundError(_("This organisation no longer exists."))
        found = session.scalar(select(B2BParticipant).where(
            B2BParticipant.organization_id == organization_id))
    else:
        if session.get(Person, person_id) is None:
            raise NotFoundError(_("This person is no longer on the roster."))
        found = session.scalar(select(B2BParticipant).where(
            B2BParticipant.person_id == person_id))
    if found is not None:
        return found
    participant = B2BParticipant(organization_id=organization_id, person_id=person_id)
    session.add(participant)
    session.flush()
    return participant


def get_participant(session: Session, participant_id: int) -> B2BParticipant:
    return records.fetch(session, B2BParticipant, participant_id,
                         _("This B2B participant no longer exists."))


def update_participant(session: Session, participant_id: int, *, max_meetings: int | None,
                       notes: str = "") -> B2BParticipant:
    participant = get_participant(session, participant_id)
    if max_meetings is not None and max_meetings < 0:
        raise ValidationError(_("The most meetings cannot be negative."), field="max_meetings")
    participant.max_meetings = max_meetings
    participant.notes = notes.strip()
    session.flush()
    return participant


def delete_participant(session: Session, participant_id: int) -> None:
    """Remove from B2B with its requests, meetings and table seat (the roster is untouched)."""
    session.delete(get_participant(session, participant_id))
    session.flush()


def list_participants(session: Session, side: Side | None = None) -> list[B2BParticipant]:
    """Participants by name; ``side`` keeps one side (see :func:`participant_side`)."""
    found = sorted(session.scalars(select(B2BParticipant)),
                   key=lambda p: (fold(p.name), p.id))
    return [p for p in found if side is None or participant_side(p) == side]


def participant_name(session: Session, participant_id: int) -> str:
    return get_participant(session, participant_id).name


def participant_side(participant: B2BParticipant) -> Side | None:
    """The side a participant meets for: its organisation's, else the person's."""
    if participant.organization is not None:
        return participant.organization.side
    person = participant.person
    if person is None:
        return None
    if person.organization is not None:
        return person.organization.side
    return {Category.DELEGATE: Side.DELEGATION, Category.HOST: Side.HOST}.get(person.category)


def _confirmed_people(*where: Any) -> Select[Person]:
    """Confirmed people (of organisations: ``where``), in the order meetings list them."""
    return select(Person).where(Person.status == Status.CONFIRMED, *where).order_by(
        Person.family_name, Person.given_name)


def participant_people(session: Session, participant: B2BParticipant) -> list[Person]:
    """Who sits at a participant's meetings: the organisation's confirmed people, or the
    person."""
    if participant.person is not None:
        return [participant.person]
    return list(session.scalars(_confirmed_people(
        Person.organization_id == participant.organization_id)))


def people_by_participant(session: Session, ids: Iterable[int] | None = None
                          ) -> dict[int, list[Person]]:
    """:func:`participant_people` of every participant (or of those ``ids``), in three
    queries rather than one per participant (a forum's export reads them all)."""
    chosen = None if ids is None else set(ids)
    wanted = _few(chosen)
    query = select(B2BParticipant)
    if wanted is not None:
        query = query.where(B2BParticipant.id.in_(wanted))
    participants = [p for p in session.scalars(query) if chosen is None or p.id in chosen]
    if wanted is not None:  # a few participants: name their people
        persons_filter = Person.id.in_([p.person_id for p in participants
                                        if p.person_id is not None])
        members_filter = Person.organization_id.in_([p.organization_id for p in participants
                                                     if p.organization_id is not None])
    else:
        persons_filter = Person.id.in_(select(B2BParticipant.person_id).where(
            B2BParticipant.person_id.is_not(None)))
        members_filter = Person.organization_id.is_not(None)
    persons = {p.id: p for p in session.scalars(select(Person).where(persons_filter))}
    confirmed: dict[int, list[Person]] = {}
    for person in session.scalars(_confirmed_people(members_filter)):
        confirmed.setdefault(person.organization_id, []).append(person)  # type: ignore[arg-type]
    return {p.id: [persons[p.person_id]] if p.person_id is not None
            else confirmed.get(p.organization_id or 0, []) for p in participants}


def participant_languages(session: Session, participant_id: int) -> list[str]:
    """The languages the participant's people speak between them (empty: not known)."""
    return languages_of(participant_people(session, get_participant(session, participant_id)))


def languages_of(people: Iterable[Person]) -> list[str]:
    """The languages some of ``people`` speak, each once, in the order first met."""
    languages: list[str] = []
    for person in people:
        languages.extend(code for code in person.languages if code not in languages)
    return languages


# -- availability ---------------------------------------------------------------------------


def set_unavailable(session: Session, participant_id: int, slot_id: int,
                    reason: str = "") -> ParticipantUnavailability:
    """Mark a slot in which the participant cannot meet (kept with the reason given)."""
    get_participant(session, participant_id)
    get_slot(session, slot_id)
    row = session.get(ParticipantUnavailability, (participant_id, slot_id))
    if row is None:
        row = ParticipantUnavailability(participant_id=participant_id, slot_id=slot_id)
        session.add(row)
    row.reason = clean_text(reason)[:200]
    session.flush()
    return row


def clear_unavailable(session: Session, participant_id: int, slot_id: int) -> None:
    row = session.get(ParticipantUnavailability, (participant_id, slot_id))
    if row is not None:
        session.delete(row)
        session.flush()


@dataclass(frozen=True)
class _Stay:
    """When a person is in the host country, from their flights (UTC instants)."""

    lands: datetime | None = None
    landing: FlightSegment | None = None
    leaves: datetime | None = None
    leaving: FlightSegment | None = None


@dataclass
class _Context:
    """Everything availability is derived from, loaded once for many participants."""

    slots: list[tuple[B2BSlot, datetime, datetime]]  # slot with its UTC start and end
    busy: dict[int, list[tuple[datetime, datetime, str]]]  # person -> sessions attended
    stays: dict[int, _Stay]
    explicit: dict[int, dict[int, str]] = field(default_factory=dict)


def _context(session: Session) -> _Context:
    from desktop.program.sessions import attendee_ids, busy_intervals, list_program_sessions

    mission = session.scalars(select(Mission)).first()
    home = mission.home_country if mission else ""
    sessions = list_program_sessions(session)
    zones: dict[int, str] = {}
    slots = []
    for block in sessions:
        if block.kind != SessionKind.B2B_BLOCK:
            continue
        zones[block.id] = block_zone(session, block)
        for slot in block.slots:
            slots.append((slot, local_to_utc(slot.starts_at, zones[block.id]),
                          local_to_utc(slot.ends_at, zones[block.id])))
    slots.sort(key=lambda item: (item[1], item[0].id))
    others = [s for s in sessions if s.kind != SessionKind.B2B_BLOCK]
    who = attendee_ids(session, others)
    busy: dict[int, list[tuple[datetime, datetime, str]]] = {}
    for item in others:
        text = _("at “{title}”").format(title=item.title_in(current_language()))
        for start, end in busy_intervals(session, item):
            for person_id in who[item.id]:
                busy.setdefault(person_id, []).append((start, end, text))
    explicit: dict[int, dict[int, str]] = {}
    for row in session.scalars(select(ParticipantUnavailability)):
        explicit.setdefault(row.participant_id, {})[row.slot_id] = (
            row.reason or _("marked unavailable"))
    return _Context(slots, busy, _stays(session, home), explicit)


def _stays(session: Session, home: str) -> dict[int, _Stay]:
    country = {code: land for code, land in session.execute(select(Airport.iata, Airport.country))}
    stays: dict[int, _Stay] = {}
    by_person: dict[int, list[FlightSegment]] = {}
    for segment in session.scalars(select(FlightSegment).order_by(FlightSegment.departs_at)):
        by_person.setdefault(segment.person_id, []).append(segment)
    for person_id, segments in by_person.items():
        entering = [s for s in segments if country.get(s.to_airport) == home
                    and country.get(s.from_airport) != home]
        landing = min(entering, key=lambda s: s.arrives_at, default=None)
        leaving = next((s for s in segments if country.get(s.from_airport) == home
                        and country.get(s.to_airport) != home
                        and (landing is None or s.departs_at > landing.arrives_at)), None)
        stays[person_id] = _Stay(landing.arrives_at if landing else None, landing,
                                 leaving.departs_at if leaving else None, leaving)
    return stays


def _person_reason(ctx: _Context, person_id: int, start: datetime, end: datetime,
                   day: date) -> str | None:
    """Why this person cannot be at a meeting from ``start`` to ``end`` (UTC) on ``day``."""
    stay = ctx.stays.get(person_id)
    if stay is not None:
        if stay.landing is not None and stay.lands is not None \
                and start < stay.lands + ARRIVAL_MARGIN:
            local = utc_to_local(stay.lands, stay.landing.arrival_zone)
            return _("lands at {time} on {flight}").format(
                time=_clock(local, day), flight=stay.landing.code)
        if stay.leaving is not None and stay.leaves is not None \
                and end > stay.leaves - DEPARTURE_MARGIN:
            local = utc_to_local(stay.leaves, stay.leaving.departure_zone)
            return _("flies out at {time} on {flight}").format(
                time=_clock(local, day), flight=stay.leaving.code)
    for busy_start, busy_end, text in ctx.busy.get(person_id, ()):
        if busy_start < end and start < busy_end:
            return text
    return None


def _clock(local: datetime, day: date) -> str:
    """A time, with its day when it is not the slot's day."""
    if local.date() == day:
        return format_time(local)
    return _("{time} on {day}").format(time=format_time(local),
                                       day=format_date(local.date()))


def _participant_reasons(session: Session, ctx: _Context, participant: B2BParticipant,
                         people: list[Person] | None = None) -> dict[int, str]:
    if people is None:
        people = participant_people(session, participant)
    found: dict[int, str] = {}
    for slot, start, end in ctx.slots:
        reasons = [(p, _person_reason(ctx, p.id, start, end, slot.starts_at.date()))
                   for p in people]
        if people and all(reason for _p, reason in reasons):
            distinct = list(dict.fromkeys(reason or "" for _p, reason in reasons))
            found[slot.id] = distinct[0] if len(distinct) == 1 else "; ".join(
                f"{p.full_name}: {reason}" for p, reason in reasons)
    found.update(ctx.explicit.get(participant.id, {}))
    return found


def unavailable_slots(session: Session, participant_id: int) -> dict[int, str]:
    """Slots in which the participant cannot meet, each with the reason in words
    ("at “Site visit to Technopark”", "lands at 11:00 AM on AT 201", or the reason set by
    hand)."""
    participant = get_participant(session, participant_id)
    return _participant_reasons(session, _context(session), participant)


def all_unavailable_slots(session: Session,
                          people: dict[int, list[Person]] | None = None,
                          ids: Iterable[int] | None = None) -> dict[int, dict[int, str]]:
    """:func:`unavailable_slots` of every participant (or of those ``ids``), computed in one
    pass (``people``: :func:`people_by_participant`, when the caller has it already)."""
    ctx = _context(session)
    chosen = None if ids is None else set(ids)
    people = people if people is not None else people_by_participant(session, chosen)
    wanted = _few(chosen)
    query = select(B2BParticipant)
    if wanted is not None:
        query = query.where(B2BParticipant.id.in_(wanted))
    return {p.id: _participant_reasons(session, ctx, p, people.get(p.id, []))
            for p in session.scalars(query) if chosen is None or p.id in chosen}


def away_causes(session: Session) -> dict[str, list[str]]:
    """Why each participant (by its problem id, ``p12``) cannot meet at some times, each
    cause once ("lands at 1:30 PM on AT 201"): what a refusal names beside the slots."""
    out: dict[str, list[str]] = {}
    for participant_id, reasons in all_unavailable_slots(session).items():
        causes = list(dict.fromkeys(reason for reason in reasons.values() if reason))
        if causes:
            out[f"p{participant_id}"] = causes
    return out


def _few(ids: Iterable[int] | None) -> list[int] | None:
    """``ids`` sorted, when few enough to be named in one query; else None (read them all
    and keep those wanted: a database caps the values one statement may carry)."""
    if ids is None:
        return None
    wanted = sorted(set(ids))
    return wanted if len(wanted) <= 500 else None


# -- interpreters ---------------------------------------------------------------------------


@dataclass
class InterpreterInput:
    name: str
    languages: list[str]
    person_id: int | None = None
    notes: str = ""


def validate_interpreter(session: Session, data: InterpreterInput,
                         existing_id: int | None = None) -> InterpreterInput:
    check = Checker()
    name = check.required("name", data.name, _("The interpreter's name"), 200)
    languages = check.languages("languages", data.languages)
    if check.ok("languages") and len(languages) < 2:
        check.error("languages", _("An interpreter speaks at least two languages."))
    if data.person_id is not None:
        if session.get(Person, data.person_id) is None:
            check.error("person_id", _("This person is no longer on the roster."))
        elif session.scalar(select(Interpreter.id).where(
                Interpreter.person_id == data.person_id,
                Interpreter.id != (existing_id or 0))) is not None:
            check.error("person_id", _("This person is already an interpreter."))
    check.raise_if_any()
    return InterpreterInput(name=name, languages=languages, person_id=data.person_id,
                            notes=data.notes.strip())


def add_interpreter(session: Session, data: InterpreterInput) -> Interpreter:
    return records.insert(session, Interpreter, validate_interpreter(session, data))


def get_interpreter(session: Session, interpreter_id: int) -> Interpreter:
    return records.fetch(session, Interpreter, interpreter_id,
                         _("This interpreter no longer exists."))


def update_interpreter(session: Session, interpreter_id: int,
                       data: InterpreterInput) -> Interpreter:
    interpreter = get_interpreter(session, interpreter_id)
    records.assign(session, interpreter, validate_interpreter(session, data, interpreter_id))
    return interpreter


def interpreter_input(interpreter: Interpreter) -> InterpreterInput:
    return InterpreterInput(interpreter.name, list(interpreter.languages),
                            interpreter.person_id, interpreter.notes)


def delete_interpreter(session: Session, interpreter_id: int) -> None:
    """Delete an interpreter; their meetings stay, without an interpreter."""
    session.delete(get_interpreter(session, interpreter_id))
    session.flush()


def list_interpreters(session: Session) -> Sequence[Interpreter]:
    return session.scalars(select(Interpreter).order_by(Interpreter.name)).all()


def set_interpreter_unavailable(session: Session, interpreter_id: int, slot_id: int) -> None:
    get_interpreter(session, interpreter_id)
    get_slot(session, slot_id)
    if session.get(InterpreterUnavailability, (interpreter_id, slot_id)) is None:
        session.add(InterpreterUnavailability(interpreter_id=interpreter_id, slot_id=slot_id))
        session.flush()


def clear_interpreter_unavailable(session: Session, interpreter_id: int, slot_id: int) -> None:
    row = session.get(InterpreterUnavailability, (interpreter_id, slot_id))
    if row is not None:
        session.delete(row)
        session.flush()


def interpreter_unavailable_slots(session: Session, interpreter_id: int) -> set[int]:
    return set(session.scalars(select(InterpreterUnavailability.slot_id).where(
        InterpreterUnavailability.interpreter_id == interpreter_id)))


def days_with_b2b(session: Session) -> list[date]:
    """The days on which B2B blocks are held."""
    return sorted({s.starts_at.date() for s in list_slots(session)})


def list_blocks(session: Session) -> Sequence[ProgramSession]:
    """The B2B blocks, in time order."""
    return session.scalars(select(ProgramSession).where(
        ProgramSession.kind == SessionKind.B2B_BLOCK)
        .order_by(ProgramSession.starts_at, ProgramSession.id)).all()


@dataclass(frozen=True)
class BlockAvailability:
    """Who cannot meet when in one block, split by where it comes from: ``derived`` (flights,
    other programme sessions) cannot be changed here; ``explicit`` was set by hand. Both map
    participant id -> slot id -> reason in words."""

    derived: dict[int, dict[int, str]]
    explicit: dict[int, dict[int, str]]


def block_availability(session: Session, block_id: int) -> BlockAvailability:
    """The unavailable slots of every participant in one block, derived apart from explicit."""
    get_block(session, block_id)
    slot_ids = set(session.scalars(select(B2BSlot.id).where(B2BSlot.session_id == block_id)))
    ctx = _context(session)
    explicit = {pid: {s: r for s, r in found.items() if s in slot_ids}
                for pid, found in ctx.explicit.items()}
    ctx.explicit = {}
    ctx.slots = [item for item in ctx.slots if item[0].id in slot_ids]
    derived = {p.id: _participant_reasons(session, ctx, p)
               for p in session.scalars(select(B2BParticipant))}
    return BlockAvailability({p: found for p, found in derived.items() if found},
                             {p: found for p, found in explicit.items() if found})
