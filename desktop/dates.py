"""Reading and combining dates and times the way organisers write them.

Days: ISO (``2007-05-15``), day-first as in France and Morocco (``15/05/2007``, ``15.05.2007``,
``15-05-2007``). Times: ``09:00``, ``9h00``, ``9h``, and as English writes them, ``9:00 AM``,
``2 p.m.``. Instants are built from a wall-clock time and an IANA zone, refusing times that do
not exist or are ambiguous in that zone.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.i18n import _

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})(?:[:hH.](\d{2})?)?(?::(\d{2}))?$")
_AM_PM = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\.?$", re.IGNORECASE)


def parse_day(text: str, *, month_first: bool = False) -> date:
    """A calendar day from ISO or day-first text (month-first when asked, as US forms do)."""
    value = text.strip()
    match = _ISO.match(value)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        match = _DAY_FIRST.match(value)
        if match:
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            if year < 100:
                year += 2000 if year < 70 else 1900
            day, month = (second, first) if month_first else (first, second)
            return date(year, month, day)
    except ValueError as exc:
        raise ValueError(_("“{value}” is not a real date.").format(value=text)) from exc
    raise ValueError(_("“{value}” is not a date (write 2007-05-15 or 15/05/2007).")
                     .format(value=text))


def parse_clock(text: str) -> time:
    """A wall-clock time: ``09:00``, ``9h00``, ``9h``, ``17:20:00``, ``2:00 PM``, ``9 a.m.``
    (12 AM is midnight, 12 PM noon)."""
    match = _AM_PM.match(text.strip())
    if match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if 1 <= hour <= 12 and minute < 60:
            return time(hour % 12 + (12 if match[3].lower() == "p" else 0), minute)
    elif match := _TIME.match(text.strip()):
        hour, minute = int(match[1]), int(match[2] or 0)
        second = int(match[3] or 0)
        if hour < 24 and minute < 60 and second < 60:
            return time(hour, minute, second)
    raise ValueError(_("“{value}” is not a time (write 09:00, 9h00 or 9:00 AM).")
                     .format(value=text))


def local_to_utc(local: datetime, zone: str) -> datetime:
    """The UTC instant of a wall-clock time in ``zone``; raises ValueError for a time that is
    skipped or repeated by a daylight-saving change there."""
    tz = ZoneInfo(zone)
    naive = local.replace(tzinfo=None)
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        # Skipped (spring forward) or repeated (fall back) local time.
        back = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        if back != naive:
            raise ValueError(_("{time} does not exist in {zone}: the clocks went forward then.")
                             .format(time=naive.strftime("%Y-%m-%d %H:%M"), zone=zone))
        raise ValueError(_("{time} happens twice in {zone} (the clocks went back); say which.")
                         .format(time=naive.strftime("%Y-%m-%d %H:%M"), zone=zone))
    return first.astimezone(UTC)


def utc_to_local(instant: datetime, zone: str) -> datetime:
    """The aware local time in ``zone`` of a UTC instant."""
    return instant.astimezone(ZoneInfo(zone))


def days_between(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end`` inclusive."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]
