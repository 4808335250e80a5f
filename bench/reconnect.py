"""Reconnect storm: N joined clients, the server restarts, every client catches up.

Seeds the demo meeting (SQLite) with N delegates, starts ``meeting-server serve``, and
connects N lightweight clients (``bench.wsclient``) that join meeting 1 and follow its
events the way the real client does: each keeps the last ``seq`` it applied, applies
events in order, and on a gap or a reconnect sends ``meeting.join`` with ``since_seq``.
Then the server is stopped (SIGTERM) and started again on the same port and data
directory. Every client, on losing its connection, retries with the desktop client's
backoff (``meeting_app.net.backoff.Backoff``: 0.5 s, 1 s, 2 s, ... each +/- 25 %) and
re-joins with ``since_seq``.

Measured from the moment the new process answers ``/api/health`` to the moment the LAST
client has caught up: its ``meeting.join`` since the restart answered and its seq equal to
the meeting's ``last_seq`` in the database (read directly once every client re-joined;
presence changes of the re-joining clients move it on, and everyone must have those too).
Also reported: ``stop_s`` (SIGTERM sent to the process gone; SIGKILL after 10 s),
``start_s`` (spawned to health answered) and ``last_join_answered_s``
(health to the last re-join's answer: mostly the clients' backoff, not the server).

Two variants, one after the other on the same server: ``plain`` (nothing happens while
they are away but the presence changes the restart itself causes) and ``with_event`` (as
soon as the new process answers, the chair, a separate connection, moves the agenda to
another item: catching up then includes that ``agenda.current_changed``, either in the
join's missed events or live). One JSON object goes to stdout.

    python -m bench.reconnect --clients 500
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import select

from bench import servers
from bench.fanout import machine, percentile
from bench.processes import ManagedProcess, run_report
from bench.wsclient import LightClient, client_session
from meeting_app.net.backoff import Backoff
from server.persistence.db import Database, sqlite_url
from server.persistence.models import AgendaItem, Meeting

log = logging.getLogger("bench.reconnect")
MEETING_ID = 1


class Follower:
    """One participant that keeps its seq in step with the meeting, across reconnects."""

    def __init__(self, session: aiohttp.ClientSession, url: str, token: str, seq: int = 0) -> None:
        self.session, self.url, self.token = session, url, token
        self.seq = seq
        self.reached_at = 0.0
        """perf_counter when ``seq`` last moved."""
        self.joins = 0
        self.joined_at = 0.0
        self.failures: dict[str, int] = {}
        """Failed reconnection attempts by exception type."""
        self.snapshots = 0
        self.types: set[str] = set()
        self.client: LightClient | None = None
        self._joined = False
        self._pending: list[dict[str, Any]] = []
        self._task: asyncio.Task[None] | None = None
        self._rejoins: set[asyncio.Future[None]] = set()

    def _apply(self, envelope: dict[str, Any], now: float) -> bool:
        """Apply one event in order; False on a gap (the caller re-joins)."""
        seq = int(envelope.get("seq", 0))
        if seq <= self.seq:
            return True
        if seq != self.seq + 1:
            return False
        self.seq, self.reached_at = seq, now
        self.types.add(str(envelope.get("type")))
        return True

    def _on_event(self, name: str, envelope: Any, now: float) -> None:
        if name != "meeting.event" or not isinstance(envelope, dict):
            return
        if not self._joined:
            self._pending.append(envelope)
        elif not self._apply(envelope, now):
            self._joined = False  # a gap: ask for what was missed, as the real client does
            self._pending.append(envelope)
            task = asyncio.ensure_future(self._join())
            self._rejoins.add(task)
            task.add_done_callback(self._rejoins.discard)

    async def _join(self) -> None:
        assert self.client is not None
        payload: dict[str, Any] = {"meeting_id": MEETING_ID}
        if self.seq:
            payload["since_seq"] = self.seq
        answer = await self.client.call("meeting.join", payload, timeout=60)
        if not answer.get("ok"):
            raise RuntimeError(f"join refused: {answer}")
        now = time.perf_counter()
        data = answer["data"]
        if "events" in data:
            for envelope in data["events"]:
                self._apply(envelope, now)
        else:
            self.snapshots += 1
        if int(data["seq"]) > self.seq:
            self.seq, self.reached_at = int(data["seq"]), now
        self.joins += 1
        self.joined_at = now
        self._joined = True
        pending, self._pending = sorted(self._pending, key=lambda e: int(e.get("seq", 0))), []
        for envelope in pending:
            if not self._apply(envelope, now):
                self._joined = False
                self._pending = [envelope]
                await self._join()
                return

    async def connect_once(self) -> None:
        """Connect and join; raises on failure."""
        self._joined = False
        self.client = LightClient(self.session, self._on_event)
        try:
            await self.client.connect(self.url, {"token": self.token, "protocol": 1}, timeout=30)
            await self._join()
        except BaseException:
            await self.client.close()
            raise

    async def follow(self) -> None:
        """Stay connected: on a lost connection retry with backoff, then re-join."""
        backoff = Backoff()
        while True:
            assert self.client is not None
            await self.client.closed.wait()
            while True:
                await asyncio.sleep(backoff.next())
                try:
                    await self.connect_once()
                    backoff.reset()
                    break
                except Exception as error:  # any failed attempt is retried, as the real client does
                    name = type(error).__name__
                    self.failures[name] = self.failures.get(name, 0) + 1

    def start_following(self) -> None:
        """Follow in the background until ``stop``."""
        self._task = asyncio.create_task(self.follow())

    async def stop(self) -> None:
        """Stop following and close."""
        if self._task is not None:
            self._task.cancel()
        if self.client is not None:
            await self.client.close()


def failures(followers: list[Follower]) -> dict[str, int]:
    """Failed reconnection attempts so far, by exception type, over all clients."""
    total: dict[str, int] = {}
    for follower in followers:
        for name, count in follower.failures.items():
            total[name] = total.get(name, 0) + count
    return total


def last_seq(db: Database) -> int:
    """The meeting's newest seq, as the database has it."""
    with db.read() as session:
        return int(session.execute(select(Meeting.last_seq).where(Meeting.id == MEETING_ID)).scalar_one())


