"""The servers the scale benchmarks run against, seeded once and started with ``bench.with_gc``.

- ``product``: one ``meeting-server serve`` on SQLite in a data directory;
- ``product_2proc``: two ``serve`` processes sharing PostgreSQL and Redis (the Socket.IO
  message queue); clients are spread over both, the trigger talks to the first;
- ``bare_socketio``: ``bench.bare_server`` (python-socketio on aiohttp, nothing else);
- ``bare_websockets``: ``bench.bare_ws_server`` (``websockets.broadcast``).

Logins would cost one argon2 verification each (a thousand of them take minutes on two
cores), so the delegates' tokens are written straight into the database, as
``bench.voting`` does: what is measured starts at the socket, not at ``/api/login``.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.processes import LOOPBACK, REPO_ROOT, ManagedProcess, free_port, python_module, run_checked

DEMO_PASSWORD = "demo"
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_suite"


def default_postgres() -> str:
    """MEETING_BENCH_POSTGRES_URL, or the local ``bench_suite`` database."""
    return os.environ.get("MEETING_BENCH_POSTGRES_URL", DEFAULT_POSTGRES)


@dataclass
class Target:
    """One system under test: its processes (clients spread over them) and how to trigger."""

    key: str
    processes: list[ManagedProcess]
    urls: list[str]
    plain: bool = False
    """True for the bare websockets server (no Engine.IO handshake)."""
    trigger: str = "bench.trigger"
    echo: str = "bench.echo"
    tokens: list[str] = field(default_factory=list)
    """Product: the delegates' tokens, in order; baselines accept anything."""
    chair_token: str = "trigger"
    gc_files: list[Path] = field(default_factory=list)

    def auth(self, index: int) -> dict[str, object]:
        """The Socket.IO auth of the ``index``-th receiving client."""
        token = self.tokens[index] if self.tokens else f"client{index}"
        return {"token": token, "protocol": 1}

    def url_of(self, index: int) -> str:
        """Which process the ``index``-th client talks to (round robin)."""
        return self.urls[index % len(self.urls)]

    def cpu_seconds(self) -> float:
        """User + system CPU of all the target's processes so far."""
        return sum(process.cpu_seconds() for process in self.processes)

    def rss_after_gc(self, index: int = 0, timeout: float = 10.0) -> int:
        """VmRSS in bytes of one process after a full collection (SIGUSR2, see bench.with_gc)."""
        process, marker = self.processes[index], self.gc_files[index]
        before = marker.read_text() if marker.exists() else ""
        os.kill(process.pid, signal.SIGUSR2)
        deadline = time.monotonic() + timeout
        while (marker.read_text() if marker.exists() else "") == before:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.key}: no garbage collection within {timeout}s")
            time.sleep(0.02)
        for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError("no VmRSS in /proc")


def start(name: str, module_args: list[str], work: Path, health_path: str,
          processes: list[ManagedProcess]) -> tuple[ManagedProcess, str, Path]:
    """Start ``python -m bench.with_gc FILE module ...`` on a free port; (process, url, gc file)."""
    port = free_port()
    url = f"http://{LOOPBACK}:{port}"
    gc_file = work / f"{name}-{port}.gc"
    args = [arg.replace("{port}", str(port)) for arg in module_args]
    process = ManagedProcess(name, python_module("bench.with_gc", str(gc_file), *args),
                             work / f"{name}-{port}.log", url + health_path, cwd=REPO_ROOT)
    processes.append(process.spawn())
    return process, url, gc_file


async def seed(data_dir: Path, delegates: int, database_url: str | None) -> None:
    """``seed-demo`` with ``delegates`` delegates (PostgreSQL: created if missing, emptied)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    extra: list[str] = []
    if database_url:
        await asyncio.to_thread(empty_postgres, database_url)
        extra = ["--database-url", database_url]
    await run_checked(python_module("server.cli", "seed-demo", "--delegates", str(delegates), "--password",
                                    DEMO_PASSWORD, "--data-dir", str(data_dir), *extra),
                      timeout=900, cwd=REPO_ROOT)


def empty_postgres(url: str) -> None:
    """Create the database if it does not exist, then empty it (bench.voting's way)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from bench.voting import empty_postgres as truncate

    parsed = make_url(url)
    admin = parsed.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                    (parsed.database,)).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{parsed.database}"')
    truncate(url)


def tokens(database_url: str, delegates: int) -> tuple[str, list[str]]:
    """The chair's token and delegate1..N's, written into the database."""
    from bench.voting import tokens_for

    names = [f"delegate{i}" for i in range(1, delegates + 1)]
    made = tokens_for(database_url, ["chair", *names])
    return made["chair"], [made[name] for name in names]


async def product(work: Path, delegates: int, database_url: str | None = None, redis_url: str | None = None,
                  count: int = 1, processes: list[ManagedProcess] | None = None) -> Target:
    """Seed once and start ``count`` product processes on the same storage."""
    from server.persistence.db import sqlite_url

    processes = processes if processes is not None else []
    key = "product" if count == 1 else f"product_{count}proc"
    data_dir = work / key
    await seed(data_dir, delegates, database_url)
    chair, delegate_tokens = await asyncio.to_thread(tokens, database_url or sqlite_url(data_dir), delegates)
    args = ["server.cli", "serve", "--host", LOOPBACK, "--port", "{port}", "--data-dir", str(data_dir)]
    if database_url:
        args += ["--database-url", database_url]
    if redis_url:
        args += ["--redis-url", redis_url]
    target = Target(key, [], [], trigger="agenda.set_current", echo="meeting.list", tokens=delegate_tokens,
                    chair_token=chair)
    for _ in range(count):
        process, url, gc_file = start(key, args, work, "/api/health", processes)
        target.processes.append(process)
        target.urls.append(url)
        target.gc_files.append(gc_file)
    for process in target.processes:
        await asyncio.to_thread(process.wait_healthy, 60)
    return target


async def bare(work: Path, websockets: bool, first_seq: int, processes: list[ManagedProcess]) -> Target:
    """Start one bare baseline server."""
    module = "bench.bare_ws_server" if websockets else "bench.bare_server"
    key = "bare_websockets" if websockets else "bare_socketio"
    process, url, gc_file = start(key, [module, "--host", LOOPBACK, "--port", "{port}", "--first-seq",
                                        str(first_seq)], work, "/health", processes)
    await asyncio.to_thread(process.wait_healthy, 30)
    return Target(key, [process], [url], plain=websockets, gc_files=[gc_file])


class PrivateRedis:
    """A redis-server of our own on a free port, so that our Socket.IO broadcasts (on the
    global pub/sub channel ``socketio``, shared by every database number) reach no other
    server on the machine and none of theirs reach ours."""

    def __init__(self, work: Path) -> None:
        self.port = free_port()
        self.url = f"redis://{LOOPBACK}:{self.port}/0"
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not on PATH; pass --redis-url")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", LOOPBACK, "--save", "", "--appendonly", "no",
             "--dir", str(work)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not self._answers():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError("the private redis-server did not start")
            time.sleep(0.05)

    def _answers(self) -> bool:
        import socket

        try:
            with socket.create_connection((LOOPBACK, self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        """Terminate the redis-server (it keeps nothing on disk)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
