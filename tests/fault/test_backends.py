"""PostgreSQL and Redis restart under connected clients of two server processes.

Both run privately for this module (``tests/support/private_services.py``): a cluster made
with initdb on a free port and a redis-server on another, never the machine's shared
ones. PostgreSQL crashes (``pg_ctl stop -m immediate``) and comes back: commands during
the outage get a clear error and change nothing, afterwards they work again without
restarting the servers, and a socket that closed during the outage still leaves its
meeting. Redis is killed and started again: events sent meanwhile never reached the other
process's clients, and no later event shows them the gap; the heartbeats' seq does, and
they catch up by themselves.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from meeting_app.net import Connection, ConnectionStatus
from meeting_app.state.store import MeetingStore
from server.transport.pipeline import DATABASE_UNAVAILABLE
from tests.e2e.documents import TunedServer
from tests.e2e.failover import Follower, agree_with_a_fresh_join, fresh_state
from tests.e2e.helpers import Client, Meeting, login, new_meeting
from tests.fault.test_network import WAIT_MS, Background
from tests.support.private_services import PrivatePostgres, PrivateRedis, missing_tools

pytestmark = pytest.mark.e2e

NAMES = ["admin", "chair", "secretary", "observer1", "delegate1", "delegate2", "delegate3"]
RECOVERY = 30.0
"""Seconds a client or a server may take to recover after the service is back."""


@dataclass
class Deployment:
    postgres: PrivatePostgres
    redis: PrivateRedis
    servers: list[TunedServer]
    tokens: dict[str, str]
    users: dict[str, int]


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    missing = missing_tools()
    if missing:
        pytest.skip(missing)
    postgres, redis = PrivatePostgres(), PrivateRedis()
    servers: list[TunedServer] = []
    try:
        postgres.start()
        redis.start()
        blobs = ["--blob-dir", str(tmp_path_factory.mktemp("fault-blobs"))]
        servers = [TunedServer(tmp_path_factory.mktemp(f"fault-p{n}"), database_url=postgres.url,
                               redis_url=redis.url, serve_options=blobs) for n in range(2)]
        servers[0].seed_demo()
        for server in servers:
            server.start()
        answers = {name: login(servers[0], name) for name in NAMES}
        yield Deployment(postgres, redis, servers, {n: a["token"] for n, a in answers.items()},
                         {n: a["user"]["id"] for n, a in answers.items()})
    finally:
        for server in servers:
            server.stop()
        redis.stop()
        postgres.remove()


async def room(deployment: Deployment) -> tuple[Meeting, dict[str, Follower]]:
    """A new meeting; the chair on process 0, the secretary and two delegates on process 1."""
    p0, p1 = deployment.servers
    admin = await Client(p0, deployment.tokens["admin"], "admin").connect()
    try:
        meeting = await new_meeting(admin, deployment.users)
    finally:
        await admin.close()
    followers = {}
    for name, server in (("chair", p0), ("secretary", p1), ("delegate1", p1), ("delegate2", p1)):
        followers[name] = await Follower(server, deployment.tokens[name], name, meeting.id).join()
    await agree_with_a_fresh_join(list(followers.values()), deployment.tokens)
    return meeting, followers


async def until_ok(client: Client, command: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Send the command (the same payload, request_id and all) until it is carried out."""
    end = time.monotonic() + RECOVERY
    while True:
        answer = await client.call(command, payload)
        if answer["ok"]:
            return dict(answer["data"])
        assert answer["error"]["code"] == "internal", answer
        assert time.monotonic() < end, f"still failing after {RECOVERY}s: {answer}"
        await asyncio.sleep(0.2)


def online(snapshot: dict[str, Any], user_id: int) -> bool:
    return bool(next(p["online"] for p in snapshot["participants"] if p["user_id"] == user_id))


def test_a_postgresql_restart_under_connected_clients(deployment: Deployment) -> None:
    p0, p1 = deployment.servers
    tokens, users = deployment.tokens, deployment.users

    async def scenario() -> None:
        meeting, followers = await room(deployment)
        writers = [followers["chair"], followers["secretary"]]  # one on each process
        try:
            await asyncio.to_thread(deployment.postgres.stop, "immediate")  # a crash
            during = {w.name: {"meeting_id": meeting.id, "title": f"{w.name}: gửi khi CSDL khởi động lại",
                               "request_id": str(uuid.uuid4())} for w in writers}
            for writer in writers:
                answer = await writer.client.call("agenda.add_item", during[writer.name])
                assert answer == {"ok": False, "error": {"code": "internal", "message": DATABASE_UNAVAILABLE}}
            # A socket closes while the database is down: its departure must not be lost.
            await followers.pop("delegate1").close()
            await asyncio.to_thread(deployment.postgres.start)

            # The same servers, no restart: the commands go through, each once.
            for writer in writers:
                await until_ok(writer.client, "agenda.add_item", during[writer.name])
                await writer.client.ok("agenda.add_item", during[writer.name])  # a repeat: no change
            deadline = time.monotonic() + RECOVERY
            while online((await fresh_state(p1, tokens["delegate2"], meeting.id))[1], users["delegate1"]):
                assert time.monotonic() < deadline, "the departure during the outage was lost"
                await asyncio.sleep(0.2)
            await agree_with_a_fresh_join(list(followers.values()), tokens)
            for follower in followers.values():
                titles = [item["title"] for item in follower.state["agenda"]]
                assert all(titles.count(payload["title"]) == 1 for payload in during.values()), titles
                assert not online(follower.state, users["delegate1"]), "delegate1 left during the outage"
                assert online(follower.state, users["delegate2"])
                assert follower.applied == list(range(follower.applied[0], follower.seq + 1)), follower.name
        finally:
            for follower in followers.values():
                await follower.close()

    asyncio.run(scenario())
    for server in (p0, p1):
        assert server.process is not None and server.process.poll() is None, "a server died"


