"""What a meeting concludes: conclusions and their revisions, action items, published minutes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.persistence.tables.base import Base, utcnow


class Conclusion(Base):
    """An agenda item's conclusion (Markdown) and decision as they stand now."""

    __tablename__ = "conclusions"

    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"),
                                                primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ConclusionRevision(Base):
    """Every change to a conclusion, kept: who wrote what, when."""

    __tablename__ = "conclusion_revisions"
    __table_args__ = (UniqueConstraint("agenda_item_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class ActionItem(Base):
    """A task given at a meeting (giao việc): to a user, or to a unit named in free text."""

    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(2000))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    owner_name: Mapped[str | None] = mapped_column(String(300))
    due: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="open")
    """``open``, ``done`` or ``cancelled``."""
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class MinutesVersion(Base):
    """One publication of a meeting's minutes: immutable PDF and DOCX in the blob store."""

    __tablename__ = "minutes_versions"
    __table_args__ = (UniqueConstraint("meeting_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    pdf_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    docx_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    pages: Mapped[int] = mapped_column(Integer)
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    supersedes: Mapped[int | None] = mapped_column(Integer)
    """The version this one corrects (None for the first)."""
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    """The meeting document the PDF was distributed as."""
    notice_pdf_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    """The notice of conclusions (THÔNG BÁO KẾT LUẬN) published with these minutes (None:
    published before the notice was a document of its own)."""
    notice_docx_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    notice_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    """The meeting document the notice's PDF was distributed as."""
