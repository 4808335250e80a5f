"""Delays between reconnection attempts: exponential, capped, with jitter."""

from __future__ import annotations

import random
from collections.abc import Callable


class Backoff:
    """0.5 s, 1 s, 2 s, 2 s, ... each spread by +/- ``jitter`` (a fraction).

    The jitter keeps a room full of clients from hammering a server that just came back
    all in the same instant. The cap is low because a meeting waits for its delegates: a
    client that keeps retrying every 2 s is back at most ~2.5 s after the server (a
    refused attempt costs the server next to nothing), where a 5 s cap left a restarted
    room catching up for 8 s.
    """

    def __init__(self, first: float = 0.5, cap: float = 2.0, jitter: float = 0.25,
                 rand: Callable[[], float] = random.random) -> None:
        self.first, self.cap, self.jitter = first, cap, jitter
        self._rand = rand
        self._attempt = 0

    def next(self) -> float:
        """The delay before the next attempt, in seconds; each call doubles the base."""
        base = min(self.cap, self.first * 2 ** min(self._attempt, 30))
        self._attempt += 1
        return max(0.0, base * (1 + self.jitter * (2 * self._rand() - 1)))

    def reset(self) -> None:
        """Start again from the first delay (after a successful connection)."""
        self._attempt = 0
