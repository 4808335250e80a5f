"""A lightweight load-generator client: one raw aiohttp websocket per client.

It speaks just the part of Engine.IO 4 / Socket.IO 5 (text frames, namespace ``/``) that a
meeting participant needs, so that a thousand of them fit in one process without the load
generator becoming the bottleneck (python-socketio's ``AsyncClient`` costs a few tasks, a
queue and an event dispatch per client and per packet):

- ``0{...}`` the Engine.IO open packet; the client answers ``40{auth json}`` (Socket.IO
  connect with ``auth``) and waits for ``40{"sid": ...}`` (or ``44{...}``: refused);
- ``2`` ping from the server, answered ``3`` (pong);
- ``42<id>["name", payload]`` a command with an acknowledgement id, answered by the
  server's ``43<id>[answer]``;
- ``42["meeting.event", envelope]`` an event, handed to ``on_event``.

The plain variant (``plain=True``) talks to ``bench.bare_ws_server``: a bare ``websockets``
server that skips the Engine.IO/Socket.IO handshake but uses the same ``42``/``43`` frames,
so both baselines and the product are read by this one parser.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from typing import Any

import aiohttp

EventHandler = Callable[[str, Any, float], None]
"""Called with (event name, payload, perf_counter at arrival) for every server event."""


class Refused(RuntimeError):
    """The server refused the Socket.IO connection (``44`` packet)."""


class LightClient:
    """One connection; ``call`` sends a command and waits for its acknowledgement."""

    def __init__(self, session: aiohttp.ClientSession, on_event: EventHandler | None = None,
                 plain: bool = False) -> None:
        self.session = session
        self.on_event = on_event
        self.plain = plain
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self._acks: dict[int, asyncio.Future[Any]] = {}
        self._next_id = 0
        self._reader: asyncio.Task[None] | None = None
        self.closed = asyncio.Event()
        """Set when the connection ends, whoever ended it."""
        self._background: set[asyncio.Future[Any]] = set()

    def _spawn(self, work: Any) -> None:
        """Run ``work`` without waiting for it, keeping a reference until it is done."""
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    @property
    def connected(self) -> bool:
        """Whether the websocket is open."""
        return self.ws is not None and not self.ws.closed

    async def connect(self, base_url: str, auth: dict[str, Any] | None, timeout: float = 30.0) -> None:
        """Open the websocket and, unless plain, do the Engine.IO and Socket.IO handshakes."""
        path = "/ws" if self.plain else "/socket.io/?EIO=4&transport=websocket"
        url = base_url.replace("http://", "ws://", 1) + path
        self.closed.clear()
        self.ws = await self.session.ws_connect(url, autoping=False, timeout=aiohttp.ClientWSTimeout(
            ws_close=timeout), max_msg_size=0, compress=0)
        if not self.plain:
            try:
                await asyncio.wait_for(self._handshake(auth), timeout)
            except BaseException:
                await self.close()
                raise
        self._reader = asyncio.create_task(self._read())

    async def _handshake(self, auth: dict[str, Any] | None) -> None:
        assert self.ws is not None
        opened = await self.ws.receive_str()
        if not opened.startswith("0"):
            raise RuntimeError(f"expected the Engine.IO open packet, got {opened[:80]!r}")
        await self.ws.send_str("40" + json.dumps(auth or {}, separators=(",", ":")))
        while True:
            packet = await self.ws.receive_str()
            if packet == "2":
                await self.ws.send_str("3")
            elif packet.startswith("40"):
                return
            elif packet.startswith("44"):
                raise Refused(packet[2:])
            # anything else before the connect answer is not for us

    async def _read(self) -> None:
        ws = self.ws
        assert ws is not None
        try:
            async for message in ws:
                if message.type != aiohttp.WSMsgType.TEXT:
                    break
                now = time.perf_counter()
                self._packet(message.data, now)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            for future in self._acks.values():
                if not future.done():
                    future.set_exception(ConnectionError("the connection closed"))
            self._acks.clear()
            self.closed.set()

    def _packet(self, packet: str, now: float) -> None:
        if packet == "2":
            if self.ws is not None:
                # Not awaited here: aiohttp writes the frame at once.
                self._spawn(self.ws.send_str("3"))
        elif packet.startswith("42"):
            body = packet[2:]
            bracket = body.find("[")
            name_and_payload = json.loads(body[bracket:])
            if self.on_event is not None and name_and_payload:
                payload = name_and_payload[1] if len(name_and_payload) > 1 else None
                self.on_event(name_and_payload[0], payload, now)
        elif packet.startswith("43"):
            body = packet[2:]
            bracket = body.find("[")
            future = self._acks.pop(int(body[:bracket]), None)
            if future is not None and not future.done():
                args = json.loads(body[bracket:])
                future.set_result(args[0] if args else None)
        elif packet.startswith("41") or packet == "1":
            self._spawn(self.close())

    async def emit(self, name: str, payload: Any) -> asyncio.Future[Any]:
        """Send a command; the future resolves to its acknowledgement."""
        if self.ws is None or self.ws.closed:
            raise ConnectionError("not connected")
        self._next_id += 1
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._acks[self._next_id] = future
        await self.ws.send_str(f"42{self._next_id}" + json.dumps([name, payload], separators=(",", ":")))
        return future

    async def call(self, name: str, payload: Any, timeout: float = 30.0) -> Any:
        """Send a command and return its acknowledgement (the envelope)."""
        return await asyncio.wait_for(await self.emit(name, payload), timeout)

    async def close(self) -> None:
        """Close the websocket (idempotent)."""
        ws, self.ws = self.ws, None
        if ws is not None and not ws.closed:
            with contextlib.suppress(Exception):
                await ws.close()
        if self._reader is not None and self._reader is not asyncio.current_task():
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(self._reader, 5)
        self.closed.set()


def client_session(limit: int = 0) -> aiohttp.ClientSession:
    """An aiohttp session fit for many websockets to one host (no connection limit)."""
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=limit, force_close=False),
                                 timeout=aiohttp.ClientTimeout(total=None, sock_connect=30))
