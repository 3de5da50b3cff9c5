"""Turning one cell into one clean value, or a ValueError whose message a person understands.

Cells come as text from CSV files and typed from Excel (dates, numbers). Dates are read in ISO,
French (25/12/2007), American (12/25/2007, when the column says so), with month names, and as
Excel serial numbers; countries by code or by their English or French name; vocabulary values
(categories, statuses, sides...) by code or by label in either language.
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TypeVar

from desktop.dates import parse_clock, parse_day
from desktop.db.enums import source_label
from desktop.exchange.sources import Cell
from desktop.i18n import _, translate_in
from desktop.validation import clean_text, fold, is_country_code

_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (1, 2_958_465)  # 1900-01-01 .. 9999-12-31
_SLASHED = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO_TIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[ T](\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?$")
_WORDS = re.compile(r"^(\d{1,2})(?:er)?\s+([^\W\d]+)\.?,?\s+(\d{4})$|"
                    r"^([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")


# -- text ----------------------------------------------------------------------------------

def cell_text(cell: Cell, *, multiline: bool = False) -> str:
    """The cell as text: trimmed, inner white space made single unless ``multiline`` (notes keep
    their lines, as the roster keeps them)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.isoformat(sep=" ") if cell.time() != time(0) else cell.date().isoformat()
    if isinstance(cell, date | time):
        return cell.isoformat()
    text = str(cell)
    return text.strip() if multiline else clean_text(text)


def guard_formula(text: str) -> str:
    """Text a spreadsheet will not run as a formula: a leading ``'`` before ``= + - @``.

    :func:`unguard_formula` undoes it exactly, so a guarded CSV re-imports unchanged.
    """
    return "'" + text if _FORMULA_START.match(text) else text


def unguard_formula(text: str) -> str:
    return text[1:] if text.startswith("'") and _FORMULA_START.match(text[1:]) else text


# -- dates and times -----------------------------------------------------------------------

def excel_serial_day(number: float) -> date:
    """The day of an Excel serial number (1900 date system): 39217 → 2007-05-15."""
    if not _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
        raise ValueError(_("{value} is not a date.").format(value=cell_text(number)))
    return _EXCEL_EPOCH + timedelta(days=int(number))


def date_order_of(cells: list[Cell]) -> str | None:
    """``"dmy"`` or ``"mdy"`` when a value of the column settles it (13/05 or 05/13), else
    ``None`` (every value reads both ways, or none is written with slashes)."""
    for cell in cells:
        if not isinstance(cell, str):
            continue
        words = cell.split()
        match = _SLASHED.match(words[0]) if words else None
        if match:
            first, second = int(match[1]), int(match[2])
            if first > 12 >= second:
                return "dmy"
            if second > 12 >= first:
                return "mdy"
    return None


def parse_date(cell: Cell, *, month_first: bool = False) -> date | None:
    """A day from a date cell, an Excel serial number or text; ``None`` for an empty cell."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return excel_serial_day(cell)
    text = clean_text(str(cell))
    if text.isdigit() and len(text) == 5:
        return excel_serial_day(int(text))
    stamped = _ISO_TIME.match(text)
    if stamped:
        text = stamped[1]
    words = _WORDS.match(text)
    if words:
        return _day_from_words(text, words)
    return parse_day(text, month_first=month_first)


@cache
def _month_numbers() -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for language in ("en", "fr"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=language).items():
                names[fold(name).rstrip(".")] = number
    names["sept"] = 9
    return names


def _day_from_words(text: str, match: re.Match[str]) -> date:
    day, month_name, year = ((match[1], match[2], match[3]) if match[1]
                             else (match[5], match[4], match[6]))
    month = _month_numbers().get(fold(month_name).rstrip("."))
    if month is None:
        raise ValueError(_("“{value}” is not a date (write 2007-05-15 or 15/05/2007).")
                         .format(value=text))
    try:
        return date(int(year), month, int(day))
    except ValueError as exc:
        raise ValueError(_("“{value}” is not a real date.").format(value=text)) from exc


def parse_time(cell: Cell) -> time | None:
    """A wall-clock time from a time cell, a fraction of a day (Excel) or text (``9h05``,
    ``09:05``, ``9:05 PM``); ``None`` for an empty cell."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, datetime):
        return cell.time()
    if isinstance(cell, time):
        return cell
    if isinstance(cell, float) and 0 <= cell < 1:
        seconds = round(cell * 86400)
        return time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    return parse_clock(cell_text(cell))


