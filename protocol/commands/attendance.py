"""Attendance: checking in, recording it, and proxies (ủy quyền)."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    Field,
)

from protocol.answers.base import Empty
from protocol.answers.people import ProxyAnswer
from protocol.capabilities import Capability
from protocol.commands.base import Id, MeetingPayload, ShortText
from protocol.roles import Attendance


def _recorded(status: Attendance) -> Attendance:
    if status == Attendance.UNKNOWN:
        raise ValueError("attendance is recorded as present, absent or excused")
    return status


RecordedAttendance = Annotated[Attendance, Field(strict=False), AfterValidator(_recorded)]


class AttendanceCheckIn(MeetingPayload, command="attendance.check_in", needs=Capability.TAKE_PART,
        answer=Empty):
    """The caller is present (điểm danh)."""


class AttendanceSet(MeetingPayload, command="attendance.set", needs=Capability.RECORD_ATTENDANCE,
        answer=Empty):
    user_id: Id
    status: RecordedAttendance
    reason: ShortText | None = None


class AttendanceSetProxy(MeetingPayload, command="attendance.set_proxy", needs=Capability.NAME_PROXY,
        answer=ProxyAnswer):
    """A member represented by another participant (ủy quyền); ``proxy_user_id: null``
    ends the representation. The member names their proxy themself; the chair records one
    for them only from their written authorisation, cited in ``authorisation``."""

    user_id: Id
    proxy_user_id: Id | None
    authorisation: ShortText | None = None
    """The member's written authorisation (giấy ủy quyền: its number and date), required
    when the chair names the proxy in the member's place."""
