"""Signed-in UI sessions against a real test server."""

from __future__ import annotations

from meeting_app.ui.session import Session
from tests.support.server_process import ServerProcess


def session_for(server: ServerProcess, username: str) -> Session:
    """Log ``username`` in (demo password) and return the session the windows take."""
    body = server.login(username)
    return Session(server.url, body["token"], body["user"])
