"""The transfers view: runs with their seats taken, a run's editor and passengers; drag a
passenger onto another run to move them (a full run refuses, and says why)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QToolButton,
    QToolTip,
    QVBoxLayout,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, selectinload

from desktop.db.enums import TransferDirection, TransferStatus, VehicleKind, label
from desktop.db.models import Transfer, TransferPassenger, Venue
from desktop.errors import MissionDeskError
from desktop.i18n import _, ngettext
from desktop.travel import transfers as service
from desktop.travel.localtime import format_local
from desktop.travel.proposals import TransferPlan, plan_transfers
from desktop.ui.context import MissionContext
from desktop.ui.forms import RecordForm
from desktop.ui.operations import Operation
from desktop.ui.pages.records import RecordPage
from desktop.ui.settings import app_settings
from desktop.ui.tablemodel import Column, Index, IndexRow, RecordTableModel
from desktop.ui.travel.commands import CallCommand, RowsCommand, Scope
from desktop.ui.travel.flights import add_tool_button
from desktop.ui.travel.passengers import PASSENGER_MIME, PassengerLine, PassengersPanel
from desktop.ui.travel.passengers import passenger_payload as passenger_payload
from desktop.ui.travel.transferforms import GroupTransfersDialog, PlanOptions, TransferForm
from desktop.ui.undo import UpdateCommand, execute
from desktop.validation import fold, format_phone

RUNS: Scope = (("transfer", {}), ("transfer_passenger", {}))
FULL_COLOUR = QColor("#f3d38a")


class TransfersModel(RecordTableModel):
    """Every run: when it leaves (local), which way, from, to, vehicle, seats taken, status,
    driver. Facets for filters: ``direction``, ``status``."""

    columns = (
        Column("departs", lambda: _("Leaves (local)"), 168),
        Column("direction", lambda: _("Way"), 78),
        Column("from", lambda: _("From"), 160),
        Column("to", lambda: _("To"), 160),
        Column("vehicle", lambda: _("Vehicle"), 68),
        Column("seats", lambda: _("Seats"), 55),
        Column("status", lambda: _("Status"), 80),
        Column("driver", lambda: _("Driver"), 120),
    )

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._raw: dict[int, tuple[Any, ...]] = {}

    def load_index(self, session: Session) -> list[IndexRow]:
        origin, destination = aliased(Venue), aliased(Venue)
        taken = (select(TransferPassenger.transfer_id, func.count().label("n"))
                 .group_by(TransferPassenger.transfer_id).subquery())
        query = (select(Transfer.id, Transfer.departs_at, Transfer.zone, Transfer.direction,
                        origin.name, destination.name, Transfer.vehicle_kind,
                        func.coalesce(taken.c.n, 0), Transfer.capacity, Transfer.status,
                        Transfer.driver_name, Transfer.driver_phone)
                 .join(origin, origin.id == Transfer.from_venue_id)
                 .join(destination, destination.id == Transfer.to_venue_id)
                 .outerjoin(taken, taken.c.transfer_id == Transfer.id)
                 .order_by(Transfer.departs_at, Transfer.id))
        rows = []
        self._raw = {}
        for raw in session.execute(query):
            (tid, departs, _zone, direction, pick_up, drop_off, _kind, seats, capacity, status,
             driver, _phone) = raw
            self._raw[tid] = tuple(raw)
            rows.append(IndexRow(
                tid, f"{pick_up} {drop_off} {driver}".lower(),
                (departs, str(direction), pick_up, drop_off, str(_kind), seats / capacity,
                 str(status), driver),
                {"direction": str(direction), "status": str(status)}))
        return rows

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        found = {}
        for tid in ids:
            raw = self._raw.get(tid)
            if raw is None:
                continue
            (_id, departs, zone, direction, pick_up, drop_off, kind, seats, capacity, status,
             driver, _phone) = raw
            found[tid] = (format_local(departs, zone), label(TransferDirection(direction)),
                          pick_up, drop_off, label(VehicleKind(kind)),
                          _("{taken}/{seats}").format(taken=seats, seats=capacity),
                          label(TransferStatus(status)), driver)
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 7:
            raw = self._raw.get(self.id_at(index.row()) or 0)
            if raw is not None and raw[11]:
                return _("{name}, phone {phone}").format(name=raw[10] or _("(no name)"),
                                                        phone=format_phone(raw[11]))
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() == 5:
            record_id = self.id_at(index.row())
            raw = self._raw.get(record_id or 0)
            if raw is not None and raw[7] >= raw[8]:
                return FULL_COLOUR
            return None
        return super().data(index, role)

    def is_full(self, transfer_id: int) -> bool:
        raw = self._raw.get(transfer_id)
        return raw is not None and raw[7] >= raw[8]


class TransfersTab(RecordPage):
    """Runs beside the editor of one and its passengers.

    Dropping a passenger (dragged from the list) on a run of the table moves them there. A run
    that would refuse them (it is full, they already ride in it) says why as soon as the
    dragged passenger is over it, and the drop indicator says no.
    """

    key = "travel_transfers"
    kind = "transfer"
    ref_kinds = ("transfer",)
    table = "transfer"
    watches = ("person", "flight", "hotel_stay", "venue")
    _choices_current = False

    def __init__(self, context: MissionContext) -> None:
        super().__init__(context)
        self.group_action = self._tool_action(_("&Group transfers…"), QKeySequence(),
                                              self.open_group_transfers,
                                              _("Propose runs from flights and hotel stays"))
        self.confirm_action = self._tool_action(_("&Confirm run"), QKeySequence(),
                                                self.confirm_current,
                                                _("The vehicle is booked: confirm this run"))
        for action in (self.group_action, self.confirm_action):
            button = QToolButton()
            button.setDefaultAction(action)
            add_tool_button(self, button)
        self.message = QLabel()
        self.message.setObjectName("dropMessage")
        self.message.setWordWrap(True)
        left = self.splitter.widget(0)
        left_layout = left.layout() if left is not None else None
        assert isinstance(left_layout, QVBoxLayout)
        left_layout.addWidget(self.message)
        self.panel = PassengersPanel()
        self.panel.writable = not context.read_only
        self.panel.note_submitted.connect(self.set_luggage_note)
        self.passengers = self.panel.list
        related = self.right_splitter.widget(1)
        if related is not None:
            related.hide()
        self.right_splitter.addWidget(self.panel)
        self.right_splitter.setStretchFactor(2, 1)
        if app_settings().value(f"pages/{self.key}/details") is None:
            # The run's fields whole; the passengers below take what is left.
            self.right_splitter.setSizes([560, 0, 200])
        self.view.setAcceptDrops(True)
        self.view.viewport().setAcceptDrops(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.view.viewport().installEventFilter(self)
        if app_settings().value(f"pages/{self.key}/splitter") is None:
            self.splitter.setSizes([860, 420])
        self.dialog: GroupTransfersDialog | None = None
        self._refusals: dict[tuple[int, int, int], str | None] = {}
        self._refusing = False
        self._update_actions()

    def make_model(self) -> RecordTableModel:
        return TransfersModel(self.context.mission.session_factory, self)

    def make_form(self) -> RecordForm:
        return TransferForm()

    def facets(self) -> list[tuple[str, str, list[tuple[str, Any]]]]:
        return [("direction", _("Both ways"), [(label(d), d.value) for d in TransferDirection]),
                ("status", _("All statuses"), [(label(s), s.value) for s in TransferStatus])]

    def texts(self) -> dict[str, str]:
        return {"new": _("New run"), "add": _("Add a run"), "update": _("Edit a run"),
                "delete": _("Delete the run {name}"), "confirm": _("Delete the run {name}?"),
                "add_tip": _("Add a run"), "duplicate_tip": _("Start a new run from this one"),
                "delete_tip": _("Delete this run")}

    def count_text(self, n: int) -> str:
        return ngettext("{n} run", "{n} runs", n).format(n=n)

    def prepare_form(self, session: Session) -> None:
        if self._choices_current:
            return
        form = self.form
        assert isinstance(form, TransferForm)
        form.set_venues([(v.id, v.name, v.timezone) for v in
                         session.scalars(select(Venue).order_by(Venue.kind, Venue.name))])
        self._choices_current = True

    def _mission_changed(self, kind: str) -> None:
        if kind in ("venue", "*"):
            self._choices_current = False
        self._refusals.clear()
        super()._mission_changed(kind)
        if self._activated and (kind == "*" or kind == self.kind or kind in self.watches):
            self._show_passengers()

    def _show_record(self, record_id: int | None) -> None:
        super()._show_record(record_id)
        self._show_passengers()

    def _show_passengers(self) -> None:
        lines: list[PassengerLine] = []
        capacity = 0
        if self.current_id is not None:
            with self.context.mission.session_factory() as session:
                transfer = session.get(Transfer, self.current_id)
                if transfer is not None:
                    capacity = transfer.capacity
                    seats = session.scalars(select(TransferPassenger).where(
                        TransferPassenger.transfer_id == transfer.id).options(
                        selectinload(TransferPassenger.person),
                        selectinload(TransferPassenger.flight)))
                    lines = sorted((PassengerLine(
                        s.person_id, f"{s.person.family_name}, {s.person.given_name}",
                        s.flight.code if s.flight else "", format_phone(s.person.phone),
                        s.luggage_note) for s in seats), key=lambda line: fold(line.name))
        self.panel.show_run(self.current_id if capacity else None, capacity, lines)

    def read(self, session: Session, record_id: int) -> tuple[Any, str]:
        transfer = service.get_transfer(session, record_id)
        return service.transfer_input(transfer), self._name(transfer)

    @staticmethod
    def _name(transfer: Transfer) -> str:
        return _("{origin} → {destination}, {time}").format(
            origin=transfer.from_venue.name, destination=transfer.to_venue.name,
            time=format_local(transfer.departs_at, transfer.zone))

    def blank(self) -> Any:
        return service.TransferInput(direction=TransferDirection.ARRIVAL, from_venue_id=0,
                                     to_venue_id=0, departs_local=None, capacity=7)

    def add_record(self, session: Session, data: Any) -> int:
        return service.add_transfer(session, data).id

    def update_record(self, session: Session, record_id: int, data: Any) -> object:
        return service.update_transfer(session, record_id, data)

    def delete_record(self, session: Session, record_id: int) -> None:
        service.delete_transfer(session, record_id)

    def describe_delete(self, session: Session, record_id: int) -> tuple[str, list[str]]:
        transfer = service.get_transfer(session, record_id)
        seats = len(transfer.passengers)
        goes = [ngettext("{n} passenger seat", "{n} passenger seats", seats).format(n=seats)]
        return self._name(transfer), goes if seats else []

    def _update_actions(self) -> None:
        super()._update_actions()
        if hasattr(self, "confirm_action"):
            writable = not self.context.read_only
            self.group_action.setEnabled(writable)
            self.confirm_action.setEnabled(writable and self.current_id is not None)

    # -- moving passengers -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view.viewport() and event.type() == QEvent.Type.DragLeave:
            self._refusals.clear()
            self._show_refusal(None)
            return False
        if watched is self.view.viewport() and event.type() in (
                QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            if not event.mimeData().hasFormat(PASSENGER_MIME) or self.context.read_only:
                event.ignore()
                return True
            point = event.position().toPoint()
            target = self.model.id_at(self.view.indexAt(point).row())
            person_id, source = (int(part) for part in bytes(
                event.mimeData().data(PASSENGER_MIME).data()).decode().split())
            if event.type() == QEvent.Type.Drop:
                self._refusals.clear()
                if target is not None:
                    self.move_passenger(person_id, source, target)
            else:
                reason = self.refusal(person_id, source, target) if target is not None \
                    else None
                self._show_refusal(reason, point)
                if reason is not None and event.type() == QEvent.Type.DragMove:
                    event.ignore()  # the drop indicator says no
                    return True
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def refusal(self, person_id: int, source: int, target: int) -> str | None:
        """Why moving the passenger onto run ``target`` would be refused (the service's own
        words, found by trying it in a transaction that is rolled back), or None."""
        key = (person_id, source, target)
        if source == target:
            return None
        if key not in self._refusals:
            reason: str | None = None
            with self.context.mission.session_factory() as session:
                try:
                    service.move_passenger(session, person_id, source, target)
                except MissionDeskError as exc:
                    reason = exc.message
                finally:
                    session.rollback()
            self._refusals[key] = reason
        return self._refusals[key]

    def _show_refusal(self, reason: str | None, point: QPoint | None = None) -> None:
        """Say why a drop here would be refused: under the table, in the status bar and
        beside the pointer; nothing once the pointer is over a run with room."""
        window = self.window()
        bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if reason is None:
            if self._refusing:
                self.message.setText("")
                if bar is not None:
                    bar.clearMessage()
                QToolTip.hideText()
            self._refusing = False
            return
        self._refusing = True
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(reason)
        if bar is not None:
            bar.showMessage(reason)
        if point is not None:
            viewport = self.view.viewport()
            QToolTip.showText(viewport.mapToGlobal(point), reason, viewport)

    def move_passenger(self, person_id: int, source: int, target: int) -> bool:
        """Move a passenger to run ``target`` as one undoable change; False (with the reason
        under the table) when refused."""
        if source == target:
            return False
        if not self._change(_("Move a passenger to another run"),
                            lambda s: service.move_passenger(s, person_id, source, target),
                            lambda s: service.move_passenger(s, person_id, target, source)):
            return False
        with self.context.mission.session_factory() as session:
            name = self._name(service.get_transfer(session, target))
        self.message.setText(_("Moved to {run}.").format(run=name))
        return True

    def set_luggage_note(self, person_id: int, note: str) -> bool:
        """Write a passenger's luggage note in the run shown, as one undoable change."""
        transfer_id = self.current_id
        if transfer_id is None or self.context.read_only:
            return False
        with self.context.mission.session_factory() as session:
            seat = session.get(TransferPassenger, (transfer_id, person_id))
            before = seat.luggage_note if seat is not None else ""
        if " ".join(note.split()) == before:
            return False
        if not self._change(
                _("Change a luggage note"),
                lambda s: service.set_luggage_note(s, transfer_id, person_id, note),
                lambda s: service.set_luggage_note(s, transfer_id, person_id, before)):
            return False
        self.message.setText(_("Luggage note saved."))
        return True

    def _change(self, text: str, do: Callable[[Session], object],
                undo: Callable[[Session], object]) -> bool:
        """Run one undoable change of the runs; when refused, the reason under the table in
        red and False. On success the message is left to the caller, in the usual colour."""
        try:
            execute(CallCommand(self.context, text, "transfer", do, undo))
        except MissionDeskError as exc:
            self.message.setStyleSheet("color: #b3261e;")
            self.message.setText(exc.message)
            return False
        self.message.setStyleSheet("")
        return True

    # -- grouping and confirming -------------------------------------------------------------

    def open_group_transfers(self) -> GroupTransfersDialog | None:
        if self.context.read_only:
            return None
        dialog = GroupTransfersDialog(self._plan, self.apply_plan, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _plan(self, options: PlanOptions) -> None:
        dialog = self.dialog

        def work(session: Session, _progress: object) -> TransferPlan:
            return plan_transfers(session, options.window_minutes, options.capacity)

        def failed(error: BaseException) -> None:
            if dialog is not None:
                dialog.failed(str(error))

        self.context.runner.run(Operation(
            work, mission=self.context.mission, title=_("Grouping transfers…"),
            on_success=dialog.show_plan if dialog is not None else None, on_failure=failed))

    def apply_plan(self, plan: TransferPlan) -> None:
        runs = list(plan.runs)
        try:
            execute(RowsCommand(self.context, ngettext(
                "Add {n} proposed run", "Add {n} proposed runs", len(runs)).format(n=len(runs)),
                "transfer", RUNS, lambda s: service.apply_proposal(s, runs)))
        except MissionDeskError as exc:
            self.context.show_error(exc)
            return
        self.message.setStyleSheet("")
        self.message.setText(ngettext(
            "{n} run added as proposed: adjust it, then confirm.",
            "{n} runs added as proposed: adjust them, then confirm.", len(runs)).format(
            n=len(runs)))

    def confirm_current(self) -> None:
        if self.current_id is None or self.context.read_only:
            return
        if self.form.dirty and not self.save():
            return
        with self.context.mission.session_factory() as session:
            before = service.transfer_input(service.get_transfer(session, self.current_id))
        after = replace(before, status=TransferStatus.CONFIRMED)
        try:
            execute(UpdateCommand(self.context, _("Confirm a run"), self.kind, self.current_id,
                                  service.update_transfer, before, after))
        except MissionDeskError as exc:
            self.context.show_error(exc)
