"""Fixtures shared by every test package."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server_process import ServerProcess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never write into the user's real document cache.
if "MEETING_CACHE_DIR" not in os.environ:
    os.environ["MEETING_CACHE_DIR"] = tempfile.mkdtemp(prefix="meeting-test-cache-")
    atexit.register(shutil.rmtree, os.environ["MEETING_CACHE_DIR"], ignore_errors=True)

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
