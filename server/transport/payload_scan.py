"""What a payload may hold before any model looks at it: shallow nesting, real text.

JSON lets a client send things no command means and that break what comes after the
model: a lone UTF-16 surrogate (``"\\ud800"``) is a Python string that cannot be encoded
as UTF-8, so neither measured, logged nor stored; a NUL character is refused by
PostgreSQL's text columns; nesting thousands of levels deep exhausts the recursion of
whatever walks it; binary data (a Socket.IO binary event's attachment) is no JSON at
all. Each is refused here as ``invalid``, with one walk and no recursion. A frame nested
past what the transport parses at all arrives as ``json_limits.TOO_DEEP``.
"""

from __future__ import annotations

from typing import Any

from protocol.errors import invalid
from server.transport.json_limits import TooDeep

MAX_DEPTH = 32
"""The deepest nesting of objects and arrays a payload may have (an ink stroke's points,
the deepest thing a command carries, are six levels down)."""


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise invalid("Text may not contain NUL characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise invalid("Text must be valid Unicode (it holds a lone UTF-16 surrogate)") from None


def scan_payload(raw: Any) -> None:
    """Refuse a payload nested deeper than MAX_DEPTH or holding text that is not real text."""
    if isinstance(raw, TooDeep):
        raise invalid(f"The payload is nested more than {MAX_DEPTH} levels deep")
    pending: list[tuple[Any, int]] = [(raw, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            _check_text(value)
        elif isinstance(value, bytes | bytearray | memoryview):
            raise invalid("A command's payload is JSON: binary data is not accepted")
        elif isinstance(value, dict | list | tuple):
            if depth > MAX_DEPTH:
                raise invalid(f"The payload is nested more than {MAX_DEPTH} levels deep")
            if isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(key, str):
                        _check_text(key)
                    pending.append((item, depth + 1))
            else:
                pending.extend((item, depth + 1) for item in value)
