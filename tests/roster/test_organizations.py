"""Organisations: clean names, unique ignoring case, filters, dependents."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side
from desktop.errors import ValidationError
from desktop.roster.organizations import (
    OrganizationFilter,
    OrganizationInput,
    add_organization,
    delete_organization,
    find_organization_by_name,
    list_organizations,
    organization_dependents,
    update_organization,
)
from desktop.roster.people import PersonInput, add_person, get_person


def test_an_organisation_is_stored_clean(session: Session) -> None:
    organization = add_organization(session, OrganizationInput(
        name=" Casablanca  Offshore Partners ", side=Side.HOST, country="ma",
        city="Casablanca", sectors=["ITO", " BPO ", "ITO"], phone="0522 12 34 56",
        email="Contact@COP.example"))
    assert organization.name == "Casablanca Offshore Partners"
    assert organization.country == "MA"
    assert organization.sectors == ["ITO", "BPO"]
    assert organization.phone == "+212522123456"
    assert organization.email == "contact@cop.example"


def test_names_are_unique_ignoring_case(session: Session) -> None:
    add_organization(session, OrganizationInput(name="Atlas Offshore", side=Side.DELEGATION))
    with pytest.raises(ValidationError, match="already exists"):
        add_organization(session, OrganizationInput(name="ATLAS OFFSHORE", side=Side.HOST))


def test_renaming_to_its_own_name_is_fine(session: Session) -> None:
    organization = add_organization(session, OrganizationInput(name="Atlas Offshore",
                                                               side=Side.DELEGATION))
    update_organization(session, organization.id,
                        OrganizationInput(name="Atlas Offshore", side=Side.DELEGATION,
                                          country="US"))
    assert organization.country == "US"


def test_bad_fields_are_all_named(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        add_organization(session, OrganizationInput(name="", side="nowhere",  # type: ignore[arg-type]
                                                     country="Atlantis", email="x@"))
    assert {p.field for p in caught.value.problems} == {"name", "side", "country", "email"}


def test_filters_and_accent_insensitive_search(session: Session) -> None:
    add_organization(session, OrganizationInput(name="Société Générale Informatique",
                                                side=Side.HOST, country="MA"))
    add_organization(session, OrganizationInput(name="Mission Bay Systems", side=Side.DELEGATION,
                                                country="US"))
    assert [o.name for o in list_organizations(session, OrganizationFilter(text="societe"))] == [
        "Société Générale Informatique"]
    assert [o.name for o in list_organizations(session, OrganizationFilter(side=Side.DELEGATION))
            ] == ["Mission Bay Systems"]
    assert find_organization_by_name(session, "societe generale informatique") is not None


def test_deleting_an_organisation_keeps_its_people(session: Session) -> None:
    organization = add_organization(session, OrganizationInput(name="Atlas Offshore",
                                                               side=Side.DELEGATION))
    person = add_person(session, PersonInput(given_name="Amy", family_name="Chen",
                                             category=Category.DELEGATE,
                                             organization_id=organization.id))
    assert organization_dependents(session, organization.id).people == 1
    delete_organization(session, organization.id)
    session.expire_all()
    assert get_person(session, person.id).organization_id is None
