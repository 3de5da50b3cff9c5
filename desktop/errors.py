"""The project's exception family.

Every error a person can act on is a :class:`MissionDeskError`: it carries a message written
for the user (already translated) and, where it applies, where the problem is: a file, a row,
a column, a field. The ui shows it, the cli prints it and exits non-zero; no traceback reaches a
user for anything raised here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in some input, and where it is."""

    message: str
    field: str | None = None
    row: int | None = None
    column: str | None = None
    file: str | None = None
    severity: str = "error"  # "error" or "warning"

    def where(self) -> str:
        """A short human description of the location, e.g. ``people.csv, row 4, column Email``."""
        from desktop.i18n import _

        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.row is not None:
            parts.append(_("row {row}").format(row=self.row))
        if self.column:
            parts.append(_("column {column}").format(column=self.column))
        if self.file and self.field and self.row is None and self.column is None:
            parts.append(self.field)  # where in a structured file: "meetings[2].priority"
        # Otherwise ``field`` names a form field for the ui; people read the message itself.
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class MissionDeskError(Exception):
    """Base of every error the user is meant to read.

    ``exit_code`` is what the command line exits with: 1 for rejected input, 2 for usage.
    """

    exit_code = 1

    def __init__(self, message: str, *, field: str | None = None, file: str | None = None,
                 row: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.file = file
        self.row = row
        self.column = column

    @property
    def problem(self) -> Problem:
        return Problem(self.message, field=self.field, row=self.row, column=self.column,
                       file=self.file)

    def __str__(self) -> str:
        return str(self.problem)


class ValidationError(MissionDeskError):
    """Input that a service refuses; ``problems`` lists every field at fault.

    The first problem is also exposed as ``message``/``field`` so that simple callers can show one
    line, while forms can put each message next to its own field.
    """

    def __init__(self, problems: Problem | str | Iterable[Problem], *,
                 field: str | None = None) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems, field=field)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        if not self.problems:
            raise ValueError("ValidationError needs at least one problem")
        first = self.problems[0]
        super().__init__(first.message, field=first.field, file=first.file, row=first.row,
                         column=first.column)

    def __str__(self) -> str:
        return "; ".join(str(p) for p in self.problems)


class NotFoundError(MissionDeskError):
    """A record that was asked for does not exist (any more)."""


class ConflictError(MissionDeskError):
    """A change that would contradict what is already there (double booking, duplicate...)."""


class ConcurrentChangeError(ConflictError):
    """On a shared server, a change refused whole because another organiser's change, made at
    the same moment, clashed with it. The views should show the mission afresh."""


class MissionFileError(MissionDeskError):
    """A mission file that cannot be opened as asked: not a mission, corrupt, too new...

    Its message already names the file.
    """

    def __str__(self) -> str:
        return self.message


class MissionLockedError(MissionFileError):
    """The mission file is open in another instance; ``holder`` says who holds it."""

    def __init__(self, message: str, *, holder: dict[str, object], file: str | None = None) -> None:
        super().__init__(message, file=file)
        self.holder = holder


class ImportProblem(MissionDeskError):
    """A file that cannot be imported at all (empty, binary, wrong kind, missing column)."""


class ReadOnlyError(MissionDeskError):
    """An attempt to change a mission opened read-only."""


class UsageError(MissionDeskError):
    """A command used the wrong way (command line usage errors exit with 2)."""

    exit_code = 2


class Cancelled(MissionDeskError):
    """A long job stopped because the user asked it to."""


class LayoutError(MissionDeskError):
    """A printed document whose content cannot be laid out as asked."""


def os_reason(error: OSError) -> str:
    """Why the system refused a file, in the user's language ("the disk is full").

    The operating system's own text (``strerror``) is in English whatever the user reads;
    the usual causes are worded here, the rare ones keep the system's text.
    """
    import errno

    from desktop.i18n import _

    words = {
        "ENOENT": _("no such file or folder"),
        "EACCES": _("permission denied"),
        "EPERM": _("permission denied"),
        "ENOSPC": _("the disk is full"),
        "EDQUOT": _("the disk quota is used up"),
        "EROFS": _("the disk is read-only"),
        "EISDIR": _("it is a folder"),
        "ENOTDIR": _("a part of the path is not a folder"),
        "EEXIST": _("it already exists"),
        "ENAMETOOLONG": _("the name is too long"),
        "EBUSY": _("it is in use by another program"),
        "EIO": _("the disk could not be read or written (input/output error)"),
        "EMFILE": _("too many files are open"),
        "ENFILE": _("too many files are open"),
    }
    # Not every system has every code (Windows has no EDQUOT).
    reasons = {getattr(errno, name): text for name, text in words.items()
               if hasattr(errno, name)}
    if error.errno in reasons:
        return reasons[error.errno]
    return error.strerror or str(error)


def os_error_text(error: OSError) -> str:
    """A whole sentence for an operating-system error, naming the file when it is known."""
    from desktop.i18n import _

    if error.filename:
        return _("{file}: {reason}.").format(file=error.filename, reason=os_reason(error))
    return _("The system refused: {reason}.").format(reason=os_reason(error))
