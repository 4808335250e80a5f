"""Events: their names, the data model of each, and the envelopes that carry them.

Every event is declared once, as its data model with its name (``protocol.events.base.EventData``),
split by feature; ``EVENTS`` (meeting events, sent as ``meeting.event``) and ``USER_EVENTS``
(sent as ``user.event``) map each name to its model. The names stay importable from here
as constants (``protocol.events.AGENDA_CHANGED``).
"""

from __future__ import annotations

from typing import Any, TypedDict

from protocol.answers.base import WireModel
from protocol.events import documents, floor, meetings, minutes, polls
from protocol.events.base import EventData, Withheld
from protocol.events.documents import *  # noqa: F403
from protocol.events.floor import *  # noqa: F403
from protocol.events.meetings import *  # noqa: F403
from protocol.events.minutes import *  # noqa: F403
from protocol.events.names import *  # noqa: F403
from protocol.events.polls import *  # noqa: F403

FEATURES = (meetings, documents, floor, minutes, polls)


def _declared(user: bool) -> dict[str, type[EventData]]:
    found: dict[str, type[EventData]] = {}
    for feature in FEATURES:
        for value in vars(feature).values():
            if isinstance(value, type) and issubclass(value, EventData) and value.event \
                    and value.__module__ == feature.__name__ and value.user == user:
                if value.event in found:
                    raise TypeError(f"event {value.event} declared twice")
                found[value.event] = value
    return found


EVENTS: dict[str, type[EventData]] = _declared(user=False)
"""Every meeting event (``meeting.event``), by name: the model of its data."""
USER_EVENTS: dict[str, type[EventData]] = _declared(user=True)
"""Every user event (``user.event``), by name: the model of its data."""


def data_model(name: str, data: dict[str, Any], *, user: bool = False) -> type[WireModel]:
    """The model ``data`` of the event ``name`` must match: the event's own, or ``Withheld``
    when it is the withheld form (``{"document_id", "hidden": true}``). KeyError: unknown name."""
    model = (USER_EVENTS if user else EVENTS)[name]
    return Withheld if data.get(HIDDEN) is True else model  # noqa: F405


class SessionEnded(WireModel):
    """The data of ``session.ended``: why the login no longer holds (``code``: machine-readable)."""

    reason: str
    code: str | None = None


class UserEventEnvelope(TypedDict):
    """What a receiver of ``user.event`` gets."""

    meeting_id: int
    type: str
    data: dict[str, Any]
    at: str


class EventEnvelope(TypedDict):
    """What every receiver of ``meeting.event`` gets."""

    meeting_id: int
    seq: int
    type: str
    data: dict[str, Any]
    at: str
