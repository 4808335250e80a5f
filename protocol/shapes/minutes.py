"""Minutes as the server sends them (server/domain/minutes/shapes.py)."""

from __future__ import annotations

from protocol.answers.base import IsoDay, IsoTime, WireModel
from protocol.statuses import ActionStatusField, MinutesStatusField


class ActionItem(WireModel):
    """An action item (giao việc)."""

    id: int
    meeting_id: int
    agenda_item_id: int | None
    title: str
    owner_id: int | None
    owner_name: str | None
    due: IsoDay | None
    status: ActionStatusField
    updated_at: IsoTime


class ListedAction(ActionItem):
    """An action item in ``action.list``, with its meeting's title."""

    meeting_title: str


class PublishedMinutes(WireModel):
    """A publication of the minutes (the data of ``minutes.published``)."""

    version: int
    sha256: str
    document_id: int | None
    published_at: IsoTime


class MinutesState(WireModel):
    """The snapshot's ``minutes``: the status and the newest publication (None: none yet)."""

    status: MinutesStatusField
    version: int | None
    sha256: str | None
    document_id: int | None
    published_at: IsoTime | None


class ConclusionRevision(WireModel):
    """One revision in ``conclusion.history``."""

    revision: int
    text: str
    decision: str
    author_id: int | None
    author: str | None
    at: IsoTime
