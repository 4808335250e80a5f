"""How domain rows look on the wire: the pieces of a snapshot and of events.

The snapshot builder and the events use the same functions, so that the reducer applied
to events reproduces exactly what a fresh snapshot shows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from protocol.reducer import agenda_with_document_ids, participant_sort_key, site_online
from server.domain import capabilities, speakers
from server.domain.documents import shapes as documents
from server.domain.documents.visibility import Viewer
from server.domain.minutes import shapes as minutes
from server.domain.voting import shapes as voting
from server.persistence.event_log import iso
from server.persistence.models import AgendaItem, Connection, Meeting, Participant, Site, User


def meeting_fields(meeting: Meeting) -> dict[str, Any]:
    """The editable fields of a meeting (the data of ``meeting.updated``)."""
    return {
        "title": meeting.title,
        "starts_at": iso(meeting.starts_at),
        "ends_at": iso(meeting.ends_at),
        "location": meeting.location,
        "quorum_rule": meeting.quorum_rule,
    }


def meeting_header(meeting: Meeting) -> dict[str, Any]:
    """The snapshot's ``meeting`` part."""
    return {
        "id": meeting.id,
        **meeting_fields(meeting),
        "status": meeting.status,
        "current_item_id": meeting.current_item_id,
        "current_item_started_at": iso(meeting.current_item_started_at),
        "started_at": iso(meeting.started_at),
        "ended_at": iso(meeting.ended_at),
    }


def agenda(session: Session, meeting_id: int) -> list[dict[str, Any]]:
    """The agenda in order (the data of ``agenda.changed``).

    ``document_ids`` is left empty: it differs per receiver, and the reducer derives it
    from the documents each may read (as ``snapshot`` does here).
    """
    items = session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
    )
    return [
        {
            "id": item.id,
            "title": item.title,
            "position": item.position,
            "presenter": item.presenter,
            "duration_min": item.duration_min,
            "elapsed_seconds": item.elapsed_seconds,
            "document_ids": [],
        }
        for item in items
    ]


def sites(session: Session, meeting_id: int) -> list[dict[str, Any]]:
    """The sites in order, without their online flag (derived from participants)."""
    rows = session.scalars(select(Site).where(Site.meeting_id == meeting_id).order_by(Site.position))
    return [{"id": s.id, "name": s.name, "is_central": s.position == 0} for s in rows]


def online_user_ids(session: Session, meeting_id: int) -> set[int]:
    """Users with at least one connection that joined the meeting."""
    return set(
        session.scalars(select(Connection.user_id).where(Connection.meeting_id == meeting_id).distinct())
    )


def participant(row: Participant, online: bool) -> dict[str, Any]:
    """One participant (the data of ``participant.changed``)."""
    return {
        "user_id": row.user_id,
        "full_name": row.user.full_name,
        "username": row.user.username,
        "role": row.role,
        "site_id": row.site_id,
        "voting_weight": row.voting_weight,
        "attendance": row.attendance,
        "attendance_reason": row.attendance_reason,
        "proxy_id": row.proxy_user_id,
        "online": online,
    }


def participants(session: Session, meeting_id: int) -> list[dict[str, Any]]:
    """Every participant with their online state, in the reducer's order."""
    online = online_user_ids(session, meeting_id)
    rows = session.scalars(select(Participant).where(Participant.meeting_id == meeting_id)
                           .options(joinedload(Participant.user)))
    views = [participant(row, row.user_id in online) for row in rows]
    views.sort(key=participant_sort_key)
    return views


def presenter(meeting: Meeting, readable: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The presented page, for someone who may read the ``readable`` documents."""
    if meeting.presenter_document_id is None:
        return None
    if all(doc["id"] != meeting.presenter_document_id for doc in readable):
        return None
    return {"document_id": meeting.presenter_document_id, "page": meeting.presenter_page}


def snapshot(session: Session, meeting: Meeting, user_id: int, role: str | None) -> dict[str, Any]:
    """The whole state of a meeting as one participant may see it."""
    people = participants(session, meeting.id)
    is_admin = bool(session.scalar(select(User.is_admin).where(User.id == user_id)))
    readable = documents.readable(session, meeting.id, Viewer(user_id, role, is_admin))
    return {
        "meeting": meeting_header(meeting),
        "agenda": agenda_with_document_ids(agenda(session, meeting.id), readable),
        "documents": readable,
        "sites": [{**s, "online": site_online(people, s["id"])} for s in sites(session, meeting.id)],
        "participants": people,
        "speakers": speakers.speakers(session, meeting.id),
        "polls": voting.polls(session, meeting.id),
        "presenter": presenter(meeting, readable),
        **minutes.conclusions(session, meeting.id),
        "actions": minutes.actions(session, meeting.id),
        "minutes": minutes.minutes(session, meeting),
        "you": {"user_id": user_id, "role": role, **capabilities.you(session, meeting.id, user_id)},
    }


def meeting_summary(meeting: Meeting, role: str | None) -> dict[str, Any]:
    """One line of ``meeting.list``."""
    return {
        "id": meeting.id,
        "title": meeting.title,
        "status": meeting.status,
        "starts_at": iso(meeting.starts_at),
        "ends_at": iso(meeting.ends_at),
        "location": meeting.location,
        "role": role,
    }
