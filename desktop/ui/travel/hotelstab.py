"""The hotels view: the rooming grid with a stay's editor, the occupancy of each night against
the room blocks, and the proposal of the stays people need (reviewed, then confirmed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.checks import Ref
from desktop.db.enums import RoomType, label
from desktop.db.models import RoomBlock
from desktop.errors import MissionDeskError
from desktop.i18n import _, format_date, ngettext
from desktop.travel import hotels as service
from desktop.ui.context import MissionContext
from desktop.ui.forms import RecordForm
from desktop.ui.operations import Operation
from desktop.ui.pages.base import Page
from desktop.ui.pages.records import RecordPage, Related
from desktop.ui.settings import app_settings
from desktop.ui.tablemodel import RecordTableModel
from desktop.ui.travel.commands import RowsCommand, Scope
from desktop.ui.travel.flights import people_choices
from desktop.ui.travel.hotelforms import (
    BlocksDialog,
    PersonStay,
    ProposedLine,
    ProposedStaysDialog,
    StayForm,
)
from desktop.ui.travel.hotelmodels import BASE_COLUMNS, NIGHT_WIDTH, OccupancyModel, StaysModel
from desktop.ui.undo import execute

STAYS: Scope = (("hotel_stay", {}),)


def hotel_choices(session: Session) -> list[tuple[int, str]]:
    return [(h.id, h.name) for h in service.list_hotels(session)]


def preview_stays(session: Session, _progress: object) -> list[ProposedLine]:
    """What :func:`propose_stays` would add, read in a transaction that is never committed."""
    touched = service.propose_stays(session)
    lines = [(f"{s.person.family_name}, {s.person.given_name}", s.hotel.name, s.check_in,
              s.check_out, s.nights) for s in touched]
    session.rollback()
    return lines


class StaysTab(RecordPage):
    """The rooming grid beside the editor of one stay."""

    key = "travel_stays"
    kind = "hotel_stay"
    table = "hotel_stay"
    watches = ("person", "venue", "flight")
    _choices_current = False

    def __init__(self, context: MissionContext) -> None:
        super().__init__(context)
        self.model.reloaded.connect(self._size_nights)
        self.view.horizontalHeader().setStretchLastSection(False)
        if app_settings().value(f"pages/{self.key}/splitter") is None:
            self.splitter.setSizes([880, 400])
            self.right_splitter.setSizes([460, 90])

    def make_model(self) -> RecordTableModel:
        return StaysModel(self.context.mission.session_factory, self)

    def make_form(self) -> RecordForm:
        return StayForm()

    def facets(self) -> list[tuple[str, str, list[tuple[str, Any]]]]:
        with self.context.mission.session_factory() as session:
            hotels = hotel_choices(session)
        return [("hotel_id", _("All hotels"), [(name, hid) for hid, name in hotels]),
                ("confirmed", _("Proposed and confirmed"),
                 [(_("Proposed"), False), (_("Confirmed"), True)])]

    def _size_nights(self) -> None:
        header = self.view.horizontalHeader()
        for position in range(len(BASE_COLUMNS), self.model.columnCount()):
            header.resizeSection(position, NIGHT_WIDTH)
            header.setSectionResizeMode(position, QHeaderView.ResizeMode.Fixed)

    def texts(self) -> dict[str, str]:
        return {"new": _("New hotel stay"), "add": _("Add a hotel stay"),
                "update": _("Edit a hotel stay"), "delete": _("Delete the stay of {name}"),
                "confirm": _("Delete the hotel stay of {name}?"),
                "add_tip": _("Add a hotel stay"),
                "duplicate_tip": _("Start a new stay from this one"),
                "delete_tip": _("Delete this stay")}

    def count_text(self, n: int) -> str:
        return ngettext("{n} hotel stay", "{n} hotel stays", n).format(n=n)

    def prepare_form(self, session: Session) -> None:
        if self._choices_current:
            return
        form = self.form
        assert isinstance(form, StayForm)
        form.set_guests_and_hotels(people_choices(session), hotel_choices(session))
        self._choices_current = True

    def _mission_changed(self, kind: str) -> None:
        if kind in ("person", "venue", "*"):
            self._choices_current = False
        super()._mission_changed(kind)

    def read(self, session: Session, record_id: int) -> tuple[Any, str]:
        stay = service.get_stay(session, record_id)
        return (PersonStay(stay.person_id, service.stay_input(stay), False),
                _("{name} at {hotel}").format(name=stay.person.full_name,
                                              hotel=stay.hotel.name))

    def blank(self) -> Any:
        mission_start = self._mission_start()
        hotel = self.facet_combos["hotel_id"].currentData()
        return PersonStay(None, service.HotelStayInput(
            hotel_id=hotel, check_in=mission_start, check_out=mission_start))

    def _mission_start(self) -> date:
        from desktop.missions import get_mission

        with self.context.mission.session_factory() as session:
            return get_mission(session).start_date

    def copy_of(self, data: Any) -> Any:
        return replace(data, person_id=None, person_editable=True)

    def add_record(self, session: Session, data: Any) -> int:
        return service.add_stay(session, data.person_id, data.stay).id

    def update_record(self, session: Session, record_id: int, data: Any) -> object:
        return service.update_stay(session, record_id, data.stay)

    def delete_record(self, session: Session, record_id: int) -> None:
        service.delete_stay(session, record_id)

    def describe_delete(self, session: Session, record_id: int) -> tuple[str, list[str]]:
        return service.get_stay(session, record_id).person.full_name, []

    def related(self, session: Session, record_id: int) -> Related:
        stay = service.get_stay(session, record_id)
        needed = service.needed_nights(session, stay.person_id)
        text = ngettext("{n} night needed", "{n} nights needed", len(needed)).format(
            n=len(needed))
        return [(_("Guest"), [(stay.person.full_name, Ref("person", stay.person_id))]),
                (text, [(", ".join(format_date(n, "d MMM") for n in needed), None)])]


class HotelsTab(Page):
    """Stays and occupancy of the mission's hotels; proposing and confirming stays; blocks."""

    key = "travel_hotels"
    kind = "hotel_stay"
    ref_kinds = ("hotel_stay", "room_block")

    def __init__(self, context: MissionContext) -> None:
        super().__init__(context)
        self.stays = StaysTab(context)
        self.propose_button = QPushButton(_("&Propose stays…"))
        self.propose_button.setObjectName("proposeStays")
        self.propose_button.setToolTip(_("Propose a stay for every night a confirmed person "
                                         "needs and no stay covers"))
        self.propose_button.clicked.connect(self.propose)
        self.confirm_button = QPushButton(_("&Confirm proposed stays"))
        self.confirm_button.setObjectName("confirmStays")
        self.confirm_button.setToolTip(_("Mark the proposed stays ticked in the grid as "
                                         "confirmed (none ticked: every proposed stay shown)"))
        self.confirm_button.clicked.connect(self.confirm_shown)
        self.blocks_button = QPushButton(_("Room &blocks…"))
        self.blocks_button.setObjectName("roomBlocks")
        self.blocks_button.clicked.connect(lambda: self.open_blocks())
        for button in (self.propose_button, self.confirm_button, self.blocks_button):
            button.setEnabled(not context.read_only)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.propose_button)
        bar.addWidget(self.confirm_button)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.blocks_button)

        self.occupancy = OccupancyModel(self)
        self.occupancy_view = QTableView()
        self.occupancy_view.setObjectName("occupancy")
        self.occupancy_view.setModel(self.occupancy)
        self.occupancy_view.verticalHeader().hide()
        self.occupancy_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.occupancy_view.verticalHeader().setDefaultSectionSize(
            self.occupancy_view.fontMetrics().height() + 8)
        header = self.occupancy_view.horizontalHeader()
        for position, width in enumerate((200, 110, 90, 90, 90, 90)):
            header.resizeSection(position, width)
        self.occupancy_view.doubleClicked.connect(self._occupancy_activated)
        title = QLabel(_("Rooms booked / held, per night (double-click to change a block)"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(title)
        lower_layout.addWidget(self.occupancy_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.stays)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        grid = self.stays.model
        assert isinstance(grid, StaysModel)
        grid.ticks_changed.connect(self._name_confirm)
        self.hotel_combo = self.stays.facet_combos["hotel_id"]
        self.hotel_combo.currentIndexChanged.connect(self._reload_occupancy)
        context.events.changed.connect(self._mission_changed)
        self.dialog: Any = None

    def load(self) -> None:
        self.stays.activate()
        self._reload_occupancy()

    def _reload_occupancy(self) -> None:
        if not self._activated:
            return
        with self.context.mission.session_factory() as session:
            self.occupancy.load(session, self.hotel_combo.currentData())

    def _mission_changed(self, kind: str) -> None:
        if kind in ("*", "hotel_stay", "room_block", "person", "venue"):
            self._reload_occupancy()

    def open_ref(self, ref: Ref) -> bool:
        self.activate()
        if ref.kind == "hotel_stay":
            return self.stays.open_ref(ref)
        if ref.kind == "room_block":
            with self.context.mission.session_factory() as session:
                block = session.get(RoomBlock, ref.id)
                if block is None:
                    return False
                hotel_id, night = block.hotel_id, block.night
            self.hotel_combo.setCurrentIndex(0)
            line = self.occupancy.line_of(hotel_id, night)
            if line is None:
                return False
            self.occupancy_view.selectRow(line)
            self.occupancy_view.setFocus()
            return True
        return False

    def focus_find(self) -> None:
        self.stays.focus_find()

    def can_delete(self) -> bool:
        return self.stays.can_delete()

    def delete_selected(self) -> None:
        self.stays.delete_selected()

    def save_state(self) -> None:
        self.stays.save_state()

    # -- proposing and confirming ------------------------------------------------------------

    def propose(self) -> Operation:
        """Work out the stays to propose off the window's thread, then show them for review."""
        self.message.setText(_("Working out the nights each person needs…"))
        return self.context.runner.run(Operation(
            preview_stays, mission=self.context.mission, title=_("Proposing hotel stays…"),
            on_success=self._review, on_failure=self._failed))

    def _failed(self, error: BaseException) -> None:
        self.message.setText("")
        self.context.show_error(error)

    def _review(self, lines: list[ProposedLine]) -> None:
        self.message.setText("")
        dialog = ProposedStaysDialog(lines, self)
        dialog.accepted.connect(self.add_proposed)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def add_proposed(self) -> None:
        def change(session: Session) -> int:
            return len(service.propose_stays(session))

        command = RowsCommand(self.context, _("Propose hotel stays"), "hotel_stay", STAYS,
                              change)
        try:
            execute(command)
        except MissionDeskError as exc:
            self.context.show_error(exc)
            return
        n = command.result if isinstance(command.result, int) else 0
        self.message.setText(ngettext(
            "{n} stay proposed: check it in the grid, then confirm.",
            "{n} stays proposed: check them in the grid, then confirm.", n).format(n=n))

    def _name_confirm(self) -> None:
        model = self.stays.model
        assert isinstance(model, StaysModel)
        n = len(model.chosen_ids())
        self.confirm_button.setText(ngettext("&Confirm {n} ticked stay", "&Confirm {n} ticked "
                                             "stays", n).format(n=n) if n
                                    else _("&Confirm proposed stays"))

    def confirm_shown(self) -> None:
        """Confirm the proposed stays ticked in the grid, or (none ticked) all those shown."""
        model = self.stays.model
        assert isinstance(model, StaysModel)
        ids = model.chosen_ids() or model.proposed_ids()
        if not ids:
            self.message.setText(_("No proposed stay is shown."))
            return

        def change(session: Session) -> int:
            return service.confirm_stays(session, ids)

        execute(RowsCommand(self.context, ngettext("Confirm {n} stay", "Confirm {n} stays",
                                                   len(ids)).format(n=len(ids)),
                            "hotel_stay", STAYS, change))
        self.message.setText(ngettext("{n} stay confirmed.", "{n} stays confirmed.",
                                      len(ids)).format(n=len(ids)))

    # -- room blocks -------------------------------------------------------------------------

    def open_blocks(self, preset: tuple[int, date, RoomType, int] | None = None) -> BlocksDialog:
        with self.context.mission.session_factory() as session:
            hotels = hotel_choices(session)

        def submit(hotel_id: int, first: date, last: date, room_type: RoomType,
                   rooms: int) -> None:
            def change(session: Session) -> object:
                return service.set_blocks(session, hotel_id, first, last, room_type, rooms)

            execute(RowsCommand(self.context, _("Hold {type} rooms").format(
                type=label(room_type).lower()), "room_block",
                (("room_block", {"hotel_id": hotel_id}),), change))

        dialog = BlocksDialog(hotels, submit, self)
        current = self.hotel_combo.currentData()
        if preset is not None:
            dialog.preset(*preset)
        elif current is not None:
            dialog.hotel.setCurrentIndex(max(dialog.hotel.findData(current), 0))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _occupancy_activated(self, index: QModelIndex) -> None:
        if self.context.read_only or not index.isValid():
            return
        hotel_id, _name, night, _cells = self.occupancy.lines[index.row()]
        room_type = list(RoomType)[max(index.column() - 2, 0)]
        row = self.occupancy.cell(self.occupancy.index(index.row(), 2 + list(RoomType)
                                                       .index(room_type)))
        held = row.held if row is not None and row.held is not None else 0
        self.open_blocks((hotel_id, night, room_type, held))

