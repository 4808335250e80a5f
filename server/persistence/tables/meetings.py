"""A meeting, its sites, its participants and its agenda."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.persistence.tables.base import Base, utcnow
from server.persistence.tables.users import User


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime | None]
    location: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16), default="scheduled")
    current_item_id: Mapped[int | None]
    current_item_started_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    """The seq of the newest event; bumped in the same transaction as every change."""
    presenter_document_id: Mapped[int | None]
    """The document shown to the room (no foreign key: documents point at meetings)."""
    presenter_page: Mapped[int | None]
    quorum_rule: Mapped[str] = mapped_column(String(16), default="more_than_half")
    """``more_than_half``, ``at_least_half``, ``two_thirds`` or ``none`` (of the members)."""
    minutes_status: Mapped[str] = mapped_column(String(16), default="draft", server_default="draft")
    """``draft``, ``approved`` (frozen by the chair) or ``published``; any change to the
    minutes' content after approval or publication makes it ``draft`` again."""
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Site(Base):
    """A connected room (điểm cầu); the one at position 0 is the central site."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer)


class Participant(Base):
    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"))
    voting_weight: Mapped[int] = mapped_column(Integer, default=1)
    attendance: Mapped[str] = mapped_column(String(16), default="unknown")
    attendance_reason: Mapped[str | None] = mapped_column(String(300))
    proxy_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    """The participant who represents this member (ủy quyền), if any."""

    user: Mapped[User] = relationship(foreign_keys=[user_id])


class AgendaItem(Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer)
    presenter: Mapped[str | None] = mapped_column(String(300))
    duration_min: Mapped[int | None] = mapped_column(Integer)
    elapsed_seconds: Mapped[int] = mapped_column(Integer, default=0)
    """Time spent on the item in the periods it was current and is no longer."""
