"""The roster of the 2007 demo mission, written by hand.

Every company and person here is invented (APEBI and AMPA, the organisers named in the public
announcements, and the public bodies are the exceptions; their staff are invented too). Phones
are written the way people hand them over, in local form; the builder normalises them through
the roster services. Domains end in ``.example`` so that no real address is ever mailed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.db.enums import Category, Side, Status


@dataclass(frozen=True)
class OrgRow:
    key: str
    name: str
    side: Side
    country: str
    city: str
    sectors: tuple[str, ...]
    domain: str
    phone: str
    offers: str = ""
    seeks: str = ""
    airport: str = ""  # where a delegation company's people fly from


@dataclass(frozen=True)
class PersonRow:
    org: str | None
    given: str
    family: str
    title: str
    category: Category
    languages: tuple[str, ...]
    phone: str
    status: Status = Status.CONFIRMED
    badge: str = ""
    nationality: str | None = None
    dietary: str = ""
    accessibility: str = ""
    home: str = ""  # airport flown from; empty for people who live in Morocco
    arrive: date = date(2007, 5, 14)
    leave: date = date(2007, 5, 18)
    passport_expiry: date | None = None  # set by hand only where it matters
    notes: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)


def _org(key: str, name: str, side: Side, country: str, city: str, sectors: str, domain: str,
         phone: str, airport: str = "", offers: str = "", seeks: str = "") -> OrgRow:
    return OrgRow(key, name, side, country, city, tuple(s for s in sectors.split(",") if s),
                  domain, phone,
                  offers, seeks, airport)


# -- the delegation: North-American IT and ITO companies ---------------------------------------

D = Side.DELEGATION
DELEGATION: tuple[OrgRow, ...] = (
    _org("bayline", "Bayline Software Group", D, "US", "San Jose", "software,ITO",
         "bayline.example", "(408) 555-0140", "SFO",
         "Enterprise Java and .NET development", "A nearshore development centre for Europe"),
    _org("goldengate", "Golden Gate Data Systems", D, "US", "San Francisco", "ITO,hardware",
         "goldengate-data.example", "(415) 555-0123", "SFO",
         "Data-centre operations", "French-speaking infrastructure support"),
    _org("pacificcrest", "Pacific Crest Analytics", D, "US", "Palo Alto", "software,consulting",
         "pacificcrest.example", "(650) 555-0178", "SFO",
         "Business intelligence products", "Implementation partners"),
    _org("hudson", "Hudson Ridge Technologies", D, "US", "New York", "ITO,software",
         "hudsonridge.example", "(212) 555-0147", "JFK",
         "Application maintenance for banks", "Offshore testing teams"),
    _org("empire", "Empire Offshore Partners", D, "US", "New York", "BPO,consulting",
         "empire-offshore.example", "(212) 555-0162", "JFK",
         "Sourcing advice to Fortune 500 buyers", "Vendors to recommend"),
    _org("liberty", "Liberty Call Solutions", D, "US", "Brooklyn", "call centre,BPO",
         "libertycall.example", "(718) 555-0115", "JFK",
         "Customer care for telecom carriers", "Bilingual French/English call centres"),
    _org("potomac", "Potomac IT Services", D, "US", "Reston", "ITO,public sector",
         "potomac-it.example", "(703) 555-0100", "IAD",
         "Systems integration for public agencies", "Software factories"),
    _org("capitol", "Capitol Systems Integration", D, "US", "Washington", "engineering,ITO",
         "capitol-si.example", "(202) 555-0133", "IAD",
         "Network engineering", "Field engineers in North Africa"),
    _org("shenandoah", "Shenandoah Secure Networks", D, "US", "Arlington", "telecom",
         "shenandoah-net.example", "(571) 555-0109", "IAD",
         "Network security services", "A 24/7 security operations centre"),
    _org("lakeshore", "Lakeshore Digital", D, "US", "Chicago", "software",
         "lakeshore-digital.example", "(312) 555-0181", "ORD",
         "E-commerce platforms", "Web developers and designers"),
    _org("prairie", "Prairie Logic Consulting", D, "US", "Chicago", "consulting,training",
         "prairielogic.example", "(773) 555-0126", "ORD",
         "SAP consulting", "SAP-trained consultants"),
    _org("lonestar", "Lone Star Outsourcing", D, "US", "Dallas", "BPO,ITO",
         "lonestar-out.example", "(214) 555-0158", "DFW",
         "Back-office processing", "Partners for French-language back office"),
    _org("gulfcoast", "Gulf Coast Software", D, "US", "Houston", "software,engineering",
         "gulfcoast-soft.example", "(713) 555-0144", "IAH",
         "Software for the energy industry", "Embedded software engineers"),
    _org("charles", "Charles River Informatics", D, "US", "Boston", "software",
         "charlesriver-info.example", "(617) 555-0192", "BOS",
         "Health-care software", "Quality assurance teams"),
    _org("minuteman", "Minuteman Telecom Consulting", D, "US", "Cambridge", "telecom,consulting",
         "minuteman-tc.example", "(617) 555-0137", "BOS",
         "Telecom billing expertise", "Operators to partner with"),
    _org("montroyal", "Solutions numériques Mont-Royal", D, "CA", "Montréal", "software,ITO",
         "montroyal-num.example", "(514) 555-0199", "YUL",
         "Logiciels de gestion en français", "Un centre de développement francophone"),
    _org("saintlaurent", "Groupe Conseil Saint-Laurent", D, "CA", "Montréal", "consulting",
         "gcsl.example", "(514) 555-0173", "YUL",
         "Conseil en impartition", "Fournisseurs marocains à accompagner"),
    _org("lachine", "Logiciels Lachine", D, "CA", "Montréal", "software,training",
         "lachine-logiciels.example", "(438) 555-0111", "YUL",
         "E-learning platforms", "Content production studios"),
    _org("mapleleaf", "Maple Leaf Nearshore", D, "CA", "Toronto", "ITO,BPO",
         "mapleleaf-ns.example", "(416) 555-0101", "YYZ",
         "Managed IT services", "Offshore service desks"),
    _org("baystreet", "Bay Street Systems", D, "CA", "Toronto", "software",
         "baystreet-sys.example", "(647) 555-0164", "YYZ",
         "Trading-floor software", "Developers for financial software"),
)

# -- the hosts: Moroccan companies in Casablanca and at the Rabat Technopark ------------------

H = Side.HOST
_CASA = "Casablanca"
_RABAT = "Rabat"
HOSTS: tuple[OrgRow, ...] = (
    _org("atlas", "Atlas Offshore Services", H, "MA", _CASA, "ITO,call centre",
         "atlas-offshore.example", "05 22 58 10 10", offers="Trilingual service desks"),
    _org("anfa", "Anfa Nearshore Solutions", H, "MA", _CASA, "ITO", "anfa-nearshore.example",
         "05 22 36 12 45", offers="Application maintenance"),
    _org("maghrebsf", "Maghreb Software Factory", H, "MA", _CASA, "software",
         "msf.example", "05 22 95 40 00", offers="Java and .NET development"),
    _org("bayanat", "Dar Al Bayanat Data Services", H, "MA", _CASA, "ITO,hardware",
         "bayanat.example", "05 22 43 18 70", offers="Data-centre hosting"),
    _org("sidimaarouf", "Sidi Maârouf Technologies", H, "MA", _CASA, "engineering",
         "smtech.example", "05 22 97 61 30", offers="Embedded systems"),
    _org("oasis", "Oasis Centre d'Appels", H, "MA", _CASA, "call centre",
         "oasis-appels.example", "05 22 48 77 00", offers="French-language customer care"),
    _org("zellige", "Zellige Digital", H, "MA", _CASA, "software", "zellige-digital.example",
         "05 22 27 90 15", offers="Web and multimedia"),
    _org("corniche", "Corniche BPO", H, "MA", _CASA, "BPO", "corniche-bpo.example",
         "05 22 79 33 20", offers="Back-office processing"),
    _org("medina", "Medina Systems", H, "MA", _CASA, "ITO,software", "medina-sys.example",
         "05 22 26 45 80", offers="Banking software maintenance"),
    _org("ifriqiya", "Ifriqiya Consulting", H, "MA", _CASA, "consulting",
         "ifriqiya.example", "05 22 20 14 66", offers="ERP integration"),
    _org("chaouia", "Chaouia Informatique", H, "MA", _CASA, "ITO", "chaouia-info.example",
         "05 22 31 52 09", offers="Infrastructure management"),
    _org("almaghrib", "Al Maghrib Telecom Services", H, "MA", _CASA, "telecom",
         "amts.example", "05 22 44 09 81", offers="Network operations"),
    _org("argan", "Argan Software", H, "MA", _CASA, "software", "argan-soft.example",
         "05 22 25 71 40", offers="Mobile applications"),
    _org("cedre", "Cèdre Ingénierie", H, "MA", _CASA, "engineering", "cedre-ing.example",
         "05 22 99 18 02", offers="CAD and engineering services"),
    _org("mazagan", "Mazagan Solutions", H, "MA", _CASA, "ITO,BPO", "mazagan-sol.example",
         "05 22 86 30 55", offers="Document processing"),
    _org("sahara", "Sahara Contact Center", H, "MA", _CASA, "call centre",
         "sahara-cc.example", "05 22 66 40 10", offers="Outbound sales campaigns"),
    _org("majorelle", "Majorelle Interactive", H, "MA", _CASA, "software",
         "majorelle-int.example", "05 22 39 81 27", offers="E-learning content"),
    _org("hassania", "Hassania Logiciels", H, "MA", _CASA, "software", "hassania-log.example",
         "05 22 54 12 90", offers="Accounting software"),
    _org("bouskoura", "Bouskoura Engineering", H, "MA", _CASA, "engineering",
         "bouskoura-eng.example", "05 22 33 60 41", offers="Telecom engineering"),
    _org("atlantique", "Nearshore Atlantique", H, "MA", _CASA, "ITO", "nearshore-atl.example",
         "05 22 47 25 13", offers="Testing and quality assurance"),
    _org("mogador", "Mogador Data", H, "MA", _CASA, "BPO", "mogador-data.example",
         "05 22 62 08 37", offers="Data capture and digitisation"),
    _org("lixus", "Lixus Conseil", H, "MA", _CASA, "consulting", "lixus-conseil.example",
         "05 22 21 93 64", offers="Sourcing advice"),
    _org("volubilis", "Volubilis Technologies", H, "MA", _CASA, "ITO,software",
         "volubilis-tech.example", "05 22 87 50 22", offers="Offshore development centre"),
    _org("oumerrbia", "Oum Er-Rbia Systems", H, "MA", _CASA, "hardware",
         "oers.example", "05 22 30 77 48", offers="Hardware maintenance"),
    _org("doukkala", "Doukkala Services Informatiques", H, "MA", _CASA, "ITO",
         "doukkala-si.example", "05 22 45 66 91", offers="Help desk in Arabic and French"),
    _org("tafilalet", "Tafilalet Telecom Engineering", H, "MA", _CASA, "telecom,engineering",
         "tte.example", "05 22 92 14 03", offers="Radio network planning"),
    _org("atlantic", "Atlantic Outsourcing Maroc", H, "MA", _CASA, "BPO,call centre",
         "atlantic-om.example", "05 22 34 55 76", offers="Multilingual contact centre"),
    _org("rif", "Rif Software Labs", H, "MA", _CASA, "software", "rif-labs.example",
         "05 22 23 87 19", offers="Open-source development"),
    _org("ziz", "Ziz Formation", H, "MA", _CASA, "training", "ziz-formation.example",
         "05 22 29 46 50", offers="IT training and certification"),
    _org("kasbah", "Kasbah Hosting", H, "MA", _CASA, "ITO,hardware", "kasbah-hosting.example",
         "05 22 52 31 88", offers="Managed hosting"),
    _org("tensift", "Tensift Business Process", H, "MA", _CASA, "BPO",
         "tensift-bp.example", "05 22 41 70 36", offers="Insurance claims processing"),
    _org("ainsebaa", "Aïn Sebaâ Networks", H, "MA", _CASA, "telecom", "asnet.example",
         "05 22 35 62 17", offers="Network cabling and operations"),
    _org("hay", "Hay Hassani Développement", H, "MA", _CASA, "software",
         "hhdev.example", "05 22 89 04 52", offers="Custom development"),
    _org("bouregreg", "Bouregreg Informatique", H, "MA", _RABAT, "ITO,software",
         "bouregreg-info.example", "05 37 71 20 20", offers="Software maintenance"),
    _org("chellah", "Chellah Systems", H, "MA", _RABAT, "software", "chellah-sys.example",
         "05 37 68 14 30", offers="Public-sector software"),
    _org("oudaya", "Oudaya Software", H, "MA", _RABAT, "software", "oudaya-soft.example",
         "05 37 77 12 34", offers="Web portals"),
    _org("saledigital", "Salé Digital Works", H, "MA", _RABAT, "software",
         "sale-dw.example", "05 37 86 45 11", offers="Digital media production"),
    _org("zaer", "Zaër Technologies", H, "MA", _RABAT, "ITO", "zaer-tech.example",
         "05 37 65 90 27", offers="Infrastructure outsourcing"),
    _org("agdal", "Agdal Conseil IT", H, "MA", _RABAT, "consulting", "agdal-cit.example",
         "05 37 67 33 48", offers="IT governance consulting"),
    _org("tourhassan", "Tour Hassan Réseaux", H, "MA", _RABAT, "telecom",
         "thr.example", "05 37 70 51 62", offers="Network design"),
    _org("temara", "Témara Data Labs", H, "MA", _RABAT, "software,consulting",
         "temara-labs.example", "05 37 74 28 05", offers="Data analysis"),
    _org("souissi", "Souissi Solutions", H, "MA", _RABAT, "ITO", "souissi-sol.example",
         "05 37 63 19 84", offers="Application outsourcing"),
    _org("andalous", "Andalous E-Services", H, "MA", _RABAT, "BPO", "andalous-es.example",
         "05 37 72 46 93", offers="E-government back office"),
    _org("rabatnc", "Rabat Nearshore Center", H, "MA", _RABAT, "ITO,call centre",
         "rabat-nc.example", "05 37 79 60 70", offers="Nearshore service desk"),
    _org("sebou", "Sebou Engineering", H, "MA", _RABAT, "engineering", "sebou-eng.example",
         "05 37 66 82 13", offers="Software-intensive engineering"),
    _org("mamora", "Mamora Software", H, "MA", _RABAT, "software", "mamora-soft.example",
         "05 37 75 37 40", offers="Mobile and SMS services"),
    _org("skhirat", "Skhirat Consulting", H, "MA", _RABAT, "consulting,training",
         "skhirat-c.example", "05 37 62 54 29", offers="Project management training"),
    _org("zemmour", "Zemmour Télécom", H, "MA", _RABAT, "telecom", "zemmour-tel.example",
         "05 37 69 27 51", offers="Telecom field services"),
    _org("tifinagh", "Tifinagh Multimédia", H, "MA", _RABAT, "software",
         "tifinagh-mm.example", "05 37 78 63 96", offers="Localisation into Arabic and Amazigh"),
    _org("takadoum", "Takadoum Informatique", H, "MA", _RABAT, "ITO", "takadoum-info.example",
         "05 37 64 08 75", offers="Help desk and maintenance"),
)

# -- organisers, public bodies, press ---------------------------------------------------------

OTHERS: tuple[OrgRow, ...] = (
    _org("apebi", "APEBI", Side.ORGANISER, "MA", _CASA, "ITO,telecom,software", "apebi.example",
         "05 22 36 29 40",
         offers="Fédération marocaine des technologies de l'information, des télécommunications "
                "et de l'offshoring"),
    _org("ampa", "AMPA", Side.ORGANISER, "US", "", "consulting", "ampa.example",
         "(202) 555-0120", offers="Association of Moroccan Professionals in America"),
    _org("ministry", "Ministère de l'Industrie, du Commerce et de la Mise à Niveau de "
         "l'Économie", Side.PUBLIC_BODY, "MA", _RABAT, "public sector", "mcinet.example",
         "05 37 76 18 00"),
    _org("invest", "Direction des Investissements", Side.PUBLIC_BODY, "MA", _RABAT,
         "public sector", "invest-ma.example", "05 37 67 35 00",
         offers="Investment promotion and incentives for offshoring"),
    _org("hebdo", "Maghreb Tech Hebdo", Side.PRESS, "MA", _CASA, "", "mth.example",
         "05 22 24 31 17"),
    _org("offshoreinsights", "Offshore Insights Magazine", Side.PRESS, "US", "New York", "",
         "offshore-insights.example", "(212) 555-0185"),
)

ORGANISATIONS: tuple[OrgRow, ...] = DELEGATION + HOSTS + OTHERS

# -- people ------------------------------------------------------------------------------------

_DELEGATION_AIRPORT = {row.key: row.airport for row in DELEGATION}
_DELEGATION_COUNTRY = {row.key: row.country for row in DELEGATION}


def _delegate(org: str, given: str, family: str, title: str, languages: str, phone: str,
              **extra: object) -> PersonRow:
    extra.setdefault("nationality", _DELEGATION_COUNTRY[org])
    extra.setdefault("home", _DELEGATION_AIRPORT[org])
    return PersonRow(org, given, family, title, Category.DELEGATE, tuple(languages.split()),
                     phone, **extra)  # type: ignore[arg-type]


DELEGATES: tuple[PersonRow, ...] = (
    _delegate("bayline", "Robert", "Whitaker", "Chief Executive Officer", "en",
              "(408) 555-0141", badge="Bob Whitaker"),
    _delegate("bayline", "Priya", "Raman", "VP, Global Delivery", "en", "(408) 555-0142",
              dietary="vegetarian"),
    _delegate("goldengate", "Zoë", "Castellanos", "VP, Operations", "en fr", "(415) 555-0124"),
    _delegate("pacificcrest", "Daniel", "Okafor", "Chief Technology Officer", "en",
              "(650) 555-0179"),
    _delegate("pacificcrest", "Karim", "Benjelloun", "Director, Partnerships", "en fr ar",
              "(650) 555-0180", dietary="halal", arrive=date(2007, 5, 13),
              notes="AMPA member; grew up in Fès."),
    _delegate("hudson", "Michael", "Rosen", "President", "en", "(212) 555-0148"),
    _delegate("hudson", "Jennifer", "Liu", "Sourcing Manager", "en", "(212) 555-0149"),
    _delegate("empire", "Anthony", "Russo", "Managing Partner", "en", "(212) 555-0163"),
    _delegate("empire", "David", "Feldman", "Senior Analyst", "en", "(212) 555-0164",
              dietary="no pork, no shellfish"),
    _delegate("liberty", "Latoya", "Jenkins", "VP, Customer Care", "en", "(718) 555-0116"),
    _delegate("liberty", "Brian", "O'Connell", "Director, Vendor Management", "en",
              "(718) 555-0117", leave=date(2007, 5, 19)),
    _delegate("potomac", "Susan", "Caldwell", "President", "en", "(703) 555-0101"),
    _delegate("potomac", "Youssef", "Amrani", "Program Manager", "en ar fr", "(703) 555-0102",
              dietary="halal", nationality="MA", arrive=date(2007, 5, 13)),
    _delegate("capitol", "James", "Whitfield", "Chief Executive Officer", "en",
              "(202) 555-0134", accessibility="wheelchair user: step-free access, accessible "
              "room and vehicle"),
    _delegate("capitol", "Angela", "Moretti", "Director, Engineering", "en it",
              "(202) 555-0135"),
    _delegate("shenandoah", "Thomas", "Greene", "Founder", "en", "(571) 555-0110",
              passport_expiry=date(2007, 9, 30)),
    _delegate("lakeshore", "Kevin", "Nowak", "Chief Executive Officer", "en pl",
              "(312) 555-0182"),
    _delegate("lakeshore", "María", "González", "Head of Engineering", "en es",
              "(312) 555-0183", dietary="vegetarian"),
    _delegate("prairie", "Emily", "Hartman", "Principal", "en", "(773) 555-0127",
              dietary="vegetarian"),
    _delegate("lonestar", "Travis", "McAllister", "Chief Operating Officer", "en",
              "(214) 555-0159"),
    _delegate("lonestar", "Rosa", "Delgado", "Director, Back Office", "en es",
              "(214) 555-0160"),
    _delegate("gulfcoast", "Raj", "Patel", "VP, Engineering", "en hi", "(713) 555-0145",
              dietary="vegetarian"),
    _delegate("charles", "Catherine", "O'Brien", "Chief Executive Officer", "en",
              "(617) 555-0193", status=Status.CANCELLED,
              notes="Cancelled on 2 May: board meeting."),
    _delegate("charles", "Nathan", "Goldberg", "Director, Quality", "en", "(617) 555-0194"),
    _delegate("minuteman", "Laura", "Chen", "Partner", "en zh", "(617) 555-0138",
              status=Status.WAITLISTED, notes="Joins if a seat frees up."),
    _delegate("montroyal", "Éloïse", "Tremblay", "Présidente", "fr en", "(514) 555-0100"),
    _delegate("montroyal", "François", "Gagnon", "Directeur technique", "fr en",
              "(514) 555-0102"),
    _delegate("saintlaurent", "Marie-Ève", "Bouchard", "Associée", "fr en", "(514) 555-0174"),
    _delegate("saintlaurent", "Jean-Sébastien", "Côté", "Conseiller principal", "fr en",
              "(514) 555-0175"),
    _delegate("lachine", "Geneviève", "Lavoie", "Vice-présidente, ventes", "fr en",
              "(438) 555-0112", dietary="gluten-free"),
    _delegate("mapleleaf", "Andrew", "MacDonald", "President", "en", "(416) 555-0102"),
    _delegate("mapleleaf", "Liam", "Kelly", "Service Delivery Manager", "en", "(416) 555-0103"),
    _delegate("baystreet", "Omar", "Siddiqui", "Chief Technology Officer", "en ar ur",
              "(647) 555-0165", dietary="halal"),
)

# Host companies' people: "given|family|job title|languages"; the first is the contact.
# Mobiles are made up from the person's place in this list (see ``host_mobile``).
HOST_PEOPLE: dict[str, tuple[str, ...]] = {
    "atlas": ("Samir|El Alaoui|Directeur général|fr ar en",
              "Nadia|Bennani|Directrice commerciale|fr en ar"),
    "anfa": ("Hicham|Tazi|Directeur général|fr ar en",),
    "maghrebsf": ("Leïla|Chraïbi|Directrice des opérations|fr en ar",
                  "Youssef|El Ouazzani|Responsable avant-vente|fr ar en"),
    "bayanat": ("Rachid|Lahlou|Directeur technique|fr ar en",),
    "sidimaarouf": ("Amine|Aït Benhaddou|Gérant|fr ar en zgh",),
    "oasis": ("Houda|Berrada|Directrice générale|fr ar",
              "Mounir|Sqalli|Responsable qualité|fr ar en"),
    "zellige": ("Ghita|Kettani|Fondatrice|fr en ar",),
    "corniche": ("Omar|Idrissi|Directeur général|fr ar en",
                 "Zineb|Benkirane|Chargée de clientèle|fr en ar"),
    "medina": ("Adil|Guessous|Directeur général|fr ar en",),
    "ifriqiya": ("Khadija|Zniber|Associée|fr en ar",),
    "chaouia": ("Tarik|Sefrioui|Directeur technique|fr ar en",),
    "almaghrib": ("Imane|Tahiri|Directrice commerciale|fr ar en",
                  "Hamza|Lamrani|Ingénieur réseaux|fr ar en"),
    "argan": ("Meryem|El Amrani|Fondatrice|fr en ar",),
    "cedre": ("Driss|Bouzidi|Directeur général|fr ar",),
    "mazagan": ("Soukaïna|Cherkaoui|Directrice générale|fr ar en",),
    "sahara": ("Reda|Naciri|Directeur des opérations|fr ar en",
               "Asmae|Filali|Responsable recrutement|fr ar"),
    "majorelle": ("Anas|Hajji|Directeur artistique|fr en ar",),
    "hassania": ("Loubna|Mernissi|Directrice générale|fr ar en",),
    "bouskoura": ("Jamal|Skalli|Directeur technique|fr ar en",),
    "atlantique": ("Sanaa|Benslimane|Directrice générale|fr en ar",
                   "Nabil|Slaoui|Responsable des tests|fr en ar"),
    "mogador": ("Hind|Bensouda|Directrice de production|fr ar en",),
    "lixus": ("Abdelilah|Belkhayat|Associé|fr ar en",),
    "volubilis": ("Kenza|Chami|Directrice générale|fr en ar",
                  "Othmane|Hakam|Chef de projet|fr en ar"),
    "oumerrbia": ("Rim|Laraki|Directrice commerciale|fr ar en",),
    "doukkala": ("Abdellatif|Doukkali|Directeur général|ar fr",
                 "Najat|Ziani|Responsable support|ar fr"),
    "tafilalet": ("Brahim|Aït Ouarab|Directeur technique|ar fr zgh",),
    "atlantic": ("Yassine|Bahnini|Directeur général|fr ar en",
                 "Fatima Zahra|Benabdellah|Directrice des ressources humaines|fr ar en"),
    "rif": ("Saâd|Rhazi|Fondateur|fr en ar",),
    "ziz": ("Mouna|Sbihi|Directrice pédagogique|fr ar en",),
    "kasbah": ("Mehdi|Mouline|Directeur général|fr en ar",
               "Salma|Belghiti|Responsable hébergement|fr en ar"),
    "tensift": ("Abdelkrim|Lazrak|Directeur général|fr ar en",),
    "ainsebaa": ("Karima|Kabbaj|Directrice générale|fr ar en",),
    "hay": ("Aziz|Bennis|Gérant|fr ar",),
    "bouregreg": ("Mohamed|Benjelloun|Directeur général|fr ar en",
                  "Sara|El Fassi|Chef de projet|fr en ar"),
    "chellah": ("Hassan|Marrakchi|Directeur général|fr ar en",),
    "oudaya": ("Ilham|Tounsi|Fondatrice|fr en ar",),
    "saledigital": ("Badr|Chami|Directeur de création|fr en ar",),
    "zaer": ("Noureddine|Ouazzani Touhami|Directeur général|fr ar en",
             "Siham|Amrani|Directrice commerciale|fr en ar"),
    "agdal": ("Karim|Bennouna|Associé|fr en ar",),
    "tourhassan": ("Latifa|Kadiri|Directrice technique|fr ar en",),
    "temara": ("Yasmine|Alami|Data scientist|fr en ar",
               "Ayoub|Bekkali|Directeur général|fr en ar"),
    "souissi": ("Khalid|Benchekroun|Directeur général|fr ar en",),
    "andalous": ("Fouad|Lahbabi|Directeur général|fr ar en",
                 "Rajae|Hamdouchi|Responsable des opérations|fr ar"),
    "rabatnc": ("Mustapha|Squalli|Directeur général|fr ar en",),
    "sebou": ("Hanane|Berrada|Ingénieure en chef|fr en ar",),
    "mamora": ("Ali|Kettani|Fondateur|fr en ar",),
    "skhirat": ("Samira|El Khatib|Associée|fr en ar",),
    "zemmour": ("Lahcen|Aït Lahcen|Directeur général|ar zgh fr",),
    "tifinagh": ("Touria|Aït Yahia|Directrice générale|fr ar zgh en",
                 "Idir|Oubella|Traducteur en chef|zgh ar fr en"),
    "takadoum": ("Abderrahim|Sabri|Directeur général|fr ar en",),
}

# What sets a few hosts apart, keyed by "given family".
HOST_EXTRAS: dict[str, dict[str, object]] = {
    "Samir El Alaoui": {"badge": "سمير العلوي"},
    "Leïla Chraïbi": {"dietary": "vegetarian"},
    "Mohamed Benjelloun": {"badge": "Simo Benjelloun"},
    "Aziz Bennis": {"status": Status.CANCELLED, "notes": "Company withdrew on 9 May."},
    "Rim Laraki": {"status": Status.INVITED},
    "Badr Chami": {"status": Status.INVITED},
    "Idir Oubella": {"status": Status.INVITED},
}


def host_mobile(index: int) -> str:
    """A Moroccan mobile number in local form, distinct for each host person."""
    return (f"06 {61 + index % 8} {10 + index % 90:02d} {(index * 37) % 90 + 10:02d} "
            f"{(index * 53) % 90 + 10:02d}")


def _staff(org: str | None, given: str, family: str, title: str, category: Category,
           languages: str, phone: str, **extra: object) -> PersonRow:
    return PersonRow(org, given, family, title, category, tuple(languages.split()), phone,
                     **extra)  # type: ignore[arg-type]


ORGANISERS: tuple[PersonRow, ...] = (
    _staff("apebi", "Nadia", "Benkirane", "Mission coordinator", Category.ORGANISER,
           "fr ar en", "06 61 40 20 07", nationality="MA",
           notes="Holds the organisers' duty phone."),
    _staff("apebi", "Hicham", "Sqalli", "B2B coordinator", Category.ORGANISER, "fr ar en",
           "06 62 15 33 80", nationality="MA"),
    _staff("apebi", "Ghita", "Lahlou", "Logistics and travel", Category.ORGANISER, "fr ar en",
           "06 63 71 08 45", nationality="MA"),
    _staff("ampa", "Mehdi", "Tazi", "Delegation leader", Category.ORGANISER, "en fr ar",
           "(917) 555-0150", nationality="US", home="JFK", arrive=date(2007, 5, 13),
           dietary="halal"),
    _staff("ampa", "Sarah", "Bennani-Miller", "Programme manager", Category.ORGANISER,
           "en fr ar", "(202) 555-0121", nationality="US", home="IAD",
           arrive=date(2007, 5, 13), badge="Sarah Bennani"),
    _staff("apebi", "Abdelhak", "Chraïbi", "President, APEBI", Category.SPEAKER, "fr ar en",
           "06 61 90 12 34", nationality="MA"),
    _staff("ampa", "Driss", "El Fassi", "President, AMPA", Category.SPEAKER, "en fr ar",
           "(301) 555-0155", nationality="US", home="IAD", dietary="halal"),
    _staff("ministry", "Mohamed Amine", "Berrada", "Director of Information Technologies",
           Category.VIP, "fr ar en", "05 37 76 18 10", nationality="MA"),
    _staff("invest", "Leïla", "Kettani", "Head of Investor Relations", Category.SPEAKER,
           "fr en ar", "05 37 67 35 12", nationality="MA"),
    _staff("hebdo", "Julien", "Marchand", "Journaliste", Category.PRESS, "fr en",
           "06 64 22 17 90", nationality="FR"),
    _staff("offshoreinsights", "Rebecca", "Holt", "Senior Editor", Category.PRESS, "en",
           "(212) 555-0186", nationality="US", home="JFK"),
    _staff(None, "Zoë", "Haddad", "Interpreter (Arabic, French, English)", Category.STAFF,
           "ar fr en", "06 65 30 41 52", nationality="MA"),
    _staff(None, "Karima", "Mouline", "Interpreter (Arabic, French, English)", Category.STAFF,
           "ar fr en", "06 66 19 84 27", nationality="MA"),
    _staff(None, "Paul-Henri", "Lefebvre", "Interpreter (French, English)", Category.STAFF,
           "fr en", "+212 6 67 52 63 18", nationality="MA",
           notes="French-Moroccan; lives in Casablanca and goes home by train."),
)

INTERPRETERS: tuple[str, ...] = ("Zoë Haddad", "Karima Mouline", "Paul-Henri Lefebvre")
DUTY_PHONE = "06 61 40 20 07"
