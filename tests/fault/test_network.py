"""Network faults between the desktop client's own network layer (``Connection``, its
``MeetingStore`` and ``Outbox``) and a real server, through a TCP proxy on loopback: the
link is cut, reset or frozen; nobody drives the client, and once the link is back it has
reconnected by itself, caught up on what it missed (the same seq and state as a fresh
join), and sent what was queued during the cut exactly once."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

from meeting_app.net import Connection, ConnectionStatus
from meeting_app.state.outbox import Outbox
from meeting_app.state.store import MeetingStore
from tests.e2e.documents import TunedServer
from tests.e2e.failover import DesktopClient, Follower, fresh_state
from tests.e2e.helpers import Client, Meeting, new_meeting
from tests.fault.accounts import accounts
from tests.support.tcp_proxy import TcpProxy

pytestmark = pytest.mark.e2e

T = TypeVar("T")
WAIT_MS = 30_000


class Background:
    """An asyncio loop in a thread for the protocol clients, so that their sockets answer
    the server's pings while the test waits on Qt."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=60)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()


@dataclass
class Room:
    """The server, the proxy in front of it, a meeting, its chair (direct, not proxied) and
    the secretary's desktop client (through the proxy)."""

    server: TunedServer
    proxy: TcpProxy
    background: Background
    tokens: dict[str, str]
    meeting: Meeting
    chair: Follower
    conn: Connection
    store: MeetingStore
    outbox: Outbox
    statuses: list[str]
    applied: list[int]
    answered: list[dict[str, Any]]

    def chair_does(self, command: str, payload: dict[str, Any]) -> None:
        self.background.run(self.chair.client.ok(command, payload))

    def caught_up(self, qtbot: Any) -> int:
        """Wait until the client has what a fresh join gives; that seq."""
        token = self.tokens["secretary"]
        seq, snapshot = self.background.run(fresh_state(self.server, token, self.meeting.id))
        qtbot.waitUntil(lambda: self.store.seq == seq, timeout=WAIT_MS)
        assert self.store.snapshot == snapshot, "the client's state differs from a fresh join"
        assert self.applied == list(range(self.applied[0], seq + 1)), "events missed, repeated, out of order"
        return seq


@pytest.fixture
def room(server: TunedServer, qtbot: Any, tmp_path: Path) -> Iterator[Room]:
    tokens, users = accounts(server)
    background = Background()
    with TcpProxy([("127.0.0.1", server.port)]) as proxy:
        admin = background.run(Client(server, tokens["admin"], "admin").connect())
        meeting = background.run(new_meeting(admin, users))
        background.run(admin.close())
        chair = background.run(Follower(server, tokens["chair"], "chair", meeting.id).join())
        client = DesktopClient.wire(proxy.url, tokens["secretary"], tmp_path / "outbox.json")
        conn, store = client.conn, client.store
        made = Room(server, proxy, background, tokens, meeting, chair, conn, store, client.outbox,
                    client.statuses, client.applied, client.answered)
        try:
            conn.start()
            conn.join_meeting(meeting.id)
            qtbot.waitUntil(lambda: store.loaded and conn.status == ConnectionStatus.CONNECTED,
                            timeout=WAIT_MS)
            made.chair_does("meeting.start", {"meeting_id": meeting.id})
            made.caught_up(qtbot)
            yield made
        finally:
            conn.stop()
            background.run(chair.close())
            background.stop()


def agenda_titles(store: MeetingStore) -> list[str]:
    return [item["title"] for item in store.snapshot["agenda"]]


@pytest.mark.parametrize("fault", ["cut", "reset"])
def test_the_client_recovers_from_a_broken_link_by_itself(room: Room, qtbot: Any, fault: str) -> None:
    """``cut``: the network is down for a while (connections reset and refused); ``reset``:
    the open connection is broken once (a NAT or Wi-Fi hand-over), new ones go through."""
    mid = room.meeting.id
    statuses_before = len(room.statuses)
    if fault == "cut":
        room.proxy.cut_all()
    else:
        room.proxy.stall_all()  # so the client cannot reconnect before the room moves on
        room.proxy.reset_all()
    qtbot.waitUntil(lambda: ConnectionStatus.RECONNECTING in room.statuses[statuses_before:], timeout=WAIT_MS)

    # While the secretary is away the room goes on, and the secretary queues changes.
    room.chair_does("agenda.set_current", {"meeting_id": mid, "item_id": room.meeting.items[2]})
    room.chair_does("agenda.add_item", {"meeting_id": mid, "title": "Trong lúc mất mạng"})
    room.outbox.put("item-a", "agenda.add_item", {"meeting_id": mid, "title": "Đề xuất A của thư ký"})
    room.outbox.put("item-b", "agenda.add_item", {"meeting_id": mid, "title": "Đề xuất B của thư ký"})
    qtbot.wait(300)  # the outbox tries and is told "offline": the entries stay
    assert len(room.outbox) == 2 and not room.answered
    assert room.conn.status != ConnectionStatus.CONNECTED

    room.proxy.restore_all()
    qtbot.waitUntil(lambda: room.conn.status == ConnectionStatus.CONNECTED and len(room.outbox) == 0,
                    timeout=WAIT_MS)
    assert [envelope["ok"] for envelope in room.answered] == [True, True], room.answered
    room.caught_up(qtbot)
    titles = agenda_titles(room.store)
    for title in ("Trong lúc mất mạng", "Đề xuất A của thư ký", "Đề xuất B của thư ký"):
        assert titles.count(title) == 1, f"{title!r} is there {titles.count(title)} times"
    assert room.store.snapshot["meeting"]["current_item_id"] == room.meeting.items[2]


def test_a_short_freeze_loses_nothing_and_breaks_nothing(room: Room, qtbot: Any) -> None:
    """The link freezes for a moment (bytes held both ways, shorter than any timeout): the
    client stays connected, a change sent during the freeze is carried out once, and the
    events of the freeze arrive in order afterwards."""
    mid = room.meeting.id
    room.proxy.stall_all()
    room.outbox.put("frozen", "agenda.add_item", {"meeting_id": mid, "title": "Gửi khi mạng treo"})
    room.chair_does("agenda.add_item", {"meeting_id": mid, "title": "Chủ tọa thêm khi mạng treo"})
    qtbot.wait(1500)
    assert len(room.outbox) == 1 and not room.answered  # the answer is held in the link
    room.proxy.restore_all()
    qtbot.waitUntil(lambda: len(room.outbox) == 0, timeout=WAIT_MS)
    assert room.answered and room.answered[0]["ok"], room.answered
    room.caught_up(qtbot)
    assert agenda_titles(room.store).count("Gửi khi mạng treo") == 1
    assert ConnectionStatus.RECONNECTING not in room.statuses, "a freeze shorter than the timeouts"
