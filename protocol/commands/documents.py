"""Documents, the presenter's page, annotations, personal notes and search."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    ConfigDict,
    Field,
    StringConstraints,
)

from protocol.annotations import MAX_TEXT, AnnotationId, AnnotationIn
from protocol.answers.base import Empty
from protocol.answers.documents import (
    AnnotationAnswer,
    AnnotationCommentsAnswer,
    AnnotationListAnswer,
    DocumentAnswer,
    DocumentVersionsAnswer,
    NoteAnswer,
    NoteListAnswer,
    SearchAnswer,
)
from protocol.capabilities import Capability
from protocol.commands.base import Day, Id, MeetingPayload, Payload, Title
from protocol.statuses import ActionStatusField, MeetingStatusField

DocumentAccess = Literal["all"] | Annotated[list[Id], Field(max_length=1000)]
"""``"all"``, or the user ids of a restricted document's readers."""


class DocumentUpdate(Payload, command="document.update", needs=Capability.MANAGE_DOCUMENTS,
        answer=DocumentAnswer):
    """Only the fields given change; ``agenda_item_id: null`` detaches the document."""

    document_id: Id
    title: Title | None = None
    agenda_item_id: Id | None = None
    access: DocumentAccess | None = None
    released: bool | None = None


class DocumentRef(Payload):
    document_id: Id


class DocumentRemove(DocumentRef, command="document.remove", needs=Capability.MANAGE_DOCUMENTS,
        answer=Empty):
    """Remove a document from its meeting."""


class DocumentVersions(DocumentRef, command="document.versions", needs=Capability.READ_DOCUMENTS,
        answer=DocumentVersionsAnswer):
    """A document's versions, for a reader who may read it."""


class PresenterSetPage(MeetingPayload, command="presenter.set_page", needs=Capability.PRESENT, answer=Empty):
    document_id: Id
    page: Annotated[int, Field(ge=0)]
    """Counts from 0."""


class PresenterStop(MeetingPayload, command="presenter.stop", needs=Capability.PRESENT, answer=Empty):
    """Stop presenting: the sites stop following the presenter's page."""


class AnnotationSave(Payload, command="annotation.save", needs=Capability.READ_DOCUMENTS,
        answer=AnnotationAnswer):
    """Create or change one of the caller's annotations (the id is the client's)."""

    document_id: Id
    annotation: AnnotationIn


class AnnotationDelete(Payload, command="annotation.delete", needs=Capability.READ_DOCUMENTS, answer=Empty):
    document_id: Id
    annotation_id: AnnotationId


class AnnotationList(Payload, command="annotation.list", needs=Capability.READ_DOCUMENTS,
        answer=AnnotationListAnswer):
    document_id: Id
    version: Id | None = None
    """The version whose annotations are listed (default: the current one)."""


class AnnotationComments(DocumentRef, command="annotation.comments", needs=Capability.REVIEW_COMMENTS,
        answer=AnnotationCommentsAnswer):
    """Every participant's shared comments on a document, for the chair and secretaries."""


NoteId = AnnotationId


class NoteSave(MeetingPayload, command="note.save", needs=Capability.TAKE_PART, answer=NoteAnswer):
    """The caller's personal note on an agenda item (one per item; saving replaces it)."""

    agenda_item_id: Id
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT)]
    id: NoteId | None = None
    """A client-made id for a note made offline (kept if the item has no note yet)."""


class NoteList(MeetingPayload, command="note.list", needs=Capability.TAKE_PART, answer=NoteListAnswer):
    """The caller's personal notes in the meeting."""


class Search(Payload, command="search", needs=Capability.SEARCH, answer=SearchAnswer):
    """Full-text search over the meetings, conclusions, action items and documents the
    caller may see. ``from``/``to`` bound the meetings' start day (inclusive)."""

    model_config = ConfigDict(populate_by_name=True)

    query: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    from_day: Day | None = Field(default=None, alias="from")
    to_day: Day | None = Field(default=None, alias="to")
    status: MeetingStatusField | ActionStatusField | None = None
    """The meetings' status, or an action item status (then only action items are found)."""
