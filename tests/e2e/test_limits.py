"""Fair limits on a real server process started with small limits (``serve --limit``): a
flooding socket is answered ``rate_limited`` with a retry time while another user's commands
are answered, correctly; a login holds a capped number of sockets; uploads and exports
have a budget, and every 429 says when to come back (``Retry-After``). Timings are in
``bench/flood.py``; here only what is answered."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import socketio

from tests.e2e.documents import TunedServer, multipart
from tests.e2e.helpers import TIMEOUT, Client, login
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

LIMITS = {"search_rate": 1, "search_burst": 5, "socket_rate": 20, "socket_burst": 40,
          "sockets_per_token": 3, "export_rate": 0.2, "export_burst": 2, "upload_rate": 0.01,
          "upload_burst": 1}


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[ServerProcess]:
    options = [arg for name, value in LIMITS.items() for arg in ("--limit", f"{name}={value}")]
    server = TunedServer(tmp_path_factory.mktemp("limited"), serve_options=options)
    server.copy_database_from(seeded_sqlite)
    with server.running():
        yield server


def call(server: ServerProcess, method: str, path: str, token: str, data: bytes | None = None,
         content_type: str = "application/json") -> tuple[int, dict[str, str], Any]:
    """One HTTP call: status, headers, JSON body (or None)."""
    request = urllib.request.Request(server.url + path, method=method, data=data, headers={
        "Authorization": f"Bearer {token}", "Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return answer.status, dict(answer.headers), None
    except urllib.error.HTTPError as error:
        text = error.read()
        return error.code, dict(error.headers), json.loads(text) if text else None


def assert_says_when(status: int, headers: dict[str, str], body: Any) -> float:
    """A 429 with ``Retry-After`` (whole seconds) and the exact wait in the body."""
    assert status == 429, (status, body)
    assert body["error"]["code"] == "rate_limited" and body["error"]["message"]
    wait = float(body["error"]["retry_after"])
    assert int(headers["Retry-After"]) >= max(1.0, wait) > 0
    return wait


def test_a_flooding_socket_is_refused_and_another_user_is_still_answered(limited: ServerProcess) -> None:
    async def scenario() -> None:
        flooder = await Client(limited, str(login(limited, "delegate1")["token"]), "flooder").connect()
        other = await Client(limited, str(login(limited, "delegate2")["token"]), "other").connect()
        try:
            meetings = await other.ok("meeting.list", {})
            assert meetings["meetings"], "the demo meeting is listed"

            async def others_commands() -> list[dict[str, Any]]:
                return [await other.ok("meeting.list", {}) for _ in range(15)]

            flood, listed = await asyncio.gather(
                asyncio.gather(*(flooder.call("search", {"query": "ngân sách"}) for _ in range(30))),
                others_commands())
            # The other user was answered, every time, with what they may see.
            assert listed == [meetings] * 15
            assert (await other.ok("search", {"query": "ngân sách"}))["results"] is not None
            # The flood: a few served (the burst), the rest refused with a time to wait.
            served = [a for a in flood if a["ok"]]
            refused = [a["error"] for a in flood if not a["ok"]]
            assert 1 <= len(served) <= 5 + 3, len(served)
            assert len(served) + len(refused) == 30
            assert {e["code"] for e in refused} == {"rate_limited"}
            assert all(0 < e["retry_after"] <= 1.0 and "searches" in e["message"] for e in refused)

            # Any command: past the socket's budget, refused with its own message.
            burst = await asyncio.gather(*(flooder.call("meeting.list", {}) for _ in range(80)))
            limited_ = [a["error"] for a in burst if not a["ok"]]
            assert limited_ and all(e["code"] == "rate_limited" and "commands" in e["message"]
                                    for e in limited_)
            assert all(a["data"] == meetings for a in burst if a["ok"])
            # After the time the server named, the same socket is served again.
            await asyncio.sleep(max(e["retry_after"] for e in limited_))  # the server's own wait
            assert await flooder.ok("meeting.list", {}) == meetings
        finally:
            await flooder.close()
            await other.close()

    asyncio.run(scenario())


def test_one_login_holds_a_capped_number_of_sockets(limited: ServerProcess) -> None:
    token = str(login(limited, "delegate3")["token"])

    async def scenario() -> None:
        held = [await Client(limited, token, f"window{n}").connect() for n in range(3)]
        extra = Client(limited, token, "one too many")
        try:
            with pytest.raises(socketio.exceptions.ConnectionError):
                await extra.connect()
            refusal = extra.connect_error
            assert refusal["data"]["code"] == "rate_limited", refusal
            assert "3 connections" in refusal["message"] and refusal["data"]["retry_after"] > 0
            # Another login of the same user is not held back; closing a window frees a place.
            other = await Client(limited, str(login(limited, "delegate3")["token"]), "laptop").connect()
            await other.close()
            await held.pop().close()
            deadline = asyncio.get_running_loop().time() + TIMEOUT
            while True:  # the server hears of the close a moment later
                again = Client(limited, token, "again")
                try:
                    held.append(await again.connect())
                    break
                except socketio.exceptions.ConnectionError:
                    assert asyncio.get_running_loop().time() < deadline, "the closed socket was never freed"
                    await asyncio.sleep(0.05)
        finally:
            for client in held:
                await client.close()

    asyncio.run(scenario())


def test_exports_and_uploads_have_a_budget_and_every_429_says_when(limited: ServerProcess) -> None:
    token = str(login(limited, "chair")["token"])
    answers = [call(limited, "GET", "/api/meetings/1/attendance.csv", token) for _ in range(3)]
    assert [a[0] for a in answers[:2]] == [200, 200]
    wait = assert_says_when(*answers[2])
    assert "exports" in answers[2][2]["error"]["message"] and wait > 1

    body, content_type = multipart({"title": "Tờ trình"}, "to-trinh.pdf", b"not a pdf")
    first = call(limited, "POST", "/api/meetings/1/documents", token, body, content_type)
    assert first[0] == 415, first  # within the budget: checked, and refused for what it is
    second = call(limited, "POST", "/api/meetings/1/documents", token, body, content_type)
    assert_says_when(*second)
    assert "uploads" in second[2]["error"]["message"]
    # The budget is the login's: another login of the chair uploads.
    fresh = str(login(limited, "chair")["token"])
    assert call(limited, "POST", "/api/meetings/1/documents", fresh, body, content_type)[0] == 415
