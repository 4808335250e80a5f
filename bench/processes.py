"""Server processes for benchmarks: started on loopback, always stopped, CPU time readable."""

from __future__ import annotations

import asyncio
import atexit
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

LOOPBACK = "127.0.0.1"
REPO_ROOT = Path(__file__).resolve().parent.parent

_running: set[ManagedProcess] = set()
"""Started and not yet stopped: the exit hook stops whatever a crash left behind."""


@atexit.register
def _stop_leftovers() -> None:
    for process in list(_running):
        process.stop()


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


class ManagedProcess:
    """One server subprocess whose output goes to a log file; stop() is always safe."""

    def __init__(self, name: str, command: Sequence[str], log_path: Path, health_url: str,
                 cwd: Path | None = None) -> None:
        self.name = name
        self.cwd = cwd
        self.command = list(command)
        self.log_path = log_path
        self.health_url = health_url
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        """The process id (the process must be running)."""
        if self.process is None:
            raise RuntimeError(f"{self.name} is not running")
        return self.process.pid

    def spawn(self) -> ManagedProcess:
        """Start the process (without waiting for it to serve)."""
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, env=env, cwd=self.cwd)
        _running.add(self)
        return self

    def wait_healthy(self, timeout: float = 30.0, interval: float = 0.05) -> None:
        """Wait until the health URL answers 200; fail if the process exits or it takes too long."""
        deadline = time.monotonic() + timeout
        while not self._healthy():
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not answer {self.health_url} within {timeout}s:\n"
                                   f"{self.log_tail()}")
            time.sleep(interval)

    def _healthy(self) -> bool:
        if self.process is None:
            raise RuntimeError(f"{self.name} was stopped")
        if self.process.poll() is not None:
            raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log_tail()}")
        try:
            with urllib.request.urlopen(self.health_url, timeout=1) as answer:
                return bool(answer.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def cpu_seconds(self) -> float:
        """User plus system CPU time the process has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it lingers; does nothing if it is not running."""
        _running.discard(self)
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def log_tail(self, lines: int = 40) -> str:
        """The last lines the process wrote."""
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def python_module(module: str, *args: str) -> list[str]:
    """A command line running ``python -m module args`` with this interpreter."""
    return [sys.executable, "-m", module, *args]


async def run_checked(command: Sequence[str], timeout: float, cwd: Path | None = None) -> str:
    """Run a short command to completion; its output, or an error carrying it.

    The command is killed if it overruns ``timeout`` or the caller is cancelled.
    """
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        stdin=asyncio.subprocess.DEVNULL, cwd=cwd)
    try:
        output, _ = await asyncio.wait_for(process.communicate(), timeout)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    text = output.decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed with {process.returncode}:\n{text}")
    return text


def _interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


def run_report(name: str, run: Callable[[Path], Awaitable[dict[str, Any]]], timeout: float,
               server_logs: Sequence[str]) -> int:
    """A benchmark's ``main``: run ``run(work_dir)`` within ``timeout`` and print its JSON.

    SIGTERM (``timeout``, ``kill``) cleans up as Ctrl-C does; on failure the last lines of the
    named server logs in the work directory are shown. Returns the process exit code.
    """
    log = logging.getLogger(f"bench.{name}")
    signal.signal(signal.SIGTERM, _interrupt)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s: %(message)s")
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as work:
        try:
            report = asyncio.run(asyncio.wait_for(run(Path(work)), timeout))
        except KeyboardInterrupt:
            log.error("interrupted; the servers were stopped")
            return 130
        except (Exception, TimeoutError) as error:
            log.error("benchmark failed: %s: %s", type(error).__name__, error)
            for pattern in server_logs:  # names, or glob patterns
                for path in sorted(Path(work).glob(pattern)):
                    log_name = path.name
                    tail = "\n".join(path.read_text(errors="replace").splitlines()[-30:])
                    log.error("last lines of %s:\n%s", log_name, tail)
            return 1
    print(json.dumps(report))
    return 0


async def spawn_demo_server(data_dir: Path, delegates: int, password: str, log_path: Path,
                            processes: list[ManagedProcess], database_url: str | None = None,
                            serve_options: Sequence[str] = ()) -> tuple[str, ManagedProcess]:
    """Seed the demo meeting (``delegates`` delegates) into a new ``data_dir`` and start
    ``meeting-server serve`` on a free loopback port, without waiting for it to answer.

    The process is appended to ``processes`` (for the caller's cleanup); returns its URL.
    ``database_url``: PostgreSQL instead of SQLite in ``data_dir``; ``serve_options``: more
    options of ``serve`` (``--limit ...``).
    """
    data_dir.mkdir()
    database = ["--database-url", database_url] if database_url else []
    await run_checked(python_module("server.cli", "seed-demo", "--delegates", str(delegates),
                                    "--password", password, "--data-dir", str(data_dir), *database),
                      timeout=600, cwd=REPO_ROOT)
    port = free_port()
    url = f"http://{LOOPBACK}:{port}"
    server = ManagedProcess("meeting-server", python_module(
        "server.cli", "serve", "--host", LOOPBACK, "--port", str(port), "--data-dir", str(data_dir),
        *database, *serve_options),
        log_path, url + "/api/health", cwd=REPO_ROOT)
    processes.append(server.spawn())
    return url, server
