"""Events of the meeting, its agenda, sites, participants and attendance."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from protocol.answers.base import IsoTime, WireModel
from protocol.capabilities import CapabilityField
from protocol.events.base import EventData
from protocol.events.names import (
    AGENDA_CHANGED,
    AGENDA_CURRENT_CHANGED,
    ATTENDANCE_CHANGED,
    CAPABILITIES_CHANGED,
    MEETING_STATUS_CHANGED,
    MEETING_UPDATED,
    PARTICIPANT_CHANGED,
    PARTICIPANT_REMOVED,
    PRESENCE_CHANGED,
    SITES_CHANGED,
)
from protocol.shapes.meetings import AgendaItem, MeetingFields, Participant, RoleField, Site
from protocol.statuses import AttendanceField, MeetingStatusField


class MeetingUpdated(EventData, event=MEETING_UPDATED):
    meeting: MeetingFields


class MeetingStatusChanged(EventData, event=MEETING_STATUS_CHANGED):
    """``started_at`` when it went live, ``ended_at`` when it ended."""

    status: MeetingStatusField
    started_at: IsoTime | None = None
    ended_at: IsoTime | None = None


class AgendaChanged(EventData, event=AGENDA_CHANGED):
    """The whole agenda (``document_ids`` empty: the reducer derives them per receiver)."""

    agenda: list[AgendaItem]


class PreviousItem(WireModel):
    item_id: int
    elapsed_seconds: int


class AgendaCurrentChanged(EventData, event=AGENDA_CURRENT_CHANGED):
    item_id: int | None
    started_at: IsoTime | None
    previous: PreviousItem | None


class SitesChanged(EventData, event=SITES_CHANGED):
    """The sites in order (the reducer derives ``online``); no server sends it today."""

    sites: list[Site]


class LiveChange(WireModel):
    """A role or weight change during a live meeting: [before, after] of each."""

    by: int
    role: Annotated[tuple[RoleField | None, RoleField], Field(strict=False)]
    voting_weight: Annotated[tuple[int | None, int], Field(strict=False)]


class ParticipantChanged(EventData, event=PARTICIPANT_CHANGED):
    participant: Participant
    change: LiveChange | None = None


class ParticipantRemoved(EventData, event=PARTICIPANT_REMOVED):
    user_id: int


class PresenceChanged(EventData, event=PRESENCE_CHANGED):
    user_id: int
    online: bool


class AttendanceChanged(EventData, event=ATTENDANCE_CHANGED):
    user_id: int
    attendance: AttendanceField
    reason: str | None


class CapabilitiesChanged(EventData, event=CAPABILITIES_CHANGED):
    """What one participant may do now (their role changed, they got or lost the floor); the
    reducer applies it to ``you`` when ``user_id`` is the receiver."""

    user_id: int
    capabilities: list[CapabilityField]
    managed_site_id: int | None
