"""Attendance counts and the quorum, computed the same way by the server and every client.

Members are the participants who take decisions: the chair and the delegates with a
voting weight above 0 (secretaries and observers are not counted). A member is present
in person (attendance ``present``) or represented: absent, but named a proxy
(``proxy_id``) who is present.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

MEMBER_ROLES = frozenset({"chair", "delegate"})
QUORUM_RULES = ("more_than_half", "at_least_half", "two_thirds", "none")


def is_member(participant: dict[str, Any]) -> bool:
    """Whether the participant counts for the quorum (and, later, votes)."""
    return participant["role"] in MEMBER_ROLES and participant.get("voting_weight", 1) > 0


@dataclass(frozen=True)
class Counts:
    """Attendance of a group of participants (a site, or the whole meeting)."""

    participants: int = 0
    online: int = 0
    members: int = 0
    present: int = 0
    """Members present in person."""
    represented: int = 0
    """Members absent but represented by a present proxy."""
    absent: int = 0
    excused: int = 0
    unknown: int = 0

    @property
    def counted(self) -> int:
        """Members who count as present for the quorum."""
        return self.present + self.represented


def represented(participant: dict[str, Any], by_id: dict[int, dict[str, Any]]) -> bool:
    """Whether a member not present in person is represented by a present proxy."""
    proxy = by_id.get(participant.get("proxy_id") or 0)
    return (participant["attendance"] != "present" and proxy is not None
            and proxy["attendance"] == "present")


def count(participants: Iterable[dict[str, Any]], everyone: list[dict[str, Any]]) -> Counts:
    """The counts of ``participants`` (proxies are looked up among ``everyone``)."""
    by_id = {p["user_id"]: p for p in everyone}
    tally = dict.fromkeys(("participants", "online", "members", "present", "represented",
                           "absent", "excused", "unknown"), 0)
    for person in participants:
        tally["participants"] += 1
        tally["online"] += bool(person.get("online"))
        if not is_member(person):
            continue
        tally["members"] += 1
        if person["attendance"] == "present":
            tally["present"] += 1
        elif represented(person, by_id):
            tally["represented"] += 1
        else:
            tally[person["attendance"] if person["attendance"] in tally else "unknown"] += 1
    return Counts(**tally)


def by_site(participants: list[dict[str, Any]]) -> dict[int | None, Counts]:
    """Counts per site id (None: participants at no site)."""
    site_ids = {p["site_id"] for p in participants}
    return {site: count([p for p in participants if p["site_id"] == site], participants)
            for site in site_ids}


@dataclass(frozen=True)
class Quorum:
    rule: str
    members: int
    counted: int
    required: int

    @property
    def reached(self) -> bool:
        return self.counted >= self.required


def required_for(rule: str, members: int) -> int:
    """How many members must count as present under ``rule``."""
    if rule == "more_than_half":
        return members // 2 + 1
    if rule == "at_least_half":
        return math.ceil(members / 2)
    if rule == "two_thirds":
        return math.ceil(members * 2 / 3)
    return 0


def quorum(participants: list[dict[str, Any]], rule: str) -> Quorum:
    """The meeting's quorum under its rule."""
    total = count(participants, participants)
    return Quorum(rule, total.members, total.counted, required_for(rule, total.members))