def another_item(db: Database) -> int:
    """An agenda item of the meeting that is not its current one."""
    with db.read() as session:
        current = session.execute(
            select(Meeting.current_item_id).where(Meeting.id == MEETING_ID)).scalar_one()
        items = session.execute(select(AgendaItem.id).where(AgendaItem.meeting_id == MEETING_ID)
                                .order_by(AgendaItem.position)).scalars().all()
    return next(int(item) for item in items if item != current)


async def storm(server: ManagedProcess, db: Database, followers: list[Follower], chair_token: str,
                session: aiohttp.ClientSession, with_event: bool, deadline: float) -> dict[str, Any]:
    """Restart the server once and measure until everyone caught up."""
    joins_before = [f.joins for f in followers]
    for follower in followers:
        follower.types.clear()
    seq_before = await asyncio.to_thread(last_seq, db)
    snapshots_before = sum(f.snapshots for f in followers)
    stopping = time.perf_counter()
    await asyncio.to_thread(server.stop)
    stopped = time.perf_counter()
    server.spawn()
    await asyncio.to_thread(server.wait_healthy, 60, 0.005)
    healthy_at = time.perf_counter()
    cpu_at_health, server_cpu_at_health = time.process_time(), server.cpu_seconds()
    if with_event:
        chair = LightClient(session)
        await chair.connect(followers[0].url, {"token": chair_token, "protocol": 1})
        item = await asyncio.to_thread(another_item, db)
        answer = await chair.call("agenda.set_current", {"meeting_id": MEETING_ID, "item_id": item})
        if not answer.get("ok"):
            raise RuntimeError(f"agenda.set_current refused: {answer}")
        await chair.close()
    end = healthy_at + deadline
    while any(f.joins == before for f, before in zip(followers, joins_before, strict=True)):
        if time.perf_counter() > end:
            late = sum(f.joins == before for f, before in zip(followers, joins_before, strict=True))
            raise RuntimeError(f"{late} clients had not re-joined within the deadline; failed attempts: "
                               f"{failures(followers)}")
        await asyncio.sleep(0.02)
    target = await asyncio.to_thread(last_seq, db)
    while any(f.seq < target for f in followers):
        if time.perf_counter() > end:
            behind = sum(f.seq < target for f in followers)
            raise RuntimeError(f"{behind} clients behind seq {target} at the deadline")
        await asyncio.sleep(0.02)
        target = await asyncio.to_thread(last_seq, db)
    loadgen_cpu = time.process_time() - cpu_at_health
    server_cpu = server.cpu_seconds() - server_cpu_at_health
    # A client has caught up once its re-join is answered AND its seq reached the target
    # (a client whose seq did not move while away has caught up when its join is answered).
    times = sorted(max(f.reached_at, f.joined_at) - healthy_at for f in followers)
    return {"all_caught_up_s": round(times[-1], 3),
            "stop_s": round(stopped - stopping, 3), "start_s": round(healthy_at - stopped, 3),
            "last_join_answered_s": round(max(f.joined_at for f in followers) - healthy_at, 3),
            "p50_caught_up_s": round(percentile(times, 0.5), 3),
            "seq_before": seq_before, "seq_after": target,
            "joins_answered_with_snapshot": sum(f.snapshots for f in followers) - snapshots_before,
            "clients_that_applied_the_agenda_event":
                sum("agenda.current_changed" in f.types for f in followers),
            "failed_attempts": failures(followers), "met_5s": times[-1] <= 5.0,
            "server_cpu_s": round(server_cpu, 2), "loadgen_cpu_s": round(loadgen_cpu, 2)}


