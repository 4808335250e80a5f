"""Sending committed events to the connections that joined their meeting."""

from __future__ import annotations

from protocol.events import EVENT_NAME, PARTICIPANT_REMOVED, EventEnvelope
from server.domain import presence
from server.transport.services import Services, meeting_room


async def broadcast(services: Services, events: list[EventEnvelope]) -> None:
    """Emit each event to its meeting's room, in order. Called only after commit.

    Every event of the core is visible to every participant; events whose content differs
    per receiver will be filtered here. A removed participant hears of their removal, and
    then nothing more of the meeting.
    """
    for event in events:
        room = meeting_room(event["meeting_id"])
        await services.sio.emit(EVENT_NAME, event, room=room)
        if event["type"] == PARTICIPANT_REMOVED:
            await _evict(services, room, event["data"]["user_id"])


async def _evict(services: Services, room: str, user_id: int) -> None:
    def sids() -> list[str]:
        with services.db.read() as session:
            return presence.sids_of_user(session, user_id)

    for sid in await services.in_thread(sids):
        await services.sio.leave_room(sid, room)  # on whichever process holds the socket
