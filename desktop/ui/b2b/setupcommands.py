"""Undoable changes to how a B2B block is set up: its slots and tables, who cannot meet when,
and when an interpreter is away. Each is one transaction and one undo step.

Cutting new slots or new tables deletes rows and makes new ones (with new ids), and may free
or seat hosts. So :class:`BlockSetupChange` photographs every slot and table of the block,
with what hangs on them (unavailabilities, meetings), before and after the service runs; undo
and redo remove one photograph's rows and put the other's back, ids and all.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop.b2b.setup import (
    clear_interpreter_unavailable,
    clear_unavailable,
    get_block,
    set_interpreter_unavailable,
    set_unavailable,
)
from desktop.db.models import (
    B2BSlot,
    B2BTable,
    InterpreterUnavailability,
    ParticipantUnavailability,
)
from desktop.ui.context import MissionContext
from desktop.ui.snapshots import Snapshot, restore_snapshot, take_snapshot
from desktop.ui.undo import MissionCommand

BLOCK_KIND = "b2b_block"
AVAILABILITY_KIND = "availability"
INTERPRETER_KIND = "interpreter"


def _block_photo(session: Session, block_id: int) -> tuple[Snapshot, int | None]:
    """The block's slots and tables with everything that hangs on them, and its slot length."""
    slot_ids = list(session.scalars(sa.select(B2BSlot.id).where(B2BSlot.session_id == block_id)))
    table_ids = list(session.scalars(sa.select(B2BTable.id)
                                     .where(B2BTable.session_id == block_id)))
    photo = take_snapshot(session, "b2b_slot", slot_ids)
    tables = take_snapshot(session, "b2b_table", table_ids)
    for name, rows in tables.rows.items():
        photo.rows.setdefault(name, {}).update(rows)
    photo.cleared.extend(tables.cleared)
    return photo, get_block(session, block_id).slot_minutes


def _ids(photo: Snapshot, table: str) -> list[int]:
    return [int(key[0]) for key in photo.rows.get(table, {})]


class BlockSetupChange(MissionCommand):
    """Run ``change`` on a block's slots or tables; undo and redo restore the photographs."""

    def __init__(self, context: MissionContext, text: str, block_id: int,
                 change: Callable[[Session], object]) -> None:
        super().__init__(context, text, BLOCK_KIND)
        self.block_id = block_id
        self._change = change
        self._before: tuple[Snapshot, int | None] | None = None
        self._after: tuple[Snapshot, int | None] | None = None

    def _put(self, session: Session, old: Snapshot, new: tuple[Snapshot, int | None]) -> None:
        # Deleting the slots and tables takes their meetings and unavailabilities along.
        session.execute(sa.delete(B2BSlot).where(B2BSlot.id.in_(_ids(old, "b2b_slot"))))
        session.execute(sa.delete(B2BTable).where(B2BTable.id.in_(_ids(old, "b2b_table"))))
        session.flush()
        restore_snapshot(session, new[0])
        get_block(session, self.block_id).slot_minutes = new[1]
        session.flush()

    def apply(self, session: Session) -> None:
        if self._before is not None and self._after is not None:
            self._put(session, self._before[0], self._after)
            return
        before = _block_photo(session, self.block_id)
        self._change(session)
        session.flush()
        self._after = _block_photo(session, self.block_id)
        self._before = before

    def revert(self, session: Session) -> None:
        assert self._before is not None and self._after is not None
        self._put(session, self._after[0], self._before)


class UnavailabilityChange(MissionCommand):
    """Mark a participant unavailable for a slot (``reason`` given) or clear the mark
    (``reason`` None); undo puts back the mark as it was, with its reason."""

    def __init__(self, context: MissionContext, text: str, participant_id: int, slot_id: int,
                 reason: str | None) -> None:
        super().__init__(context, text, AVAILABILITY_KIND)
        self.participant_id = participant_id
        self.slot_id = slot_id
        self.reason = reason
        self._before: str | None = None

    def _set(self, session: Session, reason: str | None) -> None:
        if reason is None:
            clear_unavailable(session, self.participant_id, self.slot_id)
        else:
            set_unavailable(session, self.participant_id, self.slot_id, reason)

    def apply(self, session: Session) -> None:
        row = session.get(ParticipantUnavailability, (self.participant_id, self.slot_id))
        self._before = row.reason if row is not None else None
        self._set(session, self.reason)

    def revert(self, session: Session) -> None:
        self._set(session, self._before)


class InterpreterSlotChange(MissionCommand):
    """Mark an interpreter away for a slot, or back; undo does the opposite."""

    def __init__(self, context: MissionContext, text: str, interpreter_id: int, slot_id: int,
                 away: bool) -> None:
        super().__init__(context, text, INTERPRETER_KIND)
        self.interpreter_id = interpreter_id
        self.slot_id = slot_id
        self.away = away
        self._was_away = False

    def _set(self, session: Session, away: bool) -> None:
        if away:
            set_interpreter_unavailable(session, self.interpreter_id, self.slot_id)
        else:
            clear_interpreter_unavailable(session, self.interpreter_id, self.slot_id)

    def apply(self, session: Session) -> None:
        self._was_away = session.get(InterpreterUnavailability,
                                     (self.interpreter_id, self.slot_id)) is not None
        self._set(session, self.away)

    def revert(self, session: Session) -> None:
        self._set(session, self._was_away)
