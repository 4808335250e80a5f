"""Who votes in a poll: its members, and of them those who may vote now (eligible).

A meeting poll's members are the meeting's members (chair and delegates with a voting
weight, ``protocol.attendance``); the eligible are those present, or represented by a
present proxy. A written poll's members are the members it asks (``voter_ids``), all
eligible until the deadline.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.attendance import is_member, represented

__all__ = ["Person", "eligible", "is_member", "members", "people", "person", "total_weight", "weight"]
from server.persistence.models import Participant, Poll

Person = dict[str, Any]


def person(row: Participant) -> Person:
    """What the attendance rules read of a participant."""
    return {"user_id": row.user_id, "role": row.role, "site_id": row.site_id,
            "voting_weight": row.voting_weight, "attendance": row.attendance, "proxy_id": row.proxy_user_id}


def people(session: Session, meeting_id: int) -> list[Person]:
    """Every participant of the meeting."""
    return [person(row) for row in session.scalars(
        select(Participant).where(Participant.meeting_id == meeting_id).order_by(Participant.user_id))]


def members(poll: Poll, everyone: list[Person]) -> list[Person]:
    """The poll's members (its electorate)."""
    if poll.kind == "written":
        asked = set(poll.voter_ids or [])
        return [p for p in everyone if p["user_id"] in asked and is_member(p)]
    return [p for p in everyone if is_member(p)]


def eligible(poll: Poll, everyone: list[Person]) -> list[Person]:
    """The members who may vote now."""
    if poll.kind == "written":
        return members(poll, everyone)
    by_id = {p["user_id"]: p for p in everyone}
    return [p for p in members(poll, everyone)
            if p["attendance"] == "present" or represented(p, by_id)]


def weight(poll: Poll, member: Person) -> int:
    """A member's weight in this poll: their voting weight if weighted, else 1."""
    return int(member["voting_weight"]) if poll.weighted else 1


def total_weight(poll: Poll, group: list[Person]) -> int:
    return sum(weight(poll, p) for p in group)
