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
from server.domain.handlers import handles
from server.domain.minutes import shapes
from server.persistence.models import Meeting, MinutesVersion, utcnow

DRAFT, APPROVED, PUBLISHED = "draft", "approved", "published"
DOCUMENT_TITLE = "Biên bản họp: {title}"
NOTICE_TITLE = "Thông báo kết luận: {title}"
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
    notice_pdf: StoredFile | None = None
    """The notice of conclusions (None: not rendered, as by older callers)."""
    notice_docx: StoredFile | None = None
    notice_pages: int = 0


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


@handles(c.MinutesApprove)
def approve(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """The chair agrees the draft as it is: ``{"minutes"}``."""
    meeting = ctx.require_meeting()
    if meeting.minutes_status == APPROVED:
        return Outcome({"minutes": shapes.minutes(ctx.session, meeting)})
    meeting.minutes_status = APPROVED
    record(ctx, "minutes.approve", meeting.id, {"seq": meeting.last_seq})
    return Outcome({"minutes": shapes.minutes(ctx.session, meeting)},
                   [PendingEvent(meeting.id, ev.MINUTES_STATUS_CHANGED, {"status": APPROVED})])


def _distribute(ctx: CommandContext, meeting: Meeting, previous_document: int | None, title: str,
                filename: str, pdf: StoredFile, pages: int) -> Outcome:
    """A PDF as a meeting document for everyone: a new document the first time, the next
    version of the same document for a correction (if it was not removed meanwhile)."""
    replaces = None
    if previous_document is not None and documents.load_one(
            ctx.session, meeting.id, previous_document) is not None:
        replaces = previous_document
    form = uploads.UploadForm(title=title.format(title=meeting.title)[:300], access="all", released=True,
                              replaces=replaces)
    return uploads.store(ctx, form, uploads.NewVersion(pdf.sha256, pdf.size, pages, filename))


@handles(c.MinutesPublish)
def publish(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """Record the prepared PDF and DOCX (and the notice of conclusions') as the next version,
    write their sha256 to the audit log, and distribute both PDFs as meeting documents:
    ``{"sha256", "version", "document_id", "notice_document_id", ...}``."""
    meeting = ctx.require_meeting()
    prepared: Prepared = ctx.prepared
    if prepared is None:
        raise RuntimeError("minutes.publish runs with the minutes prepared")
    previous = shapes.newest_version(ctx.session, meeting.id)
    if prepared.version != (previous.version + 1 if previous else 1) or prepared.current(ctx.session) != (
            prepared.content):
        raise Stale()
    uploads.store_blob(ctx.session, prepared.docx.sha256, prepared.docx.size)
    distributed = _distribute(  # stores the PDF's blob too
        ctx, meeting, previous.document_id if previous else None, DOCUMENT_TITLE,
        f"bien-ban-hop-{meeting.id}-ban-{prepared.version}.pdf", prepared.pdf, prepared.pages)
    document_id = distributed.data["document"]["id"]
    events = list(distributed.events)
    notice_document_id = None
    if prepared.notice_pdf is not None and prepared.notice_docx is not None:
        uploads.store_blob(ctx.session, prepared.notice_docx.sha256, prepared.notice_docx.size)
        notice_outcome = _distribute(
            ctx, meeting, previous.notice_document_id if previous else None, NOTICE_TITLE,
            f"thong-bao-ket-luan-{meeting.id}-ban-{prepared.version}.pdf", prepared.notice_pdf,
            prepared.notice_pages)
        notice_document_id = notice_outcome.data["document"]["id"]
        events += notice_outcome.events
    version = MinutesVersion(meeting_id=meeting.id, version=prepared.version, pdf_sha256=prepared.pdf.sha256,
                             docx_sha256=prepared.docx.sha256, pages=prepared.pages, published_at=utcnow(),
                             published_by=ctx.actor.user_id, document_id=document_id,
                             supersedes=previous.version if previous else None,
                             notice_pdf_sha256=prepared.notice_pdf.sha256 if prepared.notice_pdf else None,
                             notice_docx_sha256=prepared.notice_docx.sha256 if prepared.notice_docx else None,
                             notice_document_id=notice_document_id)
    ctx.session.add(version)
    meeting.minutes_status = PUBLISHED
    ctx.session.flush()
    notice: dict[str, Any] = {"notice_sha256": version.notice_pdf_sha256,
                              "notice_docx_sha256": version.notice_docx_sha256,
                              "notice_document_id": notice_document_id}
    details: dict[str, Any] = {"version": version.version, "sha256": version.pdf_sha256,
                               "docx_sha256": version.docx_sha256, "document_id": document_id,
                               "supersedes": version.supersedes, **notice}
    record(ctx, "minutes.publish", meeting.id, details)
    published = shapes.published_data(version)
    return Outcome({**published, "docx_sha256": version.docx_sha256, "supersedes": version.supersedes,
                    **notice},
                   [*events, PendingEvent(meeting.id, ev.MINUTES_PUBLISHED, published)])
