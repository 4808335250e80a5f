"""The floor's wire shapes and queries: the queue, the current speaker, the record.

The snapshot's ``speakers`` and the events ``speaker.queue_changed`` /
``speaker.floor_changed`` are built by these same functions, so that the reducer applied to
the events reproduces a fresh snapshot.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.persistence.event_log import iso
from server.persistence.models import Participant, SpeakerRequest, Speech

PENDING, GRANTED, WITHDRAWN = "pending", "granted", "withdrawn"


def spoken_seconds(started_at: datetime, ended_at: datetime) -> int:
    """Whole seconds between two moments (what a speech lasted)."""
    return max(0, int((ended_at - started_at).total_seconds()))


def request_view(row: SpeakerRequest, site_id: int | None) -> dict[str, Any]:
    """One pending request (an item of ``queue``)."""
    return {"id": row.id, "user_id": row.user_id, "kind": row.kind, "site_id": site_id,
            "requested_at": iso(row.requested_at)}


def current_view(speech: Speech) -> dict[str, Any]:
    """The speaker holding the floor."""
    ends_at = (speech.started_at + timedelta(seconds=speech.limit_seconds)
               if speech.limit_seconds is not None else None)
    return {"request_id": speech.request_id, "user_id": speech.user_id, "site_id": speech.site_id,
            "kind": speech.kind, "agenda_item_id": speech.agenda_item_id,
            "started_at": iso(speech.started_at), "limit_seconds": speech.limit_seconds,
            "ends_at": iso(ends_at)}


def speech_view(speech: Speech) -> dict[str, Any]:
    """A speech that ended (an item of ``history``)."""
    assert speech.ended_at is not None
    return {"id": speech.id, "user_id": speech.user_id, "site_id": speech.site_id, "kind": speech.kind,
            "agenda_item_id": speech.agenda_item_id, "started_at": iso(speech.started_at),
            "ended_at": iso(speech.ended_at), "seconds": spoken_seconds(speech.started_at, speech.ended_at)}


def pending_requests(session: Session, meeting_id: int) -> list[SpeakerRequest]:
    """The pending requests of both kinds, in queue order."""
    return list(session.scalars(select(SpeakerRequest).where(
        SpeakerRequest.meeting_id == meeting_id, SpeakerRequest.status == PENDING)
        .order_by(SpeakerRequest.position, SpeakerRequest.id)))


def queue(session: Session, meeting_id: int) -> list[dict[str, Any]]:
    """The pending queue as sent (``speaker.queue_changed``); a request's site is its
    author's site now."""
    session.flush()
    sites = {user_id: site_id for user_id, site_id in session.execute(
        select(Participant.user_id, Participant.site_id).where(Participant.meeting_id == meeting_id))}
    return [request_view(row, sites.get(row.user_id)) for row in pending_requests(session, meeting_id)]


def current_speech(session: Session, meeting_id: int) -> Speech | None:
    """The speech under way (at most one per meeting), or None."""
    return session.scalar(select(Speech).where(Speech.meeting_id == meeting_id, Speech.ended_at.is_(None))
                          .order_by(Speech.id.desc()).limit(1))


def history(session: Session, meeting_id: int) -> list[dict[str, Any]]:
    """Every ended speech, in the order they ended (one speaks at a time: the order of ids)."""
    rows = session.scalars(select(Speech).where(Speech.meeting_id == meeting_id, Speech.ended_at.is_not(None))
                           .order_by(Speech.id))
    return [speech_view(row) for row in rows]


def speakers(session: Session, meeting_id: int) -> dict[str, Any]:
    """The snapshot's ``speakers``."""
    current = current_speech(session, meeting_id)
    return {"queue": queue(session, meeting_id),
            "current": current_view(current) if current is not None else None,
            "history": history(session, meeting_id)}
