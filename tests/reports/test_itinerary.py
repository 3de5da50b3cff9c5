"""Personal itineraries, read back: exactly the person's flights and meetings, local times."""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from desktop.errors import Cancelled
from desktop.reports.itinerary import Itinerary, ItineraryData
from desktop.reports.selection import Selection
from tests.reports.conftest import Sample, pdf_text

PRINTED = datetime(2007, 5, 10, 16, 45)


def _one(session: Session, person_id: int, **options: object) -> str:
    document = Itinerary.from_session(session, Selection(person_ids=(person_id,)),
                                      printed_at=PRINTED, **options)
    return "\n".join(pdf_text(document.render()))


def test_an_itinerary_lists_that_persons_flights_in_local_time_at_each_airport(
        session: Session, sample: Sample) -> None:
    text = _one(session, sample.eloise)
    # AT 209 leaves Montreal at 19:05 EDT on the 13th and lands at 06:50 in Casablanca.
    assert "AT 209" in text and "19:05" in text and "06:50" in text
    assert "Montreal (YUL)" in text and "Casablanca (CMN)" in text
    assert "AT 208" in text and "14:30" in text and "17:10" in text
    assert "AT 201" not in text  # someone else's flight
    assert "QX7P2L" in text


def test_an_itinerary_lists_exactly_that_persons_meetings_with_table_and_interpreter(
        session: Session, sample: Sample) -> None:
    text = _one(session, sample.eloise)
    assert "Atlas Offshore" in text and "table T1" in text and "Leila Bennani" in text
    assert "Maroc Telecom" in text and "table T2" in text
    assert "09:00–09:30" in text and "10:00–10:30" in text
    assert "Kinetic" not in text  # the cancelled meeting is not printed
    other = _one(session, sample.max)
    assert "Atlas Offshore" in other and "9:30 AM–10:00 AM" in other  # he reads English
    assert "Maroc Telecom" not in other


def test_an_itinerary_has_transfer_hotel_sessions_contacts_and_emergency_numbers(
        session: Session, sample: Sample) -> None:
    text = _one(session, sample.eloise)
    assert "07:45" in text and "Aéroport Mohammed V" in text and "Mercedes Vito" in text
    assert "Hyatt Regency Casablanca" in text and "512" in text
    assert "Séance plénière d'ouverture" in text  # her document language is French
    assert "Visite de Casanearshore" not in text  # a session for a list she is not on
    assert "Nadia Alaoui" in text and "+212 6 61 23 45 67" in text
    assert "SAMU Casablanca: 15" in text


def test_the_cover_names_the_mission_and_the_person_and_every_page_says_when_printed(
        session: Session, sample: Sample) -> None:
    document = Itinerary.from_session(session, Selection(person_ids=(sample.max,)),
                                      printed_at=PRINTED, language="en")
    pages = pdf_text(document.render())
    assert "Mission B2B offshoring IT — Maroc 2007" in pages[0]
    assert "Rochefoucauld" in pages[0] and "Personal itinerary" in pages[0]
    for number, page in enumerate(pages, start=1):
        assert "Printed on May 10, 2007 at 4:45 PM" in page
        assert f"Page {number} of {len(pages)}" in page
    assert "9:30 AM" in pages[1]  # English times for an English itinerary


def test_a_combined_batch_starts_each_person_on_a_new_page_with_their_own_numbering(
        session: Session, sample: Sample) -> None:
    document = Itinerary.from_session(session, printed_at=PRINTED)
    people = [p.name for p in document.people]
    pages = pdf_text(document.render())
    # Each person's pages are in their language: "Page 1 of 2", "Page 1 sur 2".
    starts = [i for i, page in enumerate(pages) if "Page 1 of" in page or "Page 1 sur" in page]
    assert len(starts) == len(people) == 5
    for start, name in zip(starts, people, strict=True):
        # Arabic is printed as shaped presentation forms; NFKC reads them back as letters.
        page = unicodedata.normalize("NFKC", "".join(pages[start].split()))
        assert "".join(name.split())[:6] in page


