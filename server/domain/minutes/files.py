"""Which minutes file a user may download: a published version, or the draft."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.errors import forbidden, not_found
from server.domain.context import Actor
from server.domain.minutes.shapes import newest_version
from server.persistence.models import Meeting, MinutesVersion, Participant

MANAGERS = ("chair", "secretary")


@dataclass(frozen=True)
class MinutesFile:
    """A published version's files (``draft``: none; the caller renders the draft)."""

    version: int | None
    pdf_sha256: str | None = None
    docx_sha256: str | None = None
    notice_pdf_sha256: str | None = None
    """The notice of conclusions published with it (None: published before it existed)."""
    notice_docx_sha256: str | None = None

    @property
    def draft(self) -> bool:
        return self.version is None


DRAFT = MinutesFile(None)


def readable_file(session: Session, actor: Actor, meeting_id: int, version: int | None,
                  draft: bool) -> MinutesFile:
    """The minutes ``actor`` asks for: the newest published version by default, ``version``,
    or the current draft (``draft``; the chair, the secretary and admins only).

    Published minutes are for every participant; before publication only those who write
    them see the draft (the others: not_found). A meeting the actor takes no part in is
    not_found.
    """
    role = session.scalar(select(Participant.role).where(
        Participant.meeting_id == meeting_id, Participant.user_id == actor.user_id))
    if session.get(Meeting, meeting_id) is None or (role is None and not actor.is_admin):
        raise not_found(f"Meeting {meeting_id} not found")
    manager = actor.is_admin or role in MANAGERS
    if draft:
        if not manager:
            raise forbidden("Only the chair and the secretary may read the draft minutes")
        return DRAFT
    if version is not None:
        row = session.scalar(select(MinutesVersion).where(MinutesVersion.meeting_id == meeting_id,
                                                          MinutesVersion.version == version))
    else:
        row = newest_version(session, meeting_id)
    if row is None:
        if version is None and manager:
            return DRAFT
        raise not_found(f"The minutes have no version {version}" if version is not None
                        else "The minutes of this meeting are not published yet")
    return MinutesFile(row.version, row.pdf_sha256, row.docx_sha256, row.notice_pdf_sha256,
                       row.notice_docx_sha256)
