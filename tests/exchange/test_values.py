"""Cells into clean values: dates, times, countries, vocabularies, and the formula guard."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.db.enums import Category, Side, Status
from desktop.exchange.values import (
    date_order_of,
    guard_formula,
    parse_choice,
    parse_country,
    parse_date,
    parse_languages,
    parse_time,
    unguard_formula,
)


@pytest.mark.parametrize(("cell", "day"), [
    ("2007-05-15", date(2007, 5, 15)), ("15/05/2007", date(2007, 5, 15)),
    ("25/12/2007", date(2007, 12, 25)), ("15.05.07", date(2007, 5, 15)),
    ("15 mai 2007", date(2007, 5, 15)), ("1er juin 2007", date(2007, 6, 1)),
    ("May 15, 2007", date(2007, 5, 15)), ("15 Sept. 2007", date(2007, 9, 15)),
    ("2007-05-15 00:00:00", date(2007, 5, 15)), (39217, date(2007, 5, 15)),
    ("39217", date(2007, 5, 15)), (39217.75, date(2007, 5, 15)),
    (datetime(2007, 5, 15, 8, 30), date(2007, 5, 15)), (date(2007, 5, 15), date(2007, 5, 15)),
    ("", None), (None, None),
])
def test_dates_in_iso_french_words_and_excel_forms(cell: object, day: date | None) -> None:
    assert parse_date(cell) == day  # type: ignore[arg-type]


def test_us_dates_read_month_first_when_the_column_says_so() -> None:
    assert date_order_of(["05/12/2007", "05/13/2007"]) == "mdy"
    assert date_order_of(["13/05/2007"]) == "dmy"
    assert date_order_of(["05/06/2007", 39217]) is None
    assert parse_date("05/13/2007", month_first=True) == date(2007, 5, 13)


@pytest.mark.parametrize("cell", ["31/02/2007", "next tuesday", "15 brumaire 2007", 10 ** 9])
def test_what_is_not_a_date_says_so(cell: object) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_date(cell)  # type: ignore[arg-type]


@pytest.mark.parametrize(("cell", "clock"), [
    ("09:05", time(9, 5)), ("9h05", time(9, 5)), ("9:05 PM", time(21, 5)),
    ("12 am", time(0, 0)), (0.75, time(18, 0)), (time(7, 0), time(7, 0)),
])
def test_times(cell: object, clock: time) -> None:
    assert parse_time(cell) == clock  # type: ignore[arg-type]


@pytest.mark.parametrize(("cell", "code"), [
    ("MA", "MA"), ("ma", "MA"), ("Maroc", "MA"), ("Morocco", "MA"), ("USA", "US"),
    ("États-Unis", "US"), ("Etats-Unis", "US"), ("United States", "US"), ("Canada", "CA"),
    ("Royaume-Uni", "GB"), ("", None),
])
def test_countries_by_name_in_french_or_english_or_code(cell: str, code: str | None) -> None:
    assert parse_country(cell) == code


def test_an_unknown_country_is_explained() -> None:
    with pytest.raises(ValueError, match="“Atlantis” is not a country"):
        parse_country("Atlantis")


@pytest.mark.parametrize(("enum_class", "cell", "member"), [
    (Category, "Delegate", Category.DELEGATE), (Category, "délégué", Category.DELEGATE),
    (Category, "VIP", Category.VIP), (Status, "Confirmé", Status.CONFIRMED),
    (Status, "liste d'attente", Status.WAITLISTED), (Side, "Public body", Side.PUBLIC_BODY),
    (Side, "public_body", Side.PUBLIC_BODY), (Side, "Délégation", Side.DELEGATION),
])
def test_vocabularies_by_label_in_either_language(enum_class: type, cell: str,
                                                  member: object) -> None:
    assert parse_choice(enum_class, cell, "x") is member


def test_an_unknown_label_lists_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="“Boss” is not a category; use one of: Delegate, Host"):
        parse_choice(Category, "Boss", "category")


def test_languages_by_code_or_name() -> None:
    assert parse_languages("English; Français / arabe") == ["en", "fr", "ar"]
    assert parse_languages("en, fr, en") == ["en", "fr"]


@given(st.text())
def test_the_formula_guard_is_undone_exactly(text: str) -> None:
    guarded = guard_formula(text)
    assert unguard_formula(guarded) == text
    assert not guarded.startswith(("=", "+", "-", "@"))
