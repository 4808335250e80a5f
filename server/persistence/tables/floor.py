"""The floor: requests to speak and the speeches given."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from server.persistence.tables.base import Base, utcnow


class SpeakerRequest(Base):
    """A request to speak or to question, in its list until granted or withdrawn."""

    __tablename__ = "speaker_requests"
    __table_args__ = (
        # One pending request per participant and list, whatever the race.
        Index("uq_speaker_requests_pending", "meeting_id", "user_id", "kind", unique=True,
              sqlite_where=text("status = 'pending'"), postgresql_where=text("status = 'pending'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    """``speak`` or ``question``."""
    status: Mapped[str] = mapped_column(String(16), default="pending")
    """``pending``, ``granted`` or ``withdrawn``."""
    position: Mapped[int] = mapped_column(Integer)
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Speech(Base):
    """A turn at the floor: who, from which site, on which item, for how long."""

    __tablename__ = "speeches"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("speaker_requests.id", ondelete="SET NULL"))
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    """None while the speaker holds the floor (at most one such speech per meeting)."""
    limit_seconds: Mapped[int | None] = mapped_column(Integer)
