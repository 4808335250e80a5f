"""Meetings, their sites, agenda and participants, and users, as the server sends them
(server/domain/views.py, users.py)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from protocol.answers.base import IsoTime, WireModel
from protocol.roles import MeetingRole
from protocol.statuses import AttendanceField, MeetingStatusField

RoleField = Annotated[MeetingRole, Field(strict=False)]

QuorumRuleName = Literal["more_than_half", "at_least_half", "two_thirds", "none"]
"""How many members must be present for the meeting to decide (as ``meeting.update`` takes it)."""


class MeetingFields(WireModel):
    """A meeting's editable fields (the data of ``meeting.updated``)."""

    title: str
    starts_at: IsoTime
    ends_at: IsoTime | None
    location: str | None
    quorum_rule: QuorumRuleName


class MeetingHeader(MeetingFields):
    """The snapshot's ``meeting``."""

    id: int
    status: MeetingStatusField
    current_item_id: int | None
    current_item_started_at: IsoTime | None
    started_at: IsoTime | None
    ended_at: IsoTime | None


class MeetingSummary(WireModel):
    """One line of ``meeting.list`` (and the meeting of ``meeting.update``)."""

    id: int
    title: str
    status: MeetingStatusField
    starts_at: IsoTime
    ends_at: IsoTime | None
    location: str | None
    role: RoleField | None
    """The caller's role in it (None: they take no part, an admin or organizer)."""


class Site(WireModel):
    """A site (điểm cầu) of the meeting, in order; the first is the central one."""

    id: int
    name: str
    is_central: bool


class SiteOnline(Site):
    """A site in the snapshot: with whether one of its participants is online."""

    online: bool


class CreatedMeeting(MeetingSummary):
    """The meeting ``meeting.create`` made, with its sites."""

    sites: list[Site]


class AgendaItem(WireModel):
    """An agenda item; ``document_ids``: the documents attached to it that the receiver may read."""

    id: int
    title: str
    position: int
    presenter: str | None
    duration_min: int | None
    elapsed_seconds: int
    document_ids: list[int]


class Participant(WireModel):
    """A participant (the data of ``participant.changed``)."""

    user_id: int
    full_name: str
    username: str
    role: RoleField
    site_id: int | None
    voting_weight: int
    attendance: AttendanceField
    attendance_reason: str | None
    proxy_id: int | None
    online: bool


class User(WireModel):
    """A user as the user commands show them."""

    id: int
    username: str
    full_name: str
    is_admin: bool
    is_organizer: bool
    active: bool
    must_change_password: bool
    last_login: IsoTime | None
