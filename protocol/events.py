"""Event names and the event envelope sent as ``meeting.event``."""

from __future__ import annotations

from typing import Any, TypedDict

EVENT_NAME = "meeting.event"
"""The one Socket.IO event name that carries every meeting event."""

MEETING_UPDATED = "meeting.updated"
MEETING_STATUS_CHANGED = "meeting.status_changed"
AGENDA_CHANGED = "agenda.changed"
AGENDA_CURRENT_CHANGED = "agenda.current_changed"
SITES_CHANGED = "sites.changed"
PARTICIPANT_CHANGED = "participant.changed"
PARTICIPANT_REMOVED = "participant.removed"
PRESENCE_CHANGED = "presence.changed"
ATTENDANCE_CHANGED = "attendance.changed"
DOCUMENT_ADDED = "document.added"
DOCUMENT_UPDATED = "document.updated"
DOCUMENT_REMOVED = "document.removed"
PRESENTER_PAGE_CHANGED = "presenter.page_changed"
PRESENTER_STOPPED = "presenter.stopped"
CONCLUSION_UPDATED = "conclusion.updated"
SPEAKER_QUEUE_CHANGED = "speaker.queue_changed"
SPEAKER_FLOOR_CHANGED = "speaker.floor_changed"
POLL_CHANGED = "poll.changed"
POLL_REMOVED = "poll.removed"
POLL_PROGRESS = "poll.progress"
POLL_CLOSED = "poll.closed"
POLL_REMINDER = "poll.reminder"
"""A notification (the voters who have not answered a written poll yet); the snapshot
does not change."""


HIDDEN = "hidden"
"""The key that marks an event's data as withheld from its receiver: a receiver who may not
read a document gets ``{"document_id": id, "hidden": true}`` instead of the data."""


class EventEnvelope(TypedDict):
    """What every receiver of ``meeting.event`` gets."""

    meeting_id: int
    seq: int
    type: str
    data: dict[str, Any]
    at: str
