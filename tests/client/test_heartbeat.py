"""The heartbeat against a scripted Socket.IO server: one every interval while joined, the
previous round trip in each, never two in flight, silent while disconnected, and every
answer's server time fed to the store's clock."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from meeting_app.net import Connection
from meeting_app.state.store import MeetingStore
from tests.client.conftest import FakeServer, Recorder

OpenConnection = Callable[..., tuple[Connection, Recorder]]
WAIT = 15_000
HEARTBEAT = "presence.heartbeat"
SNAPSHOT = {"meeting": {"id": 1}, "you": {"user_id": 1, "role": "delegate"}}
AHEAD = 3600.0
"""The scripted server's clock runs an hour ahead of this computer's."""


def server_now() -> str:
    return (datetime.now(UTC) + timedelta(seconds=AHEAD)).isoformat()


class SlowServer:
    """Answers heartbeats after ``delay`` seconds, noting arrivals and overlaps."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.arrivals: list[float] = []
        self.in_flight = self.most_in_flight = 0

    async def __call__(self, payload: dict[str, Any]) -> dict[str, Any]:
        self.arrivals.append(time.monotonic())
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
        finally:
            self.in_flight -= 1
        return {"ok": True, "data": {"server_time": server_now()}}


def joined(fake_server: FakeServer, open_connection: OpenConnection, qtbot: Any,
           interval: float) -> tuple[Connection, MeetingStore]:
    fake_server.join_answers = [{"seq": 0, "snapshot": SNAPSHOT, "server_time": server_now()}]
    conn, _rec = open_connection(fake_server.url, "good", heartbeat_interval=interval)
    store = MeetingStore()
    conn.server_time_observed.connect(store.observe_server_time)
    conn.join_meeting(1)
    return conn, store


def test_heartbeats_carry_the_previous_round_trip_and_set_the_clock(
        fake_server: FakeServer, open_connection: OpenConnection, qtbot: Any) -> None:
    server = SlowServer(delay=0.05)
    fake_server.command_answers[HEARTBEAT] = server
    conn, store = joined(fake_server, open_connection, qtbot, interval=0.3)
    measures: list[int | None] = []
    conn.link_measured.connect(measures.append)

    qtbot.waitUntil(lambda: len(fake_server.sent(HEARTBEAT)) >= 4 and len(measures) >= 3,
                    timeout=WAIT)
    beats = fake_server.sent(HEARTBEAT)
    assert beats[0] == {"meeting_id": 1}  # nothing measured yet; no request_id either
    for beat in beats[1:]:
        assert set(beat) == {"meeting_id", "rtt_ms"}
        assert 50 <= beat["rtt_ms"] < 2000  # the server took 50 ms to answer
    # Each one carries the round trip of the one before (as reported to the UI).
    assert [b["rtt_ms"] for b in beats[1:3]] == measures[:2]
    gaps = [b - a for a, b in zip(server.arrivals, server.arrivals[1:], strict=False)]
    assert all(0.25 <= gap < 1.5 for gap in gaps), gaps
    assert conn.rtt_ms is not None and conn.rtt_ms >= 50
    # The join's and the heartbeats' server_time taught the clock the hour's difference.
    qtbot.waitUntil(lambda: abs(store.clock.offset - AHEAD) < 1.0, timeout=WAIT)
    assert abs((store.clock.now() - datetime.now(UTC)).total_seconds() - AHEAD) < 1.0


def test_never_two_heartbeats_in_flight_on_a_slow_link(
        fake_server: FakeServer, open_connection: OpenConnection, qtbot: Any) -> None:
    server = SlowServer(delay=0.7)  # longer than the interval
    fake_server.command_answers[HEARTBEAT] = server
    joined(fake_server, open_connection, qtbot, interval=0.2)
    qtbot.waitUntil(lambda: len(server.arrivals) >= 3, timeout=WAIT)
    assert server.most_in_flight == 1
    gaps = [b - a for a, b in zip(server.arrivals, server.arrivals[1:], strict=False)]
    assert all(gap >= 0.65 for gap in gaps), gaps  # the next waited for the answer
    assert fake_server.sent(HEARTBEAT)[2]["rtt_ms"] >= 700


