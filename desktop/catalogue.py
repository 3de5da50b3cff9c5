"""Keep the translation catalogues in step with the code.

``python -m desktop.catalogue`` extracts every ``_()``, ``N_()``, ``ngettext()`` and
``translate_in()`` message from the package and updates each shipped ``.po`` catalogue:
new messages are added untranslated, vanished ones dropped, existing translations kept.
``python -m desktop.catalogue --check`` only reports what is missing (exit 1 if anything is).
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from desktop.i18n import DOMAIN, SUPPORTED_LANGUAGES

# ``t`` is the documents' "translate into this document's language" method.
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "translate_in": (2,), "t": None,
            "translate_plural_in": (2, 3)}


def package_dir() -> Path:
    return Path(str(resources.files("desktop")))


def catalogue_file(language: str) -> Path:
    return Path(str(resources.files("resources"))) / "locale" / language / "LC_MESSAGES" / \
        f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every translatable message of the code, with where it is used."""
    template = Catalog(project="Mission Desk", domain=DOMAIN)
    root = package_dir()
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True):
        template.add(message, None, [(f"desktop/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def update(language: str, template: Catalog) -> tuple[int, int]:
    """Bring ``language``'s catalogue in step; returns (messages, untranslated)."""
    path = catalogue_file(language)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(locale=language, project="Mission Desk", domain=DOMAIN)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    catalog.copyright_holder = "Mission Desk"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "Mission Desk"
    catalog.language_team = f"Mission Desk {language}"
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=False, omit_header=False,
                 include_previous=False)
    return len(catalog), len(untranslated(catalog))


def untranslated(catalog: Catalog) -> list[str]:
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.catalogue")
    parser.add_argument("--check", action="store_true",
                        help="report untranslated messages without writing")
    args = parser.parse_args(argv)
    template = extract()
    status = 0
    for language in SUPPORTED_LANGUAGES:
        if language == "en":
            continue
        if args.check:
            with catalogue_file(language).open("rb") as handle:
                catalog = read_po(handle, locale=language)
            known = {m.id for m in catalog if m.id}
            missing = [m.id for m in template if m.id and m.id not in known]
            missing += untranslated(catalog)
            for message in missing:
                print(f"{language}: {message!r}")
            status |= bool(missing)
        else:
            total, todo = update(language, template)
            print(f"{language}: {total} messages, {todo} to translate")
    return status


if __name__ == "__main__":
    sys.exit(main())
