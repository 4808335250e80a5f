"""The heartbeat: how the server knows each site's link is alive, and how fast it is.

While a meeting is joined and the socket is up, the client sends ``presence.heartbeat
{"meeting_id", "rtt_ms"}`` every ``interval`` seconds, ``rtt_ms`` being the round trip of
the previous heartbeat (measured with a monotonic clock, so a changed wall clock cannot
distort it). One heartbeat at a time: the next one leaves only after the previous one was
answered (or timed out), so a slow link is not flooded, and the pause between two is the
interval minus the time the previous one took.

Each answer carries ``server_time``: with its round trip it is a sample for the client's
``ServerClock``; and, once the server has read it, the meeting's newest ``seq``, which
tells the connection that events were lost on the way (see ``NetworkSession``). Runs on
the connection's asyncio thread; it reports through callbacks.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from meeting_app.net.envelopes import Envelope, LocalErrorCode
from protocol import commands as c

INTERVAL = 2.0
"""Seconds between two heartbeats (the server calls a site lost after 6 s of silence)."""
TIMEOUT = 6.0
"""A heartbeat not answered within this is given up: the link counts as lost."""

LOCAL_CODES = frozenset(str(code) for code in LocalErrorCode)
Call = Callable[[str, dict[str, Any], float], Awaitable[Envelope]]


class Heartbeat:
    """Sends heartbeats while ``meeting()`` names a meeting; see the module docstring.

    ``on_answer(server_time, rtt_seconds)`` is called for every answered heartbeat;
    ``on_rtt(rtt_ms)`` after every heartbeat, with None when it got no answer in time;
    ``on_seq(meeting_id, seq)`` for every answer that carries the meeting's newest seq.
    """

    def __init__(self, call: Call, meeting: Callable[[], int | None],
                 on_answer: Callable[[str, float], None], on_rtt: Callable[[int | None], None],
                 interval: float = INTERVAL, timeout: float = TIMEOUT,
                 clock: Callable[[], float] = time.monotonic,
                 on_seq: Callable[[int, int], None] | None = None) -> None:
        self._call, self._meeting = call, meeting
        self._on_answer, self._on_rtt, self._on_seq = on_answer, on_rtt, on_seq
        self.interval, self.timeout, self._clock = interval, timeout, clock
        self.last_rtt_ms: int | None = None
        """The round trip of the last heartbeat, in ms (None: none yet, or unanswered)."""

    async def run(self) -> None:
        """Beat until cancelled (the connection cancels it when the socket goes down)."""
        self.last_rtt_ms = None  # a new socket: the old link's measure says nothing
        while True:
            began = self._clock()
            meeting_id = self._meeting()
            if meeting_id is not None:
                await self.beat(meeting_id)
            await asyncio.sleep(max(0.0, self.interval - (self._clock() - began)))

    async def beat(self, meeting_id: int) -> None:
        """Send one heartbeat and wait for its answer."""
        payload: dict[str, Any] = {"meeting_id": meeting_id}
        if self.last_rtt_ms is not None:
            payload["rtt_ms"] = self.last_rtt_ms
        sent = self._clock()
        envelope = await self._call(c.PresenceHeartbeat.command, payload, self.timeout)
        rtt = self._clock() - sent
        if not envelope["ok"] and envelope["error"]["code"] in LOCAL_CODES:
            # Unanswered (timeout, lost socket): no measure to pass on. A refusal still
            # came back over the link, so it measures it.
            self.last_rtt_ms = None
            self._on_rtt(None)
            return
        self.last_rtt_ms = min(600_000, round(rtt * 1000))
        self._on_rtt(self.last_rtt_ms)
        server_time = envelope["data"].get("server_time") if envelope["ok"] else None
        if isinstance(server_time, str):
            self._on_answer(server_time, rtt)
        seq = envelope["data"].get("seq") if envelope["ok"] else None
        if self._on_seq is not None and isinstance(seq, int) and not isinstance(seq, bool):
            self._on_seq(meeting_id, seq)
