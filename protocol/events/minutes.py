"""Events of the minutes: conclusions, action items, approval and publication."""

from __future__ import annotations

from protocol.events.base import EventData
from protocol.events.names import (
    ACTION_CHANGED,
    ACTION_REMOVED,
    CONCLUSION_UPDATED,
    MINUTES_PUBLISHED,
    MINUTES_STATUS_CHANGED,
)
from protocol.shapes.minutes import ActionItem, PublishedMinutes
from protocol.statuses import MinutesStatusField


class ConclusionUpdated(EventData, event=CONCLUSION_UPDATED):
    agenda_item_id: int
    text: str
    decision: str
    revision: int


class ActionChanged(EventData, event=ACTION_CHANGED):
    action: ActionItem


class ActionRemoved(EventData, event=ACTION_REMOVED):
    action_id: int


class MinutesStatusChanged(EventData, event=MINUTES_STATUS_CHANGED):
    status: MinutesStatusField


class MinutesPublished(PublishedMinutes, EventData, event=MINUTES_PUBLISHED):
    """The newest publication."""
