"""Indexes for the day views: flights by departure, stays by check-in, meetings by slot.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_flight_segment_departs_at", "flight_segment", ["departs_at"])
    op.create_index("ix_hotel_stay_check_in", "hotel_stay", ["check_in"])
    op.create_index("ix_meeting_slot_id", "meeting", ["slot_id"])


def downgrade() -> None:
    op.drop_index("ix_meeting_slot_id", table_name="meeting")
    op.drop_index("ix_hotel_stay_check_in", table_name="hotel_stay")
    op.drop_index("ix_flight_segment_departs_at", table_name="flight_segment")
