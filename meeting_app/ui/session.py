"""Who is signed in, where; and the factory of each open meeting's ``MeetingSession``
(the only place the client makes a meeting's connection and store)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from meeting_app.net.auth import LoginResult
from meeting_app.net.connection import Connection
from meeting_app.state.documents import default_cache_dir
from meeting_app.state.session import MeetingSession, MeetingSessions
from meeting_app.vault import user_cache_dir
from protocol.roles import MeetingRole, MeetingStatus

LEGACY_OUTBOX = "outbox.json"
"""The one outbox file of every meeting, before each meeting had its own."""
LEGACY_DRAFTS = "minutes-drafts"
"""Where minutes drafts were kept as files, before they went into the outbox."""


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
        """A new, not yet started, connection for this user (the meetings list's own; a
        meeting's windows share their ``MeetingSession``'s)."""
        return Connection(self.server_url, self.token, parent)

    def open_meeting(self, meeting_id: int | None, cache_dir: Path | None = None,
                     connection: Any = None, parent: QObject | None = None) -> MeetingSession:
        """A new session for one meeting (None: one still to be created): its connection
        (``connection``, a stand-in for tests, or a new one), store and outbox, the outbox
        sealed with my cache key in my cache directory under ``cache_dir``.

        Windows do not call this: they are handed the session ``meeting_sessions`` made.
        """
        root = cache_dir or default_cache_dir()
        mine = user_cache_dir(root, self.server_url, self.username)
        outbox = mine / f"outbox-meeting-{meeting_id}.json" if meeting_id is not None else None
        made = MeetingSession(meeting_id, connection if connection is not None else self.connect(),
                              outbox, self.cache_key, parent)
        if meeting_id is not None:  # what an older version left behind is sent from here
            made.outbox.adopt(mine / LEGACY_OUTBOX)
            made.drafts.adopt_directory(root / LEGACY_DRAFTS, meeting_id)
        else:  # created from the preparation dialog: its meeting's outbox once it exists
            made.joined.connect(lambda joined: made.outbox.place(mine / f"outbox-meeting-{joined}.json"))
        return made

    def meeting_sessions(self, cache_dir: Path | None = None,
                         parent: QObject | None = None) -> MeetingSessions:
        """The registry of my open meetings: one session per meeting, shared by its windows."""
        return MeetingSessions(lambda meeting_id: self.open_meeting(meeting_id, cache_dir), parent)


def may_prepare(session: Session, role: str | None, status: str) -> bool:
    """Whether the preparation dialog makes sense for a meeting I have ``role`` in."""
    if status == MeetingStatus.ENDED:
        return False
    return session.may_create_meetings or role in (MeetingRole.CHAIR, MeetingRole.SECRETARY)
