"""Logging in and out, and who may open a socket at all."""

from __future__ import annotations

import asyncio
import secrets
from datetime import timedelta

import pytest

from server import __version__
from server.domain.accounts import token_digest
from server.persistence.db import Database, sqlite_url
from server.persistence.models import Token, User, utcnow
from tests.e2e.helpers import Client, connect_refusal, http, login, refused_connection
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e


def test_health(server: ServerProcess) -> None:
    status, body = http(server, "GET", "/api/health")
    assert status == 200
    assert body == {"status": "ok", "version": __version__, "protocol": 1}


def test_login_answers_a_token_and_the_user(server: ServerProcess) -> None:
    body = login(server, "delegate1")
    assert isinstance(body["token"], str) and len(body["token"]) >= 32
    assert body["expires_at"].endswith("Z")
    assert {"id", "username", "full_name"} <= set(body["user"])
    assert body["user"]["username"] == "delegate1"
    assert body["user"]["full_name"] == "Lê Quang Đức"


@pytest.mark.parametrize(("username", "password"), [("delegate2", "wrong"), ("nobody-at-all", "demo")])
def test_wrong_credentials_are_401(server: ServerProcess, username: str, password: str) -> None:
    status, body = http(server, "POST", "/api/login", {"username": username, "password": password})
    assert status == 401
    assert body["error"]["code"] == "unauthenticated"
    assert body["error"]["message"]


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b'{"username": "chair"}',
                                 b'{"username": "chair", "password": "demo", "otp": 1}'])
def test_malformed_login_is_400(server: ServerProcess, raw: bytes) -> None:
    status, body = http(server, "POST", "/api/login", raw=raw)
    assert status == 400
    assert body["error"]["code"] == "invalid"


def test_repeated_failures_are_429_even_with_the_right_password(server: ServerProcess) -> None:
    for _ in range(5):
        status, _body = http(server, "POST", "/api/login", {"username": "delegate6", "password": "guess"})
        assert status == 401
    status, body = http(server, "POST", "/api/login", {"username": "delegate6", "password": "demo"})
    assert status == 429
    assert body["error"]["code"] == "rate_limited"
    # Someone else is not held back by it.
    assert login(server, "delegate5")["user"]["username"] == "delegate5"


def expired_token(server: ServerProcess, username: str) -> str:
    """A token that expired a minute ago, written straight into the server's database."""
    token = secrets.token_urlsafe(32)
    db = Database(sqlite_url(server.data_dir))
    try:
        with db.write() as session:
            user = session.query(User).filter_by(username=username).one()
            session.add(Token(user_id=user.id, token_hash=token_digest(token),
                              expires_at=utcnow() - timedelta(minutes=1)))
    finally:
        db.dispose()
    return token


def test_connections_without_a_valid_token_are_refused_with_a_reason(server: ServerProcess) -> None:
    good = login(server, "observer1")["token"]
    unsupported = ("This server speaks protocol version 1; update the app to connect", "unauthenticated",
                   "protocol")
    required = ("A login token is required", "unauthenticated", "token_required")
    cases = [
        (None, required),
        ({}, required),
        ({"protocol": 1}, required),
        ({"token": 12345, "protocol": 1}, required),
        ({"token": secrets.token_urlsafe(32), "protocol": 1},
         ("Unknown token; log in again", "unauthenticated", "session")),
        ({"token": expired_token(server, "observer1"), "protocol": 1},
         ("This session has expired; log in again", "unauthenticated", "session")),
        ({"token": good, "protocol": 2}, unsupported),
        ({"token": good, "protocol": "1"}, unsupported),
        ({"token": good, "protocol": True}, unsupported),
        ({"token": good, "protocol": None}, unsupported),
        ({"token": good}, unsupported),
    ]

    async def scenario() -> None:
        for auth, (message, code, reason) in cases:
            # Always one shape, a sentence for people and a code and reason for programs.
            assert await connect_refusal(server, auth) == {
                "message": message, "data": {"code": code, "reason": reason}}, auth
        # The same token with the right protocol is welcome.
        client = await Client(server, good, "observer1").connect()
        assert (await client.ok("meeting.list", {}))["meetings"][0]["role"] == "observer"
        await client.close()

    asyncio.run(scenario())


def test_logout_revokes_the_token_and_closes_its_sockets(server: ServerProcess) -> None:
    first, second = login(server, "delegate3")["token"], login(server, "delegate3")["token"]

    async def scenario() -> None:
        tablet = await Client(server, first, "tablet").connect()
        laptop = await Client(server, first, "laptop").connect()
        other = await Client(server, second, "other login").connect()
        try:
            await tablet.ok("meeting.join", {"meeting_id": 1})
            status, body = await asyncio.to_thread(http, server, "POST", "/api/logout", None, first)
            assert (status, body) == (204, None)
            await tablet.disconnected()
            await laptop.disconnected()
            # Another login of the same user lives on.
            assert other.sio.connected
            await other.ok("meeting.list", {})
            assert "logged out" in await refused_connection(server, {"token": first, "protocol": 1})
        finally:
            for client in (tablet, laptop, other):
                await client.close()

    asyncio.run(scenario())
    status, body = http(server, "POST", "/api/logout", token=first)
    assert status == 401 and body["error"]["code"] == "unauthenticated"
    status, body = http(server, "POST", "/api/logout")
    assert status == 401 and body["error"]["code"] == "unauthenticated"
