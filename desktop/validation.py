"""Checks shared by every service, each explaining itself in a sentence a person understands.

A :class:`Checker` collects every problem of one input (so a form can mark all its fields at
once) and raises a single :class:`~desktop.errors.ValidationError` at the end.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

from desktop.errors import Problem, ValidationError
from desktop.i18n import _

# Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is not our job.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


class Checker:
    """Collects problems; ``raise_if_any()`` ends a validation."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, field: str, message: str) -> None:
        self.problems.append(Problem(message, field=field))

    def warn(self, field: str, message: str) -> None:
        self.warnings.append(Problem(message, field=field, severity="warning"))

    def ok(self, field: str) -> bool:
        """True when no error was recorded for ``field`` yet."""
        return all(p.field != field for p in self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)

    # -- field checks: each returns the cleaned value -------------------------------------

    def required(self, field: str, value: str | None, label: str, max_length: int) -> str:
        text = clean_text(value)
        if not text:
            self.error(field, _("{label} is required.").format(label=label))
        elif len(text) > max_length:
            self.error(field, _("{label} is too long ({n} characters; at most {max}).")
                       .format(label=label, n=len(text), max=max_length))
        return text

    def optional(self, field: str, value: str | None, label: str, max_length: int) -> str:
        text = clean_text(value)
        if len(text) > max_length:
            self.error(field, _("{label} is too long ({n} characters; at most {max}).")
                       .format(label=label, n=len(text), max=max_length))
        return text

    def email(self, field: str, value: str | None) -> str:
        text = clean_text(value).lower()
        if text and not _EMAIL.match(text):
            self.error(field, _("“{value}” is not an email address.").format(value=text))
        return text

    def phone(self, field: str, value: str | None, region: str | None) -> str:
        text = clean_text(value)
        if not text:
            return ""
        try:
            return normalise_phone(text, region)
        except ValueError as exc:
            self.error(field, str(exc))
            return text

    def country(self, field: str, value: str | None) -> str | None:
        text = clean_text(value).upper()
        if not text:
            return None
        if not is_country_code(text):
            self.error(field, _("“{value}” is not a country code (two letters, e.g. MA, US, CA).")
                       .format(value=value))
            return None
        return text

    def languages(self, field: str, values: list[str] | tuple[str, ...] | None) -> list[str]:
        cleaned: list[str] = []
        for value in values or []:
            code = clean_text(value).lower()
            if not code:
                continue
            if not is_language_code(code):
                self.error(field, _("“{value}” is not a language code (e.g. en, fr, ar).")
                           .format(value=value))
            elif code not in cleaned:
                cleaned.append(code)
        return cleaned

    def document_language(self, field: str, value: str | None) -> str:
        code = clean_text(value).lower() or "en"
        if code not in ("en", "fr"):
            self.error(field, _("Documents can be printed in English (en) or French (fr), "
                                "not “{value}”.").format(value=value))
            return "en"
        return code

    def timezone(self, field: str, value: str | None) -> str:
        text = clean_text(value)
        if not text:
            self.error(field, _("A time zone is required (e.g. Africa/Casablanca)."))
        elif not is_timezone(text):
            self.error(field, _("“{value}” is not a time zone (e.g. Africa/Casablanca, "
                                "America/New_York).").format(value=text))
        return text

    def date_order(self, field: str, start: date | None, end: date | None, message: str) -> None:
        if start is not None and end is not None and end < start:
            self.error(field, message)

    def positive(self, field: str, value: int | None, label: str, *,
                 allow_zero: bool = False) -> int | None:
        if value is None:
            return None
        if value < 0 or (value == 0 and not allow_zero):
            self.error(field, _("{label} must be more than zero.").format(label=label)
                       if not allow_zero else
                       _("{label} cannot be negative.").format(label=label))
        return value


def clean_text(value: str | None) -> str:
    """Trimmed, with inner runs of white space made one space, NFC-normalised."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", " ".join(str(value).split()))


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching: ``Éloïse`` → ``eloise``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_phone(text: str, region: str | None) -> str:
    """``06 61 23 45 67`` with region MA → ``+212661234567``; raises ValueError with a reason."""
    try:
        number = phonenumbers.parse(text, (region or "").upper() or None)
    except phonenumbers.NumberParseException as exc:
        if exc.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            raise ValueError(
                _("“{value}” needs an international prefix (e.g. +212 …) since the country is "
                  "not known.").format(value=text)) from exc
        raise ValueError(_("“{value}” is not a phone number.").format(value=text)) from exc
    if not phonenumbers.is_possible_number(number) or not phonenumbers.is_valid_number(number):
        raise ValueError(_("“{value}” is not a valid phone number.").format(value=text))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """A stored E.164 number as people write it internationally: ``+212 6 61 23 45 67``."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@cache
def _country_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(str(code) for code in Locale("en").territories
                     if len(str(code)) == 2 and str(code).isalpha())


def is_country_code(code: str) -> bool:
    return code.upper() in _country_codes()


def country_name(code: str | None, language: str = "en") -> str:
    """The country's name in ``language``: ``MA`` → ``Morocco`` / ``Maroc``."""
    if not code:
        return ""
    from babel import Locale

    return str(Locale(language).territories.get(code.upper(), code))


@cache
def _language_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(str(code) for code in Locale("en").languages
                     if 2 <= len(str(code)) <= 3 and str(code).isalpha())


#: Codes people use that Babel names under another code: Berber/Amazigh (ISO 639-2 ``ber``).
_EXTRA_LANGUAGES = frozenset({"ber"})


def is_language_code(code: str) -> bool:
    """ISO 639 codes Babel knows a name for (``en``, ``fr``, ``ar``, ``zgh``...), and ``ber``."""
    return code.lower() in _language_codes() or code.lower() in _EXTRA_LANGUAGES


def language_name(code: str, language: str = "en") -> str:
    """``ar`` → ``Arabic`` / ``arabe``."""
    from babel import Locale

    if code == "ber":
        code = "zgh"
    return str(Locale(language).languages.get(code, code))


@cache
def is_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
