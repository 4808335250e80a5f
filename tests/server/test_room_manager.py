"""The server's Socket.IO fast paths deliver exactly what python-socketio's own would.

A real aiohttp + python-socketio server with ``DirectManager`` and the tuned Engine.IO
poll, and real Socket.IO clients over websockets, all on one event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
import socketio
from aiohttp import web
from engineio import async_socket, exceptions
from engineio import packet as eio_packet
from socketio import packet as sio_packet

from server.transport import engineio_tuning
from server.transport.frames import text_frame
from server.transport.room_manager import DirectManager, DirectRedisManager, client_manager
from tests.support.server_process import free_port

pytestmark = pytest.mark.stand_in_events  # the fast paths are tested with events of their own

DEADLINE = 10.0


@asynccontextmanager
async def broadcaster() -> AsyncIterator[tuple[socketio.AsyncServer, str]]:
    """A server whose clients join rooms by asking: ``enter`` {"rooms": [...]}."""
    engineio_tuning.install()
    sio = socketio.AsyncServer(async_mode="aiohttp", client_manager=DirectManager(), cors_allowed_origins=[])
    app = web.Application()
    sio.attach(app)

    @sio.on("enter")
    async def enter(sid: str, payload: dict[str, Any]) -> str:
        for room in payload["rooms"]:
            await sio.enter_room(sid, room)
        return sid

    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield sio, f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


class Listener:
    """A Socket.IO client that records every ``news`` event it gets."""

    def __init__(self) -> None:
        self.client = socketio.AsyncClient(reconnection=False)
        self.received: list[Any] = []
        self.client.on("news", self.received.append)
        self.sid = ""

    async def join(self, url: str, *rooms: str) -> Listener:
        await self.client.connect(url, transports=["websocket"], wait_timeout=DEADLINE)
        self.sid = await self.client.call("enter", {"rooms": list(rooms)}, timeout=DEADLINE)
        return self


async def until(condition: Any) -> None:
    """Wait on ``condition`` with a deadline."""
    async with asyncio.timeout(DEADLINE):
        while not condition():
            await asyncio.sleep(0.005)


def test_a_room_broadcast_reaches_every_member_once_in_order_and_no_one_else() -> None:
    async def scenario() -> None:
        async with broadcaster() as (sio, url):
            members = [await Listener().join(url, "meeting:1") for _ in range(5)]
            outsider = await Listener().join(url, "meeting:2")
            for seq in range(1, 201):
                await sio.emit("news", {"seq": seq, "text": "Phiên họp thứ nhất"}, room="meeting:1")
            await until(lambda: all(len(m.received) == 200 for m in members))
            for member in members:
                assert [event["seq"] for event in member.received] == list(range(1, 201))
                assert member.received[0]["text"] == "Phiên họp thứ nhất"
            assert outsider.received == []
            for listener in [*members, outsider]:
                await listener.client.disconnect()

    asyncio.run(scenario())


def test_several_rooms_reach_a_socket_in_two_of_them_once_and_skip_sid_is_honoured() -> None:
    async def scenario() -> None:
        async with broadcaster() as (sio, url):
            both = await Listener().join(url, "viewer:1", "viewer:2")
            first = await Listener().join(url, "viewer:1")
            second = await Listener().join(url, "viewer:2")
            await sio.emit("news", {"n": 1}, room=["viewer:1", "viewer:2"])
            await sio.emit("news", {"n": 2}, room="viewer:1", skip_sid=first.sid)
            await sio.emit("news", {"n": 3}, room="viewer:2", skip_sid=[both.sid, second.sid])
            await sio.emit("news", {"n": 4})  # everyone connected
            await until(lambda: len(both.received) == 3 and len(first.received) == 2
                        and len(second.received) == 2)
            assert [e["n"] for e in both.received] == [1, 2, 4]
            assert [e["n"] for e in first.received] == [1, 4]
            assert [e["n"] for e in second.received] == [1, 4]
            for listener in (both, first, second):
                await listener.client.disconnect()

    asyncio.run(scenario())


def test_a_broadcast_skips_a_socket_that_closed_and_keeps_going() -> None:
    async def scenario() -> None:
        async with broadcaster() as (sio, url):
            staying = await Listener().join(url, "meeting:1")
            leaving = await Listener().join(url, "meeting:1")
            await leaving.client.disconnect()
            await sio.emit("news", {"n": 1}, room="meeting:1")
            await until(lambda: staying.received == [{"n": 1}])
            assert leaving.received == []
            await staying.client.disconnect()

    asyncio.run(scenario())


def test_broadcasts_behind_queued_packets_wait_their_turn() -> None:
    """A broadcast goes straight to an idle socket's websocket, but never ahead of packets
    already queued for it (an answer, a ping): frames keep the order they were sent in."""
    async def scenario() -> None:
        async with broadcaster() as (sio, url):
            member = await Listener().join(url, "meeting:1")
            socket = sio.eio.sockets[sio.manager.eio_sid_from_sid(member.sid, "/")]
            await until(lambda: socket.idle_websocket is not None)
            await sio.emit("news", {"n": 0}, room="meeting:1")
            assert socket.queue.empty(), "an idle socket's broadcast is written, not queued"
            for n in range(1, 101):
                if n % 10 == 1:  # queued the library's way, as a direct send would be
                    await sio.eio.send_packet(socket.sid, eio_packet.Packet(
                        eio_packet.MESSAGE, sio.packet_class(
                            sio_packet.EVENT, namespace="/", data=["news", {"n": n}]).encode()))
                else:
                    await sio.emit("news", {"n": n}, room="meeting:1")
            await until(lambda: len(member.received) == 101)
            assert [event["n"] for event in member.received] == list(range(101))
            await member.client.disconnect()

    asyncio.run(scenario())


class _Transport(asyncio.Transport):
    """Collects what is written."""

    def __init__(self) -> None:
        super().__init__()
        self.written = bytearray()

    def write(self, data: Any) -> None:
        self.written += data

    def is_closing(self) -> bool:
        return False


def test_a_broadcast_frame_is_the_frame_aiohttp_would_write() -> None:
    from aiohttp._websocket.writer import WebSocketWriter
    from aiohttp.http_websocket import WSMsgType

    async def scenario() -> None:
        for size in (0, 1, 125, 126, 65535, 65536, 200_000):
            payload = ("đ" * size).encode("utf-8")[:size]
            transport = _Transport()
            protocol = type("Protocol", (), {"_paused": False})()
            await WebSocketWriter(protocol, transport).send_frame(payload, WSMsgType.TEXT)  # type: ignore[arg-type]
            assert text_frame(payload) == bytes(transport.written), size

    asyncio.run(scenario())


def test_the_manager_matches_the_deployment() -> None:
    assert type(client_manager(None)) is DirectManager
    assert isinstance(client_manager("redis://127.0.0.1:6379/0"), DirectRedisManager)


class _Socket:
    """The attributes ``AsyncSocket.poll`` reads."""

    def __init__(self, wait: float) -> None:
        self.queue: asyncio.Queue[Any] = asyncio.Queue()
        self.upgraded = False
        self.server = type("Server", (), {"ping_interval": wait, "ping_timeout": 0})()


async def _drain(poll: Any, socket: _Socket) -> list[Any]:
    """Every poll's answer until the socket would close (``[]``) or time out."""
    answers: list[Any] = []
    while True:
        try:
            answers.append(await poll(socket))
        except exceptions.QueueEmpty:
            return [*answers, "timed out"]
        if answers[-1] == []:
            return answers


def test_the_tuned_poll_behaves_like_the_library_one() -> None:
    engineio_tuning.install()
    assert engineio_tuning.installed()
    poll = async_socket.AsyncSocket.poll

    async def scenario() -> None:
        for packets in (["a", "b", None, "c"], [None], ["a"], ["a", None]):
            answers = []
            for implementation in (poll, engineio_tuning._ORIGINAL_POLL):
                socket = _Socket(wait=0.05)
                for packet in packets:
                    socket.queue.put_nowait(packet)
                answers.append(await _drain(implementation, socket))
            assert answers[0] == answers[1], packets
        idle = _Socket(wait=0.05)
        with pytest.raises(exceptions.QueueEmpty):
            await poll(idle)  # nothing within ping interval + timeout
        waiting = _Socket(wait=5)
        task = asyncio.create_task(poll(waiting))
        await asyncio.sleep(0)
        waiting.queue.put_nowait("late")
        assert await task == ["late"]
        cancelled = asyncio.create_task(poll(_Socket(wait=5)))
        await asyncio.sleep(0)
        cancelled.cancel()
        with pytest.raises(exceptions.QueueEmpty):
            await cancelled

    asyncio.run(scenario())
