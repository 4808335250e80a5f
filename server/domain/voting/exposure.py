"""Weights that give a secret ballot away: the warning the chair gets on a weighted secret poll.

A weighted tally counts weight, not ballots. With members weighing 100, 1, 1 and 1, any count
of 100 or more for an option contains the heavy member and any count under 100 does not:
``{"1": 3, "2": 100}`` shows their choice to everyone. A member is *exposed* when every
possible tally shows their choice, that is when no sum of the other members' weights, plus
theirs, is also a sum of the other members' weights alone (the counts with them and the
counts without them never meet). Members of equal weight are alike, so one check per
distinct weight suffices; sums are kept as the bits of an integer.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from server.domain.voting import electorate
from server.persistence.models import Poll

WARNING_CODE = "weight_reveals_ballot"


def _sums(weights: Counter[int]) -> int:
    """Every total a subset of these weights can make, as bits (bit n: total n)."""
    reachable = 1
    for weight, count in weights.items():
        for _ in range(count):
            reachable |= reachable << weight
    return reachable


def exposed_weights(weights: list[int]) -> set[int]:
    """The weights whose holder's choice every tally shows (only when weights differ: with
    equal weights the tally is that of an unweighted poll)."""
    counts = Counter(w for w in weights if w > 0)
    if len(counts) < 2:
        return set()
    found = set()
    for weight in counts:
        others = counts.copy()
        others[weight] -= 1
        without = _sums(+others)
        if without & (without << weight) == 0:
            found.add(weight)
    return found


def warnings(poll: Poll, people: list[electorate.Person]) -> list[dict[str, Any]]:
    """The answer's ``warnings`` for a secret weighted poll: the members whose choice its
    tally would show, with their weight, or nothing."""
    if not (poll.secret and poll.weighted):
        return []
    members = electorate.members(poll, people)
    exposed = exposed_weights([electorate.weight(poll, m) for m in members])
    named = sorted((m for m in members if electorate.weight(poll, m) in exposed), key=lambda m: m["user_id"])
    if not named:
        return []
    return [{"code": WARNING_CODE, "user_ids": [m["user_id"] for m in named],
             "weights": {str(m["user_id"]): electorate.weight(poll, m) for m in named},
             "message": "The tally of this secret poll shows how these members voted: their voting weight "
                        "cannot be made up by the other members' weights"}]
