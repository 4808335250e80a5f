"""Votes and written consultations: polls, who voted, the ballots and the sealed ballots;
and the keys the server keeps for them (the receipts' HMAC key)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.persistence.tables.base import Base, utcnow


class Poll(Base):
    """A vote (biểu quyết) or a written consultation (lấy ý kiến bằng văn bản)."""

    __tablename__ = "polls"
    __table_args__ = (Index("ix_polls_status_closes_at", "status", "closes_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    question: Mapped[str] = mapped_column(Text)
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    """``[{"id", "text", "comment"}]``; ids 1..n."""
    secret: Mapped[bool] = mapped_column(Boolean, default=False)
    majority: Mapped[str] = mapped_column(String(16), default="absolute")
    quorum: Mapped[int | None] = mapped_column(Integer)
    min_choices: Mapped[int] = mapped_column(Integer, default=1)
    max_choices: Mapped[int] = mapped_column(Integer, default=1)
    weighted: Mapped[bool] = mapped_column(Boolean, default=False)
    allow_change: Mapped[bool] = mapped_column(Boolean, default=False)
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default="meeting")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    voter_ids: Mapped[list[int] | None] = mapped_column(JSON)
    """Written polls: the members asked."""
    document_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The result at the close, kept for the minutes."""
    reminders: Mapped[list[str]] = mapped_column(JSON, default=list)
    """The reminders already sent (``"24h"``, ``"1h"``), so each goes once."""
    turnout: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """The turnout as last published in ``poll.progress`` (``ballots``, ``voted``,
    ``by_site``): what snapshots show, so that they agree with the events."""
    turnout_at: Mapped[datetime | None]
    """When ``poll.progress`` was last sent (progress is sent at most every half second)."""


class PollVoter(Base):
    """Who has voted (or been voted for by their proxy): never what."""

    __tablename__ = "poll_voters"
    __table_args__ = (UniqueConstraint("poll_id", "voter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"))
    voter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    cast_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    """The proxy who cast it, or the voter."""
    site_id: Mapped[int | None] = mapped_column(Integer)
    """The voter's site at the time (turnout per site)."""
    at: Mapped[datetime] = mapped_column(default=utcnow)


class PollBallot(Base):
    """A ballot's content. For a secret poll: no voter, no time, and a random id (the table
    has no rowid on SQLite), so nothing orders or links it to ``poll_voters``."""

    __tablename__ = "poll_ballots"
    __table_args__ = (UniqueConstraint("poll_id", "receipt"), {"sqlite_with_rowid": False})

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"), index=True)
    option_ids: Mapped[list[int]] = mapped_column(JSON)
    comment: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[int] = mapped_column(Integer, default=1)
    receipt: Mapped[str] = mapped_column(String(32))
    voter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    """Named polls only; always null for a secret poll."""


class PollSeal(Base):
    """A secret poll's ballot until the close, sealed (AES-GCM) with the poll's key, which
    is never in the database (``server/domain/voting/seals.py``). It is written in the
    voter's commit beside their ``poll_voters`` row; the close opens every seal of the poll
    and writes the ballots in one shuffled batch, so no commit holds a voter and a readable
    ballot. ``id`` is HMAC(poll key, receipt): a re-sent ballot finds its seal, a database
    reader cannot compute it from a published receipt. No rowid on SQLite."""

    __tablename__ = "poll_seals"
    __table_args__ = ({"sqlite_with_rowid": False},)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"), index=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class ServerSecret(Base):
    """Keys the server makes once and keeps (the receipts' HMAC key)."""

    __tablename__ = "server_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
