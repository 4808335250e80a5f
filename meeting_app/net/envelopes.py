"""Command envelopes made on the client side, and the request_id rule.

The server answers every command with ``{"ok": true, "data": ...}`` or ``{"ok": false,
"error": {"code", "message"}}``. When no answer can come, the connection makes an error
envelope of the same shape with one of the local codes below, so that a callback handles
one kind of value whatever happened.
"""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from protocol import commands as c

Envelope = dict[str, Any]


class LocalErrorCode(StrEnum):
    """Error codes made by the client, next to the server's ``protocol.errors.ErrorCode``."""

    TIMEOUT = "timeout"
    """No answer in time; the command may or may not have been carried out."""
    OFFLINE = "offline"
    """Not connected, or the connection was lost before the answer."""


NO_REQUEST_ID = frozenset(command.command for command in (
    c.MeetingList, c.UserList, c.MeetingJoin, c.MeetingLeave, c.SiteStatus, c.PresenceHeartbeat))
"""Commands that change nothing worth protecting from a repeat. A join must never carry a
request_id: the server would store its (large) answer and replay a stale snapshot; a
heartbeat or a status poll every 2 s would fill the store of answers for nothing."""


def local_error(code: LocalErrorCode, message: str) -> Envelope:
    """An error envelope made on this side of the wire."""
    return {"ok": False, "error": {"code": str(code), "message": message}}


def offline_error() -> Envelope:
    return local_error(LocalErrorCode.OFFLINE,
                       "Not connected to the server. Try again when the connection is back.")


def lost_error() -> Envelope:
    return local_error(LocalErrorCode.OFFLINE,
                       "The connection was lost before the server answered; the command may "
                       "or may not have been carried out.")


def timeout_error(name: str, timeout: float) -> Envelope:
    return local_error(LocalErrorCode.TIMEOUT,
                       f"The server did not answer {name} within {timeout:g} seconds; it may "
                       "or may not have been carried out.")


def is_mutating(name: str) -> bool:
    """Whether ``name`` changes state (and so gets a request_id for safe retries)."""
    return name not in NO_REQUEST_ID and not name.endswith(".list")


def new_request_id() -> str:
    """A fresh request_id (a UUID4 string), for a caller that wants to retry by hand."""
    return str(uuid.uuid4())


def prepare_payload(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``payload`` with a fresh ``request_id`` if the command mutates and has none."""
    if not isinstance(payload, dict):
        raise TypeError(f"a command payload is a dict, not {type(payload).__name__}")
    prepared = dict(payload)
    if is_mutating(name) and prepared.get("request_id") is None:
        prepared["request_id"] = new_request_id()
    return prepared


MAX_RETRY_WAIT = 30.0
"""A ``retry_after`` longer than this is not waited for by itself."""


def retry_wait(envelope: Envelope) -> float | None:
    """The seconds a ``rate_limited`` answer asks to wait before the same call, or None
    (another answer, or no usable ``retry_after``)."""
    error = envelope.get("error") if envelope.get("ok") is False else None
    if not isinstance(error, dict) or error.get("code") != "rate_limited":
        return None
    wait = error.get("retry_after")
    if isinstance(wait, bool) or not isinstance(wait, int | float) or not 0 <= wait <= MAX_RETRY_WAIT:
        return None
    return float(wait)


def unreadable_answer() -> Envelope:
    """The error for an answer that does not have the shape the protocol promises."""
    return {"ok": False, "error": {"code": "internal",
                                   "message": "The server's answer could not be understood."}}


def checked_answer(answer: Any) -> Envelope:
    """The server's answer if it has the envelope's shape, else an ``internal`` error."""
    if isinstance(answer, dict) and answer.get("ok") is True and isinstance(answer.get("data"), dict):
        return answer
    if isinstance(answer, dict) and answer.get("ok") is False and isinstance(answer.get("error"), dict):
        error = answer["error"]
        if isinstance(error.get("code"), str) and isinstance(error.get("message"), str):
            return answer
    return unreadable_answer()
