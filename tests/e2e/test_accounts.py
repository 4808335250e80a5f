"""Accounts against a real server: deactivation, password changes and resets, the idle timeout.

Sessions that end are told why (``session.ended``) and their sockets closed at once: well
before the periodic sweep (every 30 s with the default idle timeout) could have done it.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.documents import TunedServer
from tests.e2e.helpers import Client, http, login, refused_connection
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

AT_ONCE = 3.0
"""Seconds within which a revoked session's sockets must close (the sweep would take 30)."""
PASSWORD = "Mật khẩu 2026"


class Watched(Client):
    """A client that keeps the reasons of ``session.ended``."""

    def __init__(self, server: ServerProcess, token: str | None, name: str = "") -> None:
        super().__init__(server, token, name)
        self.ended: list[str] = []
        self.sio.on("session.ended", self._on_ended)

    async def _on_ended(self, data: dict[str, Any]) -> None:
        self.ended.append(str(data.get("reason")))
        await self._notify()

    async def closed_because(self, words: str, timeout: float = AT_ONCE) -> None:
        """The server said why (containing ``words``) and closed the socket, within ``timeout``."""
        await self.wait_for(lambda: self.ended and not self.sio.connected, "session.ended, then close",
                            timeout=timeout)
        assert words in self.ended[-1], self.ended


def new_user(server: ServerProcess, admin_token: str, **roles: bool) -> tuple[int, str]:
    """A fresh user made by the admin over a socket; its id and username."""
    username = f"u{uuid.uuid4().hex[:10]}"

    async def create() -> dict[str, Any]:
        admin = await Client(server, admin_token, "admin").connect()
        try:
            return await admin.ok("user.create", {"username": username, "full_name": "Đỗ Thị Hoa",
                                                  "password": PASSWORD, **roles})
        finally:
            await admin.close()

    return int(asyncio.run(create())["user"]["id"]), username


def test_deactivation_closes_every_socket_at_once_and_refuses_logins(server: ServerProcess) -> None:
    admin_token = login(server, "admin")["token"]
    user_id, username = new_user(server, admin_token)
    first, second = login(server, username, PASSWORD)["token"], login(server, username, PASSWORD)["token"]

    async def scenario() -> None:
        admin = await Client(server, admin_token, "admin").connect()
        tablet = await Watched(server, first, "tablet").connect()
        laptop = await Watched(server, second, "laptop").connect()
        try:
            await tablet.ok("meeting.list", {})
            await admin.ok("user.set_active", {"user_id": user_id, "active": False})
            await tablet.closed_because("deactivated")
            await laptop.closed_because("deactivated")
            for token in (first, second):
                assert "deactivated" in await refused_connection(server, {"token": token, "protocol": 1})
            listed = await admin.ok("user.list", {"query": username, "include_inactive": True})
            assert listed["users"][0]["active"] is False
            assert admin.sio.connected  # the admin's own session is untouched
            await admin.ok("user.set_active", {"user_id": user_id, "active": True})
        finally:
            for client in (admin, tablet, laptop):
                await client.close()

    asyncio.run(scenario())
    status, body = http(server, "POST", "/api/login", {"username": username, "password": PASSWORD})
    assert status == 200 and body["user"]["username"] == username
    status, body = http(server, "GET", "/api/documents/1/content", token=first)
    assert status == 401 and body["error"]["code"] == "unauthenticated"


def test_a_deactivated_user_cannot_log_in(server: ServerProcess) -> None:
    admin_token = login(server, "admin")["token"]
    user_id, username = new_user(server, admin_token)

    async def deactivate() -> None:
        admin = await Client(server, admin_token, "admin").connect()
        try:
            await admin.ok("user.set_active", {"user_id": user_id, "active": False})
        finally:
            await admin.close()

    asyncio.run(deactivate())
    status, body = http(server, "POST", "/api/login", {"username": username, "password": PASSWORD})
    assert status == 401 and body["error"]["code"] == "unauthenticated"


