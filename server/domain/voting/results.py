"""The tally and the majority rules: pure functions of the ballots and the members.

The first option (the motion's "yes") needs, under each rule:
absolute (the default, *quá nửa tổng số thành viên*): more than half of all members' weight;
present: more than half of the weight of the members present (in person or by proxy) at
the close; two_thirds (*hai phần ba tổng số thành viên*): at least two thirds of all
members' weight; simple (kept for older polls and other programs): more than half of the
weight cast.

A result is valid only when its quorum is reached (``QuorumCheck``): the poll's own minimum
of ballots, or else the meeting's quorum rule. Without it the result is never "passed",
whatever the ballots say, and ``reason`` says why.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MAJORITIES = ("absolute", "present", "two_thirds", "simple")
DEFAULT_MAJORITY = "absolute"
"""People's Councils and Committees decide by more than half of all their members."""

NO_QUORUM = "no_quorum"
BELOW_THRESHOLD = "below_threshold"
NO_OPTIONS = "no_options"
REASONS = (NO_QUORUM, BELOW_THRESHOLD, NO_OPTIONS)
"""Why a result is not passed (``reason``; null when passed)."""


@dataclass(frozen=True)
class QuorumCheck:
    """Whether enough took part for a result to stand.

    ``rule`` is ``"ballots"`` for the poll's own quorum (``counted`` ballots of
    ``required``), else the meeting's quorum rule (``protocol.attendance.QUORUM_RULES``:
    ``counted`` members present in person or by proxy at the close; a written poll: the
    members who answered).
    """

    rule: str
    required: int
    counted: int

    @property
    def reached(self) -> bool:
        return self.counted >= self.required


@dataclass(frozen=True)
class Ballot:
    option_ids: tuple[int, ...]
    weight: int
    receipt: str
    comment: str | None = None
    voter_id: int | None = None
    """Named polls only."""


def threshold(rule: str, weight_cast: int, members_weight: int, present_weight: int | None = None) -> int:
    """The weight the first option needs under ``rule`` (``present_weight``: the weight of
    the members present at the close; the weight cast when not given)."""
    if rule == "simple":
        return weight_cast // 2 + 1
    if rule == "present":
        return (weight_cast if present_weight is None else present_weight) // 2 + 1
    if rule == "absolute":
        return members_weight // 2 + 1
    if rule == "two_thirds":
        return math.ceil(members_weight * 2 / 3)
    raise ValueError(f"unknown majority rule {rule!r}")


def comment_option(options: Sequence[dict[str, Any]], chosen: Sequence[int]) -> int | None:
    """The first chosen option that takes a comment (where a ballot's comment belongs)."""
    takes = {o["id"] for o in options if o["comment"]}
    return next((option for option in chosen if option in takes), None)


def tally(options: Sequence[dict[str, Any]], ballots: Sequence[Ballot], *, rule: str, quorum: int | None,
          members: int, members_weight: int, eligible: int, secret: bool,
          present_weight: int | None = None, quorum_check: QuorumCheck | None = None) -> dict[str, Any]:
    """The result of a closed poll (its wire shape).

    ``quorum`` is the poll's own minimum of ballots (None: none of its own); ``quorum_check``
    the quorum that applies (by default the poll's own, or none at all).
    """
    counts = {str(o["id"]): 0 for o in options}
    for ballot in ballots:
        for option in ballot.option_ids:
            counts[str(option)] += ballot.weight
    weight_cast = sum(b.weight for b in ballots)
    present = weight_cast if present_weight is None else present_weight
    needed = threshold(rule, weight_cast, members_weight, present)
    check = quorum_check or QuorumCheck("ballots", quorum or 0, len(ballots))
    first = counts[str(options[0]["id"])] if options else 0
    reason = (NO_OPTIONS if not options else NO_QUORUM if not check.reached
              else BELOW_THRESHOLD if first < needed or first <= 0 else None)
    by_receipt = sorted(ballots, key=lambda b: b.receipt)
    return {
        "counts": counts,
        "ballots": len(ballots),
        "weight_cast": weight_cast,
        "members": members,
        "members_weight": members_weight,
        "eligible": eligible,
        "present_weight": present,
        "threshold": needed,
        "quorum": quorum,
        "quorum_rule": check.rule,
        "quorum_required": check.required,
        "quorum_counted": check.counted,
        "quorum_reached": check.reached,
        "passed": reason is None,
        "reason": reason,
        "rule": rule,
        "receipts": [b.receipt for b in by_receipt],
        "comments": [{"option_id": comment_option(options, b.option_ids), "text": b.comment}
                     for b in by_receipt if b.comment],
        "votes": [] if secret else [
            {"user_id": b.voter_id, "option_ids": list(b.option_ids), "comment": b.comment}
            for b in sorted(ballots, key=lambda b: b.voter_id or 0)],
    }
