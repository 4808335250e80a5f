"""The hash-chained audit log and the chain's end."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from server.persistence.tables.base import Base, utcnow


class AuditEntry(Base):
    """Who did what, when: logins, permission changes, publications.

    Append-only and hash-chained: ``seq``, ``prev_hash`` and ``hash`` are given at commit
    by ``persistence/audit_chain.py``; triggers refuse changing or deleting a chained row.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ux_audit_log_seq", "seq", unique=True),
                      # A user's recent entries of one kind: the download dedupe, the viewer's filter.
                      Index("ix_audit_log_actor_action_at", "actor_id", "action", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(64))
    meeting_id: Mapped[int | None]
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    seq: Mapped[int | None] = mapped_column(BigInteger)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class AuditHead(Base):
    """The audit chain's end (one row, id 1): appends lock it, so the chain stays one line."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
