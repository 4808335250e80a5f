"""Polls as the server sends them (server/domain/voting/shapes.py, results.py)."""

from __future__ import annotations

from typing import Literal

from protocol.answers.base import IsoTime, WireModel
from protocol.statuses import PollKindField, PollStatusField

MajorityRule = Literal["absolute", "present", "two_thirds", "simple"]


class PollOptionView(WireModel):
    id: int
    text: str
    comment: bool


class OptionComment(WireModel):
    option_id: int | None
    text: str


class NamedVote(WireModel):
    """A ballot of an open (not secret) poll, with its voter."""

    user_id: int | None
    option_ids: list[int]
    comment: str | None


class PollResult(WireModel):
    """A closed poll's count (``counts``: weight by option id, as text)."""

    counts: dict[str, int]
    ballots: int
    weight_cast: int
    members: int
    members_weight: int
    eligible: int
    present_weight: int
    threshold: int
    quorum: int | None
    quorum_rule: str
    quorum_required: int
    quorum_counted: int
    quorum_reached: bool
    passed: bool
    reason: str | None
    rule: MajorityRule
    receipts: list[str]
    comments: list[OptionComment]
    votes: list[NamedVote]


class Poll(WireModel):
    """A poll with its turnout (``by_site``: ballots by site id as text, or "none")."""

    id: int
    meeting_id: int
    agenda_item_id: int | None
    question: str
    options: list[PollOptionView]
    secret: bool
    majority: MajorityRule
    quorum: int | None
    min_choices: int
    max_choices: int
    weighted: bool
    allow_change: bool
    duration_seconds: int | None
    kind: PollKindField
    status: PollStatusField
    opened_at: IsoTime | None
    closes_at: IsoTime | None
    closed_at: IsoTime | None
    voter_ids: list[int] | None
    document_ids: list[int]
    ballots: int
    voted: list[int]
    by_site: dict[str, int]
    result: PollResult | None
