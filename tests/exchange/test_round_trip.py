"""An exported list re-imports with no change: for every preset, both formats, any text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from desktop.db.enums import Category, Side, Status
from desktop.exchange.exporter import PRESETS, select_attendees
from desktop.exchange.importer import preview
from desktop.exchange.mapping import guess_mapping
from desktop.exchange.sources import read_source
from desktop.exchange.writers import write_csv, write_xlsx
from desktop.roster.organizations import OrganizationInput, add_organization
from desktop.roster.people import PersonInput, add_person
from desktop.validation import clean_text

WRITERS = {"csv": write_csv, "xlsx": write_xlsx}


def reimport_counts(session: Session, path: Path) -> dict[str, int]:
    source = read_source(path)
    result = preview(session, "people", source, guess_mapping("people", source.headers))
    assert result.problems == []
    return result.counts


@pytest.fixture
def roster(session: Session) -> Session:
    atlas = add_organization(session, OrganizationInput("Atlas IT, S.A.R.L.", Side.HOST,
                                                        country="MA", city="Salé"))
    pacific = add_organization(session, OrganizationInput("Pacific Code", Side.DELEGATION,
                                                          country="US"))
    add_person(session, PersonInput(
        "Nadia", "Tazi-Benali", Category.HOST, Status.CONFIRMED, organization_id=atlas.id,
        email="n@atlas.ma", phone="0661234567", dietary_needs="Halal; sans gluten",
        languages=["ar", "fr"], document_language="fr", nationality="MA",
        notes="Arrives late\non the 14th", passport_number="MA123",
        passport_expiry=date(2011, 1, 31), date_of_birth=date(1975, 12, 25)))
    add_person(session, PersonInput(
        "Ann", "Lee", Category.SPEAKER, Status.WAITLISTED, organization_id=pacific.id,
        phone="+14155550101", accessibility_needs="Wheelchair", badge_name="Annie"))
    add_person(session, PersonInput("José", "Ñúñez", Category.VIP, Status.CANCELLED,
                                    email="=cmd@x.example", job_title="-CEO"))
    return session


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_preset_re_imports_unchanged(roster: Session, tmp_path: Path, fmt: str,
                                           preset: str) -> None:
    table = select_attendees(roster, preset, include_sensitive=True)
    path = WRITERS[fmt](table, tmp_path / f"list.{fmt}")
    counts = reimport_counts(roster, path)
    assert counts == {"added": 0, "updated": 0, "unchanged": len(table.rows), "rejected": 0}


_PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"),
                           blacklist_characters="\ufffe\uffff")
_NAME = st.text(_PRINTABLE, min_size=1, max_size=30).filter(lambda s: bool(clean_text(s)))
_NOTES = st.text(st.one_of(_PRINTABLE, st.sampled_from("\n;,\"'\t")), max_size=60)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(given_name=_NAME, family_name=_NAME, organization=_NAME, job=_NAME, notes=_NOTES)
def test_any_text_survives_export_and_re_import(
        session: Session, tmp_path_factory: pytest.TempPathFactory, fmt: str, given_name: str,
        family_name: str, organization: str, job: str, notes: str) -> None:
    savepoint = session.begin_nested()
    try:
        org = add_organization(session, OrganizationInput(organization, Side.DELEGATION))
        person = add_person(session, PersonInput(given_name, family_name, Category.DELEGATE,
                                                 organization_id=org.id, job_title=job,
                                                 notes=notes, email="p@example.com"))
        table = select_attendees(session)
        path = WRITERS[fmt](table, tmp_path_factory.mktemp("rt") / f"list.{fmt}")
        source = read_source(path)
        result = preview(session, "people", source, guess_mapping("people", source.headers))
        assert result.counts["unchanged"] == 1, result.rows[0]
        assert result.rows[0].payload.data.notes == person.notes
        assert result.rows[0].payload.data.given_name == person.given_name
    finally:
        savepoint.rollback()
