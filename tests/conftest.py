"""Fixtures shared by every test package."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server_process import ServerProcess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # A desktop's screen (1920x1080), not the plugin's 800x600: windows open at their own
    # size only where the screen has room for it (ui/screen_fit.py), as on a real desktop.
    # Tests of small screens start a process with a screen of their own (window_probe).
    _screen = Path(tempfile.mkdtemp(prefix="offscreen-")) / "screen.json"
    _screen.write_text('{"screens": [{"name": "tests", "x": 0, "y": 0, "width": 1920, '
                       '"height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}',
                       encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
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


CLIENT_TESTS = Path(__file__).resolve().parent / "client"


@pytest.fixture(autouse=True)
def server_keeps_its_contract(request: pytest.FixtureRequest,
                              monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every answer and event a server in this process sends (tests/server's World, any
    in-process socket server) is checked against its model; the test fails on a mismatch.
    Only where the server is loaded, and never in client tests or tests marked
    ``stand_in_events``: their scripted stand-in servers send what a test needs (an undeclared
    event, a gap), and the server may be loaded there only because a whole-suite run collected
    the server's tests. ``MEETING_CONTRACT_CHECK=0`` turns
    it off."""
    stand_in = CLIENT_TESTS in request.node.path.parents or request.node.get_closest_marker("stand_in_events")
    if stand_in or "server.transport.pipeline" not in sys.modules \
            or os.environ.get("MEETING_CONTRACT_CHECK") == "0":
        yield
        return
    from tests.support import contract_check

    problems: list[str] = []
    contract_check.install(problems.append, monkeypatch.setattr)
    yield
    if problems:
        pytest.fail("the server sent data that does not match its protocol model:\n"
                    + "\n".join(sorted(set(problems))[:20]), pytrace=False)
