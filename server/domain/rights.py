"""Rights over other participants that cannot be escalated (the rights table of
docs/security.md, "Rights over participants").

``participant.set`` and ``participant.remove`` pass the command's access rule first
(admin, organizer, secretary); these checks then say *what* each may do to *whom*:

- nobody changes their own role, site or weight, nor removes themself (but an organiser
  who takes no part yet may join as chair or secretary: the creator chairs their meeting);
- only the meeting's organisers (admins and organizers) grant chair or secretary, change
  or remove a chair or a secretary, and set voting weights: a secretary prepares the list
  of delegates and observers, and a weight decides votes, so it is set by whoever convened
  the meeting, never by someone who works in it;
- a site secretary acts only on participants of their own site and keeps them there;
- while a poll is open, neither weights nor who is a member change (a poll's members and
  their weights are counted live: its base would shift under the ballots cast).
"""

from __future__ import annotations

from sqlalchemy import select

from protocol import commands as c
from protocol.attendance import MEMBER_ROLES
from protocol.errors import conflict, forbidden
from protocol.roles import MeetingRole
from server.domain.context import CommandContext
from server.domain.scope import managed_site
from server.persistence.models import Participant, Poll

OFFICERS = frozenset({MeetingRole.CHAIR, MeetingRole.SECRETARY})
"""The roles only the meeting's organisers grant, change or take away."""


def is_organiser(ctx: CommandContext) -> bool:
    """Whether the caller convenes meetings (admin or organizer): full rights over the cast."""
    return ctx.actor.is_admin or ctx.actor.is_organizer


def check_set(ctx: CommandContext, p: c.ParticipantSet, row: Participant | None) -> None:
    """Refuse a ``participant.set`` the caller may not make (``row``: the participant as
    they are now, None when new)."""
    if p.user_id == ctx.actor.user_id and not _takes_first_part(ctx, p, row):
        raise forbidden("Nobody changes their own role, site or voting weight")
    weight_before = row.voting_weight if row is not None else 1
    weight_changes = p.voting_weight is not None and p.voting_weight != weight_before
    if not is_organiser(ctx):
        if MeetingRole(p.role) in OFFICERS:
            raise forbidden("Only the meeting's organiser grants the roles of chair and secretary")
        if row is not None and MeetingRole(row.role) in OFFICERS:
            raise forbidden("Only the meeting's organiser changes the chair or a secretary")
        if weight_changes:
            raise forbidden("Only the meeting's organiser sets voting weights")
        site = managed_site(ctx)
        if site is not None:
            if row is not None and row.site_id != site:
                raise forbidden("A site secretary manages only the participants of their own site")
            if "site_id" in p.model_fields_set and p.site_id != site:
                raise forbidden("A site secretary cannot move anyone to another site")
    role_before = row.role if row is not None else None
    joins_or_leaves = (role_before in MEMBER_ROLES) != (p.role in MEMBER_ROLES)
    if (weight_changes or joins_or_leaves) and poll_open(ctx):
        raise conflict("Voting weights cannot change while a poll is open" if weight_changes
                       else "Who is a member cannot change while a poll is open")


def _takes_first_part(ctx: CommandContext, p: c.ParticipantSet, row: Participant | None) -> bool:
    """The one change anyone makes to themself: an organiser who takes no part yet joins as
    chair or secretary (whoever creates a meeting usually chairs it), at the default weight."""
    return (is_organiser(ctx) and row is None and MeetingRole(p.role) in OFFICERS
            and p.voting_weight in (None, 1))


def site_for_new(ctx: CommandContext, p: c.ParticipantSet) -> int | None:
    """The site of a participant added without one: a site secretary adds to their own site."""
    if "site_id" in p.model_fields_set:
        return p.site_id
    return managed_site(ctx)


def check_remove(ctx: CommandContext, row: Participant) -> None:
    """Refuse a ``participant.remove`` the caller may not make."""
    if row.user_id == ctx.actor.user_id:
        raise forbidden("Nobody removes themself from a meeting")
    if row.role in MEMBER_ROLES and poll_open(ctx):
        raise conflict("Who is a member cannot change while a poll is open")
    if is_organiser(ctx):
        return
    if MeetingRole(row.role) in OFFICERS:
        raise forbidden("Only the meeting's organiser changes the chair or a secretary")
    site = managed_site(ctx)
    if site is not None and row.site_id != site:
        raise forbidden("A site secretary manages only the participants of their own site")


def poll_open(ctx: CommandContext) -> bool:
    """Whether a poll of the meeting is open now."""
    meeting = ctx.require_meeting()
    return ctx.session.scalar(select(Poll.id).where(
        Poll.meeting_id == meeting.id, Poll.status == "open").limit(1)) is not None


def chair_ids(ctx: CommandContext) -> tuple[int, ...]:
    """The meeting's chairs (who are shown every role or weight change during the meeting)."""
    meeting = ctx.require_meeting()
    return tuple(ctx.session.scalars(select(Participant.user_id).where(
        Participant.meeting_id == meeting.id, Participant.role == MeetingRole.CHAIR)))
