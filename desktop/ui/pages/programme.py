"""The Programme page: sessions day by day, with venue-local times and clashes flagged."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy.orm import Session, selectinload

from desktop.checks import Ref
from desktop.dates import parse_clock
from desktop.db.enums import Audience, Category, SessionKind, Side, label
from desktop.db.models import ProgramSession
from desktop.errors import Problem, ValidationError
from desktop.i18n import _, current_language, format_time, format_weekday_date, ngettext
from desktop.missions import get_mission
from desktop.program import sessions as service
from desktop.program.venues import list_venues
from desktop.ui.forms import RecordForm, format_day
from desktop.ui.pages import PageSpec, register_page
from desktop.ui.pages.records import RecordPage, Related
from desktop.ui.tablemodel import Column, IndexRow, RecordTableModel, quick_fold


class ProgrammeModel(RecordTableModel):
    """The sessions, in time order by default; the last column flags overlaps."""

    columns = (
        Column("day", lambda: _("Day"), 175),
        Column("time", lambda: _("Time"), 165),
        Column("title", lambda: _("Title"), 260),
        Column("venue", lambda: _("Venue"), 180),
        Column("audience", lambda: _("Audience"), 120),
        Column("clash", lambda: _("Clash"), 220),
    )

    def _sessions(self, session: Session, ids: Sequence[int] | None = None
                  ) -> Sequence[ProgramSession]:
        from sqlalchemy import select

        query = select(ProgramSession).options(selectinload(ProgramSession.venue),
                                               selectinload(ProgramSession.room))
        if ids is not None:
            query = query.where(ProgramSession.id.in_(ids))
        return session.scalars(query).all()

    def _clashes(self, session: Session) -> dict[int, list[str]]:
        language = current_language()
        found: dict[int, list[str]] = {}
        for overlap in service.overlapping_sessions(session):
            for this, other in ((overlap.first, overlap.second),
                                (overlap.second, overlap.first)):
                found.setdefault(this.id, []).append(other.title_in(language))
        return found

    def load_index(self, session: Session) -> list[IndexRow]:
        clashes = self._clashes(session)
        rows = []
        for item in self._sessions(session):
            venue = item.venue.name if item.venue else ""
            rows.append(IndexRow(
                item.id, quick_fold(f"{item.title} {item.title_fr} {venue}"),
                (item.starts_at, item.starts_at.time(), quick_fold(item.title),
                 quick_fold(venue), item.audience.value, len(clashes.get(item.id, []))),
                {"day": item.starts_at.date(), "kind": item.kind.value,
                 "clash": item.id in clashes}))
        return rows

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        clashes = self._clashes(session)
        language = current_language()
        found = {}
        for item in self._sessions(session, ids):
            where = item.venue.name if item.venue else ""
            if item.room is not None:
                where += f" — {item.room.name}"
            clash = clashes.get(item.id, [])
            found[item.id] = (
                format_weekday_date(item.starts_at.date()),
                f"{format_time(item.starts_at)} – {format_time(item.ends_at)}",
                item.title_in(language), where, audience_text(item),
                ("⚠ " + _("overlaps {titles}").format(titles=", ".join(clash))) if clash
                else "")
        return found


def audience_text(item: ProgramSession) -> str:
    if item.audience == Audience.CATEGORY and item.audience_category is not None:
        return label(item.audience_category)
    if item.audience == Audience.SIDE and item.audience_side is not None:
        return label(item.audience_side)
    if item.audience == Audience.LIST:
        count = len(item.attendees)
        return ngettext("{n} person", "{n} people", count).format(n=count)
    return label(item.audience)


class ProgrammeForm(RecordForm):
    """A session's fields; times are wall-clock times at the venue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line("title", _("&Title"), 200)
        self.line("title_fr", _("Title in &French"), 200)
        self.choice("kind", _("&Kind"), [(label(k), k.value) for k in SessionKind])
        self.line("day", _("&Day"), 10, _("e.g. 2007-05-15"))
        self.line("starts_at", _("&Starts"), 5, _("e.g. 09:00 (venue time)"))
        self.line("ends_at", _("&Ends"), 5, _("e.g. 10:30 (venue time)"))
        self.choice("venue_id", _("&Venue"), [(_("(none)"), None)])
        self.choice("room_id", _("&Room"), [(_("(none)"), None)])
        self.choice("audience", _("&Audience"), [(label(a), a.value) for a in Audience])
        self.choice("audience_category", _("Audience ca&tegory"),
                    [(_("(none)"), None)] + [(label(c), c.value) for c in Category])
        self.choice("audience_side", _("Audience s&ide"),
                    [(_("(none)"), None)] + [(label(s), s.value) for s in Side])
        self.line("slot_minutes", _("B2B s&lot minutes"), 4)
        self.notes("description", _("Descri&ption"))
        self.notes("notes", _("N&otes"))

    def set_places(self, venues: list[tuple[int, str]], rooms: list[tuple[int, str]]) -> None:
        self._loading = True
        try:
            for name, choices in (("venue_id", venues), ("room_id", rooms)):
                combo = self.fields[name]
                assert isinstance(combo, QComboBox)
                current = self.value(name)
                combo.clear()
                combo.addItem(_("(none)"), None)
                for key, text in choices:
                    combo.addItem(text, key)
                self.set_value(name, current)
        finally:
            self._loading = False

    def fill(self, data: service.ProgramSessionInput) -> None:
        for name in ("title", "title_fr", "description", "notes"):
            self.set_value(name, getattr(data, name))
        self.set_value("kind", SessionKind(data.kind).value)
        self.set_value("day", format_day(data.starts_at.date()))
        self.set_value("starts_at", data.starts_at.strftime("%H:%M"))
        self.set_value("ends_at", data.ends_at.strftime("%H:%M"))
        self.set_value("venue_id", data.venue_id)
        self.set_value("room_id", data.room_id)
        self.set_value("audience", Audience(data.audience).value)
        self.set_value("audience_category", data.audience_category)
        self.set_value("audience_side", data.audience_side)
        self.set_value("slot_minutes", data.slot_minutes or "")

    def collect(self) -> service.ProgramSessionInput:
        problems: list[Problem] = []
        day = self.day("day", problems)
        if day is None and not problems:
            problems.append(Problem(_("The day is required."), field="day"))
        times = {}
        for name in ("starts_at", "ends_at"):
            try:
                times[name] = parse_clock(self.text(name))
            except ValueError as exc:
                problems.append(Problem(str(exc), field=name))
        slot_text = self.text("slot_minutes").strip()
        slot = None
        if slot_text:
            if slot_text.isdigit():
                slot = int(slot_text)
            else:
                problems.append(Problem(_("Write the slot length in minutes, e.g. 20."),
                                        field="slot_minutes"))
        if problems:
            raise ValidationError(problems)
        assert day is not None
        previous = self.loaded
        category, side = self.value("audience_category"), self.value("audience_side")
        return service.ProgramSessionInput(
            title=self.text("title"), kind=SessionKind(self.value("kind")),
            starts_at=datetime.combine(day, times["starts_at"]),
            ends_at=datetime.combine(day, times["ends_at"]),
            venue_id=self.value("venue_id"), room_id=self.value("room_id"),
            audience=Audience(self.value("audience")),
            audience_category=Category(category) if category else None,
            audience_side=Side(side) if side else None,
            attendee_ids=list(previous.attendee_ids) if previous is not None else [],
            title_fr=self.text("title_fr"), description=self.text("description"),
            description_fr=previous.description_fr if previous is not None else "",
            slot_minutes=slot, notes=self.text("notes"))


