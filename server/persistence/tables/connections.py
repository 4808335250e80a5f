"""Running server processes and the sockets connected to them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from server.persistence.tables.base import Base, utcnow


class ServerInstance(Base):
    """A running server process; its heartbeat tells others it still holds its sockets."""

    __tablename__ = "server_instances"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(default=utcnow)


class Connection(Base):
    """One connected socket, and the meeting it joined (presence is derived from these)."""

    __tablename__ = "connections"
    __table_args__ = (Index("ix_connections_meeting_user", "meeting_id", "user_id"),)

    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    instance_id: Mapped[str] = mapped_column(
        ForeignKey("server_instances.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_id: Mapped[int] = mapped_column(ForeignKey("tokens.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    connected_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None]
    """The last heartbeat heard from the client (flushed every few seconds)."""
    rtt_ms: Mapped[int | None] = mapped_column(Integer)
    """The round-trip time the client last measured."""
