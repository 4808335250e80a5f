"""The events' names (and the Socket.IO event names that carry them)."""

from __future__ import annotations

EVENT_NAME = "meeting.event"
"""The one Socket.IO event name that carries every meeting event."""

MEETING_UPDATED = "meeting.updated"
MEETING_STATUS_CHANGED = "meeting.status_changed"
AGENDA_CHANGED = "agenda.changed"
AGENDA_CURRENT_CHANGED = "agenda.current_changed"
SITES_CHANGED = "sites.changed"
PARTICIPANT_CHANGED = "participant.changed"
PARTICIPANT_REMOVED = "participant.removed"
CAPABILITIES_CHANGED = "capabilities.changed"
"""``{"user_id", "capabilities", "managed_site_id"}``: what one participant may do in the
meeting changed (their role, the floor, their global roles); sent to everyone, applied to
``you`` by that participant (docs/protocol.md, "Capabilities")."""
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
ACTION_CHANGED = "action.changed"
ACTION_REMOVED = "action.removed"
MINUTES_STATUS_CHANGED = "minutes.status_changed"
MINUTES_PUBLISHED = "minutes.published"
ANNOTATION_SHARED = "annotation.shared"
"""``{"document_id", "annotation"}``: a shared annotation was made or changed (to the
document's readers; others get it withheld)."""
ANNOTATION_UNSHARED = "annotation.unshared"
"""``{"document_id", "annotation_id", "author_id", "deleted"}``: a shared annotation was
made private or deleted; readers drop it from the others' annotations they show."""
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


USER_EVENT_NAME = "user.event"
"""The Socket.IO event for what only one user may see (their private annotations and notes),
sent to that user's connections in the meeting. It has no seq and is not in the meeting's
log: after a reconnect a client lists again (``annotation.list``, ``note.list``)."""

SESSION_ENDED_NAME = "session.ended"
"""The Socket.IO event sent to a socket just before the server closes it because its login
no longer holds (logged out elsewhere, account deactivated, password reset or changed,
expired, idle): ``{"reason": "<human readable, English>", "code"?: "deactivated"}``. The
client returns to its login screen with the reason instead of reconnecting, except for a
deactivation (``code``), where it lets the reconnect be refused: that refusal is what
tells it, machine-readably, to wipe the user's offline data."""

SESSION_DEACTIVATED = "deactivated"
"""``code`` of a ``session.ended`` because the account was deactivated (the same word as
the ``reason`` of a refused login or connection)."""

ANNOTATION_CHANGED = "annotation.changed"
"""User event ``{"document_id", "annotation"}``: one of your annotations, as saved now."""
ANNOTATION_DELETED = "annotation.deleted"
"""User event ``{"document_id", "annotation_id", "updated_at"}``."""
ANNOTATIONS_CARRIED = "annotation.carried"
"""User event ``{"document_id", "version", "carried", "orphaned": [{"annotation_id",
"version", "page"}]}``: a new version of the document arrived; ``orphaned`` are your
annotations whose page's text is not in it (they stay on their old version)."""
NOTE_CHANGED = "note.changed"
"""User event ``{"note"}``: one of your personal notes, as saved now."""
POLL_PROXY_VOTED = "poll.proxy_voted"
"""User event ``{"poll_id", "proxy_id"}``: your proxy cast (or changed) your ballot in this
poll (never what they chose)."""
