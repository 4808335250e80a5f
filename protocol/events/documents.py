"""Events of documents, the presenter, annotations and notes."""

from __future__ import annotations

from protocol.answers.base import IsoTime, WireModel
from protocol.events.base import EventData
from protocol.events.names import (
    ANNOTATION_CHANGED,
    ANNOTATION_DELETED,
    ANNOTATION_SHARED,
    ANNOTATION_UNSHARED,
    ANNOTATIONS_CARRIED,
    DOCUMENT_ADDED,
    DOCUMENT_REMOVED,
    DOCUMENT_UPDATED,
    NOTE_CHANGED,
    PRESENTER_PAGE_CHANGED,
    PRESENTER_STOPPED,
)
from protocol.shapes.documents import Annotation, Document, Note


class DocumentAdded(EventData, event=DOCUMENT_ADDED):
    """Withheld (``protocol.events.Withheld``) from who may not read it."""

    document: Document


class DocumentUpdated(EventData, event=DOCUMENT_UPDATED):
    document: Document


class DocumentRemoved(EventData, event=DOCUMENT_REMOVED):
    document_id: int


class PresenterPageChanged(EventData, event=PRESENTER_PAGE_CHANGED):
    document_id: int
    page: int


class PresenterStopped(EventData, event=PRESENTER_STOPPED):
    """No data."""


class AnnotationShared(EventData, event=ANNOTATION_SHARED):
    document_id: int
    annotation: Annotation


class AnnotationUnshared(EventData, event=ANNOTATION_UNSHARED):
    document_id: int
    annotation_id: str
    author_id: int
    deleted: bool


class AnnotationChanged(EventData, event=ANNOTATION_CHANGED, user=True):
    document_id: int
    annotation: Annotation


class AnnotationDeleted(EventData, event=ANNOTATION_DELETED, user=True):
    document_id: int
    annotation_id: str
    updated_at: IsoTime


class OrphanedAnnotation(WireModel):
    annotation_id: str
    version: int
    page: int


class AnnotationsCarried(EventData, event=ANNOTATIONS_CARRIED, user=True):
    document_id: int
    version: int
    carried: int
    orphaned: list[OrphanedAnnotation]


class NoteChanged(EventData, event=NOTE_CHANGED, user=True):
    note: Note
