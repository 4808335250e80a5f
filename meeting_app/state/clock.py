"""The server's clock as this client knows it, for countdowns every site must agree on.

A speaker's time limit ends at a server time (``ends_at``); a client whose own clock is a
minute off would show a different countdown. Each answer that carries ``server_time``
(joining, heartbeats) is a sample: server time = local time + offset, corrected by half
the round trip. The sample with the shortest round trip among the recent ones wins, as
in NTP, because its error is the smallest.
"""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime, timedelta


def parse_time(value: str) -> datetime:
    """An ISO 8601 time from the server, as an aware datetime (UTC if it has no zone)."""
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class ServerClock:
    """Local time corrected by the offset learned from the server's answers."""

    KEEP = 8
    """How many recent samples the best one is chosen from."""

    def __init__(self) -> None:
        self._samples: deque[tuple[float, float]] = deque(maxlen=self.KEEP)  # (rtt, offset)

    def observe(self, server_time: str, rtt_seconds: float = 0.0,
                received_at: datetime | None = None) -> None:
        """Learn from an answer stamped ``server_time`` that took ``rtt_seconds`` to come back."""
        received = received_at or datetime.now(UTC)
        estimate = parse_time(server_time) + timedelta(seconds=max(rtt_seconds, 0.0) / 2)
        self._samples.append((rtt_seconds, (estimate - received).total_seconds()))

    @property
    def offset(self) -> float:
        """Seconds to add to local time to get the server's (0 before any sample)."""
        if not self._samples:
            return 0.0
        return min(self._samples)[1]

    def now(self) -> datetime:
        """The server's time now."""
        return datetime.now(UTC) + timedelta(seconds=self.offset)

    def seconds_until(self, moment: str) -> float:
        """Seconds from now (server time) to an ISO time; negative once it has passed."""
        return (parse_time(moment) - self.now()).total_seconds()

    def seconds_since(self, moment: str) -> float:
        """Seconds from an ISO time to now (server time)."""
        return -self.seconds_until(moment)
