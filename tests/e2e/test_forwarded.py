"""The login rate limit behind a reverse proxy: counted per real client when the proxy is
trusted (``--trusted-proxy``), never by a header an untrusted client made up."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.documents import TunedServer
from tests.e2e.helpers import TIMEOUT
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def behind_nginx(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[ServerProcess]:
    server = TunedServer(tmp_path_factory.mktemp("proxied"), serve_options=["--trusted-proxy", "127.0.0.1"])
    server.copy_database_from(seeded_sqlite)
    with server.running():
        yield server


def attempt(server: ServerProcess, username: str, password: str, forwarded_for: str) -> int:
    request = urllib.request.Request(
        server.url + "/api/login", method="POST",
        data=json.dumps({"username": username, "password": password}).encode(),
        headers={"Content-Type": "application/json", "X-Forwarded-For": forwarded_for})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_a_trusted_proxy_s_clients_are_counted_apart(behind_nginx: ServerProcess) -> None:
    for _ in range(5):
        assert attempt(behind_nginx, "delegate6", "đoán", "203.0.113.7") == 401
    assert attempt(behind_nginx, "delegate6", "demo", "203.0.113.7") == 429
    # The same user from another machine behind the same proxy is not held back.
    assert attempt(behind_nginx, "delegate6", "demo", "203.0.113.8") == 200


def test_without_trust_a_made_up_header_changes_nothing(server: ServerProcess) -> None:
    for n in range(5):
        assert attempt(server, "delegate5", "đoán", f"203.0.113.{n}") == 401
    assert attempt(server, "delegate5", "demo", "203.0.113.99") == 429
