"""Fault-suite fixtures: a demo database seeded once, and a fresh server on a copy of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.documents import TunedServer
from tests.support.server_process import ServerProcess


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with the demo seeded once (hashing the passwords takes seconds)."""
    template = ServerProcess(tmp_path_factory.mktemp("fault-seeded"))
    template.seed_demo()
    return template.data_dir


@pytest.fixture
def fresh(tmp_path: Path, seeded: Path) -> Iterator[TunedServer]:
    """A server of this test's own on SQLite (a copy of the seeded demo), started; the test
    may kill and start it again, it is stopped at the end whatever happens."""
    server = TunedServer(tmp_path / "server")
    server.data_dir.mkdir()
    server.copy_database_from(seeded)
    server.start()
    try:
        yield server
    finally:
        server.stop()
