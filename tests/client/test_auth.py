"""Login and logout over HTTP, against the real server and against impostors."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from meeting_app.net.auth import LoginError, LoginErrorKind, login, logout, normalize_server_url
from tests.support.server_process import DEMO_PASSWORD, ServerProcess, free_port

Routes = dict[tuple[str, str], tuple[int, bytes]]


@pytest.fixture
def http_server() -> Iterator[Any]:
    """``http_server(routes)`` serves {(method, path): (status, body)} on a free port;
    returns its URL. Anything else is a 404 page."""
    servers: list[ThreadingHTTPServer] = []

    def serve(routes: Routes) -> str:
        class Handler(BaseHTTPRequestHandler):
            def answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                status, body = routes.get((self.command, self.path), (404, b"<h1>Not found</h1>"))
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = answer

            def log_message(self, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def raw_tcp_server() -> Iterator[Any]:
    """``raw_tcp_server(greeting)``: accepts connections, sends ``greeting`` (if any) and
    then says nothing more; returns its URL."""
    sockets: list[socket.socket] = []

    def serve(greeting: bytes | None) -> str:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        sockets.append(listener)

        def accept() -> None:
            while True:
                try:
                    peer, _ = listener.accept()
                except OSError:
                    return
                sockets.append(peer)
                if greeting:
                    peer.sendall(greeting)
                    peer.close()

        threading.Thread(target=accept, daemon=True).start()
        return f"http://127.0.0.1:{listener.getsockname()[1]}"

    yield serve
    for s in sockets:
        s.close()


def health(protocol: Any) -> tuple[int, bytes]:
    return 200, json.dumps({"status": "ok", "version": "9", "protocol": protocol}).encode()


# --- the real server -------------------------------------------------------------------


def test_login_returns_token_and_user(demo_server: ServerProcess) -> None:
    result = login(demo_server.url, "chair", DEMO_PASSWORD)
    assert result.token and isinstance(result.token, str)
    assert result.expires_at.endswith("Z")
    assert result.server_url == demo_server.url
    assert result.user["username"] == "chair"
    assert result.user["full_name"]
    assert isinstance(result.user["id"], int)
    assert isinstance(result.user["is_admin"], bool) and isinstance(result.user["is_organizer"], bool)
    delegate = login(demo_server.url, "delegate1", DEMO_PASSWORD).user
    assert delegate["is_admin"] is False and delegate["is_organizer"] is False
    assert login(demo_server.url, "admin", DEMO_PASSWORD).user["is_admin"] is True


def test_login_accepts_an_address_without_scheme(demo_server: ServerProcess) -> None:
    result = login(f"127.0.0.1:{demo_server.port}/", "delegate1", DEMO_PASSWORD)
    assert result.server_url == demo_server.url


def test_wrong_password_is_credentials(demo_server: ServerProcess) -> None:
    with pytest.raises(LoginError) as caught:
        login(demo_server.url, "delegate1", "not the password")
    assert caught.value.kind == LoginErrorKind.CREDENTIALS == "credentials"
    assert caught.value.message == "Wrong username or password."
    with pytest.raises(LoginError) as caught:
        login(demo_server.url, "  ", "x")
    assert caught.value.kind == "credentials"


def test_too_many_failures_is_rate_limited(demo_server: ServerProcess) -> None:
    for _ in range(5):
        with pytest.raises(LoginError) as caught:
            login(demo_server.url, "delegate2", "wrong")
        assert caught.value.kind == "credentials"
    with pytest.raises(LoginError) as caught:
        login(demo_server.url, "delegate2", DEMO_PASSWORD)
    assert caught.value.kind == "rate_limited"
    assert caught.value.message == "Too many failed logins; try again in 5 minutes"  # says how long


def test_logout_revokes_the_token_and_never_raises(demo_server: ServerProcess) -> None:
    token = login(demo_server.url, "delegate1", DEMO_PASSWORD).token
    assert logout(demo_server.url, token) is True
    assert logout(demo_server.url, token) is False  # already revoked: refused, no exception
    assert logout(f"http://127.0.0.1:{free_port()}", token) is False
    assert logout("not a url at all://", token) is False


# --- no server, or not ours ------------------------------------------------------------


def test_nothing_listening_is_unreachable() -> None:
    port = free_port()
    with pytest.raises(LoginError) as caught:
        login(f"http://127.0.0.1:{port}", "chair", DEMO_PASSWORD, timeout=3)
    assert caught.value.kind == "unreachable"
    assert f"127.0.0.1:{port}" in caught.value.message


def test_unknown_host_is_unreachable() -> None:
    with pytest.raises(LoginError) as caught:
        login("http://no-such-host.invalid:8765", "chair", DEMO_PASSWORD, timeout=3)
    assert caught.value.kind == "unreachable"


def test_silent_server_is_unreachable_after_the_timeout(raw_tcp_server: Any) -> None:
    url = raw_tcp_server(None)
    with pytest.raises(LoginError) as caught:
        login(url, "chair", DEMO_PASSWORD, timeout=0.5)
    assert caught.value.kind == "unreachable"
    assert "did not answer within 0.5 seconds" in caught.value.message


def test_a_bad_address_is_reported() -> None:
    with pytest.raises(LoginError) as caught:
        login("ftp://example.org", "chair", DEMO_PASSWORD)
    assert caught.value.kind == "unreachable"
    assert "http://host:port" in caught.value.message


def test_another_web_server_is_incompatible(http_server: Any) -> None:
    url = http_server({("GET", "/"): (200, b"<html>router admin</html>")})
    with pytest.raises(LoginError) as caught:
        login(url, "chair", DEMO_PASSWORD)
    assert caught.value.kind == "incompatible"
    assert "not a meeting server" in caught.value.message
    url = http_server({("GET", "/api/health"): (200, b"<html>captive portal</html>")})
    with pytest.raises(LoginError) as caught:
        login(url, "chair", DEMO_PASSWORD)
    assert caught.value.kind == "incompatible"


def test_another_protocol_is_incompatible(http_server: Any) -> None:
    url = http_server({("GET", "/api/health"): health(2)})
    with pytest.raises(LoginError) as caught:
        login(url, "chair", DEMO_PASSWORD)
    assert caught.value.kind == "incompatible"
    assert "protocol version 2" in caught.value.message


def test_a_service_that_does_not_speak_http_is_incompatible(raw_tcp_server: Any) -> None:
    url = raw_tcp_server(b"SSH-2.0-OpenSSH_9.6\r\n")
    with pytest.raises(LoginError) as caught:
        login(url, "chair", DEMO_PASSWORD, timeout=3)
    assert caught.value.kind == "incompatible"


def test_server_faults_are_server_errors(http_server: Any) -> None:
    error = json.dumps({"error": {"code": "internal", "message": "disk full"}}).encode()
    url = http_server({("GET", "/api/health"): health(1), ("POST", "/api/login"): (500, error)})
    with pytest.raises(LoginError) as caught:
        login(url, "chair", DEMO_PASSWORD)
    assert caught.value.kind == "server"
    assert "HTTP 500" in caught.value.message and "disk full" in caught.value.message

    url = http_server({("GET", "/api/health"): health(1), ("POST", "/api/login"): (200, b"{}")})
    with pytest.raises(LoginError) as caught:
        login(url, "chair", DEMO_PASSWORD)
    assert caught.value.kind == "server"

    url = http_server({("GET", "/api/health"): (503, b"busy")})
    with pytest.raises(LoginError) as caught:
        login(url, "chair", DEMO_PASSWORD)
    assert caught.value.kind == "server"


def test_normalize_server_url() -> None:
    assert normalize_server_url("10.0.0.5:8765") == "http://10.0.0.5:8765"
    assert normalize_server_url(" https://meet.example.org/ ") == "https://meet.example.org"
    for bad in ("", "ftp://x", "http://"):
        with pytest.raises(ValueError):
            normalize_server_url(bad)
