"""Answers of the user and participant commands."""

from __future__ import annotations

from protocol.answers.base import Answer, IsoTime, WireModel
from protocol.shapes.meetings import Participant


class UserEntry(WireModel):
    """A user in the directory; the fields after ``full_name`` for admins only."""

    id: int
    username: str
    full_name: str
    active: bool | None = None
    is_admin: bool | None = None
    is_organizer: bool | None = None
    must_change_password: bool | None = None
    last_login: IsoTime | None = None


class UserListAnswer(Answer):
    users: list[UserEntry]


class UserAnswer(Answer):
    """``user.create``, ``user.update``, ``user.set_active``, ``user.reset_password``."""

    user: UserEntry


class ParticipantAnswer(Answer):
    """``participant.set``: the participant as they are now."""

    participant: Participant


class ProxyAnswer(Answer):
    """``attendance.set_proxy``: the member as they are now; ``{}`` (no ``participant``) when
    the proxy named is the one they already had (nothing changed)."""

    participant: Participant | None = None
