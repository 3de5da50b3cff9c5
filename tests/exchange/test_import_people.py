"""Importing people and organisations: preview first, match instead of duplicating, all or
nothing unless told to skip the rejected rows."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side, Status
from desktop.db.models import Organization, Person
from desktop.errors import Cancelled, ValidationError
from desktop.exchange.fields import Kind
from desktop.exchange.importer import Outcome, apply, preview, write_rejected
from desktop.exchange.mapping import Mapping, guess_mapping
from desktop.exchange.sources import read_source
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person

from .conftest import FRENCH_EXCEL, US_EXPORT

Writer = Callable[..., Path]


def run(session: Session, kind: str, path: Path, *, skip_invalid: bool = False,
        mapping: Mapping | None = None):  # type: ignore[no-untyped-def]
    source = read_source(path)
    result = preview(session, kind, source, mapping or guess_mapping(kind, source.headers))
    if not result.rejected_rows or skip_invalid:
        apply(session, result, skip_invalid=skip_invalid)
    return result


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_french_excel_registrations_become_moroccan_hosts(session: Session) -> None:
    result = run(session, "people", FRENCH_EXCEL)
    assert result.counts == {"added": 2, "updated": 0, "unchanged": 0, "rejected": 0}
    samir = session.scalars(select(Person).where(Person.family_name == "Alami")).one()
    assert samir.given_name == "Samir"
    assert samir.job_title == "Directeur général"
    assert samir.phone == "+212610203040"
    assert samir.dietary_needs == "Halal"
    assert samir.category is Category.HOST
    assert samir.organization is not None
    assert samir.organization.name == "Casablanca Offshore Partners"
    assert samir.organization.side is Side.HOST
    assert samir.organization.country == "MA"
    assert samir.organization.city == "Casablanca"


def test_us_export_becomes_a_delegate_with_an_e164_phone(session: Session) -> None:
    result = run(session, "people", US_EXPORT)
    assert result.counts["added"] == 1
    daniel = session.scalars(select(Person)).one()
    assert daniel.phone == "+14155550101"
    assert daniel.category is Category.DELEGATE
    assert daniel.organization is not None
    assert daniel.organization.name == "Mission Bay Systems, LLC"
    assert daniel.organization.side is Side.DELEGATION
    assert any("Arrival Flight" in n.message for n in result.notes)


def test_importing_twice_changes_nothing_the_second_time(session: Session) -> None:
    run(session, "people", FRENCH_EXCEL)
    again = run(session, "people", FRENCH_EXCEL)
    assert again.counts == {"added": 0, "updated": 0, "unchanged": 2, "rejected": 0}
    assert count(session, Person) == 2
    assert count(session, Organization) == 2


def test_people_are_matched_by_email_then_by_name_and_organisation(
        session: Session, write_file: Writer) -> None:
    org = add_organization(session, OrganizationInput(name="Atlas IT", side=Side.HOST,
                                                      country="MA"))
    by_email = add_person(session, PersonInput("Nadia", "Tazi", Category.HOST,
                                               email="n.tazi@atlas.ma", organization_id=org.id))
    by_name = add_person(session, PersonInput("Karim", "Idrissi", Category.HOST,
                                              organization_id=org.id))
    path = write_file("p.csv", "Prénom;Nom;Société;Courriel;Fonction;Statut\n"
                               "Nadia;Tazi-Benali;Atlas IT;N.Tazi@atlas.ma;CEO;Confirmé\n"
                               "KARIM;Idrissi;atlas it;;CTO;\n"
                               "Karim;Idrissi;Other Co;;CTO;\n")
    result = run(session, "people", path)
    outcomes = [(r.row, r.outcome) for r in result.rows]
    assert outcomes == [(2, Outcome.UPDATED), (3, Outcome.UPDATED), (4, Outcome.ADDED)]
    assert "Last name" in result.rows[0].changes and "Status" in result.rows[0].changes
    assert by_email.family_name == "Tazi-Benali"
    assert by_email.status is Status.CONFIRMED
    assert by_name.job_title == "CTO"
    assert by_name.given_name == "KARIM"
    assert count(session, Person) == 3


def test_a_blank_cell_never_erases_what_is_known(session: Session, write_file: Writer) -> None:
    person = add_person(session, PersonInput("Ann", "Lee", Category.DELEGATE, email="a@b.com",
                                             job_title="CEO", phone="+14155550101"))
    result = run(session, "people", write_file(
        "p.csv", "First name,Last name,Email,Job title,Phone\nAnn,Lee,a@b.com,,\n"))
    assert result.rows[0].outcome is Outcome.UNCHANGED
    assert (person.job_title, person.phone) == ("CEO", "+14155550101")


def test_every_problem_is_listed_with_row_and_column_and_nothing_is_written(
        session: Session, write_file: Writer) -> None:
    path = write_file("p.csv", "First name,Last name,Email,Country,Category,Phone\n"
                               "Ann,Lee,ann@example.com,USA,Delegate,\n"
                               ",Ross,not-an-email,Atlantis,Boss,\n"
                               "Bob,Stone,bob@example.com,USA,,12\n")
    result = run(session, "people", path)
    assert result.counts == {"added": 1, "updated": 0, "unchanged": 0, "rejected": 2}
    found = {(p.row, p.column) for p in result.problems}
    assert found == {(3, "First name"), (3, "Email"), (3, "Country"), (3, "Category"),
                     (4, "Phone")}
    assert any("“not-an-email” is not an email address" in p.message for p in result.problems)
    assert count(session, Person) == 0
    with pytest.raises(ValidationError) as caught:
        apply(session, result)
    assert len(caught.value.problems) == 5
    assert count(session, Person) == 0


def test_skip_invalid_imports_good_rows_and_writes_the_others_to_fix(
        session: Session, write_file: Writer, tmp_path: Path) -> None:
    path = write_file("p.csv", "First name;Last name;Email;Notes\n"
                               "Ann;Lee;ann@example.com;\"two\nlines\"\n"
                               "Bob;Stone;bob@;=1+1\n")
    result = run(session, "people", path, skip_invalid=True)
    assert [p.full_name for p in session.scalars(select(Person))] == ["Ann Lee"]
    assert session.scalars(select(Person)).one().notes == "two\nlines"
    assert write_rejected(result, tmp_path / "rejected.csv") == 1
    with (tmp_path / "rejected.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["First name", "Last name", "Email", "Notes", "Problems"]
    assert rows[1][:4] == ["Bob", "Stone", "bob@", "'=1+1"]
    assert "Email" in rows[1][4]
    fixed = write_file("fixed.csv", (tmp_path / "rejected.csv").read_text("utf-8-sig")
                       .replace("bob@", "bob@example.com"))
    again = run(session, "people", fixed)
    assert again.counts["added"] == 1
    bob = session.scalars(select(Person).where(Person.given_name == "Bob")).one()
    assert bob.notes == "=1+1"


def test_the_same_person_twice_in_a_file_is_rejected(session: Session,
                                                     write_file: Writer) -> None:
    result = run(session, "people", write_file(
        "p.csv", "First name,Last name,Email\nAnn,Lee,a@b.com\nAnnie,Lee,A@B.com\n"))
    assert result.rows[1].outcome is Outcome.REJECTED
    assert "Row 2 already stands for the same record" in result.rows[1].problems[0].message


def test_a_row_with_more_cells_than_headers_is_rejected(session: Session,
                                                        write_file: Writer) -> None:
    result = run(session, "people", write_file(
        "p.csv", "First name,Last name\nAnn,Lee\nBob,Stone,extra,cells\n"))
    assert result.rows[1].outcome is Outcome.REJECTED
    assert "more cells than the header row" in result.rows[1].problems[0].message


def test_mapping_defaults_and_date_order(session: Session, write_file: Writer) -> None:
    path = write_file("p.csv", "Given,Family,Born\nAnn,Lee,05/06/1970\n")
    mapping = Mapping(Kind.PEOPLE, {"Given": "given_name", "Family": "family_name",
                                    "Born": "date_of_birth"}, date_order="mdy",
                      defaults={"category": "Speaker"})
    run(session, "people", path, mapping=mapping)
    ann = session.scalars(select(Person)).one()
    assert ann.category is Category.SPEAKER
    assert ann.date_of_birth is not None and ann.date_of_birth.month == 5


def test_organisations_import_matches_by_name_ignoring_case_and_accents(
        session: Session, write_file: Writer) -> None:
    add_organization(session, OrganizationInput(name="Société Générale", side=Side.HOST))
    path = write_file("o.csv", "Organisation;Côté;Pays;Ville;Secteurs\n"
                               "societe generale;Hôte;Maroc;Casablanca;ITO, BPO\n"
                               "Pacific Code;;États-Unis;Seattle;software\n")
    result = run(session, "organizations", path)
    assert [r.outcome for r in result.rows] == [Outcome.UPDATED, Outcome.ADDED]
    pacific = session.scalars(select(Organization).where(Organization.name == "Pacific Code")
                              ).one()
    assert (pacific.side, pacific.country, pacific.sectors) == (Side.DELEGATION, "US",
                                                                ["software"])
    assert count(session, Organization) == 2
    assert run(session, "organizations", path).counts["unchanged"] == 2


def test_progress_is_reported_and_cancel_stops_before_writing(session: Session,
                                                              write_file: Writer) -> None:
    lines = "".join(f"P{i},Q{i},p{i}@example.com\n" for i in range(600))
    source = read_source(write_file("p.csv", "First name,Last name,Email\n" + lines))
    seen: list[tuple[int, int]] = []
    result = preview(session, "people", source, guess_mapping("people", source.headers),
                     progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (600, 600) and len(seen) >= 3
    with pytest.raises(Cancelled):
        apply(session, result, cancel=lambda: True)
