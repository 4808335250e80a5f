"""What every domain function receives and returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from server.domain.quotas import Quotas
from server.persistence.models import Meeting, Participant


@dataclass(frozen=True)
class Actor:
    """The authenticated user a command runs for."""

    user_id: int
    username: str
    full_name: str
    is_admin: bool = False
    is_organizer: bool = False


@dataclass(frozen=True)
class PendingEvent:
    """An event a domain function caused; the transport gives it a seq and sends it."""

    meeting_id: int
    type: str
    data: dict[str, Any]
    audience: tuple[int, ...] | None = None
    """The users who may see ``data`` whole (None: everyone); see ``Event.audience``."""
    managers: tuple[int, ...] | None = None
    """Of the audience, those who also see manager-only fields; see ``Event.managers``."""
    others: tuple[int, ...] = ()
    """Participants outside the audience: they are sent the withheld form live."""


@dataclass(frozen=True)
class UserEvent:
    """Something only one user may see (a private annotation, a personal note): sent after
    commit to that user's connections in the meeting, without a seq, never logged."""

    meeting_id: int
    user_id: int
    type: str
    data: dict[str, Any]
    skip_sid: str | None = None
    """The socket that caused it (it has the answer already)."""


@dataclass(frozen=True)
class SessionEnd:
    """Sockets to close after commit, on whichever process holds them: their login no
    longer holds (tokens revoked, account deactivated), or their user's global roles
    changed (``reason`` None: closed quietly, the client reconnects as who it is now)."""

    sids: tuple[str, ...]
    reason: str | None = None
    code: str | None = None
    """A machine-readable kind (``"deactivated"``), sent beside the reason."""


@dataclass
class Outcome:
    """A domain function's result: the answer's data and the events it caused."""

    data: dict[str, Any] = field(default_factory=dict)
    events: list[PendingEvent] = field(default_factory=list)
    finish: Callable[[], dict[str, Any]] | None = None
    """Computes more of the answer once the events have their seq (``meeting.join``)."""
    user_events: list[UserEvent] = field(default_factory=list)
    ended: list[SessionEnd] = field(default_factory=list)
    """Sockets the transport closes once the change is committed."""


class Stale(Exception):
    """What was prepared before the transaction no longer matches the meeting."""


@dataclass
class CommandContext:
    """One command's unit of work: the session, who runs it, and where."""

    session: Session
    actor: Actor
    sid: str | None = None
    meeting: Meeting | None = None
    participant: Participant | None = None
    prepared: Any = None
    """What the command's ``prepare`` step made before the transaction (the rendered
    minutes), or None."""
    quotas: Quotas = field(default_factory=Quotas)
    """The server's storage quotas (``domain/quotas.py``)."""

    def require_meeting(self) -> Meeting:
        """The meeting the command targets (resolved by the permission check)."""
        if self.meeting is None:
            raise RuntimeError("command has no meeting in its context")
        return self.meeting
