"""How fast printed documents come out: 1,000 badges and 300 personal itineraries.

Each figure is also given as a ratio to a bare ReportLab canvas drawing the same strings with
the same embedded font in the same run (machines are shared and noisy; ratios travel better
than seconds). Run: ``python benchmarks/documents.py [--badges 1000] [--itineraries 300]``.
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.db.enums import Category, VehicleKind
from desktop.reports.badges import BadgeData, BadgeSheet
from desktop.reports.fonts import SANS, register_fonts
from desktop.reports.itinerary import (
    Appointment,
    Contact,
    Flight,
    Itinerary,
    ItineraryData,
    Ride,
    Stay,
)

GIVEN = ["Éloïse", "Jean-François", "Mohammed", "Karim", "Sarah", "Nadia", "Zoë", "Brahim",
         "Maximilian-Alexander", "Ghita", "Hicham", "Amélie", "John", "Touria", "محمد"]
FAMILY = ["Ouellet", "Lefèvre-Dubois", "El Fassi", "Benjelloun", "Bennani-Miller", "Alaoui",
          "de La Rochefoucauld-Montmorency", "Aït Ouarab", "Smith", "Tazi", "الفاسي", "Ng"]
ORGS = ["Nuvolo Systems", "Kinetic Data Corporation of North America", "Atlas Offshore",
        "Maroc Telecom", "Sidi Maârouf Technologies", "Tifinagh Multimédia", "APEBI"]
TITLES = ["Directrice du développement", "Senior Vice President, Global Delivery",
          "Directeur général", "CTO", "Chargée de mission", ""]
MISSION = "North-American B2B IT-Offshoring Mission to Morocco 2007"


def timed(work: Callable[[], object], repeat: int = 3) -> float:
    """The best of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def badges(count: int, rng: random.Random) -> list[BadgeData]:
    people = []
    for n in range(count):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        people.append(BadgeData(
            person_id=n + 1, name=f"{given} {family}", given_name=given, family_name=family,
            category=rng.choice(list(Category)), job_title=rng.choice(TITLES),
            organization=rng.choice(ORGS), country=rng.choice(["MA", "CA", "US"]),
            email=f"person{n}@example.com", phone=f"+1 514-555-{n % 10000:04d}"))
    return people


