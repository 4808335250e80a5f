"""Fixtures shared by every test package."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server_process import ServerProcess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

POSTGRES_URL = os.environ.get("MEETING_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("MEETING_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A real server process on SQLite with the demo meeting (6 delegates), per test."""
    server = ServerProcess(tmp_path / "server")
    server.data_dir.mkdir()
    server.seed_demo()
    server.start()
    try:
        yield server
    finally:
        server.stop()
