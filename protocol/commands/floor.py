"""Floor control: requests to speak and questions, and who holds the floor."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    Field,
    model_validator,
)

from protocol.answers.base import Empty
from protocol.answers.floor import SpeakerRequestAnswer
from protocol.capabilities import Capability
from protocol.commands.base import Id, MeetingPayload, RequestId
from protocol.statuses import SpeakerKindField

Seconds = Annotated[int, Field(ge=10, le=4 * 3600)]


class SpeakerRequestCreate(MeetingPayload, command="speaker.request", needs=Capability.REQUEST_FLOOR,
        answer=SpeakerRequestAnswer):
    kind: SpeakerKindField
    user_id: Id | None = None
    """On someone's behalf (the chair, or a secretary for a participant of their site)."""


class _SpeakerRequestNamed(MeetingPayload):
    """A command naming a speaking request. The protocol names its id ``request_id``, which
    every other change uses for the idempotency key; so the id may come as
    ``speaker_request_id`` instead, and then a ``request_id`` (text) is the idempotency key
    as everywhere. An integer ``request_id`` is the speaking request's id (run afresh on a
    repeat, as before)."""

    request_id: Id | RequestId | None = None  # type: ignore[assignment]
    speaker_request_id: Id | None = None

    @property
    def speaker_request(self) -> int | None:
        """The speaking request's id, whichever field carried it."""
        if self.speaker_request_id is not None:
            return self.speaker_request_id
        return self.request_id if isinstance(self.request_id, int) else None

    @property
    def idempotency_key(self) -> str | None:
        return self.request_id if isinstance(self.request_id, str) else None

    @model_validator(mode="after")
    def _one_id(self) -> _SpeakerRequestNamed:
        if self.speaker_request_id is not None and isinstance(self.request_id, int):
            raise ValueError("give the speaking request's id once: as speaker_request_id "
                             "(request_id is then the idempotency key, text)")
        return self


class SpeakerRequestRef(_SpeakerRequestNamed):
    """``speaker.withdraw``: the speaking request as ``speaker_request_id`` (or, the
    protocol's name, an integer ``request_id``)."""

    @model_validator(mode="after")
    def _named(self) -> SpeakerRequestRef:
        if self.speaker_request is None:
            raise ValueError("speaker_request_id: the speaking request's id is required")
        return self


class SpeakerWithdraw(SpeakerRequestRef, command="speaker.withdraw", needs=Capability.TAKE_PART,
        answer=Empty):
    """Withdraw a speaking request (its author, the chair, or a secretary)."""


class SpeakerGrant(_SpeakerRequestNamed, command="speaker.grant", needs=Capability.GIVE_FLOOR, answer=Empty):
    """The floor to a queued request (``speaker_request_id``, or an integer ``request_id``),
    or straight to a participant (``user_id``): exactly one of the two."""

    user_id: Id | None = None
    seconds: Seconds | None = None
    """The time limit; None: no limit."""

    @model_validator(mode="after")
    def _one_target(self) -> SpeakerGrant:
        if (self.speaker_request is None) == (self.user_id is None):
            raise ValueError("give exactly one of speaker_request_id (or request_id) and user_id")
        return self


class SpeakerExtend(MeetingPayload, command="speaker.extend", needs=Capability.GIVE_FLOOR, answer=Empty):
    seconds: Annotated[int, Field(ge=1, le=3600)]
    """Added to the current speaker's limit."""


class SpeakerEnd(MeetingPayload, command="speaker.end", needs=Capability.END_SPEECH, answer=Empty):
    """The current speaker's turn ends."""


class SpeakerReorder(MeetingPayload, command="speaker.reorder", needs=Capability.ORDER_QUEUE, answer=Empty):
    kind: SpeakerKindField
    request_ids: Annotated[list[Id], Field(max_length=1000)]
    """Every pending request of that kind, in the new order."""