_DATE_AND_TIME = re.compile(
    r"^(.+?)(?:\s+|T)(?:(?:à|at|a)\s+)?(\d{1,2}(?:[:hH]\d{2}(?::\d{2})?|[hH])?"
    r"(?:\s*[aApP]\.?\s*[mM]\.?)?)$")
_FOUR_DIGITS = re.compile(r"^([01]\d|2[0-3])([0-5]\d)$")
_DAY_SHIFT = re.compile(r"^(.*?)\s*\(?\+\s*([1-3])\s*(?:j|d|day|days|jour|jours)?\)?$",
                        re.IGNORECASE)


def parse_date_time(cell: Cell, *, month_first: bool = False) -> tuple[date | None, time | None]:
    """A day, and the time of day when the cell holds one too: an Excel date-time,
    ``2007-05-13 18:40``, ``13/05/2007 18h40``, ``05/13/2007 6:40 PM``. A date alone (and an
    Excel date at midnight) gives no time; ``(None, None)`` for an empty cell."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None, None
    if isinstance(cell, datetime):
        return cell.date(), cell.time() if cell.time() != time(0) else None
    if isinstance(cell, float) and not cell.is_integer() and cell >= 1:
        seconds = round((cell % 1) * 86400)
        return excel_serial_day(cell), time(seconds // 3600 % 24, seconds % 3600 // 60)
    if not isinstance(cell, str):
        return parse_date(cell, month_first=month_first), None
    text = clean_text(cell)
    match = _DATE_AND_TIME.match(text)
    if match and (":" in match[2] or "h" in match[2].lower() or "m" in match[2].lower()):
        return parse_date(match[1], month_first=month_first), parse_time(match[2])
    return parse_date(text, month_first=month_first), None


def parse_time_shift(cell: Cell) -> tuple[time | None, int]:
    """A time of day and the days it is after the date it goes with: ``07:05+1`` and
    ``0705 (+1)`` (as tickets print a next-day arrival) → (07:05, 1); ``1840`` → 18:40."""
    if not isinstance(cell, str):
        return parse_time(cell), 0
    text = clean_text(cell)
    days = 0
    shifted = _DAY_SHIFT.match(text)
    if shifted and shifted[1]:
        text, days = shifted[1], int(shifted[2])
    four = _FOUR_DIGITS.match(text)
    if four:
        return time(int(four[1]), int(four[2])), days
    return parse_time(text), days


# -- countries, languages, vocabularies ------------------------------------------------------

_COUNTRY_ALIASES = {
    "usa": "US", "us": "US", "america": "US", "unitedstatesofamerica": "US",
    "etatsunisdamerique": "US", "uk": "GB", "greatbritain": "GB", "england": "GB",
    "angleterre": "GB", "grandebretagne": "GB", "uae": "AE", "eau": "AE", "holland": "NL",
    "hollande": "NL", "royaumedumaroc": "MA", "kingdomofmorocco": "MA",
}


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(text))


@cache
def _country_names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for language in ("fr", "en"):
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha():
                names[_key(name)] = code
    names.update({k: v for k, v in _COUNTRY_ALIASES.items()})
    return names


def parse_country(cell: Cell) -> str | None:
    """A country code from ``MA``, ``Maroc``, ``Morocco``, ``USA``, ``États-Unis``...."""
    text = cell_text(cell)
    if not text:
        return None
    if len(text) == 2 and is_country_code(text):
        return text.upper()
    code = _country_names().get(_key(text))
    if code is None:
        raise ValueError(_("“{value}” is not a country (write its name in English or French, "
                            "or its code such as MA, US, CA).").format(value=text))
    return code


@cache
def _language_names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for language in ("fr", "en"):
        for code, name in Locale(language).languages.items():
            if len(code) in (2, 3) and code.isalpha():
                names.setdefault(_key(name), code)
    return names


def parse_languages(cell: Cell) -> list[str]:
    """Language codes from ``en, fr``, ``English; Français``, ``anglais / arabe``...

    Unknown words are passed on as they are, for the roster's check to name them.
    """
    text = cell_text(cell)
    codes: list[str] = []
    for part in re.split(r"[,;/|+]|\s+(?:and|et)\s+", text):
        word = part.strip()
        if not word:
            continue
        code = word.lower() if len(word) <= 3 else _language_names().get(_key(word), word)
        if code not in codes:
            codes.append(code)
    return codes


def parse_list(cell: Cell) -> list[str]:
    """Items separated by commas or semicolons (sectors...)."""
    return [item for item in (clean_text(p) for p in re.split(r"[,;]", cell_text(cell))) if item]


# French labels as organisers write them, for values whose catalogue entry may be missing.
_FRENCH_WORDS: dict[str, tuple[str, ...]] = {
    "delegation": ("délégation", "délégué", "déléguée", "délégués"),
    "delegate": ("délégué", "déléguée", "participant", "participante"),
    "host": ("hôte", "hôtes", "accueil", "entreprise d'accueil", "hôtesse"),
    "organiser": ("organisateur", "organisatrice", "organizer"),
    "sponsor": ("parrain", "mécène", "partenaire"),
    "press": ("presse", "journaliste", "média", "médias"),
    "public_body": ("organisme public", "administration", "institution"),
    "speaker": ("intervenant", "intervenante", "conférencier", "conférencière", "orateur"),
    "staff": ("personnel", "équipe", "staff"),
    "invited": ("invité", "invitée", "invités"),
    "confirmed": ("confirmé", "confirmée", "inscrit", "inscrite", "registered"),
    "cancelled": ("annulé", "annulée", "canceled", "désisté"),
    "waitlisted": ("liste d'attente", "en attente", "waiting list", "wait list"),
    "requested": ("demandé", "demandée", "demande"),
    "accepted": ("accepté", "acceptée"),
    "declined": ("refusé", "refusée", "décliné"),
    "single": ("simple", "individuelle", "chambre simple"),
    "double": ("chambre double", "grand lit"),
    "twin": ("lits jumeaux", "deux lits", "twin beds"),
    "suite": ("suite",),
}


E = TypeVar("E", bound=enum.Enum)


@cache
def _choices(enum_class: type[enum.Enum]) -> dict[str, enum.Enum]:
    table: dict[str, enum.Enum] = {}
    for member in enum_class:
        value = str(member.value)
        label = source_label(member)
        for text in (value, member.name, label, translate_in("fr", label),
                     *_FRENCH_WORDS.get(value, ())):
            table.setdefault(_key(text), member)
    return table


def parse_choice(enum_class: type[E], cell: Cell, what: str) -> E | None:
    """A vocabulary value by code or label (English or French); ``what`` names the field."""
    text = cell_text(cell)
    if not text:
        return None
    member = _choices(enum_class).get(_key(text))
    if member is None:
        allowed = ", ".join(_(source_label(m)) for m in enum_class)
        raise ValueError(_("“{value}” is not a {what}; use one of: {allowed}.").format(
            value=text, what=what, allowed=allowed))
    return member  # type: ignore[return-value]


_TRUE = {"yes", "y", "oui", "o", "true", "vrai", "1", "x", "confirmed", "confirme", "ok"}
_FALSE = {"no", "n", "non", "false", "faux", "0", ""}


def parse_bool(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    text = _key(cell_text(cell))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(_("“{value}” is neither yes nor no.").format(value=cell_text(cell)))
