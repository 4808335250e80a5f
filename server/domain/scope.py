"""Who a secretary manages: a site secretary (at a remote site) only their own site.

A secretary whose site is a non-central site of the meeting marks attendance, names
proxies and speaks on someone's behalf only for participants of that site. The chair,
admins, and a secretary at the central site or at no site manage everyone.
"""

from __future__ import annotations

from protocol.errors import forbidden
from protocol.roles import MeetingRole
from server.domain.context import CommandContext
from server.persistence.models import Participant, Site


def managed_site(ctx: CommandContext) -> int | None:
    """The one site the caller may manage, or None when they manage every site."""
    me = ctx.participant
    if ctx.actor.is_admin or me is None or me.role != MeetingRole.SECRETARY or me.site_id is None:
        return None
    site = ctx.session.get(Site, me.site_id)
    if site is None or site.position == 0:
        return None
    return site.id


def is_site_secretary(ctx: CommandContext) -> bool:
    """Whether the caller is a secretary of a remote site (limited to that site)."""
    return managed_site(ctx) is not None


def require_manages(ctx: CommandContext, target: Participant) -> None:
    """Refuse a site secretary acting for a participant of another site."""
    site = managed_site(ctx)
    if site is not None and target.site_id != site:
        raise forbidden("A site secretary manages only the participants of their own site")
