"""Recognising columns by their headers, and mapping files saved and reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import ImportProblem
from desktop.exchange.fields import Kind
from desktop.exchange.mapping import (
    Mapping,
    check_mapping,
    combine,
    guess_mapping,
    load_mapping,
    save_mapping,
)


@pytest.mark.parametrize(("header", "field"), [
    ("First name", "given_name"), ("PRÉNOM", "given_name"), ("prenom", "given_name"),
    ("Last Name", "family_name"), ("Nom", "family_name"), ("Company", "organization"),
    ("Société", "organization"), ("Entreprise", "organization"), ("Organisation", "organization"),
    ("Job title", "job_title"), ("Fonction", "job_title"), ("Poste", "job_title"),
    ("Email", "email"), ("E-mail", "email"), ("Courriel", "email"), ("Phone", "phone"),
    ("Téléphone", "phone"), ("Tél.", "phone"), ("Country", "country"), ("Pays", "country"),
    ("Passport", "passport_number"), ("Passeport", "passport_number"),
    ("N° de passeport", "passport_number"), ("Date de naissance", "date_of_birth"),
    ("Régime alimentaire", "dietary_needs"), (" e-MAIL ", "email"),
])
def test_common_english_and_french_headers_are_recognised(header: str, field: str) -> None:
    assert guess_mapping(Kind.PEOPLE, [header]).columns == {header: field}


def test_unknown_columns_are_left_unmapped_and_a_field_goes_to_its_first_column() -> None:
    mapping = guess_mapping("people", ["Email", "State", "Courriel"])
    assert mapping.columns == {"Email": "email", "State": None, "Courriel": None}


def test_a_file_of_another_kind_is_refused_with_its_columns_named() -> None:
    mapping = guess_mapping(Kind.PEOPLE, ["Flight number", "From", "To"])
    with pytest.raises(ImportProblem, match=r"does not look like a list of people.*Flight number"):
        check_mapping(mapping)


def test_a_missing_required_column_is_named() -> None:
    mapping = guess_mapping(Kind.PEOPLE, ["First name", "Email"])
    with pytest.raises(ImportProblem, match="no column for Last name"):
        check_mapping(mapping)


def test_two_columns_for_one_field_are_refused() -> None:
    mapping = Mapping(Kind.PEOPLE, {"A": "given_name", "B": "given_name", "C": "family_name"})
    with pytest.raises(ImportProblem, match="“A” and “B” both mean First name"):
        check_mapping(mapping)


def test_a_saved_mapping_comes_back_and_overrides_the_guess(tmp_path: Path) -> None:
    headers = ["Prénom", "Nom", "Raison", "Nom2"]
    saved = Mapping(Kind.PEOPLE, {"Raison": "organization", "Nom": None, "Nom2": "family_name"},
                    date_order="mdy", defaults={"category": "host"})
    save_mapping(saved, tmp_path / "map.json")
    loaded = load_mapping(tmp_path / "map.json")
    assert loaded == saved
    combined = combine(guess_mapping(Kind.PEOPLE, headers), loaded)
    assert combined.columns == {"Prénom": "given_name", "Nom": None, "Raison": "organization",
                                "Nom2": "family_name"}
    assert combined.date_order == "mdy"
    check_mapping(combined)


def test_a_mapping_for_another_kind_is_refused(tmp_path: Path) -> None:
    save_mapping(Mapping(Kind.FLIGHTS, {"Vol": "flight"}), tmp_path / "m.json")
    with pytest.raises(ImportProblem, match="for flights, not for people"):
        combine(guess_mapping(Kind.PEOPLE, ["Vol"]), load_mapping(tmp_path / "m.json"))


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON"),
    ('{"columns": ["a"]}', "must hold an object"),
    ('{"kind": "cars", "columns": {}}', "names no known kind"),
])
def test_unusable_mapping_files_say_why(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "m.json").write_text(content, encoding="utf-8")
    with pytest.raises(ImportProblem, match=message):
        load_mapping(tmp_path / "m.json")


def test_a_mapping_naming_an_unknown_field_lists_the_real_ones() -> None:
    with pytest.raises(ImportProblem, match=r"“shoe_size” is not a field of people.*given_name"):
        check_mapping(Mapping(Kind.PEOPLE, {"Shoes": "shoe_size"}))
