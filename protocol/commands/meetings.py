"""Meetings: listing, creating, editing, joining and running one; presence."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    Field,
)

from protocol.answers.base import Empty
from protocol.answers.meetings import (
    HeartbeatAnswer,
    MeetingCreateAnswer,
    MeetingJoinAnswer,
    MeetingListAnswer,
    MeetingUpdateAnswer,
    SiteStatusAnswer,
)
from protocol.capabilities import Capability
from protocol.commands.base import MeetingPayload, Payload, ShortText, Timestamp, Title


class MeetingList(Payload, command="meeting.list", needs=Capability.LIST_MEETINGS, answer=MeetingListAnswer):
    """The meetings the caller takes part in (all of them for an admin)."""


class MeetingCreate(Payload, command="meeting.create", needs=Capability.CREATE_MEETINGS,
        answer=MeetingCreateAnswer):
    title: Title
    starts_at: Timestamp
    ends_at: Timestamp | None = None
    location: ShortText | None = None
    sites: Annotated[list[Title], Field(min_length=1, max_length=100)]


QuorumRule = Literal["more_than_half", "at_least_half", "two_thirds", "none"]
"""How many members must be present (in person or by proxy) for the meeting to decide."""


class MeetingUpdate(MeetingPayload, command="meeting.update", needs=Capability.EDIT_MEETING,
        answer=MeetingUpdateAnswer):
    title: Title | None = None
    starts_at: Timestamp | None = None
    ends_at: Timestamp | None = None
    location: ShortText | None = None
    quorum_rule: QuorumRule | None = None


class MeetingJoin(MeetingPayload, command="meeting.join", needs=Capability.TAKE_PART,
        answer=MeetingJoinAnswer):
    since_seq: Annotated[int, Field(ge=0)] | None = None


class MeetingLeave(MeetingPayload, command="meeting.leave", needs=Capability.TAKE_PART, answer=Empty):
    """Leave the meeting's room (the socket stops receiving its events)."""


class MeetingStart(MeetingPayload, command="meeting.start", needs=Capability.RUN_MEETING, answer=Empty):
    """The meeting begins (scheduled -> live)."""


class MeetingEnd(MeetingPayload, command="meeting.end", needs=Capability.RUN_MEETING, answer=Empty):
    """The meeting ends (live -> ended)."""


class SiteStatus(MeetingPayload, command="site.status", needs=Capability.WATCH_SITES,
        answer=SiteStatusAnswer):
    """Every site's link: connected participants, round trip, last heard."""


class PresenceHeartbeat(MeetingPayload, command="presence.heartbeat", needs=Capability.TAKE_PART,
        answer=HeartbeatAnswer):
    """Sent by a client every few seconds while in a meeting; the link's measure."""

    rtt_ms: Annotated[int, Field(ge=0, le=600_000)] | None = None
    """The round trip of the previous heartbeat, as the client measured it."""
