"""Floor control (điều hành phát biểu): requests to speak or to question, the floor, speeches.

Requests wait in one queue (``speak`` and ``question`` each in their own order); the chair
gives the floor to a request or straight to a participant, with or without a time limit;
every turn at the floor is recorded as a ``Speech`` (who, from which site, on which agenda
item, for how long). Shapes: ``speakers.py``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from protocol import commands as c
from protocol import events as ev
from protocol.capabilities import Capability, Condition
from protocol.errors import closed, conflict, forbidden, invalid, not_found
from protocol.roles import MeetingRole, MeetingStatus
from server.domain import capabilities, speakers
from server.domain.context import CommandContext, Outcome, PendingEvent
from server.domain.handlers import condition, handles
from server.domain.scope import is_site_secretary, require_manages
from server.domain.speakers import GRANTED, PENDING, WITHDRAWN
from server.persistence.models import Meeting, Participant, SpeakerRequest, Speech, utcnow

MANAGERS = (MeetingRole.CHAIR, MeetingRole.SECRETARY)


@condition(Condition.HOLDS_FLOOR)
def holds_floor(ctx: CommandContext) -> bool:
    """Whether the caller is the speaker who holds the floor (they may present, and end
    their own speech; ``presenter.set_page`` still refuses a document they may not read)."""
    if ctx.meeting is None:
        return False
    speech = speakers.current_speech(ctx.session, ctx.meeting.id)
    return speech is not None and speech.user_id == ctx.actor.user_id


def _open(ctx: CommandContext) -> Meeting:
    meeting = ctx.require_meeting()
    if meeting.status == MeetingStatus.ENDED:
        raise closed("The meeting has ended")
    return meeting


def _participant(ctx: CommandContext, meeting_id: int, user_id: int) -> Participant | None:
    return ctx.session.scalar(select(Participant).where(
        Participant.meeting_id == meeting_id, Participant.user_id == user_id))


def _my_role(ctx: CommandContext) -> str | None:
    return ctx.participant.role if ctx.participant is not None else None


def _is_manager(ctx: CommandContext) -> bool:
    """Whether the caller may ask for the floor or withdraw a request for someone else (the
    chair, a secretary, an admin: ``SPEAK_FOR_OTHERS``)."""
    return capabilities.holds(ctx.session, ctx.require_meeting().id, ctx.actor.user_id,
                              Capability.SPEAK_FOR_OTHERS)


def _pending(ctx: CommandContext, meeting_id: int, request_id: int) -> SpeakerRequest:
    row = ctx.session.get(SpeakerRequest, request_id)
    if row is None or row.meeting_id != meeting_id or row.status != PENDING:
        raise not_found(f"No pending request {request_id}")
    return row


def queue_changed(session: Session, meeting_id: int) -> PendingEvent:
    """The event carrying the whole pending queue, as it is now."""
    return PendingEvent(meeting_id, ev.SPEAKER_QUEUE_CHANGED, {"queue": speakers.queue(session, meeting_id)})


def _floor_changed(meeting_id: int, current: Speech | None, ended: Speech | None) -> PendingEvent:
    return PendingEvent(meeting_id, ev.SPEAKER_FLOOR_CHANGED, {
        "current": speakers.current_view(current) if current is not None else None,
        "speech": speakers.speech_view(ended) if ended is not None else None})


def _end_current(ctx: CommandContext, meeting_id: int, now: datetime) -> Speech | None:
    speech = speakers.current_speech(ctx.session, meeting_id)
    if speech is not None:
        speech.ended_at = now
    return speech


@handles(c.SpeakerRequestCreate)
def request(ctx: CommandContext, p: c.SpeakerRequestCreate) -> Outcome:
    """Join the queue (``kind``: speak or question), or put someone else in it."""
    meeting = _open(ctx)
    target_id = p.user_id if p.user_id is not None else ctx.actor.user_id
    on_behalf = target_id != ctx.actor.user_id
    if on_behalf and not _is_manager(ctx):
        raise forbidden("Only the chair or a secretary may ask for the floor on someone's behalf")
    target = _participant(ctx, meeting.id, target_id)
    if target is None:
        if on_behalf:
            raise not_found(f"User {target_id} is not a participant of this meeting")
        raise forbidden("Only a participant may ask for the floor")
    if target.role == MeetingRole.OBSERVER:
        raise forbidden("An observer has no voice in the meeting")
    if on_behalf:
        require_manages(ctx, target)
    already = ctx.session.scalar(select(SpeakerRequest.id).where(
        SpeakerRequest.meeting_id == meeting.id, SpeakerRequest.user_id == target_id,
        SpeakerRequest.kind == p.kind, SpeakerRequest.status == PENDING))
    if already is not None:
        raise conflict(f"There is already a pending request ({p.kind}) for this participant")
    last = ctx.session.scalar(select(func.max(SpeakerRequest.position))
                              .where(SpeakerRequest.meeting_id == meeting.id))
    row = SpeakerRequest(meeting_id=meeting.id, user_id=target_id, kind=p.kind, status=PENDING,
                         position=(last if last is not None else -1) + 1, requested_at=utcnow(),
                         requested_by=ctx.actor.user_id)
    ctx.session.add(row)
    ctx.session.flush()
    return Outcome({"request": speakers.request_view(row, target.site_id)},
                   [queue_changed(ctx.session, meeting.id)])


@handles(c.SpeakerWithdraw)
def withdraw(ctx: CommandContext, p: c.SpeakerRequestRef) -> Outcome:
    """Take a pending request out of the queue: its author, the chair or a secretary."""
    meeting = _open(ctx)
    assert p.speaker_request is not None  # the model requires it
    row = _pending(ctx, meeting.id, p.speaker_request)
    if row.user_id != ctx.actor.user_id:
        if not _is_manager(ctx):
            raise forbidden("Only its author, the chair or a secretary may withdraw a request")
        author = _participant(ctx, meeting.id, row.user_id)
        if author is not None:
            require_manages(ctx, author)
    row.status = WITHDRAWN
    return Outcome({}, [queue_changed(ctx.session, meeting.id)])


@handles(c.SpeakerReorder)
def reorder(ctx: CommandContext, p: c.SpeakerReorder) -> Outcome:
    """Put one kind's pending requests in a new order (the list names each exactly once)."""
    meeting = _open(ctx)
    if is_site_secretary(ctx):
        raise forbidden("Only the chair or a secretary of the central site orders the queue")
    rows = [r for r in speakers.pending_requests(ctx.session, meeting.id) if r.kind == p.kind]
    by_id = {r.id: r for r in rows}
    if len(p.request_ids) != len(set(p.request_ids)) or set(p.request_ids) != set(by_id):
        raise invalid(f"The new order must name every pending {p.kind} request exactly once")
    if [r.id for r in rows] == p.request_ids:
        return Outcome()
    # The kind keeps its places in the shared queue; only who stands where changes.
    places = [r.position for r in rows]
    for place, request_id in zip(places, p.request_ids, strict=True):
        by_id[request_id].position = place
    return Outcome({}, [queue_changed(ctx.session, meeting.id)])


