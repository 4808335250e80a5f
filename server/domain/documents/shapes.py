"""Documents as rows (a document, its current version, its readers) and on the wire."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from protocol.reducer import document_sort_key
from server.domain.documents.visibility import DocumentAccess, Level, Viewer, level
from server.persistence.event_log import iso
from server.persistence.models import Document, DocumentReader, DocumentVersion, Participant, User


@dataclass
class DocumentRow:
    """A live document with what its wire shape and its access need."""

    doc: Document
    version: DocumentVersion
    reader_ids: list[int]

    @property
    def access(self) -> DocumentAccess:
        return DocumentAccess(self.doc.released, self.doc.access == "restricted", frozenset(self.reader_ids))


def load(session: Session, meeting_id: int, document_ids: Iterable[int] | None = None) -> list[DocumentRow]:
    """The meeting's documents that were not removed (or those of ``document_ids``), by id."""
    query = (select(Document, DocumentVersion)
             .join(DocumentVersion, and_(DocumentVersion.document_id == Document.id,
                                         DocumentVersion.version == Document.current_version))
             .where(Document.meeting_id == meeting_id, Document.removed_at.is_(None))
             .order_by(Document.id))
    if document_ids is not None:
        query = query.where(Document.id.in_(list(document_ids)))
    pairs = session.execute(query).all()
    readers: dict[int, list[int]] = {}
    restricted = [doc.id for doc, _version in pairs if doc.access == "restricted"]
    if restricted:
        for document_id, user_id in session.execute(
                select(DocumentReader.document_id, DocumentReader.user_id)
                .where(DocumentReader.document_id.in_(restricted)).order_by(DocumentReader.user_id)):
            readers.setdefault(document_id, []).append(user_id)
    return [DocumentRow(doc, version, readers.get(doc.id, [])) for doc, version in pairs]


def load_one(session: Session, meeting_id: int, document_id: int) -> DocumentRow | None:
    """One live document of the meeting, or None."""
    rows = load(session, meeting_id, [document_id])
    return rows[0] if rows else None


def view(row: DocumentRow, manager: bool) -> dict[str, Any]:
    """The document's wire shape; ``manager``: with what only the chair, secretary and admins see."""
    doc, version = row.doc, row.version
    shape: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "sha256": version.sha256,
        "pages": version.pages,
        "agenda_item_id": doc.agenda_item_id,
        "version": version.version,
        "size": version.size,
        "filename": version.filename,
        "access": doc.access,
        "released": doc.released,
        "uploaded_at": iso(version.uploaded_at),
        "uploaded_by": version.uploaded_by,
    }
    if manager:
        shape["reader_ids"] = list(row.reader_ids)
    return shape


def version_view(version: DocumentVersion) -> dict[str, Any]:
    """One line of ``document.versions``."""
    return {"version": version.version, "sha256": version.sha256, "pages": version.pages,
            "size": version.size, "filename": version.filename, "uploaded_at": iso(version.uploaded_at),
            "uploaded_by": version.uploaded_by}


def readable(session: Session, meeting_id: int, viewer: Viewer) -> list[dict[str, Any]]:
    """The snapshot's ``documents``: what ``viewer`` may read, in the reducer's order."""
    shapes = []
    for row in load(session, meeting_id):
        seen = level(row.access, viewer)
        if seen != Level.NONE:
            shapes.append(view(row, manager=seen == Level.MANAGER))
    shapes.sort(key=document_sort_key)
    return shapes


def viewer_of(session: Session, meeting_id: int, user_id: int) -> Viewer:
    """A user as a viewer of the meeting's documents, as things stand."""
    role = session.scalar(select(Participant.role).where(
        Participant.meeting_id == meeting_id, Participant.user_id == user_id))
    is_admin = bool(session.scalar(select(User.is_admin).where(User.id == user_id)))
    return Viewer(user_id, role, is_admin)


def viewers(session: Session, meeting_id: int) -> list[Viewer]:
    """Everyone an event of the meeting may reach: its participants, and every admin."""
    found = {user_id: Viewer(user_id, role, bool(is_admin)) for user_id, role, is_admin in session.execute(
        select(Participant.user_id, Participant.role, User.is_admin)
        .join(User, User.id == Participant.user_id).where(Participant.meeting_id == meeting_id))}
    for admin_id in session.scalars(select(User.id).where(User.is_admin.is_(True), User.active.is_(True))):
        found.setdefault(admin_id, Viewer(admin_id, None, True))
    return list(found.values())
