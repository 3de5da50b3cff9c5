"""The rooming grid (a stay per line, a column per night) and the occupancy of each hotel's
nights against the rooms the mission holds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.db.enums import RoomType, label
from desktop.db.models import HotelStay, Person, Venue
from desktop.i18n import _, format_date, ngettext
from desktop.travel.hotels import OccupancyRow, list_hotels, occupancy
from desktop.ui.folding import quick_fold
from desktop.ui.tablemodel import Column, Index, IndexRow, RecordTableModel

CONFIRMED_COLOUR = QColor("#9ccc9c")
PROPOSED_COLOUR = QColor("#f3d38a")
OVER_COLOUR = QColor("#f2b8b5")
BASE_COLUMNS = (
    Column("guest", lambda: _("Guest"), 150),
    Column("hotel", lambda: _("Hotel"), 140),
    Column("room_type", lambda: _("Room"), 58),
    Column("room_number", lambda: _("No."), 42),
    Column("status", lambda: _("Status"), 104),
)
NIGHT_WIDTH = 56
STATUS_COLUMN = 4


def _night_title(night: date) -> Callable[[], str]:
    return lambda: format_date(night, "EEE d")


class StaysModel(RecordTableModel):
    """Every hotel stay as a line of the rooming grid: guest, hotel, room, status, then one
    column per night of the mission's stays, filled where the guest sleeps there.

    A proposed stay has a tick box in its status cell: the ticked ones are those to confirm.
    Facets for filters: ``hotel_id``, ``confirmed``.

    Signals:
        ticks_changed(): a stay was ticked or unticked (or a ticked one went away).
    """

    ticks_changed = Signal()
    columns: Sequence[Column] = BASE_COLUMNS

    def __init__(self, session_factory: sessionmaker[Session],
                 parent: QObject | None = None) -> None:
        super().__init__(session_factory, parent)
        self.nights: list[date] = []
        self._raw: dict[int, tuple[Any, ...]] = {}
        self.ticked: set[int] = set()

    def load_index(self, session: Session) -> list[IndexRow]:
        query = (select(HotelStay.id, Person.family_name, Person.given_name, Venue.name,
                        HotelStay.room_type, HotelStay.room_number, HotelStay.confirmed,
                        HotelStay.check_in, HotelStay.check_out, HotelStay.hotel_id)
                 .join(Person, Person.id == HotelStay.person_id)
                 .join(Venue, Venue.id == HotelStay.hotel_id).order_by(HotelStay.id))
        raws = [tuple(row) for row in session.execute(query)]
        self._raw = {row[0]: row for row in raws}
        still = {sid for sid in self.ticked if sid in self._raw and not self._raw[sid][6]}
        if still != self.ticked:
            self.ticked = still
            self.ticks_changed.emit()
        first = min((row[7] for row in raws), default=None)
        last = max((row[8] for row in raws), default=None)
        self.nights = [] if first is None or last is None else [
            first + timedelta(days=n) for n in range((last - first).days)]
        self.columns = (*BASE_COLUMNS, *(
            Column(night.isoformat(), _night_title(night), NIGHT_WIDTH)
            for night in self.nights))
        rows = []
        for sid, family, given, hotel, room_type, number, confirmed, check_in, check_out, \
                hotel_id in raws:
            guest = f"{family}, {given}"
            night_keys = tuple(check_in <= n < check_out for n in self.nights)
            rows.append(IndexRow(
                sid, quick_fold(f"{guest} {hotel} {number}"),
                (quick_fold(guest), quick_fold(hotel), room_type, number, confirmed,
                 *(not k for k in night_keys)),
                {"hotel_id": hotel_id, "confirmed": confirmed}))
        return rows

    def fetch(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        found = {}
        for sid in ids:
            raw = self._raw.get(sid)
            if raw is None:
                continue
            _id, family, given, hotel, room_type, number, confirmed, check_in, check_out, \
                _hotel_id = raw
            mark = "●" if confirmed else "○"
            found[sid] = (f"{family}, {given}", hotel, label(RoomType(room_type)), number,
                          _("Confirmed") if confirmed else _("Proposed"),
                          *(mark if check_in <= n < check_out else "" for n in self.nights))
        return found

    def _proposed_at(self, index: Index) -> int | None:
        """The id of the proposed stay whose status cell ``index`` is, else None."""
        if not index.isValid() or index.column() != STATUS_COLUMN:
            return None
        sid = self.id_at(index.row()) if 0 <= index.row() < self.rowCount() else None
        raw = self._raw.get(sid) if sid is not None else None
        return sid if raw is not None and not raw[6] else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._proposed_at(index) is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        sid = self._proposed_at(index)
        if sid is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value):
            self.ticked.add(sid)
        else:
            self.ticked.discard(sid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True

    def set_ticked(self, stay_id: int, ticked: bool) -> bool:
        """Tick (or untick) a proposed stay shown in the grid; False when it is not there."""
        row = self.row_of(stay_id)
        if row is None:
            return False
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return self.setData(self.index(row, STATUS_COLUMN), state,
                            Qt.ItemDataRole.CheckStateRole)

    def chosen_ids(self) -> list[int]:
        """The ticked proposed stays among the lines shown."""
        return [sid for sid in self.ids() if sid in self.ticked]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            sid = self._proposed_at(index)
            if sid is None:
                return None
            return Qt.CheckState.Checked if sid in self.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() \
                and index.column() >= len(BASE_COLUMNS):
            text = super().data(index)
            if text:
                return CONFIRMED_COLOUR if text == "●" else PROPOSED_COLOUR
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() \
                and index.column() >= len(BASE_COLUMNS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)

    def proposed_ids(self) -> list[int]:
        """The unconfirmed stays among the lines shown."""
        return [sid for sid in self.ids() if not self._raw[sid][6]]


class OccupancyModel(QAbstractTableModel):
    """One line per hotel and night: rooms booked of each type against the block held.

    A cell reads ``booked / held``; it is red when more rooms are booked than held.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[int, str, date, dict[RoomType, OccupancyRow]]] = []

    def load(self, session: Session, hotel_id: int | None = None) -> None:
        lines: list[tuple[int, str, date, dict[RoomType, OccupancyRow]]] = []
        for hotel in list_hotels(session):
            if hotel_id is not None and hotel.id != hotel_id:
                continue
            by_night: dict[date, dict[RoomType, OccupancyRow]] = {}
            for row in occupancy(session, hotel.id):
                by_night.setdefault(row.night, {})[row.room_type] = row
            lines.extend((hotel.id, hotel.name, night, cells)
                         for night, cells in sorted(by_night.items()))
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2 + len(RoomType)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return _("Hotel")
        if section == 1:
            return _("Night of")
        if 2 <= section < 2 + len(RoomType):
            return label(list(RoomType)[section - 2])
        return None

    def cell(self, index: Index) -> OccupancyRow | None:
        if not index.isValid() or index.column() < 2 or index.row() >= len(self.lines):
            return None
        return self.lines[index.row()][3].get(list(RoomType)[index.column() - 2])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        _hotel_id, hotel, night, _cells = self.lines[index.row()]
        column = index.column()
        row = self.cell(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return hotel
            if column == 1:
                return format_date(night, "EEE d MMM")
            if row is None:
                return ""
            return f"{row.booked} / {row.held}" if row.held is not None else str(row.booked)
        if role == Qt.ItemDataRole.BackgroundRole and row is not None and row.over:
            return OVER_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and row is not None:
            if row.held is None:
                return ngettext("{n} room booked; no block held", "{n} rooms booked; no block "
                                "held", row.booked).format(n=row.booked)
            if row.over:
                return ngettext("{n} room more than the block holds",
                                "{n} rooms more than the block holds", row.over).format(
                    n=row.over)
            return _("{booked} of the {held} rooms held are booked").format(
                booked=row.booked, held=row.held)
        return None

    def line_of(self, hotel_id: int, night: date) -> int | None:
        for position, (hid, _name, day, _cells) in enumerate(self.lines):
            if hid == hotel_id and day == night:
                return position
        return None
