"""Answers of the document, annotation, note and search commands."""

from __future__ import annotations

from typing import Literal

from protocol.answers.base import Answer, IsoTime, WireModel
from protocol.shapes.documents import Annotation, Document, DocumentVersion, Note


class DocumentAnswer(Answer):
    document: Document


class DocumentVersionsAnswer(Answer):
    versions: list[DocumentVersion]


class AnnotationAnswer(Answer):
    annotation: Annotation


class AnnotationListAnswer(Answer):
    version: int
    annotations: list[Annotation]


class AnnotationCommentsAnswer(Answer):
    annotations: list[Annotation]


class NoteAnswer(Answer):
    note: Note


class NoteListAnswer(Answer):
    notes: list[Note]


class SearchResult(WireModel):
    """A match: a meeting, a conclusion, an action item (with its ``status``) or a document
    page (with its ``page``)."""

    kind: Literal["meeting", "conclusion", "action", "document"]
    id: int | None = None
    meeting_id: int
    meeting_title: str
    starts_at: IsoTime
    title: str
    snippet: str
    status: str | None = None
    page: int | None = None


class SearchAnswer(Answer):
    results: list[SearchResult]
