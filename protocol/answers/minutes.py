"""Answers of the minutes commands."""

from __future__ import annotations

from protocol.answers.base import Answer, IsoTime
from protocol.shapes.minutes import ActionItem, ConclusionRevision, ListedAction, MinutesState


class ConclusionSetAnswer(Answer):
    revision: int


class ConclusionHistoryAnswer(Answer):
    revisions: list[ConclusionRevision]


class ActionAnswer(Answer):
    """``action.save`` and ``action.set_status``."""

    action: ActionItem


class ActionListAnswer(Answer):
    actions: list[ListedAction]


class MinutesApproveAnswer(Answer):
    minutes: MinutesState


class MinutesPublishAnswer(Answer):
    """The publication (``minutes.published``'s data) with the DOCX and the notice."""

    version: int
    sha256: str
    document_id: int | None
    published_at: IsoTime
    docx_sha256: str | None
    supersedes: int | None
    notice_sha256: str | None
    notice_docx_sha256: str | None
    notice_document_id: int | None
