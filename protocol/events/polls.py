"""Events of voting."""

from __future__ import annotations

from protocol.answers.base import IsoTime
from protocol.events.base import EventData
from protocol.events.names import (
    POLL_CHANGED,
    POLL_CLOSED,
    POLL_PROGRESS,
    POLL_PROXY_VOTED,
    POLL_REMINDER,
    POLL_REMOVED,
)
from protocol.shapes.polls import Poll, PollResult


class PollChanged(EventData, event=POLL_CHANGED):
    poll: Poll


class PollRemoved(EventData, event=POLL_REMOVED):
    poll_id: int


class PollProgress(EventData, event=POLL_PROGRESS):
    """New voters (``user_ids``; ``user_id``: the last of them) and the turnout."""

    poll_id: int
    user_ids: list[int]
    user_id: int
    ballots: int
    by_site: dict[str, int]


class PollClosed(EventData, event=POLL_CLOSED):
    poll_id: int
    result: PollResult
    closed_at: IsoTime


class PollReminder(EventData, event=POLL_REMINDER):
    """The voters who have not answered a written poll yet."""

    poll_id: int
    closes_at: IsoTime | None
    user_ids: list[int]


class PollProxyVoted(EventData, event=POLL_PROXY_VOTED, user=True):
    """Your proxy cast (or changed) your ballot (never what they chose)."""

    poll_id: int
    proxy_id: int