@handles(c.SpeakerGrant)
def grant(ctx: CommandContext, p: c.SpeakerGrant) -> Outcome:
    """Give the floor to a queued request or straight to a participant; whoever spoke
    before stops (their speech is recorded)."""
    meeting = _open(ctx)
    if meeting.status != MeetingStatus.LIVE:
        raise conflict("Start the meeting before giving the floor")
    events: list[PendingEvent] = []
    granted: SpeakerRequest | None = None
    if p.speaker_request is not None:
        granted = _pending(ctx, meeting.id, p.speaker_request)
        target = _participant(ctx, meeting.id, granted.user_id)
        if target is None:
            raise not_found(f"User {granted.user_id} is not a participant of this meeting")
        kind = granted.kind
    else:
        assert p.user_id is not None
        target = _participant(ctx, meeting.id, p.user_id)
        if target is None:
            raise not_found(f"User {p.user_id} is not a participant of this meeting")
        if target.role == MeetingRole.OBSERVER:
            raise invalid("An observer cannot be given the floor")
        kind = "speak"
    watch = capabilities.Watch(ctx.session, meeting.id,
                               [capabilities.floor_holder(ctx.session, meeting.id), target.user_id])
    now = utcnow()
    ended = _end_current(ctx, meeting.id, now)
    if granted is not None:
        granted.status = GRANTED
        events.append(queue_changed(ctx.session, meeting.id))
    speech = Speech(meeting_id=meeting.id, user_id=target.user_id, site_id=target.site_id, kind=kind,
                    request_id=granted.id if granted else None, agenda_item_id=meeting.current_item_id,
                    started_at=now, limit_seconds=p.seconds)
    ctx.session.add(speech)
    ctx.session.flush()
    events.append(_floor_changed(meeting.id, speech, ended))
    return Outcome({}, [*watch.events(), *events])


@handles(c.SpeakerExtend)
def extend(ctx: CommandContext, p: c.SpeakerExtend) -> Outcome:
    """Give the speaker more time (a speaker without a limit gets one: spoken so far + seconds)."""
    meeting = _open(ctx)
    speech = speakers.current_speech(ctx.session, meeting.id)
    if speech is None:
        raise conflict("Nobody holds the floor")
    base = speech.limit_seconds
    if base is None:
        base = speakers.spoken_seconds(speech.started_at, utcnow())
    speech.limit_seconds = base + p.seconds
    return Outcome({}, [_floor_changed(meeting.id, speech, None)])


@handles(c.SpeakerEnd)
def end(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """The speaker stops: the chair ends the speech, or the speaker gives the floor back."""
    meeting = _open(ctx)
    watch = capabilities.Watch(ctx.session, meeting.id, [capabilities.floor_holder(ctx.session, meeting.id)])
    ended = _end_current(ctx, meeting.id, utcnow())
    if ended is None:
        raise conflict("Nobody holds the floor")
    return Outcome({}, [*watch.events(), _floor_changed(meeting.id, None, ended)])


def close_floor(ctx: CommandContext, meeting: Meeting, now: datetime) -> list[PendingEvent]:
    """When the meeting ends: the speech under way ends with it."""
    watch = capabilities.Watch(ctx.session, meeting.id, [capabilities.floor_holder(ctx.session, meeting.id)])
    ended = _end_current(ctx, meeting.id, now)
    return [*watch.events(), _floor_changed(meeting.id, None, ended)] if ended is not None else []


def participant_changed(ctx: CommandContext, meeting: Meeting, user_id: int, *, voice: bool,
                        moved: bool) -> list[PendingEvent]:
    """After a participant was removed or changed: without a voice (removed, observer) their
    requests are withdrawn and their speech ends; moved to another site, their requests
    show the new site."""
    events: list[PendingEvent] = []
    pending = list(ctx.session.scalars(select(SpeakerRequest).where(
        SpeakerRequest.meeting_id == meeting.id, SpeakerRequest.user_id == user_id,
        SpeakerRequest.status == PENDING)))
    if not voice:
        for row in pending:
            row.status = WITHDRAWN
    if pending and (moved or not voice):
        events.append(queue_changed(ctx.session, meeting.id))
    speech = speakers.current_speech(ctx.session, meeting.id)
    if not voice and speech is not None and speech.user_id == user_id:
        speech.ended_at = utcnow()
        events.append(_floor_changed(meeting.id, None, speech))
    return events