async def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Seed, connect, restart twice (plain, with an event), report."""
    processes: list[ManagedProcess] = []
    followers: list[Follower] = []
    described = machine()
    started = time.monotonic()
    try:
        target = await servers.product(work, args.clients, processes=processes)
        db = Database(sqlite_url(work / target.key))
        async with client_session() as session:
            chair = LightClient(session)
            await chair.connect(target.urls[0], {"token": target.chair_token, "protocol": 1})
            await chair.call("meeting.start", {"meeting_id": MEETING_ID})
            await chair.close()
            # The first joins ask for the events since the current seq, not for a snapshot
            # each (a snapshot lists every participant: 500 of them make the set-up slow).
            start_seq = await asyncio.to_thread(last_seq, db)
            followers = [Follower(session, target.urls[0], token, start_seq) for token in target.tokens]
            gate = asyncio.Semaphore(args.connect_concurrency)

            async def first(follower: Follower) -> None:
                async with gate:
                    await follower.connect_once()

            await asyncio.gather(*(first(f) for f in followers))
            for follower in followers:
                follower.start_following()
            setup = time.monotonic() - started
            log.info("%d clients joined in %.1f s; restarting", len(followers), setup)
            report: dict[str, Any] = {"benchmark": "reconnect", "clients": args.clients, "machine": described,
                                      "setup_s": round(setup, 1)}
            for variant, with_event in (("plain", False), ("with_event", True)):
                report[variant] = await storm(target.processes[0], db, followers, target.chair_token,
                                              session, with_event, args.deadline)
                log.info("%s: %s", variant, report[variant])
            for follower in followers:
                await follower.stop()
        db.dispose()
    finally:
        for process in processes:
            process.stop()
    return report


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON report on stdout."""
    parser = argparse.ArgumentParser(prog="python -m bench.reconnect", description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--connect-concurrency", type=int, default=20)
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds a storm may take")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds the whole run may take")
    args = parser.parse_args(argv)
    return run_report("reconnect", lambda work: run(args, work), args.timeout, ["product-*.log"])


if __name__ == "__main__":
    raise SystemExit(main())
