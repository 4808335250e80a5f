"""Two server processes on one PostgreSQL database, sharing events through Redis.

Clients connected to different processes must see the same meeting: the same events with
the same seq, whoever sent the command and wherever it ran.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from protocol.reducer import apply_events
from tests.e2e import document_scenarios, scenarios
from tests.e2e.conftest import DEMO_USERS
from tests.e2e.documents import TunedServer
from tests.e2e.helpers import Client, http, join_all, login, new_meeting
from tests.server.databases import POSTGRES_URL, REDIS_URL, clean_postgres, require_redis
from tests.support.server_process import ServerProcess

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

# Which process each user talks to: the chair and the admin on one, most of the room on the other.
SIDE = {"admin": 0, "chair": 0, "delegate2": 0, "secretary": 1, "delegate1": 1, "delegate3": 1,
        "observer1": 1}


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    require_redis()
    clean_postgres()
    shared = ["--blob-dir", str(tmp_path_factory.mktemp("shared-blobs"))]  # one store, as one database
    a = TunedServer(tmp_path_factory.mktemp("a"), database_url=POSTGRES_URL, redis_url=REDIS_URL,
                    serve_options=shared)
    b = TunedServer(tmp_path_factory.mktemp("b"), database_url=POSTGRES_URL, redis_url=REDIS_URL,
                    serve_options=shared)
    a.seed_demo()
    try:
        a.start()
        b.start()
        yield a, b
    finally:
        a.stop()
        b.stop()


@pytest.fixture(scope="module")
def accounts(pair: tuple[ServerProcess, ServerProcess]) -> tuple[dict[str, str], dict[str, int]]:
    answers = {name: login(pair[0], name) for name in DEMO_USERS}
    return ({name: a["token"] for name, a in answers.items()},
            {name: a["user"]["id"] for name, a in answers.items()})


def test_core_flows_across_two_processes(pair: tuple[ServerProcess, ServerProcess],
                                         accounts: tuple[dict[str, str], dict[str, int]]) -> None:
    tokens, users = accounts
    asyncio.run(scenarios.run_core_flows(lambda name: pair[SIDE.get(name, 0)], tokens, users))


def test_writers_on_both_processes_at_once(pair: tuple[ServerProcess, ServerProcess],
                                           accounts: tuple[dict[str, str], dict[str, int]]) -> None:
    """The chair on one process and the secretary on the other add items at the same time."""
    tokens, users = accounts
    per_writer = 8

    async def scenario() -> None:
        async with scenarios.connected(lambda name: pair[SIDE[name]], tokens, "admin", "chair", "secretary",
                                       "delegate2", "observer1") as c:
            meeting = await new_meeting(c["admin"], users)
            listeners = [c["delegate2"], c["observer1"], c["chair"], c["secretary"]]
            await join_all(listeners, meeting.id)
            start = await c["delegate2"].ok("meeting.join", {"meeting_id": meeting.id})
            seq = start["seq"]

            async def write(writer: Client) -> None:
                for n in range(per_writer):
                    title = f"{writer.name} {n}"
                    await writer.ok("agenda.add_item", {"meeting_id": meeting.id, "title": title})

            await asyncio.gather(write(c["chair"]), write(c["secretary"]))
            last = seq + 2 * per_writer
            for listener in listeners:
                await listener.wait_for(
                    lambda listener=listener: len(listener.meeting_events(meeting.id, seq)) >= 2 * per_writer,
                    "every event")
            received = {listener.name: listener.meeting_events(meeting.id, seq) for listener in listeners}
            by_seq = {e["seq"]: e for e in received["delegate2"]}
            for name, events in received.items():
                # Every seq once (arrival order may differ between processes; a client that sees
                # a gap catches up with since_seq), and every receiver the same event for it.
                assert sorted(e["seq"] for e in events) == list(range(seq + 1, last + 1)), name
                assert all(by_seq[e["seq"]] == e for e in events), name
            replayed = apply_events(start["snapshot"], [by_seq[s] for s in sorted(by_seq)])
            final = await c["observer1"].ok("meeting.join", {"meeting_id": meeting.id})
            assert final["seq"] == last
            assert replayed["agenda"] == final["snapshot"]["agenda"]
            positions = [item["position"] for item in final["snapshot"]["agenda"]]
            assert positions == list(range(3 + 2 * per_writer))

    asyncio.run(scenario())


def test_logout_on_one_process_closes_sockets_on_the_other(pair: tuple[ServerProcess, ServerProcess]) -> None:
    a, b = pair
    token = login(a, "delegate4")["token"]

    async def scenario() -> None:
        on_b = await Client(b, token, "delegate4 on b").connect()
        try:
            await on_b.ok("meeting.list", {})
            status, _ = await asyncio.to_thread(http, a, "POST", "/api/logout", None, token)
            assert status == 204
            await on_b.disconnected()
        finally:
            await on_b.close()

    asyncio.run(scenario())


def test_deactivation_on_one_process_closes_sockets_on_the_other(
        pair: tuple[ServerProcess, ServerProcess], accounts: tuple[dict[str, str], dict[str, int]]) -> None:
    a, b = pair
    tokens, _users = accounts

    async def scenario() -> None:
        admin = await Client(a, tokens["admin"], "admin on a").connect()
        try:
            created = await admin.ok("user.create", {"username": "tamthoi", "full_name": "Vũ Văn Tạm",
                                                     "password": "Mật khẩu 2026"})
            token = (await asyncio.to_thread(login, b, "tamthoi", "Mật khẩu 2026"))["token"]
            on_b = await Client(b, token, "tamthoi on b").connect()
            reasons: list[str] = []
            on_b.sio.on("session.ended", lambda data: reasons.append(data["reason"]))
            try:
                await on_b.ok("meeting.list", {})
                await admin.ok("user.set_active", {"user_id": created["user"]["id"], "active": False})
                await on_b.wait_for(lambda: not on_b.sio.connected, "the socket on b to close", timeout=3)
                assert reasons and "deactivated" in reasons[0]
            finally:
                await on_b.close()
        finally:
            await admin.close()

    asyncio.run(scenario())


def test_a_removed_participant_on_another_process_hears_no_more(
        pair: tuple[ServerProcess, ServerProcess], accounts: tuple[dict[str, str], dict[str, int]]) -> None:
    tokens, users = accounts

    async def scenario() -> None:
        async with scenarios.connected(lambda name: pair[SIDE[name]], tokens, "admin", "chair",
                                       "delegate3") as c:
            meeting = await new_meeting(c["admin"], users)
            seq = await join_all([c["chair"], c["delegate3"]], meeting.id)
            await c["admin"].ok("participant.remove",
                                {"meeting_id": meeting.id, "user_id": users["delegate3"]})
            told, removed = await c["delegate3"].next_events(meeting.id, seq, 2)
            assert (told["type"], removed["type"]) == ("capabilities.changed", "participant.removed")
            await c["chair"].ok("agenda.add_item", {"meeting_id": meeting.id, "title": "Sau khi rời"})
            await c["chair"].event_seq(meeting.id, seq + 3)
            # An answer on the delegate's own socket comes after anything sent to it before.
            await c["delegate3"].refused("meeting.join", {"meeting_id": meeting.id}, "not_found")
            assert [e["seq"] for e in c["delegate3"].meeting_events(meeting.id, seq)] == [seq + 1, seq + 2]

    asyncio.run(scenario())


def test_documents_reach_only_their_readers_across_two_processes(
        pair: tuple[ServerProcess, ServerProcess], accounts: tuple[dict[str, str], dict[str, int]]) -> None:
    """Uploaded on one process, withheld or not on both, downloaded from the other."""
    tokens, users = accounts
    asyncio.run(document_scenarios.restricted_documents_reach_only_their_readers(
        lambda name: pair[SIDE.get(name, 0)], tokens, users))
