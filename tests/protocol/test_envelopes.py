"""The envelopes every client parses: command answers, errors and events."""

from __future__ import annotations

import json

import pytest

from protocol import PROTOCOL_VERSION
from protocol import events as ev
from protocol.errors import (
    ErrorCode,
    ProtocolError,
    closed,
    conflict,
    error_envelope,
    forbidden,
    invalid,
    not_found,
    ok_envelope,
)

CONTRACT_CODES = {"forbidden", "not_found", "invalid", "conflict", "closed", "unauthenticated",
                  "rate_limited", "internal"}


def test_protocol_version_is_one() -> None:
    assert PROTOCOL_VERSION == 1


def test_error_codes_are_exactly_the_contracts() -> None:
    assert {str(code) for code in ErrorCode} == CONTRACT_CODES


def test_ok_envelope() -> None:
    assert ok_envelope() == {"ok": True, "data": {}}
    assert ok_envelope({"seq": 3}) == {"ok": True, "data": {"seq": 3}}


@pytest.mark.parametrize(("make", "code"), [
    (forbidden, "forbidden"), (lambda m: not_found(m), "not_found"), (invalid, "invalid"),
    (conflict, "conflict"), (closed, "closed"),
])
def test_refusals_become_error_envelopes(make, code: str) -> None:  # type: ignore[no-untyped-def]
    refusal = make("why")
    assert isinstance(refusal, ProtocolError)
    envelope = refusal.to_envelope()
    assert envelope == {"ok": False, "error": {"code": code, "message": "why"}}
    # The code is a plain string on the wire.
    assert json.loads(json.dumps(envelope)) == envelope


def test_forbidden_has_a_default_message() -> None:
    assert forbidden().to_envelope()["error"]["message"]  # type: ignore[index]


def test_error_envelope_code_is_a_plain_string() -> None:
    envelope = error_envelope(ErrorCode.RATE_LIMITED, "slow down")
    assert type(envelope["error"]["code"]) is str  # type: ignore[index]
    assert envelope == {"ok": False, "error": {"code": "rate_limited", "message": "slow down"}}


def test_event_envelope_fields() -> None:
    assert set(ev.EventEnvelope.__annotations__) == {"meeting_id", "seq", "type", "data", "at"}
    assert ev.EVENT_NAME == "meeting.event"


def test_contract_event_types_keep_their_names() -> None:
    assert {ev.MEETING_STATUS_CHANGED, ev.AGENDA_CHANGED, ev.AGENDA_CURRENT_CHANGED, ev.DOCUMENT_ADDED,
            ev.DOCUMENT_REMOVED, ev.PRESENTER_PAGE_CHANGED, ev.PRESENTER_STOPPED, ev.ATTENDANCE_CHANGED,
            ev.PRESENCE_CHANGED, ev.CONCLUSION_UPDATED} == {
        "meeting.status_changed", "agenda.changed", "agenda.current_changed", "document.added",
        "document.removed", "presenter.page_changed", "presenter.stopped", "attendance.changed",
        "presence.changed", "conclusion.updated"}
