"""Reading and writing the wall-clock fields of the travel forms, and small shared helpers.

A local time is typed as a day and a time in one field (``2007-05-13 18:00`` or
``13/05/2007 18h00``); the zone it is read in comes from the airport or venue beside it.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from desktop.dates import parse_clock, parse_day
from desktop.errors import Problem
from desktop.i18n import _
from desktop.travel.localtime import zone_abbreviation
from desktop.ui.forms import RecordForm, format_day

_MERIDIEM = re.compile(r"^[ap]\.?m\.?$", re.IGNORECASE)


def parse_local(text: str) -> datetime:
    """``2007-05-13 18:00`` or ``2007-05-13 6:00 PM`` (any day and time the forms accept) as a
    naive datetime."""
    parts = text.split()
    if len(parts) >= 2 and _MERIDIEM.match(parts[-1]):  # "6:00 PM": the time is two words
        parts[-2:] = [" ".join(parts[-2:])]
    if len(parts) < 2:
        raise ValueError(_("“{value}” needs a day and a time, e.g. {example}.")
                         .format(value=text.strip(),
                                 example=format_local_field(datetime(2007, 5, 13, 18, 0))))
    day = parse_day(" ".join(parts[:-1]))
    clock = parse_clock(parts[-1])
    return datetime.combine(day, clock)


def format_local_field(value: datetime | None) -> str:
    """A naive local time as the form shows it (and reads it back)."""
    if value is None:
        return ""
    return f"{format_day(value.date())} {value.strftime('%H:%M')}"


def local_example(value: datetime) -> str:
    """The placeholder of a local-time field, written the way the form reads it back."""
    return _("local time, e.g. {example}").format(example=format_local_field(value))


def local_field(form: RecordForm, name: str, problems: list[Problem]) -> datetime | None:
    """The local time typed in field ``name`` (None when empty); a problem when unreadable."""
    text = form.text(name).strip()
    if not text:
        return None
    try:
        return parse_local(text)
    except ValueError as exc:
        problems.append(Problem(str(exc), field=name))
        return None


def describe_zone(zone: str, when: datetime | None) -> str:
    """``America/New_York (EDT)``: the zone a local time is read in, abbreviated when the day
    is known (summer and winter times differ)."""
    if when is None:
        return zone
    return _("{zone} ({abbreviation})").format(
        zone=zone, abbreviation=zone_abbreviation(when.replace(tzinfo=ZoneInfo(zone))))


def _holder_layout(form: RecordForm, name: str) -> QBoxLayout:
    holder = form.fields[name].parentWidget()
    assert holder is not None
    layout = holder.layout()
    assert isinstance(layout, QBoxLayout)
    return layout


def end_form(form: RecordForm) -> None:
    """Keep the fields at the top of the form: the room left over goes below the last one."""
    filler = QWidget()
    filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
    form.layout_.addRow(filler)


def field_hint(form: RecordForm, name: str) -> QLabel:
    """A grey line under field ``name`` (under its error line) for what helps typing it."""
    hint = QLabel()
    hint.setObjectName(f"{name}_hint")
    hint.setWordWrap(True)
    hint.setStyleSheet("color: palette(mid);")
    _holder_layout(form, name).addWidget(hint)
    return hint


def field_button(form: RecordForm, name: str, text: str) -> QToolButton:
    """A (hidden) button under field ``name``: the way out of the problem shown there."""
    button = QToolButton()
    button.setObjectName(f"{name}_fix")
    button.setText(text)
    button.hide()
    layout = _holder_layout(form, name)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(button)
    row.addStretch(1)
    layout.addLayout(row)
    return button


def tool_row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row
