"""Floor control as the server sends it (server/domain/speakers.py)."""

from __future__ import annotations

from protocol.answers.base import IsoTime, WireModel
from protocol.statuses import SpeakerKindField


class SpeakerRequest(WireModel):
    """A pending request to speak or question, in its queue."""

    id: int
    user_id: int
    kind: SpeakerKindField
    site_id: int | None
    requested_at: IsoTime


class CurrentSpeech(WireModel):
    """Who holds the floor now; ``request_id``: None when the chair gave it directly."""

    request_id: int | None
    user_id: int
    site_id: int | None
    kind: SpeakerKindField
    agenda_item_id: int | None
    started_at: IsoTime
    limit_seconds: int | None
    ends_at: IsoTime | None


class Speech(WireModel):
    """A finished turn (the history)."""

    id: int
    user_id: int
    site_id: int | None
    kind: SpeakerKindField
    agenda_item_id: int | None
    started_at: IsoTime
    ended_at: IsoTime | None
    seconds: int


class Speakers(WireModel):
    """The snapshot's ``speakers``."""

    queue: list[SpeakerRequest]
    current: CurrentSpeech | None
    history: list[Speech]