class ProgrammePage(RecordPage):
    key = "programme"
    kind = "program_session"
    table = "program_session"
    watches = ("venue", "person")

    def make_model(self) -> RecordTableModel:
        return ProgrammeModel(self.context.mission.session_factory, self)

    def make_form(self) -> RecordForm:
        return ProgrammeForm()

    def facets(self) -> list[tuple[str, str, list[tuple[str, Any]]]]:
        with self.context.mission.session_factory() as session:
            days = sorted(service.sessions_by_day(session))
        return [("day", _("All days"), [(format_weekday_date(d), d) for d in days]),
                ("kind", _("All kinds"), [(label(k), k.value) for k in SessionKind]),
                ("clash", _("With or without clashes"), [(_("Only clashes"), True)])]

    def texts(self) -> dict[str, str]:
        return {"new": _("New session"), "add": _("Add a session"),
                "update": _("Edit a session"), "delete": _("Delete {name}"),
                "confirm": _("Delete the session “{name}” from the programme?"),
                "add_tip": _("Add a session"),
                "duplicate_tip": _("Start a new session from this one"),
                "delete_tip": _("Delete this session")}

    def count_text(self, n: int) -> str:
        return ngettext("{n} session", "{n} sessions", n).format(n=n)

    def prepare_form(self, session: Session) -> None:
        form = self.form
        assert isinstance(form, ProgrammeForm)
        venues = list_venues(session)
        form.set_places([(v.id, f"{v.name}, {v.city}" if v.city else v.name) for v in venues],
                        [(r.id, f"{v.name} — {r.name}") for v in venues for r in v.rooms])

    def read(self, session: Session, record_id: int) -> tuple[Any, str]:
        item = service.get_program_session(session, record_id)
        return service.program_session_input(item), item.title_in(current_language())

    def blank(self) -> Any:
        with self.context.mission.session_factory() as session:
            start = datetime.combine(get_mission(session).start_date, datetime.min.time())
        start = start.replace(hour=9)
        return service.ProgramSessionInput(title="", kind=SessionKind.PLENARY, starts_at=start,
                                           ends_at=start + timedelta(hours=1))

    def add_record(self, session: Session, data: Any) -> int:
        return service.add_program_session(session, data).id

    def update_record(self, session: Session, record_id: int, data: Any) -> object:
        return service.update_program_session(session, record_id, data)

    def delete_record(self, session: Session, record_id: int) -> None:
        service.delete_program_session(session, record_id)

    def describe_delete(self, session: Session, record_id: int) -> tuple[str, list[str]]:
        item = service.get_program_session(session, record_id)
        parts = []
        if item.attendees:
            parts.append(ngettext("the place of {n} person on its list",
                                  "the places of {n} people on its list",
                                  len(item.attendees)).format(n=len(item.attendees)))
        if item.slots:
            parts.append(ngettext("{n} B2B slot", "{n} B2B slots", len(item.slots))
                         .format(n=len(item.slots)))
        return item.title_in(current_language()), parts

    def related(self, session: Session, record_id: int) -> Related:
        item = service.get_program_session(session, record_id)
        people = sorted(service.attendees_of(session, item),
                        key=lambda p: (p.family_name, p.given_name))
        entries: list[tuple[str, Ref | None]] = [(p.full_name, Ref("person", p.id))
                                                 for p in people]
        return [(_("Who attends ({n})").format(n=len(entries)), entries)]


register_page(PageSpec("programme", lambda: _("Programme"), ProgrammePage,
                       ref_kinds=("program_session",), order=40))
