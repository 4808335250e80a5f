"""Sending committed events to the connections that joined their meeting."""

from __future__ import annotations

from protocol.events import EVENT_NAME, EventEnvelope
from server.transport.services import Services, meeting_room


async def broadcast(services: Services, events: list[EventEnvelope]) -> None:
    """Emit each event to its meeting's room, in order. Called only after commit.

    Every event of the core is visible to every participant; events whose content differs
    per receiver will be filtered here.
    """
    for event in events:
        await services.sio.emit(EVENT_NAME, event, room=meeting_room(event["meeting_id"]))
