"""B2B slots cut around two or more pauses: morning and afternoon again, not "part 3".

Slots used to take one part per pause ("am", "pm", then "part 3"...), so a coffee break
started a new part: an afternoon's last slots became "part 3", which neither a morning nor an
afternoon restriction of a meeting matches. Slot generation now divides a block at its longest
pause only. This revision relabels the slots of every block that holds such a part the same way:
the longest gap between two of its slots (the first of equals) divides "am" from "pm". Blocks
whose slots are all "am", "pm" or unlabelled are left as they are.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SLOTS = sa.table("b2b_slot", sa.column("id", sa.Integer), sa.column("session_id", sa.Integer),
                  sa.column("starts_at", sa.DateTime), sa.column("ends_at", sa.DateTime),
                  sa.column("part", sa.String))


def upgrade() -> None:
    bind = op.get_bind()
    blocks = bind.execute(sa.select(_SLOTS.c.session_id).distinct().where(
        _SLOTS.c.part.not_in(("am", "pm", "")))).scalars().all()
    for block in blocks:
        rows = bind.execute(sa.select(_SLOTS.c.id, _SLOTS.c.starts_at, _SLOTS.c.ends_at)
                            .where(_SLOTS.c.session_id == block)
                            .order_by(_SLOTS.c.starts_at)).all()
        gaps = [(rows[i + 1].starts_at - rows[i].ends_at, i + 1) for i in range(len(rows) - 1)]
        # The longest gap; among equals the first (a later index loses the tie).
        longest = max(gaps, key=lambda gap: (gap[0], -gap[1]), default=None)
        split = longest[1] if longest is not None and longest[0].total_seconds() > 0 \
            else len(rows)
        for index, row in enumerate(rows):
            bind.execute(_SLOTS.update().where(_SLOTS.c.id == row.id)
                         .values(part="am" if index < split else "pm"))


def downgrade() -> None:
    """Nothing to undo: "am" and "pm" are parts every revision reads."""
