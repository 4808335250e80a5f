"""Participants of a meeting (the user directory they are chosen from: ``users.list_users``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from protocol import commands as c
from protocol import events as ev
from protocol.errors import invalid, not_found
from protocol.roles import MeetingRole, MeetingStatus
from server.domain import capabilities, floor, rights, views
from server.domain.audit import record
from server.domain.context import CommandContext, Outcome, PendingEvent
from server.domain.documents.events import after_role_change
from server.domain.documents.visibility import Viewer
from server.domain.handlers import handles
from server.persistence.models import Connection, Participant, Site, User


@handles(c.ParticipantSet)
def set_participant(ctx: CommandContext, p: c.ParticipantSet) -> Outcome:
    """Add a user to the meeting, or change their role, site or voting weight."""
    meeting = ctx.require_meeting()
    user = ctx.session.get(User, p.user_id)
    if user is None or not user.active:
        raise not_found(f"User {p.user_id} not found")
    if p.site_id is not None:
        site = ctx.session.get(Site, p.site_id)
        if site is None or site.meeting_id != meeting.id:
            raise invalid(f"Site {p.site_id} is not a site of this meeting")
    row = ctx.session.scalar(
        select(Participant).where(Participant.meeting_id == meeting.id, Participant.user_id == user.id)
    )
    rights.check_set(ctx, p, row)
    watch = capabilities.Watch(ctx.session, meeting.id, [user.id])
    if row is None:
        row = Participant(meeting_id=meeting.id, user_id=user.id, role=p.role, voting_weight=1)
        row.user = user
        ctx.session.add(row)
        previous_role: str | None = None
        previous_site: int | None = None
        row.site_id = rights.site_for_new(ctx, p)
    else:
        previous_role, previous_site = row.role, row.site_id
        if "site_id" in p.model_fields_set:
            row.site_id = p.site_id
    before = {"role": previous_role, "site_id": previous_site,
              "voting_weight": row.voting_weight if previous_role is not None else None}
    seen_before = Viewer(user.id, previous_role, user.is_admin)  # role None: new to the meeting
    row.role = p.role
    if p.voting_weight is not None:
        row.voting_weight = p.voting_weight
    ctx.session.flush()
    record(ctx, "participant.set", meeting.id,
           {"user_id": user.id, "before": before, "role": row.role, "site_id": row.site_id,
            "voting_weight": row.voting_weight, "live": meeting.status == MeetingStatus.LIVE})
    online = ctx.session.scalar(
        select(Connection.sid).where(Connection.meeting_id == meeting.id, Connection.user_id == user.id)
    ) is not None
    view = views.participant(row, online)
    data: dict[str, Any] = {"participant": view}
    change = _live_change(ctx, before, row)
    if change is not None:
        data["change"] = change
    events = [PendingEvent(meeting.id, ev.PARTICIPANT_CHANGED, data)]
    events += after_role_change(ctx.session, meeting, seen_before, Viewer(user.id, row.role, user.is_admin))
    if previous_role is not None:  # their requests and speech follow what they are now
        events += floor.participant_changed(ctx, meeting, user.id, voice=row.role != MeetingRole.OBSERVER,
                                            moved=row.site_id != previous_site)
    return Outcome({"participant": view}, [*watch.events(), *events])


@handles(c.ParticipantRemove)
def remove_participant(ctx: CommandContext, p: c.ParticipantRemove) -> Outcome:
    """Take a user out of the meeting."""
    meeting = ctx.require_meeting()
    row = ctx.session.scalar(
        select(Participant).where(Participant.meeting_id == meeting.id, Participant.user_id == p.user_id)
    )
    if row is None:
        raise not_found(f"User {p.user_id} is not a participant of this meeting")
    rights.check_remove(ctx, row)
    watch = capabilities.Watch(ctx.session, meeting.id, [p.user_id])
    seen_before = Viewer(p.user_id, row.role, row.user.is_admin)
    ctx.session.delete(row)
    ctx.session.flush()
    # Their open connections stop being part of the meeting.
    for connection in ctx.session.scalars(
        select(Connection).where(Connection.meeting_id == meeting.id, Connection.user_id == p.user_id)
    ):
        connection.meeting_id = None
    record(ctx, "participant.remove", meeting.id, {"user_id": p.user_id, "role": row.role})
    # They are out of the room once participant.removed is sent: the documents they no
    # longer see are withheld from them in the log (for a replay if they come back).
    events = [PendingEvent(meeting.id, ev.PARTICIPANT_REMOVED, {"user_id": p.user_id})]
    events += after_role_change(ctx.session, meeting, seen_before,
                                Viewer(p.user_id, None, seen_before.is_admin))
    events += floor.participant_changed(ctx, meeting, p.user_id, voice=False, moved=False)
    return Outcome({}, [*watch.events(), *events])


def _live_change(ctx: CommandContext, before: dict[str, Any], row: Participant) -> dict[str, Any] | None:
    """What the chair is shown of a role or weight change during a live meeting, or None.

    ``{"by": user_id, "role": [before, after], "voting_weight": [before, after]}``: the two
    things that change who decides; a new participant (role None before) counts too."""
    if ctx.require_meeting().status != MeetingStatus.LIVE:
        return None
    if before["role"] == row.role and before["voting_weight"] == row.voting_weight:
        return None
    return {"by": ctx.actor.user_id, "role": [before["role"], row.role],
            "voting_weight": [before["voting_weight"], row.voting_weight]}
