"""Attendance (điểm danh): self check-in, marking by the chair or a secretary, and proxies
(ủy quyền). A site secretary manages only their own site (``scope.py``).

Two rules keep a secretary from voting in a present member's place (docs/security.md):
a present, online participant is marked absent or excused only by the chair, and a proxy
is named by the member themself, or by the chair from the member's written authorisation,
never by the proxy."""

from __future__ import annotations

from sqlalchemy import select

from protocol import commands as c
from protocol import events as ev
from protocol.attendance import MEMBER_ROLES
from protocol.errors import closed, conflict, forbidden, invalid, not_found
from protocol.roles import Attendance, MeetingRole, MeetingStatus
from server.domain import views
from server.domain.audit import record
from server.domain.context import CommandContext, Outcome, PendingEvent
from server.domain.handlers import handles
from server.domain.scope import require_manages
from server.persistence.models import Connection, Meeting, Participant


def _open(ctx: CommandContext) -> Meeting:
    meeting = ctx.require_meeting()
    if meeting.status == MeetingStatus.ENDED:
        raise closed("The meeting has ended")
    return meeting


def _row(ctx: CommandContext, meeting_id: int, user_id: int) -> Participant | None:
    return ctx.session.scalar(
        select(Participant).where(Participant.meeting_id == meeting_id, Participant.user_id == user_id))


def _target(ctx: CommandContext, meeting_id: int, user_id: int) -> Participant:
    row = _row(ctx, meeting_id, user_id)
    if row is None:
        raise not_found(f"User {user_id} is not a participant of this meeting")
    return row


def _mark(ctx: CommandContext, row: Participant, status: Attendance, reason: str | None) -> Outcome:
    if row.attendance == status and row.attendance_reason == reason:
        return Outcome()
    row.attendance, row.attendance_reason = status, reason
    return Outcome({}, [PendingEvent(row.meeting_id, ev.ATTENDANCE_CHANGED,
                                     {"user_id": row.user_id, "attendance": str(status), "reason": reason})])


@handles(c.AttendanceCheckIn)
def check_in(ctx: CommandContext, _p: c.MeetingPayload) -> Outcome:
    """The participant declares themselves present."""
    meeting = _open(ctx)
    if ctx.participant is None:
        raise forbidden("Only a participant can check in")
    return _mark(ctx, _target(ctx, meeting.id, ctx.actor.user_id), Attendance.PRESENT, None)


@handles(c.AttendanceSet)
def set_attendance(ctx: CommandContext, p: c.AttendanceSet) -> Outcome:
    """The chair or a secretary records a participant as present, absent or excused (the
    reason is kept for the minutes)."""
    meeting = _open(ctx)
    row = _target(ctx, meeting.id, p.user_id)
    require_manages(ctx, row)
    if (p.status != Attendance.PRESENT and row.attendance == Attendance.PRESENT
            and not _chairs(ctx) and _online(ctx, meeting.id, row.user_id)):
        raise forbidden("Only the chair marks a present, online participant absent")
    return _mark(ctx, row, p.status, p.reason or None)


def _chairs(ctx: CommandContext) -> bool:
    """Whether the caller acts as the chair (the chair, or an admin)."""
    me = ctx.participant
    return ctx.actor.is_admin or (me is not None and me.role == MeetingRole.CHAIR)


def _online(ctx: CommandContext, meeting_id: int, user_id: int) -> bool:
    return ctx.session.scalar(select(Connection.sid).where(
        Connection.meeting_id == meeting_id, Connection.user_id == user_id).limit(1)) is not None


@handles(c.AttendanceSetProxy)
def set_proxy(ctx: CommandContext, p: c.AttendanceSetProxy) -> Outcome:
    """Name the participant who represents a member (``proxy_user_id: null`` ends it).

    The member is the chair or a delegate; the proxy is another participant with a voice
    who is not represented himself, and a member who represents others cannot be
    represented (no chains). The member names (or ends) it themself; the chair (or an admin)
    records it for them only with their written authorisation, and never names themself."""
    meeting = _open(ctx)
    member = _target(ctx, meeting.id, p.user_id)
    themself = member.user_id == ctx.actor.user_id
    if not themself:
        if not _chairs(ctx):
            raise forbidden("A proxy is named by the member themself, or by the chair "
                            "from the member's written authorisation")
        if p.proxy_user_id is not None and p.proxy_user_id == ctx.actor.user_id:
            raise forbidden("A proxy is never named by the proxy")
        if p.proxy_user_id is not None and not p.authorisation:
            raise invalid("Cite the member's written authorisation to name a proxy for them")
    if member.role not in MEMBER_ROLES:
        raise invalid("Only a member (the chair or a delegate) can be represented")
    if p.proxy_user_id is not None:
        if p.proxy_user_id == member.user_id:
            raise invalid("A member cannot represent themself")
        proxy = _row(ctx, meeting.id, p.proxy_user_id)
        if proxy is None:
            raise invalid(f"User {p.proxy_user_id} is not a participant of this meeting")
        if proxy.role == MeetingRole.OBSERVER:
            raise invalid("An observer cannot represent a member")
        if proxy.proxy_user_id is not None:
            raise conflict("The proxy is represented by someone else: a proxy cannot be represented")
        represents = ctx.session.scalar(select(Participant.id).where(
            Participant.meeting_id == meeting.id, Participant.proxy_user_id == member.user_id).limit(1))
        if represents is not None:
            raise conflict("This member represents others, so cannot be represented")
    if member.proxy_user_id == p.proxy_user_id:
        return Outcome()
    record(ctx, "attendance.set_proxy", meeting.id,
           {"user_id": member.user_id, "before": member.proxy_user_id, "proxy_user_id": p.proxy_user_id,
            "by_member": themself, "authorisation": None if themself else p.authorisation})
    member.proxy_user_id = p.proxy_user_id
    ctx.session.flush()
    view = views.participant(member, _online(ctx, meeting.id, member.user_id))
    return Outcome({"participant": view}, [PendingEvent(meeting.id, ev.PARTICIPANT_CHANGED,
                                                        {"participant": view})])
