"""JSON nesting measured without recursion: strings and their escapes skipped, any depth."""

from __future__ import annotations

import json

import pytest

from protocol.errors import ProtocolError
from server.transport.json_limits import MAX_NESTING, TOO_DEEP, SocketJson, parse_body, too_deep


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


@pytest.mark.parametrize(("text", "deep"), [
    (nested(MAX_NESTING), False),
    (nested(MAX_NESTING + 1), True),
    (nested(2_000_000), True),
    ('{"a":' * 70 + "1" + "}" * 70, True),
    ('{"a":' * 60 + "1" + "}" * 60, False),
    ('["' + "[" * 100 + '"]', False),                      # brackets inside a string
    ('["\\"' + "[" * 100 + '"]', False),                   # after an escaped quote, still inside
    ('["a\\\\", "' + "[" * 100 + '"]', False),             # an escaped backslash ends the string
    ('["a\\\\",' + "[" * 100 + "]" * 100 + "]", True),     # ... so these brackets are outside it
    ("[]," * 10_000, False),                               # many, but flat
    (json.dumps({"points": [[i, i + 1] for i in range(5_000)]}), False),
])
def test_depth_is_measured_outside_strings(text: str, deep: bool) -> None:
    assert too_deep(text) is deep
    assert too_deep(text.encode()) is deep


def test_a_deep_frame_keeps_its_event_name_and_stands_for_too_deep() -> None:
    frame = '["agenda.add_item",' + nested(500_000) + "]"
    assert SocketJson.loads(frame) == ["agenda.add_item", TOO_DEEP]
    assert SocketJson.loads('["meeting.list",{}]') == ["meeting.list", {}]
    with pytest.raises(ValueError):  # no event name to keep: dropped as malformed
        SocketJson.loads(nested(500_000))


def test_a_deep_http_body_is_invalid_and_a_broken_one_says_so() -> None:
    with pytest.raises(ProtocolError) as deep:
        parse_body('{"username": ' + nested(500_000) + "}")
    assert deep.value.code == "invalid" and "nested" in deep.value.message
    with pytest.raises(ProtocolError) as broken:
        parse_body("{not json")
    assert broken.value.message == "The body is not JSON"
    assert parse_body('{"username": "chair"}') == {"username": "chair"}
