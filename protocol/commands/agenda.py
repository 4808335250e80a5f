"""The agenda: its items and the current one."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    Field,
)

from protocol.answers.agenda import AgendaItemAnswer
from protocol.answers.base import Empty
from protocol.capabilities import Capability
from protocol.commands.base import Id, MeetingPayload, ShortText, Title


class AgendaSetCurrent(MeetingPayload, command="agenda.set_current", needs=Capability.RUN_MEETING,
        answer=Empty):
    item_id: Id | None


class AgendaAddItem(MeetingPayload, command="agenda.add_item", needs=Capability.EDIT_AGENDA,
        answer=AgendaItemAnswer):
    title: Title
    presenter: ShortText | None = None
    duration_min: Annotated[int, Field(ge=0, le=24 * 60)] | None = None
    position: Annotated[int, Field(ge=0)] | None = None


class AgendaUpdateItem(MeetingPayload, command="agenda.update_item", needs=Capability.EDIT_AGENDA,
        answer=AgendaItemAnswer):
    item_id: Id
    title: Title | None = None
    presenter: ShortText | None = None
    duration_min: Annotated[int, Field(ge=0, le=24 * 60)] | None = None


class AgendaReorder(MeetingPayload, command="agenda.reorder", needs=Capability.EDIT_AGENDA, answer=Empty):
    item_ids: Annotated[list[Id], Field(max_length=500)]


class AgendaRemoveItem(MeetingPayload, command="agenda.remove_item", needs=Capability.EDIT_AGENDA,
        answer=Empty):
    item_id: Id
