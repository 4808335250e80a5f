"""The meetings' event log, and the answers kept for repeated commands."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.persistence.tables.base import Base, utcnow


class Event(Base):
    """The meeting's event log: one row per seq, gapless, written with the change."""

    __tablename__ = "events"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    type: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]]
    at: Mapped[datetime] = mapped_column(default=utcnow)
    audience: Mapped[list[int] | None] = mapped_column(JSON)
    """The users who receive ``data`` whole; everyone else gets it withheld
    (``{"document_id", "hidden": true}``). None: everyone receives it whole."""
    managers: Mapped[list[int] | None] = mapped_column(JSON)
    """Those of the audience who also see what only the chair, the secretary and admins
    see (a document's ``reader_ids``); the rest of the audience gets the data without it.
    None: the data has nothing of the kind."""


class CommandResult(Base):
    """The first answer to a command sent with a request_id, replayed on a repeat."""

    __tablename__ = "command_results"
    __table_args__ = (UniqueConstraint("user_id", "request_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    request_id: Mapped[str] = mapped_column(String(64))
    command: Mapped[str] = mapped_column(String(64))
    response: Mapped[dict[str, Any]]
    at: Mapped[datetime] = mapped_column(default=utcnow)
    fingerprint: Mapped[str | None] = mapped_column(String(64), default=None)
    """sha256 of the payload the first answer was for (null: stored before it was kept):
    the same request_id with another payload is refused, not answered with this."""
