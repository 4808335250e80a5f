"""Voting benchmark: N voters cast a ballot at the same moment; how fast each is
acknowledged, how many ballots per second the server commits, and how long from the
chair's close until every client has the result.

Seeds the demo meeting with N delegates into a fresh data directory (SQLite, or the
PostgreSQL of ``--database-url``, which is emptied first), starts ``meeting-server serve``,
gives the chair and the delegates login tokens and marks them present straight in the
database (N argon2 logins would take longer than the vote), connects N+1 Socket.IO clients
that join meeting 1, opens a poll (secret unless ``--named``), and then:

1. **Vote.** Every voter emits ``poll.vote`` at once (one ``gather``); a ballot's latency is
   from just before its emit to its acknowledgement (``time.perf_counter`` in this one
   process). ``ballots_per_s`` = N / (last acknowledgement - first emit).
2. **Close.** Once every client has every ``poll.progress``, the chair emits ``poll.close``;
   the latency per client is from just before that emit to its handler seeing ``poll.closed``.

One JSON object goes to stdout; logs to stderr.

    python -m bench.voting --voters 500
    python -m bench.voting --voters 500 --database-url postgresql+psycopg://postgres@127.0.0.1/bench
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import platform
import secrets
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import socketio
from sqlalchemy import select, text, update

from bench.fanout import percentile
from bench.processes import ManagedProcess, run_report, spawn_demo_server
from server.domain.accounts import token_digest
from server.persistence.db import Database, sqlite_url
from server.persistence.migrate import migrate
from server.persistence.models import Base, Participant, Token, User, utcnow

log = logging.getLogger("bench.voting")

MEETING_ID = 1
EVENT_NAME = "meeting.event"


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50_ms": ms(percentile(ordered, 0.5)), "p99_ms": ms(percentile(ordered, 0.99)),
            "max_ms": ms(ordered[-1])}


def empty_postgres(url: str) -> None:
    db = Database(url)
    try:
        migrate(db)
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        with db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        db.dispose()


def tokens_for(url: str, names: list[str]) -> dict[str, str]:
    """A login token per user, and the meeting's members marked present."""
    tokens = {name: secrets.token_urlsafe(32) for name in names}
    db = Database(url)
    try:
        with db.write() as session:
            ids = dict(session.execute(select(User.username, User.id).where(User.username.in_(names))).all())
            session.add_all(Token(user_id=ids[name], token_hash=token_digest(token),
                                  expires_at=utcnow() + timedelta(hours=2)) for name, token in tokens.items())
            session.execute(update(Participant).where(Participant.meeting_id == MEETING_ID).values(
                attendance="present"))
    finally:
        db.dispose()
    return tokens


