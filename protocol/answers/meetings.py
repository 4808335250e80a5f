"""Answers of the meeting commands: listing, creating, editing, joining, sites' links."""

from __future__ import annotations

from typing import Any

from protocol.answers.base import Answer, IsoTime, WireModel
from protocol.shapes.meetings import CreatedMeeting, MeetingSummary
from protocol.snapshot import Snapshot
from protocol.statuses import LinkQualityField


class MeetingListAnswer(Answer):
    meetings: list[MeetingSummary]


class MeetingCreateAnswer(Answer):
    meeting: CreatedMeeting


class MeetingUpdateAnswer(Answer):
    meeting: MeetingSummary


class LoggedEvent(WireModel):
    """A missed event replayed by ``meeting.join`` (its data as the receiver may see it;
    checked against the event's own model by ``protocol.conformance``)."""

    meeting_id: int
    seq: int
    type: str
    data: dict[str, Any]
    at: IsoTime


class MeetingJoinAnswer(Answer):
    """Either the whole state (``snapshot``) or the events missed since ``since_seq``."""

    seq: int
    server_time: IsoTime
    snapshot: Snapshot | None = None
    events: list[LoggedEvent] | None = None


class SiteLink(WireModel):
    site_id: int
    online_users: int
    connections: int
    rtt_ms: int | None
    last_seen: IsoTime | None
    link: LinkQualityField


class SiteStatusAnswer(Answer):
    server_time: IsoTime
    sites: list[SiteLink]


class HeartbeatAnswer(Answer):
    """``seq``: the meeting's newest seq, once the server has read it."""

    server_time: IsoTime
    seq: int | None = None
