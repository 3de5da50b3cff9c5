"""Local times are shown with the zone people read on the spot."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop.travel.localtime import format_local, format_naive, local_day, local_time


def test_an_instant_reads_differently_on_each_side_of_the_atlantic() -> None:
    instant = datetime(2007, 5, 14, 3, 30, tzinfo=UTC)
    assert format_local(instant, "America/New_York") == "2007-05-13 23:30 EDT"
    assert format_local(instant, "Africa/Casablanca") == "2007-05-14 03:30 UTC+00"
    assert format_local(instant, "Europe/Paris", with_date=False) == "05:30 CEST"
    assert local_day(instant, "America/Los_Angeles") == date(2007, 5, 13)
    assert local_time(instant, "Asia/Tokyo").hour == 12


def test_a_venue_wall_clock_time_gets_its_zone() -> None:
    assert format_naive(datetime(2007, 5, 15, 9, 0), "Africa/Casablanca") == (
        "2007-05-15 09:00 UTC+00")
    assert format_naive(datetime(2007, 1, 15, 9, 0), "America/New_York",
                        with_date=False) == "09:00 EST"