class Voter:
    """One connected client: its events as they arrive (time, envelope)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.sio = socketio.AsyncClient(reconnection=False)
        self.progress = 0
        self.closed_at: float | None = None
        self.changed = asyncio.Event()
        self.sio.on(EVENT_NAME, self.on_event)

    def on_event(self, envelope: dict[str, Any]) -> None:
        if envelope.get("type") == "poll.progress":
            self.progress = max(self.progress, int(envelope["data"]["ballots"]))
        elif envelope.get("type") == "poll.closed":
            self.closed_at = time.perf_counter()
        self.changed.set()

    async def connect(self, url: str, token: str) -> None:
        await self.sio.connect(url, auth={"token": token, "protocol": 1}, transports=["websocket"],
                               wait_timeout=30)
        answer = await self.sio.call("meeting.join", {"meeting_id": MEETING_ID}, timeout=60)
        if not answer.get("ok"):
            raise RuntimeError(f"{self.name} could not join: {answer}")

    async def call(self, command: str, payload: dict[str, Any]) -> dict[str, Any]:
        answer = await self.sio.call(command, payload, timeout=120)
        if not answer.get("ok"):
            raise RuntimeError(f"{self.name} {command}: {answer}")
        return dict(answer["data"])

    async def wait(self, condition: Any, timeout: float) -> None:
        end = time.monotonic() + timeout
        while not condition():
            self.changed.clear()
            await asyncio.wait_for(self.changed.wait(), max(0.01, end - time.monotonic()))


async def run(work: Path, args: argparse.Namespace) -> dict[str, Any]:
    processes: list[ManagedProcess] = []
    try:
        started = time.monotonic()
        if args.database_url:
            empty_postgres(args.database_url)
        url, server = await spawn_demo_server(work / "data", args.voters, "demo", work / "server.log",
                                              processes, database_url=args.database_url)
        db_url = args.database_url or sqlite_url(work / "data")
        voters = [Voter(f"delegate{i}") for i in range(1, args.voters + 1)]
        chair = Voter("chair")
        tokens = tokens_for(db_url, [chair.name, *(v.name for v in voters)])
        server.wait_healthy()
        gate = asyncio.Semaphore(20)

        async def connect(client: Voter) -> None:
            async with gate:
                await client.connect(url, tokens[client.name])

        await asyncio.gather(*(connect(c) for c in [chair, *voters]))
        await chair.call("meeting.start", {"meeting_id": MEETING_ID})
        poll = (await chair.call("poll.create", {"meeting_id": MEETING_ID, "question": "Thông qua?",
                                                 "secret": not args.named, "majority": "simple"}))["poll"]
        await chair.call("poll.open", {"poll_id": poll["id"]})
        setup = time.monotonic() - started
        log.info("%d voters connected and joined in %.1f s; voting", len(voters), setup)

        cpu0 = server.cpu_seconds()
        first = time.perf_counter()

        async def vote(client: Voter, n: int) -> float:
            t0 = time.perf_counter()
            await client.call("poll.vote", {"poll_id": poll["id"], "option_ids": [1 + n % 3],
                                            "ballot_id": str(uuid.uuid4())})
            return time.perf_counter() - t0

        acks = await asyncio.gather(*(vote(v, n) for n, v in enumerate(voters)))
        last = time.perf_counter()
        vote_cpu = server.cpu_seconds() - cpu0
        for client in [chair, *voters]:
            await client.wait(lambda c=client: c.progress >= len(voters), args.deadline)
        log.info("every client has the whole turnout; closing")
        t_close = time.perf_counter()
        result = (await chair.call("poll.close", {"poll_id": poll["id"]}))["result"]
        close_ack = time.perf_counter() - t_close
        for client in [chair, *voters]:
            await client.wait(lambda c=client: c.closed_at is not None, args.deadline)
        arrivals = [float(c.closed_at or 0) - t_close for c in [chair, *voters]]
        if result["ballots"] != len(voters):
            raise RuntimeError(f"{result['ballots']} ballots counted, {len(voters)} cast")
        await asyncio.gather(*(c.sio.disconnect() for c in [chair, *voters]), return_exceptions=True)
        return {
            "benchmark": "voting",
            "voters": len(voters),
            "database": "postgresql" if args.database_url else "sqlite",
            "secret": not args.named,
            "machine": {"cpu_count": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform(), "load_average_1m_at_start": os.getloadavg()[0]},
            "ack": spread(list(acks)),
            "ballots_per_s": round(len(voters) / (last - first), 1),
            "vote_wall_s": round(last - first, 2),
            "server_cpu_s_during_vote": round(vote_cpu, 2),
            "close_ack_ms": ms(close_ack),
            "close_to_result_in_every_client": spread(arrivals),
            "setup_s": round(setup, 1),
        }
    finally:
        for process in processes:
            process.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--voters", type=int, default=500)
    parser.add_argument("--database-url", default=None, help="PostgreSQL (emptied first); default SQLite")
    parser.add_argument("--named", action="store_true", help="a named poll instead of a secret one")
    parser.add_argument("--deadline", type=float, default=120.0, help="the longest wait for any event")
    parser.add_argument("--timeout", type=float, default=900.0, help="the whole run")
    args = parser.parse_args()
    return run_report("voting", lambda work: run(work, args), args.timeout, ["server.log"])


if __name__ == "__main__":
    raise SystemExit(main())
