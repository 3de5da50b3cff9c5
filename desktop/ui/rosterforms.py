"""Detail editors for a person and an organisation: every field of the data model."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.db.enums import Category, Side, Status, label
from desktop.errors import Problem, ValidationError
from desktop.i18n import _
from desktop.roster.organizations import OrganizationInput
from desktop.roster.people import PersonInput
from desktop.ui.forms import RecordForm, day_example, format_day


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class PersonForm(RecordForm):
    """Every field of a person; the organisation is chosen from the mission's list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line("given_name", _("&Given name"), 100)
        self.line("family_name", _("&Family name"), 100)
        self.line("badge_name", _("&Badge name"), 100, _("as printed on the badge, if different"))
        self.long_choice("organization_id", _("&Organisation"))
        self.line("job_title", _("&Job title"), 150)
        self.choice("category", _("&Category"), [(label(c), c.value) for c in Category])
        self.choice("status", _("S&tatus"), [(label(s), s.value) for s in Status])
        self.line("email", _("&Email"), 254)
        self.line("phone", _("&Phone"), 40, _("e.g. +212 6 61 23 45 67"))
        self.line("languages", _("&Languages"), 60, _("codes, e.g. en, fr, ar"))
        self.choice("document_language", _("&Documents in"),
                    [(_("English"), "en"), (_("French"), "fr")])
        self.line("nationality", _("&Nationality"), 2, _("country code, e.g. US"))
        self.line("passport_number", _("Pa&ssport number"), 20)
        self.line("passport_expiry", _("Passport e&xpiry"), 10, day_example(date(2009, 3, 31)))
        self.line("date_of_birth", _("Date of &birth"), 10, day_example(date(1968, 11, 2)))
        self.line("dietary_needs", _("D&ietary needs"), 200)
        self.line("accessibility_needs", _("Acc&essibility needs"), 200)
        self.notes("notes", _("N&otes"))

    def set_organizations(self, choices: list[tuple[int, str]]) -> None:
        self.set_choices("organization_id",
                         [(_("(none)"), None)] + [(name, oid) for oid, name in choices])

    def fill(self, data: PersonInput) -> None:
        for name in ("given_name", "family_name", "badge_name", "job_title", "email", "phone",
                     "passport_number", "dietary_needs", "accessibility_needs", "notes",
                     "nationality"):
            self.set_value(name, getattr(data, name) or "")
        self.set_value("organization_id", data.organization_id)
        self.set_value("category", Category(data.category).value)
        self.set_value("status", Status(data.status).value)
        self.set_value("document_language", data.document_language)
        self.set_value("languages", ", ".join(data.languages))
        self.set_value("passport_expiry", format_day(data.passport_expiry))
        self.set_value("date_of_birth", format_day(data.date_of_birth))

    def collect(self) -> PersonInput:
        problems: list[Problem] = []
        expiry = self.day("passport_expiry", problems)
        birth = self.day("date_of_birth", problems)
        if problems:
            raise ValidationError(problems)
        return PersonInput(
            given_name=self.text("given_name"), family_name=self.text("family_name"),
            category=Category(self.value("category")), status=Status(self.value("status")),
            organization_id=self.value("organization_id"), badge_name=self.text("badge_name"),
            job_title=self.text("job_title"), email=self.text("email"),
            phone=self.text("phone"), languages=_split(self.text("languages")),
            document_language=self.value("document_language"),
            nationality=self.text("nationality").strip() or None,
            passport_number=self.text("passport_number"), passport_expiry=expiry,
            date_of_birth=birth, dietary_needs=self.text("dietary_needs"),
            accessibility_needs=self.text("accessibility_needs"), notes=self.text("notes"))


class OrganizationForm(RecordForm):
    """Every field of an organisation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line("name", _("&Name"), 200)
        self.choice("side", _("&Side"), [(label(s), s.value) for s in Side])
        self.line("country", _("&Country"), 2, _("country code, e.g. MA"))
        self.line("city", _("C&ity"), 100)
        self.line("sectors", _("Sec&tors"), 300, _("e.g. ITO, BPO, software"))
        self.line("website", _("&Website"), 300)
        self.line("email", _("&Email"), 254)
        self.line("phone", _("&Phone"), 40)
        self.notes("offers", _("&Offers"))
        self.notes("seeks", _("Seek&s"))
        self.notes("notes", _("N&otes"))

    def fill(self, data: OrganizationInput) -> None:
        for name in ("name", "country", "city", "website", "email", "phone", "offers", "seeks",
                     "notes"):
            self.set_value(name, getattr(data, name) or "")
        self.set_value("side", Side(data.side).value)
        self.set_value("sectors", ", ".join(data.sectors))

    def collect(self) -> OrganizationInput:
        return OrganizationInput(
            name=self.text("name"), side=Side(self.value("side")),
            country=self.text("country").strip() or None, city=self.text("city"),
            sectors=_split(self.text("sectors")), website=self.text("website"),
            email=self.text("email"), phone=self.text("phone"), offers=self.text("offers"),
            seeks=self.text("seeks"), notes=self.text("notes"))
