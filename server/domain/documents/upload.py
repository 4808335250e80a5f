"""A checked PDF becomes a new document, or the next version of one, in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from protocol import events as ev
from protocol.errors import closed, invalid
from protocol.roles import MeetingStatus
from server.domain.annotation_versions import carry_over
from server.domain.audit import record
from server.domain.context import CommandContext, Outcome
from server.domain.documents import events, shapes
from server.domain.documents.changes import check_item, check_readers, set_access
from server.domain.search import documents as search_texts
from server.persistence.models import Blob, Document, DocumentVersion, Meeting, utcnow


@dataclass(frozen=True)
class UploadForm:
    """The upload's form fields, parsed (None: not given)."""

    title: str | None = None
    agenda_item_id: int | None = None
    access: Literal["all"] | list[int] | None = None
    released: bool | None = None
    replaces: int | None = None


@dataclass(frozen=True)
class NewVersion:
    """A checked PDF already in the blob store."""

    sha256: str
    size: int
    pages: int
    filename: str
    page_info: list[Any] | None = None
    """Per page ``[width, height, text_hash]``, as the inspection measured them."""
    page_texts: Sequence[str] = ()
    """Per page its text, as the inspection extracted it (kept for search)."""


def editable(ctx: CommandContext) -> Meeting:
    """The meeting, if its documents may still change (``closed`` once it has ended)."""
    meeting = ctx.require_meeting()
    if meeting.status == MeetingStatus.ENDED:
        raise closed("The meeting has ended; its documents can no longer change")
    return meeting


def check(ctx: CommandContext, form: UploadForm) -> None:
    """Refuse a form that cannot succeed, before the file is read and checked (the final
    transaction checks again: things may change meanwhile)."""
    meeting = editable(ctx)
    if form.replaces is None and not form.title:
        raise invalid("title: a new document needs a title")
    if form.replaces is not None and shapes.load_one(ctx.session, meeting.id, form.replaces) is None:
        raise invalid(f"replaces: document {form.replaces} is not a document of this meeting")
    if form.agenda_item_id is not None:
        check_item(ctx, meeting.id, form.agenda_item_id)
    if isinstance(form.access, list):
        check_readers(ctx, form.access)


def store_blob(session: Session, sha256: str, size: int) -> None:
    """Index the blob once, whoever stored the same bytes first (in any transaction)."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(Blob).values(sha256=sha256, size=size, created_at=utcnow())
                    .on_conflict_do_nothing(index_elements=["sha256"]))


def add(ctx: CommandContext, form: UploadForm, new: NewVersion) -> Outcome:
    """Store the version; answer ``{"document"}``; ``document.added`` or ``document.updated``."""
    check(ctx, form)
    return store(ctx, form, new)


def store(ctx: CommandContext, form: UploadForm, new: NewVersion) -> Outcome:
    """``add`` without its checks: for the server's own documents (the published minutes are
    distributed after the meeting has ended). ``form.replaces`` must be a live document of
    the meeting."""
    meeting = ctx.require_meeting()
    session = ctx.session
    store_blob(session, new.sha256, new.size)
    if form.replaces is None:
        doc = Document(meeting_id=meeting.id, title=form.title, current_version=1, access="all",
                       released=True if form.released is None else form.released,
                       created_by=ctx.actor.user_id)
        session.add(doc)
        session.flush()
        event_type = ev.DOCUMENT_ADDED
    else:
        row = shapes.load_one(session, meeting.id, form.replaces)
        assert row is not None  # check() found it, and nothing removes it within this transaction
        doc = row.doc
        previous = row.version
        doc.current_version += 1
        if form.title:
            doc.title = form.title
        if form.released is not None:
            doc.released = form.released
        event_type = ev.DOCUMENT_UPDATED
    if form.agenda_item_id is not None:
        doc.agenda_item_id = form.agenda_item_id
    if form.access is not None:
        set_access(session, doc, form.access)
    session.add(DocumentVersion(document_id=doc.id, version=doc.current_version, sha256=new.sha256,
                                pages=new.pages, size=new.size, filename=new.filename,
                                uploaded_by=ctx.actor.user_id, uploaded_at=utcnow(), page_info=new.page_info))
    session.flush()
    version_id = session.scalar(select(DocumentVersion.id).where(
        DocumentVersion.document_id == doc.id, DocumentVersion.version == doc.current_version))
    assert version_id is not None
    search_texts.store_texts(session, version_id, new.page_texts)
    carried = []
    if event_type == ev.DOCUMENT_UPDATED:
        current = session.scalar(select(DocumentVersion).where(
            DocumentVersion.document_id == doc.id, DocumentVersion.version == doc.current_version))
        assert current is not None
        carried = carry_over(session, doc, previous, current)
    stored = shapes.load_one(session, meeting.id, doc.id)
    assert stored is not None
    record(ctx, "document.upload", meeting.id, {"document_id": doc.id, "version": doc.current_version,
                                                "sha256": new.sha256, "filename": new.filename})
    viewers = shapes.viewers(session, meeting.id)
    pending = [events.document_changed(stored, event_type, viewers)]
    if event_type == ev.DOCUMENT_UPDATED:
        pending += events.presenter_after_change(meeting, [stored], viewers)
    return Outcome({"document": shapes.view(stored, manager=True)}, pending, user_events=carried)
