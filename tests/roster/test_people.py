"""People on the roster: validation that explains itself, matching, warnings, dependents."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side, Status
from desktop.errors import ValidationError
from desktop.missions import get_mission
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import (
    PeopleFilter,
    PersonInput,
    add_months,
    add_person,
    delete_person,
    find_person,
    list_people,
    person_dependents,
    person_input,
    person_warnings,
    update_person,
)


def host_company(session: Session, name: str = "Maroc Data Services") -> int:
    return add_organization(session, OrganizationInput(name=name, side=Side.HOST,
                                                       country="MA", city="Casablanca")).id


def us_company(session: Session, name: str = "Atlas Offshore") -> int:
    return add_organization(session, OrganizationInput(name=name, side=Side.DELEGATION,
                                                       country="US", city="Boston")).id


def test_a_person_is_stored_clean(session: Session) -> None:
    person = add_person(session, PersonInput(
        given_name="  Samir ", family_name=" El  Alaoui ", category=Category.HOST,
        organization_id=host_company(session), email=" S.Alaoui@MarocData.example ",
        phone="06 61 23 45 67", languages=["FR", "ar", "fr"], passport_number="ab 12 34 56"))
    assert (person.given_name, person.family_name) == ("Samir", "El Alaoui")
    assert person.email == "s.alaoui@marocdata.example"
    assert person.phone == "+212661234567"
    assert person.languages == ["fr", "ar"]
    assert person.passport_number == "AB123456"
    assert person.status == Status.INVITED


def test_a_phone_is_read_in_the_organisations_country(session: Session) -> None:
    person = add_person(session, PersonInput(
        given_name="Daniel", family_name="Price", category=Category.DELEGATE,
        organization_id=us_company(session), phone="(415) 555-0101"))
    assert person.phone == "+14155550101"


def test_every_field_at_fault_is_named_at_once(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        add_person(session, PersonInput(given_name="", family_name="Alami",
                                        category=Category.HOST, email="samir@",
                                        phone="12", languages=["klingon"],
                                        nationality="Morocco", document_language="de"))
    fields = {problem.field for problem in caught.value.problems}
    assert fields == {"given_name", "email", "phone", "languages", "nationality",
                      "document_language"}
    assert "given name is required" in caught.value.problems[0].message


def test_a_birth_date_in_the_future_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError, match="future"):
        add_person(session, PersonInput(given_name="Zoë", family_name="Tremblay",
                                        category=Category.DELEGATE,
                                        date_of_birth=date(2999, 1, 1)))


def test_update_and_duplicate_through_the_input(session: Session) -> None:
    person = add_person(session, PersonInput(given_name="Rim", family_name="Benjelloun",
                                             category=Category.HOST))
    data = person_input(person)
    data.job_title = "Chef de produit"
    data.status = Status.CONFIRMED
    update_person(session, person.id, data)
    assert (person.job_title, person.status) == ("Chef de produit", Status.CONFIRMED)
    twin = add_person(session, person_input(person))
    assert twin.id != person.id and twin.full_name == person.full_name


def test_the_text_filter_ignores_case_and_accents(session: Session) -> None:
    company = us_company(session)
    add_person(session, PersonInput(given_name="Éloïse", family_name="Benhamou",
                                    category=Category.DELEGATE, organization_id=company))
    add_person(session, PersonInput(given_name="Karim", family_name="Tazi",
                                    category=Category.HOST))
    assert [p.family_name for p in list_people(session, PeopleFilter(text="eloise"))] == [
        "Benhamou"]
    assert [p.given_name for p in list_people(session, PeopleFilter(text="BENHAMOU"))] == [
        "Éloïse"]
    assert [p.family_name for p in list_people(session, PeopleFilter(text="atlas"))] == [
        "Benhamou"]
    assert [p.family_name for p in list_people(session, PeopleFilter(side=Side.DELEGATION))] == [
        "Benhamou"]
    assert [p.family_name for p in list_people(session, PeopleFilter(country="us"))] == [
        "Benhamou"]


def test_people_are_found_by_email_else_by_name_and_organisation(session: Session) -> None:
    company = host_company(session)
    samir = add_person(session, PersonInput(given_name="Samir", family_name="Chraïbi",
                                            category=Category.HOST, organization_id=company,
                                            email="samir@marocdata.example"))
    assert find_person(session, email="SAMIR@marocdata.example") is samir
    assert find_person(session, given_name="samir", family_name="chraibi",
                       organization_id=company) is samir
    assert find_person(session, given_name="Samir", family_name="Chraïbi") is None


def test_a_passport_expiring_within_six_months_of_the_end_is_a_warning(
        session: Session) -> None:
    mission = get_mission(session)  # ends 2007-05-17
    soon = add_person(session, PersonInput(given_name="Daniel", family_name="Price",
                                           category=Category.DELEGATE,
                                           passport_expiry=date(2007, 11, 16)))
    fine = add_person(session, PersonInput(given_name="Amy", family_name="Chen",
                                           category=Category.DELEGATE,
                                           passport_expiry=date(2007, 11, 17)))
    expired = add_person(session, PersonInput(given_name="Luc", family_name="Gagnon",
                                              category=Category.DELEGATE,
                                              passport_expiry=date(2007, 5, 1)))
    assert person_warnings(soon, mission)[0].message == (
        "Daniel Price's passport expires on Nov 16, 2007, within six months of the mission's "
        "end: many countries refuse entry.")
    assert person_warnings(fine, mission) == []
    assert "expires on May 1, 2007, before the mission ends" in \
        person_warnings(expired, mission)[0].message


def test_months_are_added_on_the_calendar() -> None:
    assert add_months(date(2007, 5, 17), 6) == date(2007, 11, 17)
    assert add_months(date(2007, 8, 31), 6) == date(2008, 2, 29)


def test_deleting_a_person_reports_then_takes_what_depends_on_them(session: Session) -> None:
    person = add_person(session, PersonInput(given_name="Rim", family_name="Benjelloun",
                                             category=Category.HOST))
    assert person_dependents(session, person.id).describe() == []
    delete_person(session, person.id)
    assert list_people(session) == []
