"""What the voting tests share: a live meeting with its members checked in, polls, ballots."""

from __future__ import annotations

import uuid
from typing import Any

from tests.server.world import World

MEMBERS = ("chair", "delegate", "delegate2")
"""The members of World's meeting (chair and delegates, weight 1 each)."""


def live(world: World, present: tuple[str, ...] = MEMBERS) -> None:
    """Start the meeting; ``present`` check in."""
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    for user in present:
        world.ok(user, "attendance.check_in", {"meeting_id": world.main})


def create(world: World, user: str = "chair", **fields: Any) -> dict[str, Any]:
    """A draft poll (named, simple majority, the default options unless given)."""
    payload = {"meeting_id": world.main, "question": "Thông qua Kế hoạch năm 2027?", "secret": False,
               "majority": "simple", **fields}
    return dict(world.ok(user, "poll.create", payload)["poll"])


def opened(world: World, **fields: Any) -> dict[str, Any]:
    """A poll created and opened by the chair."""
    poll = create(world, **fields)
    return dict(world.ok("chair", "poll.open", {"poll_id": poll["id"]})["poll"])


def vote(world: World, user: str, poll_id: int, option_ids: list[int], **extra: Any) -> str:
    """Cast a ballot that must be accepted; its receipt."""
    payload = {"poll_id": poll_id, "option_ids": option_ids, "ballot_id": str(uuid.uuid4()), **extra}
    return str(world.ok(user, "poll.vote", payload)["receipt"])


def close(world: World, poll_id: int) -> dict[str, Any]:
    return dict(world.ok("chair", "poll.close", {"poll_id": poll_id})["result"])


def poll_of(world: World, poll_id: int, user: str = "admin") -> dict[str, Any]:
    return next(p for p in world.snapshot(user)["polls"] if p["id"] == poll_id)


def add_member(world: World, name: str, role: str = "delegate", weight: int = 1, site: int = 0,
               present: bool = True) -> int:
    """Another participant of the main meeting (checked in when ``present``)."""
    assert world.meeting is not None
    user_id = world.add_user(name)
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": user_id, "role": role,
                                          "site_id": world.meeting.sites[site], "voting_weight": weight})
    if present:
        world.ok(name, "attendance.check_in", {"meeting_id": world.main})
    return user_id
