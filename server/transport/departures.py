"""Closed sockets leave their meeting after a grace period, so a blip is not a departure.

A tablet that changes Wi-Fi access point, or every client of a server process that
restarts, drops its socket and comes back within seconds. Taking such a user offline at
once and online again costs two ``presence.changed`` events to everyone in the meeting
for every returning client (O(N²) deliveries when a whole room reconnects) and makes every
returning client replay the others' comings and goings. Instead the closed socket's
connection row is kept for ``presence_grace_seconds``: the user stays online, a new socket
of theirs joins without an event, and when the grace is over the old row goes, taking the
user offline only if they did not come back.

If the process stops before the grace is over, the rows stay with its instance id and the
next sweep of dead processes (``presence.sweep_instances``) removes them in the same way.

A departure that fails (the database restarting) is tried again later, with growing
pauses, for as long as the process lives: nobody else would remove the row of a live
process, and its user would stay online for good.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0, 10.0)
"""Pauses before the next attempt at a failed departure (the last one repeats)."""


class Departures:
    """The closed sockets of this process waiting for their grace period to end."""

    def __init__(self, grace_seconds: float, depart: Callable[[str, int | None], Awaitable[None]]) -> None:
        """``depart(sid, meeting_id)`` removes a socket's connection (and may take its user offline)."""
        self.grace_seconds = grace_seconds
        self._depart = depart
        self._waiting: dict[str, asyncio.TimerHandle] = {}
        self._running: set[asyncio.Task[None]] = set()
        self._stopped = False

    async def closed(self, sid: str, meeting_id: int | None) -> None:
        """A socket closed: depart now without a grace period, else when it ends (after
        ``stop``: never, the row is left to the sweep of dead processes)."""
        if self._stopped:
            return
        if self.grace_seconds <= 0:
            await self._run(sid, meeting_id, 0)
            return
        self._later(self.grace_seconds, sid, meeting_id, 0)

    def _later(self, delay: float, sid: str, meeting_id: int | None, attempt: int) -> None:
        loop = asyncio.get_running_loop()
        self._waiting[sid] = loop.call_later(delay, self._start, sid, meeting_id, attempt)

    def _start(self, sid: str, meeting_id: int | None, attempt: int) -> None:
        self._waiting.pop(sid, None)
        task = asyncio.get_running_loop().create_task(self._run(sid, meeting_id, attempt))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _run(self, sid: str, meeting_id: int | None, attempt: int) -> None:
        try:
            await self._depart(sid, meeting_id)
        except Exception:
            if self._stopped:  # shutting down: the dead-process sweep removes the row
                log.exception("removing the closed socket %s failed", sid)
                return
            delay = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
            log.warning("removing the closed socket %s failed (attempt %d); again in %g s",
                        sid, attempt + 1, delay, exc_info=attempt == 0)  # one stack is enough
            self._later(delay, sid, meeting_id, attempt + 1)

    def __len__(self) -> int:
        return len(self._waiting) + len(self._running)

    async def stop(self) -> None:
        """At shutdown, once every socket is closed: forget the waiting departures (their
        rows are swept later, by which time most users are back), finish the running ones."""
        self._stopped = True
        for handle in self._waiting.values():
            handle.cancel()
        self._waiting.clear()
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)
