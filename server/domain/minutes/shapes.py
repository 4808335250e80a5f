"""Conclusions, action items and the minutes on the wire: the snapshot's parts and the events'.

The snapshot and the events use these functions, so the reducer applied to the events
gives what a fresh snapshot shows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.reducer import action_sort_key, empty_minutes
from server.persistence.event_log import iso
from server.persistence.models import ActionItem, Conclusion, Meeting, MinutesVersion


def action_view(row: ActionItem) -> dict[str, Any]:
    """One action item (the data of ``action.changed``)."""
    return {
        "id": row.id,
        "meeting_id": row.meeting_id,
        "agenda_item_id": row.agenda_item_id,
        "title": row.title,
        "owner_id": row.owner_id,
        "owner_name": row.owner_name,
        "due": row.due.isoformat() if row.due is not None else None,
        "status": row.status,
        "updated_at": iso(row.updated_at),
    }


def actions(session: Session, meeting_id: int) -> list[dict[str, Any]]:
    """The snapshot's ``actions``, in the reducer's order."""
    rows = session.scalars(select(ActionItem).where(ActionItem.meeting_id == meeting_id))
    return sorted((action_view(row) for row in rows), key=action_sort_key)


def conclusions(session: Session, meeting_id: int) -> dict[str, dict[str, Any]]:
    """The snapshot's ``conclusions``, ``decisions`` and ``conclusion_revisions``."""
    texts: dict[str, Any] = {}
    decisions: dict[str, Any] = {}
    revisions: dict[str, Any] = {}
    for row in session.scalars(select(Conclusion).where(Conclusion.meeting_id == meeting_id)):
        key = str(row.agenda_item_id)
        texts[key], revisions[key] = row.text, row.revision
        if row.decision:
            decisions[key] = row.decision
    return {"conclusions": texts, "decisions": decisions, "conclusion_revisions": revisions}


def newest_version(session: Session, meeting_id: int) -> MinutesVersion | None:
    """The newest published version of the meeting's minutes, if any."""
    return session.scalar(select(MinutesVersion).where(MinutesVersion.meeting_id == meeting_id)
                          .order_by(MinutesVersion.version.desc()).limit(1))


def published_data(version: MinutesVersion) -> dict[str, Any]:
    """The data of ``minutes.published``."""
    return {"version": version.version, "sha256": version.pdf_sha256, "document_id": version.document_id,
            "published_at": iso(version.published_at)}


def minutes(session: Session, meeting: Meeting) -> dict[str, Any]:
    """The snapshot's ``minutes``: the status and the newest publication."""
    newest = newest_version(session, meeting.id)
    base = empty_minutes() if newest is None else {"status": "published", **published_data(newest)}
    return {**base, "status": meeting.minutes_status}
