"""The base of every event's data model: the event's name is declared on it, once."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from protocol.answers.base import WireModel


class EventData(WireModel):
    """The ``data`` of one event, declared with its name::

        class AgendaCurrentChanged(EventData, event="agenda.current_changed"):
            item_id: int | None

    ``user=True`` for a user event (sent as ``user.event``: no seq, not logged).
    ``protocol.events.EVENTS`` and ``USER_EVENTS`` map the names to these models.
    """

    event: ClassVar[str] = ""
    """The event's name ("" for a shared base)."""
    user: ClassVar[bool] = False
    """A user event (``user.event``) rather than a meeting event (``meeting.event``)."""

    def __init_subclass__(cls, *, event: str = "", user: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.event, cls.user = event, user


class Withheld(WireModel):
    """What a receiver who may not read a document gets instead of an event's data about it."""

    document_id: int
    hidden: Literal[True]
