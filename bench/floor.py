"""Floor-control benchmark: request to speak -> the chair's screen, and what heartbeats cost.

Starts a real ``meeting-server`` (SQLite in a temporary data directory, the demo seeded with
``--clients`` delegates), creates a meeting with 5 sites and the delegates spread evenly
over them (100 per site by default), starts it, and connects every delegate and the chair
(websocket transport), each joined.

1. **Request to speak.** R times, one delegate (a different one each round) sends
   ``speaker.request``; the latency is from just before its emit to the chair's
   ``meeting.event`` handler seeing the ``speaker.queue_changed`` that lists it (every
   joined client gets that event too: it is a fan-out to all N + 1). The request is then
   withdrawn, and the next round starts once the chair saw the queue without it.
2. **Heartbeat cost.** The server process's CPU (``/proc``) over ``--window`` seconds with
   every client idle, then over the same window with every client sending
   ``presence.heartbeat`` every 2 s (staggered, with the last round trip); the difference,
   per connection per minute. Bytes per heartbeat: the Engine.IO/Socket.IO text of the
   command and of its answer as sent (plus the WebSocket frame headers), both directions.

One JSON object goes to stdout, logs to stderr; only loopback is used; every process
started here is stopped on the way out.

    python -m bench.floor --clients 500 --rounds 200
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import socketio
from socketio import packet

from bench.fanout import DEMO_PASSWORD, EVENT_NAME, PROTOCOL_VERSION, login_all, machine, percentile
from bench.processes import ManagedProcess, run_report, spawn_demo_server

log = logging.getLogger("bench.floor")
SITES = 5
BEAT_EVERY = 2.0


@dataclass
class Watch:
    """What the chair waits for in a round: the queue with (or without) one user."""

    user_id: int
    present: bool
    seen: asyncio.Event = field(default_factory=asyncio.Event)
    at: float = 0.0


class Room:
    """The chair's socket and every delegate's, joined to the bench meeting."""

    def __init__(self) -> None:
        self.chair = socketio.AsyncClient(reconnection=False)
        self.delegates: list[socketio.AsyncClient] = []
        self.watch: Watch | None = None
        self.chair.on(EVENT_NAME, self._on_chair_event)

    def _on_chair_event(self, envelope: Any) -> None:
        now = time.perf_counter()
        watch = self.watch
        if watch is None or envelope.get("type") != "speaker.queue_changed":
            return
        listed = any(r["user_id"] == watch.user_id for r in envelope["data"]["queue"])
        if listed == watch.present and not watch.seen.is_set():
            watch.at = now
            watch.seen.set()

    async def connect(self, url: str, tokens: list[str], meeting_id: int, concurrency: int) -> None:
        semaphore = asyncio.Semaphore(concurrency)

        clients = [socketio.AsyncClient(reconnection=False) for _ in tokens]
        self.delegates = clients  # in the order of ``tokens``

        async def one(client: socketio.AsyncClient, token: str) -> None:
            async with semaphore:
                client.on(EVENT_NAME, lambda _envelope: None)
                await client.connect(url, auth={"token": token, "protocol": PROTOCOL_VERSION},
                                     transports=["websocket"], wait_timeout=60)
                answer = await client.call("meeting.join", {"meeting_id": meeting_id}, timeout=60)
                if not answer.get("ok"):
                    raise RuntimeError(f"could not join: {answer}")

        await asyncio.gather(*(one(c, t) for c, t in zip(clients, tokens, strict=True)))

    async def wait(self, watch: Watch, deadline: float) -> float:
        self.watch = watch
        try:
            await asyncio.wait_for(watch.seen.wait(), deadline)
        except TimeoutError:
            raise RuntimeError(f"the chair did not see the queue change within {deadline}s") from None
        finally:
            self.watch = None
        return watch.at


async def ok(client: socketio.AsyncClient, command: str, payload: dict[str, Any]) -> dict[str, Any]:
    answer = await client.call(command, payload, timeout=60)
    if not answer.get("ok"):
        raise RuntimeError(f"{command} refused: {answer}")
    return dict(answer["data"])


async def make_meeting(admin: socketio.AsyncClient, chair_id: int, delegate_ids: list[int]) -> int:
    """A meeting with 5 sites, the chair at the central one and the delegates spread evenly."""
    created = (await ok(admin, "meeting.create", {
        "title": "Phiên họp đo tải điều hành phát biểu", "starts_at": "2026-11-21T01:00:00Z",
        "sites": ["Hội trường Bộ (Hà Nội)", "Điểm cầu TP. Hồ Chí Minh", "Điểm cầu Đà Nẵng",
                  "Điểm cầu Cần Thơ", "Điểm cầu Hải Phòng"]}))["meeting"]
    sites = [site["id"] for site in created["sites"]]
    await ok(admin, "participant.set", {"meeting_id": created["id"], "user_id": chair_id, "role": "chair",
                                        "site_id": sites[0]})
    for n, user_id in enumerate(delegate_ids):
        await ok(admin, "participant.set", {"meeting_id": created["id"], "user_id": user_id,
                                            "role": "delegate", "site_id": sites[n % SITES]})
    return int(created["id"])


async def request_rounds(room: Room, meeting_id: int, user_ids: list[int], rounds: int, warmup: int,
                         deadline: float) -> dict[str, Any]:
    latencies: list[float] = []
    acks: list[float] = []
    for number in range(warmup + rounds):
        index = number % len(room.delegates)
        delegate, user_id = room.delegates[index], user_ids[index]
        watch = Watch(user_id, present=True)
        room.watch = watch
        t0 = time.perf_counter()
        answer = await ok(delegate, "speaker.request", {"meeting_id": meeting_id, "kind": "speak"})
        acked = time.perf_counter()
        seen = await room.wait(watch, deadline)
        if number >= warmup:
            latencies.append(seen - t0)
            acks.append(acked - t0)
        gone = Watch(user_id, present=False)
        room.watch = gone
        await ok(delegate, "speaker.withdraw", {"meeting_id": meeting_id,
                                                "request_id": answer["request"]["id"]})
        await room.wait(gone, deadline)
        gc.collect(1)
    latencies.sort()
    acks.sort()

    def ms(value: float) -> float:
        return round(value * 1000, 2)

    return {"rounds": rounds, "p50_ms": ms(percentile(latencies, 0.5)),
            "p99_ms": ms(percentile(latencies, 0.99)), "max_ms": ms(latencies[-1]),
            "ack_p50_ms": ms(percentile(acks, 0.5))}


async def beat_for(room: Room, meeting_id: int, seconds: float) -> list[float]:
    """Every delegate beats every BEAT_EVERY seconds for ``seconds``; the round trips."""
    rtts: list[float] = []
    end = time.monotonic() + seconds
    count = len(room.delegates)

    async def beat(index: int, client: socketio.AsyncClient) -> None:
        await asyncio.sleep(BEAT_EVERY * index / count)  # staggered, as real clients are
        rtt: int | None = None
        while time.monotonic() < end:
            started = time.perf_counter()
            await ok(client, "presence.heartbeat", {"meeting_id": meeting_id, "rtt_ms": rtt})
            elapsed = time.perf_counter() - started
            rtts.append(elapsed)
            rtt = round(elapsed * 1000)
            await asyncio.sleep(max(0.0, BEAT_EVERY - elapsed))

    await asyncio.gather(*(beat(i, c) for i, c in enumerate(room.delegates)))
    return rtts


def heartbeat_bytes(meeting_id: int, answer: dict[str, Any]) -> dict[str, int]:
    """The Engine.IO text of one heartbeat and its answer as python-socketio sends them
    (``4`` = Engine.IO message, then the Socket.IO packet with its ack id), and with the
    WebSocket frame header (2 bytes; the client's frames are masked: 4 more)."""
    ack_id = 123  # a typical id: three digits once a client has sent a few hundred commands
    command = ["presence.heartbeat", {"meeting_id": meeting_id, "rtt_ms": 12}]
    out = "4" + packet.Packet(packet.EVENT, data=command, id=ack_id).encode()
    back = "4" + packet.Packet(packet.ACK, data=[answer], id=ack_id).encode()
    sent, received = len(str(out).encode()), len(str(back).encode())
    return {"client_to_server": sent, "server_to_client": received,
            "client_to_server_on_wire": sent + 6, "server_to_client_on_wire": received + 2,
            "both_directions_on_wire": sent + 6 + received + 2}


async def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    described = machine()
    processes: list[ManagedProcess] = []
    room = Room()
    admin = socketio.AsyncClient(reconnection=False)
    try:
        started = time.monotonic()
        log.info("seeding the demo with %d delegates", args.clients)
        url, server = await spawn_demo_server(work / "server", args.clients, DEMO_PASSWORD,
                                              work / "server.log", processes)
        await asyncio.to_thread(server.wait_healthy)
        names = [f"delegate{i}" for i in range(1, args.clients + 1)]
        log.info("logging in %d users", args.clients + 2)
        tokens = await login_all(url, ["admin", "chair", *names], args.login_concurrency)
        await admin.connect(url, auth={"token": tokens["admin"], "protocol": PROTOCOL_VERSION},
                            transports=["websocket"], wait_timeout=30)
        demo = await ok(admin, "meeting.join", {"meeting_id": 1})
        ids = {p["username"]: p["user_id"] for p in demo["snapshot"]["participants"]}
        delegate_ids = [ids[name] for name in names]
        meeting_id = await make_meeting(admin, ids["chair"], delegate_ids)
        await room.chair.connect(url, auth={"token": tokens["chair"], "protocol": PROTOCOL_VERSION},
                                 transports=["websocket"], wait_timeout=30)
        await ok(room.chair, "meeting.start", {"meeting_id": meeting_id})
        await ok(room.chair, "meeting.join", {"meeting_id": meeting_id})
        log.info("connecting and joining %d delegates", args.clients)
        await room.connect(url, [tokens[n] for n in names], meeting_id, args.connect_concurrency)
        setup = time.monotonic() - started
        await asyncio.sleep(2.0)  # let the last joins' presence events drain

        log.info("measuring %d requests to speak", args.rounds)
        requests = await request_rounds(room, meeting_id, delegate_ids, args.rounds, args.warmup,
                                        args.deadline)

        log.info("heartbeat cost: %ss idle, then %ss beating", args.window, args.window)
        idle_before = server.cpu_seconds()
        await asyncio.sleep(args.window)  # the idle window: what we measure is the server's CPU in it
        idle_cpu = server.cpu_seconds() - idle_before
        beating_before = server.cpu_seconds()
        rtts = await beat_for(room, meeting_id, args.window)
        beating_cpu = server.cpu_seconds() - beating_before
        answer = await ok(room.delegates[0], "presence.heartbeat", {"meeting_id": meeting_id, "rtt_ms": 12})
        status = await ok(room.chair, "site.status", {"meeting_id": meeting_id})
    finally:
        for client in [*room.delegates, room.chair, admin]:
            with contextlib.suppress(Exception):
                await client.disconnect()
        for process in processes:
            process.stop()
    rtts.sort()
    per_connection_minute = (beating_cpu - idle_cpu) / args.clients / (args.window / 60)
    return {
        "benchmark": "floor", "clients": args.clients, "sites": SITES, "machine": described,
        "setup_s": round(setup, 1),
        "request_to_chair": requests,
        "heartbeat": {
            "window_s": args.window, "every_s": BEAT_EVERY, "beats": len(rtts),
            "server_cpu_s_idle": round(idle_cpu, 2), "server_cpu_s_beating": round(beating_cpu, 2),
            "server_cpu_ms_per_connection_per_minute": round(per_connection_minute * 1000, 3),
            "server_cpu_share_of_a_core_for_all": round((beating_cpu - idle_cpu) / args.window, 3),
            "round_trip_p50_ms": round(percentile(rtts, 0.5) * 1000, 2),
            "round_trip_p99_ms": round(percentile(rtts, 0.99) * 1000, 2),
            "bytes": heartbeat_bytes(meeting_id, {"ok": True, "data": answer}),
        },
        "site_status_after": [{k: s[k] for k in ("site_id", "connections", "rtt_ms", "link")}
                              for s in status["sites"]],
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.floor",
                                     description="speaker.request to the chair's screen; heartbeat cost.")
    parser.add_argument("--clients", type=int, default=500, help="joined delegates (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=200, help="measured requests (default %(default)s)")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured requests (default %(default)s)")
    parser.add_argument("--window", type=float, default=60.0,
                        help="seconds of each heartbeat window, idle and beating (default %(default)s)")
    parser.add_argument("--deadline", type=float, default=10.0,
                        help="seconds a round may take (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=1200.0,
                        help="seconds the run may take (default %(default)s)")
    parser.add_argument("--connect-concurrency", type=int, default=20)
    parser.add_argument("--login-concurrency", type=int, default=4)
    args = parser.parse_args(argv)
    if not SITES <= args.clients <= 5000 or not 1 <= args.rounds <= 10_000:
        parser.error(f"--clients must be {SITES}..5000 and --rounds 1..10000")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON report on stdout."""
    args = parse_args(argv)
    return run_report("floor", lambda work: run(args, work), args.timeout, ["server.log"])


if __name__ == "__main__":
    raise SystemExit(main())
