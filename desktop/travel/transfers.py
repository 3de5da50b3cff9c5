"""Ground transfers: vehicle runs between venues, and who rides in them.

A run's time is typed in the local time of where it leaves from and kept as an instant with
that venue's zone. Seats are counted: a passenger beyond capacity is refused with the reason.
Automatic grouping (:mod:`desktop.travel.proposals`) and the driver's and greeters' sheets
(:mod:`desktop.travel.manifests`) are re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop import records
from desktop.dates import local_to_utc, utc_to_local
from desktop.db.enums import TransferDirection, TransferStatus, VehicleKind, label
from desktop.db.models import FlightSegment, Mission, Person, Transfer, TransferPassenger, Venue
from desktop.errors import ConflictError, NotFoundError
from desktop.i18n import _
from desktop.travel.localtime import format_local
from desktop.travel.manifests import (  # re-exported
    BoardRow,
    Manifest,
    arrivals_board,
    manifest,
)
from desktop.travel.proposals import (  # re-exported
    ProposedRun,
    ProposedSeat,
    TransferPlan,
    apply_proposal,
    group_transfers,
    plan_transfers,
)
from desktop.validation import Checker

__all__ = [
    "BoardRow", "Manifest", "ProposedRun", "ProposedSeat", "TransferInput", "TransferPlan",
    "add_passenger", "add_transfer", "apply_proposal", "arrivals_board", "confirm_transfer",
    "delete_transfer", "get_transfer", "group_transfers", "list_transfers", "manifest",
    "move_passenger", "plan_transfers", "remove_passenger", "set_luggage_note",
    "transfer_input",
    "update_transfer", "validate_transfer",
]


@dataclass
class TransferInput:
    """A run as an organiser books it; ``departs_local`` is local to the pick-up venue."""

    direction: TransferDirection
    from_venue_id: int
    to_venue_id: int
    departs_local: datetime | None
    capacity: int
    vehicle_kind: VehicleKind = VehicleKind.VAN
    vehicle: str = ""
    driver_name: str = ""
    driver_phone: str = ""
    status: TransferStatus = TransferStatus.PROPOSED
    notes: str = ""


def validate_transfer(session: Session, data: TransferInput,
                      existing: Transfer | None = None) -> tuple[TransferInput, datetime, str]:
    """The cleaned input with the UTC instant and zone, or a ValidationError per field."""
    check = Checker()
    venues: dict[str, Venue | None] = {}
    for field in ("from_venue_id", "to_venue_id"):
        venue_id = getattr(data, field)
        venues[field] = session.get(Venue, venue_id) if venue_id is not None else None
        if venues[field] is None:
            check.error(field, _("Choose where the run leaves from.") if field == "from_venue_id"
                        else _("Choose where the run goes."))
    origin, destination = venues["from_venue_id"], venues["to_venue_id"]
    if origin is not None and destination is not None and origin.id == destination.id:
        check.error("to_venue_id", _("The run leaves from and goes to the same place."))
    for field, enum_type in (("direction", TransferDirection), ("vehicle_kind", VehicleKind),
                             ("status", TransferStatus)):
        try:
            enum_type(getattr(data, field))
        except ValueError:
            check.error(field, _("“{value}” is not allowed here.").format(
                value=getattr(data, field)))
    instant: datetime | None = None
    if data.departs_local is None:
        check.error("departs_local", _("The departure time is required."))
    elif origin is not None:
        try:
            instant = local_to_utc(data.departs_local, origin.timezone)
        except ValueError as exc:
            check.error("departs_local", str(exc))
    riders = len(existing.passengers) if existing is not None else 0
    if data.capacity is None or data.capacity < 1:
        check.error("capacity", _("A vehicle seats at least one passenger."))
    elif data.capacity < riders:
        check.error("capacity", _("{n} passengers already ride in this run: the vehicle needs "
                                  "at least {n} seats.").format(n=riders))
    vehicle = check.optional("vehicle", data.vehicle, _("The vehicle"), 100)
    driver = check.optional("driver_name", data.driver_name, _("The driver's name"), 100)
    region = session.scalar(select(Mission.home_country))
    phone = check.phone("driver_phone", data.driver_phone, region)
    check.raise_if_any()
    assert origin is not None and instant is not None and data.departs_local is not None
    clean = TransferInput(
        direction=TransferDirection(data.direction), from_venue_id=data.from_venue_id,
        to_venue_id=data.to_venue_id, departs_local=data.departs_local.replace(tzinfo=None),
        capacity=data.capacity, vehicle_kind=VehicleKind(data.vehicle_kind), vehicle=vehicle,
        driver_name=driver, driver_phone=phone, status=TransferStatus(data.status),
        notes=(data.notes or "").strip())
    return clean, instant, origin.timezone


def _apply(transfer: Transfer, clean: TransferInput, instant: datetime, zone: str) -> None:
    for name in ("direction", "from_venue_id", "to_venue_id", "capacity", "vehicle_kind",
                 "vehicle", "driver_name", "driver_phone", "status", "notes"):
        setattr(transfer, name, getattr(clean, name))
    transfer.departs_at = instant
    transfer.zone = zone


def add_transfer(session: Session, data: TransferInput) -> Transfer:
    clean, instant, zone = validate_transfer(session, data)
    transfer = Transfer()
    _apply(transfer, clean, instant, zone)
    session.add(transfer)
    session.flush()
    return transfer


def get_transfer(session: Session, transfer_id: int) -> Transfer:
    return records.fetch(session, Transfer, transfer_id, _("This transfer no longer exists."))


def update_transfer(session: Session, transfer_id: int, data: TransferInput) -> Transfer:
    transfer = get_transfer(session, transfer_id)
    clean, instant, zone = validate_transfer(session, data, existing=transfer)
    _apply(transfer, clean, instant, zone)
    session.flush()
    return transfer


def delete_transfer(session: Session, transfer_id: int) -> None:
    session.delete(get_transfer(session, transfer_id))
    session.flush()


def confirm_transfer(session: Session, transfer_id: int) -> Transfer:
    """The organiser has booked the vehicle: the run is no longer a proposal."""
    transfer = get_transfer(session, transfer_id)
    transfer.status = TransferStatus.CONFIRMED
    session.flush()
    return transfer


def transfer_input(transfer: Transfer) -> TransferInput:
    return TransferInput(
        direction=transfer.direction, from_venue_id=transfer.from_venue_id,
        to_venue_id=transfer.to_venue_id,
        departs_local=utc_to_local(transfer.departs_at, transfer.zone).replace(tzinfo=None),
        capacity=transfer.capacity, vehicle_kind=transfer.vehicle_kind,
        vehicle=transfer.vehicle, driver_name=transfer.driver_name,
        driver_phone=transfer.driver_phone, status=transfer.status, notes=transfer.notes)


def list_transfers(session: Session, *, day: date | None = None,
                   direction: TransferDirection | None = None) -> Sequence[Transfer]:
    """Runs in time order; ``day`` is a calendar day in the mission's home zone."""
    query = (select(Transfer).options(selectinload(Transfer.passengers))
             .order_by(Transfer.departs_at, Transfer.id))
    if direction is not None:
        query = query.where(Transfer.direction == direction)
    if day is not None:
        zone = session.scalar(select(Mission.home_timezone)) or "UTC"
        start = local_to_utc(datetime(day.year, day.month, day.day), zone)
        query = query.where(Transfer.departs_at >= start,
                            Transfer.departs_at < start + timedelta(days=1))
    return session.scalars(query).all()