def test_no_heartbeat_before_joining_or_while_disconnected(
        fake_server: FakeServer, open_connection: OpenConnection, qtbot: Any) -> None:
    fake_server.command_answers[HEARTBEAT] = lambda _p: {"ok": True, "data": {"server_time": server_now()}}
    conn, rec = open_connection(fake_server.url, "good", heartbeat_interval=0.1)
    qtbot.waitUntil(lambda: conn.status == "connected", timeout=WAIT)
    qtbot.wait(600)  # a window for heartbeats that must not come: no meeting is joined
    assert fake_server.sent(HEARTBEAT) == []

    fake_server.join_answers = [{"seq": 0, "snapshot": SNAPSHOT}]
    conn.join_meeting(1)
    qtbot.waitUntil(lambda: conn.rtt_ms is not None, timeout=WAIT)

    # The server drops the socket: the measure is gone and the beats stop until the
    # connection is back and the meeting joined again.
    async def drop() -> None:
        assert fake_server.sio is not None
        for sid, _eio in list(fake_server.sio.manager.get_participants("/", None)):
            await fake_server.sio.disconnect(sid)

    fake_server.join_answers.append({"seq": 0, "snapshot": SNAPSHOT})
    assert fake_server.loop is not None
    asyncio.run_coroutine_threadsafe(drop(), fake_server.loop).result(timeout=5)
    qtbot.waitUntil(lambda: "reconnecting" in rec.statuses, timeout=WAIT)
    assert conn.rtt_ms is None
    before = len(fake_server.sent(HEARTBEAT))
    qtbot.waitUntil(lambda: len(fake_server.joins) == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: len(fake_server.sent(HEARTBEAT)) > before + 1, timeout=WAIT)
    assert conn.rtt_ms is not None

    conn.leave_meeting()
    qtbot.waitUntil(lambda: bool(fake_server.sent("meeting.leave")), timeout=WAIT)
    after_leave = len(fake_server.sent(HEARTBEAT))
    qtbot.wait(600)  # again a window for beats that must not come
    assert len(fake_server.sent(HEARTBEAT)) <= after_leave + 1  # at most one already on its way


def test_a_refused_heartbeat_still_measures_the_link(
        fake_server: FakeServer, open_connection: OpenConnection, qtbot: Any) -> None:
    fake_server.command_answers[HEARTBEAT] = {
        "ok": False, "error": {"code": "forbidden", "message": "not in this meeting"}}
    conn, _store = joined(fake_server, open_connection, qtbot, interval=0.1)
    qtbot.waitUntil(lambda: len(fake_server.sent(HEARTBEAT)) >= 2, timeout=WAIT)
    assert conn.rtt_ms is not None and "rtt_ms" in fake_server.sent(HEARTBEAT)[1]


def test_a_heartbeat_seq_not_reached_by_the_next_beat_starts_a_catch_up(
        fake_server: FakeServer, open_connection: OpenConnection, qtbot: Any) -> None:
    """Events 1-2 were lost on the way and the meeting went quiet: no later event shows the
    gap, but the heartbeats say the meeting is at seq 2."""
    fake_server.command_answers[HEARTBEAT] = lambda _p: {
        "ok": True, "data": {"server_time": server_now(), "seq": 2}}
    lost = [{"meeting_id": 1, "seq": n, "type": "agenda.item_added", "data": {}, "at": server_now()}
            for n in (1, 2)]
    conn, _store = joined(fake_server, open_connection, qtbot, interval=0.2)
    fake_server.join_answers.append({"seq": 2, "events": lost})
    delivered: list[int] = []
    conn.event_received.connect(lambda event: delivered.append(event["seq"]))
    qtbot.waitUntil(lambda: delivered == [1, 2], timeout=WAIT)
    assert fake_server.joins[1] == {"meeting_id": 1, "since_seq": 0}
    beats = len(fake_server.sent(HEARTBEAT))
    qtbot.waitUntil(lambda: len(fake_server.sent(HEARTBEAT)) >= beats + 3, timeout=WAIT)
    assert len(fake_server.joins) == 2, "caught up: no more catch-ups"
