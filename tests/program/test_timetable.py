"""The programme as a timetable: lanes for overlapping sessions, hours shown."""

from __future__ import annotations

from datetime import date, datetime

from desktop.db.enums import SessionKind
from desktop.program.timetable import Entry, hour_span, lay_out

DAY = date(2007, 5, 15)


def entry(n: int, start: str, end: str, day: date = DAY) -> Entry:
    def at(text: str) -> datetime:
        hours, minutes = map(int, text.split(":"))
        return datetime(day.year, day.month, day.day, hours, minutes)

    return Entry(n, at(start), at(end), f"Session {n}", "", SessionKind.PLENARY)


def test_overlapping_sessions_share_the_day_in_lanes_and_the_others_have_it_whole() -> None:
    entries = [entry(1, "09:00", "17:00"), entry(2, "12:30", "14:00"),
               entry(3, "13:00", "13:30"), entry(4, "18:00", "19:00"),
               entry(5, "09:00", "10:00", date(2007, 5, 16))]
    boxes = {b.entry.id: b for b in lay_out(entries, [DAY, date(2007, 5, 16)])}
    assert (boxes[1].lane, boxes[2].lane, boxes[3].lane) == (0, 1, 2)
    assert {boxes[n].lanes for n in (1, 2, 3)} == {3}
    assert (boxes[4].lane, boxes[4].lanes) == (0, 1)  # after the group: the whole width
    assert (boxes[5].day, boxes[5].lanes) == (1, 1)
    assert (boxes[1].start, boxes[1].end) == (9.0, 17.0)
    # A lane frees up once its session is over.
    boxes = {b.entry.id: b for b in lay_out(
        [entry(1, "09:00", "12:00"), entry(2, "09:30", "10:00"), entry(3, "10:00", "11:00")],
        [DAY])}
    assert (boxes[2].lane, boxes[3].lane, boxes[3].lanes) == (1, 1, 2)


def test_a_session_past_midnight_is_cut_at_the_end_of_its_day() -> None:
    late = Entry(1, datetime(2007, 5, 17, 22, 0), datetime(2007, 5, 18, 1, 30), "Gala", "",
                 SessionKind.RECEPTION)
    (box,) = lay_out([late], [date(2007, 5, 17)])
    assert (box.start, box.end) == (22.0, 24.0)


def test_the_hours_shown_cover_every_session_and_at_least_the_working_day() -> None:
    assert hour_span([]) == (8, 18)
    boxes = lay_out([entry(1, "06:30", "09:00"), entry(2, "19:30", "22:15")], [DAY])
    assert hour_span(boxes) == (6, 23)
    assert hour_span(boxes, 9, 12) == (6, 23)
