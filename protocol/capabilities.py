"""Capabilities: the named rights a command needs, and who holds each.

Every command declares the one capability it needs (``protocol.commands``); this table says
which roles hold it. The server checks a command against it, and sends each participant the
capabilities they hold in a meeting (the snapshot's ``you.capabilities``), so that a client
enables what its user may do without working the rules out again.

A few capabilities are no command's: a handler asks them for a finer right inside a
command (``SPEAK_FOR_OTHERS``), so that the client is told that right too.

A capability held "by anyone" is still subject to its handler's own rule about the thing it
names (a document the caller may not read, a speaking request of someone else's): the table
says who may ask, the domain says about what.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from protocol.roles import GlobalRole, MeetingRole


class Capability(StrEnum):
    """A right, named for what it lets its holder do."""

    LIST_MEETINGS = "meetings.list"
    CREATE_MEETINGS = "meetings.create"
    EDIT_MEETING = "meeting.edit"
    MANAGE_PARTICIPANTS = "participants.manage"
    FIND_PEOPLE = "people.find"
    ADMINISTER_USERS = "users.administer"
    TAKE_PART = "meeting.take_part"
    RUN_MEETING = "meeting.run"
    EDIT_AGENDA = "agenda.edit"
    RECORD_ATTENDANCE = "attendance.record"
    NAME_PROXY = "attendance.name_proxy"
    MANAGE_DOCUMENTS = "documents.manage"
    READ_DOCUMENTS = "documents.read"
    REVIEW_COMMENTS = "annotations.review"
    PRESENT = "documents.present"
    REQUEST_FLOOR = "floor.request"
    SPEAK_FOR_OTHERS = "floor.for_others"
    """No command's: the floor's handlers ask it of whoever requests the floor for someone
    else or withdraws someone else's request (a site secretary: for their own site only)."""
    ORDER_QUEUE = "floor.order"
    GIVE_FLOOR = "floor.give"
    END_SPEECH = "floor.end"
    WATCH_SITES = "sites.watch"
    PREPARE_POLLS = "polls.prepare"
    RUN_POLLS = "polls.run"
    VOTE = "polls.vote"
    WRITE_MINUTES = "minutes.write"
    APPROVE_MINUTES = "minutes.approve"
    TRACK_ACTIONS = "actions.track"
    SEARCH = "search"


CapabilityField = Annotated[Capability, Field(strict=False)]
"""A capability as it arrives on the wire (a plain string)."""


class Condition(StrEnum):
    """A right that comes from the meeting's state rather than from a role."""

    HOLDS_FLOOR = "holds_floor"
    """The participant is the current speaker."""


@dataclass(frozen=True)
class Grant:
    """Who holds a capability. Admins hold every capability."""

    anyone: bool = False
    """Every signed-in user."""
    global_roles: frozenset[GlobalRole] = frozenset()
    meeting_roles: frozenset[MeetingRole] = frozenset()
    also_when: Condition | None = None
    """A participant without one of the roles holds it while this condition is true."""


ADMIN, ORGANIZER = GlobalRole.ADMIN, GlobalRole.ORGANIZER
CHAIR, SECRETARY, DELEGATE = MeetingRole.CHAIR, MeetingRole.SECRETARY, MeetingRole.DELEGATE


def _grant(*roles: MeetingRole | GlobalRole, also_when: Condition | None = None) -> Grant:
    return Grant(global_roles=frozenset(r for r in roles if isinstance(r, GlobalRole)),
                 meeting_roles=frozenset(r for r in roles if isinstance(r, MeetingRole)),
                 also_when=also_when)


ANYONE = Grant(anyone=True)
PARTICIPANTS = Grant(meeting_roles=frozenset(MeetingRole))

GRANTS: dict[Capability, Grant] = {
    Capability.LIST_MEETINGS: ANYONE,
    Capability.CREATE_MEETINGS: _grant(ADMIN, ORGANIZER),
    Capability.EDIT_MEETING: _grant(ADMIN, ORGANIZER, CHAIR, SECRETARY),
    Capability.MANAGE_PARTICIPANTS: _grant(ADMIN, ORGANIZER, SECRETARY),
    Capability.FIND_PEOPLE: _grant(ADMIN, ORGANIZER, SECRETARY),
    Capability.ADMINISTER_USERS: _grant(ADMIN),
    Capability.TAKE_PART: PARTICIPANTS,
    Capability.RUN_MEETING: _grant(CHAIR),
    Capability.EDIT_AGENDA: _grant(CHAIR, SECRETARY),
    Capability.RECORD_ATTENDANCE: _grant(CHAIR, SECRETARY),
    Capability.NAME_PROXY: _grant(CHAIR, DELEGATE),
    Capability.MANAGE_DOCUMENTS: _grant(CHAIR, SECRETARY),
    Capability.READ_DOCUMENTS: PARTICIPANTS,
    Capability.REVIEW_COMMENTS: _grant(CHAIR, SECRETARY),
    Capability.PRESENT: _grant(CHAIR, also_when=Condition.HOLDS_FLOOR),
    Capability.REQUEST_FLOOR: _grant(CHAIR, SECRETARY, DELEGATE),
    Capability.SPEAK_FOR_OTHERS: _grant(CHAIR, SECRETARY),
    Capability.ORDER_QUEUE: _grant(CHAIR, SECRETARY),
    Capability.GIVE_FLOOR: _grant(CHAIR),
    Capability.END_SPEECH: _grant(CHAIR, also_when=Condition.HOLDS_FLOOR),
    Capability.WATCH_SITES: _grant(CHAIR, SECRETARY),
    Capability.PREPARE_POLLS: _grant(CHAIR, SECRETARY),
    Capability.RUN_POLLS: _grant(CHAIR),
    Capability.VOTE: _grant(CHAIR, SECRETARY, DELEGATE),
    Capability.WRITE_MINUTES: _grant(CHAIR, SECRETARY),
    Capability.APPROVE_MINUTES: _grant(CHAIR),
    Capability.TRACK_ACTIONS: ANYONE,
    Capability.SEARCH: ANYONE,
}
"""The rights table (docs/security.md explains each line)."""