def test_a_password_change_ends_the_other_sessions_only(server: ServerProcess) -> None:
    admin_token = login(server, "admin")["token"]
    _user_id, username = new_user(server, admin_token)
    mine, other = login(server, username, PASSWORD)["token"], login(server, username, PASSWORD)["token"]

    def change(current: str, new: str, token: str = mine) -> tuple[int, Any]:
        body = {"current_password": current, "new_password": new}
        return http(server, "POST", "/api/password", body, token)

    async def scenario() -> None:
        here = await Watched(server, mine, "here").connect()
        elsewhere = await Watched(server, other, "elsewhere").connect()
        try:
            status, body = await asyncio.to_thread(change, "not it", "Mới hoàn toàn 1")
            assert (status, body["error"]["code"]) == (403, "forbidden")
            status, body = await asyncio.to_thread(change, PASSWORD, "ngắn")
            assert (status, body["error"]["code"]) == (400, "invalid") and "8" in body["error"]["message"]
            status, body = await asyncio.to_thread(change, PASSWORD, "Mới hoàn toàn 1")
            assert (status, body) == (204, None)
            await elsewhere.closed_because("password was changed")
            assert here.sio.connected and not here.ended
            await here.ok("meeting.list", {})
        finally:
            await here.close()
            await elsewhere.close()

    asyncio.run(scenario())
    assert http(server, "POST", "/api/login", {"username": username, "password": PASSWORD})[0] == 401
    assert login(server, username, "Mới hoàn toàn 1")["user"]["username"] == username
    # Guessing the current password through a token meets the login rate limit.
    answers = [change("guess", "Mới hoàn toàn 2")[0] for _ in range(6)]
    assert answers[0] == 403 and answers[-1] == 429 and set(answers) == {403, 429}, answers


def test_a_reset_password_ends_every_session_and_asks_for_a_new_one(server: ServerProcess) -> None:
    admin_token = login(server, "admin")["token"]
    user_id, username = new_user(server, admin_token)
    token = login(server, username, PASSWORD)["token"]

    async def scenario() -> None:
        admin = await Client(server, admin_token, "admin").connect()
        victim = await Watched(server, token, username).connect()
        try:
            await admin.ok("user.reset_password", {"user_id": user_id, "new_password": "Tạm thời 2026"})
            await victim.closed_because("reset by an administrator")
        finally:
            await admin.close()
            await victim.close()

    asyncio.run(scenario())
    answer = login(server, username, "Tạm thời 2026")
    assert answer["user"]["must_change_password"] is True
    status, _ = http(server, "POST", "/api/password", {"current_password": "Tạm thời 2026",
                                                       "new_password": "Của riêng tôi 1"}, answer["token"])
    assert status == 204
    assert login(server, username, "Của riêng tôi 1")["user"]["must_change_password"] is False


@pytest.fixture(scope="module")
def idle_server(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[ServerProcess]:
    """A server whose logins end after 6 s without use (``--idle-timeout 0.1`` minutes)."""
    process = TunedServer(tmp_path_factory.mktemp("idle"), serve_options=["--idle-timeout", "0.1"])
    process.copy_database_from(seeded_sqlite)
    with process.running():
        yield process


def test_an_idle_session_ends_and_a_used_one_does_not(idle_server: ServerProcess) -> None:
    idle_token = login(idle_server, "delegate1")["token"]
    busy_token = login(idle_server, "delegate2")["token"]

    async def scenario() -> None:
        idle = await Watched(idle_server, idle_token, "idle").connect()
        busy = await Watched(idle_server, busy_token, "busy").connect()
        try:
            began = time.monotonic()
            while not idle.ended:  # the busy client sends a command every second meanwhile
                assert time.monotonic() - began < 15, "the idle socket was never closed"
                await busy.ok("meeting.list", {})
                await asyncio.sleep(1)  # pacing the busy client's use, not waiting for the server
            await idle.closed_because("idle for more than", timeout=5)
            assert time.monotonic() - began >= 5  # not before the timeout (6 s, from login)
            assert busy.sio.connected and not busy.ended
        finally:
            await idle.close()
            await busy.close()

    asyncio.run(scenario())
    status, body = http(idle_server, "POST", "/api/logout", token=idle_token)
    assert status == 401 and "idle" in body["error"]["message"]
    status, _ = http(idle_server, "POST", "/api/logout", token=busy_token)
    assert status == 204


def test_a_role_change_reconnects_the_user_with_their_new_rights(server: ServerProcess) -> None:
    admin_token = login(server, "admin")["token"]
    user_id, username = new_user(server, admin_token, is_organizer=True)
    token = login(server, username, PASSWORD)["token"]
    meeting = {"title": "Họp giao ban", "starts_at": "2026-12-01T01:00:00Z", "sites": ["Hà Nội"]}

    async def scenario() -> None:
        admin = await Client(server, admin_token, "admin").connect()
        organizer = await Watched(server, token, username).connect()
        try:
            await organizer.ok("meeting.create", meeting)
            await admin.ok("user.update", {"user_id": user_id, "is_organizer": False})
            await organizer.disconnected()  # closed quietly: its rights were read at connect
            assert not organizer.ended
            again = await Watched(server, token, username).connect()  # the same login goes on
            try:
                await again.refused("meeting.create", meeting, "forbidden")
            finally:
                await again.close()
        finally:
            await admin.close()
            await organizer.close()

    asyncio.run(scenario())
