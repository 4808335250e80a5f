"""Who may read a document, and what each receiver of an event may see of it. Pure rules.

The chair, the secretary and admins read every document of the meeting (and see its
``reader_ids``); other participants read a released document whose access is ``all`` or
names them; anyone else reads none. Everything that shows documents goes through these
functions: the snapshot, the broadcast, the replay of missed events, downloads, versions
and the presenter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from protocol import events as ev
from protocol.roles import MeetingRole

MANAGING_ROLES = (MeetingRole.CHAIR, MeetingRole.SECRETARY)
MANAGER_ONLY_FIELDS = ("reader_ids",)
"""Fields of a document only those who manage the meeting's documents see."""


class Level(IntEnum):
    """How much of a document someone sees."""

    NONE = 0
    READER = 1
    MANAGER = 2


@dataclass(frozen=True)
class Viewer:
    """Someone a document may be shown to: their role in the meeting (None: no part in it)."""

    user_id: int
    role: str | None
    is_admin: bool = False

    @property
    def manages(self) -> bool:
        return self.is_admin or self.role in MANAGING_ROLES


@dataclass(frozen=True)
class DocumentAccess:
    """What decides who reads a document."""

    released: bool
    restricted: bool
    reader_ids: frozenset[int] = frozenset()


def level(doc: DocumentAccess, viewer: Viewer) -> Level:
    """How much of ``doc`` the viewer sees."""
    if viewer.manages:
        return Level.MANAGER
    if viewer.role is None or not doc.released:
        return Level.NONE
    if doc.restricted and viewer.user_id not in doc.reader_ids:
        return Level.NONE
    return Level.READER


def may_read(doc: DocumentAccess, viewer: Viewer) -> bool:
    return level(doc, viewer) > Level.NONE


@dataclass(frozen=True)
class Audience:
    """Who gets an event about a document whole, and who gets it withheld."""

    readers: tuple[int, ...]
    """Receive the data (the event log's ``audience``)."""
    managers: tuple[int, ...]
    """Readers who also see the manager-only fields (the event log's ``managers``)."""
    others: tuple[int, ...]
    """Participants who may not read it: they get the withheld form live."""


def audience(doc: DocumentAccess, viewers: Iterable[Viewer]) -> Audience:
    """Split the meeting's viewers (its participants and the admins) by what they see of ``doc``."""
    readers, managers, others = [], [], []
    for viewer in viewers:
        seen = level(doc, viewer)
        if seen == Level.NONE:
            others.append(viewer.user_id)
            continue
        readers.append(viewer.user_id)
        if seen == Level.MANAGER:
            managers.append(viewer.user_id)
    return Audience(tuple(sorted(readers)), tuple(sorted(managers)), tuple(sorted(others)))


def withheld(data: dict[str, Any]) -> dict[str, Any]:
    """The data of an event about a document, as someone who may not read it receives it."""
    document_id = data["document"]["id"] if "document" in data else data["document_id"]
    return {"document_id": document_id, ev.HIDDEN: True}


def without_manager_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The data as a reader who does not manage the documents receives it."""
    if "document" not in data:
        return data
    document = {k: v for k, v in data["document"].items() if k not in MANAGER_ONLY_FIELDS}
    return {**data, "document": document}


def data_for(data: dict[str, Any], audience: list[int] | None, managers: list[int] | None,
             user_id: int) -> dict[str, Any]:
    """What ``user_id`` receives of an event logged with this audience (see ``Event``)."""
    if audience is None:
        return data
    if user_id not in audience:
        return withheld(data)
    if managers is not None and user_id not in managers:
        return without_manager_fields(data)
    return data


def forms(data: dict[str, Any], audience: list[int] | None, managers: list[int] | None,
          others: Iterable[int]) -> list[tuple[dict[str, Any], list[int]]] | None:
    """The distinct forms of an event and who receives each, for a live broadcast.

    None: everyone receives the same data (send it to the whole meeting). Otherwise each
    reader gets ``data_for`` theirs, and ``others`` the withheld form.
    """
    others = list(others)
    if audience is None:
        return None
    full = [u for u in audience if managers is None or u in managers]
    trimmed = [u for u in audience if managers is not None and u not in managers]
    result: list[tuple[dict[str, Any], list[int]]] = []
    if trimmed and without_manager_fields(data) != data:
        result.append((without_manager_fields(data), trimmed))
    else:
        full += trimmed
    if full:
        result.append((data, full))
    if others:
        result.append((withheld(data), others))
    if len(result) == 1 and not others:
        return None  # every participant reads it alike: one broadcast to the meeting
    return result
