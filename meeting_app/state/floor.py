"""The floor and the agenda's clock in numbers: queues, positions, countdowns, time spent.

Pure functions over the store's data and a server time (``store.clock.now()``), so the
floor page, the strip, the chair console and the room display all count the same way,
and tests can pass a fixed moment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from meeting_app.state.clock import parse_time
from protocol.roles import MeetingStatus
from protocol.statuses import SpeakerKind

KINDS = (SpeakerKind.SPEAK, SpeakerKind.QUESTION)
WARN_SECONDS = 30
"""Under this many seconds left, the countdown turns amber."""
LIMIT_CHOICES = (60, 120, 180, 300, 600, None)
"""The time limits the chair picks from when granting the floor (None: no limit)."""


def queue_of(speakers: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The pending requests of one kind, in their order."""
    return [r for r in speakers.get("queue") or [] if r["kind"] == kind]


def position_of(speakers: dict[str, Any], request_id: int) -> int | None:
    """The 1-based place of a request in its own queue, or None if it is not pending."""
    request = next((r for r in speakers.get("queue") or [] if r["id"] == request_id), None)
    if request is None:
        return None
    ids = [r["id"] for r in queue_of(speakers, request["kind"])]
    return ids.index(request_id) + 1


def pending_of(speakers: dict[str, Any], user_id: int | None) -> list[dict[str, Any]]:
    """A user's pending requests (at most one per kind)."""
    return [r for r in speakers.get("queue") or [] if r["user_id"] == user_id]


def moved(ids: list[int], request_id: int, delta: int) -> list[int] | None:
    """``ids`` with ``request_id`` moved ``delta`` places (None if it cannot move)."""
    if request_id not in ids:
        return None
    at = ids.index(request_id)
    to = at + delta
    if to < 0 or to >= len(ids) or to == at:
        return None
    order = [i for i in ids if i != request_id]
    order.insert(to, request_id)
    return order


def seconds_between(start: str | None, end: datetime) -> float:
    """Seconds from a wire time to ``end`` (0 without a start)."""
    began = parse_time(start) if start else None
    return (end - began).total_seconds() if began else 0.0


@dataclass(frozen=True)
class FloorTime:
    """Where the current speaker stands against their limit."""

    elapsed: float
    """Seconds spoken so far."""
    limit: int | None
    """The limit in seconds, or None (no limit: count up)."""
    remaining: float | None
    """Seconds left (negative once over), or None without a limit."""

    @property
    def tone(self) -> str:
        """``"normal"``, ``"warning"`` (under 30 s left) or ``"over"``."""
        if self.remaining is None:
            return "normal"
        if self.remaining <= 0:
            return "over"
        return "warning" if self.remaining < WARN_SECONDS else "normal"

    @property
    def text(self) -> str:
        """The clock as shown: ``02:41`` left, ``+00:12`` over, or ``04:10`` spoken (no limit)."""
        if self.remaining is None:
            return clock_text(self.elapsed)
        if self.remaining > 0:
            # Round up: "00:01" during the last second, "00:00" exactly at the end.
            return clock_text(math.ceil(self.remaining))
        return "+" + clock_text(-self.remaining)


def floor_time(current: dict[str, Any] | None, now: datetime) -> FloorTime | None:
    """The timing of the speaker holding the floor at server time ``now`` (None: nobody)."""
    if not current:
        return None
    elapsed = max(0.0, seconds_between(current.get("started_at"), now))
    ends_at = current.get("ends_at")
    remaining = (parse_time(ends_at) - now).total_seconds() if ends_at else None
    return FloorTime(elapsed, current.get("limit_seconds"), remaining)


def clock_text(seconds: float) -> str:
    """``MM:SS`` (``H:MM:SS`` from an hour) for a number of seconds."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def hours_text(seconds: float) -> str:
    """``H:MM:SS`` always (a meeting's length, not to be read as a time of day)."""
    total = max(0, int(seconds))
    return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


@dataclass(frozen=True)
class ItemTiming:
    """One agenda item's planned and spent time."""

    item_id: int
    title: str
    planned: int | None
    """Planned seconds (``duration_min`` × 60), or None."""
    spent: float
    """Seconds spent on it: earlier periods plus the running one if it is current."""
    current: bool

    @property
    def over(self) -> bool:
        return self.planned is not None and self.spent > self.planned


@dataclass(frozen=True)
class MeetingTiming:
    planned: int
    """The sum of the items' planned durations, in seconds."""
    elapsed: float
    """Seconds since the meeting started (to its end once ended); 0 before the start."""
    items: list[ItemTiming]

    @property
    def spent_on_items(self) -> float:
        return sum(item.spent for item in self.items)


def agenda_timing(meeting: dict[str, Any], agenda: list[dict[str, Any]], now: datetime) -> MeetingTiming:
    """The agenda's timing at server time ``now`` (see ``ItemTiming``)."""
    live = meeting.get("status") == MeetingStatus.LIVE
    current_id = meeting.get("current_item_id")
    running = seconds_between(meeting.get("current_item_started_at"), now) if live else 0.0
    items = []
    for item in agenda:
        current = item["id"] == current_id
        spent = float(item.get("elapsed_seconds") or 0) + (max(0.0, running) if current else 0.0)
        minutes = item.get("duration_min")
        items.append(ItemTiming(item["id"], item["title"], minutes * 60 if minutes else None,
                                spent, current))
    planned = sum(item.planned or 0 for item in items)
    if meeting.get("started_at"):
        end = parse_time(meeting["ended_at"]) if meeting.get("ended_at") else now
        elapsed = max(0.0, seconds_between(meeting["started_at"], end))
    else:
        elapsed = 0.0
    return MeetingTiming(planned, elapsed, items)
