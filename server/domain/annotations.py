"""``annotation.save``, ``annotation.delete``, ``annotation.list`` and ``annotation.comments``.

Rights: only readers of the document annotate it, see its shared annotations and list
them. Someone else's private annotation does not exist for the caller (``not_found``, as an
unknown id); someone else's shared one is seen, never changed (``forbidden``).

Sync: the latest change to reach the server wins; ``updated_at`` is the server's time,
strictly increasing per annotation. A private change goes to the author's other sockets as
a user event (no seq, not logged); a shared annotation is a meeting event for the readers of
the document (others get it withheld, so that every seq reaches everyone). A delete keeps a
tombstone: a later save of the same id from a device that did not know is a ``conflict``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from protocol import annotations as a
from protocol import commands as c
from protocol import events as ev
from protocol.errors import conflict, forbidden, invalid, not_found
from server.domain.context import CommandContext, Outcome, PendingEvent, UserEvent
from server.domain.documents import shapes
from server.domain.documents.shapes import DocumentRow
from server.domain.documents.visibility import Viewer, audience, may_read
from server.domain.handlers import handles
from server.domain.quotas import check_annotation
from server.persistence.models import Annotation, DocumentVersion, User, utcnow

UNMEASURED_SIDE = 14_400.0
"""The page box assumed for a version inspected before page sizes were kept (PDF's own
limit): coordinates must still be finite and within it."""
TICK = timedelta(microseconds=1)


def stamp(previous: datetime | None) -> datetime:
    """The server's time for a change: now, but always after the previous change."""
    now = utcnow()
    return now if previous is None or now > previous else previous + TICK


def wire_time(moment: datetime) -> str:
    """A change's time with microseconds, fixed width: strings compare as times do."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def shape(row: Annotation, author_name: str) -> dict[str, Any]:
    """An annotation as answered and sent (``protocol.annotations.STORED_FIELDS``)."""
    return {"id": row.id, "document_id": row.document_id, "version": row.version, "page": row.page,
            "kind": row.kind, "data": row.data, "shared": row.shared, "author_id": row.author_id,
            "author_name": author_name, "created_at": wire_time(row.created_at),
            "updated_at": wire_time(row.updated_at), "deleted": row.deleted, "orphaned": row.orphaned}


def readable_document(ctx: CommandContext, document_id: int) -> DocumentRow:
    """The live document, if the caller may read it."""
    row = shapes.load_one(ctx.session, ctx.require_meeting().id, document_id)
    if row is None:
        raise not_found(f"Document {document_id} not found")
    role = ctx.participant.role if ctx.participant else None
    if not may_read(row.access, Viewer(ctx.actor.user_id, role, ctx.actor.is_admin)):
        raise forbidden("You may not read this document")
    return row


def version_of(session: Session, row: DocumentRow, version: int | None) -> DocumentVersion:
    """A version of the document (the current one by default); ``invalid`` if it has none such."""
    if version is None or version == row.version.version:
        return row.version
    found = session.scalar(select(DocumentVersion).where(
        DocumentVersion.document_id == row.doc.id, DocumentVersion.version == version))
    if found is None:
        raise invalid(f"version: document {row.doc.id} has no version {version}")
    return found


def page_size(version: DocumentVersion, page: int) -> tuple[float, float]:
    """The page box in points (``invalid`` for a page the version does not have)."""
    if page >= version.pages:
        raise invalid(f"page: {page} is out of range (version {version.version} has {version.pages} "
                      "pages, counted from 0)")
    if version.page_info and page < len(version.page_info):
        width, height, _digest = version.page_info[page]
        return float(width), float(height)
    return UNMEASURED_SIDE, UNMEASURED_SIDE


def _visible(ctx: CommandContext, found: Annotation | None, document_id: int) -> Annotation:
    """The annotation, if the caller may see it: their own, or a shared one of this document."""
    if found is None or found.document_id != document_id or (
            found.author_id != ctx.actor.user_id and (not found.shared or found.deleted)):
        raise not_found("No such annotation")
    return found


def _author_name(session: Session, user_id: int) -> str:
    return str(session.scalar(select(User.full_name).where(User.id == user_id)) or "")


def _shared_event(ctx: CommandContext, row: DocumentRow, type_: str, data: dict[str, Any]) -> PendingEvent:
    """A meeting event the document's readers receive whole (the rest withheld)."""
    seen = audience(row.access, shapes.viewers(ctx.session, row.doc.meeting_id))
    return PendingEvent(row.doc.meeting_id, type_, data, audience=seen.readers, others=seen.others)


