"""The presenter: one page of one document shown to the whole room, followed by every reader."""

from __future__ import annotations

from protocol import commands as c
from protocol.errors import closed, conflict, forbidden, invalid, not_found
from protocol.roles import MeetingStatus
from server.domain.context import CommandContext, Outcome
from server.domain.documents import events, shapes
from server.domain.documents.visibility import Viewer, may_read
from server.domain.handlers import handles
from server.persistence.models import Meeting


def _live(ctx: CommandContext) -> Meeting:
    meeting = ctx.require_meeting()
    if meeting.status == MeetingStatus.ENDED:
        raise closed("The meeting has ended")
    if meeting.status != MeetingStatus.LIVE:
        raise conflict("Start the meeting before presenting")
    return meeting


@handles(c.PresenterSetPage)
def set_page(ctx: CommandContext, p: c.PresenterSetPage) -> Outcome:
    """Show ``page`` of a document to the room; readers who follow go there."""
    meeting = _live(ctx)
    row = shapes.load_one(ctx.session, meeting.id, p.document_id)
    if row is None:
        raise not_found(f"Document {p.document_id} not found")
    role = ctx.participant.role if ctx.participant else None
    if not may_read(row.access, Viewer(ctx.actor.user_id, role, ctx.actor.is_admin)):
        raise forbidden("You may not present a document you may not read")
    if p.page >= row.version.pages:
        raise invalid(f"page: the document has {row.version.pages} pages (counted from 0)")
    if (meeting.presenter_document_id, meeting.presenter_page) == (row.doc.id, p.page):
        return Outcome()
    meeting.presenter_document_id, meeting.presenter_page = row.doc.id, p.page
    return Outcome({}, [events.page_changed(meeting, row, shapes.viewers(ctx.session, meeting.id))])


@handles(c.PresenterStop)
def stop(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """Nothing is presented any more."""
    meeting = ctx.require_meeting()
    if meeting.status == MeetingStatus.ENDED:
        raise closed("The meeting has ended")
    return Outcome({}, events.stop_presenting(meeting))
