"""secret ballots sealed until the close (poll_seals)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "poll_seals",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("poll_id", sa.Integer(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["poll_id"], ["polls.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_with_rowid=False,
    )
    op.create_index(op.f("ix_poll_seals_poll_id"), "poll_seals", ["poll_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_poll_seals_poll_id"), table_name="poll_seals")
    op.drop_table("poll_seals")
