"""The 2007 demo mission: its headline facts and roster, valid by the services' own rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.checks import mission_findings
from desktop.db.enums import Category, Side, Status
from desktop.db.models import Organization, Person
from desktop.demo import build_demo
from desktop.demo.mission2007 import document_language, email_address
from desktop.missions import get_mission
from desktop.roster.organizations import organization_input, validate_organization
from desktop.roster.people import person_input, validate_person


def test_the_mission_row_names_the_2007_mission_and_its_organisers(demo: Session) -> None:
    mission = get_mission(demo)
    assert "Morocco 2007" in mission.name
    assert (mission.start_date, mission.end_date) == (date(2007, 5, 14), date(2007, 5, 17))
    assert mission.organisers == "APEBI and AMPA"
    assert mission.home_timezone == "Africa/Casablanca"
    assert mission.home_country == "MA"


def test_emergency_contacts_give_moroccan_numbers_and_the_duty_phone(demo: Session) -> None:
    contacts = get_mission(demo).emergency_contacts
    assert "Police: 19" in contacts
    assert "15" in contacts
    assert "+212661402007" in contacts


def test_about_thirty_delegates_from_about_twenty_north_american_companies(
        demo: Session) -> None:
    delegation = demo.scalars(select(Organization).where(
        Organization.side == Side.DELEGATION)).all()
    assert 18 <= len(delegation) <= 22
    assert {o.country for o in delegation} == {"US", "CA"}
    assert {"Montréal", "Toronto", "New York", "San Francisco", "Chicago"} <= {
        o.city for o in delegation}
    delegates = demo.scalars(select(Person).where(Person.category == Category.DELEGATE)).all()
    assert 28 <= len(delegates) <= 35
    assert {d.organization_id for d in delegates} == {o.id for o in delegation}


def test_about_fifty_moroccan_host_companies_with_one_or_two_people_each(demo: Session) -> None:
    hosts = demo.scalars(select(Organization).where(Organization.side == Side.HOST)).all()
    assert 45 <= len(hosts) <= 55
    assert {o.country for o in hosts} == {"MA"}
    assert {o.city for o in hosts} == {"Casablanca", "Rabat"}
    per_company = Counter(demo.scalars(select(Person.organization_id).where(
        Person.category == Category.HOST)))
    assert set(per_company.values()) == {1, 2}
    assert len(per_company) == len(hosts)


def test_organisers_speakers_press_and_interpreters_are_on_the_roster(demo: Session) -> None:
    by_category = Counter(demo.scalars(select(Person.category)))
    assert by_category[Category.ORGANISER] >= 4
    assert by_category[Category.SPEAKER] >= 2
    assert by_category[Category.VIP] >= 1
    assert by_category[Category.PRESS] >= 2
    assert by_category[Category.STAFF] >= 2
    names = set(demo.scalars(select(Organization.name)))
    assert {"APEBI", "AMPA"} <= names


def test_statuses_are_varied_with_cancellations_and_a_waitlist(demo: Session) -> None:
    statuses = Counter(demo.scalars(select(Person.status)))
    assert statuses[Status.CANCELLED] == 2
    assert statuses[Status.WAITLISTED] == 1
    assert statuses[Status.INVITED] >= 1
    assert statuses[Status.CONFIRMED] > 90


def test_every_person_passes_the_roster_validation_unchanged(demo: Session) -> None:
    people = demo.scalars(select(Person)).all()
    assert len(people) > 100
    for person in people:
        data = person_input(person)
        assert validate_person(demo, data) == data, person.full_name


def test_every_organisation_passes_the_roster_validation_unchanged(demo: Session) -> None:
    for organization in demo.scalars(select(Organization)):
        data = organization_input(organization)
        assert validate_organization(demo, data, existing_id=organization.id) == data


def test_phones_are_stored_in_international_form(demo: Session) -> None:
    phones = {p.full_name: p.phone for p in demo.scalars(select(Person))}
    assert phones["Éloïse Tremblay"] == "+15145550100"
    assert phones["Nadia Benkirane"] == "+212661402007"
    assert all(phone.startswith(("+1", "+212")) for phone in phones.values())


def test_names_keep_their_accents_and_one_badge_is_in_arabic_script(demo: Session) -> None:
    names = {p.full_name for p in demo.scalars(select(Person))}
    assert {"Éloïse Tremblay", "François Gagnon", "Zoë Castellanos", "Amine Aït Benhaddou",
            "Leïla Chraïbi", "Youssef El Ouazzani"} <= names
    badges = [p.badge_name for p in demo.scalars(select(Person)) if p.badge_name]
    assert len(badges) >= 3
    assert "سمير العلوي" in badges


def test_needs_and_languages_are_recorded(demo: Session) -> None:
    people = demo.scalars(select(Person)).all()
    diets = {p.dietary_needs for p in people}
    assert {"halal", "vegetarian"} <= diets
    assert any("pork" in d for d in diets)
    assert [p.full_name for p in people if "wheelchair" in p.accessibility_needs] == [
        "James Whitfield"]
    spoken = {code for p in people for code in p.languages}
    assert {"en", "fr", "ar"} <= spoken
    french = {p.full_name: p.document_language for p in people}
    assert french["Éloïse Tremblay"] == "fr"
    assert french["Robert Whitaker"] == "en"


def test_travellers_have_passports_and_exactly_one_expires_too_soon(demo: Session) -> None:
    travellers = demo.scalars(select(Person).where(Person.passport_number != "")).all()
    assert len(travellers) >= 30
    assert all(p.passport_expiry is not None for p in travellers)
    soon = [p.full_name for p in travellers
            if p.passport_expiry is not None and p.passport_expiry < date(2007, 11, 17)]
    assert soon == ["Thomas Greene"]


def test_the_problems_list_warns_about_that_passport(demo: Session) -> None:
    passport = [f for f in mission_findings(demo) if f.category == "passport"]
    assert len(passport) == 1
    assert "Thomas Greene" in passport[0].message
    assert "within six months" in passport[0].message


def test_two_builds_write_identical_content(
        tmp_path: Path, write_mission: Callable[..., Path],
        canonical_dump: Callable[[Path], dict[str, list[tuple[Any, ...]]]]) -> None:
    first = canonical_dump(write_mission(tmp_path / "a.mission", build_demo))
    second = canonical_dump(write_mission(tmp_path / "b.mission", build_demo))
    assert first == second
    assert len(first["person"]) > 100 and len(first["meeting_request"]) > 100


def test_email_addresses_drop_accents_and_spaces() -> None:
    assert email_address("Éloïse", "Tremblay", "x.example") == "eloise.tremblay@x.example"
    assert email_address("Fatima Zahra", "Aït Benhaddou", "y.example") == (
        "fatima.aitbenhaddou@y.example")
    assert email_address("Brian", "O'Connell", "z.example") == "brian.oconnell@z.example"


def test_documents_are_french_for_people_who_read_french_first() -> None:
    assert document_language(("fr", "en")) == "fr"
    assert document_language(("ar", "fr")) == "fr"
    assert document_language(("en", "fr", "ar")) == "en"
    assert document_language(("ar", "en")) == "en"


def test_besides_that_passport_the_problems_are_only_the_meetings_still_to_schedule(
        demo: Session) -> None:
    # Travel is complete: everyone from abroad has flights and hotel nights (the
    # interpreters live in Morocco).
    found = mission_findings(demo)
    assert {f.category for f in found} == {"passport", "b2b"}
    assert next(f.message for f in found if f.category == "b2b").endswith(
        "“Schedule automatically”, on the B2B meetings page, places them.")
