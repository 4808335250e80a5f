"""Polls: create, edit and delete drafts; open, close; find a poll's meeting."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol import commands as c
from protocol import events as ev
from protocol.attendance import is_member, quorum, required_for
from protocol.errors import closed, conflict, invalid, not_found
from protocol.roles import MeetingStatus
from server.domain.audit import record
from server.domain.context import CommandContext, Outcome, PendingEvent
from server.domain.handlers import handles
from server.domain.voting import electorate, exposure, results, seals, shapes
from server.persistence.event_log import iso
from server.persistence.models import AgendaItem, Document, Meeting, Poll, PollBallot, utcnow

DEFAULT_OPTIONS = [{"text": "Tán thành", "comment": False}, {"text": "Không tán thành", "comment": False},
                   {"text": "Ý kiến khác", "comment": True}]
"""For, against, and another opinion (with a comment)."""

SETTINGS = ("question", "secret", "majority", "agenda_item_id", "quorum", "closes_at", "min_choices",
            "max_choices", "weighted", "allow_change", "duration_seconds", "kind", "voter_ids",
            "document_ids")


def locate(session: Session, payload: c.PollRef) -> int:
    """The meeting of the payload's poll. (The whole row: in the command's transaction, the
    handler's ``load`` then finds it in the session without another query.)"""
    poll = session.get(Poll, payload.poll_id)
    if poll is None:
        raise not_found(f"Poll {payload.poll_id} not found")
    session.info[("poll", poll.id)] = poll  # held: the identity map holds rows weakly
    return int(poll.meeting_id)


def load(ctx: CommandContext, poll_id: int) -> Poll:
    poll = ctx.session.get(Poll, poll_id)
    if poll is None or poll.meeting_id != ctx.require_meeting().id:
        raise not_found(f"Poll {poll_id} not found")
    return poll


def _options(given: list[str | c.PollOption] | None) -> list[dict[str, Any]]:
    chosen = [{"text": o, "comment": False} if isinstance(o, str) else o.model_dump() for o in given or []]
    chosen = chosen or DEFAULT_OPTIONS
    if len({o["text"] for o in chosen}) != len(chosen):
        raise invalid("options: two options have the same text")
    return [{"id": n, **o} for n, o in enumerate(chosen, start=1)]


def _check(ctx: CommandContext, poll: Poll) -> None:
    """The rules between a poll's fields, and its references into the meeting (before the
    changed poll is flushed: a wrong reference is refused, not a foreign key failure)."""
    with ctx.session.no_autoflush:
        _check_fields(ctx, poll)


def _check_fields(ctx: CommandContext, poll: Poll) -> None:
    meeting_id = ctx.require_meeting().id
    if not poll.min_choices <= poll.max_choices <= len(poll.options):
        raise invalid(f"Choices: need min_choices <= max_choices <= {len(poll.options)} options")
    if poll.max_choices < 1:
        raise invalid("max_choices: a ballot must be able to choose an option")
    if poll.secret and poll.allow_change:
        raise invalid("allow_change: a secret ballot cannot be found again to be changed")
    if poll.agenda_item_id is not None:
        item = ctx.session.get(AgendaItem, poll.agenda_item_id)
        if item is None or item.meeting_id != meeting_id:
            raise invalid(f"agenda_item_id: {poll.agenda_item_id} is not an agenda item of this meeting")
    if poll.document_ids:
        found = set(ctx.session.scalars(select(Document.id).where(
            Document.meeting_id == meeting_id, Document.id.in_(poll.document_ids),
            Document.removed_at.is_(None))))
        if missing := sorted(set(poll.document_ids) - found):
            raise invalid(f"document_ids: no document {', '.join(map(str, missing))} in this meeting")
    if poll.kind == "written":
        if poll.closes_at is None:
            raise invalid("closes_at: a written poll needs a deadline")
        members = {p["user_id"] for p in electorate.people(ctx.session, meeting_id)
                   if is_member(p)}
        if poll.voter_ids is None:
            poll.voter_ids = sorted(members)
        if unknown := sorted(set(poll.voter_ids) - members):
            raise invalid(f"voter_ids: {', '.join(map(str, unknown))} are not members of this meeting")
        poll.voter_ids = sorted(set(poll.voter_ids))
    else:
        poll.voter_ids = None


def _editable(ctx: CommandContext) -> None:
    if ctx.require_meeting().status == MeetingStatus.ENDED:
        raise closed("The meeting has ended")


def _changed(session: Session, poll: Poll) -> Outcome:
    session.flush()
    view = shapes.poll(session, poll)
    data: dict[str, Any] = {"poll": view}
    # Only to whoever creates, edits or opens it: a weight that gives a secret ballot away.
    if warnings := exposure.warnings(poll, electorate.people(session, poll.meeting_id)):
        data["warnings"] = warnings
    return Outcome(data, [PendingEvent(poll.meeting_id, ev.POLL_CHANGED, {"poll": view})])


@handles(c.PollCreate)
def create(ctx: CommandContext, p: c.PollCreate) -> Outcome:
    """A new poll, as a draft."""
    _editable(ctx)
    poll = Poll(meeting_id=ctx.require_meeting().id, options=_options(p.options), status="draft",
                created_by=ctx.actor.user_id, reminders=[], turnout={},
                **{name: getattr(p, name) for name in SETTINGS})
    poll.document_ids = list(p.document_ids)
    _check(ctx, poll)
    ctx.session.add(poll)
    return _changed(ctx.session, poll)


