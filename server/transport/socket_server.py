"""The Socket.IO server class: python-socketio's, with malformed frames logged in one line.

python-socketio decodes a frame inside Engine.IO's message handler; a frame it cannot
decode (broken JSON, a binary event without its attachment, an unknown packet type)
raises there and Engine.IO logs the whole traceback, one per frame: a client sending
garbage would fill the log. Such a frame is dropped with one warning line naming the
socket and the reason; the connection stays up, as before. An event whose name is not
text (``42[{"a":1},{}]``) is answered ``invalid`` when it asks for an answer: python-socketio
would raise on it in a task nobody awaits (another traceback, and no answer).
"""

from __future__ import annotations

import logging
from typing import Any

import socketio
from socketio import packet

from protocol.errors import ErrorCode, error_envelope
from server.transport.json_limits import SocketJson

log = logging.getLogger(__name__)

MALFORMED = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError)
"""What decoding a client's frame raises when the frame is malformed."""


def one_line(error: BaseException) -> str:
    """An exception as a short single line for the log."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:200]}" if text else type(error).__name__


class SocketServer(socketio.AsyncServer):
    """``socketio.AsyncServer`` decoding with ``SocketJson`` and logging bad frames briefly."""

    def __init__(self, **options: Any) -> None:
        super().__init__(json=SocketJson, **options)

    async def _handle_eio_message(self, eio_sid: str, data: Any) -> None:
        try:
            await super()._handle_eio_message(eio_sid, data)
        except MALFORMED as error:
            self._binary_packet.pop(eio_sid, None)  # a half-received binary event goes too
            log.warning("socket %s: dropped a malformed Socket.IO frame (%s)", eio_sid, one_line(error))

    async def _handle_event(self, eio_sid: str, namespace: str | None, id: int | None, data: Any) -> None:
        if isinstance(data, list) and data and isinstance(data[0], str):
            await super()._handle_event(eio_sid, namespace, id, data)
            return
        log.warning("socket %s: refused an event without a name", eio_sid)
        if id is not None and self.manager.sid_from_eio_sid(eio_sid, namespace or "/"):
            answer = error_envelope(ErrorCode.INVALID,
                                    "A command is an event name (text) and one JSON object")
            await self._send_packet(eio_sid, self.packet_class(packet.ACK, namespace=namespace or "/",
                                                               id=id, data=[answer]))
