"""Joining and leaving a meeting: presence, then the snapshot or the missed events."""

from __future__ import annotations

from protocol import commands as c
from server.domain import presence, views
from server.domain.context import CommandContext, Outcome
from server.domain.documents.visibility import data_for
from server.domain.handlers import SocketEffect, handles
from server.persistence import event_log
from server.persistence.event_log import iso
from server.persistence.models import utcnow

MAX_REPLAY = 1000
"""A client further behind than this gets a fresh snapshot instead of a replay."""


@handles(c.MeetingJoin, replays=False, socket=SocketEffect.JOIN)
def join(ctx: CommandContext, p: c.MeetingJoin) -> Outcome:
    """Enter the meeting; answer a snapshot, or the events after ``since_seq``, and the
    server's clock (``server_time``, for countdowns)."""
    meeting = ctx.require_meeting()
    events = presence.join(ctx.session, ctx.sid, meeting.id) if ctx.sid else []
    role = ctx.participant.role if ctx.participant else None

    def answer() -> dict[str, object]:
        # Runs after this join's own events were appended, so the seq includes them.
        seq = event_log.current_seq(ctx.session, meeting.id)
        since = p.since_seq
        if since is not None and since <= seq and seq - since <= MAX_REPLAY:
            user_id = ctx.actor.user_id
            missed = [{**e.envelope, "data": data_for(e.envelope["data"], e.audience, e.managers, user_id)}
                      for e in event_log.logged_after(ctx.session, meeting.id, since, MAX_REPLAY)]
            return {"seq": seq, "events": missed, "server_time": iso(utcnow())}
        ctx.session.refresh(meeting)
        return {"seq": seq, "snapshot": views.snapshot(ctx.session, meeting, ctx.actor.user_id, role),
                "server_time": iso(utcnow())}

    return Outcome(events=events, finish=answer)


@handles(c.MeetingLeave, socket=SocketEffect.LEAVE)
def leave(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """Leave the meeting; the user goes offline there if this was their last window."""
    meeting = ctx.require_meeting()
    return Outcome(events=presence.leave(ctx.session, ctx.sid, meeting.id) if ctx.sid else [])
