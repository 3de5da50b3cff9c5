"""What each import kind can read, and the headers people give those columns in English and
French. One table serves header recognition, the mapping dialog and the exported headers, so a
list exported in either language is recognised when it comes back."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from desktop.i18n import N_, _
from desktop.validation import fold


class Kind(enum.StrEnum):
    ORGANIZATIONS = "organizations"
    PEOPLE = "people"
    FLIGHTS = "flights"
    HOTEL_STAYS = "hotel-stays"
    MEETING_REQUESTS = "meeting-requests"


_KIND_LABELS = {
    Kind.ORGANIZATIONS: N_("organisations"),
    Kind.PEOPLE: N_("people"),
    Kind.FLIGHTS: N_("flights"),
    Kind.HOTEL_STAYS: N_("hotel stays"),
    Kind.MEETING_REQUESTS: N_("meeting requests"),
}


def kind_label(kind: Kind) -> str:
    """``people`` / ``personnes``: the kind as a sentence names it."""
    return _(_KIND_LABELS[kind])


@dataclass(frozen=True)
class FieldSpec:
    """One field an import can fill: its key, its label, and the headers that mean it."""

    key: str
    label: str  # English, marked for translation: show with ``_()``
    aliases: tuple[str, ...] = ()
    required: bool = False

    @property
    def title(self) -> str:
        """The translated label, as a column header or in messages."""
        return _(self.label)


def header_key(text: str) -> str:
    """A header reduced to letters and digits, case and accents folded: ``Tél.`` → ``tel``."""
    return re.sub(r"[^0-9a-z]", "", fold(text))


def _f(key: str, label: str, *aliases: str, required: bool = False) -> FieldSpec:
    return FieldSpec(key, label, aliases, required)


_EMAIL = ("Email", "E-mail", "Courriel", "Mail", "Email address", "Adresse e-mail",
          "Adresse électronique", "Adresse email", "Adresse mail")
_PHONE = ("Phone", "Téléphone", "Tél.", "Tel", "Telephone", "Mobile", "Cell", "Cellphone",
          "Portable", "GSM", "Phone number", "Numéro de téléphone", "Mobile phone")
_NOTES = ("Notes", "Note", "Remarques", "Remarque", "Commentaires", "Commentaire", "Comments")
_COUNTRY = ("Country", "Pays")
_CITY = ("City", "Ville", "Town")
_ORGANIZATION = ("Company", "Société", "Entreprise", "Organisation", "Organization",
                 "Organisme", "Company name", "Employer", "Employeur", "Raison sociale",
                 "Nom de la société", "Nom de l'entreprise")
_GIVEN = ("First name", "Given name", "Firstname", "Prénom", "Forename")
_FAMILY = ("Last name", "Family name", "Surname", "Lastname", "Nom", "Nom de famille")
_SIDE = ("Side", "Côté", "Camp")
_PERSON = ("Person", "Personne", "Name", "Full name", "Nom complet", "Participant",
           "Participante")

FIELDS: dict[Kind, tuple[FieldSpec, ...]] = {
    Kind.ORGANIZATIONS: (
        _f("name", N_("Organisation"), *_ORGANIZATION, "Name", "Nom", required=True),
        _f("side", N_("Side"), *_SIDE, "Role", "Rôle"),
        _f("country", N_("Country"), *_COUNTRY),
        _f("city", N_("City"), *_CITY),
        _f("sectors", N_("Sectors"), "Sector", "Secteur", "Secteurs", "Industry",
           "Secteur d'activité", "Secteurs d'activité", "Activité"),
        _f("website", N_("Website"), "Web", "Site web", "Site internet", "Site", "URL"),
        _f("email", N_("Email"), *_EMAIL),
        _f("phone", N_("Phone"), *_PHONE, "Standard"),
        _f("offers", N_("Offers"), "Offer", "Offre", "Offres", "Services", "Propose"),
        _f("seeks", N_("Seeks"), "Looking for", "Recherche", "Recherches", "Besoins", "Cherche"),
        _f("notes", N_("Notes"), *_NOTES),
    ),
    Kind.PEOPLE: (
        _f("given_name", N_("First name"), *_GIVEN, required=True),
        _f("family_name", N_("Last name"), *_FAMILY, required=True),
        _f("badge_name", N_("Badge name"), "Nom sur le badge", "Nom du badge", "Nom badge"),
        _f("organization", N_("Organisation"), *_ORGANIZATION),
        _f("side", N_("Side"), *_SIDE),
        _f("country", N_("Country"), *_COUNTRY),
        _f("city", N_("City"), *_CITY),
        _f("job_title", N_("Job title"), "Title", "Position", "Fonction", "Poste", "Titre",
           "Intitulé du poste"),
        _f("email", N_("Email"), *_EMAIL),
        _f("phone", N_("Phone"), *_PHONE),
        _f("category", N_("Category"), "Catégorie", "Type", "Participant type"),
        _f("status", N_("Status"), "Statut", "État", "Etat", "Registration status"),
        _f("languages", N_("Languages"), "Language", "Langues", "Langue", "Langues parlées",
           "Spoken languages"),
        _f("document_language", N_("Document language"), "Langue des documents"),
        _f("nationality", N_("Nationality"), "Nationalité", "Citizenship"),
        _f("passport_number", N_("Passport number"), "Passport", "Passport no", "Passeport",
           "N° de passeport", "Numéro de passeport", "No passeport"),
        _f("passport_expiry", N_("Passport expiry"), "Passport expiration",
           "Passport expiry date", "Expiration du passeport", "Passeport expire le",
           "Date d'expiration du passeport", "Fin de validité du passeport"),
        _f("date_of_birth", N_("Date of birth"), "Birth date", "Birthdate", "DOB",
           "Date de naissance", "Né le", "Née le"),
        _f("dietary_needs", N_("Dietary needs"), "Dietary requirements", "Diet", "Dietary",
           "Régime alimentaire", "Régime", "Besoins alimentaires", "Allergies"),
        _f("accessibility_needs", N_("Accessibility needs"), "Accessibility", "Mobility",
           "Accessibilité", "Besoins d'accessibilité", "Mobilité réduite", "Handicap"),
        _f("notes", N_("Notes"), *_NOTES),
    ),
    Kind.FLIGHTS: (
        _f("person", N_("Person"), *_PERSON, "Passenger", "Passager", "Passagère", "Traveller",
           "Traveler", "Voyageur", "Pax", "Passenger name", "Nom du passager"),
        _f("email", N_("Email"), *_EMAIL),
        _f("given_name", N_("First name"), *_GIVEN),
        _f("family_name", N_("Last name"), *_FAMILY),
        _f("organization", N_("Organisation"), *_ORGANIZATION),
        _f("carrier", N_("Carrier"), "Airline", "Compagnie", "Compagnie aérienne",
           "Transporteur", "Cie"),
        _f("flight", N_("Flight"), "Flight number", "Flight no", "Flight code", "Flight #",
           "Vol", "N° de vol", "No de vol", "Numéro de vol", "Code du vol", required=True),
        _f("from_airport", N_("From"), "Departure airport", "Origin", "De", "Départ",
           "Aéroport de départ", "Provenance", "Dep", "Depart", required=True),
        _f("to_airport", N_("To"), "Arrival airport", "Destination", "À", "Vers", "Arrivée",
           "Aéroport d'arrivée", "Arr", required=True),
        _f("departure_date", N_("Departure date"), "Date", "Date de départ", "Flight date",
           "Date du vol", "Departure", "Departs on", "Départ le", required=True),
        _f("departure_time", N_("Departure time"), "Departs", "Dep time", "Heure de départ",
           "Départ à", "Heure départ", "ETD", "STD"),
        _f("arrival_date", N_("Arrival date"), "Date d'arrivée", "Arrival", "Arrives on",
           "Arrivée le"),
        _f("arrival_time", N_("Arrival time"), "Arrives", "Arr time", "Heure d'arrivée",
           "Arrivée à", "Heure arrivée", "ETA", "STA"),
        _f("booking_reference", N_("Booking reference"), "PNR", "Record locator", "Booking",
           "Booking ref", "Référence", "Référence de réservation", "Réservation", "Dossier",
           "Locator"),
        _f("notes", N_("Notes"), *_NOTES),
    ),
    Kind.HOTEL_STAYS: (
        _f("person", N_("Person"), *_PERSON, "Guest", "Client", "Cliente", "Occupant",
           "Guest name", "Nom du client"),
        _f("email", N_("Email"), *_EMAIL),
        _f("given_name", N_("First name"), *_GIVEN),
        _f("family_name", N_("Last name"), *_FAMILY),
        _f("organization", N_("Organisation"), *_ORGANIZATION),
        _f("hotel", N_("Hotel"), "Hôtel", "Hotel name", "Nom de l'hôtel", "Hébergement",
           required=True),
        _f("check_in", N_("Check-in"), "Arrival", "Check in date", "Arrivée",
           "Date d'arrivée", "Arrival date", "From", "Du", required=True),
        _f("check_out", N_("Check-out"), "Departure", "Check out date", "Départ",
           "Date de départ", "Departure date", "To", "Au", required=True),
        _f("room_type", N_("Room type"), "Room", "Type de chambre", "Chambre", "Type"),
        _f("room_number", N_("Room number"), "Room no", "N° de chambre", "Numéro de chambre",
           "No de chambre"),
        _f("sharing_with", N_("Sharing with"), "Shares with", "Partage avec", "Roommate",
           "Room mate", "Partagée avec", "Colocataire"),
        _f("special_requests", N_("Special requests"), "Requests", "Demandes particulières",
           "Demandes spéciales", "Demandes"),
        _f("confirmed", N_("Confirmed"), "Confirmation", "Confirmé", "Confirmée"),
        _f("notes", N_("Notes"), *_NOTES),
    ),
    Kind.MEETING_REQUESTS: (
        _f("requester", N_("Requester"), "Requested by", "From", "Demandeur", "Demandeuse",
           "Demandé par", "De", "Requesting company", "Who", "Qui", required=True),
        _f("target", N_("Wants to meet"), "Target", "To", "Meet", "With", "Souhaite rencontrer",
           "Cible", "Rencontrer", "Avec", "À", "Requested company", "Wants to meet with",
           "Entreprise demandée", required=True),
        _f("priority", N_("Priority"), "Priorité", "Rank", "Rang"),
        _f("status", N_("Status"), "Statut", "État", "Etat"),
        _f("note", N_("Note"), *_NOTES),
    ),
}


def field_specs(kind: Kind) -> tuple[FieldSpec, ...]:
    return FIELDS[kind]


def spec(kind: Kind, key: str) -> FieldSpec:
    for candidate in FIELDS[kind]:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
