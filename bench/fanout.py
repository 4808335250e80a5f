"""Fan-out benchmark: how fast one meeting event reaches every joined client.

Starts a real ``meeting-server`` (SQLite in a temporary data directory, demo meeting seeded
with one delegate per client), logs the delegates in, connects N Socket.IO clients that
each join meeting 1, and has the chair send ``agenda.set_current`` R times, alternating
between two agenda items. Each round waits until every client got that round's
``agenda.current_changed`` event (or fails at a deadline). A delivery's latency is the time
from just before the chair's emit to the client's handler seeing the event, both read with
``time.perf_counter`` in this one process.

The baseline is a bare python-socketio server (``bench/bare_server.py``) to which another
N clients connect; its trigger broadcasts an envelope of the same shape and size. Both
servers run side by side and their rounds are interleaved (product, baseline, baseline,
product, ...), one round in flight at a time, so that a burst of load from elsewhere on
the machine hits both alike and the ratio stays meaningful.

One JSON object goes to stdout; human logs go to stderr. Only loopback is used; every
process started here is stopped on the way out, failure or not.

    python -m bench.fanout --clients 200 --rounds 50
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import math
import os
import platform
import shutil
import signal
import subprocess
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import socketio

from bench.processes import (
    LOOPBACK,
    REPO_ROOT,
    ManagedProcess,
    free_port,
    python_module,
    run_report,
    spawn_demo_server,
)

log = logging.getLogger("bench.fanout")

MEETING_ID = 1
PROTOCOL_VERSION = 1
EVENT_NAME = "meeting.event"
MEASURED_TYPE = "agenda.current_changed"
DEMO_PASSWORD = "demo"
LOGIN_ATTEMPTS = 3


# ----------------------------------------------------------------------------- statistics


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending list (``fraction`` in 0..1)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


@dataclass
class RoundResult:
    """One round: every client's latency, the round's span, the ack's, and our own CPU."""

    latencies: list[float]
    span: float
    """From just before the emit to the last client's receipt (seconds)."""
    ack: float
    """From just before the emit to the trigger's acknowledgement (seconds)."""
    loadgen_cpu: float
    """CPU seconds this process spent between the emit and the round's end."""


def summarize(results: list[RoundResult], server_cpu: float, payload_bytes: int,
              setup_seconds: float) -> dict[str, Any]:
    """The figures reported for one server; latencies in ms over all deliveries.

    ``deliveries_per_s`` is deliveries divided by the summed round spans (emit to last
    receipt): the fan-out throughput while a round is in flight.
    """
    latencies = sorted(x for r in results for x in r.latencies)
    busy = sum(r.span for r in results)

    def ms(value: float) -> float:
        return round(value * 1000, 3)

    return {
        "p50_ms": ms(percentile(latencies, 0.50)),
        "p99_ms": ms(percentile(latencies, 0.99)),
        "max_ms": ms(latencies[-1]),
        "deliveries_per_s": round(len(latencies) / busy, 1),
        "deliveries": len(latencies),
        "first_delivery_p50_ms": ms(percentile(sorted(min(r.latencies) for r in results), 0.50)),
        "round_span_p50_ms": ms(percentile(sorted(r.span for r in results), 0.50)),
        "ack_p50_ms": ms(percentile(sorted(r.ack for r in results), 0.50)),
        "server_cpu_ms_per_round": round(server_cpu * 1000 / len(results), 2),
        "loadgen_cpu_share": round(sum(r.loadgen_cpu for r in results) / busy, 3),
        "payload_bytes": payload_bytes,
        "setup_s": round(setup_seconds, 1),
    }


# ----------------------------------------------------------------------------- clients

Trigger = Callable[[int, Callable[..., None]], Awaitable[None]]
"""Emits one round's trigger for an item id, with a callback for its acknowledgement."""


