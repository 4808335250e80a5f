"""Documents' page text for search: stored at upload, matched by words.

Matching is ``folded LIKE '%word%'`` for every word, over the current versions of the
documents the caller may read. It is the one place that knows how document text is
matched: an index (SQLite FTS5 trigram, PostgreSQL pg_trgm) would go here; see
docs/performance.md (a year of meetings: a few hundred ms, a query matching nothing on
PostgreSQL as an admin about 1 s).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from server.domain.search.fold import fold_for_index
from server.persistence.models import Document, DocumentReader, DocumentText, DocumentVersion


def store_texts(session: Session, version_id: int, texts: Sequence[str]) -> None:
    """Keep a version's page texts (as extracted, and folded for matching)."""
    session.add_all(DocumentText(document_version_id=version_id, page=page, text=text,
                                 folded=fold_for_index(text))
                    for page, text in enumerate(texts) if text.strip())


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def readable(user_id: int | None, managed: Sequence[int]) -> ColumnElement[bool]:
    """The SQL condition on Document for what a caller may read (None: an admin, everything);
    the rules of ``documents.visibility`` (managers read all; others released documents open
    to all or naming them), for the meetings the caller is in (filtered by the caller)."""
    if user_id is None:
        return Document.removed_at.is_(None)
    named = exists().where(DocumentReader.document_id == Document.id, DocumentReader.user_id == user_id)
    return and_(Document.removed_at.is_(None),
                or_(Document.meeting_id.in_(managed),
                    and_(Document.released.is_(True), or_(Document.access == "all", named))))


def first_pages(session: Session, meeting_ids: Sequence[int], terms: list[str], user_id: int | None,
                managed: Sequence[int]) -> dict[int, int]:
    """For each readable document of the meetings whose current version has a page with every
    term: the first such page (0-based), by document id."""
    if not meeting_ids or not terms:
        return {}
    query = (select(Document.id, func.min(DocumentText.page))
             .join(DocumentVersion, and_(DocumentVersion.document_id == Document.id,
                                         DocumentVersion.version == Document.current_version))
             .join(DocumentText, DocumentText.document_version_id == DocumentVersion.id)
             .where(Document.meeting_id.in_(meeting_ids), readable(user_id, managed),
                    *[DocumentText.folded.like(_like(term), escape="\\") for term in terms])
             .group_by(Document.id))
    return {int(doc_id): int(page) for doc_id, page in session.execute(query)}


def page_texts(session: Session, wanted: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """The original text of (document id, page) pairs of the documents' current versions."""
    if not wanted:
        return {}
    ids = {doc_id for doc_id, _ in wanted}
    rows = session.execute(
        select(Document.id, DocumentText.page, DocumentText.text)
        .join(DocumentVersion, and_(DocumentVersion.document_id == Document.id,
                                    DocumentVersion.version == Document.current_version))
        .join(DocumentText, DocumentText.document_version_id == DocumentVersion.id)
        .where(Document.id.in_(ids), DocumentText.page.in_({page for _, page in wanted})))
    pairs = set(wanted)
    return {(int(d), int(p)): t for d, p, t in rows if (d, p) in pairs}
