"""The People page: the roster, a person's details, their meetings, flights and stays."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.checks import Ref
from desktop.db.enums import Category, Side, Status, label
from desktop.db.models import B2BParticipant, Meeting, Organization
from desktop.i18n import _, current_language, format_date, format_datetime, ngettext
from desktop.roster import people as service
from desktop.ui.forms import RecordForm
from desktop.ui.pages import PageSpec, register_page
from desktop.ui.pages.records import RecordPage, Related
from desktop.ui.rosterforms import PersonForm
from desktop.ui.rostermodels import PeopleModel, cached_country_name, plain_rows
from desktop.ui.tablemodel import RecordTableModel


class PeoplePage(RecordPage):
    key = "people"
    _organizations_current = False
    kind = "person"
    table = "person"
    watches = ("organization", "flight", "hotel_stay", "meeting")

    def make_model(self) -> RecordTableModel:
        return PeopleModel(self.context.mission.session_factory, self)

    def make_form(self) -> RecordForm:
        return PersonForm()

    def facets(self) -> list[tuple[str, str, list[tuple[str, Any]]]]:
        country = Organization.__table__.c.country
        with self.context.mission.session_factory() as session:
            codes = sorted({c for (c,) in plain_rows(session, select(country).distinct()) if c})
        language = current_language()
        countries = sorted((cached_country_name(c, language), c) for c in codes)
        return [
            ("side", _("All sides"), [(label(s), s.value) for s in Side]),
            ("category", _("All categories"), [(label(c), c.value) for c in Category]),
            ("status", _("All statuses"), [(label(s), s.value) for s in Status]),
            ("country", _("All countries"), countries),
        ]

    def document_kind(self) -> str | None:
        return "directory"

    def texts(self) -> dict[str, str]:
        return {"new": _("New person"), "add": _("Add a person"), "update": _("Edit a person"),
                "delete": _("Delete {name}"),
                "confirm": _("Delete {name} from the roster?"),
                "add_tip": _("Add a person"),
                "duplicate_tip": _("Start a new person from this one"),
                "delete_tip": _("Delete this person")}

    def count_text(self, n: int) -> str:
        return ngettext("{n} person", "{n} people", n).format(n=n)

    def prepare_form(self, session: Session) -> None:
        """Fill the organisation list once, and again only after organisations change."""
        if self._organizations_current:
            return
        form = self.form
        assert isinstance(form, PersonForm)
        form.set_organizations(organization_choices(session))
        self._organizations_current = True

    def _mission_changed(self, kind: str) -> None:
        if kind in ("organization", "*"):
            self._organizations_current = False
        super()._mission_changed(kind)

    def read(self, session: Session, record_id: int) -> tuple[Any, str]:
        person = service.get_person(session, record_id)
        return service.person_input(person), person.full_name

    def blank(self) -> Any:
        return service.PersonInput(given_name="", family_name="", category=Category.DELEGATE)

    def add_record(self, session: Session, data: Any) -> int:
        return service.add_person(session, data).id

    def update_record(self, session: Session, record_id: int, data: Any) -> object:
        return service.update_person(session, record_id, data)

    def delete_record(self, session: Session, record_id: int) -> None:
        service.delete_person(session, record_id)

    def describe_delete(self, session: Session, record_id: int) -> tuple[str, list[str]]:
        person = service.get_person(session, record_id)
        return person.full_name, service.person_dependents(session, record_id).describe()

    def related(self, session: Session, record_id: int) -> Related:
        from desktop.travel.flights import arrival_local, departure_local, list_flights
        from desktop.travel.hotels import list_stays

        person = service.get_person(session, record_id)
        sections: Related = []
        meetings = person_meetings(session, person.id, person.organization_id)
        sections.append((_("Meetings ({n})").format(n=len(meetings)), meetings))
        route = _("{code} {origin} → {destination}, {departs} – {arrives}")
        flights: list[tuple[str, Ref | None]] = [(route.format(
            code=f.code, origin=f.from_airport, destination=f.to_airport,
            departs=format_datetime(departure_local(f)),
            arrives=format_datetime(arrival_local(f))), None)
            for f in list_flights(session, person.id)]
        sections.append((_("Flights ({n})").format(n=len(flights)), flights))
        stays: list[tuple[str, Ref | None]] = [(_("{hotel}: {check_in} – {check_out}").format(
            hotel=s.hotel.name, check_in=format_date(s.check_in),
            check_out=format_date(s.check_out)), None)
            for s in list_stays(session, person_id=person.id)]
        sections.append((_("Hotel stays ({n})").format(n=len(stays)), stays))
        if person.organization is not None:
            sections.append((_("Organisation"), [(person.organization.name,
                                                  Ref("organization", person.organization.id))]))
        return sections


def organization_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every organisation by name: just what the form's list needs."""
    organization = Organization.__table__.c
    return [(oid, name) for oid, name in plain_rows(
        session, select(organization.id, organization.name).order_by(organization.name))]


def person_meetings(session: Session, person_id: int,
                    organization_id: int | None) -> list[tuple[str, Ref | None]]:
    """The B2B meetings this person sits in (their own, or their organisation's team's)."""
    owners = [B2BParticipant.person_id == person_id]
    if organization_id is not None:
        owners.append(B2BParticipant.organization_id == organization_id)
    mine = select(B2BParticipant.id).where(sa.or_(*owners))
    meetings = session.scalars(select(Meeting).where(sa.or_(
        Meeting.participant_a_id.in_(mine), Meeting.participant_b_id.in_(mine)))).all()
    from desktop.b2b.setup import table_label

    mine_ids = set(session.scalars(mine))
    entries: list[tuple[str, Ref | None]] = []
    for meeting in sorted(meetings, key=lambda m: m.slot.starts_at):
        other = (meeting.participant_b if meeting.participant_a_id in mine_ids
                 else meeting.participant_a)
        entries.append((_("{when}, {table}: {other}").format(
            when=format_datetime(meeting.slot.starts_at),
            table=table_label(meeting.table.name), other=other.name), None))
    return entries


register_page(PageSpec("people", lambda: _("People"), PeoplePage, ref_kinds=("person",),
                       order=30))
