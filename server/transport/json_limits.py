"""JSON from clients, its nesting measured before any parser recurses into it.

Python's ``json`` decoder recurses once per level: a body or a Socket.IO frame nested
about a thousand levels deep raises ``RecursionError`` inside the parser, which nothing
expected (an HTTP 500, or a Socket.IO frame dropped with a traceback and no answer). Here
the depth is counted first in one pass over the text, without recursion, and too deep a
text is refused (HTTP: ``invalid``) or stood in for by ``TOO_DEEP`` (Socket.IO: the
command is then answered ``invalid`` by ``payload_scan``).
"""

from __future__ import annotations

import json
from itertools import accumulate, repeat
from typing import Any

from protocol.errors import invalid

MAX_NESTING = 64
"""The deepest JSON the server parses at all (commands then allow 32 levels,
``payload_scan.MAX_DEPTH``; the Socket.IO frame's array adds one)."""

_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class TooDeep(dict[str, Any]):
    """Stands in for a Socket.IO frame's arguments nested past ``MAX_NESTING`` (an empty
    dict, so it travels as a payload to the command pipeline, which refuses it)."""


TOO_DEEP = TooDeep()


def too_deep(text: str | bytes) -> bool:
    """Whether the arrays and objects of a JSON text nest deeper than ``MAX_NESTING``
    (strings skipped), in one walk that stops at the first level too deep. It costs about
    what parsing the text would; a frame of millions of nested brackets, a few copies of
    the text and 65 steps."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return False  # cannot be deeper: the common case costs two counts
    # Outside strings: without escaped backslashes and quotes, every other piece between
    # quotes is a string (C-speed passes; a regular expression would try every position
    # of megabytes of brackets). Then the walk, stopping at the first level too deep.
    unescaped = text.replace("\\\\", "").replace('\\"', "")
    outside = "".join(unescaped.split('"')[::2])
    return any(depth > MAX_NESTING for depth in accumulate(map(_STEP.get, outside, repeat(0))))


def parse_body(text: str) -> Any:
    """An HTTP request's JSON body, or ``invalid`` saying why not."""
    if too_deep(text):
        raise invalid(f"The body is nested more than {MAX_NESTING} levels deep")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise invalid("The body is not JSON") from None


def _event_name(text: str) -> Any:
    """The first element of a Socket.IO frame's array (the event's name), or None."""
    start = len(text) - len(text.lstrip())
    if not text.startswith("[", start):
        return None
    after = start + 1
    after += len(text[after:after + 64]) - len(text[after:after + 64].lstrip())
    if not text.startswith('"', after):
        return None  # decode nothing but a string: anything else may be the deep part
    try:
        name, _end = json.JSONDecoder().raw_decode(text, after)
    except ValueError:
        return None
    return name


class SocketJson:
    """The JSON module python-socketio and python-engineio decode frames with: a frame
    nested past ``MAX_NESTING`` keeps its event name and ack id, its arguments become
    ``TOO_DEEP`` (so the client gets an ``invalid`` answer rather than silence)."""

    @staticmethod
    def dumps(*args: Any, **kwargs: Any) -> str:
        """As ``json.dumps``."""
        return json.dumps(*args, **kwargs)

    @staticmethod
    def loads(text: str | bytes, *args: Any, **kwargs: Any) -> Any:
        """As ``json.loads``, but never recursing past ``MAX_NESTING``."""
        if too_deep(text):
            decoded = text if isinstance(text, str) else bytes(text).decode("utf-8", errors="replace")
            name = _event_name(decoded)
            if not isinstance(name, str):
                raise ValueError(f"a frame nested more than {MAX_NESTING} levels deep")
            return [name, TOO_DEEP]
        return json.loads(text, *args, **kwargs)
