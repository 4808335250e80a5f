"""Signing in keeps the cache key wrapped on disk; a deactivated account's login wipes
the cache; the outbox of unsent annotations is sealed too."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from meeting_app.net.auth import LoginError, LoginErrorKind
from meeting_app.state.offline import sign_in, unlock_offline
from meeting_app.state.outbox import Outbox
from meeting_app.vault import VaultError, user_cache_dir
from tests.support.http_stub import serving
from tests.support.server_process import free_port

KEY = bytes(range(32))


class LoginStub:
    """``/api/health`` and ``/api/login`` answering what the test sets."""

    def __init__(self) -> None:
        self.port = free_port()
        self.status, self.body = 200, {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def health(self, _request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "version": "t", "protocol": 1})

    async def login(self, _request: web.Request) -> web.Response:
        return web.json_response(self.body, status=self.status)


@pytest.fixture
def stub() -> Iterator[LoginStub]:
    made = LoginStub()
    app = web.Application()
    app.router.add_get("/api/health", made.health)
    app.router.add_post("/api/login", made.login)
    with serving(app, made.port):
        yield made


def answer(**extra: Any) -> dict[str, Any]:
    return {"token": "t" * 40, "expires_at": "2026-11-22T08:00:00Z",
            "user": {"id": 3, "username": "delegate1", "full_name": "Lê Quang Đức"}, **extra}


def test_a_login_wraps_the_key_with_the_password(stub: LoginStub, tmp_path: Path) -> None:
    stub.body = answer(cache_key=base64.b64encode(KEY).decode(), offline_grace_hours=8,
                       allow_restricted_export=False)
    result = sign_in(stub.url, "delegate1", "mật khẩu", tmp_path)
    assert result.cache_key == KEY and result.offline_grace_hours == 8
    mine = user_cache_dir(tmp_path, stub.url, "delegate1")
    stored = (mine / "key.json").read_bytes()
    assert KEY not in stored and base64.b64encode(KEY) not in stored
    assert unlock_offline(tmp_path, stub.url, "delegate1", "mật khẩu") == KEY
    with pytest.raises(VaultError):
        unlock_offline(tmp_path, stub.url, "delegate1", "demo")


@pytest.mark.parametrize("bad", ["not base64!", base64.b64encode(b"short").decode(), 42])
def test_a_malformed_cache_key_is_a_server_error(stub: LoginStub, tmp_path: Path, bad: Any) -> None:
    stub.body = answer(cache_key=bad)
    with pytest.raises(LoginError) as refused:
        sign_in(stub.url, "delegate1", "demo", tmp_path)
    assert refused.value.kind == LoginErrorKind.SERVER


def test_a_deactivated_login_wipes_only_that_users_cache(stub: LoginStub, tmp_path: Path) -> None:
    mine = user_cache_dir(tmp_path, stub.url, "delegate1")
    theirs = user_cache_dir(tmp_path, stub.url, "delegate2")
    for directory in (mine, theirs):
        directory.mkdir(parents=True)
        (directory / f"{'a' * 64}.sealed").write_bytes(b"x")
    stub.status, stub.body = 401, {"error": {"code": "unauthenticated",
                                             "message": "This account is deactivated",
                                             "reason": "deactivated"}}
    with pytest.raises(LoginError) as refused:
        sign_in(stub.url, "delegate1", "demo", tmp_path)
    assert refused.value.kind == LoginErrorKind.DEACTIVATED
    assert not mine.exists() and theirs.exists()
    # A plain wrong password wipes nothing.
    stub.body = {"error": {"code": "unauthenticated", "message": "Wrong username or password"}}
    with pytest.raises(LoginError) as wrong:
        sign_in(stub.url, "delegate2", "demo", tmp_path)
    assert wrong.value.kind == LoginErrorKind.CREDENTIALS
    assert theirs.exists()


def test_the_outbox_is_sealed_and_survives_a_restart(qapp: Any, tmp_path: Path) -> None:
    path = tmp_path / "outbox.json"
    outbox = Outbox(None, path, key=KEY)
    outbox.put("annotation:1", "annotation.save",
               {"document_id": 1, "annotation": {"id": "a1", "data": {"text": "Ý kiến mật"}}})
    raw = path.read_bytes()
    assert "Ý kiến mật".encode() not in raw and b"annotation.save" not in raw
    with pytest.raises(ValueError):
        json.loads(raw)
    again = Outbox(None, path, key=KEY)
    assert [e["key"] for e in again.pending()] == ["annotation:1"]
    assert Outbox(None, path, key=bytes(32)).pending() == []  # another key reads nothing
