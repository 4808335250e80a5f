"""Presenter benchmark: from the chair's ``presenter.set_page`` to the event at every client.

Starts a real ``meeting-server`` (SQLite, demo meeting seeded with one delegate per client),
uploads two 12-page documents over HTTP (one open to all, one restricted to half the
delegates), connects N Socket.IO clients that join meeting 1, and has the chair turn pages
R times on each document, interleaved (public, restricted, restricted, public, ...). A
round ends when every client got that round's ``presenter.page_changed`` (readers whole,
the others withheld: ``{"document_id", "hidden": true}``). A delivery's latency is the time
from just before the chair's emit to the client's handler, read with ``time.perf_counter``
in this one process.

The two cases show the cost of per-receiver delivery: a page of a public document is one
emit to the meeting's room; a page of a restricted one is an emit to the readers' rooms and
another to everyone else's.

    python -m bench.presenter --clients 200 --rounds 50
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import socketio

from bench.fanout import (
    DEMO_PASSWORD,
    EVENT_NAME,
    MEETING_ID,
    PROTOCOL_VERSION,
    RoundResult,
    login_all,
    machine,
    quiet_collector,
    summarize,
)
from bench.processes import (
    ManagedProcess,
    run_report,
    spawn_demo_server,
)
from server.documents.layout import Block, Document, Heading, Paragraph
from server.documents.pdf import write_document

log = logging.getLogger("bench.presenter")
MEASURED_TYPE = "presenter.page_changed"
PAGES = 12


@dataclass
class _Round:
    expected: int
    t0: float = 0.0
    seen: set[int] = field(default_factory=set)
    latencies: list[float] = field(default_factory=list)
    withheld: int = 0
    last: float = 0.0
    done: asyncio.Event = field(default_factory=asyncio.Event)


class Receivers:
    """N clients recording when a round's page change reaches each (whole or withheld)."""

    def __init__(self) -> None:
        self.clients: list[socketio.AsyncClient] = []
        self.current: _Round | None = None
        self.payload_bytes: dict[str, int] = {}

    def _handler(self, index: int) -> Any:
        def on_event(envelope: Any) -> None:
            now = time.perf_counter()
            current = self.current
            if current is None or not isinstance(envelope, dict) or envelope.get("type") != MEASURED_TYPE:
                return
            if index in current.seen:
                return
            current.seen.add(index)
            current.latencies.append(now - current.t0)
            current.last = now
            hidden = bool(envelope.get("data", {}).get("hidden"))
            current.withheld += hidden
            self.payload_bytes.setdefault("withheld" if hidden else "whole",
                                          len(json.dumps(envelope, separators=(",", ":")).encode()))
            if len(current.seen) == current.expected:
                current.done.set()

        return on_event

    async def connect_all(self, url: str, tokens: list[str], concurrency: int) -> None:
        semaphore = asyncio.Semaphore(concurrency)

        async def one(index: int, token: str) -> None:
            async with semaphore:
                client = socketio.AsyncClient(reconnection=False)
                client.on(EVENT_NAME, self._handler(index))
                self.clients.append(client)
                await client.connect(url, auth={"token": token, "protocol": PROTOCOL_VERSION},
                                     transports=["websocket"], wait_timeout=60)
                answer = await client.call("meeting.join", {"meeting_id": MEETING_ID}, timeout=60)
                if not answer.get("ok"):
                    raise RuntimeError(f"client {index} could not join: {answer}")

        await asyncio.gather(*(one(i, token) for i, token in enumerate(tokens)))

    async def run_round(self, chair: socketio.AsyncClient, document_id: int, page: int,
                        deadline: float) -> tuple[RoundResult, int]:
        """Turn the page; wait for the ack and for every client's event. The result and how
        many clients got it withheld."""
        loop = asyncio.get_running_loop()
        acked: asyncio.Future[float] = loop.create_future()
        answers: list[Any] = []

        def on_ack(*args: Any) -> None:
            if not acked.done():
                answers.append(args[0] if args else None)
                acked.set_result(time.perf_counter())

        current = self.current = _Round(expected=len(self.clients))
        cpu0 = time.process_time()
        current.t0 = time.perf_counter()
        await chair.emit("presenter.set_page", {"meeting_id": MEETING_ID, "document_id": document_id,
                                                "page": page}, callback=on_ack)
        try:
            ack_at = await asyncio.wait_for(acked, deadline)
            if not answers[0].get("ok"):
                raise RuntimeError(f"presenter.set_page refused: {answers[0]}")
            await asyncio.wait_for(current.done.wait(), deadline)
        except TimeoutError:
            raise RuntimeError(f"{len(current.seen)} of {current.expected} clients got the page "
                               f"within {deadline}s") from None
        finally:
            self.current = None
        return (RoundResult(current.latencies, current.last - current.t0, ack_at - current.t0,
                            time.process_time() - cpu0), current.withheld)


def sample_pdf(path: Path, title: str) -> Path:
    """A 12-page text document (the server checks it like any upload)."""
    paragraph = ("Các đại biểu theo dõi tài liệu trên máy tính bảng; người chủ trì lật trang, mọi điểm "
                 "cầu cùng thấy trang đang trình bày. ") * 6
    blocks: list[Block] = [block for n in range(PAGES)
              for block in (Heading(f"Phần {n + 1}", new_page=n > 0), Paragraph(paragraph))]
    write_document(path, Document(title, blocks, footer=title))
    return path


