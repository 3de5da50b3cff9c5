"""The work the import wizard hands to background operations.

Each function builds the ``work`` of an :class:`~desktop.ui.operations.Operation`: it runs on a
worker thread, in the operation's own Session, reports progress and stops when cancelled. What
comes back to the window is plain data (no ORM object crosses threads), with what the
import changed, for the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.errors import ImportProblem, Problem, ValidationError, os_reason
from desktop.exchange.fields import Kind
from desktop.exchange.importer import ImportPreview, Outcome, apply, preview, write_rejected
from desktop.exchange.mapping import Mapping
from desktop.exchange.sources import Source, read_source
from desktop.i18n import _, ngettext
from desktop.ui.exchange.undoimport import ImportChanges, changes_between, read_rows
from desktop.ui.operations import Progress

Work = Callable[..., Any]


@dataclass(frozen=True)
class PreviewRow:
    """One row of the preview as the wizard shows it."""

    row: int
    outcome: Outcome
    label: str
    problems: tuple[Problem, ...]
    changes: tuple[str, ...]


@dataclass(frozen=True)
class PreviewSummary:
    """What a preview found: every row, the counts, and the file-wide notes."""

    rows: list[PreviewRow]
    counts: dict[str, int]
    notes: list[str]
    summary: str

    @property
    def rejected(self) -> int:
        return self.counts[Outcome.REJECTED.value]


@dataclass(frozen=True)
class ImportDone:
    """What an import wrote, in a sentence, and where the rejected rows went."""

    summary: str
    counts: dict[str, int]
    rejected_file: Path | None = None
    notes: list[str] = field(default_factory=list)
    changes: ImportChanges = field(default_factory=ImportChanges)


def _summarise(result: ImportPreview) -> PreviewSummary:
    rows = [PreviewRow(r.row, r.outcome, r.label, tuple(r.problems), tuple(r.changes))
            for r in result.rows]
    return PreviewSummary(rows, result.counts, [n.message for n in result.notes],
                          result.summary())


def reading(path: Path, sheet: str | None) -> Work:
    """Read a CSV or Excel file (no mission needed)."""

    def work(progress: Progress) -> Source:
        progress.report(0, 0, _("Reading {file}…").format(file=path.name))
        return read_source(path, sheet=sheet)

    return work


def _reporter(progress: Progress, text: str) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        progress.report(done, total, text.format(done=done, total=total))

    return report


def previewing(kind: Kind, source: Source, mapping: Mapping) -> Work:
    """Check every row (nothing is written)."""

    def work(session: Session, progress: Progress) -> PreviewSummary:
        result = preview(session, kind, source, mapping,
                         progress=_reporter(progress, _("Checking row {done} of {total}…")))
        return _summarise(result)

    return work


def importing(kind: Kind, source: Source, mapping: Mapping, *, skip_invalid: bool,
              rejected_file: Path | None) -> Work:
    """Preview again in the writing transaction, then write (all or nothing unless
    ``skip_invalid``: then the good rows, with the rejected ones saved to ``rejected_file``)."""

    def work(session: Session, progress: Progress) -> ImportDone:
        result = preview(session, kind, source, mapping,
                         progress=_reporter(progress, _("Checking row {done} of {total}…")))
        rejected = result.count(Outcome.REJECTED)
        if rejected and not skip_invalid:
            raise ValidationError(Problem(ngettext(
                "Nothing was written: {n} row is rejected. Fix it in the file, or choose to "
                "import the good rows and save the rejected ones to a file.",
                "Nothing was written: {n} rows are rejected. Fix them in the file, or choose "
                "to import the good rows and save the rejected ones to a file.",
                rejected).format(n=rejected)))
        before = read_rows(session, kind)
        apply(session, result, skip_invalid=skip_invalid,
              progress=_reporter(progress, _("Writing record {done} of {total}…")))
        changes = changes_between(before, read_rows(session, kind))
        written: Path | None = None
        if rejected and rejected_file is not None:
            try:
                write_rejected(result, rejected_file)
            except OSError as exc:
                raise ImportProblem(_("Cannot write the rejected rows to {file}: {reason}")
                                    .format(file=rejected_file, reason=os_reason(exc)),
                                    file=rejected_file.name) from exc
            written = rejected_file
        return ImportDone(result.summary(), result.counts, written,
                          [n.message for n in result.notes], changes)

    return work