def test_a_redis_restart_under_connected_clients(deployment: Deployment, qtbot: Any) -> None:
    """The chair writes on process 0 while Redis is down; on process 1 the secretary's
    desktop client and a delegate's protocol client miss it. Nothing more happens in the
    meeting, yet both learn from the heartbeats' seq that they are behind and catch up."""
    p0, p1 = deployment.servers
    tokens = deployment.tokens
    background = Background()
    run = background.run
    admin = run(Client(p0, tokens["admin"], "admin").connect())
    meeting = run(new_meeting(admin, deployment.users))
    run(admin.close())
    chair = run(Follower(p0, tokens["chair"], "chair", meeting.id).join())
    delegate = run(Follower(p1, tokens["delegate2"], "delegate2", meeting.id).join())
    store = MeetingStore()
    conn = Connection(p1.url, tokens["secretary"], heartbeat_interval=0.5)
    conn.snapshot_received.connect(lambda _mid, seq, snapshot: store.load(seq, snapshot))
    conn.event_received.connect(store.apply)
    applied: list[int] = []
    store.event_applied.connect(lambda event: applied.append(event["seq"]))
    try:
        conn.start()
        conn.join_meeting(meeting.id)
        qtbot.waitUntil(lambda: store.loaded and conn.status == ConnectionStatus.CONNECTED, timeout=WAIT_MS)
        seq = run(agree_with_a_fresh_join([chair, delegate], tokens))
        qtbot.waitUntil(lambda: store.seq == seq, timeout=WAIT_MS)

        deployment.redis.stop()
        for n in range(2):
            title = f"Khi Redis mất ({n})"
            run(chair.client.ok("agenda.add_item", {"meeting_id": meeting.id, "title": title}))
        run(chair.reach(seq + 2))  # process 0 delivers to its own clients
        deployment.redis.start()
        # Nothing more happens in the meeting; the heartbeats tell who is behind.
        qtbot.waitUntil(lambda: store.seq == seq + 2, timeout=WAIT_MS)
        run(heartbeat_until_caught_up(delegate, seq + 2))

        # Pub/sub works again between the processes (once its listener is back).
        run(chair.client.ok("agenda.add_item", {"meeting_id": meeting.id, "title": "Sau khi Redis trở lại"}))
        qtbot.waitUntil(lambda: store.seq == seq + 3, timeout=WAIT_MS)
        final, snapshot = run(fresh_state(p1, tokens["secretary"], meeting.id))
        assert final == seq + 3 and store.snapshot == snapshot
        assert applied == list(range(applied[0], final + 1)), "events missed, repeated or out of order"
        run(heartbeat_until_caught_up(delegate, final))
        assert run(agree_with_a_fresh_join([chair, delegate], tokens)) == final
    finally:
        conn.stop()
        run(chair.close())
        run(delegate.close())
        background.stop()
    assert all(server.process is not None and server.process.poll() is None for server in (p0, p1))


async def heartbeat_until_caught_up(follower: Follower, seq: int) -> None:
    """Beat (every 0.5 s) until the follower has ``seq``: events still arriving are applied;
    an answer's seq above the follower's, still not reached after the next half second,
    means lost events: catch up with ``since_seq`` (the desktop client's rule)."""
    end = time.monotonic() + RECOVERY
    reported = 0
    while True:
        follower.drain()
        if follower.seq >= seq:
            return
        if reported > follower.seq:
            caught = await follower.client.ok("meeting.join", {"meeting_id": follower.meeting_id,
                                                               "since_seq": follower.seq})
            for event in caught["events"]:
                if event["seq"] == follower.seq + 1:
                    follower._apply(event)
            reported = 0
            continue
        answer = await follower.client.ok("presence.heartbeat", {"meeting_id": follower.meeting_id})
        reported = int(answer.get("seq", 0))
        assert time.monotonic() < end, f"{follower.name} never learned it was behind ({follower.seq} < {seq})"
        await asyncio.sleep(0.5)
