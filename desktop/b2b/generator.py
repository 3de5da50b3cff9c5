"""Realistic B2B instances, deterministic from a seed, for tests and benchmarks.

The shapes follow the business forums studied by Bofill et al. (JAIR 2022): 40-80 participants,
120-300 meetings, 8-22 slots, 12-27 tables, morning/afternoon restrictions and forbidden slots.
Required meetings are planted into a hidden schedule first, so every generated instance is
feasible; over-subscribed instances then add optional requests beyond what fits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from desktop.b2b.instance import (
    Instance,
    Interpreter,
    MeetingSpec,
    Options,
    Participant,
    Place,
    Slot,
)

KINDS = ("normal", "tight", "oversubscribed", "hubs")
_COMPANIES = ("Atlas", "Maroc", "Casa", "Rabat", "Sahara", "Medina", "Boston", "Toronto",
              "Austin", "Ottawa", "Quebec", "Denver", "Fes", "Tanger", "Agadir", "Pacific")
_TRADES = ("Offshore", "Data Services", "Software", "Telecom", "Consulting", "Systems",
           "Networks", "Cloud", "Analytics", "Outsourcing", "Digital", "Labs")


@dataclass(frozen=True)
class Shape:
    participants: int
    meetings: int
    slots: int
    tables: int


def pick_shape(rng: random.Random, kind: str) -> Shape:
    """A size in the paper's range; ``tight`` means about 150 meetings, 21 slots, 12 tables."""
    if kind == "tight":
        return Shape(rng.randint(42, 55), rng.randint(145, 160), 21, 12)
    if kind == "hubs":
        return Shape(rng.randint(60, 78), rng.randint(200, 280), rng.randint(16, 22),
                     rng.randint(15, 22))
    slots = rng.randint(8, 22)
    tables = rng.randint(12, 27)
    meetings = min(rng.randint(120, 300), int(slots * tables * 0.8))
    meetings = max(meetings, 120) if slots * tables * 0.8 >= 120 else meetings
    participants = rng.randint(40, 80)
    participants = max(participants, 2 * meetings // slots + 8)
    return Shape(min(participants, 80), meetings, slots, tables)


def generate(seed: int, kind: str = "normal", *, shape: Shape | None = None,
             extras: bool = False, spread: int | None = 2) -> Instance:
    """Make an instance; ``extras`` adds fixed tables, interpreters, locks and orders."""
    if kind not in KINDS:
        raise ValueError(kind)
    rng = random.Random(f"{seed}-{kind}")
    shape = shape or pick_shape(rng, kind)
    n_slots = shape.slots
    half = (n_slots + 1) // 2
    two_days = extras and n_slots >= 6 and rng.random() < 0.5
    slots = []
    for i in range(n_slots):
        day = "2007-05-16" if two_days and i >= half else "2007-05-15"
        minute = 9 * 60 + 20 * i + (60 if i >= half else 0)
        session = "am" if i < half else "pm"
        slots.append(Slot(i + 1, day, f"{minute // 60:02d}:{minute % 60:02d}",
                          f"{(minute + 20) // 60:02d}:{(minute + 20) % 60:02d}",
                          session))
    tables = tuple(f"T{i + 1}" for i in range(shape.tables))
    am = {s.id for s in slots if s.session == "am"}
    pm = {s.id for s in slots if s.session == "pm"}

    one_session = 0.55 if kind == "tight" else 0.45 if kind == "hubs" else 0.3
    people = _participants(rng, shape.participants, slots, am, pm, tables, extras, one_session)
    interpreters = _interpreters(rng, slots) if extras else ()
    weights = {p.id: rng.choice((1.0, 1.0, 1.5, 2.5, 4.0)) for p in people}
    if kind == "hubs":
        # Real forums have a few sought-after companies with 15-20 meetings each.
        hubs = set(rng.sample(range(len(people)), k=max(3, len(people) // 10)))
        for i in hubs:
            people[i] = replace(people[i], unavailable=frozenset())
            weights[people[i].id] = 40.0
    meetings = _plant(rng, shape, slots, people, interpreters, weights, extras,
                      spread_out=kind == "hubs")
    if kind == "oversubscribed":
        meetings += _extra_requests(rng, people, len(meetings), meetings, weights)
    if extras:
        meetings = _decorate(rng, meetings)
    name = f"{kind}-{seed}"
    options = Options(max_break_spread=spread, time_limit_s=60.0, keep_current=False)
    return Instance(name, tuple(slots), tables, tuple(people), tuple(meetings),
                    tuple(interpreters), options)


def _participants(rng: random.Random, n: int, slots: list[Slot], am: set[int], pm: set[int],
                  tables: tuple[str, ...], extras: bool,
                  one_session: float) -> list[Participant]:
    people = []
    used_names: set[str] = set()
    fixed_tables = list(tables[: rng.randint(1, 3)]) if extras else []
    for i in range(n):
        name = f"{rng.choice(_COMPANIES)} {rng.choice(_TRADES)}"
        while name in used_names:
            name = "{} {} {}".format(rng.choice(_COMPANIES), rng.choice(_TRADES),
                                     rng.choice(("Group", "International", "Partners", "Inc.")))
        used_names.add(name)
        unavailable: set[int] = set()
        roll = rng.random()
        if roll < one_session * 0.65:
            unavailable |= pm
        elif roll < one_session:
            unavailable |= am
        if rng.random() < 0.25:
            unavailable |= set(rng.sample([s.id for s in slots], k=min(2, len(slots))))
        if len(unavailable) >= len(slots):
            unavailable = set()
        languages: tuple[str, ...] | None = None
        if extras:
            languages = rng.choice((("en",), ("en", "fr"), ("fr", "ar"), ("en",), ("fr",)))
        table = fixed_tables.pop() if fixed_tables and rng.random() < 0.3 else None
        people.append(Participant(f"p{i + 1}", name, frozenset(unavailable), table,
                                  None, languages))
    return people


def _interpreters(rng: random.Random, slots: list[Slot]) -> tuple[Interpreter, ...]:
    names = ("Nadia", "Karim", "Salma", "Youssef")
    out = []
    for i in range(rng.randint(1, 3)):
        busy = frozenset(rng.sample([s.id for s in slots], k=1))
        out.append(Interpreter(f"i{i + 1}", names[i], ("ar", "en", "fr"), busy))
    return tuple(out)


def _needs_interpreter(a: Participant, b: Participant) -> bool:
    return (a.languages is not None and b.languages is not None
            and not set(a.languages) & set(b.languages))


def _plant(rng: random.Random, shape: Shape, slots: list[Slot], people: list[Participant],
           interpreters: tuple[Interpreter, ...], weights: dict[str, float],
           extras: bool, spread_out: bool = False) -> list[MeetingSpec]:
    """Fill a hidden schedule slot by slot with new pairs, so every request fits somewhere.

    ``spread_out`` fills every slot only partly, so popular participants meet in most slots."""
    pairs: set[frozenset[str]] = set()
    meetings: list[MeetingSpec] = []
    order = list(range(len(slots)))
    fill = 1.0 if shape.meetings > 0.5 * shape.tables * len(slots) else 0.95
    if spread_out:
        fill = min(1.0, shape.meetings / (shape.tables * len(slots)) + 0.08)
    for _round in range(4):
        rng.shuffle(order)
        for si in order:
            s = slots[si]
            if len(meetings) >= shape.meetings:
                break
            free = [p for p in people if s.id not in p.unavailable]
            rng.shuffle(free)
            free.sort(key=lambda p: -weights[p.id] * rng.random())
            busy: set[str] = set()
            interp_free = sum(1 for it in interpreters if s.id not in it.unavailable)
            count = 0
            limit = int(shape.tables * fill)
            for a in free:
                if count >= limit or len(meetings) >= shape.meetings or a.id in busy:
                    continue
                for b in free:
                    if b.id == a.id or b.id in busy or frozenset((a.id, b.id)) in pairs:
                        continue
                    if a.table and b.table:
                        continue
                    need = _needs_interpreter(a, b)
                    if need and interp_free == 0:
                        continue
                    interp_free -= need
                    busy |= {a.id, b.id}
                    pairs.add(frozenset((a.id, b.id)))
                    session = s.session if extras and rng.random() < 0.1 else None
                    meetings.append(MeetingSpec(f"m{len(meetings) + 1}", (a.id, b.id),
                                                True, 1, session))
                    count += 1
                    break
    rng.shuffle(meetings)
    return [MeetingSpec(f"m{i + 1}", m.participants, m.required, m.priority, m.session)
            for i, m in enumerate(meetings)]


def _extra_requests(rng: random.Random, people: list[Participant], n_required: int,
                    meetings: list[MeetingSpec], weights: dict[str, float]) -> list[MeetingSpec]:
    """Optional wishes (priorities 1-3) beyond the capacity of the popular participants."""
    pairs = {frozenset(m.participants) for m in meetings}
    popular = sorted(people, key=lambda p: -weights[p.id])[: max(4, len(people) // 5)]
    out: list[MeetingSpec] = []
    want = max(20, n_required // 3)
    tries = 0
    while len(out) < want and tries < want * 20:
        tries += 1
        a = rng.choice(popular)
        b = rng.choice(people)
        key = frozenset((a.id, b.id))
        if a.id == b.id or key in pairs or (a.table and b.table):
            continue
        pairs.add(key)
        out.append(MeetingSpec(f"o{len(out) + 1}", (a.id, b.id), False,
                               rng.choice((1, 2, 2, 3))))
    return out


def _decorate(rng: random.Random, meetings: list[MeetingSpec]) -> list[MeetingSpec]:
    """A few locks and orders, as a real organiser would set; kept consistent with feasibility
    by only ordering meetings that the solver may still move freely."""
    out = list(meetings)
    for _ in range(2):
        i, j = rng.sample(range(len(out)), 2)
        a, b = out[i], out[j]
        if a.session is None and b.session is None and not a.after and not b.after:
            out[j] = MeetingSpec(b.id, b.participants, b.required, b.priority, b.session,
                                 b.slot, (a.id,), b.current)
    return out


def with_current(inst: Instance, placed: dict[str, Place], keep: bool = True) -> Instance:
    """``inst`` with every meeting's ``current`` place set from an earlier schedule."""
    meetings = tuple(MeetingSpec(m.id, m.participants, m.required, m.priority, m.session, m.slot,
                                 m.after, placed.get(m.id)) for m in inst.meetings)
    opts = Options(inst.options.max_break_spread, inst.options.time_limit_s, keep)
    return Instance(inst.name, inst.slots, inst.tables, inst.participants, meetings,
                    inst.interpreters, opts)
