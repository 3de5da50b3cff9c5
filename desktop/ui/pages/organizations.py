"""The Organizations page: companies and bodies, their details and their people."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.checks import Ref
from desktop.db.enums import Side, label
from desktop.db.models import Organization
from desktop.i18n import _, current_language, ngettext
from desktop.roster import organizations as service
from desktop.roster.people import PeopleFilter, list_people
from desktop.ui.forms import RecordForm
from desktop.ui.pages import PageSpec, register_page
from desktop.ui.pages.records import RecordPage, Related
from desktop.ui.rosterforms import OrganizationForm
from desktop.ui.rostermodels import OrganizationsModel
from desktop.ui.tablemodel import RecordTableModel
from desktop.validation import country_name


class OrganizationsPage(RecordPage):
    key = "organizations"
    kind = "organization"
    table = "organization"
    watches = ("person",)

    def make_model(self) -> RecordTableModel:
        return OrganizationsModel(self.context.mission.session_factory, self)

    def make_form(self) -> RecordForm:
        return OrganizationForm()

    def facets(self) -> list[tuple[str, str, list[tuple[str, Any]]]]:
        with self.context.mission.session_factory() as session:
            codes = sorted({c for c in session.scalars(select(Organization.country).distinct())
                            if c})
        language = current_language()
        return [
            ("side", _("All sides"), [(label(s), s.value) for s in Side]),
            ("country", _("All countries"), sorted((country_name(c, language), c)
                                                   for c in codes)),
        ]

    def document_kind(self) -> str | None:
        return "directory"

    def texts(self) -> dict[str, str]:
        return {"new": _("New organisation"), "add": _("Add an organisation"),
                "update": _("Edit an organisation"), "delete": _("Delete {name}"),
                "confirm": _("Delete the organisation {name}?"),
                "add_tip": _("Add an organisation"),
                "duplicate_tip": _("Start a new organisation from this one"),
                "delete_tip": _("Delete this organisation")}

    def count_text(self, n: int) -> str:
        return ngettext("{n} organisation", "{n} organisations", n).format(n=n)

    def read(self, session: Session, record_id: int) -> tuple[Any, str]:
        organization = service.get_organization(session, record_id)
        return service.organization_input(organization), organization.name

    def blank(self) -> Any:
        return service.OrganizationInput(name="", side=Side.DELEGATION)

    def copy_of(self, data: Any) -> Any:
        data.name = _("{name} (copy)").format(name=data.name)
        return data

    def add_record(self, session: Session, data: Any) -> int:
        return service.add_organization(session, data).id

    def update_record(self, session: Session, record_id: int, data: Any) -> object:
        return service.update_organization(session, record_id, data)

    def delete_record(self, session: Session, record_id: int) -> None:
        service.delete_organization(session, record_id)

    def describe_delete(self, session: Session, record_id: int) -> tuple[str, list[str]]:
        organization = service.get_organization(session, record_id)
        goes = service.organization_dependents(session, record_id)
        parts = []
        if goes.requests:
            parts.append(ngettext("{n} meeting request", "{n} meeting requests",
                                  goes.requests).format(n=goes.requests))
        if goes.meetings:
            parts.append(ngettext("{n} meeting", "{n} meetings", goes.meetings)
                         .format(n=goes.meetings))
        if goes.people:
            parts.append(ngettext("its link to {n} person (who stays on the roster)",
                                  "its link to {n} people (who stay on the roster)",
                                  goes.people).format(n=goes.people))
        return organization.name, parts

    def related(self, session: Session, record_id: int) -> Related:
        people = list_people(session, PeopleFilter(organization_id=record_id))
        entries: list[tuple[str, Ref | None]] = [
            (_("{name} — {title}").format(name=p.full_name, title=p.job_title)
             if p.job_title else p.full_name, Ref("person", p.id)) for p in people]
        return [(_("People ({n})").format(n=len(entries)), entries)]


register_page(PageSpec("organizations", lambda: _("Organisations"), OrganizationsPage,
                       ref_kinds=("organization",), order=20))
