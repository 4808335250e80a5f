"""Action items (giao việc): ``action.save``, ``action.delete``, ``action.set_status`` and
``action.list`` across meetings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from protocol import commands as c
from protocol import events as ev
from protocol.errors import forbidden, invalid, not_found
from protocol.roles import MeetingRole
from server.domain.audit import record
from server.domain.context import CommandContext, Outcome, PendingEvent
from server.domain.handlers import handles
from server.domain.minutes.shapes import action_view
from server.domain.minutes.workflow import back_to_draft
from server.persistence.models import ActionItem, AgendaItem, Meeting, Participant, User, utcnow

MANAGERS = (str(MeetingRole.CHAIR), str(MeetingRole.SECRETARY))
LIST_LIMIT = 500


def locate(session: Session, payload: c.ActionSetStatus) -> int:
    """The meeting of the payload's action item."""
    meeting_id = session.scalar(select(ActionItem.meeting_id).where(ActionItem.id == payload.action_id))
    if meeting_id is None:
        raise not_found(f"Action item {payload.action_id} not found")
    return int(meeting_id)


def _row(ctx: CommandContext, action_id: int) -> ActionItem:
    row = ctx.session.get(ActionItem, action_id)
    if row is None or row.meeting_id != ctx.require_meeting().id:
        raise not_found(f"Action item {action_id} not found")
    return row


def _changed(ctx: CommandContext, row: ActionItem, audit: str) -> Outcome:
    ctx.session.flush()
    view = action_view(row)
    record(ctx, audit, row.meeting_id, {"action": view})
    return Outcome({"action": view}, [PendingEvent(row.meeting_id, ev.ACTION_CHANGED, {"action": view})])


@handles(c.ActionSave)
def save(ctx: CommandContext, p: c.ActionSave) -> Outcome:
    """Create an action item (no ``id``) or replace one's fields; ``{"action"}``."""
    meeting = ctx.require_meeting()
    fields = p.action
    if fields.agenda_item_id is not None:
        item = ctx.session.get(AgendaItem, fields.agenda_item_id)
        if item is None or item.meeting_id != meeting.id:
            raise invalid(f"agenda_item_id: {fields.agenda_item_id} is not an agenda item of this meeting")
    owner_name = fields.owner_name or None
    if fields.owner_id is not None:
        owner = ctx.session.get(User, fields.owner_id)
        if owner is None:
            raise invalid(f"owner_id: no user with id {fields.owner_id}")
        owner_name = owner.full_name  # kept as it was when the task was given
    values: dict[str, Any] = {"agenda_item_id": fields.agenda_item_id, "title": fields.title,
                              "owner_id": fields.owner_id, "owner_name": owner_name, "due": fields.due,
                              "status": fields.status}
    if fields.id is None:
        row = ActionItem(meeting_id=meeting.id, created_by=ctx.actor.user_id, created_at=utcnow(), **values)
        ctx.session.add(row)
    else:
        row = _row(ctx, fields.id)
        if all(getattr(row, key) == value for key, value in values.items()):
            return Outcome({"action": action_view(row)})
        for key, value in values.items():
            setattr(row, key, value)
    row.updated_at = utcnow()
    outcome = _changed(ctx, row, "action.save")
    outcome.events += back_to_draft(meeting)
    return outcome


@handles(c.ActionDelete)
def delete(ctx: CommandContext, p: c.ActionDelete) -> Outcome:
    """Delete an action item."""
    meeting = ctx.require_meeting()
    row = _row(ctx, p.action_id)
    record(ctx, "action.delete", meeting.id, {"action": action_view(row)})
    ctx.session.delete(row)
    return Outcome({}, [PendingEvent(meeting.id, ev.ACTION_REMOVED, {"action_id": p.action_id}),
                        *back_to_draft(meeting)])


@handles(c.ActionSetStatus)
def set_status(ctx: CommandContext, p: c.ActionSetStatus) -> Outcome:
    """Its owner (or the chair, the secretary, an admin) marks an action item done, open or
    cancelled. Progress, not the minutes' content: approved minutes stay approved."""
    row = _row(ctx, p.action_id)
    role = ctx.participant.role if ctx.participant is not None else None
    if not (ctx.actor.is_admin or row.owner_id == ctx.actor.user_id or role in MANAGERS):
        if role is None:  # no part in the meeting and not the owner: its existence is not disclosed
            raise not_found(f"Action item {p.action_id} not found")
        raise forbidden("Only the owner, the chair or the secretary may change this action item's status")
    if row.status == p.status:
        return Outcome({"action": action_view(row)})
    row.status, row.updated_at = p.status, utcnow()
    return _changed(ctx, row, "action.set_status")


@handles(c.ActionList, reads=True)
def list_actions(ctx: CommandContext, p: c.ActionList) -> Outcome:
    """Action items across meetings: the caller's own, every item of the meetings they chair
    or are secretary of, all for an admin; filtered; ``{"actions"}`` with ``meeting_title``."""
    query = select(ActionItem, Meeting.title).join(Meeting, Meeting.id == ActionItem.meeting_id)
    if not ctx.actor.is_admin:
        managed = select(Participant.meeting_id).where(Participant.user_id == ctx.actor.user_id,
                                                       Participant.role.in_(MANAGERS))
        query = query.where(or_(ActionItem.owner_id == ctx.actor.user_id, ActionItem.meeting_id.in_(managed)))
    if p.status is not None:
        query = query.where(ActionItem.status == p.status)
    if p.owner_id is not None:
        query = query.where(ActionItem.owner_id == p.owner_id)
    if p.meeting_id is not None:
        query = query.where(ActionItem.meeting_id == p.meeting_id)
    if p.query:
        pattern = "%" + p.query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(or_(ActionItem.title.ilike(pattern, escape="\\"),
                                ActionItem.owner_name.ilike(pattern, escape="\\")))
    query = query.order_by(ActionItem.due.is_(None), ActionItem.due, ActionItem.id).limit(LIST_LIMIT)
    return Outcome({"actions": [{**action_view(row), "meeting_title": title}
                                for row, title in ctx.session.execute(query)]})
