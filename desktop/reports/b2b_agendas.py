"""B2B agendas: each participant's meetings, each table's sign, and the organisers' grid."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby, pairwise
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import SessionKind
from desktop.db.models import Meeting, ProgramSession
from desktop.i18n import format_weekday_date, translate_in, translate_plural_in
from desktop.missions import get_mission
from desktop.reports.base import (
    FlowDocument,
    Job,
    ProgressMark,
    SectionStart,
    styles,
    table,
)
from desktop.reports.bidi import paragraph
from desktop.reports.fonts import SANS_BOLD, SANS_ITALIC

TIME_COLUMN = 40 * mm  # "11:40 AM–12:00 PM" on one line (the day heads its meetings)
TABLE_COLUMN = 22 * mm
GRID_TIME_COLUMN = 38 * mm
GRID_TABLES_PER_PAGE = 7
SIGN_NAME_PT = 60


@dataclass(frozen=True)
class AgendaRow:
    starts: datetime  # venue-local wall clock
    ends: datetime
    table: str
    party: str  # the other party (participant agenda) or "A — B" (table sign)
    interpreter: str = ""
    place: str = ""  # the block and where it is held, which a participant's agenda heads


@dataclass(frozen=True)
class Agenda:
    """One participant's or one table's meetings in time order."""

    title: str  # the participant's or the table's name
    block: str  # the B2B block(s)
    rows: tuple[AgendaRow, ...]


def table_label(name: str, language: str) -> str:
    """``Table 12`` for a numbered table; a named one (``T1``, ``Table 3``) as it is."""
    return translate_in(language, "Table {name}").format(name=name) if name[:1].isdigit() \
        else name


def _row(meeting: Meeting, party: str, language: str = "en") -> AgendaRow:
    return AgendaRow(meeting.slot.starts_at, meeting.slot.ends_at, meeting.table.name, party,
                     meeting.interpreter.name if meeting.interpreter else "",
                     block_place(meeting.slot.block, language))


def block_place(block: ProgramSession, language: str) -> str:
    """A block's title with where it is held: "B2B meetings, day 2 (Rabat) · Technopark
    Rabat, Espace B2B"."""
    from desktop.program.sessions import where_held

    title, where = block.title_in(language), where_held(block, language)
    return translate_in(language, "{block} · {where}").format(block=title, where=where) \
        if where else title


def participant_agendas(session: Session, participant_ids: Sequence[int] | None = None,
                        language: str = "en", *, block_id: int | None = None,
                        day: date | None = None) -> list[Agenda]:
    """The agendas of the given participants (all of them when ``None``), by name; only the
    meetings of one block or one day when asked."""
    from desktop.b2b.meetings import list_meetings
    from desktop.b2b.setup import get_participant, list_participants

    chosen = (list_participants(session) if participant_ids is None
              else [get_participant(session, pid) for pid in participant_ids])
    meetings_of: dict[int, list[Meeting]] = {}
    for meeting in list_meetings(session, block_id):  # one reading for every agenda
        if day is None or meeting.slot.starts_at.date() == day:
            for party in (meeting.participant_a_id, meeting.participant_b_id):
                meetings_of.setdefault(party, []).append(meeting)
    agendas = []
    for participant in chosen:
        rows = tuple(_row(m, (m.participant_b if m.participant_a_id == participant.id
                              else m.participant_a).name, language)
                     for m in meetings_of.get(participant.id, []))
        agendas.append(Agenda(participant.name, "", rows))
    return agendas


def table_agendas(session: Session, block_id: int, language: str = "en", *,
                  day: date | None = None) -> list[Agenda]:
    """Each table of a block with who meets there when (for the table's sign); on a table a
    host keeps, only the other party, since the sign already names the host."""
    from desktop.b2b.meetings import grid

    found = grid(session, block_id)
    block = session.get(ProgramSession, block_id)
    title = block.title_in(language) if block else ""
    slots = [s for s in found.slots if day is None or s.starts_at.date() == day]
    agendas = []
    for tab in found.tables:
        rows = []
        for slot in slots:
            meeting = found.at(slot.id, tab.id)
            if meeting is None:
                continue
            a, b = meeting.participant_a, meeting.participant_b
            party = (b.name if a.id == tab.participant_id else a.name
                     if b.id == tab.participant_id else f"{a.name} — {b.name}")
            rows.append(_row(meeting, party, language))
        keeper = translate_in(language, "{block} · Table kept by {name}").format(
            block=title, name=tab.participant.name) if tab.participant is not None else title
        agendas.append(Agenda(tab.name, keeper, tuple(rows)))
    return agendas


