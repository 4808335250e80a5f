"""The minutes' workflow: draft -> approved (``minutes.approve``) -> published
(``minutes.publish``), and back to draft when their content changes.

Publishing is in two steps. Before the transaction, the transport gathers the minutes'
content, renders the PDF and the DOCX from it and puts both in the blob store
(``Prepared``); the transaction gathers the content again and records the files if it is
the same (otherwise ``Stale``: the pipeline prepares again). So the slow part holds no
lock, and the published bytes show the meeting as it is when they are recorded. (Not the
seq: presence events move it all the time without changing the minutes.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from protocol import commands as c
from protocol import events as ev
from server.domain.audit import record
from server.domain.context import CommandContext, Outcome, PendingEvent, Stale
from server.domain.documents import shapes as documents
from server.domain.documents import upload as uploads
from server.domain.minutes import shapes
from server.persistence.models import Meeting, MinutesVersion, utcnow

DRAFT, APPROVED, PUBLISHED = "draft", "approved", "published"
DOCUMENT_TITLE = "Biên bản họp: {title}"
"""The minutes' title in the documents list (the notice of conclusions is another document)."""


@dataclass(frozen=True)
class StoredFile:
    """A rendered file already in the blob store."""

    sha256: str
    size: int


@dataclass(frozen=True)
class Prepared:
    """The minutes rendered from ``content`` (which numbers them ``version``)."""

    content: object
    current: Callable[[Session], object]
    """Gathers the content as it is now (equal to ``content`` if nothing changed)."""
    version: int
    pdf: StoredFile
    docx: StoredFile
    pages: int


def next_version(session: Session, meeting_id: int) -> int:
    """The number the next publication gets."""
    newest = session.scalar(select(func.max(MinutesVersion.version))
                            .where(MinutesVersion.meeting_id == meeting_id))
    return int(newest or 0) + 1


def back_to_draft(meeting: Meeting) -> list[PendingEvent]:
    """The minutes' content changed: approved or published minutes are a draft again."""
    if meeting.minutes_status == DRAFT:
        return []
    meeting.minutes_status = DRAFT
    return [PendingEvent(meeting.id, ev.MINUTES_STATUS_CHANGED, {"status": DRAFT})]


def approve(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """The chair agrees the draft as it is: ``{"minutes"}``."""
    meeting = ctx.require_meeting()
    if meeting.minutes_status == APPROVED:
        return Outcome({"minutes": shapes.minutes(ctx.session, meeting)})
    meeting.minutes_status = APPROVED
    record(ctx, "minutes.approve", meeting.id, {"seq": meeting.last_seq})
    return Outcome({"minutes": shapes.minutes(ctx.session, meeting)},
                   [PendingEvent(meeting.id, ev.MINUTES_STATUS_CHANGED, {"status": APPROVED})])


def _distribute(ctx: CommandContext, meeting: Meeting, previous: MinutesVersion | None,
                prepared: Prepared) -> Outcome:
    """The PDF as a meeting document for everyone: a new document the first time, the next
    version of the same document for a correction (if it was not removed meanwhile)."""
    replaces = None
    if previous is not None and previous.document_id is not None and documents.load_one(
            ctx.session, meeting.id, previous.document_id) is not None:
        replaces = previous.document_id
    title = DOCUMENT_TITLE.format(title=meeting.title)[:300]
    form = uploads.UploadForm(title=title, access="all", released=True, replaces=replaces)
    filename = f"bien-ban-hop-{meeting.id}-ban-{prepared.version}.pdf"
    new = uploads.NewVersion(prepared.pdf.sha256, prepared.pdf.size, prepared.pages, filename)
    return uploads.store(ctx, form, new)


def publish(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """Record the prepared PDF and DOCX as the next version, write the PDF's sha256 to the
    audit log, and distribute the PDF: ``{"sha256", "version", "document_id", ...}``."""
    meeting = ctx.require_meeting()
    prepared: Prepared = ctx.prepared
    if prepared is None:
        raise RuntimeError("minutes.publish runs with the minutes prepared")
    previous = shapes.newest_version(ctx.session, meeting.id)
    if prepared.version != (previous.version + 1 if previous else 1) or prepared.current(ctx.session) != (
            prepared.content):
        raise Stale()
    uploads.store_blob(ctx.session, prepared.docx.sha256, prepared.docx.size)
    distributed = _distribute(ctx, meeting, previous, prepared)  # stores the PDF's blob too
    document_id = distributed.data["document"]["id"]
    version = MinutesVersion(meeting_id=meeting.id, version=prepared.version, pdf_sha256=prepared.pdf.sha256,
                             docx_sha256=prepared.docx.sha256, pages=prepared.pages, published_at=utcnow(),
                             published_by=ctx.actor.user_id, document_id=document_id,
                             supersedes=previous.version if previous else None)
    ctx.session.add(version)
    meeting.minutes_status = PUBLISHED
    ctx.session.flush()
    details: dict[str, Any] = {"version": version.version, "sha256": version.pdf_sha256,
                               "docx_sha256": version.docx_sha256, "document_id": document_id,
                               "supersedes": version.supersedes}
    record(ctx, "minutes.publish", meeting.id, details)
    published = shapes.published_data(version)
    return Outcome({**published, "docx_sha256": version.docx_sha256, "supersedes": version.supersedes},
                   [*distributed.events, PendingEvent(meeting.id, ev.MINUTES_PUBLISHED, published)])
