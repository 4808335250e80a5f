"""A PostgreSQL cluster and a Redis server of a test's own, on free ports, to restart at will.

The fault suite restarts the database and Redis under connected clients; doing that to the
machine's shared services would break every other test run. These run from a temporary
directory and are removed afterwards. PostgreSQL refuses to run as root: as root the
cluster runs as the ``postgres`` account (the one the Debian packages create).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.server_process import free_port, wait_until


def postgres_bin() -> Path | None:
    """The directory with ``initdb`` and ``pg_ctl`` (the newest installed version), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def missing_tools() -> str | None:
    """Why the private services cannot run here (a tool missing), or None."""
    if postgres_bin() is None:
        return "PostgreSQL's initdb/pg_ctl are not installed"
    if shutil.which("redis-server") is None:
        return "redis-server is not installed"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a postgres account to run PostgreSQL as"
    return None


@dataclass
class PrivatePostgres:
    """``initdb`` + ``pg_ctl`` in a temporary directory; one database, ``meetings``."""

    port: int = field(default_factory=free_port)
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="fault-pg-")))

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the ``meetings`` database."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/meetings"

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        bin_dir = postgres_bin()
        assert bin_dir is not None
        kwargs: dict[str, Any] = {}
        if os.geteuid() == 0:
            kwargs.update(user="postgres", group="postgres")
        return subprocess.run([str(bin_dir / command[0]), *command[1:]], check=check, capture_output=True,
                              timeout=120, cwd=self.root, **kwargs)

    def start(self) -> PrivatePostgres:
        """Create the cluster on first use, then start it and wait until it takes connections."""
        data = self.root / "data"
        if not data.exists():
            if os.geteuid() == 0:
                shutil.chown(self.root, "postgres", "postgres")
            self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                      "--locale=C")
        # fsync off: the tests kill processes, never the machine, so the page cache keeps
        # every commit; the disk would only slow the suite down.
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off "
                   "-c full_page_writes=off -c max_connections=100")
        self._run("pg_ctl", "-D", str(data), "-l", str(self.root / "postgres.log"), "-o", options,
                  "-w", "-t", "60", "start")
        wait_until(self._ready, 30, 0.1, f"PostgreSQL on port {self.port}")
        if not getattr(self, "_created", False):
            self._sql("CREATE DATABASE meetings")
            self._created = True
        return self

    def _ready(self) -> bool:
        try:
            self._sql("SELECT 1")
            return True
        except Exception:
            return False

    def _sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True,
                             connect_timeout=3) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def stop(self, mode: str = "fast") -> None:
        """``pg_ctl stop``: "fast" (clients disconnected, a clean shutdown) or "immediate" (a
        crash: recovery from the WAL at the next start)."""
        if (self.root / "data" / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", mode, "-w", "stop", check=False)

    def restart(self, mode: str = "immediate") -> None:
        self.stop(mode)
        self.start()

    def log(self) -> str:
        path = self.root / "postgres.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def remove(self) -> None:
        """Stop the cluster and delete its files."""
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class PrivateRedis:
    """``redis-server`` on a free port, nothing saved to disk."""

    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> PrivateRedis:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(self._ready, 15, 0.05, f"Redis on port {self.port}")
        return self

    def _ready(self) -> bool:
        import redis

        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(f"redis-server exited with {self.process.returncode}")
        try:
            return bool(redis.Redis(port=self.port, socket_connect_timeout=1).ping())
        except redis.RedisError:
            return False

    def stop(self) -> None:
        """SIGKILL: Redis goes away at once, as in a crash."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()
