"""Signed-in UI sessions against a real test server."""

from __future__ import annotations

import base64

from meeting_app.ui.session import Session
from tests.support.server_process import ServerProcess


def session_for(server: ServerProcess, username: str) -> Session:
    """Log ``username`` in (demo password) and return the session the windows take, with
    the cache key the server released: the room caches its documents sealed, as in use."""
    body = server.login(username)
    key = base64.b64decode(body["cache_key"]) if body.get("cache_key") else None
    return Session(server.url, body["token"], body["user"], key,
                   float(body.get("offline_grace_hours", 8)),
                   bool(body.get("allow_restricted_export", False)))