@dataclass
class PendingRound:
    """A round in flight: which item it moves to and who has seen it when."""

    item_id: int
    expected: int
    t0: float = 0.0
    seen: set[int] = field(default_factory=set)
    latencies: list[float] = field(default_factory=list)
    last: float = 0.0
    done: asyncio.Event = field(default_factory=asyncio.Event)


class Receivers:
    """N Socket.IO clients in this process, recording when each round's event reaches them."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.clients: list[socketio.AsyncClient] = []
        self.current: PendingRound | None = None
        self.payload_bytes = 0

    def _handler(self, index: int) -> Callable[[Any], None]:
        def on_event(envelope: Any) -> None:
            now = time.perf_counter()
            current = self.current
            if current is None or not isinstance(envelope, dict) or envelope.get("type") != MEASURED_TYPE:
                return
            data = envelope.get("data") or {}
            if data.get("item_id") != current.item_id or index in current.seen:
                return
            current.seen.add(index)
            current.latencies.append(now - current.t0)
            current.last = now
            if len(current.seen) == 1:
                self.payload_bytes = len(json.dumps(envelope, separators=(",", ":")).encode())
            if len(current.seen) == current.expected:
                current.done.set()

        return on_event

    async def connect_all(self, url: str, auths: list[dict[str, Any]], concurrency: int,
                          timeout: float) -> dict[str, Any]:
        """Connect one client per auth and join meeting 1; returns the latest join answer."""
        semaphore = asyncio.Semaphore(concurrency)
        answers: list[dict[str, Any]] = []

        async def one(index: int, auth: dict[str, Any]) -> None:
            async with semaphore:
                client = socketio.AsyncClient(reconnection=False)
                client.on(EVENT_NAME, self._handler(index))
                self.clients.append(client)
                await client.connect(url, auth=auth, transports=["websocket"], wait_timeout=timeout)
                answer = await client.call("meeting.join", {"meeting_id": MEETING_ID}, timeout=timeout)
                if not (isinstance(answer, dict) and answer.get("ok")):
                    raise RuntimeError(f"{self.name} client {index} could not join: {answer}")
                answers.append(answer)

        await asyncio.gather(*(one(i, auth) for i, auth in enumerate(auths)))
        return dict(max((a["data"] for a in answers), key=lambda data: int(data["seq"])))

    async def run_round(self, trigger: Trigger, item_id: int, deadline: float) -> RoundResult:
        """Trigger one event, wait for its acknowledgement and for every client to get it."""
        loop = asyncio.get_running_loop()
        current = PendingRound(item_id=item_id, expected=len(self.clients))
        acked: asyncio.Future[float] = loop.create_future()
        answer: list[Any] = []

        def on_ack(*args: Any) -> None:
            if not acked.done():
                answer.append(args[0] if args else None)
                acked.set_result(time.perf_counter())

        self.current = current
        cpu0 = time.process_time()
        current.t0 = time.perf_counter()
        await trigger(item_id, on_ack)
        try:
            ack_at = await asyncio.wait_for(acked, deadline)
            if not (isinstance(answer[0], dict) and answer[0].get("ok")):
                raise RuntimeError(f"{self.name}: the trigger was refused: {answer[0]}")
            await asyncio.wait_for(current.done.wait(), deadline)
        except TimeoutError:
            raise RuntimeError(
                f"{self.name}: {len(current.seen)} of {current.expected} clients got the event "
                f"within {deadline}s (acknowledged: {acked.done()})") from None
        finally:
            self.current = None
        cpu = time.process_time() - cpu0
        return RoundResult(current.latencies, current.last - current.t0, ack_at - current.t0, cpu)

    async def disconnect_all(self, timeout: float) -> None:
        """Close every client, giving up after ``timeout`` seconds."""
        clients, self.clients = self.clients, []

        async def close(client: socketio.AsyncClient) -> None:
            try:
                await client.disconnect()
            except Exception as error:  # a client already gone is fine at teardown
                log.debug("disconnect failed: %s", error)

        try:
            await asyncio.wait_for(asyncio.gather(*(close(c) for c in clients)), timeout)
        except TimeoutError:
            log.warning("some %s clients did not disconnect within %ss", self.name, timeout)


@contextlib.contextmanager
def quiet_collector() -> Iterator[None]:
    """Keep this process's garbage collector out of the measured intervals.

    With a few hundred clients the load generator's heap is large enough for a full
    collection to take 50-200 ms, which would land on whatever delivery it interrupts.
    Everything alive after set-up is frozen and automatic collection is off; the caller
    collects the young generations between rounds. The servers' collectors are untouched.
    """
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


# ----------------------------------------------------------------------------- servers


@dataclass
class Options:
    clients: int
    rounds: int
    warmup: int
    deadline: float
    connect_concurrency: int
    login_concurrency: int
    py_spy: Path | None
    work_dir: Path


@dataclass
class Side:
    """One server under test, its clients, and how to trigger a round on it."""

    key: str
    server: ManagedProcess
    receivers: Receivers
    trigger: Trigger
    items: tuple[int, int]
    setup_seconds: float
    results: list[RoundResult] = field(default_factory=list)
    rounds_run: int = 0
    cpu_at_start: float = 0.0
    last_seq: int = 0
    """The meeting's seq once every client joined (the baseline's seq starts there too)."""

    async def round(self, deadline: float) -> RoundResult:
        """One round, on the item that is not current now."""
        item = self.items[self.rounds_run % 2]
        self.rounds_run += 1
        result = await self.receivers.run_round(self.trigger, item, deadline)
        log.debug("%s round %d: first %.1f ms, last %.1f ms, ack %.1f ms", self.key, self.rounds_run,
                  min(result.latencies) * 1000, result.span * 1000, result.ack * 1000)
        return result


async def login_all(url: str, usernames: list[str], concurrency: int) -> dict[str, str]:
    """POST /api/login for each user with bounded concurrency; username -> token.

    A 5xx answer is retried (at most LOGIN_ATTEMPTS tries in all) and logged: the server
    hashes the password inside its SQLite write transaction, so concurrent logins queue on
    the write lock and an unlucky one can outwait SQLite's busy timeout.
    """
    semaphore = asyncio.Semaphore(concurrency)
    tokens: dict[str, str] = {}
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as http:

        async def one(username: str) -> None:
            for attempt in range(1, LOGIN_ATTEMPTS + 1):
                async with semaphore, http.post(url + "/api/login", json={
                        "username": username, "password": DEMO_PASSWORD}) as response:
                    text = await response.text()
                    if response.status == 200:
                        tokens[username] = json.loads(text)["token"]
                        return
                    if response.status < 500 or attempt == LOGIN_ATTEMPTS:
                        raise RuntimeError(f"login of {username} failed: {response.status} {text[:200]}")
                    log.warning("login of %s answered %d (attempt %d): %s", username,
                                response.status, attempt, text[:200])

        await asyncio.gather(*(one(name) for name in usernames))
    return tokens


async def set_up_product(options: Options, processes: list[ManagedProcess],
                         extra_clients: list[socketio.AsyncClient]) -> Side:
    """The real server: seed, serve, log in, start the meeting, connect and join."""
    started = time.monotonic()
    log.info("product: seeding the demo meeting with %d delegates", options.clients)
    url, server = await spawn_demo_server(options.work_dir / "product", options.clients, DEMO_PASSWORD,
                                          options.work_dir / "product-server.log", processes)
    await asyncio.to_thread(server.wait_healthy)
    log.info("product: server pid %d on %s; logging in %d users", server.pid, url, options.clients + 1)
    names = [f"delegate{i}" for i in range(1, options.clients + 1)]
    tokens = await login_all(url, ["chair", *names], options.login_concurrency)

    chair = socketio.AsyncClient(reconnection=False)
    extra_clients.append(chair)
    await chair.connect(url, auth={"token": tokens["chair"], "protocol": PROTOCOL_VERSION},
                        transports=["websocket"], wait_timeout=30)
    answer = await chair.call("meeting.start", {"meeting_id": MEETING_ID}, timeout=30)
    if not answer.get("ok") and answer.get("error", {}).get("code") != "conflict":
        raise RuntimeError(f"meeting.start refused: {answer}")
    log.info("product: connecting and joining %d clients", options.clients)
    receivers = Receivers("product")
    joined = await receivers.connect_all(
        url, [{"token": tokens[n], "protocol": PROTOCOL_VERSION} for n in names],
        options.connect_concurrency, timeout=60)
    agenda = joined["snapshot"]["agenda"]
    items = (int(agenda[0]["id"]), int(agenda[1]["id"]))
    if joined["snapshot"]["meeting"].get("current_item_id") == items[0]:
        items = (items[1], items[0])  # starting the meeting made the first item current

    async def trigger(item_id: int, on_ack: Callable[..., None]) -> None:
        await chair.emit("agenda.set_current", {"meeting_id": MEETING_ID, "item_id": item_id},
                         callback=on_ack)

    side = Side("product", server, receivers, trigger, items, time.monotonic() - started)
    side.last_seq = int(joined["seq"])
    return side


async def set_up_baseline(options: Options, processes: list[ManagedProcess],
                          extra_clients: list[socketio.AsyncClient], first_seq: int) -> Side:
    """The bare python-socketio server: serve, connect and join.

    Its seq starts at ``first_seq`` so that its envelopes have the product's size.
    """
    started = time.monotonic()
    port = free_port()
    url = f"http://{LOOPBACK}:{port}"
    server = ManagedProcess("bare socket.io server", python_module(
        "bench.bare_server", "--host", LOOPBACK, "--port", str(port), "--first-seq", str(first_seq)),
        options.work_dir / "bare-server.log", url + "/health", cwd=REPO_ROOT)
    processes.append(server.spawn())
    await asyncio.to_thread(server.wait_healthy)
    log.info("baseline: server pid %d on %s; connecting %d clients", server.pid, url, options.clients)
    trigger_client = socketio.AsyncClient(reconnection=False)
    extra_clients.append(trigger_client)
    await trigger_client.connect(url, auth={"token": "trigger", "protocol": PROTOCOL_VERSION},
                                 transports=["websocket"], wait_timeout=30)
    receivers = Receivers("baseline")
    await receivers.connect_all(
        url, [{"token": f"client{i}", "protocol": PROTOCOL_VERSION} for i in range(options.clients)],
        options.connect_concurrency, timeout=60)

    async def trigger(item_id: int, on_ack: Callable[..., None]) -> None:
        await trigger_client.emit("bench.trigger", {"meeting_id": MEETING_ID, "item_id": item_id},
                                  callback=on_ack)

    # Item ids like the demo's first two, so that the envelope has the same size.
    return Side("baseline_bare_socketio", server, receivers, trigger, (2, 1),
                time.monotonic() - started)


async def measure(sides: list[Side], options: Options) -> None:
    """Warm-up rounds, then measured rounds interleaved A B B A A B ..., one at a time."""
    log.info("measuring: %d warm-up and %d measured rounds per server, interleaved",
             options.warmup, options.rounds)
    with quiet_collector():
        for _ in range(options.warmup):
            for side in sides:
                await side.round(options.deadline)
                gc.collect(1)
        for side in sides:
            side.cpu_at_start = side.server.cpu_seconds()
        for number in range(options.rounds):
            for side in sides if number % 2 == 0 else reversed(sides):
                side.results.append(await side.round(options.deadline))
                gc.collect(1)  # between rounds, outside any measured interval


def start_py_spy(output: Path, pid: int) -> subprocess.Popen[bytes]:
    """Sample a process with py-spy (collapsed stacks, busy threads only) until stop_py_spy."""
    binary = shutil.which("py-spy")
    if binary is None:
        raise RuntimeError("--py-spy needs the py-spy program on PATH")
    log.info("py-spy: sampling pid %d into %s", pid, output)
    process = subprocess.Popen([binary, "record", "--pid", str(pid), "--rate", "250", "--format", "raw",
                                "--output", str(output), "--threads"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # py-spy needs a moment to attach
    return process


def stop_py_spy(process: subprocess.Popen[bytes]) -> None:
    """Stop py-spy so that it writes its output."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def machine() -> dict[str, Any]:
    """What the figures were measured on, and how busy it was when the run began."""
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {"cpu_count": os.cpu_count(), "cpu_model": model, "python": platform.python_version(),
            "platform": platform.platform(), "load_average_1m_at_start": round(os.getloadavg()[0], 2)}


