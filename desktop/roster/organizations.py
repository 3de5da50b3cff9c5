"""Organisations: create, change, delete, find."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import records
from desktop.db.enums import Side
from desktop.db.models import B2BParticipant, MeetingRequest, Organization, Person
from desktop.i18n import _
from desktop.validation import Checker, fold

SECTORS: tuple[str, ...] = ("ITO", "BPO", "software", "telecom", "call centre", "consulting",
                            "engineering", "training", "hardware", "public sector")


@dataclass
class OrganizationInput:
    name: str
    side: Side
    country: str | None = None
    city: str = ""
    sectors: list[str] = field(default_factory=list)
    website: str = ""
    email: str = ""
    phone: str = ""
    offers: str = ""
    seeks: str = ""
    notes: str = ""


@dataclass(frozen=True)
class OrganizationFilter:
    text: str = ""
    side: Side | None = None
    country: str | None = None


def validate_organization(session: Session, data: OrganizationInput,
                          existing_id: int | None = None) -> OrganizationInput:
    """The cleaned input, or a ValidationError naming every field at fault."""
    check = Checker()
    name = check.required("name", data.name, _("The name"), 200)
    if name and check.ok("name"):
        clash = session.scalar(select(Organization.id).where(
            func.lower(Organization.name) == name.lower(), Organization.id != (existing_id or 0)))
        if clash is not None:
            check.error("name", _("An organisation named “{name}” already exists.")
                        .format(name=name))
    try:
        side = Side(data.side)
    except ValueError:
        check.error("side", _("“{value}” is not a side.").format(value=data.side))
        side = Side.DELEGATION
    country = check.country("country", data.country)
    city = check.optional("city", data.city, _("The city"), 100)
    sectors: list[str] = []
    for sector in data.sectors:
        text = " ".join(sector.split())
        if text and text not in sectors:
            sectors.append(text)
    website = check.optional("website", data.website, _("The website"), 300)
    email = check.email("email", data.email)
    phone = check.phone("phone", data.phone, country)
    check.raise_if_any()
    return OrganizationInput(name=name, side=side, country=country, city=city, sectors=sectors,
                             website=website, email=email, phone=phone,
                             offers=data.offers.strip(), seeks=data.seeks.strip(),
                             notes=data.notes.strip())


def add_organization(session: Session, data: OrganizationInput) -> Organization:
    return records.insert(session, Organization, validate_organization(session, data))


def get_organization(session: Session, organization_id: int) -> Organization:
    return records.fetch(session, Organization, organization_id,
                         _("This organisation no longer exists."))


def update_organization(session: Session, organization_id: int,
                        data: OrganizationInput) -> Organization:
    organization = get_organization(session, organization_id)
    clean = validate_organization(session, data, existing_id=organization_id)
    return records.assign(session, organization, clean)


def organization_input(organization: Organization) -> OrganizationInput:
    return records.input_of(OrganizationInput, organization)


@dataclass(frozen=True)
class OrganizationDependents:
    """What deleting an organisation takes with it (people stay, without an organisation)."""

    people: int
    requests: int
    meetings: int


def organization_dependents(session: Session, organization_id: int) -> OrganizationDependents:
    from desktop.db.models import Meeting

    people = session.scalar(select(func.count()).where(
        Person.organization_id == organization_id)) or 0
    participant = select(B2BParticipant.id).where(
        B2BParticipant.organization_id == organization_id).scalar_subquery()
    requests = session.scalar(select(func.count()).select_from(MeetingRequest).where(
        sa.or_(MeetingRequest.requester_id == participant,
               MeetingRequest.target_id == participant))) or 0
    meetings = session.scalar(select(func.count()).select_from(Meeting).where(
        sa.or_(Meeting.participant_a_id == participant,
               Meeting.participant_b_id == participant))) or 0
    return OrganizationDependents(people=people, requests=requests, meetings=meetings)


def delete_organization(session: Session, organization_id: int) -> None:
    """Delete it, with its B2B requests and meetings; its people stay on the roster."""
    organization = get_organization(session, organization_id)
    session.delete(organization)
    session.flush()


def list_organizations(session: Session,
                       filt: OrganizationFilter | None = None) -> Sequence[Organization]:
    """Organisations matching ``filt`` (text is case- and accent-insensitive), by name."""
    filt = filt or OrganizationFilter()
    query = select(Organization).order_by(Organization.name)
    if filt.side is not None:
        query = query.where(Organization.side == filt.side)
    if filt.country:
        query = query.where(Organization.country == filt.country.upper())
    rows = session.scalars(query).all()
    if not filt.text:
        return rows
    needle = fold(filt.text.strip())
    return [o for o in rows if needle in fold(f"{o.name} {o.city} {' '.join(o.sectors)}")]


def find_organization_by_name(session: Session, name: str) -> Organization | None:
    """The organisation whose name matches ``name`` ignoring case and accents."""
    exact = session.scalar(select(Organization).where(
        func.lower(Organization.name) == name.strip().lower()))
    if exact is not None:
        return exact
    needle = fold(name.strip())
    for organization in session.scalars(select(Organization)):
        if fold(organization.name) == needle:
            return organization
    return None
