"""Broadcast frames written straight to idle websockets: one frame built per broadcast.

After ``room_manager`` removed the task per receiver, most of the server's CPU per
delivery was each receiver's Engine.IO writer waking up to take the packet off its
queue, encode it again and have aiohttp frame it again: the same bytes for every
receiver of a broadcast. When a receiver's writer is idle (waiting on an empty queue) and
its websocket is a plain aiohttp one (no per-message compression, no backlog in the
kernel buffer), the finished frame can go to its transport at once: nothing is in flight
before it, so the order of the socket's frames is kept; anything else still goes through
the queue and the writer.

``engineio_tuning`` marks the idle writers: while a websocket's writer waits in ``poll``
its socket's ``idle_websocket`` is the aiohttp ``WebSocketResponse``, otherwise None.
"""

from __future__ import annotations

import struct
from typing import Any

from aiohttp import web

BACKLOG_LIMIT = 64 * 1024
"""Bytes waiting in a transport's buffer above which its frames go through the queue
(where the writer waits for the client to drain them, as aiohttp's flow control does)."""
_TEXT = 0x81  # FIN + text opcode; server frames are never masked (RFC 6455 5.1)


def text_frame(payload: bytes) -> bytes:
    """The websocket frame carrying ``payload`` (UTF-8 text) from a server, unmasked."""
    length = len(payload)
    if length < 126:
        header = struct.pack("!BB", _TEXT, length)
    elif length < 65536:
        header = struct.pack("!BBH", _TEXT, 126, length)
    else:
        header = struct.pack("!BBQ", _TEXT, 127, length)
    return header + payload


def idle_transport(socket: Any) -> Any:
    """The transport to write a broadcast frame to directly, or None to use the queue.

    Only when the socket's writer is idle with nothing queued, and its websocket is an
    open, uncompressed aiohttp one whose buffer is not backed up.
    """
    websocket = getattr(socket, "idle_websocket", None)
    if websocket is None or not socket.queue.empty() or not isinstance(websocket, web.WebSocketResponse):
        return None
    writer = getattr(websocket, "_writer", None)
    if writer is None or writer.compress or websocket.closed:
        return None
    transport = writer.transport
    if transport is None or transport.is_closing() or transport.get_write_buffer_size() > BACKLOG_LIMIT:
        return None
    return transport
