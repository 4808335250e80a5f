"""The rules that decide a vote, over real sockets against a real server process on SQLite
and PostgreSQL: a new poll needs more than half of all members, a poll with no quorum of its
own takes the meeting's, and a result without its quorum is never passed (it says why)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.helpers import Client, Meeting, login, new_meeting
from tests.server.databases import POSTGRES_URL, clean_postgres
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

DELEGATES = [f"delegate{n}" for n in range(1, 9)]
"""With the chair: nine members."""
CAST = {"chair": "chair", "secretary": "secretary", **dict.fromkeys(DELEGATES, "delegate")}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def rules_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[ServerProcess]:
    url = None
    if request.param == "postgres":
        clean_postgres()
        url = POSTGRES_URL
    process = ServerProcess(tmp_path_factory.mktemp(f"rules-{request.param}"), database_url=url)
    process.seed_demo(delegates=len(DELEGATES))
    with process.running():
        yield process


@pytest.fixture(scope="module")
def tokens(rules_server: ServerProcess) -> dict[str, Any]:
    return {name: login(rules_server, name) for name in ("admin", "chair", "delegate1", "delegate2")}


async def meeting_with(server: ServerProcess, tokens: dict[str, Any], present: list[str]
                       ) -> tuple[Meeting, dict[str, Client]]:
    """A live meeting of nine members, ``present`` marked present by the chair."""
    clients = {name: await Client(server, answer["token"], name).connect() for name, answer in tokens.items()}
    users = {name: int(answer["user"]["id"]) for name, answer in tokens.items()}
    admin = clients["admin"]
    directory = (await admin.ok("user.list", {}))["users"]
    users.update({u["username"]: int(u["id"]) for u in directory})
    meeting = await new_meeting(admin, users, CAST, items=1)
    chair = clients["chair"]
    for client in clients.values():
        await client.ok("meeting.join", {"meeting_id": meeting.id})
    await chair.ok("meeting.start", {"meeting_id": meeting.id})
    for name in present:
        await chair.ok("attendance.set", {"meeting_id": meeting.id, "user_id": users[name],
                                          "status": "present"})
    return meeting, clients


async def decide(clients: dict[str, Client], meeting: Meeting, yes: list[str],
                 **fields: Any) -> dict[str, Any]:
    """Create (with ``fields``), open, ``yes`` vote for the first option, close: the poll
    as created and the result."""
    chair = clients["chair"]
    poll = (await chair.ok("poll.create", {
        "meeting_id": meeting.id, "question": "Thông qua Nghị quyết?", "secret": False,
        "agenda_item_id": meeting.items[0], **fields}))["poll"]
    await chair.ok("poll.open", {"poll_id": poll["id"]})
    for name in yes:
        await clients[name].ok("poll.vote", {"poll_id": poll["id"], "option_ids": [1],
                                             "ballot_id": str(uuid.uuid4())})
    result = (await chair.ok("poll.close", {"poll_id": poll["id"]}))["result"]
    return {"poll": poll, "result": result}


async def close_all(clients: dict[str, Client]) -> None:
    for client in clients.values():
        await client.close()


def test_without_the_meetings_quorum_a_vote_is_never_passed(rules_server: ServerProcess,
                                                            tokens: dict[str, Any]) -> None:
    async def scenario() -> None:
        meeting, clients = await meeting_with(rules_server, tokens, ["chair"])  # 1 of 9 present
        try:
            # The case: a simple-majority poll with one ballot of nine members.
            simple = await decide(clients, meeting, ["chair"], majority="simple")
            result = simple["result"]
            assert result["counts"]["1"] == 1 and result["ballots"] == 1
            assert result["passed"] is False and result["quorum_reached"] is False
            assert result["reason"] == "no_quorum"
            assert (result["quorum_rule"], result["quorum_required"], result["quorum_counted"]) == (
                "more_than_half", 5, 1)
            # A new poll without a rule: more than half of all members, and still no quorum.
            default = await decide(clients, meeting, ["chair"])
            assert default["poll"]["majority"] == "absolute" and default["poll"]["quorum"] is None
            assert default["result"]["rule"] == "absolute" and default["result"]["threshold"] == 5
            assert default["result"]["passed"] is False and default["result"]["reason"] == "no_quorum"
            # The poll.closed event every site receives says the same.
            closed = await clients["delegate1"].wait_for(lambda: next(
                (e for e in clients["delegate1"].meeting_events(meeting.id) if e["type"] == "poll.closed"
                 and e["data"]["poll_id"] == default["poll"]["id"]), None), "poll.closed")
            assert closed["data"]["result"]["passed"] is False
        finally:
            await close_all(clients)

    asyncio.run(scenario())


def test_with_the_quorum_each_rule_decides(rules_server: ServerProcess, tokens: dict[str, Any]) -> None:
    async def scenario() -> None:
        present = ["chair", *DELEGATES[:4]]  # 5 of 9: the meeting's quorum (more than half)
        meeting, clients = await meeting_with(rules_server, tokens, present)
        try:
            # Two "yes" of five present and nine members.
            absolute = (await decide(clients, meeting, ["chair", "delegate1"]))["result"]
            assert absolute["quorum_reached"] is True and absolute["quorum_counted"] == 5
            assert absolute["passed"] is False and absolute["reason"] == "below_threshold"
            two = ["chair", "delegate1"]
            present_rule = (await decide(clients, meeting, two, majority="present"))["result"]
            assert present_rule["threshold"] == 3 and present_rule["present_weight"] == 5
            assert present_rule["passed"] is False and present_rule["reason"] == "below_threshold"
            three = (await decide(clients, meeting, ["chair", "delegate1", "delegate2"], majority="present"))
            assert three["result"]["passed"] is True and three["result"]["reason"] is None
            # A poll's own quorum replaces the meeting's: here three ballots, two cast.
            own = (await decide(clients, meeting, two, majority="simple", quorum=3))["result"]
            assert (own["quorum_rule"], own["quorum_required"], own["quorum_counted"]) == ("ballots", 3, 2)
            assert own["passed"] is False and own["reason"] == "no_quorum"
            simple = (await decide(clients, meeting, ["chair", "delegate1"], majority="simple"))["result"]
            assert simple["passed"] is True and simple["reason"] is None
        finally:
            await close_all(clients)

    asyncio.run(scenario())
