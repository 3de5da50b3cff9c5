"""Personal calendars (.ics), read back with the icalendar parser: each event at its true
instant and in its own time zone, the texts in the person's language, lasting identities."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from sqlalchemy.orm import Session

from desktop.cli import main
from desktop.db.missionfile import MissionFile
from desktop.errors import Cancelled, UsageError
from desktop.exchange.calendars import (
    gather_calendars,
    person_calendar,
    write_calendar,
    write_calendars,
)
from desktop.reports.selection import Selection
from tests.reports.conftest import Sample, build_sample


def _events(data: bytes) -> dict[str, Any]:
    """The calendar's events by summary (each summary is unique in the sample)."""
    calendar = Calendar.from_ical(data)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == len(calendar.walk("VEVENT"))
    return events


def _calendar_of(session: Session, person_id: int, language: str | None = None) -> bytes:
    people, name, domain = gather_calendars(session, Selection(person_ids=(person_id,)),
                                            language)
    return person_calendar(people[0], mission_name=name, domain=domain)


def test_a_calendar_holds_that_persons_itinerary_at_the_true_instants(
        session: Session) -> None:
    sample = build_sample(session)
    events = _events(_calendar_of(session, sample.eloise, "en"))
    flight = events["Flight AT 209: Montreal (YUL) → Casablanca (CMN)"]
    start, end = flight.decoded("dtstart"), flight.decoded("dtend")
    # Leaves Montreal at 19:05 EDT, lands at 06:50 in Casablanca: each in its own zone.
    assert (start.hour, start.minute, str(start.tzinfo)) == (19, 5, "America/Toronto")
    assert (end.hour, end.minute, str(end.tzinfo)) == (6, 50, "Africa/Casablanca")
    assert start.astimezone(UTC) == datetime(2007, 5, 13, 23, 5, tzinfo=UTC)
    assert "QX7P2L" in str(flight["description"])
    meeting = events["B2B meeting: Atlas Offshore"]
    assert meeting.decoded("dtstart").hour == 9 and str(meeting["location"]).startswith("T1")
    assert "Leila Bennani" in str(meeting["description"])  # the interpreter
    assert "B2B meeting: Kinetic Data Corporation of North America" not in events  # cancelled
    stay = events["Stay: Hyatt Regency Casablanca"]
    assert isinstance(stay.decoded("dtstart"), date)  # whole days, the nights of the stay
    assert not isinstance(stay.decoded("dtstart"), datetime)
    assert "512" in str(stay["description"])
    ride = next(e for s, e in events.items() if s.startswith("Transfer: Aéroport Mohammed V"))
    assert ride.decoded("dtstart").hour == 7 and "dtend" not in ride  # no arrival time known
    assert "Mercedes Vito" in str(ride["description"])
    assert "Visite de Casanearshore" not in str(events)  # a session she is not on
    calendar = Calendar.from_ical(_calendar_of(session, sample.eloise, "en"))
    zones = {str(z["tzid"]) for z in calendar.walk("VTIMEZONE")}
    assert {"America/Toronto", "Africa/Casablanca"} <= zones  # every TZID is defined


def test_the_texts_follow_the_persons_language(session: Session) -> None:
    sample = build_sample(session)
    events = _events(_calendar_of(session, sample.eloise))  # she reads French
    assert "Vol AT 209\u00a0: Montreal (YUL) → Casablanca (CMN)" in events
    assert "Rendez-vous B2B\u00a0: Atlas Offshore" in events
    assert "Séance plénière d'ouverture" in events


def test_events_keep_their_identity_from_one_export_to_the_next(session: Session) -> None:
    sample = build_sample(session)
    first = Calendar.from_ical(_calendar_of(session, sample.eloise))
    again = Calendar.from_ical(_calendar_of(session, sample.eloise))
    uids = [str(e["uid"]) for e in first.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["uid"]) for e in again.walk("VEVENT")]
    other = Calendar.from_ical(_calendar_of(session, sample.max))
    assert not set(uids) & {str(e["uid"]) for e in other.walk("VEVENT")}  # one meeting, two
    # people: each has an event of their own, so one calendar may import both files.
    from desktop.db.models import Mission

    mission = session.get(Mission, 1)
    assert mission is not None
    mission.name = "Another name"  # a new name changes no event's identity
    session.flush()
    renamed = Calendar.from_ical(_calendar_of(session, sample.eloise))
    assert uids == [str(e["uid"]) for e in renamed.walk("VEVENT")]


