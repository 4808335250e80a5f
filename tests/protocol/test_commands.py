"""Payload models: the strict gate every command passes before any domain rule."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from protocol import commands as c
from protocol.http import DocumentUploadFields, LoginRequest

# One valid payload per command, with every required field and nothing else.
_VALID: dict[type[c.Payload], dict[str, Any]] = {
    c.MeetingList: {},
    c.MeetingCreate: {"title": "Họp giao ban", "starts_at": "2026-11-21T01:00:00Z", "sites": ["Hà Nội"]},
    c.MeetingUpdate: {"meeting_id": 1},
    c.ParticipantSet: {"meeting_id": 1, "user_id": 2, "role": "delegate"},
    c.ParticipantRemove: {"meeting_id": 1, "user_id": 2},
    c.UserList: {},
    c.UserCreate: {"username": "nguyenvana", "full_name": "Nguyễn Văn A", "password": "mật khẩu 2026"},
    c.UserUpdate: {"user_id": 2},
    c.UserSetActive: {"user_id": 2, "active": False},
    c.UserResetPassword: {"user_id": 2, "new_password": "mật khẩu mới"},
    c.MeetingJoin: {"meeting_id": 1},
    c.MeetingLeave: {"meeting_id": 1},
    c.MeetingStart: {"meeting_id": 1},
    c.MeetingEnd: {"meeting_id": 1},
    c.AgendaSetCurrent: {"meeting_id": 1, "item_id": 3},
    c.AgendaAddItem: {"meeting_id": 1, "title": "Khai mạc"},
    c.AgendaUpdateItem: {"meeting_id": 1, "item_id": 3},
    c.AgendaReorder: {"meeting_id": 1, "item_ids": [3, 1, 2]},
    c.AgendaRemoveItem: {"meeting_id": 1, "item_id": 3},
    c.AttendanceCheckIn: {"meeting_id": 1},
    c.AttendanceSet: {"meeting_id": 1, "user_id": 2, "status": "present"},
    c.DocumentUpdate: {"document_id": 4},
    c.DocumentRemove: {"document_id": 4},
    c.DocumentVersions: {"document_id": 4},
    c.PresenterSetPage: {"meeting_id": 1, "document_id": 4, "page": 0},
    c.PresenterStop: {"meeting_id": 1},
    c.AttendanceSetProxy: {"meeting_id": 1, "user_id": 2, "proxy_user_id": 3},
    c.SpeakerRequestCreate: {"meeting_id": 1, "kind": "speak"},
    c.SpeakerWithdraw: {"meeting_id": 1, "request_id": 5},
    c.SpeakerGrant: {"meeting_id": 1, "request_id": 5},
    c.SpeakerExtend: {"meeting_id": 1, "seconds": 60},
    c.SpeakerEnd: {"meeting_id": 1},
    c.SpeakerReorder: {"meeting_id": 1, "kind": "question", "request_ids": [6, 5]},
    c.SiteStatus: {"meeting_id": 1},
    c.PresenceHeartbeat: {"meeting_id": 1},
    c.ConclusionSet: {"meeting_id": 1, "agenda_item_id": 3, "text": "Thống nhất **thông qua**."},
    c.ConclusionHistory: {"meeting_id": 1, "agenda_item_id": 3},
    c.ActionSave: {"meeting_id": 1, "action": {"title": "Hoàn thiện Kế hoạch"}},
    c.ActionDelete: {"meeting_id": 1, "action_id": 4},
    c.ActionList: {},
    c.ActionSetStatus: {"action_id": 4, "status": "done"},
    c.MinutesApprove: {"meeting_id": 1},
    c.MinutesPublish: {"meeting_id": 1},
    c.Search: {"query": "cải cách"},
    c.AnnotationSave: {"document_id": 4, "annotation": {
        "id": "5f0e7a8c-annotation", "page": 0, "kind": "note",
        "data": {"point": [72.0, 90.0], "text": "Xem lại số liệu", "color": "#ffcc00"}}},
    c.AnnotationDelete: {"document_id": 4, "annotation_id": "5f0e7a8c-annotation"},
    c.AnnotationList: {"document_id": 4},
    c.AnnotationComments: {"document_id": 4},
    c.NoteSave: {"meeting_id": 1, "agenda_item_id": 3, "text": "Ghi chú riêng"},
    c.NoteList: {"meeting_id": 1},
    c.PollCreate: {"meeting_id": 1, "question": "Thông qua kế hoạch?", "secret": False},
    c.PollUpdate: {"poll_id": 3},
    c.PollDelete: {"poll_id": 3},
    c.PollCheck: {"poll_id": 3},
    c.PollOpen: {"poll_id": 3},
    c.PollClose: {"poll_id": 3},
    c.PollVote: {"poll_id": 3, "option_ids": [1], "ballot_id": "0b6f8c2e-4d0a-4f5e-9a57-2f3c1d7e9b10"},
}
VALID = {command.command: payload for command, payload in _VALID.items()}

REQUIRED = [(name, key) for name, payload in VALID.items() for key in payload]
INT_FIELDS = [(name, key) for name, payload in VALID.items() for key, value in payload.items()
              if isinstance(value, int) and not isinstance(value, bool)]


def validate(name: str, payload: dict[str, Any]) -> c.Payload:
    return c.COMMANDS[name].model_validate(payload)


def test_every_command_has_a_valid_example() -> None:
    assert set(VALID) == set(c.COMMANDS)


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_payload_is_accepted(name: str) -> None:
    payload = validate(name, VALID[name])
    assert payload.idempotency_key is None
    for key, value in VALID[name].items():
        if key != "starts_at":
            assert payload.model_dump(exclude_unset=True)[key] == value


@pytest.mark.parametrize("name", sorted(VALID))
def test_unknown_field_is_refused(name: str) -> None:
    with pytest.raises(ValidationError, match="surprise"):
        validate(name, {**VALID[name], "surprise": 1})


@pytest.mark.parametrize(("name", "key"), REQUIRED)
def test_missing_required_field_is_refused(name: str, key: str) -> None:
    payload = {k: v for k, v in VALID[name].items() if k != key}
    with pytest.raises(ValidationError, match=key):
        validate(name, payload)


MISTYPED_INTS = [(name, key, wrong) for name, key in INT_FIELDS for wrong in ("5", 5.0, True, None, [5])
                 # null clears: the current item (item_id), a proxy (proxy_user_id).
                 if not (wrong is None and (name, key) in {(c.AgendaSetCurrent.command, "item_id"),
                                                           (c.AttendanceSetProxy.command, "proxy_user_id")})]


@pytest.mark.parametrize(("name", "key", "wrong"), MISTYPED_INTS)
def test_mistyped_int_is_refused(name: str, key: str, wrong: object) -> None:
    with pytest.raises(ValidationError, match=key):
        validate(name, {**VALID[name], key: wrong})


@pytest.mark.parametrize(("name", "key"), [(name, key) for name, key in INT_FIELDS if key != "page"])
def test_ids_are_positive(name: str, key: str) -> None:
    with pytest.raises(ValidationError, match=key):
        validate(name, {**VALID[name], key: 0})


def test_item_id_null_clears_current_but_must_be_present() -> None:
    assert validate(c.AgendaSetCurrent.command, {"meeting_id": 1, "item_id": None}).item_id is None  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match="item_id"):
        validate(c.AgendaSetCurrent.command, {"meeting_id": 1})


@pytest.mark.parametrize(("name", "field", "wrong"), [
    (c.AgendaAddItem.command, "title", 5),
    (c.AgendaAddItem.command, "title", ""),
    (c.AgendaAddItem.command, "title", "   "),
    (c.AgendaAddItem.command, "title", "x" * 301),
    (c.AgendaAddItem.command, "duration_min", -1),
    (c.AgendaAddItem.command, "duration_min", 24 * 60 + 1),
    (c.AgendaAddItem.command, "position", -1),
    (c.AgendaReorder.command, "item_ids", "3,1,2"),
    (c.AgendaReorder.command, "item_ids", ["3", "1"]),
    (c.AgendaReorder.command, "item_ids", list(range(1, 502))),
    (c.ParticipantSet.command, "role", "king"),
    (c.ParticipantSet.command, "role", "admin"),
    (c.ParticipantSet.command, "voting_weight", -1),
    (c.AttendanceSet.command, "status", "here"),
    (c.AttendanceSet.command, "status", "unknown"),
    (c.MeetingCreate.command, "sites", []),
    (c.MeetingCreate.command, "sites", "Hà Nội"),
    (c.MeetingCreate.command, "starts_at", "tomorrow morning"),
    (c.MeetingCreate.command, "starts_at", 1795000000),
    (c.MeetingCreate.command, "starts_at", "5"),
    (c.MeetingUpdate.command, "ends_at", True),
    (c.MeetingJoin.command, "since_seq", -1),
    (c.MeetingJoin.command, "since_seq", "3"),
    (c.UserList.command, "query", 5),
    (c.PresenterSetPage.command, "page", -1),
    (c.DocumentUpdate.command, "access", "some"),
    (c.DocumentUpdate.command, "access", "1,2"),
    (c.DocumentUpdate.command, "access", ["1"]),
    (c.DocumentUpdate.command, "access", [0]),
    (c.DocumentUpdate.command, "released", "true"),
    (c.DocumentUpdate.command, "title", "   "),
    (c.DocumentUpdate.command, "agenda_item_id", "3"),
    (c.ConclusionSet.command, "text", 5),
    (c.ConclusionSet.command, "text", "ế" * 40_000),  # 120 KB of UTF-8 in 40 000 characters
    (c.ConclusionSet.command, "base_revision", -1),
    (c.ConclusionSet.command, "decision", "x" * 10_001),
    (c.ActionSave.command, "action", {"title": "  "}),
    (c.ActionSave.command, "action", {"title": "Việc", "status": "finished"}),
    (c.ActionSave.command, "action", {"title": "Việc", "due": "31/03/2027"}),
    (c.ActionSave.command, "action", {"title": "Việc", "due": "2027-03-31T00:00:00"}),
    (c.ActionSave.command, "action", {"title": "Việc", "owner_id": "5"}),
    (c.ActionSave.command, "action", {"title": "Việc", "colour": "red"}),
    (c.ActionSetStatus.command, "status", "finished"),
    (c.ActionList.command, "status", "all"),
    (c.Search.command, "query", ""),
    (c.Search.command, "query", "x" * 201),
    (c.Search.command, "from", "yesterday"),
    (c.PollCreate.command, "majority", "most"),
    (c.PollCreate.command, "secret", "yes"),
    (c.PollCreate.command, "question", "  "),
    (c.PollCreate.command, "options", "Có, Không"),
    (c.PollCreate.command, "options", [{"text": "Có", "colour": "xanh"}]),
    (c.PollCreate.command, "options", [{"text": ""}]),
    (c.PollCreate.command, "kind", "postal"),
    (c.PollCreate.command, "max_choices", -1),
    (c.PollCreate.command, "closes_at", "next week"),
    (c.PollCreate.command, "voter_ids", [0]),
    (c.PollOpen.command, "seconds", 5),
    (c.PollVote.command, "option_ids", 1),
    (c.PollVote.command, "option_ids", ["1"]),
    (c.PollVote.command, "ballot_id", "not a uuid!"),
    (c.PollVote.command, "ballot_id", 12345678),
    (c.PollVote.command, "comment", "x" * 2001),
])
def test_wrong_value_is_refused(name: str, field: str, wrong: object) -> None:
    with pytest.raises(ValidationError, match=field):
        validate(name, {**VALID[name], field: wrong})


@pytest.mark.parametrize("request_id", ["short", "has space in it", "x" * 65, 12345678, "ünïcödé-id"])
def test_bad_request_id_is_refused(request_id: object) -> None:
    with pytest.raises(ValidationError, match="request_id"):
        validate(c.MeetingStart.command, {"meeting_id": 1, "request_id": request_id})


def test_uuid_request_id_is_accepted() -> None:
    request_id = "0b6f8c2e-4d0a-4f5e-9a57-2f3c1d7e9b10"
    payload = validate(c.MeetingStart.command, {"meeting_id": 1, "request_id": request_id})
    assert payload.request_id == request_id


def test_titles_are_stripped() -> None:
    assert validate(c.AgendaAddItem.command, {"meeting_id": 1, "title": "  Bế mạc "}).title == "Bế mạc"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("wire", "expected"), [
    ("2026-11-21T08:00:00+07:00", datetime(2026, 11, 21, 1, 0, tzinfo=UTC)),
    ("2026-11-21T01:00:00Z", datetime(2026, 11, 21, 1, 0, tzinfo=UTC)),
    ("2026-11-21T01:00:00", datetime(2026, 11, 21, 1, 0, tzinfo=UTC)),
])
def test_times_are_read_as_utc(wire: str, expected: datetime) -> None:
    payload = validate(c.MeetingUpdate.command, {"meeting_id": 1, "starts_at": wire})
    assert payload.starts_at == expected  # type: ignore[attr-defined]
    assert payload.starts_at.utcoffset().total_seconds() == 0  # type: ignore[attr-defined]


def test_payloads_are_frozen() -> None:
    payload = validate(c.MeetingStart.command, {"meeting_id": 1})
    with pytest.raises(ValidationError):
        payload.meeting_id = 2  # type: ignore[attr-defined]


def test_login_request_is_strict() -> None:
    assert LoginRequest.model_validate({"username": " chair ", "password": "demo"}).username == "chair"
    for body in ({"username": "chair"}, {"username": "chair", "password": "demo", "x": 1},
                 {"username": 5, "password": "demo"}, {"username": "", "password": "demo"}):
        with pytest.raises(ValidationError):
            LoginRequest.model_validate(body)


def test_command_names_are_the_contracts() -> None:
    assert set(c.COMMANDS) == {
        "meeting.list", "meeting.create", "meeting.update", "participant.set", "participant.remove",
        "user.list", "user.create", "user.update", "user.set_active", "user.reset_password",
        "meeting.join", "meeting.leave", "meeting.start", "meeting.end",
        "agenda.set_current", "agenda.add_item", "agenda.update_item", "agenda.reorder",
        "agenda.remove_item", "attendance.check_in", "attendance.set",
        "document.update", "document.remove", "document.versions", "presenter.set_page", "presenter.stop",
        "attendance.set_proxy", "speaker.request", "speaker.withdraw", "speaker.grant", "speaker.extend",
        "speaker.end", "speaker.reorder", "site.status", "presence.heartbeat",
        "conclusion.set", "conclusion.history", "action.save", "action.delete", "action.list",
        "action.set_status", "minutes.approve", "minutes.publish", "search",
        "annotation.save", "annotation.delete", "annotation.list", "annotation.comments",
        "note.save", "note.list",
        "poll.create", "poll.update", "poll.delete", "poll.check", "poll.open", "poll.close", "poll.vote"}


def test_a_speaking_request_id_is_not_an_idempotency_key() -> None:
    """The contract names the speaking request ``request_id`` in withdraw and grant."""
    withdraw = validate(c.SpeakerWithdraw.command, {"meeting_id": 1, "request_id": 5})
    assert withdraw.request_id == 5 and withdraw.idempotency_key is None
    with pytest.raises(ValidationError):
        validate(c.SpeakerWithdraw.command, {"meeting_id": 1, "request_id": "0b7c5a2e-retry"})
    with pytest.raises(ValidationError):
        validate(c.SpeakerRequestCreate.command, {"meeting_id": 1, "kind": "shout"})


def test_payload_limit_is_256_kb() -> None:
    assert c.MAX_PAYLOAD_BYTES == 256 * 1024


def test_document_access_is_all_or_user_ids() -> None:
    assert validate(c.DocumentUpdate.command, {"document_id": 4, "access": "all"}).access == "all"  # type: ignore[attr-defined]
    restricted = validate(c.DocumentUpdate.command, {"document_id": 4, "access": [3, 5]})
    assert restricted.access == [3, 5]  # type: ignore[attr-defined]
    detach = validate(c.DocumentUpdate.command, {"document_id": 4, "agenda_item_id": None})
    assert "agenda_item_id" in detach.model_fields_set


@pytest.mark.parametrize(("fields", "expected"), [
    ({"title": " Báo cáo ", "agenda_item_id": "12", "access": "3, 4", "released": "false"},
     {"title": "Báo cáo", "agenda_item_id": 12, "access": [3, 4], "released": False}),
    ({"access": "all", "replaces": "5"}, {"access": "all", "replaces": 5}),
    ({}, {}),
])
def test_upload_form_fields_are_read_from_text(fields: dict[str, str], expected: dict[str, Any]) -> None:
    parsed = DocumentUploadFields.model_validate(fields)
    assert parsed.model_dump(exclude_unset=True) == expected


@pytest.mark.parametrize(("field", "wrong"), [
    ("access", ""), ("access", "all,2"), ("access", "0"), ("agenda_item_id", "x"), ("agenda_item_id", "-3"),
    ("title", ""), ("title", "x" * 301), ("released", "maybe"), ("replaces", "0"), ("colour", "red"),
])
def test_bad_upload_form_fields_are_refused(field: str, wrong: str) -> None:
    with pytest.raises(ValidationError, match=field):
        DocumentUploadFields.model_validate({field: wrong})


def test_an_action_item_reads_its_day_and_defaults_to_open() -> None:
    saved = validate(c.ActionSave.command, {"meeting_id": 1, "action": {
        "title": " Rà soát thủ tục ", "owner_name": "Văn phòng Bộ", "due": "2027-03-31"}})
    action = saved.action  # type: ignore[attr-defined]
    assert (action.title, action.due.isoformat(), action.status, action.id) == (
        "Rà soát thủ tục", "2027-03-31", "open", None)


def test_search_takes_from_and_to_by_their_wire_names() -> None:
    search = validate(c.Search.command, {"query": "kế hoạch", "from": "2026-01-01", "to": "2026-12-31",
                                 "status": "ended"})
    assert (search.from_day.isoformat(), search.to_day.isoformat()) == (  # type: ignore[attr-defined]
        "2026-01-01", "2026-12-31")


def test_a_conclusion_may_be_100_kb_of_vietnamese() -> None:
    text = "ư" * (c.MAX_CONCLUSION_BYTES // 2)  # two bytes each in UTF-8: exactly 100 KB
    payload = validate(c.ConclusionSet.command, {"meeting_id": 1, "agenda_item_id": 3, "text": text})
    assert payload.text == text  # type: ignore[attr-defined]


def test_poll_options_are_texts_or_objects_with_a_comment_flag() -> None:
    poll = validate(c.PollCreate.command, {**VALID[c.PollCreate.command], "options": [
        " Tán thành ", {"text": "Ý kiến khác", "comment": True}]})
    assert poll.options == ["Tán thành", c.PollOption(text="Ý kiến khác", comment=True)]  # type: ignore[attr-defined]
    assert (poll.min_choices, poll.max_choices, poll.kind) == (1, 1, "meeting")  # type: ignore[attr-defined]


def test_a_ballot_is_not_replayed_by_request_id() -> None:
    """poll.vote is idempotent by its ballot_id (see the server); request_id is no key."""
    vote = validate(c.PollVote.command, {**VALID[c.PollVote.command], "option_ids": [], "voter_id": 7})
    assert vote.idempotency_key is None and vote.option_ids == []  # type: ignore[attr-defined]


def test_poll_update_can_clear_optional_fields() -> None:
    update = validate(c.PollUpdate.command, {"poll_id": 3, "agenda_item_id": None, "closes_at": None})
    assert {"agenda_item_id", "closes_at"} <= update.model_fields_set


def test_a_new_poll_needs_more_than_half_of_all_members_unless_told_otherwise() -> None:
    poll = validate(c.PollCreate.command, VALID[c.PollCreate.command])
    assert isinstance(poll, c.PollCreate) and poll.majority == "absolute" and poll.quorum is None
