"""Fuzzing a real server process over Socket.IO: the process survives and answers.

Two layers. Through a real Socket.IO client: any event name with any payload (or several,
or none) gets a well-formed answer and the socket stays up. Beneath the client: raw
Engine.IO/Socket.IO frames over a websocket (broken JSON, nesting deeper than any parser's
stack, binary attachments, absurd ack ids, frames of the wrong type); whatever becomes of
that one connection, the server answers a fresh client and /api/health at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import threading
import time
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect as ws_connect

from protocol.commands import COMMANDS
from tests.e2e.helpers import Client, http
from tests.server.fuzz_payloads import any_text, assert_well_formed, scalars, vietnamese_text
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

T = TypeVar("T")
EXAMPLES = 40
"""A smaller fuzz than the pipeline's (tests/server/test_fuzz_commands.py): each example is a
round trip to a real process; here what counts is that the process survives."""


class LoopThread:
    """An event loop of its own in a thread: hypothesis's examples are plain functions."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture(scope="module")
def tokens(logins: dict[str, dict[str, object]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in logins.items()}


@pytest.fixture
def loop_thread() -> Iterator[LoopThread]:
    thread = LoopThread()
    yield thread
    thread.close()


def _still_serving(server: ServerProcess, token: str, loop: LoopThread) -> None:
    """A fresh client is answered, and so is /api/health."""
    assert server.process is not None and server.process.poll() is None, "the server process died"
    assert http(server, "GET", "/api/health")[0] == 200

    async def fresh() -> None:
        client = await Client(server, token, "fresh").connect()
        try:
            await client.ok("meeting.list", {})
        finally:
            await client.close()

    loop.run(fresh())


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), any_text),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(any_text, kids, max_size=4), max_leaves=12)
event_names = st.one_of(st.sampled_from(sorted(COMMANDS)), vietnamese_text,
                        st.sampled_from(["connect", "disconnect", "message", "*", "x" * 2000]))
arguments = st.one_of(json_values.map(lambda value: (value,)), st.lists(json_values, max_size=3).map(tuple),
                      scalars.map(lambda value: (value,)))


def test_any_event_through_a_real_client_is_answered(server: ServerProcess, tokens: dict[str, str],
                                                     loop_thread: LoopThread) -> None:
    client = loop_thread.run(Client(server, tokens["secretary"], "fuzz").connect())

    @settings(max_examples=EXAMPLES, deadline=None, derandomize="MEETING_FUZZ_EXAMPLES" in os.environ,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(name=event_names, args=arguments)
    def answered(name: str, args: tuple[Any, ...]) -> None:
        answer = loop_thread.run(client.sio.call(name, args if len(args) != 1 else args[0], timeout=10))
        assert_well_formed(answer, f"{name} {str(args)[:200]}")
        assert client.sio.connected

    try:
        answered()
    finally:
        loop_thread.run(client.close())
    _still_serving(server, tokens["secretary"], loop_thread)


DEEP = 200_000
RAW_FRAMES: list[tuple[str, str | bytes]] = [
    ("broken JSON", '42["meeting.list",{'),
    ("not an array", '42{"meeting.list":{}}'),
    ("empty event", "42[]"),
    ("event name a number", "42[5,{}]"),
    ("event name an object", '42[{"a":1},{}]'),
    ("nesting deeper than a stack", '421["agenda.add_item",' + "[" * DEEP + "]" * DEEP + "]"),
    ("nested objects", '422["agenda.add_item",' + '{"a":' * 50_000 + "1" + "}" * 50_000 + "]"),
    ("huge ack id", '4299999999999999999999999999["meeting.list",{}]'),
    ("negative ack id", '42-1["meeting.list",{}]'),
    ("NaN and Infinity", '423["agenda.add_item",{"meeting_id":NaN,"title":Infinity}]'),
    ("lone surrogate", '424["agenda.add_item",{"meeting_id":1,"title":"\\ud800"}]'),
    ("unknown packet type", "49garbage"),
    ("unknown engine.io type", "9hello"),
    ("binary event without its attachment", '451-425["agenda.add_item",{"_placeholder":true,"num":0}]'),
    ("binary event with a bad placeholder", '451-426["agenda.add_item",{"_placeholder":true,"num":7}]'),
    ("a stray binary frame", b"\x00\x01\x02\xff" * 1000),
    ("ack of nothing", '43999["x"]'),
    ("connect again", "40"),
    ("empty frame", ""),
]


def _open_raw(server: ServerProcess, token: str) -> Any:
    """A websocket speaking Engine.IO 4 / Socket.IO 5 by hand, connected to the namespace."""
    url = server.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    socket = ws_connect(url, open_timeout=10, max_size=None)
    opened = socket.recv(timeout=10)
    assert isinstance(opened, str) and opened.startswith("0"), opened
    socket.send("40" + json.dumps({"token": token, "protocol": 1}))
    connected = socket.recv(timeout=10)
    assert isinstance(connected, str) and connected.startswith("40"), connected
    return socket


def _probe(socket: Any) -> bool:
    """Whether the connection still answers a command (False: the server closed it, or keeps
    it but no longer answers it: a binary event waiting for its attachment takes the next
    frame as one, so the probe is sent up to three times)."""
    try:
        for ack in (77, 78, 79):
            socket.send(f'42{ack}["meeting.list",{{}}]')
            deadline = time.monotonic() + 5
            while (left := deadline - time.monotonic()) > 0:
                try:
                    frame = socket.recv(timeout=left)
                except TimeoutError:
                    break
                if isinstance(frame, str) and frame.startswith(f"43{ack}["):
                    assert json.loads(frame[len(f"43{ack}"):])[0]["ok"] is True
                    return True
                if frame == "2":  # the server's ping
                    socket.send("3")
        return False
    except ConnectionClosed:
        return False


@pytest.mark.parametrize(("case", "frame"), RAW_FRAMES, ids=[row[0] for row in RAW_FRAMES])
def test_raw_frames_leave_the_server_serving(server: ServerProcess, tokens: dict[str, str],
                                             loop_thread: LoopThread, case: str, frame: str | bytes) -> None:
    socket = _open_raw(server, tokens["delegate1"])
    try:
        with contextlib.suppress(ConnectionClosed):
            socket.send(frame)
        _probe(socket)  # answered, or closed: either way the server decided, and goes on
    finally:
        socket.close()
    _still_serving(server, tokens["delegate1"], loop_thread)
    assert "Traceback" not in server.log(), "a malformed frame is one log line, not a traceback"
