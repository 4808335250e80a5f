"""Answers of the poll commands."""

from __future__ import annotations

from protocol.answers.base import Answer, WireModel
from protocol.shapes.polls import Poll, PollResult


class ExposureWarning(WireModel):
    """A secret poll whose tally would show how some members voted (their weights)."""

    code: str
    user_ids: list[int]
    weights: dict[str, int]
    message: str


class PollAnswer(Answer):
    """``poll.create``, ``poll.update``, ``poll.open``: the poll, and warnings for its editors."""

    poll: Poll
    warnings: list[ExposureWarning] | None = None


class QuorumCount(WireModel):
    rule: str
    required: int
    counted: int
    reached: bool


class PollCheckAnswer(Answer):
    ready: bool
    problems: list[str]
    members: int
    eligible: int
    online_eligible: int
    quorum: QuorumCount
    warnings: list[ExposureWarning] | None = None


class PollCloseAnswer(Answer):
    result: PollResult


class PollVoteAnswer(Answer):
    """The ballot's receipt (the same for the same ballot sent again)."""

    receipt: str
