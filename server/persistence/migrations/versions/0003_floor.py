"""floor control and attendance: speaking requests, speeches, proxies, the quorum rule,
time spent per agenda item, and each connection's heartbeat

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("quorum_rule", sa.String(length=16), nullable=False,
                                   server_default="more_than_half"))
    with op.batch_alter_table("participants") as batch:
        batch.add_column(sa.Column("proxy_user_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_participants_proxy_user_id", "users", ["proxy_user_id"], ["id"],
                                 ondelete="SET NULL")
    with op.batch_alter_table("agenda_items") as batch:
        batch.add_column(sa.Column("elapsed_seconds", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("connections") as batch:
        batch.add_column(sa.Column("last_seen_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("rtt_ms", sa.Integer(), nullable=True))

    op.create_table(
        "speaker_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["requested_by"], ["users.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_speaker_requests_meeting_id", "speaker_requests", ["meeting_id"])
    pending = sa.text("status = 'pending'")
    op.create_index("uq_speaker_requests_pending", "speaker_requests", ["meeting_id", "user_id", "kind"],
                    unique=True, sqlite_where=pending, postgresql_where=pending)

    op.create_table(
        "speeches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("limit_seconds", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["request_id"], ["speaker_requests.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["agenda_item_id"], ["agenda_items.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_speeches_meeting_id", "speeches", ["meeting_id"])


def downgrade() -> None:
    op.drop_table("speeches")
    op.drop_table("speaker_requests")
    with op.batch_alter_table("connections") as batch:
        batch.drop_column("rtt_ms")
        batch.drop_column("last_seen_at")
    with op.batch_alter_table("agenda_items") as batch:
        batch.drop_column("elapsed_seconds")
    with op.batch_alter_table("participants") as batch:
        batch.drop_constraint("fk_participants_proxy_user_id", type_="foreignkey")
        batch.drop_column("proxy_user_id")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("quorum_rule")
