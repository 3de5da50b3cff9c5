"""Dates and times as organisers write them, and instants across the 2007 zone rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from desktop.dates import local_to_utc, parse_clock, parse_day, utc_to_local


@pytest.mark.parametrize(("text", "expected"), [
    ("2007-05-15", date(2007, 5, 15)),
    ("15/05/2007", date(2007, 5, 15)),
    ("15.05.2007", date(2007, 5, 15)),
    ("5/1/07", date(2007, 1, 5)),
    (" 25/12/2007 ", date(2007, 12, 25)),
])
def test_days_in_iso_and_french_forms(text: str, expected: date) -> None:
    assert parse_day(text) == expected


def test_month_first_when_the_source_says_so() -> None:
    assert parse_day("05/13/2007", month_first=True) == date(2007, 5, 13)


@pytest.mark.parametrize("text", ["31/02/2007", "2007-13-01", "tomorrow", "", "15/05"])
def test_days_that_are_not_real_are_explained(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_day(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("09:00", time(9)), ("9h00", time(9)), ("9h", time(9)), ("17:20", time(17, 20)),
    ("14h30", time(14, 30)), ("08:05:30", time(8, 5, 30)),
    # As English forms and the app's own English labels write them.
    ("2:00 PM", time(14)), ("9 am", time(9)), ("12:40\u202fPM", time(12, 40)),
    ("12:15 a.m.", time(0, 15)), ("11.30pm", time(23, 30)),
])
def test_clock_times(text: str, expected: time) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["25:00", "9:75", "noon", "13:00 PM", "0:30 AM", "9:60 am"])
def test_bad_clock_times(text: str) -> None:
    with pytest.raises(ValueError, match="time"):
        parse_clock(text)


def test_casablanca_kept_utc_all_of_2007() -> None:
    assert local_to_utc(datetime(2007, 5, 15, 9, 0), "Africa/Casablanca") == datetime(
        2007, 5, 15, 9, 0, tzinfo=UTC)
    assert local_to_utc(datetime(2007, 8, 1, 9, 0), "Africa/Casablanca") == datetime(
        2007, 8, 1, 9, 0, tzinfo=UTC)


def test_the_us_started_summer_time_on_11_march_2007() -> None:
    # Under the old rules New York would still have been on EST (UTC-5) on 12 March.
    assert local_to_utc(datetime(2007, 3, 12, 18, 0), "America/New_York") == datetime(
        2007, 3, 12, 22, 0, tzinfo=UTC)
    assert local_to_utc(datetime(2007, 3, 10, 18, 0), "America/New_York") == datetime(
        2007, 3, 10, 23, 0, tzinfo=UTC)


def test_a_skipped_or_repeated_local_time_is_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="does not exist"):
        local_to_utc(datetime(2007, 3, 11, 2, 30), "America/New_York")
    with pytest.raises(ValueError, match="twice"):
        local_to_utc(datetime(2007, 11, 4, 1, 30), "America/New_York")


def test_utc_back_to_local() -> None:
    local = utc_to_local(datetime(2007, 5, 13, 22, 0, tzinfo=UTC), "America/New_York")
    assert (local.hour, local.minute, local.tzname()) == (18, 0, "EDT")
