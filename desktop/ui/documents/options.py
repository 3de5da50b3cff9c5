"""The left side of the Documents page: which document, for whom, in which language and form.

Only the rows the chosen document uses are shown; :meth:`DocumentOptions.request` gathers
them into a :class:`~desktop.ui.documents.kinds.DocumentRequest`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QWidget,
)

from desktop.db.enums import Category, source_label
from desktop.i18n import N_, _, current_language, format_date
from desktop.ui.documents.checklist import CheckList
from desktop.ui.documents.choices import Choices
from desktop.ui.documents.kinds import KINDS, DocumentRequest
from desktop.validation import language_name

DEFAULT_LAYOUT = "a4-4"
CATEGORY_PLURALS: dict[Category, str] = {
    Category.DELEGATE: N_("Delegates"), Category.HOST: N_("Hosts"),
    Category.ORGANISER: N_("Organisers"), Category.SPEAKER: N_("Speakers"),
    Category.VIP: N_("VIPs"), Category.PRESS: N_("Press"), Category.STAFF: N_("Staff"),
}


def _combo(name: str, entries: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, data in entries:
        combo.addItem(text, data)
    return combo


class DocumentOptions(QWidget):
    """The choices of one document.

    Signals:
        changed(): any choice changed (the page refreshes its preview, debounced).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.reports.layouts import LAYOUTS

        self.choices = Choices()
        self.kind = _combo("kind", [(_(k.title), k.key) for k in KINDS.values()])
        self.who = _combo("who", [(_("Everyone confirmed"), "confirmed"),
                                  (_("Everyone confirmed in a category"), "category"),
                                  (_("Chosen people"), "people"), (_("One person"), "person")])
        self.category = _combo("category", [(_(source_label(c)), c) for c in Category])
        self.people = CheckList(_("Find a person"))
        self.people.setObjectName("people")
        self.person = _combo("person", [])
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.person.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.sort = _combo("sort", [(_("By name"), "name"), (_("By organisation"),
                                                              "organization")])
        self.language = _combo("language", [])
        self.layout_choice = _combo("layout", [(_(layout.description), key)
                                               for key, layout in LAYOUTS.items()])
        self.crop_marks = QCheckBox(_("Crop marks"))
        self.crop_marks.setObjectName("cropMarks")
        self.crop_marks.setChecked(True)
        self.split = _combo("output", [(_("One PDF for everyone"), False),
                                       (_("One PDF per person, into a folder"), True)])
        self.participants = CheckList(_("Find a participant"))
        self.participants.setObjectName("participants")
        self.block = _combo("block", [])
        self.agenda_block = _combo("agendaBlock", [])  # agendas, signs: one block or every one
        self.b2b_day = _combo("b2bDay", [])  # ... and one of its days, or every one
        self.hotel = _combo("hotel", [])
        self.run_day = _combo("runDay", [])
        self.runs = CheckList(_("Find a run"))
        self.runs.setObjectName("runs")
        self.day = _combo("day", [])
        self.preset = _combo("preset", [])
        self.group_by = _combo("groupBy", [(_("By organisation"), "organization"),
                                           (_("By side"), "side")])
        self.sensitive = QCheckBox(_("Include passport numbers and dates of birth"))
        self.sensitive.setObjectName("sensitive")

        self.layout_choice.setCurrentIndex(self.layout_choice.findData(DEFAULT_LAYOUT))
        self.layout_choice.currentIndexChanged.connect(self._layout_chosen)
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, list[QWidget]] = {}
        for key, label, widget in (
                ("kind", _("&Document"), self.kind), ("who", _("&Who"), self.who),
                ("category", _("&Category"), self.category), ("people", "", self.people),
                ("person", _("&Person"), self.person), ("sort", _("&Sorted"), self.sort),
                ("layout", _("&Layout"), self.layout_choice), ("crop", "", self.crop_marks),
                ("language", _("L&anguage"), self.language),
                ("split", _("&Output"), self.split),
                ("participants", _("Partici&pants"), self.participants),
                ("block", _("B2B &block"), self.block),
                ("agenda_block", _("B2B &block"), self.agenda_block),
                ("b2b_day", _("Da&y"), self.b2b_day),
                ("hotel", _("&Hotel"), self.hotel),
                ("run_day", _("Da&y"), self.run_day), ("runs", _("&Runs"), self.runs),
                ("day", _("Da&y"), self.day), ("preset", _("&List"), self.preset),
                ("group_by", _("&Grouped"), self.group_by), ("sensitive", "", self.sensitive)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            self.form.addRow(caption, widget)
            self.rows[key] = [caption, widget]
        for combo in (self.kind, self.who, self.category, self.person, self.sort, self.language,
                      self.layout_choice, self.split, self.block, self.agenda_block,
                      self.b2b_day, self.hotel, self.day,
                      self.preset, self.group_by):
            combo.currentIndexChanged.connect(self._changed)
        self.run_day.currentIndexChanged.connect(self._fill_runs)
        for box in (self.crop_marks, self.sensitive):
            box.toggled.connect(self._changed)
        for checklist in (self.people, self.participants, self.runs):
            checklist.changed.connect(self.changed)
        self._fill_presets()
        self._show_rows()

    # -- filling -----------------------------------------------------------------------------

    def set_choices(self, choices: Choices) -> None:
        """Fill the lists from the mission (keeps what is chosen where it still exists)."""
        self.choices = choices
        self.blockSignals(True)
        self.people.set_entries(choices.people)
        self._refill(self.person, [(text, pid) for pid, text in choices.people])
        self.participants.set_entries(choices.participants, checked=True)
        self._refill(self.block, [(text, bid) for bid, text in choices.blocks])
        self._refill(self.agenda_block, [(_("Every block"), None)]
                     + [(text, bid) for bid, text in choices.blocks])
        self._fill_b2b_days()
        self._refill(self.hotel, [(text, hid) for hid, text in choices.hotels])
        days = sorted({run.day for run in choices.runs})
        self._refill(self.run_day, [(_("Every day"), None)]
                     + [(format_date(d, "full"), d) for d in days])
        self._refill(self.day, [(format_date(d, "full"), d) for d in choices.flight_days])
        self._fill_runs()
        self._fill_languages()
        self._show_rows()
        self.blockSignals(False)
        self.changed.emit()

    @staticmethod
    def _refill(combo: QComboBox, entries: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in entries:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(index, 0) if entries else -1)
        combo.blockSignals(False)

    def _fill_runs(self) -> None:
        day = self.run_day.currentData()
        self.runs.set_entries([(run.id, run.text) for run in self.choices.runs
                               if day is None or run.day == day], checked=True)

    def _fill_b2b_days(self) -> None:
        days = self.choices.b2b_days(self.agenda_block.currentData())
        self._refill(self.b2b_day, [(_("Every day"), None)]
                     + [(format_date(d, "full"), d) for d in days])

    def _fill_presets(self) -> None:
        from desktop.exchange.exporter import EXPORT_FIELDS, PRESETS

        sensitive = self.sensitive.isChecked()
        entries = [(preset.title, name) for name, preset in PRESETS.items()
                   if sensitive or name == "full-roster"
                   or not any(EXPORT_FIELDS[k].sensitive for k in preset.fields)]
        self._refill(self.preset, entries)
        if self.preset.currentData() is None or (self.preset.findData("contacts") >= 0 \
                and self.preset.currentIndex() == 0 and not sensitive):
            self.preset.setCurrentIndex(max(self.preset.findData("contacts"), 0))

    # -- reacting ----------------------------------------------------------------------------

    def _changed(self) -> None:
        if self.sender() is self.sensitive:
            self._fill_presets()
        if self.sender() is self.kind:
            self._fill_languages()
        if self.sender() is self.agenda_block:
            self._fill_b2b_days()
        self._show_rows()
        self.changed.emit()

    def _layout_chosen(self) -> None:
        from desktop.reports.layouts import LAYOUTS

        layout = LAYOUTS.get(self.layout_choice.currentData())
        if layout is not None:
            self.crop_marks.setChecked(layout.crop_marks)

    def _fill_languages(self) -> None:
        if self.kind.currentData() == "itinerary":
            first = _("Each person's own language")
        else:
            first = _("The mission's language ({language})").format(
                language=language_name(self.choices.document_language, current_language()))
        current = self.language.currentData()
        self._refill(self.language, [(first, None), ("English", "en"), ("Français", "fr")])
        self.language.setCurrentIndex(max(self.language.findData(current), 0))

    def _show_rows(self) -> None:
        if self.language.count() == 0:
            self._fill_languages()
        kind = KINDS[self.kind.currentData()]
        who = self.who.currentData()
        shown = set(kind.options)
        if "layout" in shown:
            shown.add("crop")
        if "who" in shown:
            shown |= {"sort", {"category": "category", "people": "people",
                               "person": "person"}.get(who, "who")}
        if "transfers" in shown:
            shown |= {"run_day", "runs"}
        if "directory" in shown:
            shown |= {"preset", "group_by", "sensitive"}
        shown.add("kind")
        for key, widgets in self.rows.items():
            for widget in widgets:
                widget.setVisible(key in shown)

    # -- reading -----------------------------------------------------------------------------

    def request(self) -> DocumentRequest:
        """The choices as a request for the background job."""
        who = self.who.currentData()
        ids: tuple[int, ...] = ()
        if who == "people":
            ids = tuple(self.people.checked_ids())
        elif who == "person" and self.person.currentData() is not None:
            ids = (int(self.person.currentData()),)
        participants = None if self.participants.all_checked() \
            else tuple(self.participants.checked_ids())
        kind = self.kind.currentData()
        b2b = kind in ("b2b-participant", "b2b-table")
        day: date | None = (self.b2b_day if b2b else self.day).currentData()
        return DocumentRequest(
            kind=kind, who=who, category=self.category.currentData(),
            person_ids=ids, sort=self.sort.currentData(), language=self.language.currentData(),
            layout=self.layout_choice.currentData(), crop_marks=self.crop_marks.isChecked(),
            split=bool(self.split.currentData()), participant_ids=participants,
            block_id=(self.agenda_block if b2b else self.block).currentData(),
            hotel_id=self.hotel.currentData(), day=day, transfer_ids=tuple(self.runs.checked_ids()),
            group_by=self.group_by.currentData(), preset=self.preset.currentData() or "contacts",
            include_sensitive=self.sensitive.isChecked())

    def subject(self) -> str:
        """Who or what the document is about, for its file name ("Delegates", a hotel)."""
        kind = self.kind.currentData()
        if "who" in KINDS[kind].options:
            who = self.who.currentData()
            if who == "category":
                return _(CATEGORY_PLURALS[self.category.currentData()])
            if who == "person":
                return self.person.currentText().split(" (")[0]
            if who == "people":
                return _("Chosen people")
            return _("Everyone")
        if kind in ("b2b-participant", "b2b-table"):
            chosen = [combo.currentText() for combo in (self.agenda_block, self.b2b_day)
                      if combo.currentData() is not None]
            return " — ".join(chosen)
        combo = {"b2b-grid": self.block, "rooming-list": self.hotel,
                 "arrivals-board": self.day, "directory": self.preset,
                 "transfer-manifest": self.run_day}.get(kind)
        return combo.currentText() if combo is not None else ""

    def set_kind(self, key: str) -> None:
        """Show the document ``key`` (``"directory"`` ...)."""
        self.kind.setCurrentIndex(max(self.kind.findData(key), 0))
