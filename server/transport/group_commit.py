"""Group commit: the ballots that arrive while their meeting's lock is busy run together.

Five hundred members voting at once queue on the meeting's lock (it is what makes a close
exact). Instead of one transaction each, the commands that gathered while the lock was held
run in the next transaction, each in its own savepoint: a refused or failing command rolls
back alone and the others commit. Nothing else changes: the meeting row is locked first (a
close runs wholly before or after the group), every answer is sent after the commit, the
events are broadcast in seq order under the lock, and each command's work is the
pipeline's own (``UnitOfWork.unit``).

A command that needs more than a savepoint (a twin committed first, its meeting moved, an
unexpected error, or the group's commit failed) gets ``ALONE`` from its group: the pipeline
runs it again alone, through the ordinary path. This module knows nothing of the pipeline
(the pipeline uses it, never the other way).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from protocol.commands import Payload
from protocol.errors import ProtocolError
from server.persistence import event_log
from server.transport.broadcast import Sent, broadcast
from server.transport.registry import CommandSpec
from server.transport.services import ConnectionInfo
from server.transport.unit_of_work import MeetingLocks, UnitOfWork

log = logging.getLogger(__name__)

Envelope = dict[str, Any]
GROUP_MAX = 100
"""The most commands in one transaction: a group's answers wait for its last command."""
ALONE = None
"""A command's answer from the group when it must run again alone."""


@dataclass
class Waiting:
    """One command in a group, and where its answer goes."""

    spec: CommandSpec
    payload: Payload
    sid: str
    conn: ConnectionInfo
    remembered: bool
    answer: asyncio.Future[Envelope | None] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future())


class GroupCommit:
    """The groups gathering for each meeting of one process."""

    def __init__(self, work: UnitOfWork, locks: MeetingLocks) -> None:
        self.work, self.services, self.meeting_lock = work, work.services, locks
        self._gathering: dict[int, list[Waiting]] = {}
        self._leaders: set[asyncio.Task[None]] = set()  # held: the loop keeps tasks weakly

    async def run(self, spec: CommandSpec, payload: Payload, sid: str, conn: ConnectionInfo,
                  meeting_id: int, remembered: bool) -> Envelope | None:
        """Run the command in its meeting's next group: its envelope, after the commit; or
        ``ALONE`` when it must run again alone."""
        waiting = Waiting(spec, payload, sid, conn, remembered)
        group = self._gathering.get(meeting_id)
        if group is not None and len(group) < GROUP_MAX:
            group.append(waiting)
        else:
            group = self._gathering[meeting_id] = [waiting]
            leader = asyncio.ensure_future(self._lead(meeting_id, group))
            self._leaders.add(leader)
            leader.add_done_callback(self._leaders.discard)
        return await waiting.answer

    async def _lead(self, meeting_id: int, group: list[Waiting]) -> None:
        """Wait for the meeting's lock, then run the group gathered meanwhile."""
        answers: list[Envelope | None] = [ALONE] * len(group)
        try:
            async with self.meeting_lock(meeting_id):
                if self._gathering.get(meeting_id) is group:
                    del self._gathering[meeting_id]  # closed: later commands gather the next group
                answers, deliveries = await self.services.in_thread(
                    partial(self._execute, group, meeting_id))
                await broadcast(self.services, deliveries)
        except Exception:
            log.exception("a group of %d commands failed; each runs again alone", len(group))
        finally:
            if self._gathering.get(meeting_id) is group:
                del self._gathering[meeting_id]
            for waiting, answer in zip(group, answers, strict=True):
                if not waiting.answer.done():
                    waiting.answer.set_result(answer)

    def _execute(self, group: list[Waiting], meeting_id: int) -> tuple[list[Envelope | None], list[Sent]]:
        """One transaction, a savepoint per command (in a worker thread)."""
        answers: list[Envelope | None] = []
        deliveries: list[Sent] = []
        with self.services.db.write() as session:
            event_log.lock_meeting(session, meeting_id)  # before any savepoint: held to the commit
            for w in group:
                try:
                    with session.begin_nested():
                        envelope, sent = self.work.unit(session, w.spec, w.payload, w.sid, w.conn,
                                                        None, (meeting_id, w.remembered))
                except ProtocolError as refusal:
                    answers.append(refusal.to_envelope())  # a grouped command keeps no refusals
                    continue
                except Exception:
                    answers.append(ALONE)  # rolled back to its savepoint; it runs again alone
                    continue
                answers.append(envelope)
                deliveries.extend(sent)
        return answers, deliveries