def b2b_blocks(session: Session) -> list[ProgramSession]:
    return list(session.scalars(select(ProgramSession).where(
        ProgramSession.kind == SessionKind.B2B_BLOCK).order_by(ProgramSession.starts_at)))


class ParticipantAgendas(FlowDocument):
    """One section per participant: their meetings in time order, table and other party."""

    def __init__(self, agendas: Sequence[Agenda], *, mission_name: str, **options: Any) -> None:
        super().__init__(mission_name=mission_name, **options)
        self.agendas = list(agendas)

    @classmethod
    def from_session(cls, session: Session, participant_ids: Sequence[int] | None = None,
                     **options: Any) -> ParticipantAgendas:
        """Every participant's agenda (or the chosen ones'), with the meetings of one block
        (``block_id``) or one ``day`` when given."""
        mission = get_mission(session)
        options.setdefault("language", mission.document_language)
        block_id, day = options.pop("block_id", None), options.pop("day", None)
        agendas = participant_agendas(session, participant_ids, options["language"],
                                      block_id=block_id, day=day)
        chosen = block_id is not None or day is not None
        if participant_ids is None and chosen:
            # One block's or day's agendas: a page for whoever meets then, not a page saying
            # "no meetings" to someone whose meetings are on the other day.
            agendas = [agenda for agenda in agendas if agenda.rows]
        document = cls(agendas, mission_name=mission.name, **options)
        document.when_chosen = chosen
        return document

    def title(self) -> str:
        return self.t("B2B agenda")

    when_chosen = False  # only the meetings of one block or one day

    def nothing(self) -> str:
        if self.when_chosen:
            return self.t("Nobody has a B2B meeting then.")
        return self.t("There is no B2B participant yet.")

    def story(self, job: Job) -> list[Flowable]:
        style = styles()
        if not self.agendas:
            return [paragraph(self.nothing(), style["italic"])]
        flow: list[Flowable] = []
        for index, agenda in enumerate(self.agendas):
            if index:
                flow.append(PageBreak())
            flow += [ProgressMark(job, index, len(self.agendas)), SectionStart(agenda.title),
                     *self.heading(agenda)]
            if not agenda.rows:
                flow.append(paragraph(self.t("No meetings are planned."),
                                      style["italic"]))
                continue
            flow += self.meetings(agenda)
            if job.first_page_only:
                break
        return flow

    def meetings(self, agenda: Agenda) -> list[Flowable]:
        """An agenda's meetings, block by block under where the block is held: when, at
        which table, with whom."""
        style = styles()
        flow: list[Flowable] = []
        for (place, day), group in groupby(agenda.rows,
                                           key=lambda row: (row.place, row.starts.date())):
            rows: list[list[Any]] = [[self.t("Time"), self.t("Table"), self.t("Meeting with"),
                                      self.t("Interpreter")]]
            rest = self.frame_width - TIME_COLUMN - TABLE_COLUMN
            for row in group:
                rows.append([Paragraph(self._when(row), style["cell_bold"]),
                             fitted(row.table, style["cell_bold"], TABLE_COLUMN - 6),
                             fitted(row.party, style["cell"], rest * 0.65 - 6),
                             fitted(row.interpreter, style["cell"], rest * 0.35 - 6)])
            # The day in full above its meetings (the rows then say only the times).
            flow.append(paragraph(self._day(day) + (f" — {place}" if place else ""),
                                  style["h3"]))
            flow.append(table(rows, [TIME_COLUMN, TABLE_COLUMN, rest * 0.65, rest * 0.35]))
        return flow

    def heading(self, agenda: Agenda) -> list[Flowable]:
        style = styles()
        return [paragraph(agenda.title, style["title"]),
                *([paragraph(agenda.block, style["subtitle"])] if agenda.block else [])]

    def _when(self, row: AgendaRow) -> str:
        return self.t("{start}–{end}").format(start=self.time(row.starts),
                                              end=self.time(row.ends))

    def _day(self, day: date) -> str:
        """"Tuesday 15 May 2007" / "Mardi 15 mai 2007"."""
        text = format_weekday_date(day, self.language)
        return text[:1].upper() + text[1:]


