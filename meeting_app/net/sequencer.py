"""Putting one meeting's events in order: no gaps, no repeats.

Pure logic, no I/O and no Qt: the connection feeds it what arrives from the server and
delivers what it returns. The rules come from the protocol: every event of a meeting has
a ``seq`` one above the previous one, a snapshot is taken at a ``seq``, and applying the
events after that ``seq`` in order gives the current state.

Life of a meeting in the sequencer::

    join(meeting_id)          -> awaiting a snapshot: every event is buffered
    on_snapshot(seq)          -> last_seq = seq; buffered events above it are released
    on_event(event)           -> released at once if it is the next one, dropped if old,
                                 buffered if it leaves a gap (then needs_catch_up is True)
    on_events(seq, events)    -> the answer to a catch-up (``meeting.join`` with since_seq)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Event = dict[str, Any]

MAX_BUFFERED = 10_000
"""Beyond this many early events the buffer is dropped: a catch-up fetches them again."""


class Sequencer:
    """Orders the events of the joined meeting; see the module docstring."""

    def __init__(self) -> None:
        self._meeting_id: int | None = None
        self._last: int | None = None
        self._answered = 0
        """The newest seq the server's last join answer reported."""
        self._buffer: dict[int, Event] = {}

    # --- state -------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        """The meeting whose events are ordered, or None when no meeting is joined."""
        return self._meeting_id

    @property
    def last_seq(self) -> int | None:
        """The seq of the last event released (or of the snapshot); None before a snapshot."""
        return self._last

    @property
    def awaiting_snapshot(self) -> bool:
        """A meeting is joined but its first snapshot has not arrived yet."""
        return self._meeting_id is not None and self._last is None

    @property
    def needs_catch_up(self) -> bool:
        """Events are known to be missing after ``last_seq``: ask the server for them."""
        # Released events are contiguous, so anything still buffered sits behind a gap;
        # an answer newer than last_seq means a catch-up was cut short.
        return self._last is not None and (bool(self._buffer) or self._answered > self._last)

    @property
    def buffered(self) -> int:
        """How many early events are held back."""
        return len(self._buffer)

    # --- input -------------------------------------------------------------------------

    def join(self, meeting_id: int) -> None:
        """Start over for ``meeting_id``: forget everything and wait for its snapshot."""
        self._meeting_id, self._last, self._answered = meeting_id, None, 0
        self._buffer.clear()

    def leave(self) -> None:
        """Forget the meeting; every event is dropped until the next ``join``."""
        self._meeting_id, self._last, self._answered = None, None, 0
        self._buffer.clear()

    def on_event(self, event: Event) -> list[Event]:
        """Take one live event; return the events now ready, in order (maybe none)."""
        if self._meeting_id is None or event.get("meeting_id") != self._meeting_id:
            return []
        seq = event.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            return []
        if self._last is not None and seq <= self._last:
            return []  # a repeat: the snapshot or an earlier delivery already had it
        if len(self._buffer) >= MAX_BUFFERED and seq not in self._buffer:
            # Memory stays bounded; these events are in the server's log for a catch-up.
            self._buffer.clear()
        self._buffer[seq] = event
        return self._release()

    def on_snapshot(self, seq: int) -> list[Event]:
        """A snapshot taken at ``seq`` was handed on: continue from it.

        Returns the buffered events that follow it without a gap. A snapshot older than
        what was delivered (the server's log was reset) is believed: it replaces all.
        """
        if self._meeting_id is None:
            return []
        self._last = self._answered = seq
        return self._release()

    def on_events(self, seq: int, events: Iterable[Event]) -> list[Event]:
        """A catch-up answer: the missed events, the newest seq being ``seq``.

        Returns every event now ready, in order. Events already delivered are dropped; if
        the answer was cut short (more than the server replays at once) ``needs_catch_up``
        stays True and another catch-up continues from the new ``last_seq``.
        """
        if self._last is None:
            return []  # catch-ups follow a snapshot; without one there is nothing to extend
        ready: list[Event] = []
        for event in events:
            ready.extend(self.on_event(event))
        self._answered = seq
        return ready

    def expect(self, seq: int) -> None:
        """The server's log is known to reach ``seq`` (a heartbeat said so a beat ago): if
        that is past ``last_seq``, ``needs_catch_up`` becomes True."""
        if self._last is not None:
            self._answered = max(self._answered, seq)

    # --- internals ---------------------------------------------------------------------

    def _release(self) -> list[Event]:
        """Pop the buffered events that follow ``last_seq`` without a gap."""
        if self._last is None:
            return []  # still waiting for the snapshot: hold everything
        for old in [s for s in self._buffer if s <= self._last]:
            del self._buffer[old]
        ready: list[Event] = []
        while (self._last + 1) in self._buffer:
            self._last += 1
            ready.append(self._buffer.pop(self._last))
        return ready
