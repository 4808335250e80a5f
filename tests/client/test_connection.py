"""The live connection: the pure sequencing rules, then a scripted Socket.IO server for
gaps, then the real server for joining, commands, restarts and revoked tokens."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from typing import Any

import pytest
import socketio

from meeting_app.net import Connection, ConnectionStatus, logout
from meeting_app.net.backoff import Backoff
from meeting_app.net.envelopes import checked_answer, prepare_payload
from meeting_app.net.sequencer import Sequencer
from tests.client.conftest import Answers, FakeServer, Recorder
from tests.support.server_process import ServerProcess, free_port

OpenConnection = Callable[[str, str], tuple[Connection, Recorder]]
WAIT = 15_000  # ms: generous deadlines for qtbot.waitUntil


def ev(seq: int, meeting_id: int = 1, kind: str = "test.event") -> dict[str, Any]:
    return {"meeting_id": meeting_id, "seq": seq, "type": kind, "data": {}, "at": "2026-01-01T00:00:00Z"}


def seqs(events: list[dict[str, Any]]) -> list[int]:
    return [e["seq"] for e in events]


# --- the sequencer, alone --------------------------------------------------------------


def test_events_before_the_snapshot_wait_for_it() -> None:
    s = Sequencer()
    s.join(1)
    assert s.awaiting_snapshot and s.last_seq is None
    assert s.on_event(ev(5)) == [] and s.on_event(ev(6)) == [] and s.on_event(ev(4)) == []
    assert seqs(s.on_snapshot(5)) == [6]  # 4 and 5 are in the snapshot already
    assert s.last_seq == 6 and not s.needs_catch_up and s.buffered == 0


def test_repeats_are_dropped_and_the_next_one_passes() -> None:
    s = Sequencer()
    s.join(1)
    s.on_snapshot(10)
    assert s.on_event(ev(9)) == [] and s.on_event(ev(10)) == []
    assert seqs(s.on_event(ev(11))) == [11]
    assert s.on_event(ev(11)) == []
    assert s.last_seq == 11


def test_a_gap_is_buffered_until_a_catch_up_with_events_fills_it() -> None:
    s = Sequencer()
    s.join(1)
    s.on_snapshot(3)
    assert s.on_event(ev(5)) == [] and s.on_event(ev(7)) == []
    assert s.needs_catch_up and s.last_seq == 3
    ready = s.on_events(6, [ev(4), ev(5), ev(6)])  # the answer to since_seq=3
    assert seqs(ready) == [4, 5, 6, 7]
    assert not s.needs_catch_up and s.buffered == 0


def test_a_late_event_closes_a_gap_by_itself() -> None:
    s = Sequencer()
    s.join(1)
    s.on_snapshot(0)
    assert s.on_event(ev(2)) == [] and s.needs_catch_up
    assert seqs(s.on_event(ev(1))) == [1, 2]
    assert not s.needs_catch_up


def test_a_catch_up_answered_with_a_snapshot_continues_from_it() -> None:
    s = Sequencer()
    s.join(1)
    s.on_snapshot(3)
    s.on_event(ev(9))
    s.on_event(ev(11))
    assert s.needs_catch_up
    ready = s.on_snapshot(9)  # too far behind: the server sent a snapshot at 9
    assert ready == [] and s.last_seq == 9 and s.needs_catch_up  # 10 is still missing
    assert seqs(s.on_events(11, [ev(10), ev(11)])) == [10, 11]
    assert not s.needs_catch_up


def test_a_cut_short_catch_up_asks_for_more() -> None:
    s = Sequencer()
    s.join(1)
    s.on_snapshot(0)
    s.on_event(ev(5))
    assert seqs(s.on_events(8, [ev(1), ev(2)])) == [1, 2]
    assert s.needs_catch_up  # the server has up to 8
    assert seqs(s.on_events(8, [ev(3), ev(4), ev(5), ev(6), ev(7), ev(8)])) == [3, 4, 5, 6, 7, 8]
    assert not s.needs_catch_up


def test_other_meetings_malformed_events_and_leaving() -> None:
    s = Sequencer()
    assert s.on_event(ev(1)) == []  # nothing joined
    s.join(1)
    s.on_snapshot(0)
    assert s.on_event(ev(1, meeting_id=2)) == []
    assert s.on_event({"meeting_id": 1, "seq": "2"}) == [] and s.on_event({"meeting_id": 1}) == []
    assert seqs(s.on_event(ev(1))) == [1]
    s.leave()
    assert s.meeting_id is None and s.last_seq is None and s.on_event(ev(2)) == []


def test_backoff_doubles_to_a_cap_with_jitter() -> None:
    steady = Backoff(rand=lambda: 0.5)  # 0.5 means no jitter
    assert [steady.next() for _ in range(6)] == [0.5, 1, 2, 2, 2, 2]
    steady.reset()
    assert steady.next() == 0.5
    low, high = Backoff(rand=lambda: 0.0), Backoff(rand=lambda: 1.0)
    assert low.next() == pytest.approx(0.375) and high.next() == pytest.approx(0.625)


def test_request_ids_go_on_mutating_commands_only() -> None:
    payload = {"meeting_id": 1, "item_id": 2}
    prepared = prepare_payload("agenda.set_current", payload)
    assert len(prepared["request_id"]) == 36 and "request_id" not in payload
    kept = prepare_payload("agenda.set_current", {"request_id": "keep-this-id"})
    assert kept["request_id"] == "keep-this-id"
    for name in ("meeting.join", "meeting.list", "user.list", "annotation.list"):
        assert "request_id" not in prepare_payload(name, {"meeting_id": 1})
    assert checked_answer({"ok": True})["error"]["code"] == "internal"
    assert checked_answer(None)["error"]["code"] == "internal"


# --- a scripted server -----------------------------------------------------------------

SNAPSHOT = {"meeting": {"id": 1}, "you": {"user_id": 1, "role": "delegate"}}


def test_early_events_gaps_and_repeats_with_a_scripted_server(
        fake_server: FakeServer, open_connection: OpenConnection, qtbot: Any) -> None:
    fake_server.events_before_answer = [ev(4), ev(5)]  # sent before the join's answer
    fake_server.join_answers = [{"seq": 4, "snapshot": SNAPSHOT}]
    conn, rec = open_connection(fake_server.url, "good")
    conn.join_meeting(1)
    qtbot.waitUntil(lambda: rec.seqs() == [5], timeout=WAIT)
    assert [(m, q) for m, q, _ in rec.snapshots] == [(1, 4)]
    assert fake_server.joins == [{"meeting_id": 1}]

    # 7 is missing: the connection asks for what follows 6 and fills the gap.
    fake_server.join_answers.append({"seq": 8, "events": [ev(6), ev(7), ev(8)]})
    fake_server.emit(ev(6), ev(8))
    qtbot.waitUntil(lambda: rec.seqs() == [5, 6, 7, 8], timeout=WAIT)
    assert fake_server.joins[-1] == {"meeting_id": 1, "since_seq": 6}

    # Too far behind: the catch-up answers a snapshot, and events continue from it.
    fake_server.join_answers.append({"seq": 12, "snapshot": SNAPSHOT})
    fake_server.emit(ev(8), ev(9), ev(11))
    qtbot.waitUntil(lambda: len(rec.snapshots) == 2, timeout=WAIT)
    assert rec.snapshots[1][1] == 12 and fake_server.joins[-1] == {"meeting_id": 1, "since_seq": 9}
    fake_server.emit(ev(12), ev(13, meeting_id=2), ev(13))
    qtbot.waitUntil(lambda: rec.seqs()[-1] == 13, timeout=WAIT)
    assert rec.seqs() == [5, 6, 7, 8, 9, 13]
    assert conn.last_seq == 13 and conn.meeting_id == 1
    assert rec.threads == {"MainThread"}


def test_a_refused_token_never_connects(fake_server: FakeServer, open_connection: OpenConnection,
                                        qtbot: Any) -> None:
    conn, rec = open_connection(fake_server.url, "bad")
    qtbot.waitUntil(lambda: bool(rec.expired), timeout=WAIT)
    assert rec.expired == ["Unknown token; log in again"]
    assert rec.statuses == ["connecting", "offline"]
    assert not conn.active and conn.status == ConnectionStatus.OFFLINE


def test_a_server_that_cannot_check_the_token_now_is_tried_again(
        fake_server: FakeServer, open_connection: OpenConnection, qtbot: Any) -> None:
    """A refusal with ``code: internal`` (the server's database restarting) says nothing
    about the token: the client tries again rather than sign its user out."""
    fake_server.unavailable = 2
    conn, rec = open_connection(fake_server.url, "good")
    qtbot.waitUntil(lambda: conn.status == "connected", timeout=WAIT)
    assert fake_server.unavailable == 0 and rec.expired == []


def test_a_token_that_expires_while_connected_ends_the_connection(
        fake_server: FakeServer, open_connection: OpenConnection, qtbot: Any) -> None:
    expired = {"ok": False, "error": {"code": "unauthenticated",
                                      "message": "This session has expired; log in again"}}
    fake_server.command_answers["meeting.list"] = expired
    conn, rec = open_connection(fake_server.url, "good")
    qtbot.waitUntil(lambda: conn.status == "connected", timeout=WAIT)
    answers = Answers()
    conn.command("meeting.list", {}, answers.callback("list"))
    qtbot.waitUntil(lambda: bool(rec.expired) and "list" in answers.got, timeout=WAIT)
    assert answers.got["list"] == expired
    assert rec.expired == ["This session has expired; log in again"]
    assert rec.statuses == ["connecting", "connected", "offline"] and not conn.active
    conn.command("meeting.list", {}, answers.callback("after"))
    qtbot.waitUntil(lambda: "after" in answers.got, timeout=WAIT)
    assert answers.got["after"]["error"]["code"] == "offline"


# --- the real server -------------------------------------------------------------------


def token_of(server: ServerProcess, username: str) -> str:
    return str(server.login(username)["token"])


def joined(open_connection: OpenConnection, server: ServerProcess, username: str,
           qtbot: Any) -> tuple[Connection, Recorder]:
    """A connection of ``username`` that joined meeting 1 and holds its snapshot."""
    conn, rec = open_connection(server.url, token_of(server, username))
    conn.join_meeting(1)
    qtbot.waitUntil(lambda: bool(rec.snapshots), timeout=WAIT)
    assert rec.statuses[-1] == "connected"
    return conn, rec


def test_join_answers_a_snapshot_and_commands_answer_on_the_gui_thread(
        demo_server: ServerProcess, open_connection: OpenConnection, qtbot: Any) -> None:
    conn, rec = joined(open_connection, demo_server, "delegate1", qtbot)
    meeting_id, seq, snapshot = rec.snapshots[0]
    assert meeting_id == 1 and snapshot["meeting"]["id"] == 1
    assert snapshot["you"]["role"] == "delegate"
    assert conn.last_seq == seq and conn.meeting_id == 1 and conn.status == "connected"
    assert rec.statuses == ["connecting", "connected"]

    answers = Answers()
    conn.command("meeting.list", {}, answers.callback("list"))
    item = snapshot["agenda"][0]["id"]
    conn.command("agenda.set_current", {"meeting_id": 1, "item_id": item}, answers.callback("forbidden"))
    qtbot.waitUntil(lambda: len(answers.got) == 2, timeout=WAIT)
    assert answers.got["list"]["ok"] and 1 in [m["id"] for m in answers.got["list"]["data"]["meetings"]]
    assert answers.got["forbidden"]["ok"] is False
    assert answers.got["forbidden"]["error"]["code"] == "forbidden"

    conn.join_meeting(99999)  # no such meeting: reported, and the old one is left behind
    qtbot.waitUntil(lambda: bool(rec.failures), timeout=WAIT)
    assert rec.failures[0][0] == "meeting.join" and rec.failures[0][1]["ok"] is False
    assert rec.threads == answers.threads == {"MainThread"}


def test_a_chair_command_reaches_a_delegate_with_the_next_seq(
        demo_server: ServerProcess, open_connection: OpenConnection, qtbot: Any) -> None:
    delegate, d_rec = joined(open_connection, demo_server, "delegate1", qtbot)
    chair, c_rec = joined(open_connection, demo_server, "chair", qtbot)
    answers = Answers()
    chair.command("meeting.start", {"meeting_id": 1}, answers.callback("start"))
    qtbot.waitUntil(lambda: "start" in answers.got, timeout=WAIT)
    assert answers.got["start"] == {"ok": True, "data": {}}
    item = c_rec.snapshots[0][2]["agenda"][1]["id"]
    chair.command("agenda.set_current", {"meeting_id": 1, "item_id": item}, answers.callback("set"))

    def the_change() -> list[dict[str, Any]]:  # (meeting.start made the first item current)
        return [e for e in d_rec.events
                if e["type"] == "agenda.current_changed" and e["data"]["item_id"] == item]

    # The server broadcasts before it answers: wait for both.
    qtbot.waitUntil(lambda: "set" in answers.got and bool(the_change()), timeout=WAIT)
    assert answers.got["set"]["ok"] is True
    [changed] = the_change()
    snapshot_seq = d_rec.snapshots[0][1]
    assert d_rec.seqs() == list(range(snapshot_seq + 1, changed["seq"] + 1))
    qtbot.waitUntil(lambda: changed["seq"] in c_rec.seqs(), timeout=WAIT)
    assert next(e for e in c_rec.events if e["seq"] == changed["seq"]) == changed
    assert delegate.last_seq == changed["seq"]


def test_a_command_without_an_answer_times_out(
        demo_server: ServerProcess, open_connection: OpenConnection, qtbot: Any) -> None:
    conn, _rec = joined(open_connection, demo_server, "delegate1", qtbot)
    answers = Answers()
    assert demo_server.process is not None
    demo_server.process.send_signal(signal.SIGSTOP)  # the socket stays open, nobody answers
    try:
        conn.command("meeting.list", {}, answers.callback("list"), timeout=0.5)
        qtbot.waitUntil(lambda: "list" in answers.got, timeout=WAIT)
    finally:
        demo_server.process.send_signal(signal.SIGCONT)
    assert answers.got["list"]["ok"] is False
    assert answers.got["list"]["error"]["code"] == "timeout"
    assert "0.5 seconds" in answers.got["list"]["error"]["message"]


def test_commands_without_a_connection_answer_offline(qtbot: Any) -> None:
    conn, answers = Connection(f"http://127.0.0.1:{free_port()}", "token"), Answers()
    conn.command("meeting.list", {}, answers.callback("before start"))
    assert answers.got == {}  # never called from inside command()
    conn.command("meeting.join", {"meeting_id": 1}, answers.callback("join"))
    conn.start()
    qtbot.waitUntil(lambda: conn.status == "offline", timeout=WAIT)  # nothing listens there
    assert conn.active  # still trying in the background
    conn.command("meeting.list", {}, answers.callback("not connected"))
    conn.stop()
    conn.stop()
    conn.command("meeting.list", {}, answers.callback("after stop"))
    qtbot.waitUntil(lambda: len(answers.got) == 4, timeout=WAIT)
    for key in ("before start", "not connected", "after stop"):
        assert answers.got[key]["error"]["code"] == "offline", key
    assert answers.got["join"]["error"]["code"] == "invalid"
    assert not conn.active
    with pytest.raises(RuntimeError):
        conn.start()


def test_offline_until_the_server_comes_up(
        demo_server: ServerProcess, open_connection: OpenConnection, qtbot: Any) -> None:
    token = token_of(demo_server, "delegate1")
    demo_server.stop()
    conn, rec = open_connection(demo_server.url, token)
    conn.join_meeting(1)  # remembered until the socket is up
    qtbot.waitUntil(lambda: rec.statuses == ["connecting", "offline"], timeout=WAIT)
    demo_server.start()
    qtbot.waitUntil(lambda: bool(rec.snapshots), timeout=WAIT)
    assert rec.statuses == ["connecting", "offline", "connected"]


async def chair_acts_alone(url: str, token: str, item_id: int, since_seq: int) -> list[dict[str, Any]]:
    """With a bare python-socketio client: start the meeting, change the current item,
    and return the meeting's log after ``since_seq``."""
    client = socketio.AsyncClient(reconnection=False)
    await client.connect(url, auth={"token": token, "protocol": 1}, transports=["websocket"])
    try:
        assert (await client.call("meeting.start", {"meeting_id": 1}, timeout=10))["ok"]
        changed = await client.call("agenda.set_current", {"meeting_id": 1, "item_id": item_id},
                                    timeout=10)
        assert changed["ok"], changed
        log = await client.call("meeting.join", {"meeting_id": 1, "since_seq": since_seq}, timeout=10)
    finally:
        await client.disconnect()
    return list(log["data"]["events"])


def test_after_a_server_restart_missed_events_arrive_once_in_order(
        demo_server: ServerProcess, open_connection: OpenConnection, qtbot: Any) -> None:
    conn, rec = joined(open_connection, demo_server, "delegate1", qtbot)
    _mid, snapshot_seq, snapshot = rec.snapshots[0]
    chair_token = token_of(demo_server, "chair")
    demo_server.restart()  # blocks this thread: the connection notices on its own
    item = snapshot["agenda"][1]["id"]
    # Right away, most likely before the delegate is back (it waits out its backoff).
    logged = asyncio.run(chair_acts_alone(demo_server.url, chair_token, item, snapshot_seq))
    newest = logged[-1]["seq"]
    qtbot.waitUntil(lambda: conn.status == "connected" and rec.seqs()[-1:] >= [newest], timeout=WAIT)
    got = rec.seqs()
    assert got == list(range(snapshot_seq + 1, snapshot_seq + 1 + len(got)))  # no gap, no repeat
    assert [(e["seq"], e["type"]) for e in rec.events[:len(logged)]] == \
        [(e["seq"], e["type"]) for e in logged]
    assert "agenda.current_changed" in [e["type"] for e in rec.events]
    assert len(rec.snapshots) == 1  # caught up with since_seq, not with a new snapshot
    assert rec.statuses[:2] == ["connecting", "connected"]
    assert rec.statuses[2:] == ["reconnecting", "connected"]
    assert conn.last_seq == got[-1]


def test_a_revoked_token_ends_the_connection(
        demo_server: ServerProcess, open_connection: OpenConnection, qtbot: Any) -> None:
    token = token_of(demo_server, "delegate1")
    conn, rec = open_connection(demo_server.url, token)
    conn.join_meeting(1)
    qtbot.waitUntil(lambda: bool(rec.snapshots), timeout=WAIT)
    assert logout(demo_server.url, token) is True
    qtbot.waitUntil(lambda: bool(rec.expired), timeout=WAIT)
    assert "logged out" in rec.expired[0]
    assert rec.statuses[-1] == "offline" and not conn.active
    statuses = list(rec.statuses)
    qtbot.wait(1500)  # an observation window (longer than two backoff steps), not a sync
    assert rec.statuses == statuses and len(rec.expired) == 1
    answers = Answers()
    conn.command("meeting.list", {}, answers.callback("list"))
    qtbot.waitUntil(lambda: "list" in answers.got, timeout=WAIT)
    assert answers.got["list"]["error"]["code"] == "offline"


def test_the_network_layer_imports_only_what_it_may() -> None:
    """net -> protocol, third-party libraries and QtCore; never the server, the store, the
    UI or a database."""
    import ast
    import sys
    from pathlib import Path

    import meeting_app.net

    # meeting_app.vault: the offline cache's encryption (no Qt, no network, no store).
    allowed = {"protocol", "meeting_app.net", "meeting_app.vault", "PySide6.QtCore", "socketio",
               "aiohttp"}
    for path in Path(meeting_app.net.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__" or any(
                    name == a or name.startswith(a + ".") for a in allowed), f"{path.name}: {name}"