def _draft(ctx: CommandContext, poll_id: int) -> Poll:
    _editable(ctx)
    poll = load(ctx, poll_id)
    if poll.status != "draft":
        raise conflict("Only a draft poll can be changed")
    return poll


@handles(c.PollUpdate)
def update(ctx: CommandContext, p: c.PollUpdate) -> Outcome:
    """Change a draft: only the fields given."""
    poll = _draft(ctx, p.poll_id)
    given = p.model_fields_set - {"poll_id", "request_id"}
    for name in given & set(SETTINGS):
        value = getattr(p, name)
        if value is None and name in ("question", "secret", "majority", "min_choices", "max_choices",
                                      "weighted", "allow_change", "kind", "document_ids"):
            raise invalid(f"{name}: cannot be cleared")
        setattr(poll, name, list(value) if isinstance(value, list) else value)
    if "options" in given:
        poll.options = _options(p.options)
    if "kind" in given and "voter_ids" not in given:
        poll.voter_ids = None  # a new kind: every member again
    _check(ctx, poll)
    return _changed(ctx.session, poll)


@handles(c.PollDelete)
def delete(ctx: CommandContext, p: c.PollRef) -> Outcome:
    """Remove a draft."""
    poll = _draft(ctx, p.poll_id)
    ctx.session.delete(poll)
    return Outcome({}, [PendingEvent(poll.meeting_id, ev.POLL_REMOVED, {"poll_id": poll.id})])


@handles(c.PollOpen)
def open_poll(ctx: CommandContext, p: c.PollOpen) -> Outcome:
    """Draft -> open. A meeting poll needs the meeting live and no other poll open."""
    poll = load(ctx, p.poll_id)
    meeting = ctx.require_meeting()
    if poll.status == "closed":
        raise closed("This poll is closed")
    if poll.status == "open":
        raise conflict("This poll is already open")
    now = utcnow()
    if poll.kind == "meeting":
        if meeting.status != MeetingStatus.LIVE:
            raise conflict("A vote opens while the meeting is live")
        other = ctx.session.scalar(select(Poll.id).where(
            Poll.meeting_id == meeting.id, Poll.status == "open", Poll.kind == "meeting"))
        if other is not None:
            raise conflict(f"Poll {other} is open: close it first (one vote at a time)")
        seconds = p.seconds or poll.duration_seconds
        poll.closes_at = now + timedelta(seconds=seconds) if seconds else poll.closes_at
    elif p.seconds:
        poll.closes_at = now + timedelta(seconds=p.seconds)
    if poll.closes_at is not None and poll.closes_at <= now:
        raise invalid("closes_at: the deadline has passed")
    poll.status, poll.opened_at = "open", now
    record(ctx, "poll.open", meeting.id, {"poll_id": poll.id})
    return _changed(ctx.session, poll)


def quorum_check(session: Session, poll: Poll, everyone: list[electorate.Person],
                 ballots: int) -> results.QuorumCheck:
    """The quorum a poll's result needs: its own minimum of ballots if it has one, else the
    meeting's quorum rule, over the members present in person or by proxy at the close (a
    written poll, where nobody is present: over the members who answered)."""
    if poll.quorum is not None:
        return results.QuorumCheck("ballots", poll.quorum, ballots)
    meeting = session.get(Meeting, poll.meeting_id)
    rule = meeting.quorum_rule if meeting is not None else "more_than_half"
    if poll.kind == "written":
        asked = electorate.members(poll, everyone)
        return results.QuorumCheck(rule, required_for(rule, len(asked)), ballots)
    counted = quorum(everyone, rule)
    return results.QuorumCheck(rule, counted.required, counted.counted)


def close_poll(session: Session, poll: Poll, now: datetime) -> list[PendingEvent]:
    """Publish the last turnout, count the ballots and close: the one way a poll closes
    (command or deadline)."""
    last = shapes.progress(session, poll, now)
    if poll.secret:
        seals.unseal(session, poll.id)  # the readable ballots, in one shuffled batch
    everyone = electorate.people(session, poll.meeting_id)
    members = electorate.members(poll, everyone)
    ballots = [results.Ballot(tuple(b.option_ids), b.weight, b.receipt, b.comment, b.voter_id)
               for b in session.scalars(select(PollBallot).where(PollBallot.poll_id == poll.id))]
    eligible = electorate.eligible(poll, everyone)
    poll.result = results.tally(
        poll.options, ballots, rule=poll.majority, quorum=poll.quorum, members=len(members),
        members_weight=electorate.total_weight(poll, members),
        eligible=len(eligible), secret=poll.secret,
        present_weight=(sum(b.weight for b in ballots) if poll.kind == "written"
                        else electorate.total_weight(poll, eligible)),
        quorum_check=quorum_check(session, poll, everyone, len(ballots)))
    poll.status, poll.closed_at = "closed", now
    return [*([last] if last else []), PendingEvent(poll.meeting_id, ev.POLL_CLOSED, {
        "poll_id": poll.id, "result": poll.result, "closed_at": iso(now)})]


@handles(c.PollClose)
def close(ctx: CommandContext, p: c.PollRef) -> Outcome:
    """Close an open poll now; answers the result."""
    poll = load(ctx, p.poll_id)
    if poll.status == "draft":
        raise conflict("This poll has not been opened")
    if poll.status == "closed":
        raise closed("This poll is already closed")
    events = close_poll(ctx.session, poll, utcnow())
    assert poll.result is not None
    record(ctx, "poll.close", poll.meeting_id, {"poll_id": poll.id, "passed": poll.result["passed"]})
    return Outcome({"result": poll.result}, events)
