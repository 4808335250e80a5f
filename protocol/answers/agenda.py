"""Answers of the agenda commands."""

from __future__ import annotations

from protocol.answers.base import Answer
from protocol.shapes.meetings import AgendaItem


class AgendaItemAnswer(Answer):
    """``agenda.add_item`` and ``agenda.update_item``: the item as it is now."""

    item: AgendaItem
