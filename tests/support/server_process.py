"""A real ``meeting-server`` process on a free port, for end-to-end tests."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

DEMO_PASSWORD = "demo"


def _limit_file_size(limit: int) -> None:
    """In the child before exec: no file may grow past ``limit`` bytes (Python ignores
    SIGXFSZ, so the write fails with EFBIG instead of killing the process)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until(condition: Any, timeout: float = 10.0, interval: float = 0.02, message: str = "") -> Any:
    """Poll ``condition`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {message or condition}")
        time.sleep(interval)


@dataclass
class ServerProcess:
    """``meeting-server serve`` in a subprocess, on its own data directory."""

    data_dir: Path
    port: int = field(default_factory=free_port)
    database_url: str | None = None
    redis_url: str | None = None
    presence_grace: float = 0.0
    """Seconds a dropped socket keeps its user online; 0 (the tests' default): none."""
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    serve_args: tuple[str, ...] = ()
    """More options for ``serve`` (``--allow-restricted-export``, ``--offline-hours 2``)."""
    check_contract: bool = os.environ.get("MEETING_CONTRACT_CHECK", "1") != "0"
    """Check every answer and event it sends against its model (tests.support.checked_server);
    ``stop`` fails on a mismatch. ``MEETING_CONTRACT_CHECK=0`` turns it off."""
    file_size_limit: int | None = None
    """RLIMIT_FSIZE of the server process in bytes: a write past it fails with EFBIG, as a
    full disk fails with ENOSPC (no root needed). None: no limit."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _cli(self, *args: str) -> list[str]:
        command = [sys.executable, "-m", "server.cli", *args, "--data-dir", str(self.data_dir)]
        if self.database_url:
            command += ["--database-url", self.database_url]
        return command

    def seed_demo(self, delegates: int = 6) -> None:
        """Run ``meeting-server seed-demo`` against this server's storage."""
        subprocess.run([*self._cli("seed-demo", "--delegates", str(delegates), "--password", DEMO_PASSWORD)],
                       check=True, capture_output=True, timeout=120)

    def copy_database_from(self, data_dir: Path) -> None:
        """Start from another data directory's SQLite database (e.g. one seeded once)."""
        for file in data_dir.glob("meetings.db*"):
            shutil.copy(file, self.data_dir / file.name)

    @contextmanager
    def running(self) -> Iterator[ServerProcess]:
        """Started for the block, stopped after it whatever happens."""
        self.start()
        try:
            yield self
        finally:
            self.stop()

    def start(self) -> ServerProcess:
        """Start the process and wait until /api/health answers."""
        command = [*self._cli("serve", "--port", str(self.port)),
                   "--presence-grace", str(self.presence_grace), *self.serve_args]
        if self.check_contract:  # the same command line, through the checking entry point
            command[command.index("server.cli")] = "tests.support.checked_server"
        if self.redis_url:
            # Processes of one database share a channel; other test runs on this Redis do not.
            channel = hashlib.sha256((self.database_url or str(self.data_dir)).encode()).hexdigest()[:12]
            command += ["--redis-url", self.redis_url, "--redis-channel", f"test-{channel}"]
        self.log_path = self.data_dir / f"server-{self.port}.log"
        log = self.log_path.open("ab")
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "MEETING_CONTRACT_REPORT": str(self.contract_report)}
        limit = self.file_size_limit
        limited = None if limit is None else partial(_limit_file_size, limit)
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env,
                                        preexec_fn=limited)
        wait_until(self._healthy, timeout=30, message=f"server on port {self.port} to answer")
        return self

    def _healthy(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(f"server exited with {self.process.returncode}:\n{self.log()}")
        try:
            with urllib.request.urlopen(self.url + "/api/health", timeout=1) as answer:
                return bool(answer.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def stop(self) -> None:
        """Stop the process (SIGTERM, then SIGKILL if it lingers); fail if it sent an answer
        or event that does not match its model."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        self.assert_contract_kept()

    @property
    def contract_report(self) -> Path:
        """Where the checked server writes its mismatches (next to the data directory, which
        a test may replace)."""
        return self.data_dir.parent / f"contract-{self.port}.txt"

    def assert_contract_kept(self) -> None:
        """Fail (once) with the mismatches the server reported so far."""
        report = self.contract_report
        if not report.exists():
            return
        problems = sorted(set(report.read_text(encoding="utf-8").splitlines()))
        report.unlink()
        if problems:
            raise AssertionError("the server sent data that does not match its protocol model:\n"
                                 + "\n".join(problems[:20]))

    def kill(self) -> None:
        """SIGKILL: the process dies without any cleanup."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def restart(self) -> ServerProcess:
        """Stop and start again on the same port and storage."""
        self.stop()
        return self.start()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""

    def login(self, username: str, password: str = DEMO_PASSWORD) -> dict[str, Any]:
        """POST /api/login; returns the answer's body (token, expires_at, user)."""
        request = urllib.request.Request(
            self.url + "/api/login", method="POST",
            data=json.dumps({"username": username, "password": password}).encode(),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return dict(json.loads(answer.read()))
