"""Attendance (điểm danh): self check-in, and marking by the chair or secretary."""

from __future__ import annotations

from sqlalchemy import select

from protocol import commands as c
from protocol import events as ev
from protocol.errors import closed, forbidden, not_found
from protocol.roles import Attendance, MeetingStatus
from server.domain.context import CommandContext, Outcome, PendingEvent
from server.persistence.models import Participant


def _mark(ctx: CommandContext, user_id: int, status: Attendance, reason: str | None) -> Outcome:
    meeting = ctx.require_meeting()
    if meeting.status == MeetingStatus.ENDED:
        raise closed("The meeting has ended")
    row = ctx.session.scalar(
        select(Participant).where(Participant.meeting_id == meeting.id, Participant.user_id == user_id)
    )
    if row is None:
        raise not_found(f"User {user_id} is not a participant of this meeting")
    if row.attendance == status and row.attendance_reason == reason:
        return Outcome()
    row.attendance, row.attendance_reason = status, reason
    return Outcome({}, [PendingEvent(meeting.id, ev.ATTENDANCE_CHANGED,
                                     {"user_id": user_id, "attendance": str(status),
                                                      "reason": reason})])


def check_in(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """The participant declares themselves present."""
    if ctx.participant is None:
        raise forbidden("Only a participant can check in")
    return _mark(ctx, ctx.actor.user_id, Attendance.PRESENT, None)


def set_attendance(ctx: CommandContext, p: c.AttendanceSet) -> Outcome:
    """The chair or secretary records a participant as present, absent or excused."""
    return _mark(ctx, p.user_id, p.status, p.reason or None)
