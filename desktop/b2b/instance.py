"""Typed B2B instances and schedules, read from and written to their JSON files.

The JSON formats are the contract between the mission database, the solver and any outside
tool; everything else in ``desktop.b2b`` works on these frozen dataclasses. Bad input raises
:class:`~desktop.errors.ValidationError` listing every problem with its field path.

Beyond the base format, a slot may list ``held`` tables, ``{"T3": "p7"}``: in that slot p7's
meetings are at T3 and no other meeting is, even when p7 has none (a host's stand). A table
held by ``null`` is closed in that slot: no meeting sits there (a block with fewer tables than
the list). A participant's ``table`` says where all its meetings are; it does not keep others
off it. A meeting's ``current`` place may name its ``interpreter``, which a re-plan keeps
where it can.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
from dataclasses import dataclass, field
from datetime import date, time
from itertools import pairwise
from pathlib import Path
from typing import Any

from desktop.errors import Problem, ValidationError, os_reason
from desktop.i18n import _

INSTANCE_FORMAT = "mission-desk.b2b-instance"
SCHEDULE_FORMAT = "mission-desk.b2b-schedule"
FORMAT_VERSION = 1
PRIORITIES = (1, 2, 3)
STATUSES = ("optimal", "feasible", "infeasible")


@dataclass(frozen=True)
class Slot:
    id: int
    day: str
    start: str = ""
    end: str = ""
    session: str | None = None
    # Tables held in this slot by a participant for its own meetings (a host's stand): its
    # meetings in the slot are there, and no other meeting is; (table, participant id) pairs.
    # A table held by None is closed in this slot: no meeting sits there.
    held: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    unavailable: frozenset[int] = frozenset()
    table: str | None = None
    max_meetings: int | None = None
    languages: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Interpreter:
    id: str
    name: str
    languages: tuple[str, ...] = ()
    unavailable: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Place:
    """Where a meeting is held today (``meetings[].current``), and with which interpreter."""

    slot: int
    table: str | None = None
    interpreter: str | None = None  # kept where it can be: an interpreter's day stays theirs


@dataclass(frozen=True)
class MeetingSpec:
    id: str
    participants: tuple[str, str]
    required: bool = True
    priority: int = 1
    session: str | None = None
    slot: int | None = None
    after: tuple[str, ...] = ()
    current: Place | None = None


@dataclass(frozen=True)
class Options:
    max_break_spread: int | None = None
    time_limit_s: float | None = None
    keep_current: bool = False


@dataclass(frozen=True)
class Instance:
    name: str
    slots: tuple[Slot, ...]
    tables: tuple[str, ...]
    participants: tuple[Participant, ...]
    meetings: tuple[MeetingSpec, ...]
    interpreters: tuple[Interpreter, ...] = ()
    options: Options = field(default_factory=Options)

    def participant(self, pid: str) -> Participant:
        for p in self.participants:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def participant_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.participants}


@dataclass(frozen=True)
class PlacedMeeting:
    id: str
    slot: int
    table: str
    interpreter: str | None = None


@dataclass(frozen=True)
class Unscheduled:
    id: str
    reason: str


@dataclass(frozen=True)
class Schedule:
    instance: str
    status: str
    meetings: tuple[PlacedMeeting, ...]
    unscheduled: tuple[Unscheduled, ...] = ()
    scheduled: int = 0
    scheduled_priority: tuple[int, int, int] = (0, 0, 0)
    breaks: int = 0
    moved: int | None = None
    bound_breaks: int = 0
    solve_seconds: float = 0.0


# --------------------------------------------------------------------------- reading

_INSTANCE_FIELDS = frozenset({"format", "version", "name", "slots", "tables", "participants",
                              "interpreters", "meetings", "options"})
_SLOT_FIELDS = frozenset({"id", "day", "start", "end", "session", "held"})
_PARTICIPANT_FIELDS = frozenset({"id", "name", "unavailable", "table", "max_meetings",
                                 "languages"})
_INTERPRETER_FIELDS = frozenset({"id", "name", "languages", "unavailable"})
_MEETING_FIELDS = frozenset({"id", "participants", "required", "priority", "session", "slot",
                             "after", "current"})
_PLACE_FIELDS = frozenset({"slot", "table", "interpreter"})
_OPTION_FIELDS = frozenset({"max_break_spread", "time_limit_s", "keep_current"})


class _Reader:
    """Collects every problem of one document instead of stopping at the first."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(message, field=path, file=self.file))

    def get(self, obj: dict[str, Any], key: str, path: str, kind: type | tuple[type, ...],
            default: Any = ..., nullable: bool = False) -> Any:
        where = f"{path}.{key}" if path else key
        if key not in obj:
            if default is ...:
                self.fail(where, _("is missing"))
                return None
            return default
        value = obj[key]
        if value is None and nullable:
            return None
        bad_bool = isinstance(value, bool) and bool not in _kinds(kind)
        if bad_bool or not isinstance(value, kind):
            self.fail(where, _("has the wrong type ({found})").format(found=type(value).__name__))
            return None if default is ... else default
        return value

    def known(self, obj: dict[str, Any], path: str, keys: frozenset[str]) -> None:
        """Report the fields the format does not have: a misspelt one ("priorty") would
        otherwise be ignored, and the problem solved with the default in its place."""
        for key in obj:
            if key not in keys:
                self.fail(f"{path}.{key}" if path else str(key),
                          _("is not a field of the format (misspelt?)"))

    def items(self, obj: dict[str, Any], key: str, path: str = "") -> list[Any]:
        value = self.get(obj, key, path, list, default=[])
        return value if isinstance(value, list) else []

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _header(r: _Reader, data: Any, expected: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        r.fail("", _("the file does not hold a JSON object"))
        r.raise_if_any()
    if data.get("format") != expected:
        r.fail("format", _("should be \"{expected}\"").format(expected=expected))
    if data.get("version") != FORMAT_VERSION:
        r.fail("version", _("version {found} is not supported (expected {expected})").format(
            found=data.get("version"), expected=FORMAT_VERSION))
    return data


def _str_list(r: _Reader, obj: dict[str, Any], key: str, path: str) -> list[str]:
    values = r.items(obj, key, path)
    out = []
    for i, v in enumerate(values):
        if isinstance(v, str):
            out.append(v)
        else:
            r.fail(f"{path}.{key}[{i}]", _("should be a text"))
    return out


def _slot_refs(r: _Reader, obj: dict[str, Any], key: str, path: str,
               slot_ids: set[int]) -> frozenset[int]:
    out = set()
    for i, v in enumerate(r.items(obj, key, path)):
        if isinstance(v, bool) or not isinstance(v, int) or v not in slot_ids:
            r.fail(f"{path}.{key}[{i}]", _("{value} is not a slot id").format(value=v))
        else:
            out.add(v)
    return frozenset(out)


def _objects(r: _Reader, data: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for i, v in enumerate(r.items(data, key)):
        path = f"{key}[{i}]"
        if isinstance(v, dict):
            out.append((path, v))
        else:
            r.fail(path, _("should be an object"))
    return out


def _unique(r: _Reader, path: str, value: Any, seen: set[Any]) -> None:
    if value is not None and value in seen:
        r.fail(path, _("duplicate id {id}").format(id=value))
    seen.add(value)


def parse_instance(data: Any, *, file: str | None = None) -> Instance:
    """Build an :class:`Instance` from decoded JSON, or raise ``ValidationError``."""
    r = _Reader(file)
    data = _header(r, data, INSTANCE_FORMAT)
    name = r.get(data, "name", "", str, default="")
    r.known(data, "", _INSTANCE_FIELDS)
    for key in ("slots", "tables", "participants", "meetings"):
        if key not in data:  # an empty list is a choice; a missing one, a broken file
            r.fail(key, _("is missing"))
    slots: list[Slot] = []
    seen: set[Any] = set()
    held_raw: dict[int, tuple[str, dict[str, Any]]] = {}
    for path, s in _objects(r, data, "slots"):
        r.known(s, path, _SLOT_FIELDS)
        sid = r.get(s, "id", path, int)
        _unique(r, path + ".id", sid, seen)
        day = r.get(s, "day", path, str)
        start = r.get(s, "start", path, str, default="")
        end = r.get(s, "end", path, str, default="")
        session = r.get(s, "session", path, str, default=None, nullable=True)
        _check_when(r, path, day, start, end)
        held = r.get(s, "held", path, dict, default={})
        if held and sid is not None:
            held_raw[sid] = (path + ".held", held)
        if sid is not None and day is not None:
            slots.append(Slot(sid, day, start or "", end or "", session))
    if not slots and "slots" in data and not r.problems:
        r.fail("slots", _("at least one slot is needed"))
    for n, (before, after) in enumerate(pairwise(slots), start=1):
        if (after.day, after.start) < (before.day, before.start) and not r.problems:
            r.fail(f"slots[{n}]", _("slot {id} comes before slot {previous} in time; slots are "
                                    "listed in time order").format(id=after.id,
                                                                   previous=before.id))
    slot_ids = {s.id for s in slots}
    sessions = {s.session for s in slots if s.session is not None}
    tables = _str_list(r, data, "tables", "")
    if len(set(tables)) != len(tables):
        r.fail("tables", _("table names must be unique"))
    if not tables and "tables" in data:
        r.fail("tables", _("at least one table is needed"))

    participants: list[Participant] = []
    seen = set()
    for path, p in _objects(r, data, "participants"):
        r.known(p, path, _PARTICIPANT_FIELDS)
        pid = r.get(p, "id", path, str)
        _unique(r, path + ".id", pid, seen)
        pname = r.get(p, "name", path, str, default=pid or "")
        table = r.get(p, "table", path, str, default=None, nullable=True)
        if table is not None and table not in tables and "tables" in data:
            r.fail(path + ".table", _("{table} is not a table").format(table=table))
        cap = r.get(p, "max_meetings", path, int, default=None, nullable=True)
        if cap is not None and cap < 0:
            r.fail(path + ".max_meetings", _("cannot be negative"))
        langs = None
        if p.get("languages") is not None:
            langs = tuple(_str_list(r, p, "languages", path))
        unavailable = _slot_refs(r, p, "unavailable", path, slot_ids)
        if pid is not None:
            participants.append(Participant(pid, pname or pid, unavailable, table, cap, langs))
    pids = {p.id for p in participants}
    if held_raw:
        slots = _with_held(r, slots, held_raw, set(tables), participants)

    interpreters: list[Interpreter] = []
    seen = set()
    for path, it in _objects(r, data, "interpreters"):
        r.known(it, path, _INTERPRETER_FIELDS)
        iid = r.get(it, "id", path, str)
        _unique(r, path + ".id", iid, seen)
        iname = r.get(it, "name", path, str, default=iid or "")
        langs_i = tuple(_str_list(r, it, "languages", path))
        unavailable = _slot_refs(r, it, "unavailable", path, slot_ids)
        if iid is not None:
            interpreters.append(Interpreter(iid, iname or iid, langs_i, unavailable))

    meetings = _parse_meetings(r, data, slot_ids, sessions, pids, set(tables),
                               {it.id for it in interpreters})
    options = _parse_options(r, data)
    r.raise_if_any()
    return Instance(name or "", tuple(slots), tuple(tables), tuple(participants),
                    tuple(meetings), tuple(interpreters), options)


def _check_when(r: _Reader, path: str, day: str | None, start: str | None,
                end: str | None) -> None:
    """A slot's day is a date (2007-05-15) and its times, when given, are clock times (09:20)
    with the end after the start."""
    if day is not None:
        try:
            date.fromisoformat(day)
        except ValueError:
            r.fail(path + ".day", _("“{value}” is not a date like 2007-05-15").format(value=day))
    clocks = {}
    for key, value in (("start", start), ("end", end)):
        if value:
            try:
                clocks[key] = time.fromisoformat(value)
            except ValueError:
                r.fail(f"{path}.{key}", _("“{value}” is not a time like 09:20").format(
                    value=value))
    if len(clocks) == 2 and clocks["end"] <= clocks["start"]:
        r.fail(path + ".end", _("ends at {end}, not after its start at {start}").format(
            end=end, start=start))


def _with_held(r: _Reader, slots: list[Slot], raw: dict[int, tuple[str, dict[str, Any]]],
               tables: set[str], participants: list[Participant]) -> list[Slot]:
    """The slots with their held tables, each checked: a table of the instance, closed (held
    by nobody) or held by a participant of it, who holds no other table then and no fixed
    table elsewhere."""
    fixed = {p.id: p.table for p in participants}
    out = []
    for slot in slots:
        if slot.id not in raw:
            out.append(slot)
            continue
        path, held = raw[slot.id]
        pairs: list[tuple[str, str | None]] = []
        holders: set[str] = set()
        for table, who in held.items():
            where = f"{path}.{table}"
            if table not in tables:
                r.fail(where, _("{table} is not a table").format(table=table))
            elif who is None:
                pairs.append((table, None))
            elif not isinstance(who, str) or who not in fixed:
                r.fail(where, _("{value} is not a participant").format(value=who))
            elif who in holders:
                r.fail(where, _("{id} holds two tables in the same slot").format(id=who))
            elif fixed[who] is not None and fixed[who] != table:
                r.fail(where, _("{id} holds all its meetings at {table}").format(
                    id=who, table=fixed[who]))
            else:
                holders.add(who)
                pairs.append((table, who))
        out.append(dataclasses.replace(slot, held=tuple(sorted(pairs, key=lambda p: p[0]))))
    return out


def _parse_meetings(r: _Reader, data: dict[str, Any], slot_ids: set[int], sessions: set[str],
                    pids: set[str], tables: set[str], interpreters: set[str]) -> list[MeetingSpec]:
    meetings: list[MeetingSpec] = []
    seen: set[Any] = set()
    raw = _objects(r, data, "meetings")
    mids = {m.get("id") for _p, m in raw}
    for path, m in raw:
        r.known(m, path, _MEETING_FIELDS)
        mid = r.get(m, "id", path, str)
        _unique(r, path + ".id", mid, seen)
        who = _str_list(r, m, "participants", path)
        if len(who) != 2 or who[0] == who[1]:
            r.fail(path + ".participants", _("a meeting needs exactly two distinct participants"))
        for p in who:
            if p not in pids and "participants" in data:
                r.fail(path + ".participants", _("{id} is not a participant").format(id=p))
        required = r.get(m, "required", path, bool, default=True)
        priority = r.get(m, "priority", path, int, default=1)
        if priority not in PRIORITIES:
            r.fail(path + ".priority", _("should be 1, 2 or 3"))
        session = r.get(m, "session", path, str, default=None, nullable=True)
        if session is not None and session not in sessions:
            r.fail(path + ".session", _("no slot has the session {session}").format(
                session=session))
        slot = r.get(m, "slot", path, int, default=None, nullable=True)
        if slot is not None and slot not in slot_ids:
            r.fail(path + ".slot", _("{value} is not a slot id").format(value=slot))
        after = _str_list(r, m, "after", path)
        for a in after:
            if a not in mids or a == mid:
                r.fail(path + ".after", _("{id} is not another meeting").format(id=a))
        current = None
        cur = r.get(m, "current", path, dict, default=None, nullable=True)
        if cur is not None:
            r.known(cur, path + ".current", _PLACE_FIELDS)
            cslot = r.get(cur, "slot", path + ".current", int)
            ctable = r.get(cur, "table", path + ".current", str, default=None, nullable=True)
            if cslot is not None and cslot not in slot_ids:
                r.fail(path + ".current.slot", _("{value} is not a slot id").format(value=cslot))
            if ctable is not None and ctable not in tables and "tables" in data:
                r.fail(path + ".current.table", _("{table} is not a table").format(table=ctable))
            cinterp = r.get(cur, "interpreter", path + ".current", str, default=None,
                            nullable=True)
            if cinterp is not None and cinterp not in interpreters:
                r.fail(path + ".current.interpreter", _("{value} is not an interpreter").format(
                    value=cinterp))
            if cslot is not None:
                current = Place(cslot, ctable, cinterp)
        if mid is not None and len(who) == 2:
            meetings.append(MeetingSpec(mid, (who[0], who[1]), bool(required), priority or 1,
                                        session, slot, tuple(after), current))
    _check_after_cycles(r, meetings)
    return meetings


def _check_after_cycles(r: _Reader, meetings: list[MeetingSpec]) -> None:
    after = {m.id: m.after for m in meetings}
    state: dict[str, int] = {}

    def visit(mid: str) -> bool:
        state[mid] = 1
        for a in after.get(mid, ()):
            if state.get(a) == 1 or (state.get(a) is None and a in after and visit(a)):
                return True
        state[mid] = 2
        return False

    for i, m in enumerate(meetings):
        if state.get(m.id) is None and visit(m.id):
            r.fail(f"meetings[{i}].after", _("the 'after' orders form a cycle"))
            return


def _parse_options(r: _Reader, data: dict[str, Any]) -> Options:
    opts = r.get(data, "options", "", dict, default={})
    if not isinstance(opts, dict):
        return Options()
    r.known(opts, "options", _OPTION_FIELDS)
    spread = r.get(opts, "max_break_spread", "options", int, default=None, nullable=True)
    if spread is not None and spread < 0:
        r.fail("options.max_break_spread", _("cannot be negative"))
    limit = r.get(opts, "time_limit_s", "options", (int, float), default=None, nullable=True)
    if limit is not None and limit <= 0:
        r.fail("options.time_limit_s", _("should be positive"))
    keep = r.get(opts, "keep_current", "options", bool, default=False)
    return Options(spread, float(limit) if limit is not None else None, bool(keep))


def parse_schedule(data: Any, *, file: str | None = None) -> Schedule:
    """Build a :class:`Schedule` from decoded JSON, or raise ``ValidationError``."""
    r = _Reader(file)
    data = _header(r, data, SCHEDULE_FORMAT)
    name = r.get(data, "instance", "", str, default="")
    status = r.get(data, "status", "", str)
    if status is not None and status not in STATUSES:
        r.fail("status", _("should be optimal, feasible or infeasible"))
    placed = []
    for path, m in _objects(r, data, "meetings"):
        mid = r.get(m, "id", path, str)
        slot = r.get(m, "slot", path, int)
        table = r.get(m, "table", path, str)
        interp = r.get(m, "interpreter", path, str, default=None, nullable=True)
        if mid is not None and slot is not None and table is not None:
            placed.append(PlacedMeeting(mid, slot, table, interp))
    unscheduled = []
    for path, u in _objects(r, data, "unscheduled"):
        uid = r.get(u, "id", path, str)
        reason = r.get(u, "reason", path, str, default="")
        if uid is not None:
            unscheduled.append(Unscheduled(uid, reason or ""))
    obj = r.get(data, "objective", "", dict, default={}) or {}
    prio = obj.get("scheduled_priority", [0, 0, 0])
    if not (isinstance(prio, list) and len(prio) == 3 and all(isinstance(v, int) for v in prio)):
        r.fail("objective.scheduled_priority", _("should be a list of three counts"))
        prio = [0, 0, 0]
    scheduled = r.get(obj, "scheduled", "objective", int, default=len(placed))
    breaks = r.get(obj, "breaks", "objective", int, default=0)
    moved = r.get(obj, "moved", "objective", int, default=None, nullable=True)
    bound = r.get(data, "bound", "", dict, default={}) or {}
    bound_breaks = r.get(bound, "breaks", "bound", int, default=0)
    seconds = r.get(data, "solve_seconds", "", (int, float), default=0.0)
    r.raise_if_any()
    return Schedule(name or "", status or "feasible", tuple(placed), tuple(unscheduled),
                    scheduled or 0, (prio[0], prio[1], prio[2]), breaks or 0, moved,
                    bound_breaks or 0, float(seconds or 0.0))


# --------------------------------------------------------------------------- writing


def instance_to_dict(inst: Instance) -> dict[str, Any]:
    return {
        "format": INSTANCE_FORMAT,
        "version": FORMAT_VERSION,
        "name": inst.name,
        "slots": [{"id": s.id, "day": s.day, "start": s.start, "end": s.end,
                   "session": s.session, **({"held": dict(s.held)} if s.held else {})}
                  for s in inst.slots],
        "tables": list(inst.tables),
        "participants": [
            {"id": p.id, "name": p.name, "unavailable": sorted(p.unavailable), "table": p.table,
             "max_meetings": p.max_meetings,
             **({"languages": list(p.languages)} if p.languages is not None else {})}
            for p in inst.participants],
        "interpreters": [{"id": i.id, "name": i.name, "languages": list(i.languages),
                          "unavailable": sorted(i.unavailable)} for i in inst.interpreters],
        "meetings": [
            {"id": m.id, "participants": list(m.participants), "required": m.required,
             "priority": m.priority, "session": m.session, "slot": m.slot,
             "after": list(m.after),
             "current": ({"slot": m.current.slot, "table": m.current.table,
                          **({"interpreter": m.current.interpreter}
                             if m.current.interpreter else {})}
                         if m.current else None)}
            for m in inst.meetings],
        "options": {"max_break_spread": inst.options.max_break_spread,
                    "time_limit_s": inst.options.time_limit_s,
                    "keep_current": inst.options.keep_current},
    }


def schedule_to_dict(sched: Schedule) -> dict[str, Any]:
    objective: dict[str, Any] = {"scheduled": sched.scheduled,
                                 "scheduled_priority": list(sched.scheduled_priority),
                                 "breaks": sched.breaks}
    if sched.moved is not None:
        objective["moved"] = sched.moved
    return {
        "format": SCHEDULE_FORMAT,
        "version": FORMAT_VERSION,
        "instance": sched.instance,
        "status": sched.status,
        "meetings": [{"id": m.id, "slot": m.slot, "table": m.table,
                      "interpreter": m.interpreter} for m in sched.meetings],
        "unscheduled": [{"id": u.id, "reason": u.reason} for u in sched.unscheduled],
        "objective": objective,
        "bound": {"breaks": sched.bound_breaks},
        "solve_seconds": round(sched.solve_seconds, 3),
    }


def _read_json(path: str | Path) -> Any:
    p = Path(path)
    try:
        # utf-8-sig: a file saved by a Windows editor may start with a byte-order mark.
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(Problem(_("is not UTF-8 text (byte {at} cannot be read): a JSON "
                                        "file is UTF-8").format(at=exc.start + 1),
                                      file=str(p))) from exc
    except OSError as exc:
        raise ValidationError(Problem(_("cannot be read: {error}").format(error=os_reason(exc)),
                                      file=str(p))) from exc

    def not_json(name: str) -> Any:
        raise ValueError(name)

    try:
        return json.loads(text, parse_constant=not_json)
    except json.JSONDecodeError as exc:
        raise ValidationError(Problem(_("is not valid JSON (line {line}, column {col})").format(
            line=exc.lineno, col=exc.colno), file=str(p))) from exc
    except ValueError as exc:  # NaN or Infinity, which JSON does not have
        raise ValidationError(Problem(_("is not valid JSON: {word} is not a number JSON "
                                        "knows").format(word=exc), file=str(p))) from exc
    except RecursionError as exc:
        raise ValidationError(Problem(_("is nested too deeply to be read"),
                                      file=str(p))) from exc


def load_instance(path: str | Path) -> Instance:
    return parse_instance(_read_json(path), file=Path(path).name)


def load_schedule(path: str | Path) -> Schedule:
    return parse_schedule(_read_json(path), file=Path(path).name)


def _write_json(data: dict[str, Any], path: str | Path) -> None:
    """Write ``data`` whole or not at all: into a side file first, then put in its place, so
    a full disk or a stopped run never leaves half a file where a good one was."""
    p = Path(path)
    part = p.with_name(f".{p.name}.part")
    try:
        part.write_text(json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n",
                        encoding="utf-8")
        os.replace(part, p)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        raise ValidationError(Problem(_("cannot be written: {error}").format(
            error=os_reason(exc)), file=str(p))) from exc


def dump_instance(inst: Instance, path: str | Path) -> None:
    _write_json(instance_to_dict(inst), path)


def dump_schedule(sched: Schedule, path: str | Path) -> None:
    _write_json(schedule_to_dict(sched), path)
