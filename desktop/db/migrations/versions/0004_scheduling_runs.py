"""What each automatic scheduling proved (optimal, or breaks and bound), kept with the mission.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "b2b_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=False),
        sa.Column("replan", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("placed", sa.Integer(), nullable=False),
        sa.Column("to_place", sa.Integer(), nullable=False),
        sa.Column("required", sa.Integer(), nullable=False),
        sa.Column("required_placed", sa.Integer(), nullable=False),
        sa.Column("breaks", sa.Integer(), nullable=False),
        sa.Column("bound_breaks", sa.Integer(), nullable=False),
        sa.Column("max_break_spread", sa.Integer(), nullable=True),
        sa.Column("solve_seconds", sa.Float(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.CheckConstraint("status IN ('optimal', 'feasible')",
                           name=op.f("ck_b2b_run_known_status")),
        sa.CheckConstraint("bound_breaks <= breaks", name=op.f("ck_b2b_run_bound_below_breaks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_b2b_run")),
    )


def downgrade() -> None:
    op.drop_table("b2b_run")
