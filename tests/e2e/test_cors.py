"""A web page on another origin, named with ``serve --cors-origin``, may log in, fetch a
document and open Socket.IO; a page from any other origin gets no such permission."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

from tests.e2e.helpers import TIMEOUT
from tests.support.server_process import DEMO_PASSWORD, ServerProcess

pytestmark = pytest.mark.e2e

PORTAL = "https://portal.example.gov.vn"
STRANGER = "https://evil.example.com"


@pytest.fixture(scope="module")
def cors_server(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path_factory.mktemp("cors"),
                           serve_args=("--cors-origin", PORTAL + "/", "--cors-origin", "http://localhost:3000"))
    server.copy_database_from(seeded_sqlite)
    with server.running():
        yield server


def call(server: ServerProcess, method: str, path: str, headers: dict[str, str],
         body: dict[str, str] | None = None) -> tuple[int, Message]:
    request = urllib.request.Request(server.url + path, method=method, headers=headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return int(answer.status), answer.headers
    except urllib.error.HTTPError as error:
        return int(error.code), error.headers


def test_a_named_origin_passes_the_preflight_and_reads_the_answers(cors_server: ServerProcess) -> None:
    status, headers = call(cors_server, "OPTIONS", "/api/login", {
        "Origin": PORTAL, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == PORTAL
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in headers["Access-Control-Allow-Headers"]
    assert "Authorization" in headers["Access-Control-Allow-Headers"]

    status, headers = call(cors_server, "POST", "/api/login",
                           {"Origin": PORTAL, "Content-Type": "application/json"},
                           {"username": "delegate1", "password": DEMO_PASSWORD})
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == PORTAL
    assert "Origin" in headers.get_all("Vary", [])
    assert "Access-Control-Allow-Credentials" not in headers  # tokens, never cookies

    # A refusal is readable too, so the page can show why.
    status, headers = call(cors_server, "POST", "/api/login",
                           {"Origin": PORTAL, "Content-Type": "application/json"},
                           {"username": "delegate1", "password": "sai"})
    assert status == 401
    assert headers["Access-Control-Allow-Origin"] == PORTAL


def test_another_origin_gets_no_permission(cors_server: ServerProcess) -> None:
    status, headers = call(cors_server, "OPTIONS", "/api/login", {
        "Origin": STRANGER, "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in headers
    status, headers = call(cors_server, "GET", "/api/health", {"Origin": STRANGER})
    assert status == 200
    assert "Access-Control-Allow-Origin" not in headers


def test_socket_io_admits_the_named_origins_only(cors_server: ServerProcess) -> None:
    handshake = "/socket.io/?EIO=4&transport=polling"
    status, headers = call(cors_server, "GET", handshake, {"Origin": "http://localhost:3000"})
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
    status, _headers = call(cors_server, "GET", handshake, {"Origin": STRANGER})
    assert status == 400
    # Programs that are not browsers send no Origin and are not affected.
    status, _headers = call(cors_server, "GET", handshake, {})
    assert status == 200


def test_without_the_option_no_origin_is_allowed(server: ServerProcess) -> None:
    status, headers = call(server, "GET", "/api/health", {"Origin": PORTAL})
    assert status == 200
    assert "Access-Control-Allow-Origin" not in headers


def test_a_malformed_origin_stops_the_server_with_a_clear_message(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "server.cli", "serve", "--data-dir", str(tmp_path),
                           "--cors-origin", "portal.example.gov.vn/path"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "--cors-origin" in done.stderr and "not an origin" in done.stderr
