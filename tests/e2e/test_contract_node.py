"""The contract suite in Node (tests/contract/): the real ``socket.io-client`` from the npm
registry, written from docs/protocol.md alone, against a real server process.

Together its files take every command of ``protocol.commands.COMMANDS`` through its happy
path: ``lib.mjs`` notes each command answered ok in a file this test names, and a declared
command the suite never ran fails here (so a new command cannot be forgotten).

Its packages are installed by ``scripts/test`` (``npm ci`` in tests/contract), never
downloaded here. Without Node.js the suite is skipped with the reason; with Node.js but
without the packages it fails, naming the command that installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from protocol.commands import COMMANDS
from tests.support.server_process import DEMO_PASSWORD, ServerProcess

pytestmark = pytest.mark.e2e

CONTRACT = Path(__file__).resolve().parent.parent / "contract"
PAGE_ORIGIN = "http://localhost:5173"


@pytest.fixture(scope="module")
def contract_server(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path_factory.mktemp("contract"), serve_args=("--cors-origin", PAGE_ORIGIN))
    server.copy_database_from(seeded_sqlite)
    with server.running():
        yield server


def test_the_node_contract_suite_passes(contract_server: ServerProcess, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed: the contract suite in tests/contract needs it")
    if not (CONTRACT / "node_modules" / "socket.io-client").is_dir():
        pytest.fail("tests/contract has no node_modules: run `npm ci --prefix tests/contract` "
                    "(scripts/test does it)")
    suites = sorted(str(path) for path in CONTRACT.glob("*.test.mjs"))
    answered = tmp_path / "answered.txt"
    environment = {**os.environ, "MEETING_SERVER_URL": contract_server.url,
                   "MEETING_DEMO_PASSWORD": DEMO_PASSWORD, "MEETING_CORS_ORIGIN": PAGE_ORIGIN,
                   "MEETING_CONTRACT_ANSWERED": str(answered)}
    done = subprocess.run([node, "--test", "--test-concurrency=1", "--test-reporter=spec", *suites],
                          cwd=CONTRACT, env=environment, capture_output=True, text=True, timeout=600)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-12000:] + "\n--- server log ---\n" + contract_server.log()[-4000:]
    assert "# fail 0" in report or "ℹ fail 0" in report, report[-4000:]
    ran = set(answered.read_text(encoding="utf-8").split()) if answered.exists() else set()
    never = sorted(set(COMMANDS) - ran)
    assert not never, ("the contract suite never takes these declared commands through their "
                       f"happy path: {never}")
