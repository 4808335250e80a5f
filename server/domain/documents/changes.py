"""``document.update``, ``document.remove`` and ``document.versions``."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from protocol import commands as c
from protocol import events as ev
from protocol.errors import closed, forbidden, invalid, not_found
from protocol.roles import MeetingStatus
from server.domain.audit import record
from server.domain.context import Actor, CommandContext, Outcome, PendingEvent
from server.domain.documents import events, shapes
from server.domain.documents.shapes import DocumentRow
from server.domain.documents.visibility import DocumentAccess, Viewer, may_read
from server.domain.handlers import handles
from server.persistence.models import (
    AgendaItem,
    Document,
    DocumentReader,
    DocumentVersion,
    Participant,
    User,
    utcnow,
)


def locate(session: Session, payload: c.DocumentRef | c.DocumentUpdate) -> int:
    """The meeting of the payload's document.

    Removed documents are found too (their rows stay): a retry of ``document.remove`` with
    its request_id must reach the stored answer in that meeting's transaction. The
    handlers refuse a removed document themselves.
    """
    meeting_id = session.scalar(select(Document.meeting_id).where(Document.id == payload.document_id))
    if meeting_id is None:
        raise not_found(f"Document {payload.document_id} not found")
    return int(meeting_id)


def check_item(ctx: CommandContext, meeting_id: int, item_id: int) -> None:
    item = ctx.session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting_id:
        raise invalid(f"agenda_item_id: {item_id} is not an agenda item of this meeting")


def check_readers(ctx: CommandContext, user_ids: list[int]) -> None:
    """A restricted document's readers must be users (they need not take part yet)."""
    known = set(ctx.session.scalars(select(User.id).where(User.id.in_(user_ids))))
    unknown = sorted(set(user_ids) - known)
    if unknown:
        raise invalid(f"access: no user with id {', '.join(map(str, unknown))}")


def set_access(session: Session, doc: Document, access: Literal["all"] | list[int]) -> None:
    """``all``, or restricted to these users (the chair, secretary and admins read it anyway)."""
    session.execute(delete(DocumentReader).where(DocumentReader.document_id == doc.id))
    if access == "all":
        doc.access = "all"
        return
    doc.access = "restricted"
    session.add_all(DocumentReader(document_id=doc.id, user_id=user_id) for user_id in sorted(set(access)))


def _row(ctx: CommandContext, document_id: int) -> DocumentRow:
    row = shapes.load_one(ctx.session, ctx.require_meeting().id, document_id)
    if row is None:
        raise not_found(f"Document {document_id} not found")
    return row


def _editable_row(ctx: CommandContext, document_id: int) -> DocumentRow:
    if ctx.require_meeting().status == MeetingStatus.ENDED:
        raise closed("The meeting has ended; its documents can no longer change")
    return _row(ctx, document_id)


@handles(c.DocumentUpdate)
def update(ctx: CommandContext, p: c.DocumentUpdate) -> Outcome:
    """Rename, attach or detach, change access, release or withdraw a document."""
    row = _editable_row(ctx, p.document_id)
    doc, meeting = row.doc, ctx.require_meeting()
    given = p.model_fields_set - {"document_id", "request_id"}
    for name in ("title", "access", "released"):
        if name in given and getattr(p, name) is None:
            raise invalid(f"{name}: may not be null")
    before = shapes.view(row, manager=True)
    if p.title is not None:
        doc.title = p.title
    if "agenda_item_id" in given:
        if p.agenda_item_id is not None:
            check_item(ctx, meeting.id, p.agenda_item_id)
        doc.agenda_item_id = p.agenda_item_id
    if p.access is not None:
        if isinstance(p.access, list):
            check_readers(ctx, p.access)
        set_access(ctx.session, doc, p.access)
    if p.released is not None:
        doc.released = p.released
    ctx.session.flush()
    changed = shapes.load_one(ctx.session, meeting.id, doc.id)
    assert changed is not None
    after = shapes.view(changed, manager=True)
    if after == before:
        return Outcome({"document": after})
    record(ctx, "document.update", meeting.id, {"document_id": doc.id, "before": before, "after": after})
    viewers = shapes.viewers(ctx.session, meeting.id)
    pending = [events.document_changed(changed, ev.DOCUMENT_UPDATED, viewers)]
    pending += events.presenter_after_change(meeting, [changed], viewers)
    return Outcome({"document": after}, pending)


@handles(c.DocumentRemove)
def remove(ctx: CommandContext, p: c.DocumentRef) -> Outcome:
    """Take a document out of the meeting (kept, with its files, for the record)."""
    row = _editable_row(ctx, p.document_id)
    meeting = ctx.require_meeting()
    row.doc.removed_at = utcnow()
    record(ctx, "document.remove", meeting.id, {"document_id": row.doc.id, "title": row.doc.title})
    pending = [PendingEvent(meeting.id, ev.DOCUMENT_REMOVED, {"document_id": row.doc.id})]
    if meeting.presenter_document_id == row.doc.id:
        pending += events.stop_presenting(meeting)
    return Outcome({}, pending)


@handles(c.DocumentVersions, reads=True)
def versions(ctx: CommandContext, p: c.DocumentRef) -> Outcome:
    """Every version of a document the caller may read, oldest first."""
    row = _row(ctx, p.document_id)
    role = ctx.participant.role if ctx.participant else None
    if not may_read(row.access, Viewer(ctx.actor.user_id, role, ctx.actor.is_admin)):
        raise forbidden("You may not read this document")
    rows = ctx.session.scalars(select(DocumentVersion).where(DocumentVersion.document_id == row.doc.id)
                               .order_by(DocumentVersion.version))
    return Outcome({"versions": [shapes.version_view(version) for version in rows]})


def readable_version(session: Session, actor: Actor, document_id: int,
                     version: int | None) -> DocumentVersion:
    """The version (the current one by default) of a document ``actor`` may download.

    Unknown (or removed) documents and versions are not_found; a document the actor may not
    read is forbidden, whether or not they take part in its meeting.
    """
    doc = session.get(Document, document_id)
    if doc is None or doc.removed_at is not None:
        raise not_found(f"Document {document_id} not found")
    role = session.scalar(select(Participant.role).where(
        Participant.meeting_id == doc.meeting_id, Participant.user_id == actor.user_id))
    readers = frozenset(session.scalars(select(DocumentReader.user_id).where(
        DocumentReader.document_id == doc.id))) if doc.access == "restricted" else frozenset()
    access = DocumentAccess(doc.released, doc.access == "restricted", readers)
    if not may_read(access, Viewer(actor.user_id, role, actor.is_admin)):
        raise forbidden("You may not read this document")
    found = session.scalar(select(DocumentVersion).where(
        DocumentVersion.document_id == document_id,
        DocumentVersion.version == (doc.current_version if version is None else version)))
    if found is None:
        raise not_found(f"Document {document_id} has no version {version}")
    return found
