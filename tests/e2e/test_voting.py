"""Voting over real sockets against real server processes, on SQLite and PostgreSQL: 200
voters at once (some re-sending, some disconnecting and retrying), a server SIGKILLed in the
middle of the vote, and a close while ballots are in flight. Afterwards every acknowledged
ballot is counted, none twice, and the tally equals the ballots stored and the receipts."""

from __future__ import annotations

import asyncio
import random
import urllib.request
from collections.abc import Iterator

import pytest

from tests.e2e.helpers import Client, http
from tests.e2e.voting_scenarios import (
    Voter,
    cast,
    cast_until_answered,
    close_all,
    connect,
    connect_all,
    expected_counts,
    open_poll,
    prepare,
    stored_counts,
    wait_closed,
)
from tests.server.databases import POSTGRES_URL, clean_postgres
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

DELEGATES = 200


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def voting_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[tuple[ServerProcess, dict[str, str]]]:
    """A server with the demo meeting and 200 delegates; tokens for the chair and them."""
    url = None
    if request.param == "postgres":
        clean_postgres()
        url = POSTGRES_URL
    process = ServerProcess(tmp_path_factory.mktemp(f"voting-{request.param}"), database_url=url)
    process.seed_demo(delegates=DELEGATES)
    tokens = prepare(process, DELEGATES)
    with process.running():
        yield process, tokens


def fetch_report(server: ServerProcess, poll_id: int, token: str) -> str:
    """GET the poll's CSV report (UTF-8 with a BOM)."""
    request = urllib.request.Request(f"{server.url}/api/polls/{poll_id}/report.csv",
                                     headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.headers["Content-Type"].startswith("text/csv")
        return str(answer.read().decode("utf-8"))


def names(count: int, start: int = 1) -> list[str]:
    return [f"delegate{i}" for i in range(start, start + count)]


async def many_voters_at_once(server: ServerProcess, tokens: dict[str, str]) -> None:
    voters_names = names(DELEGATES)
    chair = await connect(server, "chair", tokens["chair"])
    clients = await connect_all(server, tokens, voters_names)
    try:
        poll_id = await open_poll(chair)
        rng = random.Random(7)
        voters = [Voter(name, rng.choice([1, 1, 2, 3])) for name in voters_names]
        resend = set(rng.sample(voters_names, DELEGATES // 10))
        drop = set(rng.sample([n for n in voters_names if n not in resend], DELEGATES // 20))

        async def one(voter: Voter) -> None:
            client = clients[voter.name]
            if voter.name in drop:  # sent, then the connection drops before the answer
                await client.sio.emit("poll.vote", voter.payload(poll_id))
                await client.sio.disconnect()
                await cast_until_answered(server, clients, tokens, voter, poll_id)
                return
            await cast(client, voter, poll_id)
            if voter.name in resend:  # the answer was "lost": the same ballot again
                await cast(client, voter, poll_id)

        await asyncio.gather(*(one(voter) for voter in voters))
        assert [v.name for v in voters if v.receipt is None] == []
        result = (await chair.ok("poll.close", {"poll_id": poll_id}))["result"]
        assert result["ballots"] == DELEGATES
        assert result["counts"] == expected_counts(voters)
        assert result["receipts"] == sorted(str(v.receipt) for v in voters)
        assert stored_counts(server, poll_id) == (DELEGATES, DELEGATES)
        await wait_closed([chair, *clients.values()], poll_id)
        status, _body = http(server, "GET", f"/api/polls/{poll_id}/report.csv", token=tokens["delegate1"])
        assert status == 403
    finally:
        await close_all([chair, *clients.values()])


def test_200_voters_at_once(voting_server: tuple[ServerProcess, dict[str, str]]) -> None:
    asyncio.run(many_voters_at_once(*voting_server))


async def wait_for_receipts(voters: list[Voter], count: int, timeout: float = 30.0) -> None:
    """Until ``count`` ballots are acknowledged (checked as the answers come in)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while sum(v.receipt is not None for v in voters) < count:
        assert loop.time() < end, f"fewer than {count} ballots acknowledged in {timeout}s"
        await asyncio.sleep(0.01)


async def killed_in_the_middle(server: ServerProcess, tokens: dict[str, str]) -> None:
    voters_names = names(60, start=101)
    chair = await connect(server, "chair", tokens["chair"])
    clients = await connect_all(server, tokens, voters_names)
    all_clients: list[Client] = [chair, *clients.values()]
    try:
        poll_id = await open_poll(chair)
        voters = [Voter(name, 1 + n % 3) for n, name in enumerate(voters_names)]
        voting = asyncio.gather(*(cast_until_answered(server, clients, tokens, v, poll_id, deadline=60)
                                  for v in voters))
        await wait_for_receipts(voters, 10)
        await asyncio.to_thread(server.kill)
        acknowledged = {v.name: v.receipt for v in voters if v.receipt}
        await asyncio.to_thread(server.start)
        await voting
        all_clients += clients.values()
        assert [v.name for v in voters if v.receipt is None] == []
        assert all(v.receipt == acknowledged[v.name] for v in voters if v.name in acknowledged)
        chair = await connect(server, "chair", tokens["chair"])
        all_clients.append(chair)
        result = (await chair.ok("poll.close", {"poll_id": poll_id}))["result"]
        assert result["ballots"] == len(voters) and result["counts"] == expected_counts(voters)
        assert result["receipts"] == sorted(str(v.receipt) for v in voters)
        assert stored_counts(server, poll_id) == (len(voters), len(voters))
    finally:
        await close_all(all_clients)


def test_a_server_killed_mid_vote_loses_no_acknowledged_ballot(
        voting_server: tuple[ServerProcess, dict[str, str]]) -> None:
    asyncio.run(killed_in_the_middle(*voting_server))


async def closed_in_flight(server: ServerProcess, tokens: dict[str, str]) -> None:
    voters_names = names(80, start=21)
    chair = await connect(server, "chair", tokens["chair"])
    clients = await connect_all(server, tokens, voters_names)
    try:
        poll_id = await open_poll(chair)
        voters = [Voter(name, 1 + n % 3) for n, name in enumerate(voters_names)]
        voting = asyncio.gather(*(cast(clients[v.name], v, poll_id) for v in voters))
        await wait_for_receipts(voters, 20)
        result = (await chair.ok("poll.close", {"poll_id": poll_id}))["result"]
        await voting
        acknowledged = [v for v in voters if v.receipt is not None]
        refused = [v for v in voters if v.receipt is None]
        assert {v.refused for v in refused} <= {"closed"}, "a late ballot is refused as closed"
        assert len(acknowledged) + len(refused) == len(voters)
        assert result["ballots"] == len(acknowledged) and result["counts"] == expected_counts(voters)
        assert result["receipts"] == sorted(str(v.receipt) for v in acknowledged)
        assert stored_counts(server, poll_id) == (len(acknowledged), len(acknowledged))
        report = fetch_report(server, poll_id, tokens["chair"])
        assert report.startswith("\ufeffquestion,Thông qua Kế hoạch?")
        assert f"ballots,{len(acknowledged)}" in report
    finally:
        await close_all([chair, *clients.values()])


def test_a_close_while_ballots_are_in_flight_counts_exactly_the_acknowledged(
        voting_server: tuple[ServerProcess, dict[str, str]]) -> None:
    asyncio.run(closed_in_flight(*voting_server))