def test_an_interpreters_calendar_holds_the_meetings_she_interprets(session: Session) -> None:
    from sqlalchemy import select

    from desktop.db.enums import Category
    from desktop.db.models import Interpreter, Person

    build_sample(session)
    leila = Person(given_name="Leila", family_name="Bennani", category=Category.STAFF)
    session.add(leila)
    session.flush()
    interpreter = session.scalars(select(Interpreter)).one()
    interpreter.person_id = leila.id
    session.flush()
    events = _events(_calendar_of(session, leila.id, "en"))
    meeting = events["Interpreting: Nuvolo Systems – Atlas Offshore"]
    assert meeting.decoded("dtstart").hour == 9 and str(meeting["location"]).startswith("T1")

def test_one_file_for_one_person_and_a_folder_for_several(session: Session,
                                                          tmp_path: Path) -> None:
    sample = build_sample(session)
    people, name, domain = gather_calendars(
        session, Selection(person_ids=(sample.eloise, sample.max)))
    with pytest.raises(UsageError, match="one person"):
        write_calendar(people, tmp_path / "both.ics", mission_name=name, domain=domain)
    assert not list(tmp_path.glob("*.ics*"))
    written = write_calendars(people, tmp_path / "cals", mission_name=name, domain=domain)
    assert sorted(p.name for p in written) == sorted(p.name for p in (tmp_path / "cals").iterdir())
    assert all(p.suffix == ".ics" and Calendar.from_ical(p.read_bytes()) for p in written)


def test_file_names_fall_back_to_the_latin_name_and_a_clash_writes_nothing(
        session: Session, tmp_path: Path) -> None:
    from desktop.errors import MissionDeskError

    sample = build_sample(session)  # Mohammed El Fassi's badge name is in Arabic
    people, name, domain = gather_calendars(
        session, Selection(person_ids=(sample.eloise, sample.mohammed)))
    written = write_calendars(people, tmp_path / "a", mission_name=name, domain=domain)
    assert sorted(p.name for p in written) == ["0001-eloise-ouellet.ics",
                                               "0003-mohammed-el-fassi.ics"]
    clash = tmp_path / "b"
    (clash / "0003-mohammed-el-fassi.ics").mkdir(parents=True)  # a folder of that name
    with pytest.raises(MissionDeskError, match=r"0003-mohammed-el-fassi\.ics: it is a folder"):
        write_calendars(people, clash, mission_name=name, domain=domain)
    assert [p.name for p in clash.iterdir()] == ["0003-mohammed-el-fassi.ics"]  # nothing else


def test_a_stopped_batch_leaves_nothing(session: Session, tmp_path: Path) -> None:
    sample = build_sample(session)
    people, name, domain = gather_calendars(
        session, Selection(person_ids=(sample.eloise, sample.max)))
    seen: list[int] = []
    folder = tmp_path / "calendars"
    with pytest.raises(Cancelled):
        write_calendars(people, folder, mission_name=name, domain=domain,
                        on_progress=lambda done, _total: seen.append(done),
                        should_cancel=lambda: len(seen) >= 1)
    assert list(folder.iterdir()) == []


def test_the_command_writes_calendars(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    path = tmp_path / "sample.mission"
    with MissionFile.create(path) as created, created.transaction() as session:
        from desktop.missions import MissionInput, create_mission

        create_mission(session, MissionInput("Sample", date(2007, 5, 13), date(2007, 5, 18)))
        sample: Sample = build_sample(session)
    one = tmp_path / "eloise.ics"
    assert main(["export", "calendar", "--mission", str(path), "--person",
                 str(sample.eloise), "-o", str(one)]) == 0
    assert "Rendez-vous B2B\u00a0: Atlas Offshore" in _events(one.read_bytes())
    assert main(["export", "calendar", "--mission", str(path), "--split-dir",
                 str(tmp_path / "all"), "--lang", "en"]) == 0
    assert len(list((tmp_path / "all").iterdir())) >= 2
    capsys.readouterr()
    assert main(["export", "calendar", "--mission", str(path), "-o", str(one)]) == 2
    assert "one person" in capsys.readouterr().err
    assert main(["export", "calendar", "--mission", str(path)]) == 2
    assert "--split-dir" in capsys.readouterr().err
    assert main(["export", "calendar", "--mission", str(path), "--person",
                 str(sample.eloise), "-o", str(tmp_path / "eloise.txt")]) == 2
    assert "ends in .ics" in capsys.readouterr().err