def bare_badges(people: list[BadgeData]) -> bytes:
    """The floor: the same strings, four per A4 page, no layout, no QR code."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for index, badge in enumerate(people):
        x = (index % 2) * 100 * mm + 15 * mm
        y = ((index // 2) % 2) * 140 * mm + 60 * mm
        canvas.setFont(SANS, 20)
        canvas.drawString(x, y + 40 * mm, badge.name)
        canvas.setFont(SANS, 10)
        for line, text in enumerate((badge.job_title, badge.organization, badge.country,
                                     badge.category.value, MISSION)):
            canvas.drawString(x, y + (30 - 6 * line) * mm, text)
        if index % 4 == 3:
            canvas.showPage()
    canvas.save()
    return out.getvalue()


def itineraries(count: int, rng: random.Random) -> list[ItineraryData]:
    casablanca, montreal = ZoneInfo("Africa/Casablanca"), ZoneInfo("America/Toronto")
    organisers = [Contact(f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", "Mission coordinator",
                          "+212 6 61 40 20 07", "team@apebi.example") for _ in range(5)]
    people = []
    for n in range(count):
        day = date(2007, 5, 14)
        arrival = datetime(2007, 5, 14, 6, 50, tzinfo=UTC)
        appointments = []
        for d in range(4):
            for slot in range(5):
                start = datetime(2007, 5, 14 + d, 9 + slot * 2, 0)
                appointments.append(Appointment(
                    start, start + timedelta(minutes=30), "B2B meetings",
                    place="Espace Conférences Anfa", table=str(rng.randint(1, 40)),
                    other_party=rng.choice(ORGS),
                    interpreter="Leila Bennani" if slot == 0 else "") if slot % 2 else
                    Appointment(start, start + timedelta(minutes=90), "Plenary session",
                                "Séance plénière", place="Hôtel Anfa Atlantique"))
        people.append(ItineraryData(
            person_id=n + 1, name=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
            language=rng.choice(["en", "fr"]), organization=rng.choice(ORGS),
            mission_start=day, mission_end=day + timedelta(days=3),
            flights=[Flight("AT 209", (arrival - timedelta(hours=7, minutes=45))
                            .astimezone(montreal), arrival.astimezone(casablanca), "YUL",
                            "Montreal", "CMN", "Casablanca", "QX7P2L"),
                     Flight("AT 208", datetime(2007, 5, 17, 14, 30, tzinfo=casablanca),
                            datetime(2007, 5, 17, 17, 10, tzinfo=montreal), "CMN",
                            "Casablanca", "YUL", "Montreal")],
            rides=[Ride(datetime(2007, 5, 14, 7, 45, tzinfo=casablanca),
                        "Mohammed V International Airport", "Hôtel Anfa Atlantique",
                        VehicleKind.VAN, "Mercedes Vito", "Youssef", "+212 6 61 00 01 11")],
            stays=[Stay("Hôtel Anfa Atlantique", day, day + timedelta(days=3),
                        "Boulevard de la Corniche", "+212 5 22 00 00 00", "512")],
            appointments=appointments, organisers=organisers,
            emergency="Police: 19\nAmbulance and fire brigade: 15"))
    return people


def itinerary_strings(person: ItineraryData) -> list[str]:
    lines = [MISSION, person.name, person.organization]
    for flight in person.flights:
        lines.append(f"{flight.code} {flight.from_city} ({flight.from_code}) → {flight.to_city}"
                     f" ({flight.to_code}) {flight.departs:%H:%M} {flight.arrives:%H:%M}")
    for ride in person.rides:
        lines += [f"{ride.departs:%H:%M} {ride.pick_up} → {ride.drop_off}",
                  f"{ride.vehicle} {ride.driver} {ride.driver_phone}"]
    for stay in person.stays:
        lines += [f"Check-in {stay.hotel} {stay.room_number}", f"Check-out {stay.hotel}"]
    for item in person.appointments:
        lines += [f"{item.starts:%H:%M}–{item.ends:%H:%M} {item.title} {item.other_party}",
                  f"{item.place} {item.table} {item.interpreter}"]
    for contact in person.organisers:
        lines.append(f"{contact.name} {contact.role} {contact.phone} {contact.email}")
    return lines + person.emergency.split("\n")


def bare_itineraries(people: list[ItineraryData]) -> bytes:
    """The floor: each person's strings, one per line, a new page every 55 lines."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for person in people:
        y = 280 * mm
        canvas.setFont(SANS, 9)
        for text in itinerary_strings(person):
            if y < 20 * mm:
                canvas.showPage()
                canvas.setFont(SANS, 9)
                y = 280 * mm
            canvas.drawString(20 * mm, y, text)
            y -= 4.6 * mm
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def from_mission_file(size: int) -> tuple[float, int]:
    """Gathering and rendering every confirmed person's itinerary from a synthetic mission."""
    from desktop.db.missionfile import MissionFile
    from desktop.demo import build_synthetic

    with tempfile.TemporaryDirectory() as folder:
        mission = MissionFile.create(Path(folder) / "bench.mission")
        with mission.transaction() as session:
            build_synthetic(session, size=size, seed=2007)
        with mission.transaction() as session:
            document: list[Itinerary] = []

            def work() -> None:
                document[:] = [Itinerary.from_session(session)]
                document[0].render()

            seconds = timed(work, repeat=1)
            people = len(document[0].people)
        mission.close()
    return seconds, people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--badges", type=int, default=1000)
    parser.add_argument("--itineraries", type=int, default=300)
    parser.add_argument("--mission-size", type=int, default=300,
                        help="people in the synthetic mission read end to end (0: skip)")
    options = parser.parse_args()
    register_fonts()
    rng = random.Random(2007)

    people = badges(options.badges, rng)
    bare = timed(lambda: bare_badges(people))
    print(f"bare canvas, {len(people)} badges' strings: {bare:.2f} s")
    for workers in (1, None):
        sheet = BadgeSheet(people, mission_name=MISSION, layout="a4-4", workers=workers)
        seconds = timed(sheet.render)
        label = "one process" if workers == 1 else "all cores"
        print(f"badges, {len(people)} on A4 (4 per sheet), {label}: {seconds:.2f} s "
              f"(x{seconds / bare:.1f} the bare canvas)")

    folk = itineraries(options.itineraries, rng)
    bare = timed(lambda: bare_itineraries(folk))
    print(f"bare canvas, {len(folk)} itineraries' strings: {bare:.2f} s")
    document = Itinerary(folk, mission_name=MISSION)
    seconds = timed(document.render)
    pages = document.render().count(b"/Type /Page\n")
    print(f"itineraries, {len(folk)} people in one PDF: {seconds:.2f} s "
          f"(x{seconds / bare:.1f} the bare canvas){f', {pages} pages' if pages else ''}")
    if options.mission_size:
        seconds, count = from_mission_file(options.mission_size)
        print(f"itineraries read from a synthetic mission of {options.mission_size} people "
              f"({count} confirmed), gathered and rendered: {seconds:.2f} s")


if __name__ == "__main__":
    main()
