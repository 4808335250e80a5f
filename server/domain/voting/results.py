"""The tally and the majority rules: pure functions of the ballots and the members.

simple: the first option (the motion's "yes") needs more than half of the weight cast;
absolute: more than half of all members' weight; two_thirds: at least two thirds of all
members' weight. ``quorum`` is the fewest ballots for a valid result (None: no minimum).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MAJORITIES = ("simple", "absolute", "two_thirds")


@dataclass(frozen=True)
class Ballot:
    option_ids: tuple[int, ...]
    weight: int
    receipt: str
    comment: str | None = None
    voter_id: int | None = None
    """Named polls only."""


def threshold(rule: str, weight_cast: int, members_weight: int) -> int:
    """The weight the first option needs under ``rule``."""
    if rule == "simple":
        return weight_cast // 2 + 1
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
          members: int, members_weight: int, eligible: int, secret: bool) -> dict[str, Any]:
    """The result of a closed poll (its wire shape)."""
    counts = {str(o["id"]): 0 for o in options}
    for ballot in ballots:
        for option in ballot.option_ids:
            counts[str(option)] += ballot.weight
    weight_cast = sum(b.weight for b in ballots)
    needed = threshold(rule, weight_cast, members_weight)
    quorum_reached = quorum is None or len(ballots) >= quorum
    first = counts[str(options[0]["id"])] if options else 0
    by_receipt = sorted(ballots, key=lambda b: b.receipt)
    return {
        "counts": counts,
        "ballots": len(ballots),
        "weight_cast": weight_cast,
        "members": members,
        "members_weight": members_weight,
        "eligible": eligible,
        "threshold": needed,
        "quorum": quorum,
        "quorum_reached": quorum_reached,
        "passed": quorum_reached and bool(options) and first >= needed and first > 0,
        "rule": rule,
        "receipts": [b.receipt for b in by_receipt],
        "comments": [{"option_id": comment_option(options, b.option_ids), "text": b.comment}
                     for b in by_receipt if b.comment],
        "votes": [] if secret else [
            {"user_id": b.voter_id, "option_ids": list(b.option_ids), "comment": b.comment}
            for b in sorted(ballots, key=lambda b: b.voter_id or 0)],
    }
