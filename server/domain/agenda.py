"""The agenda: add, update, reorder and remove items, and the current item."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from protocol import commands as c
from protocol import events as ev
from protocol.errors import closed, conflict, invalid, not_found
from protocol.roles import MeetingStatus
from server.domain import views
from server.domain.context import CommandContext, Outcome, PendingEvent
from server.domain.handlers import handles
from server.persistence.event_log import iso
from server.persistence.models import AgendaItem, Document, Meeting, utcnow


def _editable_meeting(ctx: CommandContext) -> Meeting:
    meeting = ctx.require_meeting()
    if meeting.status == MeetingStatus.ENDED:
        raise closed("The meeting has ended; its agenda can no longer change")
    return meeting


def _items(ctx: CommandContext, meeting_id: int) -> list[AgendaItem]:
    return list(ctx.session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
    ))


def _item(ctx: CommandContext, meeting_id: int, item_id: int) -> AgendaItem:
    item = ctx.session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting_id:
        raise not_found(f"Agenda item {item_id} not found")
    return item


def _renumber(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items):
        item.position = position


def _agenda_changed(ctx: CommandContext, meeting_id: int) -> PendingEvent:
    ctx.session.flush()
    return PendingEvent(meeting_id, ev.AGENDA_CHANGED, {"agenda": views.agenda(ctx.session, meeting_id)})


def _answer_with_item(ctx: CommandContext, item_id: int, event: PendingEvent) -> Outcome:
    """Answer the item with its ``document_ids``: the caller (chair, secretary, admin) reads
    every document, so they are all the item's documents."""
    item = next(i for i in event.data["agenda"] if i["id"] == item_id)
    document_ids = list(ctx.session.scalars(select(Document.id).where(
        Document.agenda_item_id == item_id, Document.removed_at.is_(None)).order_by(Document.id)))
    return Outcome({"item": {**item, "document_ids": document_ids}}, [event])


@handles(c.AgendaAddItem)
def add_item(ctx: CommandContext, p: c.AgendaAddItem) -> Outcome:
    """Insert an item at ``position`` (default: at the end)."""
    meeting = _editable_meeting(ctx)
    items = _items(ctx, meeting.id)
    position = len(items) if p.position is None else min(p.position, len(items))
    item = AgendaItem(meeting_id=meeting.id, title=p.title, presenter=p.presenter or None,
                      duration_min=p.duration_min, position=position)
    ctx.session.add(item)
    ctx.session.flush()
    items.insert(position, item)
    _renumber(items)
    return _answer_with_item(ctx, item.id, _agenda_changed(ctx, meeting.id))


@handles(c.AgendaUpdateItem)
def update_item(ctx: CommandContext, p: c.AgendaUpdateItem) -> Outcome:
    """Rename an item, or change its presenter or planned duration."""
    meeting = _editable_meeting(ctx)
    item = _item(ctx, meeting.id, p.item_id)
    changes = p.model_dump(exclude_unset=True, exclude={"meeting_id", "item_id", "request_id"})
    if "title" in changes and changes["title"] is None:
        raise invalid("An agenda item needs a title")
    if "presenter" in changes:
        changes["presenter"] = changes["presenter"] or None
    for key, value in changes.items():
        setattr(item, key, value)
    return _answer_with_item(ctx, item.id, _agenda_changed(ctx, meeting.id))


@handles(c.AgendaReorder)
def reorder(ctx: CommandContext, p: c.AgendaReorder) -> Outcome:
    """Put the items in the given order; the list must name every item once."""
    meeting = _editable_meeting(ctx)
    items = {item.id: item for item in _items(ctx, meeting.id)}
    if sorted(p.item_ids) != sorted(items):
        raise invalid("The new order must name every agenda item exactly once")
    _renumber([items[item_id] for item_id in p.item_ids])
    return Outcome({}, [_agenda_changed(ctx, meeting.id)])


@handles(c.AgendaRemoveItem)
def remove_item(ctx: CommandContext, p: c.AgendaRemoveItem) -> Outcome:
    """Delete an item; if it was current, no item is current any more."""
    meeting = _editable_meeting(ctx)
    item = _item(ctx, meeting.id, p.item_id)
    if meeting.current_item_id == item.id:
        meeting.current_item_id, meeting.current_item_started_at = None, None
    # Its documents stay in the meeting, attached to no item (the reducer does the same on
    # agenda.changed; the foreign key's ON DELETE SET NULL would too, unseen by the session).
    ctx.session.execute(update(Document).where(Document.agenda_item_id == item.id)
                        .values(agenda_item_id=None))
    ctx.session.delete(item)
    ctx.session.flush()
    _renumber(_items(ctx, meeting.id))
    return Outcome({}, [_agenda_changed(ctx, meeting.id)])


def leave_current(ctx: CommandContext, meeting: Meeting, now: datetime) -> dict[str, int] | None:
    """The current item is left behind: add the time it was current to its
    ``elapsed_seconds``; ``{"item_id", "elapsed_seconds"}`` for the event, or None."""
    if meeting.current_item_id is None:
        return None
    item = ctx.session.get(AgendaItem, meeting.current_item_id)
    if item is None:
        return None
    if meeting.current_item_started_at is not None:
        spent = int((now - meeting.current_item_started_at).total_seconds())
        item.elapsed_seconds = (item.elapsed_seconds or 0) + max(0, spent)
    return {"item_id": item.id, "elapsed_seconds": item.elapsed_seconds}


@handles(c.AgendaSetCurrent)
def set_current(ctx: CommandContext, p: c.AgendaSetCurrent) -> Outcome:
    """Make an item the one under discussion (``None``: no item); the item left behind
    keeps the time spent on it."""
    meeting = _editable_meeting(ctx)
    if meeting.status != MeetingStatus.LIVE:
        raise conflict("Start the meeting before moving through its agenda")
    if p.item_id is not None:
        _item(ctx, meeting.id, p.item_id)
    if meeting.current_item_id == p.item_id:
        return Outcome()
    now = utcnow()
    previous = leave_current(ctx, meeting, now)
    started = now if p.item_id is not None else None
    meeting.current_item_id, meeting.current_item_started_at = p.item_id, started
    return Outcome({}, [PendingEvent(meeting.id, ev.AGENDA_CURRENT_CHANGED,
                                     {"item_id": p.item_id, "started_at": iso(started),
                                      "previous": previous})])
