"""The audit log: who did what, written in the same transaction as the change."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.domain.context import CommandContext
from server.persistence.models import AuditEntry, utcnow


def record(ctx: CommandContext, action: str, meeting_id: int | None = None,
           details: dict[str, Any] | None = None) -> None:
    """Add one audit entry for the command's actor."""
    ctx.session.add(AuditEntry(actor_id=ctx.actor.user_id, action=action, meeting_id=meeting_id,
                               details=details or {}))


OPEN_WINDOW = timedelta(minutes=10)
"""A user's opens of one document version within this time are one entry."""


def is_first_request(range_header: str | None) -> bool:
    """Whether a download request opens the document: no ``Range``, or one from byte 0.

    A resumed download and a reader fetching later pieces send ranges further on; those
    never write an entry, so one download is one entry however many requests it takes.
    """
    if not range_header:
        return True
    return range_header.replace(" ", "").lower().startswith("bytes=0-")


def record_open(session: Session, actor_id: int, meeting_id: int, document_id: int, version: int) -> bool:
    """Record that ``actor_id`` opened (downloaded) a document version, unless they already
    did within ``OPEN_WINDOW``; returns whether an entry was added."""
    recent = session.scalars(select(AuditEntry.details).where(
        AuditEntry.actor_id == actor_id, AuditEntry.action == "document.open",
        AuditEntry.at > utcnow() - OPEN_WINDOW))
    if any(d.get("document_id") == document_id and d.get("version") == version for d in recent):
        return False
    session.add(AuditEntry(actor_id=actor_id, action="document.open", meeting_id=meeting_id,
                           details={"document_id": document_id, "version": version}))
    return True
