"""Voting: polls from draft to result, and ballots."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from protocol.answers.base import Empty
from protocol.answers.polls import PollAnswer, PollCheckAnswer, PollCloseAnswer, PollVoteAnswer
from protocol.capabilities import Capability
from protocol.commands.base import Id, MeetingPayload, Payload, Timestamp, Title
from protocol.statuses import PollKind, PollKindField

Majority = Literal["absolute", "present", "two_thirds", "simple"]
"""absolute: more than half of all members (the default); present: more than half of the
members present; two_thirds: two thirds of all members; simple: more than half of the
ballots cast. What the first option (the motion's "yes") needs, in weight."""


Question = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


Comment = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]


Choices = Annotated[int, Field(ge=0, le=50)]


PollSeconds = Annotated[int, Field(ge=10, le=90 * 24 * 3600)]


BallotId = Annotated[str, StringConstraints(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]


class PollOption(BaseModel):
    """An option given as an object: its text, and whether choosing it takes a comment."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    text: Title
    comment: bool = False


PollOptions = Annotated[list[Title | PollOption], Field(max_length=50)]
"""Options as plain texts or objects; none: "Tán thành", "Không tán thành", "Ý kiến khác"."""


class PollCreate(MeetingPayload, command="poll.create", needs=Capability.PREPARE_POLLS, answer=PollAnswer):
    """A new poll, as a draft. Rules between fields (written polls need ``closes_at``,
    secret polls refuse ``allow_change``, min <= max) are checked by the server."""

    question: Question
    secret: bool
    majority: Majority = "absolute"
    agenda_item_id: Id | None = None
    options: PollOptions | None = None
    quorum: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    """The fewest ballots for a valid result; None: the meeting's quorum rule applies."""
    closes_at: Timestamp | None = None
    min_choices: Choices = 1
    max_choices: Choices = 1
    weighted: bool = False
    allow_change: bool = False
    duration_seconds: PollSeconds | None = None
    kind: PollKindField = PollKind.MEETING
    voter_ids: Annotated[list[Id], Field(max_length=10_000)] | None = None
    """Written polls: the members asked (None: every member)."""
    document_ids: Annotated[list[Id], Field(max_length=100)] = Field(default_factory=list)


class PollRef(Payload):
    poll_id: Id


class PollUpdate(PollRef, command="poll.update", needs=Capability.PREPARE_POLLS, answer=PollAnswer):
    """Only the fields given change (a draft only); ``null`` clears the optional ones."""

    question: Question | None = None
    secret: bool | None = None
    majority: Majority | None = None
    agenda_item_id: Id | None = None
    options: PollOptions | None = None
    quorum: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    closes_at: Timestamp | None = None
    min_choices: Choices | None = None
    max_choices: Choices | None = None
    weighted: bool | None = None
    allow_change: bool | None = None
    duration_seconds: PollSeconds | None = None
    kind: PollKindField | None = None
    voter_ids: Annotated[list[Id], Field(max_length=10_000)] | None = None
    document_ids: Annotated[list[Id], Field(max_length=100)] | None = None


class PollDelete(PollRef, command="poll.delete", needs=Capability.PREPARE_POLLS, answer=Empty):
    """Delete a draft poll."""


class PollCheck(PollRef, command="poll.check", needs=Capability.PREPARE_POLLS, answer=PollCheckAnswer):
    """Check a draft before opening it: who may vote, quorum, problems."""


class PollOpen(PollRef, command="poll.open", needs=Capability.RUN_POLLS, answer=PollAnswer):
    seconds: PollSeconds | None = None
    """Closes the poll this many seconds after opening (else its ``duration_seconds``)."""


class PollClose(PollRef, command="poll.close", needs=Capability.RUN_POLLS, answer=PollCloseAnswer):
    """Close an open poll and count it."""


class PollVote(PollRef, command="poll.vote", needs=Capability.VOTE, answer=PollVoteAnswer):
    """A ballot. ``ballot_id`` (a client-made UUID) makes it idempotent: the same ballot
    re-sent gets the same receipt. ``voter_id``: a member the sender represents as proxy."""

    option_ids: Annotated[list[Id], Field(max_length=50)]
    ballot_id: BallotId
    comment: Comment | None = None
    voter_id: Id | None = None
