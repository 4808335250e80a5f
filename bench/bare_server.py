"""The baseline: a bare python-socketio AsyncServer on aiohttp that only broadcasts.

It speaks just enough of the wire contract for the fan-out benchmark: it accepts any
connection, answers ``meeting.join`` by putting the socket in the meeting's room, and
answers ``bench.trigger`` {"item_id"} by broadcasting an ``agenda.current_changed``
envelope (the same shape and size as the real server's) to that room as ``meeting.event``;
``bench.echo`` answers its payload (the command round trip's baseline).
No database, no permission check, no event log: what is left is the cost of Socket.IO.

Run as ``python -m bench.bare_server --port PORT``; ``GET /health`` answers when it is up.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

import socketio
from aiohttp import web

EVENT_NAME = "meeting.event"
TRIGGER = "bench.trigger"
MEETING_ID = 1
ROOM = f"meeting:{MEETING_ID}"


def iso_now() -> str:
    """Now as the wire's ISO 8601 UTC string with milliseconds, like the real server's."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def data_of(payload: Any, item_id: Any, now: str) -> dict[str, Any]:
    """The event's data: the trigger's ``data`` if it sent one (the benchmark copies the
    product's, so that both envelopes have the same fields and size), else a minimal one."""
    given = payload.get("data") if isinstance(payload, dict) else None
    if isinstance(given, dict):
        return {**given, "item_id": item_id}
    return {"item_id": item_id, "started_at": now}


def build_app(first_seq: int = 0) -> web.Application:
    """The aiohttp app with the bare Socket.IO server attached."""
    sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins=[])
    app = web.Application()
    sio.attach(app)
    state = {"seq": first_seq}

    @sio.event
    async def connect(sid: str, environ: dict[str, Any], auth: Any) -> None:
        return None

    @sio.on("meeting.join")
    async def join(sid: str, payload: Any) -> dict[str, Any]:
        await sio.enter_room(sid, ROOM)
        return {"ok": True, "data": {"seq": state["seq"], "snapshot": {"agenda": []}}}

    @sio.on(TRIGGER)
    async def trigger(sid: str, payload: Any) -> dict[str, Any]:
        item_id = payload.get("item_id") if isinstance(payload, dict) else None
        state["seq"] += 1
        now = iso_now()
        envelope = {"meeting_id": MEETING_ID, "seq": state["seq"], "type": "agenda.current_changed",
                    "data": data_of(payload, item_id, now), "at": now}
        await sio.emit(EVENT_NAME, envelope, room=ROOM)
        return {"ok": True, "data": {}}

    @sio.on("bench.echo")
    async def echo(sid: str, payload: Any) -> dict[str, Any]:
        return {"ok": True, "data": payload}

    async def health(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app.router.add_get("/health", health)
    return app


def main(argv: list[str] | None = None) -> int:
    """Serve on 127.0.0.1 until terminated."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--first-seq", type=int, default=0, help="the seq before the first event")
    args = parser.parse_args(argv)
    web.run_app(build_app(args.first_seq), host=args.host, port=args.port, access_log=None,
                print=lambda text: print(text, flush=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
