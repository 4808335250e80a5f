"""Storage quotas: how much one user may keep, and one meeting may push to everyone.

Annotations are the one thing a participant stores without anyone checking it first: ink is
a list of points, up to the payload limit (256 KB) a stroke, and a shared one goes to every
reader of the document. So a user's own annotations on one document are capped (count and
size), and the shared annotations of one meeting share one budget (the bytes every
participant downloads). The size of an annotation is the length of its stored JSON ``data`` (as written, with
non-ASCII letters escaped: a Vietnamese letter counts up to 6 bytes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from protocol.errors import ErrorCode, ProtocolError
from server.persistence.models import Annotation, Document


@dataclass(frozen=True)
class Quotas:
    """The limits, from the server's settings (``serve --annotation-*``)."""

    annotations_per_document: int = 2_000
    """Live annotations one user keeps on one document (a busy reader: a few hundred)."""
    annotation_bytes_per_document: int = 4 * 1024 * 1024
    """Their total size (a page of handwriting in ink is ~30 KB)."""
    shared_bytes_per_meeting: int = 4 * 1024 * 1024
    """The total size of a meeting's live shared annotations, which every reader receives."""


def _size(data: object) -> int:
    """The size the database keeps: the JSON text as SQLAlchemy writes it (non-ASCII escaped)."""
    return len(json.dumps(data))


def _stored_size() -> Any:
    """The stored JSON's length in SQL (SQLite keeps JSON as text; PostgreSQL casts it)."""
    return func.coalesce(func.sum(func.length(cast(Annotation.data, String))), 0)


def check_annotation(session: Session, quotas: Quotas, *, author_id: int, document_id: int,
                     meeting_id: int, annotation_id: str, data: object, shared: bool) -> None:
    """Refuse a save that would take the author's annotations on the document, or the
    meeting's shared ones, past their quota (``invalid``, reason ``quota``: waiting does not
    help). The annotation being replaced does not count against itself."""
    size = _size(data)
    mine = select(func.count(), _stored_size()).where(
        Annotation.author_id == author_id, Annotation.document_id == document_id,
        Annotation.deleted.is_(False), Annotation.id != annotation_id)
    count, used = session.execute(mine).one()
    if count + 1 > quotas.annotations_per_document:
        raise quota_exceeded(f"You already keep {count} annotations on this document; the limit "
                             f"is {quotas.annotations_per_document}")
    if used + size > quotas.annotation_bytes_per_document:
        raise quota_exceeded(f"Your annotations on this document would take {_kb(used + size)} KB; "
                             f"the limit is {_kb(quotas.annotation_bytes_per_document)} KB")
    if not shared:
        return
    meeting_shared = select(_stored_size()).select_from(Annotation).join(
        Document, Document.id == Annotation.document_id).where(
        Document.meeting_id == meeting_id, Annotation.shared.is_(True), Annotation.deleted.is_(False),
        Annotation.id != annotation_id)
    used = session.scalar(meeting_shared) or 0
    if used + size > quotas.shared_bytes_per_meeting:
        raise quota_exceeded(f"The shared annotations of this meeting would take {_kb(used + size)} KB; "
                             f"the limit is {_kb(quotas.shared_bytes_per_meeting)} KB. Keep this "
                             "one private, or remove shared ones")


def _kb(size: int) -> int:
    return -(-size // 1024)


def quota_exceeded(message: str) -> ProtocolError:
    """A save refused by a quota: ``invalid`` (waiting does not help, unlike ``rate_limited``)
    with ``reason: "quota"``."""
    return ProtocolError(ErrorCode.INVALID, message, reason=QUOTA)


QUOTA = "quota"
"""``reason`` of a refusal by a storage quota."""
