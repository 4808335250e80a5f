"""Group commit: the ballots that arrive while their meeting's lock is busy run together.

Five hundred members voting at once queue on the meeting's lock (it is what makes a close
exact). Instead of one transaction each, the commands that gathered while the lock was held
run in the next transaction, each in its own savepoint: a refused or failing command rolls
back alone and the others commit. Nothing else changes: the meeting row is locked first (a
close runs wholly before or after the group), every answer is sent after the commit, the
events are broadcast in seq order under the lock, and each command's work is the
pipeline's own (``CommandPipeline.unit``).

A command that needs more than a savepoint (a twin committed first, its meeting moved, an
unexpected error, or the group's commit failed) runs again alone, through the ordinary path.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from protocol.errors import ProtocolError
from server.persistence import event_log
from server.transport.broadcast import Sent, broadcast

if TYPE_CHECKING:
    from protocol.commands import Payload
    from server.transport.pipeline import CommandPipeline
    from server.transport.registry import CommandSpec
    from server.transport.services import ConnectionInfo

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
    """The groups gathering for each meeting of one process's pipeline."""

    def __init__(self, pipeline: CommandPipeline) -> None:
        self.pipeline = pipeline
        self._gathering: dict[int, list[Waiting]] = {}
        self._leaders: set[asyncio.Task[None]] = set()  # held: the loop keeps tasks weakly

    async def run(self, spec: CommandSpec, payload: Payload, sid: str, conn: ConnectionInfo,
                  meeting_id: int, remembered: bool) -> Envelope:
        """Run the command in its meeting's next group; its envelope, after the commit."""
        waiting = Waiting(spec, payload, sid, conn, remembered)
        group = self._gathering.get(meeting_id)
        if group is not None and len(group) < GROUP_MAX:
            group.append(waiting)
        else:
            group = self._gathering[meeting_id] = [waiting]
            leader = asyncio.ensure_future(self._lead(meeting_id, group))
            self._leaders.add(leader)
            leader.add_done_callback(self._leaders.discard)
        envelope = await waiting.answer
        if envelope is ALONE:
            return await self.pipeline.run_alone(spec, payload, sid, conn, meeting_id, remembered)
        return envelope

    async def _lead(self, meeting_id: int, group: list[Waiting]) -> None:
        """Wait for the meeting's lock, then run the group gathered meanwhile."""
        answers: list[Envelope | None] = [ALONE] * len(group)
        try:
            async with self.pipeline.meeting_lock(meeting_id):
                if self._gathering.get(meeting_id) is group:
                    del self._gathering[meeting_id]  # closed: later commands gather the next group
                answers, deliveries = await self.pipeline.services.in_thread(
                    partial(self._execute, group, meeting_id))
                await broadcast(self.pipeline.services, deliveries)
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
        with self.pipeline.services.db.write() as session:
            event_log.lock_meeting(session, meeting_id)  # before any savepoint: held to the commit
            for w in group:
                try:
                    with session.begin_nested():
                        envelope, sent = self.pipeline.unit(session, w.spec, w.payload, w.sid, w.conn,
                                                            None, (meeting_id, w.remembered))
                except ProtocolError as refusal:
                    answers.append(refusal.to_envelope())  # the spec keeps no refusals (replays=False)
                    continue
                except Exception:
                    answers.append(ALONE)  # rolled back to its savepoint; it runs again alone
                    continue
                answers.append(envelope)
                deliveries.extend(sent)
        return answers, deliveries