class TableSigns(ParticipantAgendas):
    """One page per table: its name in large type, then who meets there when."""

    @classmethod
    def from_session(cls, session: Session, participant_ids: Sequence[int] | None = None,
                     **options: Any) -> TableSigns:
        """A sign for each table that has meetings (of one block or one ``day`` when
        given): a sign on a table nobody uses would only send people to it."""
        mission = get_mission(session)
        options.setdefault("language", mission.document_language)
        block_id, day = options.pop("block_id", None), options.pop("day", None)
        blocks = [block_id] if block_id is not None else [b.id for b in b2b_blocks(session)]
        agendas = [a for b in blocks
                   for a in table_agendas(session, b, options["language"], day=day) if a.rows]
        return cls(agendas, mission_name=mission.name, **options)

    def title(self) -> str:
        return self.t("Table sign")

    def nothing(self) -> str:
        return self.t("No table has a meeting: there is no sign to print.")

    def meetings(self, agenda: Agenda) -> list[Flowable]:
        """The sign is the table's own: no table column, room for both parties."""
        style = styles()
        rest = self.frame_width - TIME_COLUMN
        flow: list[Flowable] = []
        for day, group in groupby(agenda.rows, key=lambda row: row.starts.date()):
            rows: list[list[Any]] = [[self.t("Time"), self.t("Who meets"),
                                      self.t("Interpreter")]]
            for row in group:
                rows.append([Paragraph(self._when(row), style["cell_bold"]),
                             fitted(row.party, style["cell"], rest * 0.72 - 6),
                             fitted(row.interpreter, style["cell"], rest * 0.28 - 6)])
            flow += [paragraph(self._day(day), style["h3"]),
                     table(rows, [TIME_COLUMN, rest * 0.72, rest * 0.28])]
        return flow

    def heading(self, agenda: Agenda) -> list[Flowable]:
        sign = styles()["title"].clone("sign", fontName=SANS_BOLD, fontSize=SIGN_NAME_PT,
                                       leading=SIGN_NAME_PT * 1.15, alignment=1)
        return [Spacer(1, 10 * mm),
                paragraph(table_label(agenda.title, self.language), sign),
                Spacer(1, 6 * mm),
                paragraph(agenda.block, styles()["subtitle"])]


