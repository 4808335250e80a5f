"""Who is signed in, where: what every window needs to open its own connection."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject

from meeting_app.net.auth import LoginResult
from meeting_app.net.connection import Connection
from protocol.roles import MeetingRole, MeetingStatus


@dataclass(frozen=True)
class Session:
    """A signed-in user on one server (the answer of ``POST /api/login``)."""

    server_url: str
    token: str
    user: dict[str, Any] = field(default_factory=dict)
    cache_key: bytes | None = None
    """The offline cache's key (None: files are cached in the clear; tests only)."""
    offline_grace_hours: float = 8.0
    allow_restricted_export: bool = False
    """The server lets restricted documents be exported (with a watermark)."""

    @classmethod
    def from_login(cls, result: LoginResult) -> Session:
        """The session of a successful login. A server that sends no cache key gets a
        random one for this session: the cache is still encrypted, just not reusable."""
        return cls(result.server_url, result.token, result.user,
                   result.cache_key or os.urandom(32), result.offline_grace_hours,
                   result.allow_restricted_export)

    @property
    def username(self) -> str:
        """My username (names my cache directory)."""
        return str(self.user.get("username") or "")

    @property
    def user_id(self) -> int:
        """My user id."""
        return int(self.user.get("id", 0))

    @property
    def full_name(self) -> str:
        """My name as people read it."""
        return str(self.user.get("full_name") or self.user.get("username") or "")

    @property
    def is_admin(self) -> bool:
        """Whether I administer the server."""
        return bool(self.user.get("is_admin"))

    @property
    def may_create_meetings(self) -> bool:
        """Admins and organizers create meetings (the server checks it again)."""
        return self.is_admin or bool(self.user.get("is_organizer"))

    def connect(self, parent: QObject | None = None) -> Connection:
        """A new, not yet started, connection for this user."""
        return Connection(self.server_url, self.token, parent)


def may_prepare(session: Session, role: str | None, status: str) -> bool:
    """Whether the preparation dialog makes sense for a meeting I have ``role`` in."""
    if status == MeetingStatus.ENDED:
        return False
    return session.may_create_meetings or role in (MeetingRole.CHAIR, MeetingRole.SECRETARY)
