"""The server's part of the offline cache: the cache key and rules in the login answer,
the "deactivated" reason a client can act on, and rotating the key."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
import socketio

from server.domain import accounts
from server.persistence.db import Database, sqlite_url
from server.persistence.models import User
from tests.e2e.helpers import Client, http, login
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e


def set_active(server: ServerProcess, username: str, active: bool) -> None:
    """Deactivate (or reactivate) a user straight in the server's database."""
    db = Database(sqlite_url(server.data_dir))
    try:
        with db.write() as session:
            session.query(User).filter_by(username=username).one().active = active
    finally:
        db.dispose()


def key_of(body: dict[str, object]) -> bytes:
    key = base64.b64decode(str(body["cache_key"]), validate=True)
    assert len(key) == 32
    return key


def test_the_login_answer_releases_the_users_cache_key_and_rules(server: ServerProcess) -> None:
    first, again = login(server, "delegate1"), login(server, "delegate1")
    assert key_of(first) == key_of(again)  # the same key: yesterday's cache still opens
    assert key_of(login(server, "delegate2")) != key_of(first)
    assert first["offline_grace_hours"] == 8
    assert first["allow_restricted_export"] is False


def test_rotating_the_key_makes_old_caches_unreadable(server: ServerProcess) -> None:
    before = key_of(login(server, "delegate3"))
    db = Database(sqlite_url(server.data_dir))
    try:
        with db.write() as session:
            user = session.query(User).filter_by(username="delegate3").one()
            accounts.rotate_cache_key(session, user.id)
    finally:
        db.dispose()
    assert key_of(login(server, "delegate3")) != before


def test_a_deactivated_account_is_refused_with_a_reason_a_client_can_act_on(
        server: ServerProcess) -> None:
    token = login(server, "delegate4")["token"]

    set_active(server, "delegate4", False)

    async def scenario() -> None:
        # (Closing the sockets already up is the deactivation's own work, not tested here.)
        refused = Client(server, token, "delegate4 again")
        with pytest.raises(socketio.exceptions.ConnectionError):
            await refused.connect()
        assert refused.connect_error["message"] == "This account is deactivated"
        assert refused.connect_error["data"]["reason"] == "deactivated"

    asyncio.run(scenario())
    status, body = http(server, "POST", "/api/login", {"username": "delegate4", "password": "demo"})
    assert status == 401 and body["error"]["reason"] == "deactivated"
    # Without the right password nobody learns that the account exists, active or not.
    status, body = http(server, "POST", "/api/login", {"username": "delegate4", "password": "guess"})
    assert status == 401 and "reason" not in body["error"]
    assert body["error"]["message"] == "Wrong username or password"
    # Other refusals carry no reason.
    status, body = http(server, "POST", "/api/login", {"username": "delegate5", "password": "guess"})
    assert status == 401 and "reason" not in body["error"]
    set_active(server, "delegate4", True)
    assert login(server, "delegate4")["user"]["username"] == "delegate4"


@pytest.fixture(scope="module")
def lenient_server(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path_factory.mktemp("lenient"),
                            serve_args=("--offline-hours", "2.5", "--allow-restricted-export"))
    process.copy_database_from(seeded_sqlite)
    with process.running():
        yield process


def test_serve_options_set_the_offline_period_and_restricted_export(lenient_server: ServerProcess) -> None:
    body = login(lenient_server, "observer1")
    assert body["offline_grace_hours"] == 2.5
    assert body["allow_restricted_export"] is True
