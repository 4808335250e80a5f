"""Sending committed events to the connections that joined their meeting.

An event every participant sees alike goes to the meeting's room in one emit. An event
about a document not everyone may read goes to each user's own room in the meeting, in
the form that user may see (``visibility.forms``): whole, without the manager-only
fields, or withheld. Everyone gets it with the same seq. Rooms work across processes
with the Redis manager like any other room.

A user event (``UserDelivery``: a private annotation, a personal note) is not a meeting
event: it has no seq and is not logged. It goes, as ``user.event``, to the user's own room
in the meeting, less the socket that caused it; a client that missed one (offline) lists
again when it reconnects.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from protocol.events import EVENT_NAME, PARTICIPANT_REMOVED, USER_EVENT_NAME, EventEnvelope, UserEventEnvelope
from server.domain import presence
from server.domain.context import SessionEnd, UserEvent
from server.domain.documents.visibility import forms
from server.persistence.event_log import iso
from server.persistence.models import utcnow
from server.transport.services import Services, leave_meeting, meeting_room, viewer_room
from server.transport.sessions import end_sessions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    """A logged event and who receives which form of it."""

    envelope: EventEnvelope
    audience: tuple[int, ...] | None = None
    managers: tuple[int, ...] | None = None
    others: tuple[int, ...] = ()


@dataclass(frozen=True)
class UserDelivery:
    """A user event: for one user's connections in a meeting, but the one that caused it."""

    envelope: UserEventEnvelope
    user_id: int
    skip_sid: str | None = None


def user_delivery(event: UserEvent) -> UserDelivery:
    """A domain's user event, stamped with the time it is sent."""
    envelope: UserEventEnvelope = {"meeting_id": event.meeting_id, "type": event.type, "data": event.data,
                                   "at": iso(utcnow()) or ""}
    return UserDelivery(envelope, event.user_id, event.skip_sid)


Sent = Delivery | UserDelivery | SessionEnd


async def broadcast(services: Services, deliveries: Sequence[Sent]) -> None:
    """Emit each event to its meeting, in order. Called only after commit.

    A removed participant hears of their removal, and then nothing more of the meeting.
    """
    for delivery in deliveries:
        if isinstance(delivery, SessionEnd):
            _close_later(services, delivery)
            continue
        if isinstance(delivery, UserDelivery):
            room = viewer_room(delivery.envelope["meeting_id"], delivery.user_id)
            await services.sio.emit(USER_EVENT_NAME, delivery.envelope, room=room, skip_sid=delivery.skip_sid)
            continue
        event = delivery.envelope
        meeting_id = event["meeting_id"]
        split = forms(event["data"], None if delivery.audience is None else list(delivery.audience),
                      None if delivery.managers is None else list(delivery.managers), delivery.others)
        if split is None:
            await services.sio.emit(EVENT_NAME, event, room=meeting_room(meeting_id))
        else:
            for data, users in split:
                rooms = [viewer_room(meeting_id, user_id) for user_id in users]
                await services.sio.emit(EVENT_NAME, {**event, "data": data}, room=rooms)
        if event["type"] == PARTICIPANT_REMOVED:
            await _evict(services, meeting_id, event["data"]["user_id"])


async def _evict(services: Services, meeting_id: int, user_id: int) -> None:
    def sids() -> list[str]:
        with services.db.read() as session:
            return presence.sids_of_user(session, user_id)

    for sid in await services.in_thread(sids):
        await leave_meeting(services.sio, sid, meeting_id, user_id)  # on whichever process holds it


_closing: set[asyncio.Task[None]] = set()


def _close_later(services: Services, end: SessionEnd) -> None:
    """Close the sockets in a task of their own, started now: not awaited here, because the
    caller holds a meeting's lock and closing a socket runs its disconnect handler, which
    takes a meeting's lock too (the same one, for a socket in no meeting)."""
    task = asyncio.get_running_loop().create_task(end_sessions(services, [end]))
    _closing.add(task)
    task.add_done_callback(_closed)


def _closed(task: asyncio.Task[None]) -> None:
    _closing.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error("closing ended sessions failed", exc_info=task.exception())
