"""A ``rate_limited`` answer on the client: sent again by itself after the server's retry
time (same payload, same request_id), or shown with a clear message when the wait does not
fit the command's time. A scripted Socket.IO server refuses the first sends."""

from __future__ import annotations

import itertools
import time
from typing import Any

from meeting_app.net.server_messages import translate_server_message
from tests.client.conftest import Answers, FakeServer

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
