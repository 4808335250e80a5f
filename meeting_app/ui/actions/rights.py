"""What I may do in the open meeting, as the screens need to know it to offer a command.

Every read of my role (and of the server's rules it stands for) is here, in one place:
the actions' ``enabled_when`` / ``visible_when`` predicates and the floor's widgets ask
these functions. They read the role the server sent (``store.my_role``) today; when the
server sends my capabilities (``you.capabilities`` in the snapshot), only this module
changes. The server decides anyway: a command offered here may still be refused.
"""

from __future__ import annotations

from typing import Any

from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender
from protocol.roles import MeetingRole, MeetingStatus

CHAIR, SECRETARY = MeetingRole.CHAIR, MeetingRole.SECRETARY
OFFICERS = (CHAIR, SECRETARY)
"""The roles that run the meeting (the console, acting for others)."""
VOICED = (CHAIR, SECRETARY, MeetingRole.DELEGATE)
"""Roles that may ask for the floor (observers follow, they do not speak)."""


def role(store: MeetingStore) -> str | None:
    """My role in the meeting, as the server says (None before the snapshot)."""
    return store.my_role


def is_chair(store: MeetingStore) -> bool:
    """I chair the meeting: I start and end it, steer the agenda and give the floor."""
    return role(store) == CHAIR


def is_officer(store: MeetingStore) -> bool:
    """The chair or a secretary: the console, the agenda's editing, acting for others."""
    return role(store) in OFFICERS


def may_request_floor(store: MeetingStore) -> bool:
    """Whether I may ask for the floor myself."""
    return role(store) in VOICED


def may_reorder_queue(store: MeetingStore) -> bool:
    """The chair, and a secretary of the central site (or of no site)."""
    if is_chair(store):
        return True
    if role(store) != SECRETARY:
        return False
    me = store.participant(store.my_user_id)
    site = store.site(me.get("site_id")) if me else None
    return site is None or bool(site.get("is_central"))


def holds_floor(store: MeetingStore) -> bool:
    """Whether I am the speaker holding the floor."""
    holder = store.floor_holder_id
    return holder is not None and holder == store.my_user_id


def may_withdraw(store: MeetingStore, request: dict[str, Any]) -> bool:
    """My own request, or anyone's for the chair and secretaries (the server checks a site
    secretary's site)."""
    return is_officer(store) or request["user_id"] == store.my_user_id


# --- the meeting's state (what any command needs) -------------------------------------------


def status(store: MeetingStore) -> str | None:
    """The meeting's status ("scheduled", "live", "ended"), None before the snapshot."""
    return str(store.meeting["status"]) if store.loaded else None


def connected(store: MeetingStore, commands: CommandSender) -> bool:
    """Commands can be sent: connected, with the meeting loaded."""
    return commands.available and store.loaded


def usable(store: MeetingStore, commands: CommandSender) -> bool:
    """Connected, in a meeting that has not ended."""
    return connected(store, commands) and status(store) != MeetingStatus.ENDED


def live(store: MeetingStore, commands: CommandSender) -> bool:
    """Connected, in a meeting under way."""
    return connected(store, commands) and status(store) == MeetingStatus.LIVE
