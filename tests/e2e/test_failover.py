"""Failover: two server processes on one PostgreSQL database, Redis between them and one
blob store, behind a TCP proxy (the load balancer). One process is SIGKILLed; its clients
reconnect through the proxy to the survivor, catch up with ``since_seq``, and end with the
same seq and the same state as a fresh join; a command whose answer was lost in the crash,
sent again with its ``request_id``, is applied once. Done once with protocol-level clients
and once with the desktop client's own network layer, store and outbox."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from meeting_app.net import ConnectionStatus
from meeting_app.net import auth as client_auth
from tests.e2e.conftest import DEMO_USERS
from tests.e2e.documents import TunedServer
from tests.e2e.failover import Cluster, DesktopClient, Follower, agree_with_a_fresh_join, fresh_state
from tests.e2e.helpers import Client, login, new_meeting
from tests.server.databases import POSTGRES_URL, REDIS_URL, clean_postgres, require_redis
from tests.support.server_process import DEMO_PASSWORD, wait_until
from tests.support.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

T = TypeVar("T")
WAIT_MS = 30_000
SURVIVOR, DOOMED = 0, 1


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    require_redis()
    clean_postgres()
    # As docs/deployment.md runs them: one blob store, websockets only (no sticky sessions).
    shared = ["--blob-dir", str(tmp_path_factory.mktemp("shared-blobs")), "--websocket-only",
              "--trusted-proxy", "127.0.0.1"]
    servers = [TunedServer(tmp_path_factory.mktemp(name), database_url=POSTGRES_URL, redis_url=REDIS_URL,
                           serve_options=shared) for name in ("p0", "p1")]
    servers[0].seed_demo()
    try:
        for server in servers:
            server.start()
        with TcpProxy([("127.0.0.1", s.port) for s in servers]) as proxy:
            yield Cluster(servers, proxy)
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def up(cluster: Cluster) -> Cluster:
    """Both processes running (a test before may have killed one), nothing held."""
    cluster.ready()
    return cluster


@pytest.fixture(scope="module")
def accounts(cluster: Cluster) -> tuple[dict[str, str], dict[str, int]]:
    cluster.ready()
    answers = {name: login(cluster.entry, name) for name in DEMO_USERS}  # through the proxy
    return ({name: a["token"] for name, a in answers.items()},
            {name: a["user"]["id"] for name, a in answers.items()})


def agenda_titles(state: dict[str, Any]) -> list[str]:
    return [item["title"] for item in state["agenda"]]


def test_protocol_clients_fail_over_to_the_survivor(
        up: Cluster, accounts: tuple[dict[str, str], dict[str, int]]) -> None:
    tokens, users = accounts
    proxy, entry = up.proxy, up.entry

    async def scenario() -> None:
        admin = await Client(entry, tokens["admin"], "admin").connect()
        meeting = await new_meeting(admin, users)
        stay = ["chair", "delegate2"]
        move = ["secretary", "delegate1", "delegate3", "observer1"]
        followers: dict[str, Follower] = {}
        try:
            proxy.prefer(SURVIVOR)
            for name in stay:
                followers[name] = await Follower(entry, tokens[name], name, meeting.id).join()
            proxy.prefer(DOOMED)
            for name in move:
                followers[name] = await Follower(entry, tokens[name], name, meeting.id).join()
            # The proxy spread the room over both processes.
            up.wait_connections(SURVIVOR, 1 + len(stay))
            up.wait_connections(DOOMED, len(move))
            chair, secretary = followers["chair"], followers["secretary"]
            mid = meeting.id
            await chair.client.ok("meeting.start", {"meeting_id": mid})
            await chair.client.ok("agenda.set_current", {"meeting_id": mid, "item_id": meeting.items[1]})
            before = await agree_with_a_fresh_join(list(followers.values()), tokens)

            # The secretary's command is carried out on the doomed process, but its answer
            # is held in the proxy and dies with the process.
            retried = {"meeting_id": meeting.id, "title": "Gửi ngay trước sự cố",
                       "request_id": str(uuid.uuid4())}
            proxy.hold(DOOMED, "down")
            lost_answer = asyncio.ensure_future(secretary.client.call("agenda.add_item", retried))
            await chair.reach(before + 1)
            assert agenda_titles(chair.state).count(retried["title"]) == 1
            added_id = next(i["id"] for i in chair.state["agenda"] if i["title"] == retried["title"])
            await asyncio.to_thread(up.servers[DOOMED].kill)
            for name in move:
                await followers[name].client.disconnected()
            with pytest.raises(Exception):  # noqa: B017 - timeout or disconnect, never the answer
                await lost_answer
            assert up.on(DOOMED) == 0

            # While they are away the room goes on.
            away_from = chair.seq
            await chair.client.ok("agenda.set_current", {"meeting_id": mid, "item_id": meeting.items[2]})
            await chair.client.ok("agenda.add_item", {"meeting_id": mid, "title": "Trong lúc mất kết nối"})
            await chair.client.ok("attendance.set", {"meeting_id": meeting.id, "user_id": users["delegate3"],
                                                     "status": "excused", "reason": "Ốm"})
            await chair.reach(away_from + 3)

            # Back through the proxy: the doomed process refuses, the survivor takes them.
            for name in move:
                missed = await followers[name].reconnect()
                assert up.proxy.accepted[-1] == SURVIVOR
                # Exactly what a client that stayed connected received for those seqs.
                stayed = {e["seq"]: e for e in chair.client.meeting_events(meeting.id)}
                assert missed == [stayed[e["seq"]] for e in missed], name
            up.wait_connections(SURVIVOR, 1 + len(stay) + len(move))

            # The lost command again, same request_id: the first answer, nothing applied twice.
            again = await secretary.client.ok("agenda.add_item", retried)
            assert again["item"]["id"] == added_id
            await chair.client.ok("agenda.add_item", {"meeting_id": meeting.id, "title": "Sau khi trở lại"})
            final = await agree_with_a_fresh_join(list(followers.values()), tokens)
            assert chair.applied[-1] == final and final == away_from + 4  # the retry made no event
            for follower in followers.values():
                assert agenda_titles(follower.state).count(retried["title"]) == 1, follower.name
                assert follower.repeats() == [], f"{follower.name} got events twice"
                # Every seq from its first snapshot on, once and in order.
                first = follower.applied[0]
                assert follower.applied == list(range(first, final + 1)), follower.name
            excused = {p["user_id"]: p["attendance"] for p in chair.state["participants"]}
            assert excused[users["delegate3"]] == "excused"
        finally:
            for follower in followers.values():
                await follower.close()
            await admin.close()

    asyncio.run(scenario())


def test_the_desktop_client_recovers_by_itself(
        up: Cluster, accounts: tuple[dict[str, str], dict[str, int]], qtbot: Any, tmp_path: Path) -> None:
    """The client's Connection, MeetingStore and Outbox, on the doomed process, with nobody
    driving them: they reconnect through the proxy, catch up, and re-send the lost change."""
    tokens, users = accounts
    proxy, entry = up.proxy, up.entry
    # The protocol clients live on a loop of their own in a thread, so that their sockets
    # answer the server's pings while the test waits on Qt.
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    def run(coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result(timeout=60)

    admin = run(Client(entry, tokens["admin"], "admin").connect())
    meeting = run(new_meeting(admin, users))
    chair = run(Follower(entry, tokens["chair"], "chair", meeting.id).join())

    proxy.prefer(DOOMED)
    signed_in = client_auth.login(proxy.url, "secretary", DEMO_PASSWORD)  # through the proxy too
    client = DesktopClient.wire(signed_in.server_url, signed_in.token, tmp_path / "outbox.json")
    conn, store, outbox = client.conn, client.store, client.outbox
    applied, statuses, answered = client.applied, client.statuses, client.answered
    try:
        conn.start()
        conn.join_meeting(meeting.id)
        qtbot.waitUntil(lambda: store.loaded and conn.status == ConnectionStatus.CONNECTED, timeout=WAIT_MS)
        up.wait_connections(DOOMED, 1)
        run(chair.client.ok("meeting.start", {"meeting_id": meeting.id}))
        run(chair.reach(chair.seq + 2))
        qtbot.waitUntil(lambda: store.seq == chair.seq, timeout=WAIT_MS)

        # A change through the outbox; the server applies it, the answer dies with the process.
        proxy.hold(DOOMED, "down")
        title = "Đề xuất của thư ký"
        outbox.put("secretary-item", "agenda.add_item", {"meeting_id": meeting.id, "title": title})
        run(chair.reach(chair.seq + 1))
        assert agenda_titles(chair.state).count(title) == 1
        up.servers[DOOMED].kill()
        qtbot.waitUntil(lambda: ConnectionStatus.RECONNECTING in statuses, timeout=WAIT_MS)
        assert len(outbox) == 1 and not answered  # kept for the next connection

        away_from = chair.seq
        run(chair.client.ok("agenda.set_current", {"meeting_id": meeting.id, "item_id": meeting.items[2]}))
        run(chair.client.ok("agenda.add_item", {"meeting_id": meeting.id, "title": "Khi thư ký vắng"}))
        run(chair.reach(away_from + 2))

        # Nobody touches the client: it finds the survivor, catches up and re-sends.
        qtbot.waitUntil(lambda: conn.status == ConnectionStatus.CONNECTED and len(outbox) == 0,
                        timeout=WAIT_MS)
        assert answered and answered[0]["ok"], answered
        seq, snapshot = run(fresh_state(entry, tokens["secretary"], meeting.id))
        qtbot.waitUntil(lambda: store.seq == seq, timeout=WAIT_MS)
        assert seq == away_from + 2, "the re-sent change was applied a second time"
        assert store.snapshot == snapshot
        assert agenda_titles(store.snapshot).count(title) == 1
        assert applied == list(range(applied[0], seq + 1)), "events missed, repeated or out of order"
        assert up.on(DOOMED) == 0 and up.on(SURVIVOR) >= 3
        wait_until(lambda: proxy.accepted[-1] == SURVIVOR)
    finally:
        conn.stop()
        run(chair.close())
        run(admin.close())
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
