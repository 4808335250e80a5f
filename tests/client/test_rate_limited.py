"""A ``rate_limited`` answer on the client: sent again by itself after the server's retry
time (same payload, same request_id), or shown with a clear message when the wait does not
fit the command's time. A scripted Socket.IO server refuses the first sends; a scripted
HTTP server answers an export 429 with ``Retry-After``."""

from __future__ import annotations

import itertools
import json
import time
from typing import Any

import pytest
import socketio
from aiohttp import web

from meeting_app.net.exports import ExportError, fetch_attendance_csv
from meeting_app.net.server_messages import translate_server_message
from tests.client.conftest import Answers, FakeServer
from tests.support.http_stub import serving
from tests.support.server_process import free_port

WAIT = 15_000


def limited(seconds: float) -> dict[str, Any]:
    return {"ok": False, "error": {"code": "rate_limited", "retry_after": seconds,
                                   "message": f"Too many commands too fast; try again in {seconds:g} s"}}


def test_a_rate_limited_command_is_sent_again_after_the_retry_time(
        fake_server: FakeServer, open_connection: Any, qtbot: Any) -> None:
    refusals = [limited(0.3), limited(0.3)]
    sent_at: list[float] = []

    def answer(payload: dict[str, Any]) -> dict[str, Any]:
        sent_at.append(time.monotonic())
        return refusals.pop(0) if refusals else {"ok": True, "data": {"conclusion": payload["text"]}}

    fake_server.command_answers["conclusion.set"] = answer
    conn, _rec = open_connection(fake_server.url, "good")
    qtbot.waitUntil(lambda: conn.status == "connected", timeout=WAIT)
    answers = Answers()
    conn.command("conclusion.set", {"meeting_id": 1, "agenda_item_id": 2, "text": "Thống nhất"},
                 answers.callback("set"))
    qtbot.waitUntil(lambda: "set" in answers.got, timeout=WAIT)
    assert answers.got["set"] == {"ok": True, "data": {"conclusion": "Thống nhất"}}
    sends = fake_server.sent("conclusion.set")
    assert len(sends) == 3 and len({s["request_id"] for s in sends}) == 1, "the same request, resent"
    gaps = [later - earlier for earlier, later in itertools.pairwise(sent_at)]
    assert all(gap >= 0.3 for gap in gaps), gaps


def test_a_wait_longer_than_the_command_s_time_is_answered_with_the_message(
        fake_server: FakeServer, open_connection: Any, qtbot: Any) -> None:
    fake_server.command_answers["search"] = limited(25.0)
    conn, _rec = open_connection(fake_server.url, "good")
    qtbot.waitUntil(lambda: conn.status == "connected", timeout=WAIT)
    answers = Answers()
    conn.command("search", {"query": "ngân sách"}, answers.callback("search"), timeout=3.0)
    qtbot.waitUntil(lambda: "search" in answers.got, timeout=WAIT)
    error = answers.got["search"]["error"]
    assert (error["code"], error["retry_after"]) == ("rate_limited", 25.0)
    assert len(fake_server.sent("search")) == 1, "not resent: the wait does not fit"
    shown = translate_server_message(error["message"], error["code"])
    assert shown == "Too many commands too fast; try again in 25 s"


def export_server(answers: list[tuple[int, dict[str, str], bytes]], seen: list[float]) -> web.Application:
    """``GET /api/meetings/1/attendance.csv`` answered from ``answers`` in turn."""
    async def csv(_request: web.Request) -> web.Response:
        seen.append(time.monotonic())
        status, headers, body = answers.pop(0)
        return web.Response(status=status, headers=headers, body=body)

    app = web.Application()
    app.router.add_get("/api/meetings/1/attendance.csv", csv)
    return app


def too_fast(seconds: int) -> tuple[int, dict[str, str], bytes]:
    body = json.dumps({"error": {"code": "rate_limited", "retry_after": seconds,
                                 "message": f"Too many exports too fast; try again in {seconds} s"}})
    return 429, {"Retry-After": str(seconds), "Content-Type": "application/json"}, body.encode()


def test_an_export_answered_429_is_fetched_again_after_retry_after() -> None:
    seen: list[float] = []
    port = free_port()
    with serving(export_server([too_fast(1), (200, {}, b"\xef\xbb\xbfsite,present\n")], seen), port):
        body = fetch_attendance_csv(f"http://127.0.0.1:{port}", "token", 1)
    assert body == b"\xef\xbb\xbfsite,present\n"
    assert len(seen) == 2 and seen[1] - seen[0] >= 1.0


def test_an_export_told_to_wait_long_says_so() -> None:
    port = free_port()
    with serving(export_server([too_fast(120)], []), port), pytest.raises(ExportError) as refused:
        fetch_attendance_csv(f"http://127.0.0.1:{port}", "token", 1)
    assert str(refused.value) == "Too many exports too fast; try again in 120 s"


def test_a_connection_refused_for_too_many_sockets_is_tried_again_not_ended(
        open_connection: Any, qtbot: Any) -> None:
    attempts: list[float] = []
    sio = socketio.AsyncServer(async_mode="aiohttp")
    app = web.Application()
    sio.attach(app)

    @sio.event
    async def connect(sid: str, environ: Any, auth: Any) -> None:
        attempts.append(time.monotonic())
        if len(attempts) <= 2:  # another window still holds the login's last place
            raise socketio.exceptions.ConnectionRefusedError(
                "This login already has 20 connections open, the limit; close some windows or log in again",
                {"code": "rate_limited", "reason": None, "retry_after": 0.3})

    port = free_port()
    with serving(app, port):
        conn, recorder = open_connection(f"http://127.0.0.1:{port}", "good")
        qtbot.waitUntil(lambda: conn.status == "connected", timeout=WAIT)
    assert recorder.expired == [], "the login was not ended"
    assert len(attempts) == 3 and attempts[1] - attempts[0] >= 0.3