async def run(options: Options) -> dict[str, Any]:
    """Set up both servers, measure, and stop every started process on the way out."""
    processes: list[ManagedProcess] = []
    extra_clients: list[socketio.AsyncClient] = []
    sides: list[Side] = []
    described = machine()
    try:
        sides.append(await set_up_product(options, processes, extra_clients))
        sides.append(await set_up_baseline(options, processes, extra_clients, sides[0].last_seq))
        await asyncio.sleep(1.0)  # let the presence events of the last joins drain
        product = sides[0]
        profiler = start_py_spy(options.py_spy, product.server.pid) if options.py_spy else None
        try:
            await measure(sides, options)
        finally:
            if profiler is not None:
                stop_py_spy(profiler)
        figures = {side.key: summarize(side.results, side.server.cpu_seconds() - side.cpu_at_start,
                                       side.receivers.payload_bytes, side.setup_seconds)
                   for side in sides}
    finally:
        for side in sides:
            await side.receivers.disconnect_all(timeout=30)
        for client in extra_clients:
            with contextlib.suppress(Exception):
                await client.disconnect()
        for process in processes:
            process.stop()
    for key, value in figures.items():
        log.info("%s: %s", key, value)
    return {
        "benchmark": "fanout",
        "clients": options.clients,
        "rounds": options.rounds,
        "machine": described,
        "product": figures["product"],
        "baseline_bare_socketio": figures["baseline_bare_socketio"],
        "ratio_p99": round(figures["product"]["p99_ms"] / figures["baseline_bare_socketio"]["p99_ms"], 2),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.fanout",
                                     description="Event fan-out latency: meeting server vs bare Socket.IO.")
    parser.add_argument("--clients", type=int, default=200, help="joined clients (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=50,
                        help="measured rounds per server (default %(default)s)")
    parser.add_argument("--warmup", type=int, default=3,
                        help="unmeasured first rounds per server (default %(default)s)")
    parser.add_argument("--deadline", type=float, default=10.0,
                        help="seconds a round may take before the run fails (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds the whole run may take (default %(default)s)")
    parser.add_argument("--connect-concurrency", type=int, default=20,
                        help="clients connecting and joining at once (default %(default)s)")
    parser.add_argument("--login-concurrency", type=int, default=1,
                        help="logins in flight at once (default %(default)s: the server runs them "
                             "one at a time anyway, under its SQLite write lock)")
    parser.add_argument("--py-spy", type=Path, default=None,
                        help="sample the product server with py-spy during the rounds into this file")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every round")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 5000 or not 1 <= args.rounds <= 10_000:
        parser.error("--clients must be 1..5000 and --rounds 1..10000")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON report on stdout."""
    args = parse_args(argv)
    log.setLevel(logging.DEBUG if args.verbose else logging.INFO)

    def measure(work_dir: Path) -> Coroutine[Any, Any, dict[str, Any]]:
        return run(Options(args.clients, args.rounds, args.warmup, args.deadline,
                           args.connect_concurrency, args.login_concurrency,
                           args.py_spy.resolve() if args.py_spy else None, work_dir))

    return run_report("fanout", measure, args.timeout, ["product-server.log", "bare-server.log"])


if __name__ == "__main__":
    raise SystemExit(main())
