"""Every status the protocol carries, as an enum (compare with these, never with a string).

``MeetingStatus`` and ``Attendance`` live in ``protocol.roles`` with the roles, and are
re-exported here so that a reader finds every status in one place.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from protocol.roles import Attendance, MeetingStatus

__all__ = ["ActionStatus", "ActionStatusField", "Attendance", "AttendanceField", "LinkQuality",
           "LinkQualityField", "MeetingStatus", "MeetingStatusField", "MinutesStatus", "MinutesStatusField",
           "PollKind", "PollKindField", "PollStatus", "PollStatusField", "SpeakerKind", "SpeakerKindField",
           "SpeakerRequestStatus", "SpeakerRequestStatusField"]


class MinutesStatus(StrEnum):
    """Where a meeting's minutes are: written, approved by the chair, published."""

    DRAFT = "draft"
    APPROVED = "approved"
    PUBLISHED = "published"


class PollStatus(StrEnum):
    """A poll's life: a draft being prepared, open for ballots, closed and counted."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class PollKind(StrEnum):
    """A vote in the live meeting, or written opinions (lấy ý kiến bằng văn bản) until a deadline."""

    MEETING = "meeting"
    WRITTEN = "written"


class SpeakerKind(StrEnum):
    """The two lists: requests to speak (đăng ký phát biểu) and questions (chất vấn)."""

    SPEAK = "speak"
    QUESTION = "question"


class SpeakerRequestStatus(StrEnum):
    """A request to speak: waiting in its queue, given the floor, or withdrawn."""

    PENDING = "pending"
    GRANTED = "granted"
    WITHDRAWN = "withdrawn"


class ActionStatus(StrEnum):
    """An action item's state (giao việc: đang thực hiện, hoàn thành, hủy)."""

    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class LinkQuality(StrEnum):
    """A site's link as ``site.status`` reports it (tình trạng đường truyền)."""

    OK = "ok"
    POOR = "poor"
    LOST = "lost"
    OFFLINE = "offline"
    """No connection from the site at all (``site.status`` says so since before the enum)."""


# Statuses arrive as plain strings; strict mode alone would want enum instances. These are
# the fields' types in payloads, answers, events and the snapshot.
MeetingStatusField = Annotated[MeetingStatus, Field(strict=False)]
AttendanceField = Annotated[Attendance, Field(strict=False)]
MinutesStatusField = Annotated[MinutesStatus, Field(strict=False)]
PollStatusField = Annotated[PollStatus, Field(strict=False)]
PollKindField = Annotated[PollKind, Field(strict=False)]
SpeakerKindField = Annotated[SpeakerKind, Field(strict=False)]
SpeakerRequestStatusField = Annotated[SpeakerRequestStatus, Field(strict=False)]
ActionStatusField = Annotated[ActionStatus, Field(strict=False)]
LinkQualityField = Annotated[LinkQuality, Field(strict=False)]
