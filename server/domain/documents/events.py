"""The events about documents and the presenter, each with the audience that may see it whole.

Every receiver gets the same seq; ``visibility.data_for`` decides what each gets of it.
The audience is fixed when the event is logged, so the live broadcast and a later replay
(``meeting.join`` with ``since_seq``) give every receiver the same thing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from protocol import events as ev
from server.domain.context import PendingEvent
from server.domain.documents import shapes
from server.domain.documents.shapes import DocumentRow
from server.domain.documents.visibility import Viewer, audience, level
from server.persistence.models import Meeting


def _with_audience(meeting_id: int, type_: str, data: dict[str, Any], row: DocumentRow,
                   viewers: list[Viewer]) -> PendingEvent:
    seen = audience(row.access, viewers)
    return PendingEvent(meeting_id, type_, data, audience=seen.readers, managers=seen.managers,
                        others=seen.others)


def document_changed(row: DocumentRow, type_: str, viewers: list[Viewer]) -> PendingEvent:
    """``document.added`` or ``document.updated``: the document as it is now."""
    data = {"document": shapes.view(row, manager=True)}
    return _with_audience(row.doc.meeting_id, type_, data, row, viewers)


def page_changed(meeting: Meeting, row: DocumentRow, viewers: list[Viewer]) -> PendingEvent:
    """``presenter.page_changed`` for the meeting's presenter as it is now."""
    data: dict[str, Any] = {"document_id": row.doc.id, "page": meeting.presenter_page}
    return _with_audience(meeting.id, ev.PRESENTER_PAGE_CHANGED, data, row, viewers)


def stop_presenting(meeting: Meeting) -> list[PendingEvent]:
    """Nothing is presented any more (a ``presenter.stopped``, if something was)."""
    if meeting.presenter_document_id is None:
        return []
    meeting.presenter_document_id, meeting.presenter_page = None, None
    return [PendingEvent(meeting.id, ev.PRESENTER_STOPPED, {})]


def presenter_after_change(meeting: Meeting, rows: list[DocumentRow], viewers: list[Viewer]
                           ) -> list[PendingEvent]:
    """After ``document.updated`` events for ``rows``: tell the presented page again.

    Those who just gained the right to read the presented document learn what is shown
    (the withheld form of the update took it from those who lost it); a new version with
    fewer pages moves the presenter to its last page.
    """
    presented = next((row for row in rows if row.doc.id == meeting.presenter_document_id), None)
    if presented is None:
        return []
    meeting.presenter_page = min(meeting.presenter_page or 0, presented.version.pages - 1)
    return [page_changed(meeting, presented, viewers)]


def after_role_change(session: Session, meeting: Meeting, before: Viewer,
                      after: Viewer) -> list[PendingEvent]:
    """A participant's role changed (or they joined or left the meeting): a
    ``document.updated`` for each document they now see differently, so that their
    view of the documents follows (everyone else's is unchanged by it)."""
    rows = [row for row in shapes.load(session, meeting.id)
            if level(row.access, before) != level(row.access, after)]
    if not rows:
        return []
    viewers = shapes.viewers(session, meeting.id)
    events = [document_changed(row, ev.DOCUMENT_UPDATED, viewers) for row in rows]
    return events + presenter_after_change(meeting, rows, viewers)
