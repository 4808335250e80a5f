"""What the transport handlers share: the database, the socket server, the pipeline."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

import socketio

from server.documents.intake import Intake
from server.domain.context import Actor
from server.persistence.blobs import BlobStore
from server.persistence.db import Database
from server.settings import Settings
from server.transport.limits import CommandLimits, HttpLimits, LoginSlowdown, SocketCounts
from server.transport.usage import TokenUsage

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
    blobs: BlobStore
    intake: Intake
    renderer: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="render"))
    """One thread renders the minutes: CPU work off the event loop, and PyMuPDF, which is not
    thread-safe, used by one thread at a time."""
    usage: TokenUsage = field(init=False)
    """The token uses not yet written (for the idle timeout)."""
    heavy: ThreadPoolExecutor = field(init=False)
    """The few threads heavy reads (search) run on, so that they never hold every database
    thread (``Limits.heavy_threads``)."""
    command_limits: CommandLimits = field(init=False)
    http_limits: HttpLimits = field(init=False)
    socket_counts: SocketCounts = field(init=False)
    login_slowdown: LoginSlowdown = field(init=False)

    def __post_init__(self) -> None:
        self.usage = TokenUsage(self.settings.auth.usage_interval)
        limits = self.settings.limits
        self.heavy = ThreadPoolExecutor(max(1, limits.heavy_threads), thread_name_prefix="heavy")
        self.command_limits = CommandLimits(limits)
        self.http_limits = HttpLimits(limits)
        self.socket_counts = SocketCounts(limits.sockets_per_token)
        self.login_slowdown = LoginSlowdown(limits.login_slow_seconds, limits.login_slow_wait)

    async def in_thread(self, fn: Callable[[], T]) -> T:
        """Run blocking database work off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn)

    async def in_heavy_thread(self, fn: Callable[[], T]) -> T:
        """Run a heavy read on the heavy-read threads."""
        return await asyncio.get_running_loop().run_in_executor(self.heavy, fn)

    async def rendering(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` on the rendering thread."""
        return await asyncio.get_running_loop().run_in_executor(self.renderer, fn)


def meeting_room(meeting_id: int) -> str:
    """The Socket.IO room of a meeting's joined connections."""
    return f"meeting:{meeting_id}"


def viewer_room(meeting_id: int, user_id: int) -> str:
    """The room of one user's connections that joined a meeting: where the events that
    differ per receiver go. (Per meeting, not per user: a user's window on another meeting
    must not receive this one's events.)"""
    return f"meeting:{meeting_id}:user:{user_id}"


async def enter_meeting(sio: socketio.AsyncServer, sid: str, meeting_id: int, user_id: int) -> None:
    """Put a socket in the meeting's rooms."""
    await sio.enter_room(sid, meeting_room(meeting_id))
    await sio.enter_room(sid, viewer_room(meeting_id, user_id))


async def leave_meeting(sio: socketio.AsyncServer, sid: str, meeting_id: int, user_id: int) -> None:
    """Take a socket out of the meeting's rooms (on whichever process holds it)."""
    await sio.leave_room(sid, meeting_room(meeting_id))
    await sio.leave_room(sid, viewer_room(meeting_id, user_id))