async def upload(http: aiohttp.ClientSession, url: str, token: str, path: Path, title: str,
                 access: str) -> dict[str, Any]:
    form = aiohttp.FormData()
    form.add_field("title", title)
    form.add_field("access", access)
    form.add_field("file", path.read_bytes(), filename=path.name, content_type="application/pdf")
    async with http.post(f"{url}/api/meetings/{MEETING_ID}/documents", data=form,
                         headers={"Authorization": f"Bearer {token}"}) as response:
        body = await response.json()
        if response.status != 201:
            raise RuntimeError(f"upload refused: {response.status} {body}")
        return dict(body["document"])


async def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    described = machine()
    processes: list[ManagedProcess] = []
    receivers = Receivers()
    chair = socketio.AsyncClient(reconnection=False)
    try:
        started = time.monotonic()
        log.info("seeding the demo meeting with %d delegates", args.clients)
        url, server = await spawn_demo_server(work / "server", args.clients, DEMO_PASSWORD,
                                              work / "server.log", processes)
        await asyncio.to_thread(server.wait_healthy)
        names = [f"delegate{i}" for i in range(1, args.clients + 1)]
        tokens = await login_all(url, ["chair", *names], args.login_concurrency)
        await chair.connect(url, auth={"token": tokens["chair"], "protocol": PROTOCOL_VERSION},
                            transports=["websocket"], wait_timeout=30)
        await chair.call("meeting.start", {"meeting_id": MEETING_ID}, timeout=30)
        joined = await chair.call("meeting.join", {"meeting_id": MEETING_ID}, timeout=30)
        user_ids = {p["username"]: p["user_id"] for p in joined["data"]["snapshot"]["participants"]}
        readers = ",".join(str(user_ids[name]) for name in names[: args.clients // 2])
        async with aiohttp.ClientSession() as http:
            public = await upload(http, url, tokens["chair"],
                                  sample_pdf(work / "public.pdf", "Tài liệu chung"), "Tài liệu chung", "all")
            restricted = await upload(http, url, tokens["chair"],
                                      sample_pdf(work / "restricted.pdf", "Tài liệu hạn chế"),
                                      "Tài liệu hạn chế", readers)
        log.info("connecting and joining %d clients", args.clients)
        await receivers.connect_all(url, [tokens[n] for n in names], args.connect_concurrency)
        await asyncio.sleep(1.0)  # let the presence events of the last joins drain
        setup = time.monotonic() - started
        cases = {"public": public["id"], "restricted": restricted["id"]}
        results: dict[str, list[RoundResult]] = {case: [] for case in cases}
        withheld: dict[str, int] = {case: 0 for case in cases}
        turns = {case: 0 for case in cases}
        with quiet_collector():
            cpu = {case: 0.0 for case in cases}
            for number in range(args.warmup + args.rounds):
                order = list(cases) if number % 2 == 0 else list(reversed(cases))
                for case in order:
                    turns[case] += 1
                    before = server.cpu_seconds()
                    result, hidden = await receivers.run_round(chair, cases[case], turns[case] % PAGES,
                                                               args.deadline)
                    if number >= args.warmup:
                        results[case].append(result)
                        withheld[case] += hidden
                        cpu[case] += server.cpu_seconds() - before
                    gc.collect(1)
        figures = {case: {**summarize(results[case], cpu[case], 0, setup),
                          "withheld_deliveries": withheld[case]} for case in cases}
        for figure in figures.values():
            figure.pop("setup_s")
            figure.pop("payload_bytes")
    finally:
        for client in [*receivers.clients, chair]:
            with contextlib.suppress(Exception):
                await client.disconnect()
        for process in processes:
            process.stop()
    ratio = figures["restricted"]["p99_ms"] / figures["public"]["p99_ms"]
    return {"benchmark": "presenter", "clients": args.clients, "rounds": args.rounds, "machine": described,
            "setup_s": round(setup, 1), "payload_bytes": receivers.payload_bytes,
            "public_document": figures["public"],
            "restricted_document": figures["restricted"], "ratio_p99_restricted_to_public": round(ratio, 2)}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.presenter",
                                     description="presenter.set_page to event arrival at every client.")
    parser.add_argument("--clients", type=int, default=200, help="joined clients (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=50,
                        help="measured rounds per document (default %(default)s)")
    parser.add_argument("--warmup", type=int, default=3,
                        help="unmeasured rounds per document (default %(default)s)")
    parser.add_argument("--deadline", type=float, default=10.0,
                        help="seconds a round may take (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds the run may take (default %(default)s)")
    parser.add_argument("--connect-concurrency", type=int, default=20)
    parser.add_argument("--login-concurrency", type=int, default=1)
    args = parser.parse_args(argv)
    if not 2 <= args.clients <= 5000 or not 1 <= args.rounds <= 10_000:
        parser.error("--clients must be 2..5000 and --rounds 1..10000")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON report on stdout."""
    args = parse_args(argv)
    return run_report("presenter", lambda work: run(args, work), args.timeout, ["server.log"])


if __name__ == "__main__":
    raise SystemExit(main())