def _describe(transfer: Transfer) -> str:
    return _("the {kind} leaving {place} at {time}").format(
        kind=label(transfer.vehicle_kind).lower(), place=transfer.from_venue.name,
        time=format_local(transfer.departs_at, transfer.zone))


def _refuse_if_full(transfer: Transfer, person: Person) -> None:
    if len(transfer.passengers) >= transfer.capacity:
        names = ", ".join(p.person.full_name for p in transfer.passengers)
        raise ConflictError(_("{name} cannot join {run}: its {seats} seats are taken ({names})."
                              ).format(name=person.full_name, run=_describe(transfer),
                                       seats=transfer.capacity, names=names),
                            field="passengers")


def add_passenger(session: Session, transfer_id: int, person_id: int,
                  flight_id: int | None = None, luggage_note: str = "") -> TransferPassenger:
    """Seat a person in a run; a full run or a second seat for them is a ConflictError."""
    transfer = get_transfer(session, transfer_id)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("This person is no longer on the roster."))
    if any(p.person_id == person_id for p in transfer.passengers):
        raise ConflictError(_("{name} is already in {run}.").format(
            name=person.full_name, run=_describe(transfer)), field="passengers")
    _refuse_if_full(transfer, person)
    if flight_id is not None:
        flight = session.get(FlightSegment, flight_id)
        if flight is None or flight.person_id != person_id:
            raise ConflictError(_("This flight is not one of {name}'s.").format(
                name=person.full_name), field="flight_id")
    seat = TransferPassenger(person=person, flight_id=flight_id,
                             luggage_note=" ".join(luggage_note.split())[:200])
    transfer.passengers.append(seat)
    session.flush()
    return seat


def remove_passenger(session: Session, transfer_id: int, person_id: int) -> None:
    transfer = get_transfer(session, transfer_id)
    seat = next((p for p in transfer.passengers if p.person_id == person_id), None)
    if seat is None:
        raise NotFoundError(_("This person does not ride in this run."))
    transfer.passengers.remove(seat)
    session.flush()


def move_passenger(session: Session, person_id: int, from_transfer_id: int,
                   to_transfer_id: int) -> TransferPassenger:
    """Move a passenger (with their flight and luggage note) to another run, if it has room."""
    source = get_transfer(session, from_transfer_id)
    target = get_transfer(session, to_transfer_id)
    seat = next((p for p in source.passengers if p.person_id == person_id), None)
    if seat is None:
        raise NotFoundError(_("This person does not ride in this run."))
    if source.id == target.id:
        return seat
    flight_id, note = seat.flight_id, seat.luggage_note
    if any(p.person_id == person_id for p in target.passengers):
        raise ConflictError(_("{name} is already in {run}.").format(
            name=seat.person.full_name, run=_describe(target)), field="passengers")
    _refuse_if_full(target, seat.person)
    source.passengers.remove(seat)
    session.flush()
    return add_passenger(session, target.id, person_id, flight_id, note)


def set_luggage_note(session: Session, transfer_id: int, person_id: int, note: str) -> str:
    """Write what a passenger carries (``two golf bags``) on their seat in a run; returns the
    note as kept, on one line. The driver's manifest shows it."""
    transfer = get_transfer(session, transfer_id)
    seat = next((p for p in transfer.passengers if p.person_id == person_id), None)
    if seat is None:
        raise NotFoundError(_("This person does not ride in this run."))
    check = Checker()
    clean = check.optional("luggage_note", " ".join((note or "").split()),
                           _("The luggage note"), 200)
    check.raise_if_any()
    seat.luggage_note = clean
    session.flush()
    return clean
