"""The per-meeting event log: appends with the next seq inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from protocol.events import EventEnvelope
from server.persistence.tables.base import utcnow
from server.persistence.tables.events import Event
from server.persistence.tables.meetings import Meeting


def iso(moment: Any) -> str | None:
    """A datetime as the wire's ISO 8601 UTC string (``...Z``)."""
    if moment is None:
        return None
    return str(moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"))


def append(session: Session, meeting_id: int, event_type: str, data: dict[str, Any],
           audience: Sequence[int] | None = None, managers: Sequence[int] | None = None) -> EventEnvelope:
    """Write one event with the meeting's next seq and return its envelope.

    ``audience`` and ``managers`` say who may see ``data`` whole (see ``Event``); they are
    kept beside it so that a replay shows each receiver what the live broadcast did.

    The seq comes from an atomic ``UPDATE ... RETURNING`` on the meeting row: it locks the
    row until commit (PostgreSQL) or runs inside ``BEGIN IMMEDIATE`` (SQLite), so two
    writers never share a seq, and a rolled-back change gives its seq back: no gaps.
    """
    seq = session.execute(
        update(Meeting)
        .where(Meeting.id == meeting_id)
        .values(last_seq=Meeting.last_seq + 1)
        .returning(Meeting.last_seq)
    ).scalar_one()
    at = utcnow()
    session.add(Event(meeting_id=meeting_id, seq=seq, type=event_type, data=data, at=at,
                      audience=None if audience is None else list(audience),
                      managers=None if managers is None else list(managers)))
    return {"meeting_id": meeting_id, "seq": seq, "type": event_type, "data": data, "at": iso(at) or ""}


def lock_meeting(session: Session, meeting_id: int) -> Meeting | None:
    """Take the meeting row's lock before a change reads any of the meeting's state; the
    meeting (None if there is none).

    ``append`` locks the row anyway; taking the lock first makes every change of a meeting
    read the state left by the one committed before it, in whichever process it ran
    (PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already admits one writer at a time). The
    row comes with the lock and is held in the session (whose identity map holds rows
    weakly), so the meeting is read without another query, and a second call in the same
    transaction costs nothing. (Take it before any savepoint: a row lock taken inside one
    is given back if the savepoint is rolled back.)
    """
    key = ("meeting", meeting_id)
    if key not in session.info:
        session.info[key] = session.get(Meeting, meeting_id, with_for_update=True)
    held: Meeting | None = session.info[key]
    return held


def events_after(session: Session, meeting_id: int, since_seq: int, limit: int) -> list[EventEnvelope]:
    """The events with seq > since_seq in order, at most ``limit`` of them."""
    rows = session.scalars(
        select(Event)
        .where(Event.meeting_id == meeting_id, Event.seq > since_seq)
        .order_by(Event.seq)
        .limit(limit)
    )
    return [{"meeting_id": meeting_id, "seq": row.seq, "type": row.type, "data": row.data,
             "at": iso(row.at) or ""} for row in rows]


@dataclass(frozen=True)
class LoggedEvent:
    """An event as logged: its envelope (data whole) and who may see the data."""

    envelope: EventEnvelope
    audience: list[int] | None
    managers: list[int] | None


def logged_after(session: Session, meeting_id: int, since_seq: int, limit: int) -> list[LoggedEvent]:
    """Like ``events_after``, with each event's audience (to show each receiver their part)."""
    rows = session.scalars(
        select(Event)
        .where(Event.meeting_id == meeting_id, Event.seq > since_seq)
        .order_by(Event.seq)
        .limit(limit)
    )
    return [LoggedEvent({"meeting_id": meeting_id, "seq": row.seq, "type": row.type, "data": row.data,
                         "at": iso(row.at) or ""}, row.audience, row.managers) for row in rows]


def current_seq(session: Session, meeting_id: int) -> int:
    """The seq of the meeting's newest event (0 before the first)."""
    return session.execute(select(Meeting.last_seq).where(Meeting.id == meeting_id)).scalar_one()
