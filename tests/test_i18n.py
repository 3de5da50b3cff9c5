"""Both languages ship complete, and messages switch language at once."""

from __future__ import annotations

import re
import string

from babel.messages.pofile import read_po

from desktop.catalogue import catalogue_file, extract, untranslated
from desktop.i18n import (
    _,
    format_date,
    format_datetime,
    format_day_month,
    format_seconds,
    language_context,
    ngettext,
    set_language,
    translate_in,
)


def _placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def _french() -> object:
    with catalogue_file("fr").open("rb") as handle:
        return read_po(handle, locale="fr")


def test_every_message_in_the_code_has_a_french_translation() -> None:
    catalog = _french()
    known = {m.id for m in catalog if m.id}  # type: ignore[attr-defined]
    missing = sorted(str(m.id) for m in extract() if m.id and m.id not in known)
    assert missing == [], "run python -m desktop.catalogue, then translate"
    assert untranslated(catalog) == []  # type: ignore[arg-type]


def test_translations_keep_every_placeholder() -> None:
    wrong = []
    for message in _french():  # type: ignore[attr-defined]
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(_placeholders(i) for i in ids))
        for translated in strings:
            if translated and _placeholders(translated) != expected:
                wrong.append((ids[0], translated))
    assert wrong == []


def test_french_is_used_as_soon_as_it_is_chosen() -> None:
    set_language("fr")
    assert _("Organisations") != "Organisations" or _("People") == "Personnes"
    assert _("People") == "Personnes"
    set_language("en")
    assert _("People") == "People"


def test_plurals_follow_french_rules() -> None:
    with language_context("fr"):
        assert ngettext("{n} warning", "{n} warnings", 0).format(n=0) == "0 avertissement"
        assert ngettext("{n} warning", "{n} warnings", 2).format(n=2) == "2 avertissements"


def test_documents_can_be_translated_whatever_the_active_language() -> None:
    set_language("en")
    assert translate_in("fr", "People") == "Personnes"
    assert _("People") == "People"


def test_dates_are_written_per_locale() -> None:
    from datetime import date

    assert format_date(date(2007, 5, 15), language="fr") == "15 mai 2007"
    assert re.match(r"May 15, 2007", format_date(date(2007, 5, 15), language="en"))
    # In a list of days (nights without a hotel), without the year.
    assert format_day_month(date(2007, 5, 16), language="en") == "May 16"
    assert format_day_month(date(2007, 5, 16), language="fr") == "16 mai"


def test_times_and_durations_are_written_per_locale() -> None:
    from datetime import datetime

    assert format_seconds(0.84, language="fr") == "0,8"
    assert format_seconds(12.0, 6, language="en") == "  12.0"
    moment = datetime(2007, 5, 15, 12, 20)
    assert format_datetime(moment, language="en") == "May 15, 2007 12:20 PM"
    assert format_datetime(moment, language="fr") == "15 mai 2007 12:20"
