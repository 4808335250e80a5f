"""What the failover tests share: two server processes on PostgreSQL and Redis behind a TCP
proxy, and a protocol-level participant that keeps its meeting state as a client must
(a snapshot, then every event in seq order once, caught up with ``since_seq``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from meeting_app.net import Connection
from meeting_app.state.outbox import Outbox
from meeting_app.state.store import MeetingStore
from protocol.reducer import apply_event
from tests.e2e.documents import TunedServer
from tests.e2e.helpers import TIMEOUT, Client
from tests.support.server_process import ServerProcess, wait_until
from tests.support.tcp_proxy import TcpProxy


@dataclass
class Cluster:
    """Process 0 and process 1 sharing a database, Redis and a blob store, behind ``proxy``."""

    servers: list[TunedServer]
    proxy: TcpProxy

    @property
    def entry(self) -> ServerProcess:
        """The address clients use: the proxy (only ``url`` is read by the helpers)."""
        return cast(ServerProcess, SimpleNamespace(url=self.proxy.url))

    def ready(self) -> None:
        """Both processes up, nothing held, new connections to process 0 first."""
        for index, server in enumerate(self.servers):
            self.proxy.release(index)
            self.proxy.restore(index)
            if server.process is None:
                server.start()
        self.proxy.prefer(0)

    def on(self, index: int) -> int:
        """How many client connections the proxy has piped to process ``index``."""
        return self.proxy.active(index)

    def wait_connections(self, index: int, count: int) -> None:
        wait_until(lambda: self.on(index) == count, TIMEOUT,
                   message=f"{count} connections on process {index} (has {self.on(index)})")


class Follower:
    """A participant's meeting state, kept like a client keeps it.

    ``state``/``seq``: the snapshot of the last join with every later event applied in seq
    order. ``applied``: the seqs applied, in order. ``received``: every seq each socket
    received (one list per socket), to count repeats on the wire.
    """

    def __init__(self, entry: ServerProcess, token: str, name: str, meeting_id: int) -> None:
        self.entry, self.token, self.name, self.meeting_id = entry, token, name, meeting_id
        self.client = Client(entry, token, name)
        self.state: dict[str, Any] = {}
        self.seq = 0
        self.applied: list[int] = []
        self.caught_up: list[dict[str, Any]] = []
        """The events the last ``since_seq`` join answered."""

    async def join(self) -> Follower:
        """Connect (through the proxy) and join: the snapshot to start from."""
        await self.client.connect()
        answer = await self.client.ok("meeting.join", {"meeting_id": self.meeting_id})
        self.state, self.seq = answer["snapshot"], answer["seq"]
        return self

    async def reconnect(self) -> list[dict[str, Any]]:
        """A new socket through the proxy, joined with ``since_seq``; the missed events."""
        await self.client.close()
        self.client = Client(self.entry, self.token, self.name + " again")
        await self.client.connect()
        answer = await self.client.ok("meeting.join", {"meeting_id": self.meeting_id, "since_seq": self.seq})
        assert "events" in answer, f"{self.name}: a catch-up answered a snapshot: {list(answer)}"
        self.caught_up = answer["events"]
        assert [e["seq"] for e in self.caught_up] == list(range(self.seq + 1, answer["seq"] + 1)), \
            f"{self.name}: the catch-up is not exactly the missed seqs"
        for event in self.caught_up:
            self._apply(event)
        self.drain()
        return list(self.caught_up)

    def drain(self) -> None:
        """Apply the socket's events that follow on from ``seq`` (older ones are repeats)."""
        by_seq = {e["seq"]: e for e in self.client.meeting_events(self.meeting_id, self.seq)}
        while self.seq + 1 in by_seq:
            self._apply(by_seq[self.seq + 1])

    def _apply(self, event: dict[str, Any]) -> None:
        assert event["seq"] == self.seq + 1, (self.name, event["seq"], self.seq)
        self.state = apply_event(self.state, event)
        self.seq = event["seq"]
        self.applied.append(self.seq)

    async def reach(self, seq: int) -> None:
        """Wait until every event up to ``seq`` was applied."""
        def done() -> bool:
            self.drain()
            return self.seq >= seq

        await self.client.wait_for(done, f"{self.name} to reach seq {seq}")

    def repeats(self) -> list[int]:
        """Seqs this socket received more than once (the sequencer would drop them; the
        server should not send them)."""
        seen = [e["seq"] for e in self.client.meeting_events(self.meeting_id)]
        return sorted({s for s in seen if seen.count(s) > 1})

    async def close(self) -> None:
        await self.client.close()


async def fresh_state(entry: ServerProcess, token: str, meeting_id: int) -> tuple[int, dict[str, Any]]:
    """What a client joining now would get: (seq, snapshot), from a new socket."""
    client = await Client(entry, token, "fresh").connect()
    try:
        answer = await client.ok("meeting.join", {"meeting_id": meeting_id})
    finally:
        await client.close()
    return int(answer["seq"]), dict(answer["snapshot"])


async def agree_with_a_fresh_join(followers: list[Follower], tokens: dict[str, str]) -> int:
    """Every follower ends at the same seq with the state a fresh join gives its user."""
    for _attempt in range(5):
        fresh = {f.name: await fresh_state(f.entry, tokens[f.name], f.meeting_id) for f in followers}
        seq = max(s for s, _ in fresh.values())
        if any(s != seq for s, _ in fresh.values()):
            continue  # an event slipped in between two fresh joins: ask again
        for follower in followers:
            await follower.reach(seq)
        if all(f.seq == seq for f in followers):
            for follower in followers:
                assert follower.state == fresh[follower.name][1], f"{follower.name} differs from a fresh join"
            return seq
    raise AssertionError("the meeting never settled: " + ", ".join(f"{f.name}={f.seq}" for f in followers))


@dataclass
class DesktopClient:
    """The desktop client's network and state layers (no window), wired as the room wires
    them, with what they did recorded: events applied, connection statuses, outbox answers."""

    conn: Connection
    store: MeetingStore
    outbox: Outbox
    applied: list[int] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    answered: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def wire(cls, server_url: str, token: str, outbox_file: Path) -> DesktopClient:
        """A client for ``server_url`` (not started: call ``conn.start()``)."""
        store = MeetingStore()
        conn = Connection(server_url, token)
        conn.snapshot_received.connect(lambda _mid, seq, snapshot: store.load(seq, snapshot))
        conn.event_received.connect(store.apply)
        client = cls(conn, store, Outbox(conn, outbox_file))
        store.event_applied.connect(lambda event: client.applied.append(event["seq"]))
        conn.status_changed.connect(client.statuses.append)
        client.outbox.answered.connect(lambda _entry, envelope: client.answered.append(envelope))
        return client
