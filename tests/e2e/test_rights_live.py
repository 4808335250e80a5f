"""Issue 17's attacks on a real server process, over real sockets: a secretary cannot make
himself a weighty delegate, mark a present member absent or name himself their proxy; the
chair's socket receives each role or weight change of the live meeting; a member names
their own proxy, and their socket is told when the proxy votes for them."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from tests.e2e.helpers import join_all, new_meeting
from tests.e2e.scenarios import connected
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

CAST = {"chair": "chair", "secretary": "secretary", "delegate1": "delegate", "delegate2": "delegate"}
ROOM = list(CAST)


@pytest.fixture(scope="module")
def tokens(logins: dict[str, dict[str, object]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in logins.items()}


async def rights_live(server: ServerProcess, tokens: dict[str, str], users: dict[str, int]) -> None:
    async with connected(lambda _: server, tokens, "admin", *ROOM) as c:
        meeting = await new_meeting(c["admin"], users, CAST)
        mid = meeting.id
        await join_all([c[name] for name in ROOM], mid)
        await c["chair"].ok("meeting.start", {"meeting_id": mid})
        for name in ("chair", "delegate1"):
            await c[name].ok("attendance.check_in", {"meeting_id": mid})

        # The secretary's attempts, each refused.
        secretary, delegate1, delegate2 = users["secretary"], users["delegate1"], users["delegate2"]
        himself = {"meeting_id": mid, "user_id": secretary, "role": "delegate", "voting_weight": 1000}
        await c["secretary"].refused("participant.set", himself, "forbidden")
        await c["secretary"].refused("attendance.set", {"meeting_id": mid, "user_id": delegate1,
                                                        "status": "absent"}, "forbidden")
        await c["secretary"].refused("attendance.set_proxy", {"meeting_id": mid, "user_id": delegate1,
                                                              "proxy_user_id": secretary}, "forbidden")

        # The organiser corrects a weight during the meeting: the chair's socket is told who did what.
        await c["admin"].ok("participant.set", {"meeting_id": mid, "user_id": delegate2, "role": "delegate",
                                                "voting_weight": 2})

        def weight_change() -> object:
            return next((e["data"]["change"] for e in c["chair"].meeting_events(mid)
                         if e["type"] == "participant.changed" and "change" in e["data"]), None)

        change = await c["chair"].wait_for(weight_change, "the weight change")
        assert change == {"by": users["admin"], "role": ["delegate", "delegate"], "voting_weight": [1, 2]}

        # delegate2, away, names delegate1; delegate1 votes for them; delegate2 is told.
        await c["delegate2"].ok("attendance.set_proxy", {"meeting_id": mid, "user_id": delegate2,
                                                         "proxy_user_id": delegate1})
        poll = (await c["chair"].ok("poll.create", {"meeting_id": mid, "question": "Thông qua tờ trình?",
                                                    "secret": False, "majority": "simple"}))["poll"]
        await c["chair"].ok("poll.open", {"poll_id": poll["id"]})
        await c["delegate1"].ok("poll.vote", {"poll_id": poll["id"], "option_ids": [poll["options"][0]["id"]],
                                              "ballot_id": str(uuid.uuid4()), "voter_id": delegate2})
        told = await c["delegate2"].wait_for(
            lambda: next((e for e in c["delegate2"].user_events if e["type"] == "poll.proxy_voted"), None),
            "the proxy's vote to be told")
        assert (told["meeting_id"], told["data"]) == (mid, {"poll_id": poll["id"], "proxy_id": delegate1})
        assert not [e for e in c["delegate1"].user_events if e["type"] == "poll.proxy_voted"]


def test_rights_cannot_be_escalated_and_proxies_are_seen(server: ServerProcess, tokens: dict[str, str],
                                                         user_ids: dict[str, int]) -> None:
    asyncio.run(rights_live(server, tokens, user_ids))


