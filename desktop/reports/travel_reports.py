"""Travel lists: the rooming list a hotel is sent, transfer manifests, the arrivals board.

They print the travel services' own rows (``RoomingRow``, ``Manifest``, ``BoardRow``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from sqlalchemy.orm import Session

from desktop.db.enums import TransferDirection
from desktop.db.models import Venue
from desktop.errors import NotFoundError
from desktop.i18n import _, translate_plural_in
from desktop.missions import get_mission
from desktop.reports.base import FlowDocument, Job, SectionStart, styles, table
from desktop.reports.bidi import paragraph
from desktop.reports.text import para
from desktop.travel.manifests import BoardRow, Manifest
from desktop.travel.rooming import RoomingRow

ROOMING_WIDTHS_MM = (50, 42, 22, 20, 20, 14, 14)  # then requests take the rest
MANIFEST_WIDTHS_MM = (55, 50, 36, 20)  # then notes take the rest
BOARD_WIDTHS_MM = (20, 22, 22, 24)  # then passengers take the rest


class RoomingList(FlowDocument):
    """A hotel's rooming list: guest, organisation, room, dates, nights, sharing, requests."""

    landscape = True

    def __init__(self, hotel: str, rows: Sequence[RoomingRow], *, mission_name: str,
                 **options: Any) -> None:
        super().__init__(mission_name=mission_name, **options)
        self.hotel = hotel
        self.rows = list(rows)

    @classmethod
    def from_session(cls, session: Session, hotel_id: int, **options: Any) -> RoomingList:
        from desktop.travel.rooming import rooming_list

        hotel = session.get(Venue, hotel_id)
        if hotel is None:
            raise NotFoundError(_("This hotel no longer exists."))
        mission = get_mission(session)
        options.setdefault("language", mission.document_language)
        return cls(hotel.name, rooming_list(session, hotel_id), mission_name=mission.name,
                   **options)

    def title(self) -> str:
        return self.t("Rooming list")

    def story(self, job: Job) -> list[Flowable]:
        style = styles()
        guests = translate_plural_in(self.language, "{n} guest", "{n} guests", len(self.rows))
        flow: list[Flowable] = [paragraph(self.hotel, style["h1"]),
                                paragraph(guests.format(n=len(self.rows)), style["muted"]),
                                Spacer(1, 3 * mm)]
        rows: list[list[Any]] = [[self.t("Guest"), self.t("Organisation"), self.t("Room type"),
                                  self.t("Check-in"), self.t("Check-out"), self.t("Nights"),
                                  self.t("Room"), self.t("Sharing with / requests")]]
        for index, row in enumerate(self.rows):
            job.step(index, len(self.rows))
            extra = "; ".join(p for p in (row.sharing_with, row.special_requests) if p)
            rows.append([paragraph(row.guest, style["cell_bold"]),
                         paragraph(row.organization, style["cell"]),
                         self.label(row.room_type), self.date(row.check_in, "d MMM"),
                         self.date(row.check_out, "d MMM"), str(row.nights), row.room_number,
                         paragraph(extra, style["cell"])])
        widths = [w * mm for w in ROOMING_WIDTHS_MM]
        flow.append(table(rows, [*widths, self.frame_width - sum(widths)]))
        return flow


