"""What the server does by the clock: close polls whose deadline passed, and remind the
voters of a written poll who have not answered, 24 h and 1 h before its deadline.

``due`` finds the work (a read); ``close_due`` and ``remind`` each do one piece as a change
for ``CommandPipeline.publish``, under the meeting's row lock and idempotent: every server
process may try, the first does it, the others find nothing left to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from protocol import events as ev
from server.domain.context import PendingEvent
from server.domain.voting import shapes
from server.domain.voting.polls import close_poll
from server.persistence import event_log
from server.persistence.event_log import iso
from server.persistence.models import Poll, PollVoter

REMINDERS = {"24h": timedelta(hours=24), "1h": timedelta(hours=1)}
"""Each reminder goes once, this long before the deadline."""


@dataclass(frozen=True)
class Due:
    poll_id: int
    meeting_id: int
    action: str
    """``close``, or the reminder's name."""


def unpublished(session: Session) -> list[Due]:
    """Open polls with ballots not yet in a ``poll.progress``."""
    counts = dict(session.execute(
        select(PollVoter.poll_id, func.count()).join(Poll, Poll.id == PollVoter.poll_id)
        .where(Poll.status == "open").group_by(PollVoter.poll_id)).all())
    if not counts:
        return []
    rows = session.execute(select(Poll.id, Poll.meeting_id, Poll.turnout).where(Poll.id.in_(counts)))
    return [Due(poll_id, meeting_id, "progress") for poll_id, meeting_id, shown in rows
            if counts[poll_id] != (shown or {}).get("ballots", 0)]


def due(session: Session, now: datetime) -> list[Due]:
    """The open polls to close or remind now."""
    soon = now + max(REMINDERS.values())
    rows = session.execute(select(Poll.id, Poll.meeting_id, Poll.kind, Poll.closes_at, Poll.reminders).where(
        Poll.status == "open", Poll.closes_at.is_not(None),
        or_(Poll.closes_at <= now, (Poll.kind == "written") & (Poll.closes_at <= soon))))
    work = []
    for poll_id, meeting_id, kind, closes_at, sent in rows:
        if closes_at is None:
            continue
        if closes_at <= now:
            work.append(Due(poll_id, meeting_id, "close"))
            continue
        pending = [name for name, ahead in REMINDERS.items() if closes_at - ahead <= now and name not in sent]
        if kind == "written" and pending:
            # Only the nearest: a poll opened 30 minutes before its deadline gets "1h", not both.
            work.append(Due(poll_id, meeting_id, min(pending, key=lambda name: REMINDERS[name])))
    return work


def close_due(session: Session, poll_id: int, meeting_id: int, now: datetime) -> list[PendingEvent]:
    """Close the poll if it is still open and past its deadline."""
    event_log.lock_meeting(session, meeting_id)
    poll = session.get(Poll, poll_id, populate_existing=True)
    if poll is None or poll.status != "open" or poll.closes_at is None or poll.closes_at > now:
        return []
    return close_poll(session, poll, now)


def publish_progress(session: Session, poll_id: int, meeting_id: int, now: datetime) -> list[PendingEvent]:
    """The turnout a burst of ballots left unpublished."""
    event_log.lock_meeting(session, meeting_id)
    poll = session.get(Poll, poll_id, populate_existing=True)
    if poll is None or poll.status != "open":
        return []
    event = shapes.progress(session, poll, now)
    return [event] if event else []


def remind(session: Session, poll_id: int, meeting_id: int, name: str) -> list[PendingEvent]:
    """``poll.reminder`` with the voters who have not answered, once per reminder."""
    event_log.lock_meeting(session, meeting_id)
    poll = session.get(Poll, poll_id, populate_existing=True)
    if poll is None or poll.status != "open" or name in poll.reminders:
        return []
    # Nearer reminders count as sent too: the 24 h one is no use after the 1 h one.
    poll.reminders = sorted({*poll.reminders, *(n for n, ahead in REMINDERS.items()
                                                if ahead >= REMINDERS[name])})
    answered = set(session.scalars(select(PollVoter.voter_id).where(PollVoter.poll_id == poll_id)))
    waiting = [user_id for user_id in poll.voter_ids or [] if user_id not in answered]
    return [PendingEvent(meeting_id, ev.POLL_REMINDER,
                         {"poll_id": poll_id, "closes_at": iso(poll.closes_at), "user_ids": waiting})]
