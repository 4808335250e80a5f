"""Annotation sync benchmark: a save on one device to its display on the same user's other.

Starts a real ``meeting-server`` (SQLite, the demo meeting seeded, its documents inspected
like uploads), logs ``delegate1`` in once and connects two Socket.IO clients with that token
("tablet" and "laptop"; both join meeting 1), plus ``--others`` delegates joined as well
(they must receive nothing of it: the run fails if one does). The tablet then saves S
private annotations one after another on a demo document, alternating an ink stroke of
``--points`` points and a sticky note, each a new client-made id. A save's latency is the
time from just before the tablet's emit to the laptop's ``user.event`` handler (what the
laptop needs to draw it), both read with ``time.perf_counter`` in this one process; the
next save starts when both the ack and the event are in.

    python -m bench.annotations --saves 200
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import time
import uuid
from pathlib import Path
from typing import Any

import socketio

from bench.fanout import DEMO_PASSWORD, MEETING_ID, PROTOCOL_VERSION, login_all, machine, percentile
from bench.processes import ManagedProcess, run_report, spawn_demo_server

log = logging.getLogger("bench.annotations")
USER_EVENT = "user.event"


def annotation(number: int, points: int) -> dict[str, Any]:
    """An ink stroke (a wave across the page) on even numbers, a sticky note on odd ones."""
    ident = str(uuid.uuid4())
    if number % 2 == 0:
        path = [[round(60 + 470 * i / max(1, points - 1), 2), round(400 + 40 * ((i % 20) - 10) / 10, 2)]
                for i in range(points)]
        return {"id": ident, "page": number % 2, "kind": "ink",
                "data": {"paths": [path], "color": "#1e88e5", "width": 2.0}}
    return {"id": ident, "page": 0, "kind": "note",
            "data": {"point": [80.0, 100.0 + number % 600], "text": f"Ghi chú số {number}: cần làm rõ",
                     "color": "#ffcc00"}}


async def client(url: str, token: str) -> socketio.AsyncClient:
    sio = socketio.AsyncClient(reconnection=False)
    await sio.connect(url, auth={"token": token, "protocol": PROTOCOL_VERSION}, transports=["websocket"],
                      wait_timeout=30)
    joined = await sio.call("meeting.join", {"meeting_id": MEETING_ID}, timeout=30)
    if not joined.get("ok"):
        raise RuntimeError(f"could not join: {joined}")
    return sio


async def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    described = machine()
    processes: list[ManagedProcess] = []
    sockets: list[socketio.AsyncClient] = []
    try:
        started = time.monotonic()
        url, server = await spawn_demo_server(work / "server", max(2, args.others + 1), DEMO_PASSWORD,
                                              work / "server.log", processes)
        await asyncio.to_thread(server.wait_healthy)
        others = [f"delegate{i}" for i in range(2, args.others + 2)]
        tokens = await login_all(url, ["delegate1", *others], 1)
        tablet = await client(url, tokens["delegate1"])
        laptop = await client(url, tokens["delegate1"])
        sockets += [tablet, laptop]
        joined = await tablet.call("meeting.join", {"meeting_id": MEETING_ID}, timeout=30)
        documents = [d for d in joined["data"]["snapshot"]["documents"] if d["pages"] >= 2]
        if not documents:
            raise RuntimeError("the demo meeting has no document delegate1 may read")
        document_id = documents[0]["id"]
        leaks: list[Any] = []
        for name in others:
            other = await client(url, tokens[name])
            other.on(USER_EVENT, leaks.append)
            sockets.append(other)
        arrived: dict[str, float] = {}
        got = asyncio.Event()

        def on_user_event(envelope: dict[str, Any]) -> None:
            now = time.perf_counter()
            ident = envelope.get("data", {}).get("annotation", {}).get("id")
            if ident is not None:
                arrived[ident] = now
                got.set()

        laptop.on(USER_EVENT, on_user_event)
        setup = time.monotonic() - started
        latencies, acks = [], []
        cpu_before = server.cpu_seconds()
        for number in range(args.warmup + args.saves):
            mark = annotation(number, args.points)
            got.clear()
            t0 = time.perf_counter()
            answer = await tablet.call("annotation.save", {"document_id": document_id, "annotation": mark},
                                       timeout=args.deadline)
            acked = time.perf_counter()
            if not answer.get("ok"):
                raise RuntimeError(f"annotation.save refused: {answer}")
            deadline = time.perf_counter() + args.deadline
            while mark["id"] not in arrived:
                await asyncio.wait_for(got.wait(), max(0.001, deadline - time.perf_counter()))
                got.clear()
            if number >= args.warmup:
                latencies.append(arrived[mark["id"]] - t0)
                acks.append(acked - t0)
            if number == args.warmup - 1:
                cpu_before = server.cpu_seconds()
        server_cpu = server.cpu_seconds() - cpu_before
        if leaks:
            raise RuntimeError(f"{len(leaks)} private events reached other users")
    finally:
        for sio in sockets:
            with contextlib.suppress(Exception):
                await sio.disconnect()
        for process in processes:
            process.stop()
    latencies.sort()
    acks.sort()

    def ms(value: float) -> float:
        return round(value * 1000, 3)

    return {"benchmark": "annotations", "saves": args.saves, "ink_points": args.points,
            "other_clients": args.others, "machine": described, "setup_s": round(setup, 1),
            "save_to_other_device": {"p50_ms": ms(percentile(latencies, 0.5)),
                                     "p99_ms": ms(percentile(latencies, 0.99)), "max_ms": ms(latencies[-1])},
            "save_ack": {"p50_ms": ms(percentile(acks, 0.5)), "p99_ms": ms(percentile(acks, 0.99))},
            "server_cpu_ms_per_save": round(server_cpu * 1000 / args.saves, 2)}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.annotations",
                                     description="annotation.save on one device to user.event on the other.")
    parser.add_argument("--saves", type=int, default=200, help="measured saves (default %(default)s)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--points", type=int, default=200,
                        help="points of each ink stroke (default %(default)s)")
    parser.add_argument("--others", type=int, default=20,
                        help="other delegates joined, who must receive nothing (default %(default)s)")
    parser.add_argument("--deadline", type=float, default=10.0, help="seconds a save may take")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds the run may take")
    args = parser.parse_args(argv)
    if not 1 <= args.saves <= 100_000 or not 1 <= args.points <= 10_000 or args.warmup < 0:
        parser.error("--saves must be 1..100000, --points 1..10000 and --warmup at least 0")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON report on stdout."""
    args = parse_args(argv)
    return run_report("annotations", lambda work: run(args, work), args.timeout, ["server.log"])


if __name__ == "__main__":
    raise SystemExit(main())
