"""The base of every model of what the server sends: answers, events and the snapshot.

These models describe the wire exactly as the server writes it: unknown fields are refused
(a field the server adds must be declared here first) and values are not coerced, except
statuses, which arrive as strings and are read as their enums.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


def _iso_time(text: str) -> str:
    """A time on the wire is an ISO 8601 string (kept as the server wrote it)."""
    datetime.fromisoformat(text)
    return text


IsoTime = Annotated[str, AfterValidator(_iso_time)]
"""A time as the server sends it: an ISO 8601 string."""


def _iso_day(text: str) -> str:
    datetime.strptime(text, "%Y-%m-%d")
    return text


IsoDay = Annotated[str, AfterValidator(_iso_day)]
"""A day as the server sends it: ``YYYY-MM-DD``."""


class WireModel(BaseModel):
    """Base of what the server sends (answers, events, snapshot and their pieces)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Answer(WireModel):
    """Base of a command's answer (the ``data`` of an ``ok`` envelope); an answer with no
    fields of its own is ``{}``."""


class Empty(Answer):
    """The answer of a command that answers nothing but its success: ``{}``."""
