"""Presence: which sockets are connected, which meeting each joined, who is online.

Kept in the database rather than in server memory, so that every server process sees the
same presence. A process that dies stops its heartbeat; another process (or the same one
after a restart) sweeps its connections away and the users it held go offline.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from protocol import events as ev
from server.domain.context import PendingEvent
from server.persistence import event_log
from server.persistence.models import Connection, Participant, ServerInstance, utcnow


def register_instance(session: Session, instance_id: str) -> None:
    """Record a starting server process."""
    session.merge(ServerInstance(id=instance_id, started_at=utcnow(), heartbeat_at=utcnow()))


def heartbeat(session: Session, instance_id: str) -> None:
    """Tell other processes this one is alive (re-registering it if it was swept)."""
    instance = session.get(ServerInstance, instance_id)
    if instance is None:
        register_instance(session, instance_id)
    else:
        instance.heartbeat_at = utcnow()


def connect(session: Session, instance_id: str, sid: str, user_id: int, token_id: int) -> None:
    """Record a new socket; it is in no meeting until it joins one."""
    session.add(Connection(sid=sid, instance_id=instance_id, user_id=user_id, token_id=token_id))


def _is_online(session: Session, meeting_id: int, user_id: int) -> bool:
    return bool(session.scalar(select(exists().where(
        Connection.meeting_id == meeting_id, Connection.user_id == user_id))))


def _presence_event(session: Session, meeting_id: int, user_id: int, online: bool) -> list[PendingEvent]:
    is_participant = session.scalar(select(exists().where(
        Participant.meeting_id == meeting_id, Participant.user_id == user_id)))
    if not is_participant:
        return []
    return [PendingEvent(meeting_id, ev.PRESENCE_CHANGED, {"user_id": user_id, "online": online})]


def _leave(session: Session, connection: Connection) -> list[PendingEvent]:
    meeting_id = connection.meeting_id
    if meeting_id is None:
        return []
    # Whether the user is still online there must not race another socket joining.
    event_log.lock_meeting(session, meeting_id)
    connection.meeting_id = None
    session.flush()
    if _is_online(session, meeting_id, connection.user_id):
        return []
    return _presence_event(session, meeting_id, connection.user_id, False)


def join(session: Session, sid: str, meeting_id: int) -> list[PendingEvent]:
    """Put the socket in a meeting (leaving any other); the user may come online."""
    connection = session.get(Connection, sid)
    if connection is None:
        return []
    if connection.meeting_id == meeting_id:
        return []
    events = _leave(session, connection)
    event_log.lock_meeting(session, meeting_id)
    was_online = _is_online(session, meeting_id, connection.user_id)
    connection.meeting_id = meeting_id
    if not was_online:
        events += _presence_event(session, meeting_id, connection.user_id, True)
    return events


def leave(session: Session, sid: str, meeting_id: int) -> list[PendingEvent]:
    """Take the socket out of the meeting (if it is in it); the user may go offline."""
    connection = session.get(Connection, sid)
    if connection is None or connection.meeting_id != meeting_id:
        return []
    return _leave(session, connection)


def disconnect(session: Session, sid: str) -> list[PendingEvent]:
    """Forget a socket that closed."""
    connection = session.get(Connection, sid)
    if connection is None:
        return []
    events = _leave(session, connection)
    session.delete(connection)
    return events


def sweep_instances(session: Session, stale_before: datetime, keep: str) -> list[PendingEvent]:
    """Drop the connections of processes whose heartbeat is older than ``stale_before``."""
    stale = list(session.scalars(select(ServerInstance.id).where(
        ServerInstance.heartbeat_at < stale_before, ServerInstance.id != keep)))
    events: list[PendingEvent] = []
    for instance_id in stale:
        connections = select(Connection).where(Connection.instance_id == instance_id).order_by(
            Connection.meeting_id, Connection.sid)  # meetings locked in one order: no deadlock
        for connection in session.scalars(connections):
            events += _leave(session, connection)
            session.delete(connection)
        session.execute(delete(ServerInstance).where(ServerInstance.id == instance_id))
    return events


def sids_of_user(session: Session, user_id: int) -> list[str]:
    """Every socket of a user (to take them out of a meeting they were removed from)."""
    return list(session.scalars(select(Connection.sid).where(Connection.user_id == user_id)))


def sids_of_token(session: Session, token_id: int) -> list[str]:
    """Every socket opened with a token (to disconnect them when it is revoked)."""
    return list(session.scalars(select(Connection.sid).where(Connection.token_id == token_id)))
