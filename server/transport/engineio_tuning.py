"""A cheaper wait in Engine.IO's per-socket writer, installed once per server process.

Every websocket has a writer task that loops on ``AsyncSocket.poll()``: take the next
packets from the socket's queue, write them. python-engineio 4 waits with
``asyncio.wait_for(queue.get(), timeout)``, which on Python 3.11 wraps the ``get()`` in a
new task and arms a timer for every packet. During a broadcast each receiver's writer
wakes once per event, so that wrapping was about a fifth of the server's CPU per delivery
(py-spy under ``bench.fanout``). The replacement below behaves the same (same packets in
the same order, ``QueueEmpty`` when nothing comes within ping interval + ping timeout or
when cancelled, ``[]`` for the close sentinel) but takes a packet already queued without
waiting at all, and otherwise waits with ``asyncio.timeout``, which needs no extra task.

While a websocket's writer waits here its socket's ``idle_websocket`` names the aiohttp
websocket, so a broadcast may write its frame there directly (``frames.py``).

Also: a malformed Engine.IO frame (empty, an unknown packet type, broken base64) is read
as a no-op with one warning line. python-engineio raises on it outside any handler (the
whole websocket handler fails with a traceback and a 500 in the access log) or logs a
traceback per frame ("Unknown receive error").
"""

from __future__ import annotations

import asyncio
import binascii
import logging
from typing import Any

from engineio import async_socket, exceptions, packet

log = logging.getLogger(__name__)

_ORIGINAL_POLL = async_socket.AsyncSocket.poll
_ORIGINAL_DECODE = packet.Packet.decode
_ORIGINAL_WEBSOCKET_HANDLER = async_socket.AsyncSocket._websocket_handler


async def _poll(self: Any) -> list[Any]:
    """Wait for packets to send to the client (a drop-in for ``AsyncSocket.poll``)."""
    queue: asyncio.Queue[Any] = self.queue
    try:
        first = queue.get_nowait()
    except asyncio.QueueEmpty:
        # After the upgrade only the websocket's writer polls (polling requests are refused).
        self.idle_websocket = getattr(self, "websocket", None) if self.upgraded else None
        try:
            async with asyncio.timeout(self.server.ping_interval + self.server.ping_timeout):
                first = await queue.get()
        except (TimeoutError, asyncio.CancelledError):
            raise exceptions.QueueEmpty() from None
        finally:
            self.idle_websocket = None
    queue.task_done()
    if first is None:  # the socket is closing
        return []
    packets = [first]
    while True:
        try:
            packet = queue.get_nowait()
        except asyncio.QueueEmpty:
            break
        queue.task_done()
        if packet is None:  # keep the close sentinel for the next poll
            queue.put_nowait(None)
            break
        packets.append(packet)
    return packets


async def _websocket_handler(self: Any, ws: Any) -> Any:
    """Engine.IO's websocket handler, remembering the aiohttp websocket while it runs."""
    self.websocket = getattr(ws, "_sock", None)  # engineio's aiohttp driver keeps it there
    try:
        return await _ORIGINAL_WEBSOCKET_HANDLER(self, ws)
    finally:
        self.websocket = self.idle_websocket = None


def _decode(self: Any, encoded_packet: Any) -> None:
    """Engine.IO's ``Packet.decode``, reading a malformed frame as a NOOP packet."""
    try:
        _ORIGINAL_DECODE(self, encoded_packet)
        if 0 <= self.packet_type < len(packet.packet_names):
            return
        problem = f"unknown packet type {self.packet_type}"
    except (ValueError, IndexError, TypeError, binascii.Error) as error:
        problem = " ".join(str(error).split())[:200] or type(error).__name__
    log.warning("dropped a malformed Engine.IO frame (%s)", problem)
    self.packet_type, self.data, self.binary = packet.NOOP, None, False


def install() -> None:
    """Use the cheaper wait for every Engine.IO socket of this process (idempotent)."""
    packet.Packet.decode = _decode
    async_socket.AsyncSocket.poll = _poll
    async_socket.AsyncSocket._websocket_handler = _websocket_handler
    async_socket.AsyncSocket.websocket = None
    async_socket.AsyncSocket.idle_websocket = None


def installed() -> bool:
    """Whether ``install`` has run in this process."""
    return async_socket.AsyncSocket.poll is _poll and _ORIGINAL_POLL is not _poll
