"""One gettext ``_()`` for services, reports, the command line and the ui alike.

Catalogues are plain ``.po`` files in ``resources/locale/<lang>/LC_MESSAGES/mission-desk.po``,
read with Babel when a language is first used (no compiled files are kept in the tree).
English is the source language. Dates, times and numbers are formatted per locale with Babel.

``_()`` translates at call time, so messages built while French is active come out in French.
``N_()`` only marks a string for extraction (labels kept in tables and translated when shown).
"""

from __future__ import annotations

import gettext
import locale
import os
from datetime import date, datetime, time
from functools import cache
from importlib import resources

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr")
DOMAIN = "mission-desk"

_active: gettext.NullTranslations = gettext.NullTranslations()
_active_language = "en"


class _PoTranslations(gettext.NullTranslations):
    """Translations read straight from a .po catalogue."""

    def __init__(self, messages: dict[str, str], plurals: dict[str, tuple[str, ...]],
                 plural_rule: str) -> None:
        super().__init__()
        self._messages = messages
        self._plurals = plurals
        self._plural = gettext.c2py(plural_rule)

    def gettext(self, message: str) -> str:
        return self._messages.get(message) or message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._plurals.get(msgid1)
        if forms and all(forms):
            index = self._plural(n)
            return forms[min(index, len(forms) - 1)]
        return msgid1 if n == 1 else msgid2


def catalogue_path(language: str) -> resources.abc.Traversable:
    """Where the .po catalogue of ``language`` ships."""
    return resources.files("resources").joinpath("locale", language, "LC_MESSAGES",
                                                 f"{DOMAIN}.po")


@cache
def _load(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    from babel.messages.pofile import read_po

    path = catalogue_path(language)
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for entry in catalog:
        if not entry.id or entry.fuzzy:
            continue
        if isinstance(entry.id, (tuple, list)):
            strings = entry.string if isinstance(entry.string, (tuple, list)) else (
                entry.string,)
            plurals[str(entry.id[0])] = tuple(str(s or "") for s in strings)
        elif isinstance(entry.string, str) and entry.string:
            messages[str(entry.id)] = entry.string
    return _PoTranslations(messages, plurals, catalog.plural_expr)


def system_language() -> str:
    """The supported language closest to the user's system locale (English by default)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            if code in SUPPORTED_LANGUAGES:
                return code
            if code not in ("", "c", "posix"):
                return "en"
    try:
        code = (locale.getlocale()[0] or "en").split("_")[0].lower()
    except ValueError:
        code = "en"
    return code if code in SUPPORTED_LANGUAGES else "en"


def set_language(language: str | None) -> str:
    """Make ``language`` (``en``/``fr``; ``None`` for the system's) the active one; returns it."""
    global _active, _active_language
    chosen = language or system_language()
    if chosen not in SUPPORTED_LANGUAGES:
        chosen = "en"
    _active = _load(chosen)
    _active_language = chosen
    return chosen


def current_language() -> str:
    return _active_language


def _(message: str) -> str:
    """Translate ``message`` into the active language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the count ``n``."""
    return _active.ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``message`` for translation without translating it now."""
    return message


def translate_in(language: str, message: str) -> str:
    """Translate ``message`` into ``language`` whatever the active language (for documents)."""
    return _load(language if language in SUPPORTED_LANGUAGES else "en").gettext(message)


def translate_plural_in(language: str, singular: str, plural: str, n: int) -> str:
    """The form of a counted message for ``n`` in ``language`` (for documents)."""
    return _load(language if language in SUPPORTED_LANGUAGES else "en").ngettext(
        singular, plural, n)


class language_context:  # noqa: N801 - used as a lower-case context manager
    """``with language_context("fr"): ...`` makes French active for the block (documents)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.previous = _active_language

    def __enter__(self) -> str:
        self.previous = _active_language
        return set_language(self.language)

    def __exit__(self, *exc: object) -> None:
        set_language(self.previous)


def format_date(value: date, fmt: str = "medium", language: str | None = None) -> str:
    """``value`` as the locale writes dates (``15 mai 2007`` / ``May 15, 2007``)."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=fmt, locale=language or _active_language)


def format_time(value: time | datetime, language: str | None = None) -> str:
    """A wall-clock time, 24-hour in French, per locale in English (``9:00 AM``)."""
    from babel.dates import format_time as babel_format_time

    lang = language or _active_language
    pattern = "HH:mm" if lang == "fr" else "h:mm a"
    return babel_format_time(value, format=pattern, locale=lang)


def format_datetime(value: datetime, fmt: str = "medium", language: str | None = None) -> str:
    """A day in ``fmt`` then its time as :func:`format_time` writes it, without seconds:
    ``May 15, 2007 12:20 PM`` / ``15 mai 2007 12:20``."""
    return f"{format_date(value.date(), fmt, language)} {format_time(value, language)}"


def format_weekday_date(value: date, language: str | None = None) -> str:
    """A day heading: ``Tuesday 15 May 2007`` / ``mardi 15 mai 2007``."""
    from babel.dates import format_date as babel_format_date

    lang = language or _active_language
    return babel_format_date(value, format="EEEE d MMMM y", locale=lang)


def format_day_month(value: date, language: str | None = None) -> str:
    """A day of the mission's year, in a list of days: ``May 16`` / ``16 mai``."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMd", value, locale=language or _active_language)


def format_short_day(value: date, language: str | None = None) -> str:
    """A day in a table cell, weekday shortened: ``Wed, May 16, 2007`` / ``mer. 16 mai 2007``."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMMEd", value, locale=language or _active_language)


def format_seconds(value: float, width: int = 0, language: str | None = None) -> str:
    """A duration in seconds to a tenth, with the locale's decimal mark (``0,8`` in French),
    right-aligned in ``width`` characters."""
    from babel.numbers import format_decimal

    text = format_decimal(round(value, 1), format="0.0", locale=language or _active_language)
    return text.rjust(width)


def format_number(value: float, language: str | None = None) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=language or _active_language)
