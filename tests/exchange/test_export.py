"""Attendee lists: presets, fields, filters, sensitive columns, and files Excel opens right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side, Status
from desktop.errors import MissionDeskError, UsageError
from desktop.exchange.exporter import (
    AttendeeFilter,
    confidential_path,
    select_attendees,
)
from desktop.exchange.writers import write_csv, write_pdf, write_xlsx
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person


@pytest.fixture
def roster(session: Session) -> Session:
    atlas = add_organization(session, OrganizationInput("Atlas IT", Side.HOST, country="MA",
                                                        city="Rabat"))
    pacific = add_organization(session, OrganizationInput("Pacific Code", Side.DELEGATION,
                                                          country="US"))
    add_person(session, PersonInput("Nadia", "Tazi", Category.HOST, Status.CONFIRMED,
                                    organization_id=atlas.id, email="n@atlas.ma",
                                    dietary_needs="Halal"))
    add_person(session, PersonInput("Ann", "Lee", Category.DELEGATE, Status.CONFIRMED,
                                    organization_id=pacific.id, email="ann@pacific.example",
                                    phone="+14155550101", passport_number="X1234567",
                                    date_of_birth=date(1970, 3, 4), nationality="US"))
    add_person(session, PersonInput("Bob", "Adams", Category.DELEGATE, Status.CANCELLED,
                                    organization_id=pacific.id))
    return session


def names(table) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.full_name for p in table.people]


def test_full_roster_has_everyone_sorted_and_no_sensitive_column(roster: Session) -> None:
    table = select_attendees(roster)
    assert names(table) == ["Bob Adams", "Ann Lee", "Nadia Tazi"]
    assert "Passport number" not in table.headers and "Date of birth" not in table.headers
    assert not table.confidential


def test_presets_choose_people_and_columns(roster: Session) -> None:
    delegation = select_attendees(roster, "delegation")
    assert names(delegation) == ["Ann Lee"]  # cancelled people are left out
    assert delegation.headers[:3] == ["Last name", "First name", "Organisation"]
    assert names(select_attendees(roster, "hosts")) == ["Nadia Tazi"]
    assert names(select_attendees(roster, "dietary")) == ["Nadia Tazi"]
    assert select_attendees(roster, "contacts").rows[0][5] == "+1 415-555-0101"


def test_the_passport_list_needs_the_sensitive_switch(roster: Session) -> None:
    with pytest.raises(UsageError, match="include-sensitive"):
        select_attendees(roster, "passports")
    table = select_attendees(roster, "passports", include_sensitive=True)
    assert table.confidential
    ann = table.rows[names(table).index("Ann Lee")]
    assert ann[3:] == ["United States", "X1234567", "", date(1970, 3, 4)]


def test_a_sensitive_field_asked_by_name_needs_the_switch(roster: Session) -> None:
    with pytest.raises(UsageError, match="Date of birth is sensitive"):
        select_attendees(roster, fields=["family_name", "date_of_birth"])
    table = select_attendees(roster, fields=["family-name", "Date of birth"],
                             include_sensitive=True)
    assert table.headers == ["Last name", "Date of birth"] and table.confidential


def test_filters_by_side_category_and_status(roster: Session) -> None:
    table = select_attendees(roster, filters=AttendeeFilter(sides=(Side.DELEGATION,),
                                                            statuses=(Status.CANCELLED,)))
    assert names(table) == ["Bob Adams"]
    table = select_attendees(roster, filters=AttendeeFilter(categories=(Category.HOST,)))
    assert names(table) == ["Nadia Tazi"]


def test_unknown_preset_or_field_lists_the_choices(roster: Session) -> None:
    with pytest.raises(UsageError, match="full-roster"):
        select_attendees(roster, "everyone")
    with pytest.raises(UsageError, match="“shoe” is not a field"):
        select_attendees(roster, fields=["shoe"])


def test_confidential_lists_say_so_in_their_file_name() -> None:
    assert confidential_path(Path("out/list.xlsx"), True) == Path("out/list-confidential.xlsx")
    assert confidential_path(Path("list.csv"), False) == Path("list.csv")
    assert confidential_path(Path("confidential.csv"), True) == Path("confidential.csv")


def test_csv_is_utf8_with_bom_and_guards_formulas(roster: Session, tmp_path: Path) -> None:
    path = write_csv(select_attendees(roster, "contacts"), tmp_path / "c.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfLast name,First name")
    assert "'+1 415-555-0101" in data.decode("utf-8-sig")


def test_xlsx_has_typed_dates_a_frozen_header_and_a_filter(roster: Session,
                                                           tmp_path: Path) -> None:
    table = select_attendees(roster, "passports", include_sensitive=True)
    path = write_xlsx(table, tmp_path / "p.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet.title == "Passport list"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G3"  # cancelled people are left out
    assert sheet["A1"].font.bold
    birth = next(c for c in sheet["G"] if c.value not in (None, "Date of birth"))
    assert birth.is_date and birth.value.date() == date(1970, 3, 4)
    assert sheet.column_dimensions["C"].width >= len("Organisation")


def test_pdf_goes_through_the_printed_directory(roster: Session, tmp_path: Path) -> None:
    table = select_attendees(roster, "passports", include_sensitive=True)
    target = confidential_path(tmp_path / "directory.pdf", table.confidential)
    try:
        import desktop.reports.directory  # noqa: F401
    except ModuleNotFoundError:
        with pytest.raises(MissionDeskError, match="printed directory"):
            write_pdf(table, target, mission_name="M")
        return
    write_pdf(table, target, mission_name="Casablanca 2007")
    assert target.name == "directory-confidential.pdf"
    assert target.read_bytes().startswith(b"%PDF")
