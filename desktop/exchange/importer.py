"""Importing a list: preview every row first, then write all of it (or only the good rows).

:func:`preview` reads and validates every row without writing anything, and says what each row
would do: add, update, leave unchanged, or be rejected with its problems (row, column, message).
:func:`apply` writes a preview inside the caller's transaction: all or nothing by default, so a
failed or interrupted import leaves the mission exactly as it was.
"""

from __future__ import annotations

import csv
import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from desktop.errors import Cancelled, ImportProblem, Problem, ValidationError
from desktop.exchange.fields import Kind, spec
from desktop.exchange.mapping import Mapping, check_mapping
from desktop.exchange.sources import Cell, Source, SourceRow
from desktop.exchange.values import cell_text, date_order_of, guard_formula, unguard_formula
from desktop.i18n import _, ngettext

Progress = Callable[[int, int], None]  # (rows done, rows in all)
CancelCheck = Callable[[], bool]
T = TypeVar("T")
PROGRESS_EVERY = 250


class Outcome(enum.StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass
class RowResult:
    """What one row of the file would do; ``payload`` is what the kind writes for it."""

    row: int
    outcome: Outcome
    label: str = ""
    problems: list[Problem] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # titles of the fields an update changes
    payload: Any = None


@dataclass
class ImportPreview:
    """Every row's outcome, before anything is written."""

    kind: Kind
    file: str
    mapping: Mapping
    source: Source
    rows: list[RowResult]
    notes: list[Problem] = field(default_factory=list)  # file-wide warnings worth reading
    writer: KindImporter | None = field(default=None, repr=False, compare=False)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {outcome.value: self.count(outcome) for outcome in Outcome}

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def rejected_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.outcome is Outcome.REJECTED]

    def summary(self) -> str:
        """One sentence: ``12 added, 3 updated, 40 unchanged, 2 rejected.``"""
        c = self.counts
        return _("{added}, {updated}, {unchanged}, {rejected}.").format(
            added=ngettext("{n} added", "{n} added", c["added"]).format(n=c["added"]),
            updated=ngettext("{n} updated", "{n} updated", c["updated"]).format(n=c["updated"]),
            unchanged=ngettext("{n} unchanged", "{n} unchanged", c["unchanged"]).format(
                n=c["unchanged"]),
            rejected=ngettext("{n} rejected", "{n} rejected", c["rejected"]).format(
                n=c["rejected"]))


class RowContext:
    """One row's cells by field, and the problems found in it, each with its column."""

    def __init__(self, row: SourceRow, columns: dict[str, int], mapping: Mapping,
                 unguard: bool, file: str | None = None) -> None:
        self.number = row.number
        self.file = file
        self._cells = row.cells
        self._columns = columns
        self._mapping = mapping
        self._unguard = unguard
        self.problems: list[Problem] = []

    def has(self, key: str) -> bool:
        """True when the file has a column for ``key`` (or the mapping a default)."""
        return key in self._columns or key in self._mapping.defaults

    def cell(self, key: str) -> Cell:
        index = self._columns.get(key)
        if index is None:
            return self._mapping.defaults.get(key)
        value = self._cells[index] if index < len(self._cells) else None
        if self._unguard and isinstance(value, str):
            return unguard_formula(value)
        return value

    def text(self, key: str, *, multiline: bool = False) -> str:
        return cell_text(self.cell(key), multiline=multiline)

    def column(self, key: str) -> str | None:
        return self._mapping.column_of(key) or (spec(self._mapping.kind, key).title
                                                if key in self._mapping.defaults else None)

    def fail(self, key: str | None, message: str) -> None:
        self.problems.append(Problem(message, row=self.number, file=self.file,
                                     column=self.column(key) if key else None))

    def parse(self, key: str, parser: Callable[[Cell], T], fallback: T) -> T:
        """``parser`` applied to the cell of ``key``; a ValueError becomes a row problem."""
        try:
            return parser(self.cell(key))
        except ValueError as exc:
            self.fail(key, str(exc))
            return fallback

    def take_validation(self, error: ValidationError, field_keys: dict[str, str]) -> None:
        """The problems of a service's ValidationError, put on the columns they came from."""
        for problem in error.problems:
            key = field_keys.get(problem.field or "", problem.field or "")
            self.fail(key if self.column(key) else None, problem.message)


class KindImporter(Protocol):
    """What each kind of import provides (see ``roster_import`` and friends)."""

    def check(self, ctx: RowContext) -> RowResult: ...

    def notes(self) -> list[Problem]: ...

    def write(self, rows: list[RowResult], tick: Callable[[], None]) -> None: ...


def _importer(session: Session, kind: Kind, mapping: Mapping, source: Source) -> KindImporter:
    if kind in (Kind.ORGANIZATIONS, Kind.PEOPLE):
        from desktop.exchange import roster_import

        return roster_import.make(session, kind, mapping, source)
    from desktop.exchange import other_import

    return other_import.make(session, kind, mapping, source)


