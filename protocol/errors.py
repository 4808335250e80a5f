"""Error codes of the command envelope, and the exception that carries one."""

from __future__ import annotations

import math
from enum import StrEnum


class ErrorCode(StrEnum):
    """The fixed set of codes a failed command may answer with."""

    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    INVALID = "invalid"
    CONFLICT = "conflict"
    CLOSED = "closed"
    UNAUTHENTICATED = "unauthenticated"
    RATE_LIMITED = "rate_limited"
    INTERNAL = "internal"


DEACTIVATED = "deactivated"
"""``reason`` of a login or socket refusal because the account is deactivated: the client
wipes its offline cache for that user (see docs/offline-cache.md)."""


class ProtocolError(Exception):
    """A refusal that is answered to the caller as an error envelope."""

    def __init__(self, code: ErrorCode, message: str, reason: str | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.reason = reason
        """A machine-readable detail a client acts on (e.g. ``DEACTIVATED``), or None."""
        self.retry_after = retry_after
        """For ``rate_limited``: seconds after which the same call may succeed."""

    def to_envelope(self) -> dict[str, object]:
        """The ``{"ok": false, "error": ...}`` answer for this refusal (with ``reason`` and
        ``retry_after`` when it has them)."""
        envelope = error_envelope(self.code, self.message)
        if self.reason:
            envelope["error"]["reason"] = self.reason  # type: ignore[index]
        if self.retry_after is not None:
            envelope["error"]["retry_after"] = self.retry_after  # type: ignore[index]
        return envelope


def error_envelope(code: ErrorCode, message: str) -> dict[str, object]:
    """Build a failed command's answer."""
    return {"ok": False, "error": {"code": str(code), "message": message}}


def ok_envelope(data: dict[str, object] | None = None) -> dict[str, object]:
    """Build a successful command's answer."""
    return {"ok": True, "data": data if data is not None else {}}


def forbidden(message: str = "You do not have the right to do this") -> ProtocolError:
    return ProtocolError(ErrorCode.FORBIDDEN, message)


def not_found(message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.NOT_FOUND, message)


def invalid(message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID, message)


def conflict(message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.CONFLICT, message)


def closed(message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.CLOSED, message)


def rounded_wait(seconds: float) -> float:
    """A wait as answered: rounded up to a tenth of a second, at least a tenth."""
    return max(0.1, math.ceil(seconds * 10 - 1e-9) / 10)


def rate_limited(message: str, retry_after: float) -> ProtocolError:
    """A refusal for going too fast: the same call may succeed after ``retry_after`` seconds
    (rounded up to a tenth)."""
    return ProtocolError(ErrorCode.RATE_LIMITED, message, retry_after=rounded_wait(retry_after))