class TransferManifests(FlowDocument):
    """One page per run: when, from where to where, vehicle, driver, passengers."""

    def __init__(self, manifests: Sequence[Manifest], *, mission_name: str,
                 **options: Any) -> None:
        super().__init__(mission_name=mission_name, **options)
        self.manifests = list(manifests)

    @classmethod
    def from_session(cls, session: Session, transfer_ids: Sequence[int] | None = None,
                     day: date | None = None, **options: Any) -> TransferManifests:
        from desktop.travel.manifests import manifest
        from desktop.travel.transfers import list_transfers

        mission = get_mission(session)
        options.setdefault("language", mission.document_language)
        ids = list(transfer_ids) if transfer_ids else [
            t.id for t in list_transfers(session, day=day)]
        return cls([manifest(session, i) for i in ids], mission_name=mission.name, **options)

    def title(self) -> str:
        return self.t("Transfer manifest")

    def story(self, job: Job) -> list[Flowable]:
        style = styles()
        flow: list[Flowable] = []
        for index, run in enumerate(self.manifests):
            job.step(index, len(self.manifests))
            if index:
                flow.append(PageBreak())
            when = self.t("{date} at {time} ({zone})").format(
                date=self.date(run.departs_local.date(), "full"),
                time=self.time(run.departs_local), zone=run.zone_abbreviation)
            vehicle = ", ".join(p for p in (self.label(run.vehicle_kind), run.vehicle) if p)
            driver = " ".join(p for p in (run.driver_name, run.driver_phone) if p)
            seats = translate_plural_in(self.language,
                                        "Vehicle: {vehicle}; {n} of {capacity} seat taken",
                                        "Vehicle: {vehicle}; {n} of {capacity} seats taken",
                                        run.capacity)
            flow += [SectionStart(f"{run.pick_up} → {run.drop_off}"),
                     paragraph(f"{run.pick_up} → {run.drop_off}", style["h1"]),
                     paragraph(when, style["subtitle"]),
                     paragraph(self.t("{direction} — {status}").format(
                         direction=self.label(run.direction), status=self.label(run.status)),
                         style["body"]),
                     paragraph(seats.format(vehicle=vehicle, n=len(run.rows),
                                                 capacity=run.capacity), style["body"]),
                     paragraph(self.t("Driver: {driver}").format(driver=driver or "—"),
                               style["body"]), Spacer(1, 4 * mm)]
            landing = (self.t("Lands") if run.direction == TransferDirection.ARRIVAL
                       else self.t("Takes off"))
            rows: list[list[Any]] = [[self.t("Passenger"), self.t("Organisation"),
                                      self.t("Phone"), self.t("Flight"), landing]]
            for row in run.rows:
                rows.append([paragraph(row.name, style["cell_bold"]),
                             paragraph(row.organization, style["cell"]), row.phone,
                             row.flight,
                             self.time(row.flight_time) if row.flight_time else ""])
            widths = [w * mm for w in MANIFEST_WIDTHS_MM]
            flow.append(table(rows, [*widths, self.frame_width - sum(widths)]))
            if job.first_page_only:
                break
        if not flow:
            flow.append(paragraph(self.t("No transfers are planned."), style["italic"]))
        return flow


class ArrivalsBoard(FlowDocument):
    """A day's arrivals and departures: time, flight, airports, who, their hotel and run."""

    landscape = True

    def __init__(self, day: date, rows: Sequence[BoardRow], *, mission_name: str,
                 **options: Any) -> None:
        super().__init__(mission_name=mission_name, **options)
        self.day = day
        self.rows = list(rows)

    @classmethod
    def from_session(cls, session: Session, day: date, **options: Any) -> ArrivalsBoard:
        from desktop.travel.manifests import arrivals_board

        mission = get_mission(session)
        options.setdefault("language", mission.document_language)
        return cls(day, arrivals_board(session, day), mission_name=mission.name, **options)

    def title(self) -> str:
        return self.t("Arrivals and departures")

    def story(self, job: Job) -> list[Flowable]:
        style = styles()
        heading = self.date(self.day, "full")
        flow: list[Flowable] = [paragraph(heading[:1].upper() + heading[1:], style["h1"])]
        if not self.rows:
            flow.append(paragraph(self.t("No flights arrive or leave that day."),
                                  style["italic"]))
            return flow
        rows: list[list[Any]] = [[self.t("Time"), self.t("Movement"), self.t("Flight"),
                                  self.t("Airports"), self.t("Passengers, hotel, transfer")]]
        for index, row in enumerate(self.rows):
            job.step(index, len(self.rows))
            who = "<br/>".join(
                f"<b>{para(p.name)}</b>"
                + (f" — {para(p.hotel)}" if p.hotel else "")
                + (" — " + self.t("transfer at {time}").format(time=self.time(p.transfer_time))
                   if p.transfer_time else " — " + self.t("no transfer"))
                for p in row.passengers)
            airports = (f"{row.other_airport} → {row.airport}"
                        if row.direction == TransferDirection.ARRIVAL
                        else f"{row.airport} → {row.other_airport}")
            rows.append([Paragraph(f"<b>{self.time(row.local_time)}</b> "
                                   f"{para(row.zone_abbreviation)}", style["cell"]),
                         self.label(row.direction), row.flight, airports,
                         Paragraph(who, style["cell"])])
        widths = [w * mm for w in BOARD_WIDTHS_MM]
        flow.append(table(rows, [*widths, self.frame_width - sum(widths)]))
        return flow
