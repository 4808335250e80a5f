"""Capabilities on a real server process: each participant's snapshot says what they may do,
and their socket is told, before the change itself, when the floor or their role alters it;
a client that catches up after a gap replays it like any other event."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from protocol.reducer import apply_events
from tests.e2e.helpers import Client, join_all, new_meeting
from tests.e2e.scenarios import connected
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

CAST = {"chair": "chair", "delegate1": "delegate", "secretary": "secretary"}  # at sites 0, 1, 2
ROOM = list(CAST)


@pytest.fixture(scope="module")
def tokens(logins: dict[str, dict[str, object]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in logins.items()}


async def snapshot_of(client: Client, meeting_id: int) -> tuple[int, dict[str, Any]]:
    answer = await client.ok("meeting.join", {"meeting_id": meeting_id})
    return int(answer["seq"]), dict(answer["snapshot"])


async def capabilities_live(server: ServerProcess, tokens: dict[str, str], users: dict[str, int]) -> None:
    async with connected(lambda _: server, tokens, "admin", *ROOM) as c:
        meeting = await new_meeting(c["admin"], users, CAST)
        mid = meeting.id
        seq = await join_all([c[name] for name in ROOM], mid)
        first_seq, first = await snapshot_of(c["delegate1"], mid)
        you = first["you"]
        assert "floor.request" in you["capabilities"] and "floor.give" not in you["capabilities"]
        assert "floor.end" not in you["capabilities"] and you["managed_site_id"] is None
        _seq, secretary = await snapshot_of(c["secretary"], mid)
        assert secretary["you"]["managed_site_id"] == meeting.sites[2]
        assert "floor.order" not in secretary["you"]["capabilities"]

        # The floor: the speaker is told first that they may present and end their speech.
        await c["chair"].ok("meeting.start", {"meeting_id": mid})
        await c["chair"].ok("speaker.grant", {"meeting_id": mid, "user_id": users["delegate1"]})
        floor = await c["delegate1"].wait_for(lambda: next(
            (e for e in c["delegate1"].meeting_events(mid, seq) if e["type"] == "speaker.floor_changed"),
            None), "the floor")
        told = await c["delegate1"].event_seq(mid, floor["seq"] - 1)
        assert told["type"] == "capabilities.changed"
        assert told["data"]["user_id"] == users["delegate1"]
        assert {"documents.present", "floor.end"} <= set(told["data"]["capabilities"])

        # A role change: an observer asks for the floor no more.
        await c["admin"].ok("participant.set", {"meeting_id": mid, "user_id": users["delegate1"],
                                                "role": "observer"})
        observer = await c["delegate1"].wait_for(lambda: next(
            (e for e in c["delegate1"].meeting_events(mid, told["seq"])
             if e["type"] == "capabilities.changed"), None), "the observer's capabilities")
        assert "floor.request" not in observer["data"]["capabilities"]

        # The events since the first snapshot give the capabilities a fresh snapshot has.
        fresh_seq, fresh = await snapshot_of(c["delegate1"], mid)
        events = await c["delegate1"].next_events(mid, first_seq, fresh_seq - first_seq)
        assert apply_events(first, events)["you"] == fresh["you"]


def test_capabilities_follow_the_floor_and_the_role(server: ServerProcess, tokens: dict[str, str],
                                                      user_ids: dict[str, int]) -> None:
    asyncio.run(capabilities_live(server, tokens, user_ids))
