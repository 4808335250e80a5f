"""``presence.heartbeat``: answered from memory, flushed to the database in batches.

Every client in a meeting beats every 2 s; a transaction per beat would cost more than the
rest of the meeting. Each process remembers, per socket, the meeting it joined (to refuse
a beat for another meeting) and its latest beat; the server's periodic task writes the
beats to ``connections.last_seen_at``/``rtt_ms`` in one statement every ~2 s, where
``site.status`` (any process) reads them.

The same periodic task reads the newest seq of every meeting its sockets joined, and a
heartbeat's answer carries it (``seq``): a client that lost events without seeing a later
one (Redis restarting under a quiet meeting) learns within two beats that it is behind,
and catches up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update

from protocol.commands import PresenceHeartbeat
from protocol.errors import not_found
from server.domain.context import CommandContext, Outcome
from server.domain.handlers import handles
from server.persistence.db import Database
from server.persistence.event_log import iso
from server.persistence.models import Connection, Meeting, utcnow


@handles(PresenceHeartbeat, reads=True, in_memory=True)
def heartbeat(_ctx: CommandContext, _payload: PresenceHeartbeat) -> Outcome:
    """``presence.heartbeat`` is answered by ``Heartbeats.beat`` from memory, never here:
    this declaration says so, for the registry."""
    raise RuntimeError("answered by the transport (Heartbeats), never in a transaction")


@dataclass(frozen=True)
class Beat:
    meeting_id: int
    at: datetime
    rtt_ms: int | None


class Heartbeats:
    """One process's sockets: the meeting each joined, and their beats not yet written."""

    def __init__(self) -> None:
        self._joined: dict[str, int] = {}
        self._beats: dict[str, Beat] = {}
        self._seqs: dict[int, int] = {}
        """The newest seq of each joined meeting, as last read from the database."""

    def joined(self, sid: str, meeting_id: int) -> None:
        """The socket joined a meeting (and left any other)."""
        self._joined[sid] = meeting_id

    def left(self, sid: str, meeting_id: int) -> None:
        """The socket left a meeting."""
        if self._joined.get(sid) == meeting_id:
            del self._joined[sid]
            self._beats.pop(sid, None)

    def forget(self, sid: str) -> None:
        """The socket closed."""
        self._joined.pop(sid, None)
        self._beats.pop(sid, None)

    def beat(self, sid: str, payload: PresenceHeartbeat) -> dict[str, Any]:
        """Remember a beat; the answer carries the server's clock."""
        if self._joined.get(sid) != payload.meeting_id:
            raise not_found(f"Meeting {payload.meeting_id} not found (join it before sending heartbeats)")
        now = utcnow()
        rtt = payload.rtt_ms
        if rtt is None and sid in self._beats:
            rtt = self._beats[sid].rtt_ms  # the last measure stands until a new one comes
        self._beats[sid] = Beat(payload.meeting_id, now, rtt)
        answer: dict[str, Any] = {"server_time": iso(now)}
        seq = self._seqs.get(payload.meeting_id)
        if seq is not None:
            answer["seq"] = seq
        return answer

    def meetings(self) -> set[int]:
        """The meetings some socket of this process joined."""
        return set(self._joined.values())

    def learn_seqs(self, seqs: dict[int, int]) -> None:
        """The newest seqs of the joined meetings (read from the database); others forgotten."""
        self._seqs = seqs

    @staticmethod
    def read_seqs(db: Database, meetings: set[int]) -> dict[int, int]:
        """The newest seq of each meeting in ``meetings``, in one statement."""
        if not meetings:
            return {}
        with db.read() as session:
            rows = session.execute(select(Meeting.id, Meeting.last_seq).where(Meeting.id.in_(meetings)))
            return {int(meeting_id): int(seq) for meeting_id, seq in rows}

    @property
    def waiting(self) -> int:
        """Beats not yet written."""
        return len(self._beats)

    def take(self) -> dict[str, Beat]:
        """The beats to write, handed over (new beats collect afresh)."""
        beats, self._beats = self._beats, {}
        return beats

    @staticmethod
    def write(db: Database, beats: dict[str, Beat]) -> None:
        """Write beats to their connections in one statement (executemany); a socket that
        left its meeting meanwhile is not touched."""
        if not beats:
            return
        table = cast(Table, Connection.__table__)
        statement = (update(table)
                     .where(table.c.sid == bindparam("b_sid"), table.c.meeting_id == bindparam("b_meeting"))
                     .values(last_seen_at=bindparam("b_at", type_=table.c.last_seen_at.type),
                             rtt_ms=func.coalesce(bindparam("b_rtt", type_=table.c.rtt_ms.type),
                                                  table.c.rtt_ms)))
        rows = [{"b_sid": sid, "b_meeting": beat.meeting_id, "b_at": beat.at, "b_rtt": beat.rtt_ms}
                for sid, beat in beats.items()]
        with db.write() as session:
            session.connection().execute(statement, rows)
