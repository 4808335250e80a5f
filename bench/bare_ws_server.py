"""The second baseline: a bare ``websockets`` server whose broadcast is ``websockets.broadcast``.

No Engine.IO, no Socket.IO, no database: a client connects to ``/ws`` and sends the same
``42<id>["name", payload]`` frames as a Socket.IO client, answered with ``43<id>[answer]``:

- ``meeting.join`` puts the connection in the one room and answers ``{"ok", "data": {"seq"}}``;
- ``bench.trigger`` {"item_id"} broadcasts an ``agenda.current_changed`` envelope of the
  product's shape and size as ``42["meeting.event", envelope]`` to the room, encoded once
  and written to every connection by ``websockets.broadcast`` (no per-recipient task);
- ``bench.echo`` answers its payload.

What is left is the cost of writing one websocket frame per recipient from Python.

    python -m bench.bare_ws_server --port PORT        # GET /health answers when it is up
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
from http import HTTPStatus
from typing import Any

from websockets.asyncio.server import ServerConnection, broadcast, serve
from websockets.http11 import Request, Response

from bench.bare_server import EVENT_NAME, MEETING_ID, data_of, iso_now


def compact(value: Any) -> str:
    """JSON without spaces, as python-socketio writes it."""
    return json.dumps(value, separators=(",", ":"))


class Room:
    """The joined connections and the meeting's seq."""

    def __init__(self, first_seq: int) -> None:
        self.members: set[ServerConnection] = set()
        self.seq = first_seq

    def answer(self, connection: ServerConnection, name: str, payload: Any) -> Any:
        """The acknowledgement of one command (and its broadcast, for the trigger)."""
        if name == "meeting.join":
            self.members.add(connection)
            return {"ok": True, "data": {"seq": self.seq, "snapshot": {"agenda": []}}}
        if name == "bench.trigger":
            item_id = payload.get("item_id") if isinstance(payload, dict) else None
            self.seq += 1
            now = iso_now()
            envelope = {"meeting_id": MEETING_ID, "seq": self.seq, "type": "agenda.current_changed",
                        "data": data_of(payload, item_id, now), "at": now}
            broadcast(self.members, "42" + compact([EVENT_NAME, envelope]))
            return {"ok": True, "data": {}}
        if name == "bench.echo":
            return {"ok": True, "data": payload}
        return {"ok": False, "error": {"code": "invalid", "message": f"unknown command {name}"}}

    async def handle(self, connection: ServerConnection) -> None:
        """Serve one connection until it closes."""
        try:
            async for message in connection:
                if not isinstance(message, str) or not message.startswith("42"):
                    continue
                body = message[2:]
                bracket = body.find("[")
                name, *rest = json.loads(body[bracket:])
                answer = self.answer(connection, name, rest[0] if rest else None)
                if bracket > 0:
                    await connection.send(f"43{body[:bracket]}" + compact([answer]))
        finally:
            self.members.discard(connection)


def health(connection: ServerConnection, request: Request) -> Response | None:
    """``GET /health`` answers 200 without upgrading; ``/ws`` goes on to the websocket."""
    if request.path == "/health":
        return connection.respond(HTTPStatus.OK, "ok\n")
    return None


async def serve_forever(host: str, port: int, first_seq: int) -> None:
    """Serve until SIGTERM or SIGINT."""
    room = Room(first_seq)
    stop = asyncio.get_running_loop().create_future()
    for signum in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(signum, stop.set_result, None)
    async with serve(room.handle, host, port, process_request=health, compression=None,
                     max_size=None, ping_interval=None):
        print(f"bare websockets server on {host}:{port}", flush=True)
        await stop


def main(argv: list[str] | None = None) -> int:
    """Parse the options and serve."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--first-seq", type=int, default=0, help="the seq before the first event")
    args = parser.parse_args(argv)
    asyncio.run(serve_forever(args.host, args.port, args.first_seq))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
