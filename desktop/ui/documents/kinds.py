"""The printed documents the page offers, what each one asks for, and how it is built.

A :class:`DocumentRequest` holds every choice the page offers (only those its kind uses
matter); :func:`build_document` turns it into a document from :mod:`desktop.reports` within
the worker's own Session. Nothing here touches a widget.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.db.enums import Category
from desktop.errors import UsageError
from desktop.i18n import N_, _, ngettext
from desktop.reports.base import Document


@dataclass(frozen=True)
class DocumentRequest:
    """Every choice of the page; a kind reads only the ones it needs."""

    kind: str = "badges"
    who: str = "confirmed"  # confirmed, category, people or person
    category: Category | None = None
    person_ids: tuple[int, ...] = ()
    sort: str = "name"
    language: str | None = None  # None: each person's own (itineraries) or the mission's
    layout: str = "a4-4"
    crop_marks: bool = True
    split: bool = False  # itineraries: one PDF per person into a folder
    participant_ids: tuple[int, ...] | None = None  # None: every participant
    block_id: int | None = None
    hotel_id: int | None = None
    day: date | None = None
    transfer_ids: tuple[int, ...] = ()  # manifests: these runs (none: the day's runs)
    group_by: str = "organization"
    preset: str = "contacts"
    include_sensitive: bool = False

    @property
    def confidential(self) -> bool:
        """Whether the document prints sensitive data (passports, dates of birth)."""
        if self.kind != "directory" or not self.include_sensitive:
            return False
        from desktop.exchange.exporter import EXPORT_FIELDS, PRESETS

        preset = PRESETS.get(self.preset)
        return preset is not None and any(EXPORT_FIELDS[k].sensitive for k in preset.fields)


@dataclass(frozen=True)
class Kind:
    """One document kind: its title, the option groups it shows, its unit of progress."""

    key: str
    title: str  # marked for translation, translated when shown
    options: frozenset[str]
    unit: Callable[[int], str]  # "{done} of {total} badges", translated for a total
    build: Callable[[Session, DocumentRequest], Document]

    def progress_text(self, done: int, total: int) -> str:
        return self.unit(total).format(done=done, total=total)


def selection_of(request: DocumentRequest) -> Any:
    """The people a request names, as :mod:`desktop.reports.selection` takes them."""
    from desktop.reports.selection import Selection

    if request.who in ("people", "person"):
        if not request.person_ids:
            raise UsageError(_("Choose at least one person."))
        return Selection(person_ids=request.person_ids, sort=request.sort)
    category = request.category if request.who == "category" else None
    return Selection(category=category, sort=request.sort)


def _language(request: DocumentRequest) -> dict[str, Any]:
    return {"language": request.language} if request.language else {}


def _badges(session: Session, request: DocumentRequest) -> Document:
    from desktop.reports.badges import BadgeSheet

    return BadgeSheet.from_session(session, selection_of(request), layout=request.layout,
                                   crop_marks=request.crop_marks, **_language(request))


def _itineraries(session: Session, request: DocumentRequest) -> Document:
    from desktop.reports.itinerary import Itinerary

    return Itinerary.from_session(session, selection_of(request), **_language(request))


def _programme(session: Session, request: DocumentRequest) -> Document:
    from desktop.reports.programme import Programme

    return Programme.from_session(session, **_language(request))


def _programme_grid(session: Session, request: DocumentRequest) -> Document:
    from desktop.reports.programme_grid import ProgrammeGrid

    return ProgrammeGrid.from_session(session, **_language(request))


def _agendas(session: Session, request: DocumentRequest) -> Document:
    from desktop.reports.b2b_agendas import ParticipantAgendas

    if request.participant_ids is not None and not request.participant_ids:
        raise UsageError(_("Choose at least one participant."))
    return ParticipantAgendas.from_session(session, request.participant_ids,
                                           block_id=request.block_id, day=request.day,
                                           **_language(request))


def _need(value: int | None, message: str) -> int:
    if value is None:
        raise UsageError(message)
    return value


def _signs(session: Session, request: DocumentRequest) -> Document:
    from desktop.reports.b2b_agendas import TableSigns

    return TableSigns.from_session(session, block_id=request.block_id, day=request.day,
                                   **_language(request))


def _grid(session: Session, request: DocumentRequest) -> Document:
    from desktop.reports.b2b_agendas import MasterGrid

    return MasterGrid.from_session(session, _need(request.block_id, _("Choose a B2B block.")),
                                   **_language(request))


def _rooming(session: Session, request: DocumentRequest) -> Document:
    from desktop.reports.travel_reports import RoomingList

    return RoomingList.from_session(session, _need(request.hotel_id, _("Choose a hotel.")),
                                    **_language(request))


def _manifests(session: Session, request: DocumentRequest) -> Document:
    from desktop.reports.travel_reports import TransferManifests

    if not request.transfer_ids and request.day is None:
        raise UsageError(_("Choose a day or some transfer runs."))
    return TransferManifests.from_session(session, request.transfer_ids or None,
                                          request.day, **_language(request))


def _board(session: Session, request: DocumentRequest) -> Document:
    from desktop.reports.travel_reports import ArrivalsBoard

    if request.day is None:
        raise UsageError(_("Choose a day."))
    return ArrivalsBoard.from_session(session, request.day, **_language(request))


def _directory(session: Session, request: DocumentRequest) -> Document:
    from desktop.exchange.exporter import select_attendees
    from desktop.missions import get_mission
    from desktop.reports.directory import Directory

    mission = get_mission(session)
    table = select_attendees(session, request.preset,
                             include_sensitive=request.include_sensitive)
    return Directory.of_table(table, mission_name=mission.name, group_by=request.group_by,
                              language=request.language or mission.document_language)


WHO = frozenset({"who"})
KINDS: dict[str, Kind] = {kind.key: kind for kind in (
    Kind("badges", N_("Badges"), WHO | {"layout", "language"},
         lambda n: ngettext("{done} of {total} badge", "{done} of {total} badges", n), _badges),
    Kind("itinerary", N_("Personal itineraries"), WHO | {"language", "split"},
         lambda n: ngettext("{done} of {total} itinerary", "{done} of {total} itineraries", n),
         _itineraries),
    Kind("programme", N_("Programme"), frozenset({"language"}),
         lambda n: ngettext("{done} of {total} day", "{done} of {total} days", n), _programme),
    Kind("programme-grid", N_("Programme at a glance"), frozenset({"language"}),
         lambda n: ngettext("{done} of {total} page", "{done} of {total} pages", n),
         _programme_grid),
    Kind("b2b-participant", N_("B2B agendas"),
         frozenset({"language", "participants", "agenda_block", "b2b_day"}),
         lambda n: ngettext("{done} of {total} agenda", "{done} of {total} agendas", n), _agendas),
    Kind("b2b-table", N_("Table signs"), frozenset({"language", "agenda_block", "b2b_day"}),
         lambda n: ngettext("{done} of {total} table sign", "{done} of {total} table signs", n),
         _signs),
    Kind("b2b-grid", N_("B2B master grid"), frozenset({"language", "block"}),
         lambda n: ngettext("{done} of {total} page", "{done} of {total} pages", n), _grid),
    Kind("rooming-list", N_("Rooming list"), frozenset({"language", "hotel"}),
         lambda n: ngettext("{done} of {total} guest", "{done} of {total} guests", n), _rooming),
    Kind("transfer-manifest", N_("Transfer manifests"), frozenset({"language", "transfers"}),
         lambda n: ngettext("{done} of {total} run", "{done} of {total} runs", n), _manifests),
    Kind("arrivals-board", N_("Arrivals and departures board"), frozenset({"language", "day"}),
         lambda n: ngettext("{done} of {total} flight", "{done} of {total} flights", n), _board),
    Kind("directory", N_("Attendee directory"), frozenset({"language", "directory"}),
         lambda n: ngettext("{done} of {total} group", "{done} of {total} groups", n), _directory),
)}


def build_document(session: Session, request: DocumentRequest) -> Document:
    """The document ``request`` asks for, read from the mission."""
    kind = KINDS.get(request.kind)
    if kind is None:
        raise UsageError(_("“{kind}” is not a document Mission Desk prints.")
                         .format(kind=request.kind))
    return kind.build(session, request)


def proposed_file_name(request: DocumentRequest, subject: str = "") -> str:
    """A file name to offer in the save dialog: ``Badges - Delegates.pdf``, with
    "confidential" when the document prints sensitive data."""
    title = _(KINDS[request.kind].title)
    name = _("{document} - {subject}").format(document=title, subject=subject) if subject \
        else title
    if request.confidential:
        name = _("{name} (confidential)").format(name=name)
    return safe_file_name(name) + ".pdf"


def safe_file_name(name: str) -> str:
    """``name`` without the characters file systems refuse (``/ \\ : * ? " < > |``)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", name).strip(" .-")
    return cleaned or _("Document")
