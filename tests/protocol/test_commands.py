"""Payload models: the strict gate every command passes before any domain rule."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from protocol import commands as c
from protocol.http import DocumentUploadFields, LoginRequest

# One valid payload per command, with every required field and nothing else.
VALID: dict[str, dict[str, Any]] = {
    c.MEETING_LIST: {},
    c.MEETING_CREATE: {"title": "Họp giao ban", "starts_at": "2026-11-21T01:00:00Z", "sites": ["Hà Nội"]},
    c.MEETING_UPDATE: {"meeting_id": 1},
    c.PARTICIPANT_SET: {"meeting_id": 1, "user_id": 2, "role": "delegate"},
    c.PARTICIPANT_REMOVE: {"meeting_id": 1, "user_id": 2},
    c.USER_LIST: {},
    c.USER_CREATE: {"username": "nguyenvana", "full_name": "Nguyễn Văn A", "password": "mật khẩu 2026"},
    c.USER_UPDATE: {"user_id": 2},
    c.USER_SET_ACTIVE: {"user_id": 2, "active": False},
    c.USER_RESET_PASSWORD: {"user_id": 2, "new_password": "mật khẩu mới"},
    c.MEETING_JOIN: {"meeting_id": 1},
    c.MEETING_LEAVE: {"meeting_id": 1},
    c.MEETING_START: {"meeting_id": 1},
    c.MEETING_END: {"meeting_id": 1},
    c.AGENDA_SET_CURRENT: {"meeting_id": 1, "item_id": 3},
    c.AGENDA_ADD_ITEM: {"meeting_id": 1, "title": "Khai mạc"},
    c.AGENDA_UPDATE_ITEM: {"meeting_id": 1, "item_id": 3},
    c.AGENDA_REORDER: {"meeting_id": 1, "item_ids": [3, 1, 2]},
    c.AGENDA_REMOVE_ITEM: {"meeting_id": 1, "item_id": 3},
    c.ATTENDANCE_CHECK_IN: {"meeting_id": 1},
    c.ATTENDANCE_SET: {"meeting_id": 1, "user_id": 2, "status": "present"},
    c.DOCUMENT_UPDATE: {"document_id": 4},
    c.DOCUMENT_REMOVE: {"document_id": 4},
    c.DOCUMENT_VERSIONS: {"document_id": 4},
    c.PRESENTER_SET_PAGE: {"meeting_id": 1, "document_id": 4, "page": 0},
    c.PRESENTER_STOP: {"meeting_id": 1},
    c.ATTENDANCE_SET_PROXY: {"meeting_id": 1, "user_id": 2, "proxy_user_id": 3},
    c.SPEAKER_REQUEST: {"meeting_id": 1, "kind": "speak"},
    c.SPEAKER_WITHDRAW: {"meeting_id": 1, "request_id": 5},
    c.SPEAKER_GRANT: {"meeting_id": 1, "request_id": 5},
    c.SPEAKER_EXTEND: {"meeting_id": 1, "seconds": 60},
    c.SPEAKER_END: {"meeting_id": 1},
    c.SPEAKER_REORDER: {"meeting_id": 1, "kind": "question", "request_ids": [6, 5]},
    c.SITE_STATUS: {"meeting_id": 1},
    c.PRESENCE_HEARTBEAT: {"meeting_id": 1},
    c.CONCLUSION_SET: {"meeting_id": 1, "agenda_item_id": 3, "text": "Thống nhất **thông qua**."},
    c.CONCLUSION_HISTORY: {"meeting_id": 1, "agenda_item_id": 3},
    c.ACTION_SAVE: {"meeting_id": 1, "action": {"title": "Hoàn thiện Kế hoạch"}},
    c.ACTION_DELETE: {"meeting_id": 1, "action_id": 4},
    c.ACTION_LIST: {},
    c.ACTION_SET_STATUS: {"action_id": 4, "status": "done"},
    c.MINUTES_APPROVE: {"meeting_id": 1},
    c.MINUTES_PUBLISH: {"meeting_id": 1},
    c.SEARCH: {"query": "cải cách"},
    c.ANNOTATION_SAVE: {"document_id": 4, "annotation": {
        "id": "5f0e7a8c-annotation", "page": 0, "kind": "note",
        "data": {"point": [72.0, 90.0], "text": "Xem lại số liệu", "color": "#ffcc00"}}},
    c.ANNOTATION_DELETE: {"document_id": 4, "annotation_id": "5f0e7a8c-annotation"},
    c.ANNOTATION_LIST: {"document_id": 4},
    c.ANNOTATION_COMMENTS: {"document_id": 4},
    c.NOTE_SAVE: {"meeting_id": 1, "agenda_item_id": 3, "text": "Ghi chú riêng"},
    c.NOTE_LIST: {"meeting_id": 1},
    c.POLL_CREATE: {"meeting_id": 1, "question": "Thông qua kế hoạch?", "secret": False},
    c.POLL_UPDATE: {"poll_id": 3},
    c.POLL_DELETE: {"poll_id": 3},
    c.POLL_CHECK: {"poll_id": 3},
    c.POLL_OPEN: {"poll_id": 3},
    c.POLL_CLOSE: {"poll_id": 3},
    c.POLL_VOTE: {"poll_id": 3, "option_ids": [1], "ballot_id": "0b6f8c2e-4d0a-4f5e-9a57-2f3c1d7e9b10"},
}

REQUIRED = [(name, key) for name, payload in VALID.items() for key in payload]
INT_FIELDS = [(name, key) for name, payload in VALID.items() for key, value in payload.items()
              if isinstance(value, int) and not isinstance(value, bool)]


def validate(name: str, payload: dict[str, Any]) -> c.Payload:
    return c.PAYLOAD_MODELS[name].model_validate(payload)


def test_every_command_has_a_valid_example() -> None:
    assert set(VALID) == set(c.PAYLOAD_MODELS)


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
                 if not (wrong is None and (name, key) in {(c.AGENDA_SET_CURRENT, "item_id"),
                                                           (c.ATTENDANCE_SET_PROXY, "proxy_user_id")})]


@pytest.mark.parametrize(("name", "key", "wrong"), MISTYPED_INTS)
def test_mistyped_int_is_refused(name: str, key: str, wrong: object) -> None:
    with pytest.raises(ValidationError, match=key):
        validate(name, {**VALID[name], key: wrong})


@pytest.mark.parametrize(("name", "key"), [(name, key) for name, key in INT_FIELDS if key != "page"])
def test_ids_are_positive(name: str, key: str) -> None:
    with pytest.raises(ValidationError, match=key):
        validate(name, {**VALID[name], key: 0})


def test_item_id_null_clears_current_but_must_be_present() -> None:
    assert validate(c.AGENDA_SET_CURRENT, {"meeting_id": 1, "item_id": None}).item_id is None  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match="item_id"):
        validate(c.AGENDA_SET_CURRENT, {"meeting_id": 1})


@pytest.mark.parametrize(("name", "field", "wrong"), [
    (c.AGENDA_ADD_ITEM, "title", 5),
    (c.AGENDA_ADD_ITEM, "title", ""),
    (c.AGENDA_ADD_ITEM, "title", "   "),
    (c.AGENDA_ADD_ITEM, "title", "x" * 301),
    (c.AGENDA_ADD_ITEM, "duration_min", -1),
    (c.AGENDA_ADD_ITEM, "duration_min", 24 * 60 + 1),
    (c.AGENDA_ADD_ITEM, "position", -1),
    (c.AGENDA_REORDER, "item_ids", "3,1,2"),
    (c.AGENDA_REORDER, "item_ids", ["3", "1"]),
    (c.AGENDA_REORDER, "item_ids", list(range(1, 502))),
    (c.PARTICIPANT_SET, "role", "king"),
    (c.PARTICIPANT_SET, "role", "admin"),
    (c.PARTICIPANT_SET, "voting_weight", -1),
    (c.ATTENDANCE_SET, "status", "here"),
    (c.ATTENDANCE_SET, "status", "unknown"),
    (c.MEETING_CREATE, "sites", []),
    (c.MEETING_CREATE, "sites", "Hà Nội"),
    (c.MEETING_CREATE, "starts_at", "tomorrow morning"),
    (c.MEETING_CREATE, "starts_at", 1795000000),
    (c.MEETING_CREATE, "starts_at", "5"),
    (c.MEETING_UPDATE, "ends_at", True),
    (c.MEETING_JOIN, "since_seq", -1),
    (c.MEETING_JOIN, "since_seq", "3"),
    (c.USER_LIST, "query", 5),
    (c.PRESENTER_SET_PAGE, "page", -1),
    (c.DOCUMENT_UPDATE, "access", "some"),
    (c.DOCUMENT_UPDATE, "access", "1,2"),
    (c.DOCUMENT_UPDATE, "access", ["1"]),
    (c.DOCUMENT_UPDATE, "access", [0]),
    (c.DOCUMENT_UPDATE, "released", "true"),
    (c.DOCUMENT_UPDATE, "title", "   "),
    (c.DOCUMENT_UPDATE, "agenda_item_id", "3"),
    (c.CONCLUSION_SET, "text", 5),
    (c.CONCLUSION_SET, "text", "ế" * 40_000),  # 120 KB of UTF-8 in 40 000 characters
    (c.CONCLUSION_SET, "base_revision", -1),
    (c.CONCLUSION_SET, "decision", "x" * 10_001),
    (c.ACTION_SAVE, "action", {"title": "  "}),
    (c.ACTION_SAVE, "action", {"title": "Việc", "status": "finished"}),
    (c.ACTION_SAVE, "action", {"title": "Việc", "due": "31/03/2027"}),
    (c.ACTION_SAVE, "action", {"title": "Việc", "due": "2027-03-31T00:00:00"}),
    (c.ACTION_SAVE, "action", {"title": "Việc", "owner_id": "5"}),
    (c.ACTION_SAVE, "action", {"title": "Việc", "colour": "red"}),
    (c.ACTION_SET_STATUS, "status", "finished"),
    (c.ACTION_LIST, "status", "all"),
    (c.SEARCH, "query", ""),
    (c.SEARCH, "query", "x" * 201),
    (c.SEARCH, "from", "yesterday"),
    (c.POLL_CREATE, "majority", "most"),
    (c.POLL_CREATE, "secret", "yes"),
    (c.POLL_CREATE, "question", "  "),
    (c.POLL_CREATE, "options", "Có, Không"),
    (c.POLL_CREATE, "options", [{"text": "Có", "colour": "xanh"}]),
    (c.POLL_CREATE, "options", [{"text": ""}]),
    (c.POLL_CREATE, "kind", "postal"),
    (c.POLL_CREATE, "max_choices", -1),
    (c.POLL_CREATE, "closes_at", "next week"),
    (c.POLL_CREATE, "voter_ids", [0]),
    (c.POLL_OPEN, "seconds", 5),
    (c.POLL_VOTE, "option_ids", 1),
    (c.POLL_VOTE, "option_ids", ["1"]),
    (c.POLL_VOTE, "ballot_id", "not a uuid!"),
    (c.POLL_VOTE, "ballot_id", 12345678),
    (c.POLL_VOTE, "comment", "x" * 2001),
])
def test_wrong_value_is_refused(name: str, field: str, wrong: object) -> None:
    with pytest.raises(ValidationError, match=field):
        validate(name, {**VALID[name], field: wrong})


@pytest.mark.parametrize("request_id", ["short", "has space in it", "x" * 65, 12345678, "ünïcödé-id"])
def test_bad_request_id_is_refused(request_id: object) -> None:
    with pytest.raises(ValidationError, match="request_id"):
        validate(c.MEETING_START, {"meeting_id": 1, "request_id": request_id})


def test_uuid_request_id_is_accepted() -> None:
    request_id = "0b6f8c2e-4d0a-4f5e-9a57-2f3c1d7e9b10"
    assert validate(c.MEETING_START, {"meeting_id": 1, "request_id": request_id}).request_id == request_id


def test_titles_are_stripped() -> None:
    assert validate(c.AGENDA_ADD_ITEM, {"meeting_id": 1, "title": "  Bế mạc "}).title == "Bế mạc"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("wire", "expected"), [
    ("2026-11-21T08:00:00+07:00", datetime(2026, 11, 21, 1, 0, tzinfo=UTC)),
    ("2026-11-21T01:00:00Z", datetime(2026, 11, 21, 1, 0, tzinfo=UTC)),
    ("2026-11-21T01:00:00", datetime(2026, 11, 21, 1, 0, tzinfo=UTC)),
])
def test_times_are_read_as_utc(wire: str, expected: datetime) -> None:
    payload = validate(c.MEETING_UPDATE, {"meeting_id": 1, "starts_at": wire})
    assert payload.starts_at == expected  # type: ignore[attr-defined]
    assert payload.starts_at.utcoffset().total_seconds() == 0  # type: ignore[attr-defined]


def test_payloads_are_frozen() -> None:
    payload = validate(c.MEETING_START, {"meeting_id": 1})
    with pytest.raises(ValidationError):
        payload.meeting_id = 2  # type: ignore[attr-defined]


def test_login_request_is_strict() -> None:
    assert LoginRequest.model_validate({"username": " chair ", "password": "demo"}).username == "chair"
    for body in ({"username": "chair"}, {"username": "chair", "password": "demo", "x": 1},
                 {"username": 5, "password": "demo"}, {"username": "", "password": "demo"}):
        with pytest.raises(ValidationError):
            LoginRequest.model_validate(body)


def test_command_names_are_the_contracts() -> None:
    assert set(c.PAYLOAD_MODELS) == {
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
    withdraw = validate(c.SPEAKER_WITHDRAW, {"meeting_id": 1, "request_id": 5})
    assert withdraw.request_id == 5 and withdraw.idempotency_key is None
    with pytest.raises(ValidationError):
        validate(c.SPEAKER_WITHDRAW, {"meeting_id": 1, "request_id": "0b7c5a2e-retry"})
    with pytest.raises(ValidationError):
        validate(c.SPEAKER_REQUEST, {"meeting_id": 1, "kind": "shout"})


def test_payload_limit_is_256_kb() -> None:
    assert c.MAX_PAYLOAD_BYTES == 256 * 1024


def test_document_access_is_all_or_user_ids() -> None:
    assert validate(c.DOCUMENT_UPDATE, {"document_id": 4, "access": "all"}).access == "all"  # type: ignore[attr-defined]
    restricted = validate(c.DOCUMENT_UPDATE, {"document_id": 4, "access": [3, 5]})
    assert restricted.access == [3, 5]  # type: ignore[attr-defined]
    detach = validate(c.DOCUMENT_UPDATE, {"document_id": 4, "agenda_item_id": None})
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
    saved = validate(c.ACTION_SAVE, {"meeting_id": 1, "action": {
        "title": " Rà soát thủ tục ", "owner_name": "Văn phòng Bộ", "due": "2027-03-31"}})
    action = saved.action  # type: ignore[attr-defined]
    assert (action.title, action.due.isoformat(), action.status, action.id) == (
        "Rà soát thủ tục", "2027-03-31", "open", None)


def test_search_takes_from_and_to_by_their_wire_names() -> None:
    search = validate(c.SEARCH, {"query": "kế hoạch", "from": "2026-01-01", "to": "2026-12-31",
                                 "status": "ended"})
    assert (search.from_day.isoformat(), search.to_day.isoformat()) == (  # type: ignore[attr-defined]
        "2026-01-01", "2026-12-31")


def test_a_conclusion_may_be_100_kb_of_vietnamese() -> None:
    text = "ư" * (c.MAX_CONCLUSION_BYTES // 2)  # two bytes each in UTF-8: exactly 100 KB
    assert validate(c.CONCLUSION_SET, {"meeting_id": 1, "agenda_item_id": 3, "text": text}).text == text  # type: ignore[attr-defined]
def test_poll_options_are_texts_or_objects_with_a_comment_flag() -> None:
    poll = validate(c.POLL_CREATE, {**VALID[c.POLL_CREATE], "options": [
        " Tán thành ", {"text": "Ý kiến khác", "comment": True}]})
    assert poll.options == ["Tán thành", c.PollOption(text="Ý kiến khác", comment=True)]  # type: ignore[attr-defined]
    assert (poll.min_choices, poll.max_choices, poll.kind) == (1, 1, "meeting")  # type: ignore[attr-defined]


def test_a_ballot_is_not_replayed_by_request_id() -> None:
    """poll.vote is idempotent by its ballot_id (see the server); request_id is no key."""
    vote = validate(c.POLL_VOTE, {**VALID[c.POLL_VOTE], "option_ids": [], "voter_id": 7})
    assert vote.idempotency_key is None and vote.option_ids == []  # type: ignore[attr-defined]


def test_poll_update_can_clear_optional_fields() -> None:
    update = validate(c.POLL_UPDATE, {"poll_id": 3, "agenda_item_id": None, "closes_at": None})
    assert {"agenda_item_id", "closes_at"} <= update.model_fields_set


def test_a_new_poll_needs_more_than_half_of_all_members_unless_told_otherwise() -> None:
    poll = validate(c.POLL_CREATE, VALID[c.POLL_CREATE])
    assert isinstance(poll, c.PollCreate) and poll.majority == "absolute" and poll.quorum is None
