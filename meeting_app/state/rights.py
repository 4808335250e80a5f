"""What I may do to whom in a meeting: the server's rights table (docs/security.md, "Rights
over participants"), read here so that the screens disable what the server would refuse.

The server decides, and sends what I hold (``MeetingStore.can``) and the one site my rights
over others reach (``MeetingStore.managed_site_id``); these functions read that, and say
which controls to offer, and why not (the reason is shown beside the disabled control).
What stays here are the rules about a target that the capabilities cannot say (myself, a
chair or secretary, whether a poll is open). ``organiser`` is the login's global role (an
admin or organizer), given by the screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from meeting_app.state.sites import managed_sites
from meeting_app.state.store import MeetingStore
from protocol.attendance import MEMBER_ROLES
from protocol.capabilities import Capability
from protocol.roles import Attendance, MeetingRole
from protocol.statuses import PollStatus

OFFICERS = (MeetingRole.CHAIR, MeetingRole.SECRETARY)
"""The roles only the meeting's organiser grants, changes or takes away."""


translate = QCoreApplication.translate


def roles_i_grant(organiser: bool) -> tuple[str, ...]:
    """The roles I may give: every role for the organiser, delegate and observer otherwise."""
    return tuple(MeetingRole) if organiser else (MeetingRole.DELEGATE, MeetingRole.OBSERVER)


def why_not_edit(store: MeetingStore, organiser: bool, user_id: int | None) -> str | None:
    """Why I may not change (or remove) this participant, or None when I may.

    ``organiser``: I am an admin or an organizer (full rights over the cast)."""
    if user_id is None:
        return None
    if user_id == store.my_user_id:
        return translate("Rights", "Nobody changes their own role, site or voting weight.")
    if organiser:
        return None
    person = store.participant(user_id)
    if person is not None and person["role"] in OFFICERS:
        return translate("Rights", "Only the meeting's organiser changes the chair or a secretary.")
    managed = managed_sites(store)
    if managed and person is not None and person.get("site_id") not in managed:
        return translate("Rights", "You manage only the participants of your own site.")
    return None


def my_site_only(store: MeetingStore, organiser: bool) -> int | None:
    """The one site I may place people at (a site secretary's), or None for any site."""
    return None if organiser else store.managed_site_id


def poll_open(store: MeetingStore) -> bool:
    """Whether a poll of the meeting is open (weights and members are then fixed)."""
    return any(p.get("status") == PollStatus.OPEN for p in store.polls)


def acts_as_chair(store: MeetingStore, admin: bool) -> bool:
    """Whether I act as the chair (the chair, or an admin): I run the meeting."""
    return admin or store.can(Capability.RUN_MEETING)


def why_not_mark_absent(store: MeetingStore, admin: bool, people: list[dict[str, Any]]) -> str | None:
    """Why I may not mark these participants absent or excused, or None when I may: a
    present, online participant is marked absent only by the chair."""
    if acts_as_chair(store, admin):
        return None
    if any(p.get("attendance") == Attendance.PRESENT and p.get("online") for p in people):
        return translate("Rights", "Only the chair marks a present, online participant absent.")
    return None


def may_name_own_proxy(store: MeetingStore) -> bool:
    """Whether I am a member who may name my own proxy (the chair or a delegate)."""
    me = store.participant(store.my_user_id)
    return store.can(Capability.NAME_PROXY) and me is not None and me["role"] in MEMBER_ROLES