@handles(c.AnnotationSave)
def save(ctx: CommandContext, p: c.AnnotationSave) -> Outcome:
    """Create or change one of the caller's annotations; answer ``{"annotation"}``."""
    given, session, me = p.annotation, ctx.session, ctx.actor.user_id
    row = readable_document(ctx, p.document_id)
    version = version_of(session, row, given.version)
    data = a.data_of(given)
    problem = a.outside_page(given.kind, data, *page_size(version, given.page))
    if problem:
        raise invalid(f"annotation.data: {problem}")
    existing = session.get(Annotation, given.id)
    if existing is not None:
        _visible(ctx, existing, p.document_id)
        if existing.author_id != me:
            raise forbidden("Only its author may change an annotation")
        if existing.deleted:
            raise conflict("This annotation was deleted on another device")
        stored = (existing.version, existing.page, existing.kind, existing.data, existing.shared)
        unchanged = not existing.orphaned and stored == (version.version, given.page, given.kind, data,
                                                          given.shared)
        if unchanged:  # a save sent again (after a lost answer, or by a second device): nothing to do
            return Outcome({"annotation": shape(existing, ctx.actor.full_name)})
    check_annotation(session, ctx.quotas, author_id=me, document_id=p.document_id,
                     meeting_id=row.doc.meeting_id, annotation_id=given.id, data=data, shared=given.shared)
    was_shared = existing is not None and existing.shared
    now = stamp(existing.updated_at if existing else None)
    if existing is None:
        existing = Annotation(id=given.id, document_id=p.document_id, author_id=me, created_at=now)
        session.add(existing)
    existing.version, existing.page, existing.kind = version.version, given.page, given.kind
    existing.data, existing.shared, existing.orphaned = data, given.shared, False
    existing.updated_at, existing.deleted = now, False
    session.flush()
    annotation = shape(existing, ctx.actor.full_name)
    outcome = Outcome({"annotation": annotation})
    if given.shared:
        outcome.events.append(_shared_event(ctx, row, ev.ANNOTATION_SHARED,
                                            {"document_id": p.document_id, "annotation": annotation}))
        return outcome
    if was_shared:
        outcome.events.append(_shared_event(ctx, row, ev.ANNOTATION_UNSHARED, {
            "document_id": p.document_id, "annotation_id": given.id, "author_id": me, "deleted": False}))
    outcome.user_events.append(UserEvent(row.doc.meeting_id, me, ev.ANNOTATION_CHANGED,
                                         {"document_id": p.document_id, "annotation": annotation}, ctx.sid))
    return outcome


@handles(c.AnnotationDelete)
def delete(ctx: CommandContext, p: c.AnnotationDelete) -> Outcome:
    """Delete one of the caller's annotations (a tombstone is kept); answer ``{}``."""
    row = readable_document(ctx, p.document_id)
    found = _visible(ctx, ctx.session.get(Annotation, p.annotation_id), p.document_id)
    me = ctx.actor.user_id
    if found.author_id != me:
        raise forbidden("Only its author may delete an annotation")
    if found.deleted:
        return Outcome({})  # deleted already (a repeat, or another device): the same end
    was_shared = found.shared
    found.deleted, found.shared, found.updated_at = True, False, stamp(found.updated_at)
    outcome = Outcome({})
    if was_shared:
        outcome.events.append(_shared_event(ctx, row, ev.ANNOTATION_UNSHARED, {
            "document_id": p.document_id, "annotation_id": found.id, "author_id": me, "deleted": True}))
    outcome.user_events.append(UserEvent(row.doc.meeting_id, me, ev.ANNOTATION_DELETED, {
        "document_id": p.document_id, "annotation_id": found.id, "updated_at": wire_time(found.updated_at)},
        ctx.sid))
    return outcome


def _with_authors(session: Session, query: Any) -> list[dict[str, Any]]:
    rows = session.execute(query.join(User, User.id == Annotation.author_id).order_by(
        Annotation.version, Annotation.page, Annotation.created_at, Annotation.id))
    return [shape(found, name) for found, name in rows]


@handles(c.AnnotationList, reads=True)
def list_annotations(ctx: CommandContext, p: c.AnnotationList) -> Outcome:
    """The caller's annotations on the version and the others' shared ones, and the caller's
    annotations that could not be carried to it (``orphaned``, on their old version)."""
    row = readable_document(ctx, p.document_id)
    version = version_of(ctx.session, row, p.version).version
    me = ctx.actor.user_id
    query = select(Annotation, User.full_name).where(
        Annotation.document_id == p.document_id, Annotation.deleted.is_(False),
        or_(and_(Annotation.version == version, or_(Annotation.author_id == me, Annotation.shared.is_(True))),
            and_(Annotation.version < version, Annotation.orphaned.is_(True), Annotation.author_id == me)))
    return Outcome({"version": version, "annotations": _with_authors(ctx.session, query)})


@handles(c.AnnotationComments, reads=True)
def comments(ctx: CommandContext, p: c.DocumentRef) -> Outcome:
    """Every shared annotation of the document, all versions, with its author (for the
    secretary's comment summary)."""
    readable_document(ctx, p.document_id)
    query = select(Annotation, User.full_name).where(
        Annotation.document_id == p.document_id, Annotation.deleted.is_(False), Annotation.shared.is_(True))
    return Outcome({"annotations": _with_authors(ctx.session, query)})
