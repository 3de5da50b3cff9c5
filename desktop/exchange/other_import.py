"""Importing flights, hotel stays and meeting requests through their packages' services."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.exchange.fields import Kind
from desktop.exchange.importer import KindImporter
from desktop.exchange.mapping import Mapping
from desktop.exchange.sources import Source


def make(session: Session, kind: Kind, mapping: Mapping, source: Source) -> KindImporter:
    """The importer of ``kind`` (not organisations or people: see ``roster_import``)."""
    if kind is Kind.FLIGHTS:
        from desktop.exchange.flight_import import FlightImporter

        return FlightImporter(session, mapping, source)
    if kind is Kind.HOTEL_STAYS:
        from desktop.exchange.stay_import import StayImporter

        return StayImporter(session, mapping, source)
    from desktop.exchange.request_import import RequestImporter

    return RequestImporter(session, mapping, source)
