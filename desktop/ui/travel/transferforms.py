"""The run editor (time local to where the run leaves from) and the Group transfers dialog
(options, then the proposed runs to look over before applying them)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.db.enums import TransferDirection, TransferStatus, VehicleKind, label
from desktop.errors import Problem, ValidationError
from desktop.i18n import _, ngettext
from desktop.travel.localtime import format_local
from desktop.travel.proposals import TransferPlan
from desktop.travel.transfers import TransferInput
from desktop.ui.forms import RecordForm
from desktop.ui.travel.fields import (
    describe_zone,
    end_form,
    field_hint,
    format_local_field,
    local_example,
    local_field,
    parse_local,
)
from desktop.validation import format_phone


@dataclass(frozen=True)
class PlanOptions:
    window_minutes: int
    capacity: int | None  # None: cars, vans, minibuses and coaches as needed


class TransferForm(RecordForm):
    """A run: where from and to, when (local to the pick-up place), vehicle, seats, driver."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zones: dict[int, str] = {}
        self.choice("direction", _("&Way"), [(label(d), d.value) for d in TransferDirection])
        self.choice("from_venue_id", _("&From"), [])
        self.choice("to_venue_id", _("&To"), [])
        self.line("departs_local", _("&Leaves at"), 25, local_example(datetime(2007, 5, 14, 7, 15)))
        self.line("capacity", _("&Seats"), 4, _("passenger seats, e.g. 7"))
        self.choice("vehicle_kind", _("&Vehicle"), [(label(k), k.value) for k in VehicleKind])
        self.line("vehicle", _("Vehicle &details"), 100, _("e.g. white Mercedes Vito"))
        self.line("driver_name", _("D&river"), 100)
        self.line("driver_phone", _("Driver's &phone"), 40, _("e.g. +212 6 61 23 45 67"))
        self.choice("status", _("S&tatus"), [(label(s), s.value) for s in TransferStatus])
        self.notes("notes", _("N&otes"))
        end_form(self)
        self.zone_hint = field_hint(self, "departs_local")
        origin = self.fields["from_venue_id"]
        assert isinstance(origin, QComboBox)
        origin.currentIndexChanged.connect(self._show_zone)
        leaves = self.fields["departs_local"]
        assert isinstance(leaves, QLineEdit)
        leaves.textChanged.connect(self._show_zone)

    def set_venues(self, venues: Sequence[tuple[int, str, str]]) -> None:
        """(id, name, zone) of the places runs go between."""
        self.zones = {vid: zone for vid, _name, zone in venues}
        self._loading = True
        try:
            for name, caption in (("from_venue_id", _("(choose where from)")),
                                  ("to_venue_id", _("(choose where to)"))):
                combo = self.fields[name]
                assert isinstance(combo, QComboBox)
                current = combo.currentData()
                combo.clear()
                combo.addItem(caption, None)
                for vid, venue, _zone in venues:
                    combo.addItem(venue, vid)
                combo.setCurrentIndex(max(combo.findData(current), 0))
        finally:
            self._loading = False

    def _show_zone(self, *_args: object) -> None:
        zone = self.zones.get(self.value("from_venue_id") or 0)
        if zone is None:
            self.zone_hint.setText(_("Local time where the run leaves from."))
            return
        try:
            when = parse_local(self.text("departs_local"))
        except ValueError:
            when = None
        self.zone_hint.setText(_("Local time at the pick-up: {zone}").format(
            zone=describe_zone(zone, when)))

    def fill(self, data: TransferInput) -> None:
        self.set_value("direction", TransferDirection(data.direction).value)
        self.set_value("from_venue_id", data.from_venue_id)
        self.set_value("to_venue_id", data.to_venue_id)
        self.set_value("departs_local", format_local_field(data.departs_local))
        self.set_value("capacity", str(data.capacity) if data.capacity else "")
        self.set_value("vehicle_kind", VehicleKind(data.vehicle_kind).value)
        self.set_value("status", TransferStatus(data.status).value)
        for name in ("vehicle", "driver_name", "notes"):
            self.set_value(name, getattr(data, name))
        self.set_value("driver_phone", format_phone(data.driver_phone))
        self._show_zone()

    def collect(self) -> TransferInput:
        problems: list[Problem] = []
        departs = local_field(self, "departs_local", problems)
        capacity = 0
        try:
            capacity = int(self.text("capacity").strip() or "0")
        except ValueError:
            problems.append(Problem(_("Write the number of seats, e.g. 7."), field="capacity"))
        if problems:
            raise ValidationError(problems)
        return TransferInput(
            direction=TransferDirection(self.value("direction")),
            from_venue_id=self.value("from_venue_id"), to_venue_id=self.value("to_venue_id"),
            departs_local=departs, capacity=capacity,
            vehicle_kind=VehicleKind(self.value("vehicle_kind")), vehicle=self.text("vehicle"),
            driver_name=self.text("driver_name"), driver_phone=self.text("driver_phone"),
            status=TransferStatus(self.value("status")), notes=self.text("notes"))


