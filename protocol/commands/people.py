"""Users (administration, finding people) and a meeting's participants."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    Field,
    StringConstraints,
)

from protocol.answers.base import Empty
from protocol.answers.people import ParticipantAnswer, UserAnswer, UserListAnswer
from protocol.capabilities import Capability
from protocol.commands.base import Id, MeetingPayload, Payload, Role


class UserList(Payload, command="user.list", needs=Capability.FIND_PEOPLE, answer=UserListAnswer):
    query: Annotated[str, StringConstraints(max_length=100)] | None = None
    include_inactive: bool | None = None
    """Admins only: list deactivated users too (for user administration)."""


Username = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


FullName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


Password = Annotated[str, StringConstraints(min_length=1, max_length=1024)]
"""The length rule beyond 1 (at least 8) is the server's password policy, told in words."""


class UserCreate(Payload, command="user.create", needs=Capability.ADMINISTER_USERS, answer=UserAnswer):
    username: Username
    full_name: FullName
    password: Password
    is_admin: bool = False
    is_organizer: bool = False


class UserUpdate(Payload, command="user.update", needs=Capability.ADMINISTER_USERS, answer=UserAnswer):
    user_id: Id
    full_name: FullName | None = None
    is_admin: bool | None = None
    is_organizer: bool | None = None


class UserSetActive(Payload, command="user.set_active", needs=Capability.ADMINISTER_USERS,
        answer=UserAnswer):
    user_id: Id
    active: bool


class UserResetPassword(Payload, command="user.reset_password", needs=Capability.ADMINISTER_USERS,
        answer=UserAnswer):
    user_id: Id
    new_password: Password


class ParticipantSet(MeetingPayload, command="participant.set", needs=Capability.MANAGE_PARTICIPANTS,
        answer=ParticipantAnswer):
    user_id: Id
    role: Role
    site_id: Id | None = None
    voting_weight: Annotated[int, Field(ge=0, le=1000)] | None = None


class ParticipantRemove(MeetingPayload, command="participant.remove", needs=Capability.MANAGE_PARTICIPANTS,
        answer=Empty):
    user_id: Id
