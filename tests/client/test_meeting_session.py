"""The meeting's session: one per open meeting (shared by its windows, closed by the last),
typed commands (the wire name and answer from the payload's declaration, refusals reported
as before), and one outbox for every unsent change (held drafts, refused drafts kept,
ballots never written to disk, what an older version left behind taken over)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal

from meeting_app.state.drafts import Draft
from meeting_app.state.outbox import Outbox
from meeting_app.state.session import MeetingSession, MeetingSessions
from protocol import commands as c

WAIT = 5_000


class StandIn(QObject):
    """A connection that records commands and answers them when told (``answer``)."""

    status_changed = Signal(str)
    snapshot_received = Signal(int, int, object)
    event_received = Signal(object)
    server_time_observed = Signal(str, float)

    def __init__(self, status: str = "connected") -> None:
        super().__init__()
        self.status = status
        self.sent: list[tuple[str, dict[str, Any]]] = []
        self.waiting: list[Any] = []
        self.started = self.stopped = False
        self.joined: list[int] = []

    def command(self, name: str, payload: dict[str, Any], callback: Any = None,
                timeout: float = 10.0) -> None:
        self.sent.append((name, payload))
        self.waiting.append(callback)

    def answer(self, envelope: dict[str, Any]) -> None:
        callback = self.waiting.pop(0)
        if callback is not None:
            callback(envelope)

    def set_status(self, status: str) -> None:
        self.status = status
        self.status_changed.emit(status)

    def join_meeting(self, meeting_id: int) -> None:
        self.joined.append(meeting_id)

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.stopped = True


OK = {"ok": True, "data": {}}


def test_one_session_per_meeting_shared_by_its_windows_and_closed_by_the_last(qapp: Any) -> None:
    made: list[StandIn] = []

    def factory(meeting_id: int | None) -> MeetingSession:
        made.append(StandIn())
        return MeetingSession(meeting_id, made[-1])

    sessions = MeetingSessions(factory)
    room, dialog = object(), object()
    first = sessions.open(1).hold(room)
    assert sessions.open(1).hold(dialog) is first and len(made) == 1
    first.enter()
    first.enter()  # the second window: nothing more
    assert made[0].joined == [1] and made[0].started
    first.release(room)
    assert not made[0].stopped  # the dialog still uses it
    first.release(dialog)
    assert made[0].stopped and sessions.get(1) is None
    assert sessions.open(1) is not first  # opened again later: a new one

    new = sessions.open(None)  # a meeting still to be created
    new.join(7)
    assert sessions.get(7) is new and made[-1].joined == [7]


def test_the_session_feeds_its_store_and_clock_from_its_one_connection(qapp: Any) -> None:
    from protocol.reducer import empty_snapshot

    connection = StandIn()
    meeting = MeetingSession(3, connection)
    connection.snapshot_received.emit(4, 1, empty_snapshot(4, 5, "chair"))  # another meeting's
    assert not meeting.store.loaded
    connection.snapshot_received.emit(3, 1, empty_snapshot(3, 5, "chair"))
    assert meeting.store.loaded and meeting.clock is meeting.store.clock
    connection.server_time_observed.emit("2027-03-01T08:00:00+00:00", 0.0)
    assert meeting.clock.now().year == 2027


def test_a_payload_is_sent_by_its_declared_name_and_its_answer_parsed(qapp: Any) -> None:
    connection = StandIn()
    meeting = MeetingSession(1, connection)
    answers: list[Any] = []
    pending = meeting.send(c.AgendaSetCurrent(meeting_id=1, item_id=3), on_success=answers.append)
    assert connection.sent == [("agenda.set_current", {"meeting_id": 1, "item_id": 3})]
    connection.answer({"ok": True, "data": {}})
    assert pending.ok and pending.data == {}
    assert [type(a) for a in answers] == [c.AgendaSetCurrent.answer]
    # An answer that is not the contract's is a failure, not a success with a broken answer.
    pending = meeting.send(c.AgendaSetCurrent(meeting_id=1, item_id=4), report=False)
    connection.answer({"ok": True, "data": {"extra": 1}})
    assert pending.done and not pending.ok and pending.code == "internal"
    # A None given on purpose is sent; a default left out is not.
    meeting.send(c.ParticipantSet(meeting_id=1, user_id=2, role="chair", site_id=None))
    assert connection.sent[-1][1] == {"meeting_id": 1, "user_id": 2, "role": "chair", "site_id": None}


def test_a_refusal_is_reported_translated_and_offline_is_said_at_once(qapp: Any) -> None:
    connection = StandIn()
    meeting = MeetingSession(1, connection)
    refused: list[str] = []
    failures: list[tuple[str, str]] = []
    meeting.refused.connect(refused.append)
    meeting.send(c.MeetingStart(meeting_id=1), on_failure=lambda code, text: failures.append((code, text)))
    connection.answer({"ok": False, "error": {"code": "forbidden", "message": ""}})
    assert failures[0][0] == "forbidden" and refused == [failures[0][1]] and "forbidden" in refused[0]
    connection.set_status("reconnecting")
    pending = meeting.send(c.MeetingStart(meeting_id=1), report=False)
    assert pending.code == "offline" and len(connection.sent) == 1 and len(refused) == 1


def test_the_outbox_holds_drafts_keeps_refused_ones_and_never_writes_a_ballot(
        qapp: Any, tmp_path: Path) -> None:
    connection = StandIn()
    path = tmp_path / "outbox.json"
    meeting = MeetingSession(1, connection, path)
    draft = Draft(1, 11, "Kết luận", "Thông qua.", 2)
    meeting.drafts.save(draft)  # typing: kept, not sent
    assert connection.sent == [] and meeting.drafts.load(1, 11) == draft
    meeting.drafts.send(draft)
    assert connection.sent[-1] == ("conclusion.set", draft.payload())
    connection.answer({"ok": False, "error": {"code": "conflict", "message": "x"}})
    assert meeting.drafts.load(1, 11) == draft  # refused: kept on this computer, held
    assert meeting.outbox.held("draft:1:11") and len(connection.sent) == 1

    meeting.ballots.vote(5, 9, [1], None, on_behalf=False)
    name, sent = connection.sent[-1]
    assert name == "poll.vote" and sent["poll_id"] == 5 and "request_id" in sent
    written = json.loads(path.read_text())
    assert [e["key"] for e in written] == ["draft:1:11"]  # the ballot's choice is not on disk
    connection.answer({"ok": True, "data": {"receipt": "abc"}})
    assert meeting.ballots.pending(5, 9) is None


def test_what_an_older_version_left_behind_is_taken_over(qapp: Any, tmp_path: Path) -> None:
    legacy = tmp_path / "outbox.json"
    Outbox(None, legacy).put("note:1:4", "note.save", {"meeting_id": 1, "agenda_item_id": 4, "text": "a"})
    drafts = tmp_path / "minutes-drafts"
    drafts.mkdir()
    (drafts / "meeting-1-item-11.json").write_text(json.dumps(
        {"meeting_id": 1, "agenda_item_id": 11, "text": "cũ", "decision": "", "base_revision": 0,
         "request_id": "r-12345678"}))
    connection = StandIn(status="offline")
    meeting = MeetingSession(1, connection, tmp_path / "outbox-meeting-1.json")
    meeting.outbox.adopt(legacy)
    meeting.drafts.adopt_directory(drafts, 1)
    assert not legacy.exists() and not list(drafts.iterdir())
    assert [e["key"] for e in meeting.outbox.pending()] == ["note:1:4", "draft:1:11"]
    connection.set_status("connected")  # both go, one after the other, the draft unchanged
    connection.answer(OK)
    assert connection.sent[-1][1]["request_id"] == "r-12345678"


def test_the_factory_keeps_each_meetings_outbox_in_my_cache_directory(qapp: Any, tmp_path: Path) -> None:
    from meeting_app.ui.session import Session
    from meeting_app.vault import user_cache_dir

    me = Session("http://127.0.0.1:1", "token", {"id": 3, "username": "thuky"})
    mine = user_cache_dir(tmp_path, me.server_url, me.username)
    meeting = me.open_meeting(4, tmp_path, connection=StandIn())
    assert meeting.outbox.path == mine / "outbox-meeting-4.json" and meeting.outbox.key is None
    created = me.open_meeting(None, tmp_path, connection=StandIn())
    assert created.outbox.path is None  # no meeting yet
    created.join(9)
    assert created.outbox.path == mine / "outbox-meeting-9.json"


def test_only_payload_instances_are_sent_and_fields_a_form_did_not_check_are_refused_here(
        qapp: Any) -> None:
    connection = StandIn()
    meeting = MeetingSession(1, connection)
    refused: list[str] = []
    meeting.refused.connect(refused.append)
    with pytest.raises(TypeError):
        meeting.send("meeting.start", {"meeting_id": 1})  # type: ignore[arg-type]
    assert meeting.compose(c.AgendaAddItem, meeting_id=1, title="") is None  # a title is required
    assert len(refused) == 1 and "invalid" in refused[0] and not connection.sent
    assert meeting.compose(c.AgendaAddItem, report=False, meeting_id=1, title="") is None
    assert len(refused) == 1
    made = meeting.compose(c.AgendaAddItem, meeting_id=1, title="Khai mạc")
    assert made is not None and made.title == "Khai mạc"
