"""Showing instants as people at each end of a trip read them: local time with its zone.

Flights and transfers are stored as UTC instants next to the IANA zone of where they happen;
these helpers turn them back into what a boarding pass or a driver's sheet says.
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.dates import utc_to_local


def zone_abbreviation(local: datetime) -> str:
    """The short name of the zone in force at ``local`` (``EDT``, ``HST``, ``UTC+00``).

    The IANA database writes some zones (Africa/Casablanca among them) with a numeric
    abbreviation; those read better prefixed with ``UTC``.
    """
    name = local.tzname() or ""
    if name[:1] in "+-" and name:
        return f"UTC{name}"
    return name


def local_time(instant: datetime, zone: str) -> datetime:
    """The aware wall-clock time of ``instant`` in ``zone``."""
    return utc_to_local(instant, zone)


def local_day(instant: datetime, zone: str) -> date:
    """The calendar day ``instant`` falls on in ``zone``."""
    return utc_to_local(instant, zone).date()


def format_local(instant: datetime, zone: str, *, with_date: bool = True) -> str:
    """``2007-05-14 06:30 UTC+00``: an instant as read on the spot, with its zone.

    ISO order keeps messages unambiguous for readers on both sides of the Atlantic.
    """
    local = utc_to_local(instant, zone)
    pattern = "%Y-%m-%d %H:%M" if with_date else "%H:%M"
    return f"{local.strftime(pattern)} {zone_abbreviation(local)}"


def format_naive(local: datetime, zone: str, *, with_date: bool = True) -> str:
    """A venue-local wall-clock time (programme, meetings) written with its zone."""
    from zoneinfo import ZoneInfo

    aware = local.replace(tzinfo=ZoneInfo(zone))
    pattern = "%Y-%m-%d %H:%M" if with_date else "%H:%M"
    return f"{aware.strftime(pattern)} {zone_abbreviation(aware)}"
