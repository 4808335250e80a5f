"""Meetings: list, create, update, start and end."""

from __future__ import annotations

from sqlalchemy import select

from protocol import commands as c
from protocol import events as ev
from protocol.errors import closed, conflict, invalid
from protocol.roles import MeetingStatus
from server.domain import floor, views
from server.domain.agenda import leave_current
from server.domain.audit import record
from server.domain.context import CommandContext, Outcome, PendingEvent
from server.domain.documents.events import stop_presenting
from server.domain.handlers import handles
from server.persistence.event_log import iso
from server.persistence.models import AgendaItem, Meeting, Participant, Site, utcnow


@handles(c.MeetingList, reads=True)
def list_meetings(ctx: CommandContext, _payload: c.MeetingList) -> Outcome:
    """The meetings the user takes part in; admins and organizers see every meeting."""
    actor = ctx.actor
    rows = ctx.session.execute(
        select(Participant.meeting_id, Participant.role).where(Participant.user_id == actor.user_id)
    )
    roles: dict[int, str] = {meeting_id: role for meeting_id, role in rows}
    query = select(Meeting).order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    if not (actor.is_admin or actor.is_organizer):
        query = query.where(Meeting.id.in_(roles))
    meetings = [views.meeting_summary(m, roles.get(m.id)) for m in ctx.session.scalars(query)]
    return Outcome({"meetings": meetings})


@handles(c.MeetingCreate)
def create(ctx: CommandContext, p: c.MeetingCreate) -> Outcome:
    """Create a meeting with its sites; the first site is the central one."""
    if p.ends_at is not None and p.ends_at <= p.starts_at:
        raise invalid("The meeting must end after it starts")
    if len(set(p.sites)) != len(p.sites):
        raise invalid("Two sites have the same name")
    meeting = Meeting(
        title=p.title, starts_at=p.starts_at, ends_at=p.ends_at, location=p.location,
        created_by=ctx.actor.user_id,
    )
    ctx.session.add(meeting)
    ctx.session.flush()
    for position, name in enumerate(p.sites):
        ctx.session.add(Site(meeting_id=meeting.id, name=name, position=position))
    record(ctx, "meeting.create", meeting.id, {"title": p.title})
    ctx.session.flush()
    return Outcome({"meeting": {**views.meeting_summary(meeting, None),
                                "sites": views.sites(ctx.session, meeting.id)}})


@handles(c.MeetingUpdate)
def update(ctx: CommandContext, p: c.MeetingUpdate) -> Outcome:
    """Change a meeting's title, times or place."""
    meeting = ctx.require_meeting()
    if meeting.status == MeetingStatus.ENDED:
        raise closed("The meeting has ended")
    changes = p.model_dump(exclude_unset=True, exclude={"meeting_id", "request_id"})
    if "title" in changes and changes["title"] is None:
        raise invalid("A meeting needs a title")
    if "starts_at" in changes and changes["starts_at"] is None:
        raise invalid("A meeting needs a start time")
    if "quorum_rule" in changes and changes["quorum_rule"] is None:
        raise invalid("quorum_rule: give one of the rules (none: no quorum)")
    for key, value in changes.items():
        setattr(meeting, key, value)
    if meeting.ends_at is not None and meeting.ends_at <= meeting.starts_at:
        raise invalid("The meeting must end after it starts")
    event = PendingEvent(meeting.id, ev.MEETING_UPDATED, {"meeting": views.meeting_fields(meeting)})
    role = ctx.participant.role if ctx.participant else None
    return Outcome({"meeting": views.meeting_summary(meeting, role)}, [event])


@handles(c.MeetingStart)
def start(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """Open the meeting; the first agenda item becomes current."""
    meeting = ctx.require_meeting()
    if meeting.status == MeetingStatus.ENDED:
        raise closed("The meeting has ended")
    if meeting.status == MeetingStatus.LIVE:
        raise conflict("The meeting is already in progress")
    now = utcnow()
    meeting.status, meeting.started_at = MeetingStatus.LIVE, now
    events = [PendingEvent(meeting.id, ev.MEETING_STATUS_CHANGED,
                           {"status": meeting.status, "started_at": iso(now)})]
    first = ctx.session.scalar(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.position).limit(1)
    )
    if first is not None and meeting.current_item_id is None:
        meeting.current_item_id, meeting.current_item_started_at = first.id, now
        events.append(PendingEvent(meeting.id, ev.AGENDA_CURRENT_CHANGED,
                                   {"item_id": first.id, "started_at": iso(now), "previous": None}))
    record(ctx, "meeting.start", meeting.id)
    return Outcome({}, events)


@handles(c.MeetingEnd)
def end(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """Close the meeting; it can no longer change. The speech under way ends, the current
    item keeps the time spent on it, and the presenter stops."""
    meeting = ctx.require_meeting()
    if meeting.status == MeetingStatus.ENDED:
        raise closed("The meeting has already ended")
    if meeting.status != MeetingStatus.LIVE:
        raise conflict("The meeting has not started")
    now = utcnow()
    meeting.status, meeting.ended_at = MeetingStatus.ENDED, now
    events = [PendingEvent(meeting.id, ev.MEETING_STATUS_CHANGED,
                           {"status": meeting.status, "ended_at": iso(now)})]
    events += floor.close_floor(ctx, meeting, now)
    previous = leave_current(ctx, meeting, now)
    if previous is not None:
        meeting.current_item_id, meeting.current_item_started_at = None, None
        events.append(PendingEvent(meeting.id, ev.AGENDA_CURRENT_CHANGED,
                                   {"item_id": None, "started_at": None, "previous": previous}))
    record(ctx, "meeting.end", meeting.id)
    return Outcome({}, [*events, *stop_presenting(meeting)])
