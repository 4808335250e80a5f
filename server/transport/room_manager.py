"""Socket.IO client managers whose room broadcast costs one queue put per receiver.

python-socketio's ``AsyncManager.emit`` encodes a broadcast once, but then creates one
asyncio task per receiver (each awaiting ``eio.send_packet`` -> ``socket.send`` ->
``queue.put``) and waits for all of them. Profiled under ``bench.fanout`` that task
machinery is about half of the server's CPU per delivery. The managers here keep the
encode-once part and put the same Engine.IO packet straight into each receiver's send
queue, which the socket's own writer task drains in order, exactly as before: same frames
on the wire, same per-socket order, no task per receiver.

A receiver whose writer is idle gets the broadcast's websocket frame, built once, written
to its transport directly (``frames.py``).

Anything unusual (a broadcast with a callback, binary attachments, a socket whose pings
have stopped) goes the library's way, so the library's behaviour is kept for those cases.
``DirectRedisManager`` is the same over Redis: python-socketio's pub/sub manager hands
every message it receives to ``super().emit``, which the method order routes here.
"""

from __future__ import annotations

import time
from typing import Any

import socketio
from engineio import packet as eio_packet
from socketio import packet

from server.transport.frames import idle_transport, text_frame


class DirectManager(socketio.AsyncManager):
    """An ``AsyncManager`` that queues a room broadcast on each socket without a task each."""

    async def emit(self, event: str, data: Any, namespace: str, room: Any = None, skip_sid: Any = None,
                   callback: Any = None, to: Any = None, **kwargs: Any) -> None:
        """Emit ``event`` to a room, a list of rooms or everyone in ``namespace``."""
        room = to or room
        if callback is not None or namespace not in self.rooms:
            await super().emit(event, data, namespace, room=room, skip_sid=skip_sid, callback=callback,
                               **kwargs)
            return
        args = list(data) if isinstance(data, tuple) else [] if data is None else [data]
        encoded = self.server.packet_class(packet.EVENT, namespace=namespace, data=[event, *args]).encode()
        if not isinstance(encoded, str):  # binary attachments: several packets each
            await super().emit(event, data, namespace, room=room, skip_sid=skip_sid, **kwargs)
            return
        message = eio_packet.Packet(eio_packet.MESSAGE, encoded)
        frame: bytes | None = None
        skipped = set(skip_sid) if isinstance(skip_sid, list) else {skip_sid}
        eio = self.server.eio
        stale_after = eio.ping_timeout
        now = time.time()
        for sid, eio_sid in self.get_participants(namespace, room):
            if sid in skipped:
                continue
            socket = eio.sockets.get(eio_sid)
            if socket is None or socket.closed:
                continue
            if socket.last_ping and now - socket.last_ping > stale_after:
                # The library's send closes a socket whose client stopped answering.
                await eio.send_packet(eio_sid, message)
                continue
            transport = idle_transport(socket)
            if transport is None:
                socket.queue.put_nowait(message)
                continue
            if frame is None:
                frame = text_frame(message.encode().encode("utf-8"))
            transport.write(frame)


class DirectRedisManager(socketio.AsyncRedisManager, DirectManager):
    """``AsyncRedisManager`` delivering what it receives from Redis like ``DirectManager``."""


def client_manager(redis_url: str | None, channel: str = "paperless-meeting") -> socketio.AsyncManager:
    """The manager for one process (``redis_url`` None) or for several sharing Redis.

    Redis pub/sub channels ignore the database number in the URL: deployments sharing one
    Redis must each have their own ``channel`` or they hear each other's meetings.
    """
    return DirectRedisManager(redis_url, channel=channel) if redis_url else DirectManager()
