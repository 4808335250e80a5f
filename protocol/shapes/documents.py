"""Documents, their versions, annotations and personal notes, as the server sends them
(server/domain/documents/shapes.py, annotations.py, notes.py)."""

from __future__ import annotations

from typing import Any, Literal

from protocol.answers.base import IsoTime, WireModel


class Document(WireModel):
    """A document at its current version; ``reader_ids`` only to those who manage documents."""

    id: int
    title: str
    sha256: str
    pages: int
    agenda_item_id: int | None
    version: int
    size: int
    filename: str
    access: Literal["all", "restricted"]
    released: bool
    uploaded_at: IsoTime
    uploaded_by: int | None
    reader_ids: list[int] | None = None


class DocumentVersion(WireModel):
    """One line of ``document.versions``."""

    version: int
    sha256: str
    pages: int
    size: int
    filename: str
    uploaded_at: IsoTime
    uploaded_by: int | None


class Annotation(WireModel):
    """An annotation as saved (``data`` is the kind's own: see protocol.annotations)."""

    id: str
    document_id: int
    version: int
    page: int
    kind: str
    data: dict[str, Any]
    shared: bool
    deleted: bool
    orphaned: bool
    author_id: int
    author_name: str
    created_at: IsoTime
    updated_at: IsoTime


class Note(WireModel):
    """A personal note on an agenda item."""

    id: str
    meeting_id: int
    agenda_item_id: int
    text: str
    created_at: IsoTime
    updated_at: IsoTime


class PresentedPage(WireModel):
    """The snapshot's ``presenter``: the page the presenter shows."""

    document_id: int
    page: int
