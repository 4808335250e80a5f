"""What the transport handlers share: the database, the socket server, the pipeline."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

import socketio

from server.domain.context import Actor
from server.persistence.db import Database
from server.settings import Settings

T = TypeVar("T")

CONNECTION_KEY = "connection"
"""Where a socket's ConnectionInfo lives in its python-socketio session."""


@dataclass
class ConnectionInfo:
    """Who is on a socket, kept in the socket's session for the connection's lifetime."""

    actor: Actor
    token_id: int
    token_expires_at: datetime
    meeting_id: int | None = None


@dataclass
class Services:
    settings: Settings
    db: Database
    sio: socketio.AsyncServer
    executor: ThreadPoolExecutor

    async def in_thread(self, fn: Callable[[], T]) -> T:
        """Run blocking database work off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn)


def meeting_room(meeting_id: int) -> str:
    """The Socket.IO room of a meeting's joined connections."""
    return f"meeting:{meeting_id}"
