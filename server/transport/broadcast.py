"""Sending committed events to the connections that joined their meeting.

An event every participant sees alike goes to the meeting's room in one emit. An event
about a document not everyone may read goes to each user's own room in the meeting, in
the form that user may see (``visibility.forms``): whole, without the manager-only
fields, or withheld. Everyone gets it with the same seq. Rooms work across processes
with the Redis manager like any other room.
"""

from __future__ import annotations

from dataclasses import dataclass

from protocol.events import EVENT_NAME, PARTICIPANT_REMOVED, EventEnvelope
from server.domain import presence
from server.domain.documents.visibility import forms
from server.transport.services import Services, leave_meeting, meeting_room, viewer_room


@dataclass(frozen=True)
class Delivery:
    """A logged event and who receives which form of it."""

    envelope: EventEnvelope
    audience: tuple[int, ...] | None = None
    managers: tuple[int, ...] | None = None
    others: tuple[int, ...] = ()


async def broadcast(services: Services, deliveries: list[Delivery]) -> None:
    """Emit each event to its meeting, in order. Called only after commit.

    A removed participant hears of their removal, and then nothing more of the meeting.
    """
    for delivery in deliveries:
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
