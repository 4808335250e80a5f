"""How a poll looks on the wire: the data of ``poll.changed`` and the snapshot's ``polls``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from protocol import events as ev
from server.domain.context import PendingEvent
from server.persistence.event_log import iso
from server.persistence.models import Poll, PollVoter


def by_site(rows: Iterable[tuple[int | None, int]]) -> dict[str, int]:
    """Turnout per site id (as a string; members at no site under ``"none"``)."""
    return {("none" if site is None else str(site)): n for site, n in sorted(rows, key=lambda r: r[0] or 0)}


def turnout(session: Session, poll_id: int) -> tuple[int, dict[str, int]]:
    """How many have voted, in all and per site."""
    rows = [(site, int(n)) for site, n in session.execute(
        select(PollVoter.site_id, func.count()).where(PollVoter.poll_id == poll_id)
        .group_by(PollVoter.site_id))]
    return sum(n for _site, n in rows), by_site(rows)


EMPTY_TURNOUT: dict[str, Any] = {"ballots": 0, "voted": [], "by_site": {}}


def published(row: Poll) -> dict[str, Any]:
    """The turnout as last published (``poll.progress``)."""
    return {**EMPTY_TURNOUT, **(row.turnout or {})}


def poll(session: Session, row: Poll) -> dict[str, Any]:
    """One poll: its settings, where it is, its turnout and who voted (never what), as
    last published."""
    shown = published(row)
    return {
        "id": row.id,
        "meeting_id": row.meeting_id,
        "agenda_item_id": row.agenda_item_id,
        "question": row.question,
        "options": [dict(o) for o in row.options],
        "secret": row.secret,
        "majority": row.majority,
        "quorum": row.quorum,
        "min_choices": row.min_choices,
        "max_choices": row.max_choices,
        "weighted": row.weighted,
        "allow_change": row.allow_change,
        "duration_seconds": row.duration_seconds,
        "kind": row.kind,
        "status": row.status,
        "opened_at": iso(row.opened_at),
        "closes_at": iso(row.closes_at),
        "closed_at": iso(row.closed_at),
        "voter_ids": None if row.voter_ids is None else list(row.voter_ids),
        "document_ids": list(row.document_ids),
        "ballots": shown["ballots"],
        "voted": list(shown["voted"]),
        "by_site": dict(shown["by_site"]),
        "result": row.result,
    }


def progress(session: Session, row: Poll, now: datetime) -> PendingEvent | None:
    """Publish the turnout if it changed since it was last published: ``poll.progress``
    with the voters since then (in the order they voted), or None."""
    shown = published(row)
    voted = list(session.scalars(select(PollVoter.voter_id).where(PollVoter.poll_id == row.id)
                                 .order_by(PollVoter.id)))
    if len(voted) == shown["ballots"]:
        return None
    ballots, sites = turnout(session, row.id)
    new = [user_id for user_id in voted if user_id not in set(shown["voted"])]
    row.turnout, row.turnout_at = {"ballots": ballots, "voted": voted, "by_site": sites}, now
    return PendingEvent(row.meeting_id, ev.POLL_PROGRESS, {
        "poll_id": row.id, "user_ids": new, "user_id": new[-1], "ballots": ballots, "by_site": sites})


def polls(session: Session, meeting_id: int) -> list[dict[str, Any]]:
    """The meeting's polls, by id (the reducer's order)."""
    rows = session.scalars(select(Poll).where(Poll.meeting_id == meeting_id).order_by(Poll.id))
    return [poll(session, row) for row in rows]
