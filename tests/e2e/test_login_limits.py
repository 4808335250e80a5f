"""Failed logins on a real server process behind a trusted proxy (so that each test plays
its own client addresses): simultaneous guesses are counted exactly, a user behind an
address that failed often still logs in (slowed, not locked), and every 429 carries
``Retry-After``."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.documents import TunedServer
from tests.e2e.helpers import TIMEOUT
from tests.support.server_process import DEMO_PASSWORD, ServerProcess

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[ServerProcess]:
    server = TunedServer(tmp_path_factory.mktemp("logins"), serve_options=[
        "--trusted-proxy", "127.0.0.1", "--limit", "login_slow_wait=2"])
    server.copy_database_from(seeded_sqlite)
    with server.running():
        yield server


def attempt(server: ServerProcess, username: str, password: str, address: str) -> tuple[int, Any]:
    """One login from ``address``: its status, and for a 429 the Retry-After and body."""
    request = urllib.request.Request(
        server.url + "/api/login", method="POST",
        data=json.dumps({"username": username, "password": password}).encode(),
        headers={"Content-Type": "application/json", "X-Forwarded-For": address})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT * 3) as answer:
            return int(answer.status), None
    except urllib.error.HTTPError as error:
        body = json.loads(error.read())
        if error.code == 429:
            assert body["error"]["code"] == "rate_limited"
            assert int(error.headers["Retry-After"]) >= 1, "every 429 says when to come back"
            assert body["error"]["retry_after"] > 0
        return int(error.code), body


def at_once(server: ServerProcess, tries: list[tuple[str, str, str]]) -> list[tuple[int, Any]]:
    with ThreadPoolExecutor(len(tries)) as pool:
        return list(pool.map(lambda t: attempt(server, *t), tries))


def test_simultaneous_wrong_guesses_are_counted_exactly(proxied: ServerProcess) -> None:
    address = "198.51.100.4"
    answers = at_once(proxied, [("delegate4", f"đoán {n}", address) for n in range(12)])
    # Five guesses (the limit) were evaluated; the seven others were refused unevaluated.
    assert Counter(status for status, _ in answers) == {401: 5, 429: 7}
    waits = [body["error"]["retry_after"] for status, body in answers if status == 429]
    assert all(240 < wait <= 300 for wait in waits), waits  # until the first failure is 5 minutes old
    assert attempt(proxied, "delegate4", DEMO_PASSWORD, address)[0] == 429, "the pair stays locked"
    assert attempt(proxied, "delegate4", DEMO_PASSWORD, "198.51.100.5")[0] == 200, "elsewhere: not"


def test_a_colleague_behind_a_guessing_address_still_logs_in(proxied: ServerProcess) -> None:
    nat = "203.0.113.30"  # a whole meeting room behind one address
    for name in (f"khach{n}" for n in range(6)):  # 30 failures: the address's threshold
        assert [attempt(proxied, name, "sai", nat)[0] for _ in range(5)] == [401] * 5
    assert attempt(proxied, "delegate5", DEMO_PASSWORD, nat)[0] == 200
    # Guessing on from it is slowed to one attempt a second: a burst is mostly turned away.
    answers = at_once(proxied, [(f"khach-moi{n}", "sai", nat) for n in range(8)])
    statuses = Counter(status for status, _ in answers)
    assert statuses[429] >= 4 and statuses[401] <= 4, statuses
    assert {body["error"]["message"] for status, body in answers if status == 429} == {
        "Too many failed logins from this address; try again in a moment"}
    # Someone else's right password from that address still gets through, once its turn comes
    # (at worst after the wait the server names).
    status, body = attempt(proxied, "delegate6", DEMO_PASSWORD, nat)
    if status == 429:
        time.sleep(body["error"]["retry_after"])  # the server's own retry time
        status, body = attempt(proxied, "delegate6", DEMO_PASSWORD, nat)
    assert status == 200, body
