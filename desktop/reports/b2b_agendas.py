"""B2B agendas: each participant's meetings, each table's sign, and the organisers' grid."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import SessionKind
from desktop.db.models import Meeting, ProgramSession
from desktop.i18n import translate_in
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
from desktop.reports.fonts import SANS_BOLD

TIME_COLUMN = 50 * mm  # "15 May 11:40 AM–12:00 PM" on one line
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
                        language: str = "en") -> list[Agenda]:
    """The agendas of the given participants (all of them when ``None``), by name."""
    from desktop.b2b.meetings import agenda
    from desktop.b2b.setup import get_participant, list_participants

    chosen = (list_participants(session) if participant_ids is None
              else [get_participant(session, pid) for pid in participant_ids])
    agendas = []
    for participant in chosen:
        meetings = agenda(session, participant.id)
        rows = tuple(_row(m, (m.participant_b if m.participant_a_id == participant.id
                              else m.participant_a).name, language) for m in meetings)
        # Each block is named, with its venue, above its meetings: no subtitle to repeat it.
        blocks = "" if rows else ", ".join(sorted({b.title_in(language)
                                                   for b in b2b_blocks(session)}))
        agendas.append(Agenda(participant.name, blocks, rows))
    return agendas


def table_agendas(session: Session, block_id: int, language: str = "en") -> list[Agenda]:
    """Each table of a block with who meets there when (for the table's sign)."""
    from desktop.b2b.meetings import grid

    found = grid(session, block_id)
    block = session.get(ProgramSession, block_id)
    title = block.title_in(language) if block else ""
    agendas = []
    for tab in found.tables:
        rows = tuple(_row(m, f"{m.participant_a.name} — {m.participant_b.name}", language)
                     for slot in found.slots if (m := found.at(slot.id, tab.id)) is not None)
        # A host's own table says whose it is, under the block.
        keeper = translate_in(language, "{block} · {name}'s table").format(
            block=title, name=tab.participant.name) if tab.participant is not None else title
        agendas.append(Agenda(tab.name, keeper, rows))
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
        mission = get_mission(session)
        options.setdefault("language", mission.document_language)
        return cls(participant_agendas(session, participant_ids, options["language"]),
                   mission_name=mission.name, **options)

    def title(self) -> str:
        return self.t("B2B agenda")

    def story(self, job: Job) -> list[Flowable]:
        style = styles()
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
        for place, group in groupby(agenda.rows, key=lambda row: row.place):
            rows: list[list[Any]] = [[self.t("Time"), self.t("Table"), self.t("Meeting with"),
                                      self.t("Interpreter")]]
            for row in group:
                rows.append([Paragraph(self._when(row), style["cell_bold"]),
                             paragraph(row.table, style["cell_bold"]),
                             paragraph(row.party, style["cell"]),
                             paragraph(row.interpreter, style["cell"])])
            rest = self.frame_width - TIME_COLUMN - TABLE_COLUMN
            if place:
                flow.append(paragraph(place, style["h3"]))
            flow.append(table(rows, [TIME_COLUMN, TABLE_COLUMN, rest * 0.65, rest * 0.35]))
        return flow

    def heading(self, agenda: Agenda) -> list[Flowable]:
        style = styles()
        return [paragraph(agenda.title, style["title"]),
                *([paragraph(agenda.block, style["subtitle"])] if agenda.block else [])]

    def _when(self, row: AgendaRow) -> str:
        when = self.t("{start}–{end}").format(start=self.time(row.starts),
                                              end=self.time(row.ends))
        return f"{self.date(row.starts.date(), 'd MMM')} {when}"


class TableSigns(ParticipantAgendas):
    """One page per table: its name in large type, then who meets there when."""

    @classmethod
    def from_session(cls, session: Session, participant_ids: Sequence[int] | None = None,
                     **options: Any) -> TableSigns:
        mission = get_mission(session)
        options.setdefault("language", mission.document_language)
        block_id = options.pop("block_id", None)
        blocks = [block_id] if block_id is not None else [b.id for b in b2b_blocks(session)]
        agendas = [a for b in blocks for a in table_agendas(session, b, options["language"])]
        return cls(agendas, mission_name=mission.name, **options)

    def title(self) -> str:
        return self.t("Table sign")

    def meetings(self, agenda: Agenda) -> list[Flowable]:
        """The sign is the table's own: no table column, room for both parties."""
        style = styles()
        rows: list[list[Any]] = [[self.t("Time"), self.t("Who meets"),
                                  self.t("Interpreter")]]
        for row in agenda.rows:
            rows.append([Paragraph(self._when(row), style["cell_bold"]),
                         paragraph(row.party, style["cell"]),
                         paragraph(row.interpreter, style["cell"])])
        rest = self.frame_width - TIME_COLUMN
        return [table(rows, [TIME_COLUMN, rest * 0.72, rest * 0.28])]

    def heading(self, agenda: Agenda) -> list[Flowable]:
        sign = styles()["title"].clone("sign", fontName=SANS_BOLD, fontSize=SIGN_NAME_PT,
                                       leading=SIGN_NAME_PT * 1.15, alignment=1)
        return [Spacer(1, 10 * mm),
                paragraph(table_label(agenda.title, self.language), sign),
                Spacer(1, 6 * mm),
                paragraph(agenda.block, styles()["subtitle"])]


class MasterGrid(FlowDocument):
    """The organisers' grid of a block: slots down, tables across, both parties per cell."""

    landscape = True

    def __init__(self, title: str, slots: Sequence[tuple[datetime, datetime]],
                 tables: Sequence[str], cells: dict[tuple[int, int], tuple[str, str]], *,
                 mission_name: str, proof: str = "", holders: Sequence[str] = (),
                 **options: Any) -> None:
        super().__init__(mission_name=mission_name, **options)
        self.block_title = title
        self.proof = proof  # what the automatic schedule proved, while it still holds
        self.slots = list(slots)
        self.tables = list(tables)
        self.holders = list(holders) or [""] * len(self.tables)  # who keeps each table
        self.cells = cells  # (slot index, table index) → (party A, party B)

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
                    cells[(i, j)] = (meeting.participant_a.name, meeting.participant_b.name)
        return cls(block_place(block, options["language"]) if block else "",
                   [(s.starts_at, s.ends_at) for s in found.slots],
                   [t.name for t in found.tables], cells, mission_name=mission.name,
                   holders=[t.participant.name if t.participant is not None else ""
                            for t in found.tables], **options)

    def title(self) -> str:
        return self.t("B2B master grid")

    def story(self, job: Job) -> list[Flowable]:
        style = styles()
        flow: list[Flowable] = [paragraph(self.block_title, style["h1"])]
        if self.proof and self.slots and self.tables:
            flow.append(paragraph(self.proof, style["small"]))
        if not self.slots or not self.tables:
            flow.append(paragraph(self.t("This block has no slots or tables yet."),
                                  style["italic"]))
            return flow
        first_party = style["small"].clone("first_party", fontName=SANS_BOLD)
        chunks = range(0, len(self.tables), GRID_TABLES_PER_PAGE)
        for n, first in enumerate(chunks):
            job.step(n, len(chunks))
            if n:  # each page of tables says which block it is
                flow += [PageBreak(), paragraph(self.block_title, style["h1"])]
            names = self.tables[first:first + GRID_TABLES_PER_PAGE]
            holders = self.holders[first:first + GRID_TABLES_PER_PAGE]
            rows: list[list[Any]] = [[self.t("Time")] + [
                paragraph(f"{table_label(t, self.language)}\n{holder}", style["cell_bold"])
                if holder else table_label(t, self.language)
                for t, holder in zip(names, holders, strict=True)]]
            # A heavier rule where a pause (lunch) falls between two slots.
            pauses = [("LINEABOVE", (0, i + 1), (-1, i + 1), 1.6, colors.HexColor("#6f7a84"))
                      for i in range(1, len(self.slots))
                      if self.slots[i][0] > self.slots[i - 1][1]]
            for i, (start, end) in enumerate(self.slots):
                row: list[Any] = [Paragraph(self.t("{start}–{end}").format(
                    start=self.time(start), end=self.time(end)), style["cell_bold"])]
                for j in range(first, first + len(names)):
                    pair = self.cells.get((i, j))
                    # The first party in bold: two names that wrap must not run together.
                    row.append([paragraph(pair[0], first_party), paragraph(pair[1],
                                                                         style["small"])]
                               if pair else "")
                rows.append(row)
            width = (self.frame_width - GRID_TIME_COLUMN) / len(names)
            flow.append(table(rows, [GRID_TIME_COLUMN] + [width] * len(names), extra=pauses))
            if job.first_page_only:
                break
        return flow
