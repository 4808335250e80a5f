"""``conclusion.set`` and ``conclusion.history``: an agenda item's conclusion and decision,
every change kept as a revision."""

from __future__ import annotations

from sqlalchemy import select

from protocol import commands as c
from protocol import events as ev
from protocol.errors import conflict, not_found
from server.domain.audit import record
from server.domain.context import CommandContext, Outcome, PendingEvent
from server.domain.handlers import handles
from server.domain.minutes.workflow import back_to_draft
from server.persistence.event_log import iso
from server.persistence.models import AgendaItem, Conclusion, ConclusionRevision, User, utcnow


def agenda_item(ctx: CommandContext, item_id: int) -> AgendaItem:
    """An item of the command's meeting, or not_found."""
    item = ctx.session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != ctx.require_meeting().id:
        raise not_found(f"Agenda item {item_id} not found")
    return item


@handles(c.ConclusionSet)
def set_conclusion(ctx: CommandContext, p: c.ConclusionSet) -> Outcome:
    """Write the item's conclusion (and decision, if given) as a new revision; ``{"revision"}``.

    Allowed after the meeting has ended: conclusions are often finished afterwards. A change
    to approved or published minutes makes them a draft again.
    """
    meeting = ctx.require_meeting()
    item = agenda_item(ctx, p.agenda_item_id)
    row = ctx.session.get(Conclusion, item.id)
    revision = row.revision if row is not None else 0
    text = row.text if row is not None else ""
    if p.base_revision is not None and revision > p.base_revision and text != p.text:
        raise conflict(f"The conclusion was changed meanwhile (revision {revision}); it now reads: {text}")
    stored_decision = row.decision if row is not None else None
    decision = stored_decision if p.decision is None else (p.decision or None)
    if (text, stored_decision) == (p.text, decision):
        return Outcome({"revision": revision})  # nothing changes: no revision, no event
    revision += 1
    now = utcnow()
    if row is None:
        row = Conclusion(agenda_item_id=item.id, meeting_id=meeting.id, text=p.text)
        ctx.session.add(row)
    row.text, row.decision, row.revision, row.updated_by, row.updated_at = (
        p.text, decision, revision, ctx.actor.user_id, now)
    ctx.session.add(ConclusionRevision(meeting_id=meeting.id, agenda_item_id=item.id, revision=revision,
                                       text=p.text, decision=decision, author_id=ctx.actor.user_id, at=now))
    record(ctx, "conclusion.set", meeting.id, {"agenda_item_id": item.id, "revision": revision})
    data = {"agenda_item_id": item.id, "text": p.text, "decision": decision or "", "revision": revision}
    return Outcome({"revision": revision},
                   [PendingEvent(meeting.id, ev.CONCLUSION_UPDATED, data), *back_to_draft(meeting)])


@handles(c.ConclusionHistory, reads=True)
def history(ctx: CommandContext, p: c.ConclusionRef) -> Outcome:
    """Every revision of the item's conclusion, oldest first."""
    item = agenda_item(ctx, p.agenda_item_id)
    rows = ctx.session.execute(
        select(ConclusionRevision, User.full_name).outerjoin(User, User.id == ConclusionRevision.author_id)
        .where(ConclusionRevision.agenda_item_id == item.id).order_by(ConclusionRevision.revision))
    return Outcome({"revisions": [
        {"revision": rev.revision, "text": rev.text, "decision": rev.decision or "", "author": name,
         "author_id": rev.author_id, "at": iso(rev.at)} for rev, name in rows]})
