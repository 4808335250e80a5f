"""Fault-suite fixtures: a demo database seeded once, and servers on copies of it."""

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


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory, seeded: Path) -> Iterator[TunedServer]:
    """One server on SQLite (a copy of the seeded demo) for the tests of a module."""
    server = TunedServer(tmp_path_factory.mktemp("fault-server"))
    server.copy_database_from(seeded)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def server(shared_server: TunedServer) -> TunedServer:
    """The module's server, running (a test before may have killed it and failed before
    starting it again); a test may kill and start it as it likes."""
    if shared_server.process is None:
        shared_server.start()
    return shared_server
