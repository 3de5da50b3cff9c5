"""The Programme page: sessions day by day, with venue-local times and clashes flagged."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.checks import Ref
from desktop.db.enums import Audience, SessionKind, label
from desktop.db.models import Organization, Person, ProgramSession
from desktop.i18n import (
    _,
    current_language,
    format_short_day,
    format_time,
    format_weekday_date,
    ngettext,
)
from desktop.missions import get_mission
from desktop.program import sessions as service
from desktop.program.timetable import (
    Entry,
    clashing_titles,
    load_sessions,
    place_text,
    timetable_entries,
)
from desktop.program.venues import list_venues
from desktop.ui.attendees import RosterEntry
from desktop.ui.forms import RecordForm
from desktop.ui.pages import PageSpec, register_page
from desktop.ui.pages.programmeform import ProgrammeForm
from desktop.ui.pages.records import RecordPage, Related
from desktop.ui.pages.timetable import Timetable
from desktop.ui.rostermodels import plain_rows
from desktop.ui.settings import app_settings
from desktop.ui.tablemodel import Column, IndexRow, RecordTableModel, quick_fold


class ProgrammeModel(RecordTableModel):
    """The sessions, in time order by default; the last column flags overlaps."""

    columns = (
        Column("day", lambda: _("Day"), 130),
        Column("time", lambda: _("Time"), 160),
        Column("title", lambda: _("Title"), 250),
        Column("venue", lambda: _("Venue"), 180),
        Column("audience", lambda: _("Audience"), 120, shown=False),
        Column("clash", lambda: _("Clash"), 220),
    )

    def load_index(self, session: Session) -> list[IndexRow]:
        clashes = clashing_titles(session, current_language())
        rows = []
        for item in load_sessions(session):
            venue = item.venue.name if item.venue else ""
            rows.append(IndexRow(
                item.id, quick_fold(f"{item.title} {item.title_fr} {venue}"),
                (item.starts_at, item.starts_at.time(), quick_fold(item.title),
                 quick_fold(venue), item.audience.value, len(clashes.get(item.id, []))),
                {"day": item.starts_at.date(), "kind": item.kind.value,
                 "clash": item.id in clashes}))
        return rows

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        language = current_language()
        clashes = clashing_titles(session, language)
        found = {}
        for item in load_sessions(session, ids):
            clash = clashes.get(item.id, [])
            title = item.title_in(language)
            found[item.id] = (
                format_short_day(item.starts_at.date()),
                f"{format_time(item.starts_at)} – {format_time(item.ends_at)}",
                f"⚠ {title}" if clash else title, place_text(item), audience_text(item),
                ("⚠ " + _("overlaps {titles}").format(titles=", ".join(clash))) if clash
                else "")
        return found

    def entries(self) -> list[Entry]:
        """The sessions the table shows now (filters applied), for the timetable."""
        ids = [i for r in range(self.rowCount()) if (i := self.id_at(r)) is not None]
        if not ids:
            return []
        with self._session_factory() as session:
            return timetable_entries(session, current_language(), ids)


def audience_text(item: ProgramSession) -> str:
    if item.audience == Audience.CATEGORY and item.audience_category is not None:
        return label(item.audience_category)
    if item.audience == Audience.SIDE and item.audience_side is not None:
        return label(item.audience_side)
    if item.audience == Audience.LIST:
        count = len(item.attendees)
        return ngettext("{n} person", "{n} people", count).format(n=count)
    return label(item.audience)


class ProgrammePage(RecordPage):
    key = "programme"
    kind = "program_session"
    table = "program_session"
    watches = ("venue", "person")

    def make_model(self) -> RecordTableModel:
        return ProgrammeModel(self.context.mission.session_factory, self)

    def make_form(self) -> RecordForm:
        return ProgrammeForm(self.roster)

    def table_pane(self) -> QWidget:
        """The list and, on a second tab, the same sessions as a timetable."""
        self.timetable = Timetable()
        self.timetable.chosen.connect(self.select)
        self._timetable_stale = True
        scroll = QScrollArea()
        scroll.setObjectName("timetableScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timetable)
        self.views = QTabWidget()
        self.views.setObjectName("programmeViews")
        self.views.setDocumentMode(True)
        self.views.addTab(self.view, _("List"))
        self.views.addTab(scroll, _("Timetable"))
        self.views.setTabToolTip(1, _("The days side by side, each session as long as it "
                                      "lasts; overlapping sessions share the day's width"))
        chosen = app_settings().value(f"pages/{self.key}/view")
        if chosen in (0, 1, "0", "1"):
            self.views.setCurrentIndex(int(chosen))
        self.views.currentChanged.connect(lambda _i: self._refresh_timetable())
        for signal in (self.model.modelReset, self.model.layoutChanged):
            signal.connect(self._timetable_changed)
        self.view.selectionModel().currentRowChanged.connect(
            lambda *_args: self.timetable.set_current(self.current_id))
        return self.views

    def _timetable_changed(self) -> None:
        self._timetable_stale = True
        self._refresh_timetable()

    def _refresh_timetable(self) -> None:
        """Read the sessions again for the timetable, once it is the view on screen."""
        if self.views.currentIndex() != 1 or not self._timetable_stale:
            return
        model = self.model
        assert isinstance(model, ProgrammeModel)
        self.timetable.set_entries(model.entries())
        self.timetable.set_current(self.current_id)
        self._timetable_stale = False

    def document_kind(self) -> str | None:
        return "programme-grid" if self.views.currentIndex() == 1 else "programme"

    def save_state(self) -> None:
        super().save_state()
        app_settings().setValue(f"pages/{self.key}/view", self.views.currentIndex())

    def roster(self) -> list[RosterEntry]:
        """Everyone who may be put on a session's list: (id, name, organisation)."""
        person, organization = Person.__table__.c, Organization.__table__.c
        with self.context.mission.session_factory() as session:
            rows = plain_rows(session, select(
                person.id, person.given_name, person.family_name, organization.name)
                .outerjoin(Organization.__table__, person.organization_id == organization.id))
        rows.sort(key=lambda row: (quick_fold(row[2]), quick_fold(row[1]), row[0]))
        return [(pid, f"{given} {family}", org or "") for pid, given, family, org in rows]

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
        form.set_places(
            [(v.id, f"{v.name}, {v.city}" if v.city else v.name, v.timezone) for v in venues],
            [(r.id, v.id, f"{v.name} — {r.name}") for v in venues for r in v.rooms],
            get_mission(session).home_timezone)

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
