"""Ballots at once: group commit, and the pipeline's remembered meeting of a poll.

Ballots that arrive while their meeting's lock is busy run in one transaction, a savepoint
each: a refused ballot rolls back alone, the others count, and a voter's two ballots at
once count once. A poll's meeting is remembered by its id; an id SQLite gives again to a
poll of another meeting is found there, not in the remembered one.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from tests.server.voting import add_member, close, create, live, opened
from tests.server.world import World, wire


def ballot(poll_id: int, option: int, ballot_id: str | None = None) -> dict[str, Any]:
    return {"poll_id": poll_id, "option_ids": [option], "ballot_id": ballot_id or str(uuid.uuid4())}


def at_once(world: World, sends: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Send every ballot while the meeting's lock is held, so that they gather in one group;
    then let the lock go. Their envelopes, in order."""
    pipeline = world.pipeline

    async def run() -> list[dict[str, Any]]:
        async with pipeline.meeting_lock(world.main):
            tasks = [asyncio.ensure_future(pipeline.run("poll.vote", (payload,), f"sid-{user}-{n}",
                                                         world.conns[user]))
                     for n, (user, payload) in enumerate(sends)]
            for _turn in range(1000):  # each task reaches the group in a few turns of the loop
                if len(pipeline.groups._gathering.get(world.main, [])) == len(sends):
                    break
                await asyncio.sleep(0)
            assert len(pipeline.groups._gathering[world.main]) == len(sends)
        return list(await asyncio.gather(*tasks))

    return [wire(e) for e in world.loop.run_until_complete(run())]


def test_a_group_commits_its_ballots_and_refuses_each_bad_one_alone(world: World) -> None:
    live(world)
    for n in range(5):
        add_member(world, f"member{n}")
    poll = opened(world, secret=True)
    twice = str(uuid.uuid4())
    sends = [(f"member{n}", ballot(poll["id"], 1 + n % 2)) for n in range(5)]
    sends += [("observer", ballot(poll["id"], 1)),                # not a member: forbidden
              ("delegate", ballot(poll["id"], 1, twice)),         # the same ballot sent twice
              ("delegate", ballot(poll["id"], 1, twice)),
              ("delegate2", ballot(poll["id"], 1)),               # two ballots of one voter
              ("delegate2", ballot(poll["id"], 2)),
              ("chair", {"poll_id": poll["id"], "option_ids": [9], "ballot_id": str(uuid.uuid4())})]
    answers = at_once(world, sends)
    assert [a["ok"] for a in answers[:5]] == [True] * 5
    assert answers[5]["error"]["code"] == "forbidden"
    assert answers[6]["ok"] and answers[7]["ok"]
    assert answers[6]["data"]["receipt"] == answers[7]["data"]["receipt"]
    assert answers[8]["ok"] and answers[9]["error"]["code"] == "conflict"
    assert answers[10]["error"]["code"] == "invalid"
    # The chair's refused ballot left nothing behind: the chair votes now, once.
    chair = world.ok("chair", "poll.vote", ballot(poll["id"], 1))["receipt"]
    result = close(world, poll["id"])
    receipts = [a["data"]["receipt"] for n, a in enumerate(answers) if a["ok"] and n != 7]
    assert result["ballots"] == 8 and result["receipts"] == sorted([*receipts, chair])
    assert result["counts"] == {"1": 6, "2": 2, "3": 0}

def test_a_poll_id_given_again_is_found_in_its_new_meeting(world: World) -> None:
    assert world.foreign is not None
    first = create(world)
    assert world.ok("chair", "poll.check", {"poll_id": first["id"]})  # its meeting is remembered
    world.ok("chair", "poll.delete", {"poll_id": first["id"]})
    again = world.ok("outsider", "poll.create", {"meeting_id": world.foreign.id, "question": "Khác?",
                                                 "secret": False, "majority": "simple"})["poll"]
    if world.db.is_sqlite:
        assert again["id"] == first["id"]  # SQLite gives the highest id again
    assert world.ok("outsider", "poll.check", {"poll_id": again["id"]})["members"] == 1
    world.refused("chair", "poll.check", {"poll_id": again["id"]}, "not_found")
