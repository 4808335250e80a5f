"""Roles: per meeting (participant roles) and for the whole server (global roles)."""

from __future__ import annotations

from enum import StrEnum


class MeetingRole(StrEnum):
    """A participant's role in one meeting."""

    CHAIR = "chair"
    SECRETARY = "secretary"
    DELEGATE = "delegate"
    OBSERVER = "observer"


class GlobalRole(StrEnum):
    """A user's role on the whole server."""

    ADMIN = "admin"
    ORGANIZER = "organizer"


class MeetingStatus(StrEnum):
    """Where a meeting is in its life."""

    SCHEDULED = "scheduled"
    LIVE = "live"
    ENDED = "ended"


class Attendance(StrEnum):
    """A participant's attendance, as recorded by themselves or the secretary."""

    UNKNOWN = "unknown"
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"
