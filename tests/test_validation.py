"""Shared checks: phones, emails, countries, matching text."""

from __future__ import annotations

import pytest

from desktop.validation import (
    Checker,
    clean_text,
    country_name,
    fold,
    format_phone,
    is_country_code,
    normalise_phone,
)


@pytest.mark.parametrize(("text", "region", "expected"), [
    ("06 61 23 45 67", "MA", "+212661234567"),
    ("0537 12 34 56", "MA", "+212537123456"),
    ("+212 6 61 23 45 67", None, "+212661234567"),
    ("00212661234567", "FR", "+212661234567"),
    ("+1 (415) 555-0101", None, "+14155550101"),
    ("(514) 555-0199", "CA", "+15145550199"),
])
def test_phones_become_e164(text: str, region: str | None, expected: str) -> None:
    assert normalise_phone(text, region) == expected


def test_a_local_number_with_no_known_country_asks_for_the_prefix() -> None:
    with pytest.raises(ValueError, match="international prefix"):
        normalise_phone("06 61 23 45 67", None)


def test_a_number_that_cannot_exist_is_refused() -> None:
    with pytest.raises(ValueError, match="not a valid phone number"):
        normalise_phone("06 61", "MA")


def test_phones_print_internationally() -> None:
    assert format_phone("+212661234567") == "+212 6 61 23 45 67"
    assert format_phone("") == ""


def test_folding_ignores_case_and_accents() -> None:
    assert fold("Éloïse") == "eloise"
    assert fold("CHRAÏBI") == "chraibi"
    assert fold("Aït Benhaddou") == "ait benhaddou"


def test_clean_text_trims_and_joins_spaces() -> None:
    assert clean_text("  Samir \n  El  Alaoui ") == "Samir El Alaoui"
    assert clean_text(None) == ""


def test_countries_by_code_in_both_languages() -> None:
    assert is_country_code("ma") and not is_country_code("XX")
    assert country_name("MA", "fr") == "Maroc"
    assert country_name("US", "en") == "United States"


def test_a_checker_collects_every_problem() -> None:
    check = Checker()
    check.required("name", "", "The name", 10)
    check.email("email", "nobody")
    check.timezone("zone", "Mars/Olympus")
    assert [p.field for p in check.problems] == ["name", "email", "zone"]