class GroupTransfersDialog(QDialog):
    """Choose how to group travellers, see the runs that makes, and apply them.

    ``plan(options)`` starts working out the runs and later calls :meth:`show_plan`;
    ``apply(plan)`` writes them (as proposed runs).
    """

    def __init__(self, plan: Callable[[PlanOptions], None],
                 apply: Callable[[TransferPlan], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupTransfers")
        self.setWindowTitle(_("Group transfers"))
        self._plan = plan
        self._apply = apply
        self.plan: TransferPlan | None = None
        self.window_minutes = QSpinBox()
        self.window_minutes.setObjectName("window")
        self.window_minutes.setRange(0, 600)
        self.window_minutes.setValue(60)
        self.window_minutes.setSuffix(_(" min"))
        self.capacity = QSpinBox()
        self.capacity.setObjectName("capacity")
        self.capacity.setRange(0, 99)
        self.capacity.setSpecialValueText(_("cars, vans, minibuses, coaches as needed"))
        explanation = QLabel(_("Confirmed travellers not yet in a run, ready within the window "
                               "of each other, share a vehicle to or from their hotel: fewest "
                               "vehicles first, then the least waiting."))
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Ready &within"), self.window_minutes)
        form.addRow(_("&Seats per vehicle"), self.capacity)
        self.propose_button = QPushButton(_("&Propose runs"))
        self.propose_button.setObjectName("proposeRuns")
        self.propose_button.clicked.connect(self.propose)
        form.addRow("", self.propose_button)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("proposedRuns")
        self.table.setHorizontalHeaderLabels([_("Leaves (local)"), _("From → to"),
                                              _("Vehicle"), _("Seats"), _("Travellers")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)  # the travellers
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setText(_("“Propose runs” groups the travellers; nothing is saved "
                               "until you apply the runs."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setObjectName("applyRuns")
        self.apply_button.setText(_("&Apply"))
        self.apply_button.setEnabled(False)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(820, 520)

    def options(self) -> PlanOptions:
        return PlanOptions(self.window_minutes.value(), self.capacity.value() or None)

    def propose(self) -> None:
        self.propose_button.setEnabled(False)
        self.summary.setText(_("Grouping…"))
        self._plan(self.options())

    def show_plan(self, plan: TransferPlan) -> None:
        self.plan = plan
        self.propose_button.setEnabled(True)
        self.table.setRowCount(len(plan.runs))
        for row, run in enumerate(plan.runs):
            values = (format_local(run.departs_at, run.zone),
                      _("{origin} → {destination}").format(origin=run.pick_up,
                                                           destination=run.drop_off),
                      label(run.vehicle_kind),
                      _("{taken}/{seats}").format(taken=len(run.seats), seats=run.capacity),
                      ", ".join(f"{s.name} ({s.flight})" for s in run.seats))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        text = ngettext("{n} run proposed.", "{n} runs proposed.", len(plan.runs)).format(
            n=len(plan.runs))
        if plan.skipped:
            text += " " + ngettext("{n} traveller left out: {list}.",
                                   "{n} travellers left out: {list}.",
                                   len(plan.skipped)).format(
                n=len(plan.skipped), list="; ".join(
                    _("{name} ({flight}): {reason}").format(name=s.name, flight=s.flight,
                                                            reason=s.reason)
                    for s in plan.skipped[:5]) + ("…" if len(plan.skipped) > 5 else ""))
        self.summary.setText(text)
        self.apply_button.setEnabled(bool(plan.runs))

    def failed(self, message: str) -> None:
        self.propose_button.setEnabled(True)
        self.summary.setText(message)

    def apply(self) -> None:
        if self.plan is not None and self.plan.runs:
            self._apply(self.plan)
        self.accept()