def month_first_for(mapping: Mapping, source: Source, date_fields: tuple[str, ...]) -> bool:
    """Whether slashed dates read month first: the mapping's word, else what the file shows."""
    if mapping.date_order:
        return mapping.date_order == "mdy"
    columns = [source.headers.index(h) for h in
               (mapping.column_of(k) for k in date_fields) if h is not None]
    cells = [r.cells[i] for r in source.rows for i in columns if i < len(r.cells)]
    return date_order_of(cells) == "mdy"


def preview(session: Session, kind: Kind | str, source: Source, mapping: Mapping,
            progress: Progress | None = None, cancel: CancelCheck | None = None) -> ImportPreview:
    """Read and check every row; nothing is written. Raises ImportProblem for a mapping the
    file cannot be imported with, Cancelled when ``cancel()`` turns true."""
    kind = Kind(kind)
    if mapping.kind is not kind:
        mapping = Mapping(kind=kind, columns=mapping.columns, date_order=mapping.date_order,
                          defaults=mapping.defaults)
    check_mapping(mapping, file=source.name)
    columns = {key: source.headers.index(header) for header, key in mapping.columns.items()
               if key and header in source.headers}
    importer = _importer(session, kind, mapping, source)
    total, width = len(source.rows), len(source.headers)
    results: list[RowResult] = []
    for done, row in enumerate(source.rows, start=1):
        ctx = RowContext(row, columns, mapping, unguard=source.format == "csv",
                         file=source.name)
        if any(cell_text(c) for c in row.cells[width:]):
            ctx.fail(None, _("This row has more cells than the header row has columns; check "
                             "the delimiter and the quotes."))
            results.append(RowResult(row.number, Outcome.REJECTED, problems=ctx.problems))
        else:
            results.append(importer.check(ctx))
        if done % PROGRESS_EVERY == 0 or done == total:
            _step(done, total, progress, cancel)
    ignored = [h for h, key in mapping.columns.items() if not key]
    notes = list(importer.notes())
    if ignored:
        notes.append(Problem(ngettext("The column {columns} is not imported.",
                                      "The columns {columns} are not imported.", len(ignored))
                             .format(columns=", ".join(_("“{column}”").format(column=h)
                                                       for h in ignored)),
                             severity="warning"))
    return ImportPreview(kind=kind, file=source.name, mapping=mapping, source=source,
                         rows=results, notes=notes, writer=importer)


def _step(done: int, total: int, progress: Progress | None, cancel: CancelCheck | None) -> None:
    if progress is not None:
        progress(done, total)
    if cancel is not None and cancel():
        raise Cancelled(_("Import stopped; nothing was written."))


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    rejected: int


def apply(session: Session, result: ImportPreview, *, skip_invalid: bool = False,
          progress: Progress | None = None, cancel: CancelCheck | None = None) -> ImportResult:
    """Write a preview in the caller's transaction (flushes, never commits).

    With rejected rows, nothing is written (ValidationError listing every problem) unless
    ``skip_invalid``: then the good rows are written and the rejected ones left out.
    Call it in the same transaction as :func:`preview`, or preview again first.
    """
    rejected = result.rejected_rows
    if rejected and not skip_invalid:
        raise ValidationError(result.problems)
    to_write = [r for r in result.rows if r.outcome in (Outcome.ADDED, Outcome.UPDATED)]
    importer = result.writer or _importer(session, result.kind, result.mapping, result.source)
    total = len(to_write)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if done % PROGRESS_EVERY == 0 or done == total:
            _step(done, total, progress, cancel)

    importer.write(to_write, tick)
    session.flush()
    return ImportResult(added=result.count(Outcome.ADDED), updated=result.count(Outcome.UPDATED),
                        unchanged=result.count(Outcome.UNCHANGED), rejected=len(rejected))


def report(result: ImportPreview | None, problem: ImportProblem | None = None) -> dict[str, Any]:
    """The ``--report`` JSON: counts and every problem with its row and column."""
    if result is None:
        message = problem.message if problem is not None else ""
        return {"added": 0, "updated": 0, "unchanged": 0, "rejected": 0,
                "problems": [{"row": None, "column": None, "message": message}]}
    return {**result.counts,
            "problems": [{"row": p.row, "column": p.column, "message": p.message}
                         for p in result.problems]}


def write_rejected(result: ImportPreview, path: Path | str) -> int:
    """Write the rejected rows, as they were, to a CSV the user can fix and import again.

    A last column says what is wrong with each row. Returns how many rows were written.
    """
    rows = {r.row: r for r in result.rejected_rows}
    source = result.source
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*source.headers, _("Problems")])
        for row in source.rows:
            if row.number in rows:
                cells = [guard_formula(cell_text(c, multiline=True))
                         for c in row.cells[:len(source.headers)]]
                cells += [""] * (len(source.headers) - len(cells))
                messages = "; ".join(_problem_text(p) for p in rows[row.number].problems)
                writer.writerow([*cells, messages])
    return len(rows)


def _problem_text(problem: Problem) -> str:
    if problem.column:
        return _("{column}: {message}").format(column=problem.column, message=problem.message)
    return problem.message
