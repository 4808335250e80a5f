"""Meeting documents: the blob store's files, the versions, their extracted text, the readers
of a restricted document; and what members write beside them (annotations, personal notes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.persistence.tables.base import Base, utcnow


class Blob(Base):
    """A file in the content-addressed blob store, stored once whatever refers to it."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Document(Base):
    """A meeting document; its content is its versions' (the newest is ``current_version``)."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    access: Mapped[str] = mapped_column(String(16), default="all")
    """``all``, or ``restricted`` to the users in document_readers."""
    released: Mapped[bool] = mapped_column(Boolean, default=True)
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None]
    """Removed documents are kept (with their files) for the record, never shown."""


class DocumentVersion(Base):
    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    pages: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(BigInteger)
    filename: Mapped[str] = mapped_column(String(255))
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    page_info: Mapped[list[Any] | None] = mapped_column(JSON)
    """Per page ``[width, height, text_hash]`` (points; ``protocol.annotations.page_text_hash``),
    measured when the file was inspected: annotations are checked against the page box and
    carried to a new version by text. None: not measured (older versions)."""


class DocumentText(Base):
    """One page's extracted text of a document version, for search: as extracted (for the
    snippet) and folded (``server.domain.search.fold``: lower case, no diacritics) for matching."""

    __tablename__ = "document_texts"

    document_version_id: Mapped[int] = mapped_column(
        ForeignKey("document_versions.id", ondelete="CASCADE"), primary_key=True)
    page: Mapped[int] = mapped_column(Integer, primary_key=True)
    """0-based."""
    text: Mapped[str] = mapped_column(Text)
    folded: Mapped[str] = mapped_column(Text)


class DocumentReader(Base):
    """A user named in a restricted document's access."""

    __tablename__ = "document_readers"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class Annotation(Base):
    """A user's mark on one version of a document, in page points (``protocol.annotations``).

    The id is the client's (made offline, sent again after a cut: never doubled). A delete
    keeps the row as a tombstone (``deleted``), so that a stale save from another device
    cannot bring it back.
    """

    __tablename__ = "annotations"
    __table_args__ = (Index("ix_annotations_document_version", "document_id", "version"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    """The document version it is drawn on (moved to a new version when carried over)."""
    page: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]]
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    """The server's time of the latest change: the latest change wins."""
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)
    """Its page's text is not in a newer version: it stays on ``version``, and its author is
    told (``annotation.list`` keeps listing it, marked)."""


class PersonalNote(Base):
    """A user's private note on an agenda item: one per user and item."""

    __tablename__ = "personal_notes"
    __table_args__ = (UniqueConstraint("user_id", "agenda_item_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
