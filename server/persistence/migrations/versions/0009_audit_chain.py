"""the audit log as a hash chain: seq, prev_hash, hash; the chain's head; append-only triggers

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-21
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

GENESIS = "0" * 64

# Changing or deleting a chained entry is refused; giving an unchained entry its place in
# the chain (seq, prev_hash, hash: what the commit-time chaining writes) is allowed once.
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit_log is append-only: entries cannot be deleted';
    END IF;
    IF OLD.hash IS NOT NULL OR NEW.id <> OLD.id OR NEW.at IS DISTINCT FROM OLD.at
       OR NEW.actor_id IS DISTINCT FROM OLD.actor_id OR NEW.action IS DISTINCT FROM OLD.action
       OR NEW.meeting_id IS DISTINCT FROM OLD.meeting_id
       OR NEW.details::text IS DISTINCT FROM OLD.details::text THEN
        RAISE EXCEPTION 'audit_log is append-only: entries cannot be changed';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql
"""
PG_TRIGGER = """
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
"""
SQLITE_TRIGGERS = [
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       WHEN OLD.hash IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at
            OR NEW.actor_id IS NOT OLD.actor_id OR NEW.action IS NOT OLD.action
            OR NEW.meeting_id IS NOT OLD.meeting_id OR NEW.details IS NOT OLD.details
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted'); END""",
]


def _hash(seq: int, at: datetime, actor_id: int | None, action: str, meeting_id: int | None,
          details: Any, prev_hash: str) -> str:
    # The same rule as server/persistence/audit_chain.py, frozen here as migrations are.
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    body = [seq, at.astimezone(UTC).isoformat(timespec="microseconds"), actor_id, action, meeting_id,
            details, prev_hash]
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("seq", sa.BigInteger(), nullable=True))
    op.add_column("audit_log", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_index("ux_audit_log_seq", "audit_log", ["seq"], unique=True)
    op.create_index("ix_audit_log_actor_action_at", "audit_log", ["actor_id", "action", "at"])
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # The entries written before the chain existed are chained in id order.
    bind = op.get_bind()
    log = sa.table("audit_log", sa.column("id", sa.Integer()), sa.column("at", sa.DateTime()),
                   sa.column("actor_id", sa.Integer()), sa.column("action", sa.String()),
                   sa.column("meeting_id", sa.Integer()), sa.column("details", sa.JSON()),
                   sa.column("seq", sa.BigInteger()), sa.column("prev_hash", sa.String()),
                   sa.column("hash", sa.String()))
    seq, prev = 0, GENESIS
    rows = bind.execute(sa.select(log.c.id, log.c.at, log.c.actor_id, log.c.action, log.c.meeting_id,
                                  log.c.details).order_by(log.c.id)).all()
    for row in rows:
        seq += 1
        digest = _hash(seq, row.at, row.actor_id, row.action, row.meeting_id, row.details, prev)
        bind.execute(sa.update(log).where(log.c.id == row.id).values(seq=seq, prev_hash=prev, hash=digest))
        prev = digest
    bind.execute(sa.text("INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, :seq, :hash)"),
                 {"seq": seq, "hash": prev})
    if bind.dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        op.execute(PG_TRIGGER)
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    op.drop_table("audit_head")
    op.drop_index("ix_audit_log_actor_action_at", table_name="audit_log")
    op.drop_index("ux_audit_log_seq", table_name="audit_log")
    op.drop_column("audit_log", "hash")
    op.drop_column("audit_log", "prev_hash")
    op.drop_column("audit_log", "seq")
