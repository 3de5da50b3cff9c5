"""Which column of a file means which field: recognised from the headers, corrected by the
user (in the dialog or a mapping file), saved as JSON to be reused for the next file of the
same shape."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.errors import ImportProblem
from desktop.exchange.fields import FieldSpec, Kind, field_specs, header_key, kind_label, spec
from desktop.i18n import _

DATE_ORDERS = ("dmy", "mdy")
_PERSON_KINDS = (Kind.FLIGHTS, Kind.HOTEL_STAYS)


@dataclass
class Mapping:
    """``columns`` maps each header to a field key (``None``: the column is ignored).

    ``date_order`` is ``"dmy"``/``"mdy"`` when the user says how ``05/06/2007`` reads, ``None``
    to decide from the file; ``defaults`` fill fields that have no column (e.g. a category).
    """

    kind: Kind
    columns: dict[str, str | None] = field(default_factory=dict)
    date_order: str | None = None
    defaults: dict[str, str] = field(default_factory=dict)

    def column_of(self, key: str) -> str | None:
        """The header mapped to field ``key``, if any."""
        for header, mapped in self.columns.items():
            if mapped == key:
                return header
        return None

    def mapped_fields(self) -> set[str]:
        return {key for key in self.columns.values() if key}

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "columns": dict(self.columns),
                "date_order": self.date_order, "defaults": dict(self.defaults)}


def _alias_index(kind: Kind) -> dict[str, str]:
    index: dict[str, str] = {}
    for item in field_specs(kind):
        for text in (item.key, item.label, item.title, *item.aliases):
            index.setdefault(header_key(text), item.key)
    return index


def guess_mapping(kind: Kind | str, headers: list[str]) -> Mapping:
    """Recognise common English and French headers (case, accents and punctuation aside).

    Each field goes to the first column that names it; other columns are ignored.
    """
    kind = Kind(kind)
    index = _alias_index(kind)
    taken: set[str] = set()
    columns: dict[str, str | None] = {}
    for header in headers:
        key = index.get(header_key(header))
        if key is not None and key not in taken:
            taken.add(key)
            columns[header] = key
        else:
            columns[header] = None
    return Mapping(kind=kind, columns=columns)


def combine(guessed: Mapping, saved: Mapping) -> Mapping:
    """The guessed mapping with the saved one's choices on top (for the headers it names)."""
    if saved.kind != guessed.kind:
        raise ImportProblem(_("The mapping file is for {saved}, not for {kind}.").format(
            saved=kind_label(saved.kind), kind=kind_label(guessed.kind)))
    columns = dict(guessed.columns)
    for header, key in saved.columns.items():
        if header in columns:
            if key:  # the saved choice wins: no other column keeps that field
                for other, other_key in columns.items():
                    if other_key == key and other != header:
                        columns[other] = None
            columns[header] = key
    return Mapping(kind=guessed.kind, columns=columns,
                   date_order=saved.date_order or guessed.date_order,
                   defaults={**guessed.defaults, **saved.defaults})


def check_mapping(mapping: Mapping, file: str | None = None) -> None:
    """Refuse a mapping the import cannot work with: a wrong kind of file, a required column
    missing, two columns for one field, an unknown field or date order."""
    known = {item.key: item for item in field_specs(mapping.kind)}
    seen: dict[str, str] = {}
    for header, key in mapping.columns.items():
        if not key:
            continue
        if key not in known:
            raise ImportProblem(_("“{field}” is not a field of {kind}; use one of: {fields}.")
                                .format(field=key, kind=kind_label(mapping.kind),
                                        fields=", ".join(known)), file=file)
        if key in seen:
            raise ImportProblem(_("The columns “{a}” and “{b}” both mean {field}; map one of "
                                  "them to nothing.").format(a=seen[key], b=header,
                                                              field=known[key].title), file=file)
        seen[key] = header
    if mapping.date_order not in (None, *DATE_ORDERS):
        raise ImportProblem(_("The date order must be “dmy” or “mdy”, not “{value}”.")
                            .format(value=mapping.date_order), file=file)
    mapped = set(seen)
    if not mapped:
        raise ImportProblem(
            _("This file does not look like a list of {kind}: none of its columns ({columns}) "
              "is recognised. Check the kind of import, or map the columns.")
            .format(kind=kind_label(mapping.kind), columns=", ".join(mapping.columns)),
            file=file)
    missing = [item for item in field_specs(mapping.kind)
               if item.required and item.key not in mapped and item.key not in mapping.defaults]
    if mapping.kind in _PERSON_KINDS and not mapped & {"email", "person", "family_name"}:
        missing = [spec(mapping.kind, "person"), *missing]
    if mapping.kind is Kind.FLIGHTS and not mapped & {"arrival_time", "arrival_date"}:
        missing.append(spec(mapping.kind, "arrival_time"))
    if missing:
        raise ImportProblem(
            _("This file has no column for {fields}, which a list of {kind} needs "
              "(columns found: {columns}).").format(
                fields=_join_titles(missing), kind=kind_label(mapping.kind),
                columns=", ".join(mapping.columns)), file=file)


def _join_titles(items: list[FieldSpec]) -> str:
    return ", ".join(item.title for item in items)


def save_mapping(mapping: Mapping, path: Path | str) -> None:
    """Write ``mapping`` as JSON, to be reused with ``--mapping`` or in the dialog."""
    Path(path).write_text(json.dumps(mapping.to_json(), ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")


def load_mapping(path: Path | str, kind: Kind | str | None = None) -> Mapping:
    """A mapping saved by :func:`save_mapping` (or written by hand); ImportProblem if unusable.

    A hand-written file may leave ``kind`` out when the caller says which kind it is for.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ImportProblem(_("The mapping file {file} does not exist.").format(file=path),
                            file=path.name) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportProblem(_("The mapping file {file} is not valid JSON: {reason}").format(
            file=path.name, reason=exc), file=path.name) from exc
    columns = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(columns, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in columns.items()):
        raise ImportProblem(_("The mapping file {file} must hold an object with “columns”: "
                              "{{\"Header\": \"field\", …}}.").format(file=path.name),
                            file=path.name)
    try:
        mapped_kind = Kind(str(data.get("kind") or kind))
    except ValueError:
        raise ImportProblem(_("The mapping file {file} names no known kind of import.")
                            .format(file=path.name), file=path.name) from None
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        defaults = {}
    return Mapping(kind=mapped_kind, columns={k: v or None for k, v in columns.items()},
                   date_order=data.get("date_order") or None,
                   defaults={str(k): str(v) for k, v in defaults.items()})
