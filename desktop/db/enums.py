"""Closed vocabularies of the data model.

Values are stored as short English codes (checked by the schema); labels for people are
translated when shown, through :func:`label`.
"""

from __future__ import annotations

import enum

from desktop.i18n import N_, _


class Side(enum.StrEnum):
    DELEGATION = "delegation"
    HOST = "host"
    ORGANISER = "organiser"
    SPONSOR = "sponsor"
    PRESS = "press"
    PUBLIC_BODY = "public_body"


class Category(enum.StrEnum):
    DELEGATE = "delegate"
    HOST = "host"
    ORGANISER = "organiser"
    SPEAKER = "speaker"
    VIP = "vip"
    PRESS = "press"
    STAFF = "staff"


class Status(enum.StrEnum):
    INVITED = "invited"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    WAITLISTED = "waitlisted"


class VenueKind(enum.StrEnum):
    HOTEL = "hotel"
    CONFERENCE_CENTRE = "conference_centre"
    COMPANY_SITE = "company_site"
    AIRPORT = "airport"
    RESTAURANT = "restaurant"
    OTHER = "other"


class SessionKind(enum.StrEnum):
    PLENARY = "plenary"
    PANEL = "panel"
    SITE_VISIT = "site_visit"
    MEAL = "meal"
    RECEPTION = "reception"
    TRANSFER = "transfer"
    B2B_BLOCK = "b2b_block"
    OTHER = "other"


class Audience(enum.StrEnum):
    EVERYONE = "everyone"
    CATEGORY = "category"
    SIDE = "side"
    LIST = "list"


class RequestStatus(enum.StrEnum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class MeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class MeetingOrigin(enum.StrEnum):
    AUTO = "auto"
    MANUAL = "manual"


class RoomType(enum.StrEnum):
    SINGLE = "single"
    DOUBLE = "double"
    TWIN = "twin"
    SUITE = "suite"


class VehicleKind(enum.StrEnum):
    CAR = "car"
    VAN = "van"
    MINIBUS = "minibus"
    COACH = "coach"


class TransferDirection(enum.StrEnum):
    ARRIVAL = "arrival"
    DEPARTURE = "departure"
    OTHER = "other"


class TransferStatus(enum.StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"


_LABELS: dict[type[enum.Enum], dict[str, str]] = {
    Side: {
        Side.DELEGATION.value: N_("Delegation"),
        Side.HOST.value: N_("Host"),
        Side.ORGANISER.value: N_("Organiser"),
        Side.SPONSOR.value: N_("Sponsor"),
        Side.PRESS.value: N_("Press"),
        Side.PUBLIC_BODY.value: N_("Public body"),
    },
    Category: {
        Category.DELEGATE.value: N_("Delegate"),
        Category.HOST.value: N_("Host"),
        Category.ORGANISER.value: N_("Organiser"),
        Category.SPEAKER.value: N_("Speaker"),
        Category.VIP.value: N_("VIP"),
        Category.PRESS.value: N_("Press"),
        Category.STAFF.value: N_("Staff"),
    },
    Status: {
        Status.INVITED.value: N_("Invited"),
        Status.CONFIRMED.value: N_("Confirmed"),
        Status.CANCELLED.value: N_("Cancelled"),
        Status.WAITLISTED.value: N_("Waitlisted"),
    },
    VenueKind: {
        VenueKind.HOTEL.value: N_("Hotel"),
        VenueKind.CONFERENCE_CENTRE.value: N_("Conference centre"),
        VenueKind.COMPANY_SITE.value: N_("Company site"),
        VenueKind.AIRPORT.value: N_("Airport"),
        VenueKind.RESTAURANT.value: N_("Restaurant"),
        VenueKind.OTHER.value: N_("Other"),
    },
    SessionKind: {
        SessionKind.PLENARY.value: N_("Plenary"),
        SessionKind.PANEL.value: N_("Panel"),
        SessionKind.SITE_VISIT.value: N_("Site visit"),
        SessionKind.MEAL.value: N_("Meal"),
        SessionKind.RECEPTION.value: N_("Reception"),
        SessionKind.TRANSFER.value: N_("Transfer"),
        SessionKind.B2B_BLOCK.value: N_("B2B meetings"),
        SessionKind.OTHER.value: N_("Other"),
    },
    Audience: {
        Audience.EVERYONE.value: N_("Everyone"),
        Audience.CATEGORY.value: N_("A category"),
        Audience.SIDE.value: N_("One side"),
        Audience.LIST.value: N_("A list of people"),
    },
    RequestStatus: {
        RequestStatus.REQUESTED.value: N_("Requested"),
        RequestStatus.ACCEPTED.value: N_("Accepted"),
        RequestStatus.DECLINED.value: N_("Declined"),
    },
    MeetingStatus: {
        MeetingStatus.PLANNED.value: N_("Planned"),
        MeetingStatus.CONFIRMED.value: N_("Confirmed"),
        MeetingStatus.CANCELLED.value: N_("Cancelled"),
    },
    MeetingOrigin: {
        MeetingOrigin.AUTO.value: N_("Automatic"),
        MeetingOrigin.MANUAL.value: N_("By hand"),
    },
    RoomType: {
        RoomType.SINGLE.value: N_("Single"),
        RoomType.DOUBLE.value: N_("Double"),
        RoomType.TWIN.value: N_("Twin"),
        RoomType.SUITE.value: N_("Suite"),
    },
    VehicleKind: {
        VehicleKind.CAR.value: N_("Car"),
        VehicleKind.VAN.value: N_("Van"),
        VehicleKind.MINIBUS.value: N_("Minibus"),
        VehicleKind.COACH.value: N_("Coach"),
    },
    TransferDirection: {
        TransferDirection.ARRIVAL.value: N_("Arrival"),
        TransferDirection.DEPARTURE.value: N_("Departure"),
        TransferDirection.OTHER.value: N_("Other"),
    },
    TransferStatus: {
        TransferStatus.PROPOSED.value: N_("Proposed"),
        TransferStatus.CONFIRMED.value: N_("Confirmed"),
    },
}


def label(value: enum.Enum) -> str:
    """The translated label of a vocabulary value, for people to read."""
    return _(_LABELS[type(value)][value.value])


def source_label(value: enum.Enum) -> str:
    """The untranslated (English) label, e.g. to recognise it in an imported file."""
    return _LABELS[type(value)][value.value]
