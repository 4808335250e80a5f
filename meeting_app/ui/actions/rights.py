"""What I may do in the open meeting, as the screens need to know it to offer a command.

Every question "may I?" of the screens is here, in one place: the actions' ``enabled_when`` /
``visible_when`` predicates and the floor's widgets ask these functions. They read the
capabilities the server sent (``you.capabilities``, ``MeetingStore.can``): the client never
works a rule out again. The server decides anyway: a command offered here may still be refused.
"""

from __future__ import annotations

from typing import Any

from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender
from protocol.capabilities import Capability
from protocol.roles import MeetingRole, MeetingStatus

VOICED = (MeetingRole.CHAIR, MeetingRole.SECRETARY, MeetingRole.DELEGATE)
"""Roles of the participants who may be put in the queue or given the floor (observers
follow, they do not speak)."""


def role(store: MeetingStore) -> str | None:
    """My role in the meeting, as the server says (None before the snapshot)."""
    return store.my_role


def is_chair(store: MeetingStore) -> bool:
    """I run the meeting: I start and end it and steer the agenda (the chair, an admin)."""
    return store.can(Capability.RUN_MEETING)


def is_officer(store: MeetingStore) -> bool:
    """The chair or a secretary: the console and the agenda's editing."""
    return store.can(Capability.EDIT_AGENDA)


def may_give_floor(store: MeetingStore) -> bool:
    """I give the floor and extend a speech (the chair)."""
    return store.can(Capability.GIVE_FLOOR)


def may_end_speech(store: MeetingStore) -> bool:
    """I may end the current speech (the chair; the speaker, their own)."""
    return store.can(Capability.END_SPEECH)


def may_act_for_others(store: MeetingStore) -> bool:
    """Chair and secretaries: request on someone's behalf, withdraw anyone's request (a site
    secretary: for their own site's participants, which the server checks)."""
    return store.can(Capability.SPEAK_FOR_OTHERS)


def may_request_floor(store: MeetingStore) -> bool:
    """Whether I may ask for the floor myself."""
    return store.can(Capability.REQUEST_FLOOR)


def may_reorder_queue(store: MeetingStore) -> bool:
    """The chair, and a secretary of the central site: the server does not give a site
    secretary ``ORDER_QUEUE`` (the queue belongs to every site)."""
    return store.can(Capability.ORDER_QUEUE)


def holds_floor(store: MeetingStore) -> bool:
    """Whether I am the speaker holding the floor."""
    holder = store.floor_holder_id
    return holder is not None and holder == store.my_user_id


def may_withdraw(store: MeetingStore, request: dict[str, Any]) -> bool:
    """My own request, or anyone's for the chair and secretaries (the server checks a site
    secretary's site)."""
    return may_act_for_others(store) or request["user_id"] == store.my_user_id


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
