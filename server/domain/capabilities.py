"""The capabilities a user holds in a meeting, and the events that tell them when they change.

``protocol.capabilities.GRANTS`` says who holds each capability; this module applies it to
one user in one meeting: their global roles (admins hold everything, organizers what the
table gives ``GlobalRole.ORGANIZER``), their role there, and the conditions the meeting's
state gives (``Condition.HOLDS_FLOOR``: they are the speaker).

Each participant is sent theirs (the snapshot's ``you``), so that a client enables what its
user may do without working the rules out again. Beside them goes ``managed_site_id``: the
one site whose participants a site secretary's rights over others reach
(``scope.managed_site``). A capability still says only "may ask": the handlers keep their
finer rules about the thing a command names (this participant, that document).

Some refusals are the same whatever the target, so they are taken out of the capabilities
themselves: a site secretary does not order the speaking queue (it is shared by every
site), so their ``ORDER_QUEUE`` is not sent; and an admin, who otherwise holds every
capability, asks for the floor and votes only as a participant with a voice would
(``PERSONAL``: the handlers refuse anyone else).

When a change alters what someone holds (their role, the floor, their global roles), the
change's events include ``capabilities.changed`` for them (``Watch``), placed *before* the
events of the change itself: a screen that redraws on the role or the floor then reads the
capabilities that go with it, and a removed participant, who hears nothing of the meeting
after ``participant.removed``, still hears what they hold now.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol import events as ev
from protocol.capabilities import GRANTS, Capability, Condition
from protocol.roles import GlobalRole, MeetingRole
from server.domain import speakers
from server.domain.context import PendingEvent
from server.persistence.models import Participant, Site, User

PERSONAL = frozenset({Capability.REQUEST_FLOOR, Capability.VOTE})
"""What one does for oneself as a participant with a voice: an admin holds these only as
their role in the meeting gives them."""


@dataclass(frozen=True)
class Standing:
    """Everything the capabilities of one user in one meeting depend on."""

    global_roles: frozenset[GlobalRole] = frozenset()
    role: MeetingRole | None = None
    conditions: frozenset[Condition] = frozenset()
    managed_site_id: int | None = None
    """A site secretary's own site (their rights over others reach only its participants)."""


def held(standing: Standing) -> frozenset[Capability]:
    """The capabilities ``GRANTS`` gives this standing, less what its scope refuses outright."""
    holds = {
        capability for capability, grant in GRANTS.items()
        if grant.anyone
        or grant.global_roles & standing.global_roles
        or (standing.role is not None and standing.role in grant.meeting_roles)
        or (standing.role is not None and grant.also_when in standing.conditions)
    }
    if GlobalRole.ADMIN in standing.global_roles:
        holds |= set(Capability) - PERSONAL
    if standing.managed_site_id is not None:
        holds.discard(Capability.ORDER_QUEUE)  # the queue is every site's: not one site's secretary's
    return frozenset(holds)


def standing(session: Session, meeting_id: int, user_id: int) -> Standing:
    """What a user is in a meeting now (as this transaction sees it)."""
    user = session.get(User, user_id)
    global_roles = frozenset() if user is None else frozenset(
        role for role, flag in ((GlobalRole.ADMIN, user.is_admin), (GlobalRole.ORGANIZER, user.is_organizer))
        if flag)
    row = session.scalar(select(Participant).where(
        Participant.meeting_id == meeting_id, Participant.user_id == user_id))
    if row is None:
        return Standing(global_roles)
    speech = speakers.current_speech(session, meeting_id)
    conditions = frozenset({Condition.HOLDS_FLOOR}) if speech is not None and speech.user_id == user_id \
        else frozenset()
    return Standing(global_roles, MeetingRole(row.role), conditions,
                    _managed_site(session, global_roles, row))


def _managed_site(session: Session, global_roles: frozenset[GlobalRole], row: Participant) -> int | None:
    """``scope.managed_site`` for any participant (not only the caller)."""
    if GlobalRole.ADMIN in global_roles or row.role != MeetingRole.SECRETARY or row.site_id is None:
        return None
    site = session.get(Site, row.site_id)
    return None if site is None or site.position == 0 else site.id


def you(session: Session, meeting_id: int, user_id: int) -> dict[str, Any]:
    """The capability fields of a snapshot's ``you`` (and of ``capabilities.changed``)."""
    now = standing(session, meeting_id, user_id)
    return {"capabilities": sorted(c.value for c in held(now)), "managed_site_id": now.managed_site_id}


def holds(session: Session, meeting_id: int, user_id: int, capability: Capability) -> bool:
    """Whether a user holds a capability in a meeting now."""
    return capability in held(standing(session, meeting_id, user_id))


class Watch:
    """What some users hold in a meeting before a change, to tell them after it what changed.

    Take it before the change; ``events()`` after it (the change flushed) gives one
    ``capabilities.changed`` for each watched user whose capabilities or scope differ.
    """

    def __init__(self, session: Session, meeting_id: int, user_ids: Iterable[int | None]) -> None:
        self.session, self.meeting_id = session, meeting_id
        self.user_ids = sorted({u for u in user_ids if u is not None})
        self.before = {u: you(session, meeting_id, u) for u in self.user_ids}

    def events(self) -> list[PendingEvent]:
        """``capabilities.changed`` for those whose capabilities changed, in user id order."""
        self.session.flush()
        changed = []
        for user_id in self.user_ids:
            now = you(self.session, self.meeting_id, user_id)
            if now != self.before[user_id]:
                changed.append(PendingEvent(self.meeting_id, ev.CAPABILITIES_CHANGED,
                                            {"user_id": user_id, **now}))
        return changed


def floor_holder(session: Session, meeting_id: int) -> int | None:
    """The user holding the floor (whose ``HOLDS_FLOOR`` a floor change may take away)."""
    speech = speakers.current_speech(session, meeting_id)
    return speech.user_id if speech is not None else None


def meetings_of(session: Session, user_id: int) -> list[int]:
    """The meetings a user takes part in (whose capabilities a global role change alters)."""
    return list(session.scalars(select(Participant.meeting_id).where(Participant.user_id == user_id)
                                .order_by(Participant.meeting_id)))