def test_a_batch_can_be_split_into_one_file_per_person(
        session: Session, sample: Sample, tmp_path: Path) -> None:
    document = Itinerary.from_session(session, printed_at=PRINTED)
    steps: list[tuple[int, int]] = []
    paths = document.write_split(tmp_path / "out", on_progress=lambda d, t: steps.append((d, t)))
    assert len(paths) == 5 and steps[-1] == (5, 5)
    assert any(p.name.endswith("-ouellet-eloise.pdf") for p in paths) or any(
        "eloise" in p.name for p in paths)
    for path in paths:
        assert len(PdfReader(path).pages) >= 2


def test_a_split_batch_that_is_stopped_leaves_no_file_behind(
        session: Session, sample: Sample, tmp_path: Path) -> None:
    document = Itinerary.from_session(session, printed_at=PRINTED)
    steps: list[int] = []
    with pytest.raises(Cancelled):
        document.write_split(tmp_path / "out", on_progress=lambda d, t: steps.append(d),
                             should_cancel=lambda: len(steps) >= 3)
    assert list((tmp_path / "out").iterdir()) == []


def test_a_preview_is_the_first_page_only() -> None:
    document = Itinerary([ItineraryData(1, "Zoë Ng", "fr")], mission_name="M")
    assert len(PdfReader(io.BytesIO(document.render(first_page_only=True))).pages) == 1
    assert len(PdfReader(io.BytesIO(document.render())).pages) == 2


def test_a_batch_reports_progress_per_person_while_laying_out_and_can_be_stopped(
        session: Session, sample: Sample) -> None:
    document = Itinerary.from_session(session, printed_at=PRINTED)
    steps: list[tuple[int, int]] = []
    document.render(on_progress=lambda done, total: steps.append((done, total)))
    assert steps == [(n, 5) for n in range(6)]
    asked: list[int] = []

    def stop_after_two() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(Cancelled):
        document.render(should_cancel=stop_after_two)


def test_a_table_named_table_3_is_not_printed_table_table_3() -> None:
    from desktop.reports.itinerary import Appointment

    meeting = Appointment(datetime(2007, 5, 15, 9), datetime(2007, 5, 15, 9, 20), "B2B",
                          table="Table 3", other_party="Atlas Offshore")
    document = Itinerary([ItineraryData(1, "Zoë Ng", "en", appointments=[meeting])],
                         mission_name="M")
    text = " ".join(" ".join(pdf_text(document.render())).split())
    assert "Atlas Offshore, table 3" in text and "Table Table" not in text


def test_a_dawn_arrival_checks_in_on_the_morning_it_lands_with_the_room_held_from_the_eve(
        ) -> None:
    from datetime import date, timedelta, timezone

    from desktop.db.enums import VehicleKind
    from desktop.reports.itinerary import Flight, Ride, Stay

    utc = timezone(timedelta(0))
    landing = Flight("AT 201", datetime(2007, 5, 12, 18, 0, tzinfo=timezone(timedelta(hours=-4))),
                     datetime(2007, 5, 13, 5, 50, tzinfo=utc), "JFK", "New York", "CMN",
                     "Casablanca")
    ride = Ride(datetime(2007, 5, 13, 6, 35, tzinfo=utc), "Mohammed V International Airport",
                "Hôtel Anfa Atlantique", VehicleKind.VAN)
    stay = Stay("Hôtel Anfa Atlantique", date(2007, 5, 12), date(2007, 5, 16))
    person = ItineraryData(1, "Karim Benjelloun", "en", flights=[landing], rides=[ride],
                           stays=[stay])
    text = " ".join(" ".join(pdf_text(Itinerary([person], mission_name="M").render())).split())
    saturday, sunday = text.index("Saturday 12 May 2007"), text.index("Sunday 13 May 2007")
    check_in = text.index("Check-in")
    assert saturday < sunday < check_in
    assert "Room held from the night of 12 May." in text


def test_an_interpreters_itinerary_lists_the_meetings_she_interprets(
        session: Session, sample: Sample) -> None:
    from sqlalchemy import select

    from desktop.db.enums import Category
    from desktop.db.models import Interpreter, Person

    leila = Person(given_name="Leila", family_name="Bennani", category=Category.STAFF,
                   document_language="en")
    session.add(leila)
    session.flush()
    session.scalars(select(Interpreter)).one().person_id = leila.id
    session.flush()
    text = " ".join(_one(session, leila.id).split())
    assert "Interpreting at the meeting of Nuvolo Systems – Atlas Offshore, table T1" in text
