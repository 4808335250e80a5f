"""Who may run what: the roles of the protocol's commands table, checked on the server."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from protocol.errors import forbidden, not_found
from protocol.roles import GlobalRole, MeetingRole
from server.domain.context import CommandContext
from server.persistence.models import Meeting, Participant


@dataclass(frozen=True)
class Access:
    """A command's rule: any user, or some global roles, or some roles in the meeting.

    Admins may do everything. A meeting the user takes no part in answers ``not_found``,
    so that its existence is not disclosed; a part without the right role is ``forbidden``.
    """

    anyone: bool = False
    global_roles: frozenset[GlobalRole] = frozenset()
    meeting_roles: frozenset[MeetingRole] = frozenset()
    also: Callable[[CommandContext], bool] | None = None
    """A participant without one of the roles passes if this says so (a right that comes
    from the meeting's state, such as holding the floor)."""

    def describe(self) -> str:
        """Who may, in words (for docs and the authorization matrix)."""
        if self.anyone:
            return "anyone"
        names = ["admin", *sorted(r.value for r in self.global_roles if r != GlobalRole.ADMIN)]
        return ", ".join([*names, *sorted(r.value for r in self.meeting_roles)])


ANYONE = Access(anyone=True)
ALL_ROLES = frozenset(MeetingRole)


def access(*roles: MeetingRole | GlobalRole) -> Access:
    """Build an Access from a mix of meeting and global roles."""
    return Access(
        global_roles=frozenset(r for r in roles if isinstance(r, GlobalRole)),
        meeting_roles=frozenset(r for r in roles if isinstance(r, MeetingRole)),
    )


def resolve(ctx: CommandContext, rule: Access, meeting_id: int | None) -> None:
    """Check ``rule`` for ``ctx.actor``; set ``ctx.meeting`` and ``ctx.participant``."""
    actor = ctx.actor
    if meeting_id is not None:
        meeting = ctx.session.get(Meeting, meeting_id)
        participant = ctx.session.scalar(
            select(Participant).where(
                Participant.meeting_id == meeting_id, Participant.user_id == actor.user_id
            )
        )
        privileged = actor.is_admin or (actor.is_organizer and GlobalRole.ORGANIZER in rule.global_roles)
        if meeting is None or (participant is None and not privileged and not rule.anyone):
            raise not_found(f"Meeting {meeting_id} not found")
        ctx.meeting, ctx.participant = meeting, participant
    if rule.anyone or actor.is_admin:
        return
    if actor.is_organizer and GlobalRole.ORGANIZER in rule.global_roles:
        return
    participant = ctx.participant
    if participant is not None and MeetingRole(participant.role) in rule.meeting_roles:
        return
    if meeting_id is None and rule.meeting_roles and _holds_any(ctx, rule.meeting_roles):
        return  # a command outside any meeting (user.list): the role in some meeting counts
    if participant is not None and rule.also is not None and rule.also(ctx):
        return
    raise forbidden()


def _holds_any(ctx: CommandContext, roles: frozenset[MeetingRole]) -> bool:
    return ctx.session.scalar(select(Participant.id).where(
        Participant.user_id == ctx.actor.user_id, Participant.role.in_([str(r) for r in roles])).limit(1)
    ) is not None
