"""Events of floor control."""

from __future__ import annotations

from protocol.events.base import EventData
from protocol.events.names import SPEAKER_FLOOR_CHANGED, SPEAKER_QUEUE_CHANGED
from protocol.shapes.floor import CurrentSpeech, SpeakerRequest, Speech


class SpeakerQueueChanged(EventData, event=SPEAKER_QUEUE_CHANGED):
    """The whole pending queue."""

    queue: list[SpeakerRequest]


class SpeakerFloorChanged(EventData, event=SPEAKER_FLOOR_CHANGED):
    """Who holds the floor now, and the turn that just ended (if one did)."""

    current: CurrentSpeech | None
    speech: Speech | None
