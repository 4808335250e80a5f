"""The models of what the server sends: declared for every command and event, and strict."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from protocol import events as ev
from protocol.answers.base import Answer, Empty
from protocol.commands import COMMANDS, MeetingJoin, MeetingList, PollVote
from protocol.conformance import answer_problems, emitted_problems, event_problems
from protocol.statuses import MeetingStatus

AT = "2026-11-21T01:00:00+00:00"


def test_every_command_declares_its_answer() -> None:
    assert len(COMMANDS) == 57
    for name, command in COMMANDS.items():
        assert "answer" in vars(command), f"{name} declares no answer model"
        assert issubclass(command.answer, Answer)


def test_every_event_name_has_its_model_declared_once() -> None:
    names = {value for key, value in vars(ev).items() if key.isupper() and isinstance(value, str)
             and "." in value and not key.endswith("_NAME")}
    assert names == set(ev.EVENTS) | set(ev.USER_EVENTS)
    assert not set(ev.EVENTS) & set(ev.USER_EVENTS)
    for name, model in {**ev.EVENTS, **ev.USER_EVENTS}.items():
        assert model.event == name


def test_an_answer_parses_into_its_typed_model() -> None:
    meeting = {"id": 3, "title": "Họp", "status": "live", "starts_at": AT, "ends_at": None,
               "location": None, "role": "chair"}
    answer = MeetingList.parse_answer({"meetings": [meeting]})
    assert answer.meetings[0].status is MeetingStatus.LIVE  # type: ignore[attr-defined]
    assert isinstance(PollVote.parse_answer({"receipt": "abc"}), PollVote.answer)
    assert isinstance(COMMANDS["meeting.start"].parse_answer({}), Empty)


@pytest.mark.parametrize("data", [
    {"meetings": [{"id": 3}]},  # fields missing
    {"meetings": [], "more": 1},  # a field the model does not declare
])
def test_an_answer_unlike_its_model_is_refused(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        MeetingList.parse_answer(data)
    assert answer_problems("meeting.list", {"ok": True, "data": data})


def test_a_status_outside_its_enum_is_refused() -> None:
    assert event_problems(ev.MEETING_STATUS_CHANGED, {"status": "paused"})
    assert not event_problems(ev.MEETING_STATUS_CHANGED, {"status": "live", "started_at": AT})


def test_a_refusal_is_not_an_answer_to_check() -> None:
    assert answer_problems("meeting.list", {"ok": False, "error": {"code": "forbidden"}}) == []


def test_the_withheld_form_of_a_document_event_conforms() -> None:
    withheld = {"meeting_id": 1, "seq": 4, "type": ev.DOCUMENT_ADDED, "at": AT,
                "data": {"document_id": 9, ev.HIDDEN: True}}
    assert emitted_problems(ev.EVENT_NAME, withheld) == []
    assert emitted_problems(ev.EVENT_NAME, {**withheld, "data": {"document_id": 9}})


def test_replayed_events_of_a_join_are_checked_too() -> None:
    replay = {"seq": 5, "server_time": AT, "events": [
        {"meeting_id": 1, "seq": 5, "type": ev.PRESENCE_CHANGED, "at": AT, "data": {"user_id": 2}}]}
    assert MeetingJoin.parse_answer(replay)
    assert answer_problems("meeting.join", {"ok": True, "data": replay}) == [
        "event presence.changed does not match PresenceChanged: online: Field required"]


def test_unknown_events_and_socket_events_are_reported() -> None:
    assert emitted_problems(ev.USER_EVENT_NAME, {"meeting_id": 1, "type": "nope", "data": {}, "at": AT})
    assert emitted_problems("surprise", {})
    assert emitted_problems(ev.SESSION_ENDED_NAME, {"reason": "Logged out", "code": "deactivated"}) == []
