"""The programme: every session day by day, with times and places, in French or English."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer
from sqlalchemy.orm import Session

from desktop.db.enums import SessionKind
from desktop.db.models import ProgramSession
from desktop.missions import get_mission
from desktop.reports.base import FlowDocument, Job, styles, table
from desktop.reports.bidi import paragraph
from desktop.reports.text import para

TIME_COLUMN = 36 * mm
PLACE_COLUMN = 50 * mm
KIND_COLUMN = 26 * mm


@dataclass(frozen=True)
class ProgrammeItem:
    """One session as printed (venue-local wall-clock times)."""

    starts_at: datetime
    ends_at: datetime
    title: str
    title_fr: str
    kind: SessionKind
    venue: str = ""
    room: str = ""
    city: str = ""
    description: str = ""
    description_fr: str = ""

    @classmethod
    def of(cls, item: ProgramSession) -> ProgrammeItem:
        venue = item.venue
        return cls(starts_at=item.starts_at, ends_at=item.ends_at, title=item.title,
                   title_fr=item.title_fr, kind=item.kind, venue=venue.name if venue else "",
                   room=item.room.name if item.room else "", city=venue.city if venue else "",
                   description=item.description, description_fr=item.description_fr)

    def title_in(self, language: str) -> str:
        return (self.title_fr if language == "fr" else "") or self.title

    def description_in(self, language: str) -> str:
        return (self.description_fr if language == "fr" else "") or self.description


class Programme(FlowDocument):
    """All sessions by day: time, title (and description), kind, place."""

    def __init__(self, days: Mapping[date, Sequence[ProgrammeItem]], *, mission_name: str,
                 **options: Any) -> None:
        super().__init__(mission_name=mission_name, **options)
        self.days = {day: list(items) for day, items in sorted(days.items())}

    @classmethod
    def from_session(cls, session: Session, **options: Any) -> Programme:
        from desktop.program.sessions import sessions_by_day

        mission = get_mission(session)
        options.setdefault("language", mission.document_language)
        days = {day: [ProgrammeItem.of(s) for s in items]
                for day, items in sessions_by_day(session).items()}
        return cls(days, mission_name=mission.name, **options)

    def title(self) -> str:
        return self.t("Programme")

    def story(self, job: Job) -> list[Flowable]:
        style = styles()
        flow: list[Flowable] = [paragraph(self.mission_name, style["title"]),
                                paragraph(self.t("Programme"), style["subtitle"])]
        total = len(self.days)
        for index, (day, items) in enumerate(self.days.items()):
            job.step(index, total)
            flow.append(paragraph(self.weekday(day), style["h2"]))
            rows: list[list[Any]] = [[self.t("Time"), self.t("Session"), self.t("Kind"),
                                      self.t("Place")]]
            for item in items:
                rows.append(self._row(item))
            width = self.frame_width - TIME_COLUMN - PLACE_COLUMN - KIND_COLUMN
            flow.append(table(rows, [TIME_COLUMN, width, KIND_COLUMN, PLACE_COLUMN]))
            flow.append(Spacer(1, 3 * mm))
        job.step(total, total)
        return flow

    def weekday(self, day: date) -> str:
        from desktop.i18n import format_weekday_date

        text = format_weekday_date(day, language=self.language)
        return text[:1].upper() + text[1:]

    def _row(self, item: ProgrammeItem) -> list[Any]:
        style = styles()
        when = self.t("{start}–{end}").format(start=self.time(item.starts_at),
                                              end=self.time(item.ends_at))
        what = f"<b>{para(item.title_in(self.language))}</b>"
        description = item.description_in(self.language)
        if description:
            what += f"<br/><font size=7.5>{para(description)}</font>"
        place = ", ".join(p for p in (item.venue, item.room, item.city) if p)
        return [Paragraph(when, style["cell"]), Paragraph(what, style["cell"]),
                paragraph(self.label(item.kind), style["cell"]),
                paragraph(place, style["cell"])]
