"""Carrying annotations over when a document gets a new version.

Each version keeps its pages' text hashes (measured where the file was inspected). An
annotation on the previous version moves to the new page with the same text, if its
geometry fits that page; the rest stay on their old version, marked ``orphaned``, and each
author is told (a user event ``annotation.carried``; ``annotation.list`` keeps listing them).
Pages without text carry nothing (there is nothing to recognise them by), unless the new
version's file is the same file.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol import annotations as a
from protocol import events as ev
from server.domain.annotations import stamp
from server.domain.context import UserEvent
from server.persistence.models import Annotation, Document, DocumentVersion


def page_map(old: DocumentVersion, new: DocumentVersion) -> dict[int, int]:
    """Which page of ``new`` each page of ``old`` became."""
    if old.sha256 == new.sha256:
        return {page: page for page in range(min(old.pages, new.pages))}
    if not old.page_info or not new.page_info:
        return {}
    return a.carry_pages([info[2] for info in old.page_info], [info[2] for info in new.page_info])


def carry_over(session: Session, doc: Document, old: DocumentVersion,
               new: DocumentVersion) -> list[UserEvent]:
    """Move the annotations of ``old`` to ``new`` where their page's text is; one
    ``annotation.carried`` per author with what could not be moved."""
    mapping = page_map(old, new)
    carried: dict[int, int] = defaultdict(int)
    orphaned: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows = session.scalars(select(Annotation).where(
        Annotation.document_id == doc.id, Annotation.version == old.version).order_by(Annotation.id))
    for row in rows:
        target = mapping.get(row.page)
        if target is not None and new.page_info and target < len(new.page_info):
            width, height, _digest = new.page_info[target]
            if a.outside_page(row.kind, row.data, float(width), float(height)) is not None:
                target = None  # the same text on a smaller page: the mark would fall off it
        if row.deleted:  # a tombstone follows its page silently (it still refuses stale saves)
            if target is not None:
                row.version, row.page = new.version, target
            continue
        if target is None:
            row.orphaned, row.updated_at = True, stamp(row.updated_at)
            orphaned[row.author_id].append(
                {"annotation_id": row.id, "version": old.version, "page": row.page})
        else:
            row.version, row.page, row.updated_at = new.version, target, stamp(row.updated_at)
            carried[row.author_id] += 1
    return [UserEvent(doc.meeting_id, author, ev.ANNOTATIONS_CARRIED, {
        "document_id": doc.id, "version": new.version, "carried": carried[author],
        "orphaned": orphaned[author]}) for author in sorted({*carried, *orphaned})]
