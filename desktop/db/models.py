"""The whole data model of a mission file.

One mission per file. Times: instants (flights, transfers) are UTC with the IANA zone of where
they happen; programme and B2B times are wall-clock times local to their venue (naive
datetimes, the venue's zone or else the mission's home zone gives their meaning).

Columns marked ``info={"sensitive": True}`` (passport number, date of birth) stay out of
exports unless the user asks for them.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.db.base import Base, Timestamped, UTCDateTime, enum_column, utcnow
from desktop.db.enums import (
    Audience,
    Category,
    MeetingOrigin,
    MeetingStatus,
    RequestStatus,
    RoomType,
    SessionKind,
    Side,
    Status,
    TransferDirection,
    TransferStatus,
    VehicleKind,
    VenueKind,
)

SENSITIVE = {"sensitive": True}
Languages = sa.JSON  # a JSON list of ISO 639-1 codes, e.g. ["en", "fr"]


def _not_blank(column: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"length(trim({column})) > 0", name=f"{column}_not_blank")


def _lang_check(column: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"{column} IN ('en', 'fr')", name=f"{column}_supported")


class Mission(Timestamped, Base):
    """The trade mission this file is about (exactly one row)."""

    __tablename__ = "mission"
    __table_args__ = (
        sa.CheckConstraint("id = 1", name="single_row"),
        sa.CheckConstraint("end_date >= start_date", name="dates_in_order"),
        _not_blank("name"),
        _lang_check("document_language"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    name: Mapped[str] = mapped_column(sa.String(200))
    organisers: Mapped[str] = mapped_column(sa.Text, default="")
    start_date: Mapped[date]
    end_date: Mapped[date]
    home_timezone: Mapped[str] = mapped_column(sa.String(64), default="Africa/Casablanca")
    home_country: Mapped[str] = mapped_column(sa.String(2), default="MA")
    working_languages: Mapped[list[str]] = mapped_column(Languages, default=lambda: ["en", "fr"])
    document_language: Mapped[str] = mapped_column(sa.String(2), default="en")
    emergency_contacts: Mapped[str] = mapped_column(sa.Text, default="")
    min_connection_minutes: Mapped[int] = mapped_column(default=60)
    notes: Mapped[str] = mapped_column(sa.Text, default="")


class Organization(Timestamped, Base):
    """A company or body taking part: a delegation member, a host, an organiser..."""

    __tablename__ = "organization"
    __table_args__ = (_not_blank("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    side: Mapped[Side] = enum_column(Side, index=True)
    country: Mapped[str | None] = mapped_column(sa.String(2))
    city: Mapped[str] = mapped_column(sa.String(100), default="")
    sectors: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    website: Mapped[str] = mapped_column(sa.String(300), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    phone: Mapped[str] = mapped_column(sa.String(20), default="")
    offers: Mapped[str] = mapped_column(sa.Text, default="")
    seeks: Mapped[str] = mapped_column(sa.Text, default="")
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    people: Mapped[list[Person]] = relationship(back_populates="organization",
                                                passive_deletes=True)

    def __repr__(self) -> str:
        return f"<Organization {self.id} {self.name!r}>"


class Person(Timestamped, Base):
    """Someone on the roster, on either side."""

    __tablename__ = "person"
    __table_args__ = (
        _not_blank("given_name"),
        _not_blank("family_name"),
        _lang_check("document_language"),
        sa.Index("ix_person_name", "family_name", "given_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    given_name: Mapped[str] = mapped_column(sa.String(100))
    family_name: Mapped[str] = mapped_column(sa.String(100))
    badge_name: Mapped[str] = mapped_column(sa.String(100), default="")
    organization_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organization.id", ondelete="SET NULL"), index=True)
    job_title: Mapped[str] = mapped_column(sa.String(150), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="", index=True)
    phone: Mapped[str] = mapped_column(sa.String(20), default="")
    category: Mapped[Category] = enum_column(Category, index=True)
    status: Mapped[Status] = enum_column(Status, default=Status.INVITED, index=True)
    languages: Mapped[list[str]] = mapped_column(Languages, default=list)
    document_language: Mapped[str] = mapped_column(sa.String(2), default="en")
    nationality: Mapped[str | None] = mapped_column(sa.String(2))
    passport_number: Mapped[str] = mapped_column(sa.String(20), default="", info=SENSITIVE)
    passport_expiry: Mapped[date | None]
    date_of_birth: Mapped[date | None] = mapped_column(info=SENSITIVE)
    dietary_needs: Mapped[str] = mapped_column(sa.String(200), default="")
    accessibility_needs: Mapped[str] = mapped_column(sa.String(200), default="")
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    organization: Mapped[Organization | None] = relationship(back_populates="people")
    flights: Mapped[list[FlightSegment]] = relationship(
        back_populates="person", passive_deletes=True, order_by="FlightSegment.departs_at")
    hotel_stays: Mapped[list[HotelStay]] = relationship(
        back_populates="person", passive_deletes=True, foreign_keys="HotelStay.person_id",
        order_by="HotelStay.check_in")

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def display_name(self) -> str:
        """The name as the person wants it read (badge name, else given + family name)."""
        return self.badge_name or self.full_name

    def __repr__(self) -> str:
        return f"<Person {self.id} {self.full_name!r}>"


class Airport(Base):
    """An airport the mission's flights use; ships with the app and can be extended."""

    __tablename__ = "airport"
    __table_args__ = (sa.CheckConstraint("length(iata) = 3", name="iata_three_letters"),)

    iata: Mapped[str] = mapped_column(sa.String(3), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    city: Mapped[str] = mapped_column(sa.String(100))
    country: Mapped[str] = mapped_column(sa.String(2))
    timezone: Mapped[str] = mapped_column(sa.String(64))


class Venue(Timestamped, Base):
    """A place: hotel, conference centre, company site, airport, restaurant."""

    __tablename__ = "venue"
    __table_args__ = (_not_blank("name"), sa.UniqueConstraint("name", "city"))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[VenueKind] = enum_column(VenueKind)
    address: Mapped[str] = mapped_column(sa.String(300), default="")
    city: Mapped[str] = mapped_column(sa.String(100), default="")
    country: Mapped[str | None] = mapped_column(sa.String(2))
    timezone: Mapped[str] = mapped_column(sa.String(64))
    phone: Mapped[str] = mapped_column(sa.String(20), default="")
    iata: Mapped[str | None] = mapped_column(sa.ForeignKey("airport.iata", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    rooms: Mapped[list[Room]] = relationship(back_populates="venue", passive_deletes=True,
                                             order_by="Room.name")

    def __repr__(self) -> str:
        return f"<Venue {self.id} {self.name!r}>"


class Room(Base):
    """A room (or a meeting area) inside a venue."""

    __tablename__ = "room"
    __table_args__ = (
        _not_blank("name"),
        sa.UniqueConstraint("venue_id", "name"),
        sa.CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    venue_id: Mapped[int] = mapped_column(sa.ForeignKey("venue.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(sa.String(100))
    capacity: Mapped[int | None]
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    venue: Mapped[Venue] = relationship(back_populates="rooms")


session_attendee = sa.Table(
    "session_attendee",
    Base.metadata,
    sa.Column("session_id", sa.ForeignKey("program_session.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("person_id", sa.ForeignKey("person.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)


class ProgramSession(Timestamped, Base):
    """An item of the programme, local to its venue's time zone."""

    __tablename__ = "program_session"
    __table_args__ = (
        _not_blank("title"),
        sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        sa.CheckConstraint("slot_minutes IS NULL OR slot_minutes > 0", name="slot_positive"),
        sa.CheckConstraint("audience <> 'category' OR audience_category IS NOT NULL",
                           name="category_audience_named"),
        sa.CheckConstraint("audience <> 'side' OR audience_side IS NOT NULL",
                           name="side_audience_named"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    title_fr: Mapped[str] = mapped_column(sa.String(200), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    description_fr: Mapped[str] = mapped_column(sa.Text, default="")
    kind: Mapped[SessionKind] = enum_column(SessionKind)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    venue_id: Mapped[int | None] = mapped_column(sa.ForeignKey("venue.id", ondelete="SET NULL"))
    room_id: Mapped[int | None] = mapped_column(sa.ForeignKey("room.id", ondelete="SET NULL"))
    audience: Mapped[Audience] = enum_column(Audience, default=Audience.EVERYONE)
    audience_category: Mapped[Category | None] = enum_column(
        Category, nullable=True, check_name="audience_category_value")
    audience_side: Mapped[Side | None] = enum_column(
        Side, nullable=True, check_name="audience_side_value")
    slot_minutes: Mapped[int | None]
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    venue: Mapped[Venue | None] = relationship()
    room: Mapped[Room | None] = relationship()
    attendees: Mapped[list[Person]] = relationship(secondary=session_attendee,
                                                   passive_deletes=True)
    slots: Mapped[list[B2BSlot]] = relationship(back_populates="block", passive_deletes=True,
                                                order_by="B2BSlot.starts_at")
    tables: Mapped[list[B2BTable]] = relationship(back_populates="block", passive_deletes=True,
                                                  order_by="B2BTable.position")

    def title_in(self, language: str) -> str:
        """The title in ``language`` when there is one, else the main title."""
        return (self.title_fr if language == "fr" else "") or self.title

    def __repr__(self) -> str:
        return f"<ProgramSession {self.id} {self.title!r} {self.starts_at:%Y-%m-%d %H:%M}>"


class B2BSlot(Base):
    """A meeting slot inside a B2B block (venue-local wall-clock times)."""

    __tablename__ = "b2b_slot"
    __table_args__ = (
        sa.UniqueConstraint("session_id", "starts_at"),
        sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("program_session.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    part: Mapped[str] = mapped_column(sa.String(20), default="")  # e.g. "am" / "pm"

    block: Mapped[ProgramSession] = relationship(back_populates="slots")


class B2BParticipant(Base):
    """Who meets in B2B: an organisation's team, or one person."""

    __tablename__ = "b2b_participant"
    __table_args__ = (
        sa.CheckConstraint(
            "(organization_id IS NULL AND person_id IS NOT NULL)"
            " OR (organization_id IS NOT NULL AND person_id IS NULL)",
            name="team_or_person"),
        sa.CheckConstraint("max_meetings IS NULL OR max_meetings >= 0", name="max_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organization.id", ondelete="CASCADE"), unique=True)
    person_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    max_meetings: Mapped[int | None]
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    organization: Mapped[Organization | None] = relationship()
    person: Mapped[Person | None] = relationship()

    @property
    def name(self) -> str:
        if self.organization is not None:
            return self.organization.name
        assert self.person is not None
        return self.person.full_name


class B2BTable(Base):
    """A numbered meeting table of a B2B block; a host may keep one for the whole block."""

    __tablename__ = "b2b_table"
    __table_args__ = (_not_blank("name"), sa.UniqueConstraint("session_id", "name"))

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("program_session.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(sa.String(40))
    position: Mapped[int] = mapped_column(default=0)
    room_id: Mapped[int | None] = mapped_column(sa.ForeignKey("room.id", ondelete="SET NULL"))
    participant_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("b2b_participant.id", ondelete="SET NULL"))

    block: Mapped[ProgramSession] = relationship(back_populates="tables")
    participant: Mapped[B2BParticipant | None] = relationship()


class ParticipantUnavailability(Base):
    """A slot in which a participant cannot meet (set by hand; flights add their own)."""

    __tablename__ = "participant_unavailability"

    participant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("b2b_participant.id", ondelete="CASCADE"), primary_key=True)
    slot_id: Mapped[int] = mapped_column(
        sa.ForeignKey("b2b_slot.id", ondelete="CASCADE"), primary_key=True)
    reason: Mapped[str] = mapped_column(sa.String(200), default="")


class Interpreter(Base):
    """An interpreter the mission can seat at meetings whose parties share no language."""

    __tablename__ = "interpreter"
    __table_args__ = (_not_blank("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    person_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("person.id", ondelete="SET NULL"), unique=True)
    languages: Mapped[list[str]] = mapped_column(Languages, default=list)
    notes: Mapped[str] = mapped_column(sa.Text, default="")


class InterpreterUnavailability(Base):
    __tablename__ = "interpreter_unavailability"

    interpreter_id: Mapped[int] = mapped_column(
        sa.ForeignKey("interpreter.id", ondelete="CASCADE"), primary_key=True)
    slot_id: Mapped[int] = mapped_column(
        sa.ForeignKey("b2b_slot.id", ondelete="CASCADE"), primary_key=True)


class MeetingRequest(Timestamped, Base):
    """One participant's wish to meet another. Mutual when the other asked too."""

    __tablename__ = "meeting_request"
    __table_args__ = (
        sa.UniqueConstraint("requester_id", "target_id"),
        sa.CheckConstraint("requester_id <> target_id", name="not_self"),
        sa.CheckConstraint("priority BETWEEN 1 AND 3", name="priority_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    requester_id: Mapped[int] = mapped_column(
        sa.ForeignKey("b2b_participant.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(
        sa.ForeignKey("b2b_participant.id", ondelete="CASCADE"), index=True)
    priority: Mapped[int] = mapped_column(default=2)
    status: Mapped[RequestStatus] = enum_column(RequestStatus, default=RequestStatus.REQUESTED)
    note: Mapped[str] = mapped_column(sa.Text, default="")

    requester: Mapped[B2BParticipant] = relationship(foreign_keys=[requester_id])
    target: Mapped[B2BParticipant] = relationship(foreign_keys=[target_id])


class Meeting(Timestamped, Base):
    """A scheduled one-to-one meeting: two parties, a slot, a table."""

    __tablename__ = "meeting"
    __table_args__ = (
        sa.CheckConstraint("participant_a_id <> participant_b_id", name="two_parties"),
        # A table hosts one meeting per slot; an interpreter sits at one meeting per slot.
        sa.Index("uq_meeting_slot_table", "slot_id", "table_id", unique=True,
                 sqlite_where=sa.text("status <> 'cancelled'"),
                 postgresql_where=sa.text("status <> 'cancelled'")),
        sa.Index("uq_meeting_slot_interpreter", "slot_id", "interpreter_id", unique=True,
                 sqlite_where=sa.text("status <> 'cancelled' AND interpreter_id IS NOT NULL"),
                 postgresql_where=sa.text(
                     "status <> 'cancelled' AND interpreter_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_a_id: Mapped[int] = mapped_column(
        sa.ForeignKey("b2b_participant.id", ondelete="CASCADE"), index=True)
    participant_b_id: Mapped[int] = mapped_column(
        sa.ForeignKey("b2b_participant.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("meeting_request.id", ondelete="SET NULL"))
    slot_id: Mapped[int] = mapped_column(sa.ForeignKey("b2b_slot.id", ondelete="CASCADE"),
                                         index=True)
    table_id: Mapped[int] = mapped_column(sa.ForeignKey("b2b_table.id", ondelete="CASCADE"))
    interpreter_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("interpreter.id", ondelete="SET NULL"))
    status: Mapped[MeetingStatus] = enum_column(MeetingStatus, default=MeetingStatus.PLANNED)
    origin: Mapped[MeetingOrigin] = enum_column(MeetingOrigin, default=MeetingOrigin.AUTO)
    locked: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    participant_a: Mapped[B2BParticipant] = relationship(foreign_keys=[participant_a_id])
    participant_b: Mapped[B2BParticipant] = relationship(foreign_keys=[participant_b_id])
    request: Mapped[MeetingRequest | None] = relationship()
    slot: Mapped[B2BSlot] = relationship()
    table: Mapped[B2BTable] = relationship()
    interpreter: Mapped[Interpreter | None] = relationship()


class SchedulingRun(Base):
    """One automatic scheduling stored in the mission, and what the solver proved about it.

    ``fingerprint`` digests the problem and every meeting's place just after the answer was
    stored: the proof holds for that schedule only (see desktop/b2b/runs.py).
    """

    __tablename__ = "b2b_run"
    __table_args__ = (
        sa.CheckConstraint("status IN ('optimal', 'feasible')", name="known_status"),
        sa.CheckConstraint("bound_breaks <= breaks", name="bound_below_breaks"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    replan: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(sa.String(20))
    placed: Mapped[int]
    to_place: Mapped[int]
    required: Mapped[int]
    required_placed: Mapped[int]
    breaks: Mapped[int]
    bound_breaks: Mapped[int]
    max_break_spread: Mapped[int | None]
    solve_seconds: Mapped[float] = mapped_column(sa.Float)
    fingerprint: Mapped[str] = mapped_column(sa.String(64))


class FlightSegment(Timestamped, Base):
    """One leg of a person's journey; instants in UTC with each airport's zone."""

    __tablename__ = "flight_segment"
    __table_args__ = (
        sa.CheckConstraint("arrives_at > departs_at", name="arrives_after_departure"),
        sa.CheckConstraint("from_airport <> to_airport", name="two_airports"),
        _not_blank("flight_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    carrier: Mapped[str] = mapped_column(sa.String(3))
    flight_number: Mapped[str] = mapped_column(sa.String(8))
    from_airport: Mapped[str] = mapped_column(sa.ForeignKey("airport.iata"))
    to_airport: Mapped[str] = mapped_column(sa.ForeignKey("airport.iata"))
    departs_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    arrives_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    departure_zone: Mapped[str] = mapped_column(sa.String(64))
    arrival_zone: Mapped[str] = mapped_column(sa.String(64))
    booking_reference: Mapped[str] = mapped_column(sa.String(20), default="")
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    person: Mapped[Person] = relationship(back_populates="flights")

    @property
    def code(self) -> str:
        """``AT 201``: carrier and number as printed on a boarding pass."""
        return f"{self.carrier} {self.flight_number}".strip()


class HotelStay(Timestamped, Base):
    """A person's nights at a hotel; proposed from their flights, confirmed by an organiser."""

    __tablename__ = "hotel_stay"
    __table_args__ = (
        sa.CheckConstraint("check_out > check_in", name="check_out_after_check_in"),
        sa.CheckConstraint("sharing_with_id IS NULL OR sharing_with_id <> person_id",
                           name="not_sharing_with_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    hotel_id: Mapped[int] = mapped_column(sa.ForeignKey("venue.id"), index=True)
    check_in: Mapped[date] = mapped_column(index=True)
    check_out: Mapped[date]
    room_type: Mapped[RoomType] = enum_column(RoomType, default=RoomType.SINGLE)
    room_number: Mapped[str] = mapped_column(sa.String(20), default="")
    sharing_with_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("person.id", ondelete="SET NULL"))
    special_requests: Mapped[str] = mapped_column(sa.String(300), default="")
    confirmed: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    person: Mapped[Person] = relationship(back_populates="hotel_stays", foreign_keys=[person_id])
    hotel: Mapped[Venue] = relationship()
    sharing_with: Mapped[Person | None] = relationship(foreign_keys=[sharing_with_id])

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days


class RoomBlock(Base):
    """How many rooms of a type the mission holds at a hotel for one night."""

    __tablename__ = "room_block"
    __table_args__ = (
        sa.UniqueConstraint("hotel_id", "night", "room_type"),
        sa.CheckConstraint("rooms >= 0", name="rooms_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hotel_id: Mapped[int] = mapped_column(sa.ForeignKey("venue.id", ondelete="CASCADE"))
    night: Mapped[date]
    room_type: Mapped[RoomType] = enum_column(RoomType)
    rooms: Mapped[int]

    hotel: Mapped[Venue] = relationship()


class Transfer(Timestamped, Base):
    """A vehicle run (airport to hotel, hotel to venue...) with its passengers."""

    __tablename__ = "transfer"
    __table_args__ = (
        sa.CheckConstraint("capacity > 0", name="capacity_positive"),
        sa.CheckConstraint("from_venue_id <> to_venue_id", name="two_places"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[TransferDirection] = enum_column(TransferDirection)
    from_venue_id: Mapped[int] = mapped_column(sa.ForeignKey("venue.id"))
    to_venue_id: Mapped[int] = mapped_column(sa.ForeignKey("venue.id"))
    departs_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    zone: Mapped[str] = mapped_column(sa.String(64))
    vehicle_kind: Mapped[VehicleKind] = enum_column(VehicleKind, default=VehicleKind.VAN)
    vehicle: Mapped[str] = mapped_column(sa.String(100), default="")
    capacity: Mapped[int]
    driver_name: Mapped[str] = mapped_column(sa.String(100), default="")
    driver_phone: Mapped[str] = mapped_column(sa.String(20), default="")
    status: Mapped[TransferStatus] = enum_column(TransferStatus,
                                                 default=TransferStatus.PROPOSED)
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    from_venue: Mapped[Venue] = relationship(foreign_keys=[from_venue_id])
    to_venue: Mapped[Venue] = relationship(foreign_keys=[to_venue_id])
    passengers: Mapped[list[TransferPassenger]] = relationship(
        back_populates="transfer", passive_deletes=True, cascade="all, delete-orphan")


class TransferPassenger(Base):
    __tablename__ = "transfer_passenger"

    transfer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("transfer.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(
        sa.ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True)
    flight_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("flight_segment.id", ondelete="SET NULL"))
    luggage_note: Mapped[str] = mapped_column(sa.String(200), default="")

    transfer: Mapped[Transfer] = relationship(back_populates="passengers")
    person: Mapped[Person] = relationship()
    flight: Mapped[FlightSegment | None] = relationship()
