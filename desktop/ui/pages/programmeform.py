"""The Programme page's editor: a session's fields, in English and French, times at the venue.

Only the audience fields that apply are enabled (a category, a side, or a list of people
chosen in a picker); the room list follows the venue; the venue's time zone is shown under
the times, which are wall-clock times there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop.dates import parse_clock
from desktop.db.enums import Audience, Category, SessionKind, Side, label
from desktop.errors import Problem, ValidationError
from desktop.i18n import _
from desktop.program import sessions as service
from desktop.ui.attendees import AttendeesField, RosterEntry
from desktop.ui.forms import RecordForm, day_example, format_day

#: (venue id, caption, time zone)
VenueChoice = tuple[int, str, str]
#: (room id, venue id, caption)
RoomChoice = tuple[int, int, str]


class ProgrammeForm(RecordForm):
    """A session's fields; times are wall-clock times at the venue.

    Signals: those of :class:`~desktop.ui.forms.RecordForm`.
    """

    def __init__(self, roster: Callable[[], Sequence[RosterEntry]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._venues: list[VenueChoice] = []
        self._rooms: list[RoomChoice] = []
        self.home_zone = ""
        self.line("title", _("&Title"), 200)
        self.line("title_fr", _("Title in &French"), 200)
        self.choice("kind", _("&Kind"), [(label(k), k.value) for k in SessionKind])
        self.line("day", _("&Day"), 10, day_example(date(2007, 5, 15)))
        self.line("starts_at", _("&Starts"), 5, _("e.g. 09:00 (venue time)"))
        self.line("ends_at", _("&Ends"), 5, _("e.g. 10:30 (venue time)"))
        self.zone_note = QLabel()
        self.zone_note.setObjectName("zoneNote")
        self.zone_note.setEnabled(False)
        self.layout_.addRow("", self.zone_note)
        self.choice("venue_id", _("&Venue"), [(_("(none)"), None)])
        self.choice("room_id", _("&Room"), [(_("(none)"), None)])
        self.choice("audience", _("&Audience"), [(label(a), a.value) for a in Audience])
        self.choice("audience_category", _("Audience ca&tegory"),
                    [(_("(none)"), None)] + [(label(c), c.value) for c in Category])
        self.choice("audience_side", _("Audience s&ide"),
                    [(_("(none)"), None)] + [(label(s), s.value) for s in Side])
        self.attendees = AttendeesField(roster)
        self.add_field("attendee_ids", _("Who &attends"), self.attendees)
        self.line("slot_minutes", _("B2B s&lot minutes"), 4)
        self.notes("description", _("Descri&ption"))
        self.notes("description_fr", _("Description in Fre&nch"))
        self.notes("notes", _("N&otes"))
        self.combo("venue_id").currentIndexChanged.connect(self._venue_changed)
        self.combo("audience").currentIndexChanged.connect(self._audience_changed)
        self._audience_changed()

    def combo(self, name: str) -> QComboBox:
        widget = self.fields[name]
        assert isinstance(widget, QComboBox)
        return widget

    # -- choices -----------------------------------------------------------------------------

    def set_places(self, venues: list[VenueChoice], rooms: list[RoomChoice],
                   home_zone: str) -> None:
        """The venues and rooms to choose from, and the zone of sessions without a venue."""
        self._venues, self._rooms, self.home_zone = venues, rooms, home_zone
        loading, self._loading = self._loading, True
        try:
            venue = self.value("venue_id")
            combo = self.combo("venue_id")
            combo.clear()
            combo.addItem(_("(none)"), None)
            for venue_id, caption, _zone in venues:
                combo.addItem(caption, venue_id)
            self.set_value("venue_id", venue)
            self._fill_rooms()
        finally:
            self._loading = loading
        self._show_zone()

    def _fill_rooms(self) -> None:
        """The rooms of the chosen venue (all rooms, with their venue, when there is none)."""
        venue = self.value("venue_id")
        room = self.value("room_id")
        combo = self.combo("room_id")
        combo.clear()
        combo.addItem(_("(none)"), None)
        for room_id, venue_id, caption in self._rooms:
            if venue is None or venue_id == venue:
                combo.addItem(caption, room_id)
        self.set_value("room_id", room)

    def _venue_changed(self) -> None:
        loading, self._loading = self._loading, True
        try:
            self._fill_rooms()
        finally:
            self._loading = loading
        self._show_zone()

    def _show_zone(self) -> None:
        venue = self.value("venue_id")
        zone = next((z for v, _c, z in self._venues if v == venue), self.home_zone)
        self.zone_note.setText(_("Venue time: {zone}").format(zone=zone)
                               if zone else "")

    def _audience_changed(self) -> None:
        audience = self.value("audience")
        for name, wanted in (("audience_category", Audience.CATEGORY),
                             ("audience_side", Audience.SIDE),
                             ("attendee_ids", Audience.LIST)):
            self.fields[name].setEnabled(audience == wanted.value)
        self.attendees.set_instead({
            Audience.EVERYONE.value: _("Everyone on the mission"),
            Audience.CATEGORY.value: _("Everyone in the audience category"),
            Audience.SIDE.value: _("Everyone on the audience side"),
        }.get(audience or "", ""))

    # -- values ------------------------------------------------------------------------------

    def fill(self, data: service.ProgramSessionInput) -> None:
        for name in ("title", "title_fr", "description", "description_fr", "notes"):
            self.set_value(name, getattr(data, name))
        self.set_value("kind", SessionKind(data.kind).value)
        self.set_value("day", format_day(data.starts_at.date()))
        self.set_value("starts_at", data.starts_at.strftime("%H:%M"))
        self.set_value("ends_at", data.ends_at.strftime("%H:%M"))
        self.set_value("venue_id", data.venue_id)
        self._fill_rooms()
        self.set_value("room_id", data.room_id)
        self.set_value("audience", Audience(data.audience).value)
        self.set_value("audience_category", data.audience_category)
        self.set_value("audience_side", data.audience_side)
        self.set_value("attendee_ids", data.attendee_ids)
        self.set_value("slot_minutes", data.slot_minutes or "")
        self._show_zone()
        self._audience_changed()

    def collect(self) -> service.ProgramSessionInput:
        problems: list[Problem] = []
        day = self.day("day", problems)
        if day is None and not problems:
            problems.append(Problem(_("The day is required."), field="day"))
        times = {}
        for name in ("starts_at", "ends_at"):
            try:
                times[name] = parse_clock(self.text(name))
            except ValueError as exc:
                problems.append(Problem(str(exc), field=name))
        slot_text = self.text("slot_minutes").strip()
        slot = None
        if slot_text:
            if slot_text.isdigit():
                slot = int(slot_text)
            else:
                problems.append(Problem(_("Write the slot length in minutes, e.g. 20."),
                                        field="slot_minutes"))
        if problems:
            raise ValidationError(problems)
        assert day is not None
        audience = Audience(self.value("audience"))
        category, side = self.value("audience_category"), self.value("audience_side")
        return service.ProgramSessionInput(
            title=self.text("title"), kind=SessionKind(self.value("kind")),
            starts_at=datetime.combine(day, times["starts_at"]),
            ends_at=datetime.combine(day, times["ends_at"]),
            venue_id=self.value("venue_id"), room_id=self.value("room_id"),
            audience=audience,
            audience_category=(Category(category) if category
                               and audience == Audience.CATEGORY else None),
            audience_side=Side(side) if side and audience == Audience.SIDE else None,
            attendee_ids=self.value("attendee_ids") if audience == Audience.LIST else [],
            title_fr=self.text("title_fr"), description=self.text("description"),
            description_fr=self.text("description_fr"), slot_minutes=slot,
            notes=self.text("notes"))