class MasterGrid(FlowDocument):
    """The organisers' grid of a block: slots down, tables across, both parties per cell.

    The slots are cut at the block's pauses (the morning, the afternoon); each part shows
    the tables with a meeting in it, at most seven to a sheet in even groups, under the
    block's title, so that every sheet says which day and venue it is and no sheet holds
    only the last slot or two of a part, or a lone empty table. Tables without a meeting in
    the block are named once instead.
    """

    landscape = True

    def __init__(self, title: str, slots: Sequence[tuple[datetime, datetime]],
                 tables: Sequence[str], cells: dict[tuple[int, int], GridCell], *,
                 mission_name: str, holders: Sequence[str] = (), proof: str = "",
                 **options: Any) -> None:
        super().__init__(mission_name=mission_name, **options)
        self.block_title = title
        self.proof = proof  # what the automatic schedule proved (all blocks), while it holds
        self.slots = list(slots)
        self.tables = list(tables)
        self.holders = list(holders) or [""] * len(self.tables)  # who keeps each table
        self.cells = cells  # (slot index, table index) → the meeting there

    @classmethod
    def from_session(cls, session: Session, block_id: int, **options: Any) -> MasterGrid:
        from desktop.b2b.meetings import grid
        from desktop.b2b.runs import latest_run

        mission = get_mission(session)
        options.setdefault("language", mission.document_language)
        run = latest_run(session)
        if run is not None and run.current:
            options.setdefault("proof", run.text(options["language"]))
        found = grid(session, block_id)
        block = session.get(ProgramSession, block_id)
        cells = {}
        for i, slot in enumerate(found.slots):
            for j, tab in enumerate(found.tables):
                meeting = found.at(slot.id, tab.id)
                if meeting is not None:
                    cells[(i, j)] = GridCell(meeting.participant_a.name,
                                             meeting.participant_b.name,
                                             meeting.interpreter.name if meeting.interpreter
                                             else "")
        return cls(block_place(block, options["language"]) if block else "",
                   [(s.starts_at, s.ends_at) for s in found.slots],
                   [t.name for t in found.tables], cells, mission_name=mission.name,
                   holders=[t.participant.name if t.participant is not None else ""
                            for t in found.tables], **options)

    def title(self) -> str:
        return self.t("B2B master grid")

    def parts(self) -> list[range]:
        """The slot indices of each run between two pauses."""
        cuts = [0] + [i for i in range(1, len(self.slots))
                      if self.slots[i][0] > self.slots[i - 1][1]] + [len(self.slots)]
        return [range(a, b) for a, b in pairwise(cuts)]

    def story(self, job: Job) -> list[Flowable]:
        style = styles()
        flow: list[Flowable] = [paragraph(self.block_title, style["h1"])]
        if not self.slots or not self.tables:
            flow.append(paragraph(self.t("This block has no slots or tables yet."),
                                  style["italic"]))
            return flow
        used = sorted({j for _i, j in self.cells}) or list(range(len(self.tables)))
        count = len(self.cells)
        note = translate_plural_in(self.language, "{n} meeting in this block.",
                                   "{n} meetings in this block.", count).format(n=count)
        idle = [table_label(self.tables[j], self.language)
                for j in range(len(self.tables)) if j not in used]
        if idle:
            note += " " + translate_plural_in(
                self.language, "No meeting at {tables}, which is left out.",
                "No meeting at {tables}, which are left out.", len(idle)).format(
                tables=", ".join(idle))
        if self.proof:  # about every block, which the grid of one must say
            note += " " + self.t("Whole mission: {proof}").format(proof=self.proof)
        flow.append(paragraph(note, style["small"]))
        sheets = []
        for part in self.parts():
            # The tables with a meeting in this part, in even groups of at most seven.
            columns = [j for j in used if not self.cells
                       or any((i, j) in self.cells for i in part)]
            groups = -(-len(columns) // GRID_TABLES_PER_PAGE)
            size = -(-len(columns) // groups) if groups else 0
            sheets += [(columns[k:k + size], part) for k in range(0, len(columns), size or 1)]
        for n, (columns, part) in enumerate(sheets):
            job.step(n, len(sheets))
            grid = self._grid(columns, part)
            if n == 0:
                flow.append(grid)
            else:  # a new sheet (or what fits on this one) says which block it is
                flow.append(KeepTogether([paragraph(self.block_title, style["h1"]), grid]))
            if job.first_page_only:
                break
        return flow

    def _grid(self, columns: list[int], part: range) -> Flowable:
        style = styles()
        width = (self.frame_width - GRID_TIME_COLUMN) / len(columns)
        inner = width - 6  # the cell's padding
        header: list[Any] = [self.t("Time")]
        for j in columns:
            name, holder = table_label(self.tables[j], self.language), self.holders[j]
            header.append(fitted(f"{name}\n{holder}" if holder else name, style["cell_bold"],
                                 inner))
        rows: list[list[Any]] = [header]
        for i in part:
            start, end = self.slots[i]
            row: list[Any] = [Paragraph(self.t("{start}–{end}").format(
                start=self.time(start), end=self.time(end)), style["cell_bold"])]
            for j in columns:
                cell = self.cells.get((i, j))
                if cell is None:
                    row.append("")
                    continue
                # The first party in bold: two names that wrap must not run together.
                row.append([fitted(cell.first, style["small"].clone("first_party",
                                                                    fontName=SANS_BOLD), inner),
                            fitted(cell.second, style["small"], inner),
                            *([fitted(self.t("Interpreter: {name}").format(
                                name=cell.interpreter), style["small"].clone(
                                "interpreter", textColor=colors.HexColor("#4a5661"),
                                fontName=SANS_ITALIC), inner)] if cell.interpreter else [])])
            rows.append(row)
        return table(rows, [GRID_TIME_COLUMN] + [width] * len(columns))


@dataclass(frozen=True)
class GridCell:
    first: str
    second: str
    interpreter: str = ""


def fitted(text: str, style: ParagraphStyle, width: float, smallest: float = 5.5) -> Flowable:
    """``text`` as a paragraph whose longest word fits ``width``: the type shrinks (down to
    ``smallest`` points) rather than breaking "Télécommunications" in the middle."""
    longest = max((stringWidth(word, style.fontName, style.fontSize)
                   for word in text.split()), default=0.0)
    if longest > width:
        size = max(smallest, style.fontSize * width / longest)
        style = style.clone(f"{style.name}_fit", fontSize=size,
                            leading=size * style.leading / style.fontSize)
    return paragraph(text, style)
