"""A small roster to import travel and B2B lists against: two Moroccan hosts (from the French
sample), one US delegate (from the US sample), and the mission's two hotels."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.db.enums import VenueKind
from desktop.exchange.importer import apply, preview
from desktop.exchange.mapping import guess_mapping
from desktop.exchange.sources import read_source
from desktop.program.venues import VenueInput, add_venue

from .conftest import FRENCH_EXCEL, US_EXPORT


@dataclass(frozen=True)
class Roster:
    anfa: int
    bouregreg: int


def load_roster(session: Session) -> Roster:
    for path in (FRENCH_EXCEL, US_EXPORT):
        source = read_source(path)
        apply(session, preview(session, "people", source,
                               guess_mapping("people", source.headers)))
    anfa = add_venue(session, VenueInput(name="Hôtel Anfa Atlantique", kind=VenueKind.HOTEL,
                                         city="Casablanca", country="MA"))
    bouregreg = add_venue(session, VenueInput(name="Hôtel Jardins du Bouregreg",
                                              kind=VenueKind.HOTEL, city="Rabat", country="MA"))
    session.flush()
    return Roster(anfa=anfa.id, bouregreg=bouregreg.id)
