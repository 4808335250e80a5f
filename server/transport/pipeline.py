"""The pipeline every command runs through, as explicit stages.

decode and validate (``decoding``) -> check the session -> the stages of the command's kind
(``registry.Kind``, chosen by its declarations) -> the socket joins or leaves its meeting ->
answer. Every path ends in an envelope: a refusal, a malformed payload or a fault in a
handler is answered, never left hanging.

The stages of each kind::

    IN_MEMORY  answer from memory (Heartbeats)
    QUERY      read transaction in a worker thread, no lock (with a meeting named: as ALONE)
    ALONE      locate -> under the meeting's lock: transaction -> broadcast
    GROUPED    locate -> under the meeting's lock: the group's transaction -> broadcast
               (a command the group cannot take: as ALONE)
    PREPARED   locate -> prepare, outside any lock -> as ALONE (prepared again if Stale)

Inside the transaction (``unit_of_work``): replay-lookup -> authorize -> the domain function
-> append its events with their seq -> store the answer. Group commit (``group_commit``) runs
the same unit of work in savepoints; it does not know this module.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from protocol.commands import Payload, PresenceHeartbeat
from protocol.errors import ErrorCode, ProtocolError, conflict, error_envelope, ok_envelope
from server.domain import presence
from server.domain.context import Actor, CommandContext, Outcome, PendingEvent, Stale
from server.domain.handlers import SocketEffect
from server.domain.permissions import Access, resolve
from server.persistence import event_log
from server.persistence.models import utcnow
from server.transport.broadcast import Delivery, Sent, broadcast, user_delivery
from server.transport.decoding import decode
from server.transport.departures import Departures
from server.transport.group_commit import GroupCommit
from server.transport.heartbeats import Heartbeats
from server.transport.limits import HEAVY_COMMANDS
from server.transport.registry import CommandSpec, Kind, Locator
from server.transport.services import ConnectionInfo, Services
from server.transport.unit_of_work import Envelope, MeetingLocks, Moved, UnitOfWork, log_events

log = logging.getLogger(__name__)

PREPARE_ATTEMPTS = 3
"""A prepared command (``minutes.publish``) whose meeting changed meanwhile is prepared again,
this many times at most."""
DATABASE_UNAVAILABLE = ("The server cannot reach its database right now; try again in a moment "
                        "(a retry with the same request_id is carried out at most once)")
LOCATED_MAX = 50_000
"""Remembered meetings of located things (a poll, a document); forgotten all at once beyond."""


@dataclass(frozen=True)
class Command:
    """A decoded command on its way through the stages."""

    spec: CommandSpec
    payload: Payload
    sid: str
    conn: ConnectionInfo


Ran = tuple[int | None, Envelope]
"""The meeting a command ran in (None: none, or a repeat answered without finding it) and
its envelope."""
InMeeting = Callable[[Command, int | None, bool], Awaitable[Envelope]]
"""A stage that runs a command in its meeting (and whether that meeting was remembered)."""


class CommandPipeline:
    """Runs commands for one server process."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.meeting_lock = MeetingLocks()
        self.heartbeats = Heartbeats()
        self.work = UnitOfWork(services)
        self.groups = GroupCommit(self.work, self.meeting_lock)
        self.departures = Departures(services.settings.presence_grace_seconds, self._depart)
        # The meeting of a located thing, by (locator, id): a thing never changes meeting,
        # so a command about it (a ballot) skips the read transaction that finds it. The
        # transaction finds it again under the lock and refuses a stale answer (``Moved``).
        self._located: dict[tuple[Locator, int], int] = {}
        self._kinds: dict[Kind, Callable[[Command], Awaitable[Ran]]] = {
            Kind.IN_MEMORY: self._in_memory,
            Kind.QUERY: self._query,
            Kind.ALONE: partial(self._locating, then=self._locked),
            Kind.GROUPED: partial(self._locating, then=self._grouped),
            Kind.PREPARED: partial(self._locating, then=self._prepared),
        }

    async def run(self, name: str, args: tuple[Any, ...], sid: str, conn: ConnectionInfo) -> Envelope:
        """Run one command and return its envelope."""
        try:
            spec, payload = decode(name, args)
            self._check_session(conn)
            command = Command(spec, payload, sid, conn)
            meeting_id, envelope = await self._kinds[spec.kind](command)
            self._socket_effect(command, meeting_id, envelope)
            return envelope
        except ProtocolError as refusal:
            return refusal.to_envelope()
        except (OperationalError, InterfaceError) as error:
            # The database restarting or unreachable: say so, without a stack per command.
            log.warning("command %s: the database is unavailable: %s", name, str(error).splitlines()[0])
            return error_envelope(ErrorCode.INTERNAL, DATABASE_UNAVAILABLE)
        except Exception:
            log.exception("command %s failed", name)
            return error_envelope(ErrorCode.INTERNAL, "The server could not complete this command")

    # -- stages ------------------------------------------------------------------------

    def _check_session(self, conn: ConnectionInfo) -> None:
        if conn.token_expires_at <= utcnow():
            raise ProtocolError(ErrorCode.UNAUTHENTICATED, "This session has expired; log in again")
        self.services.usage.touch(conn.token_id)  # for the idle timeout

    def _socket_effect(self, command: Command, meeting_id: int | None, envelope: Envelope) -> None:
        effect = command.spec.socket
        if effect is None or not envelope["ok"] or not isinstance(meeting_id, int):
            return
        if effect is SocketEffect.JOIN:
            self.heartbeats.joined(command.sid, meeting_id)
        else:
            self.heartbeats.left(command.sid, meeting_id)

    async def _in_memory(self, command: Command) -> Ran:
        assert isinstance(command.payload, PresenceHeartbeat)
        return command.payload.meeting_id, ok_envelope(self.heartbeats.beat(command.sid, command.payload))

    async def _query(self, command: Command) -> Ran:
        meeting_id = getattr(command.payload, "meeting_id", None)
        if meeting_id is not None:
            return meeting_id, await self._locked(command, meeting_id, False)
        # A read across meetings (meeting.list, search) sends no event: it needs no lock,
        # and must not queue behind another user's search on the lock of "no meeting".
        heavy = command.spec.name in HEAVY_COMMANDS
        run = self.services.in_heavy_thread if heavy else self.services.in_thread
        envelope, _events = await run(partial(self.work.execute, *self._parts(command)))
        return None, envelope

    async def _locating(self, command: Command, then: InMeeting) -> Ran:
        """The command's meeting: its payload's, or (for a command that names a thing) the
        thing's, remembered or found in a read transaction; then the next stage. A repeated
        request whose thing is gone gets the first answer alone."""
        locator = command.spec.locate
        if locator is None:
            meeting_id = getattr(command.payload, "meeting_id", None)
            return meeting_id, await then(command, meeting_id, False)
        key = (locator, locator.subject(command.payload))
        for _attempt in range(2):
            meeting_id = self._located.get(key)
            remembered = meeting_id is not None
            if meeting_id is None:
                found = await self.services.in_thread(
                    partial(self.work.find_or_replay, command.spec, command.payload, command.conn))
                if isinstance(found, dict):
                    return None, found  # the first answer to a repeat (its subject may be gone since)
                meeting_id = found
                if len(self._located) >= LOCATED_MAX:
                    self._located.clear()
                self._located[key] = meeting_id
            try:
                return meeting_id, await then(command, meeting_id, remembered)
            except Moved:
                self._located.pop(key, None)  # look it up again, without the remembered answer
        raise conflict("This command's subject moved while it ran; try again")

    async def _locked(self, command: Command, meeting_id: int | None, remembered: bool,
                      prepared: Any = None) -> Envelope:
        """Under the meeting's lock: the transaction in a worker thread, then the broadcast."""
        async with self.meeting_lock(meeting_id):
            envelope, events = await self.services.in_thread(
                partial(self.work.execute, *self._parts(command), prepared, (meeting_id, remembered)))
            await broadcast(self.services, events)
        return envelope

    async def _grouped(self, command: Command, meeting_id: int | None, remembered: bool) -> Envelope:
        """In the meeting's next group; alone when the group cannot take it."""
        if meeting_id is not None:
            envelope = await self.groups.run(*self._parts(command), meeting_id, remembered)
            if envelope is not None:  # None: ALONE, the group could not take it
                return envelope
        return await self._locked(command, meeting_id, remembered)

    async def _prepared(self, command: Command, meeting_id: int | None, remembered: bool) -> Envelope:
        """The slow preparation outside any lock, then the transaction; prepared again if the
        meeting changed meanwhile (the handler raises Stale)."""
        spec = command.spec
        assert spec.prepare is not None
        for _attempt in range(PREPARE_ATTEMPTS):
            prepared = await spec.prepare(self.services, command.conn.actor, spec.access, command.payload)
            try:
                return await self._locked(command, meeting_id, remembered, prepared)
            except Stale:
                continue  # the meeting changed while the command was being prepared
        raise conflict("The meeting kept changing while this command was being prepared; try again")

    @staticmethod
    def _parts(command: Command) -> tuple[CommandSpec, Payload, str, ConnectionInfo]:
        return command.spec, command.payload, command.sid, command.conn

    # -- changes that do not arrive as commands ------------------------------------------

    async def socket_closed(self, sid: str, meeting_id: int | None) -> None:
        """A socket closed: forget it, and after the presence grace period take it out of its
        meeting (its user goes offline unless they came back)."""
        self.heartbeats.forget(sid)
        await self.departures.closed(sid, meeting_id)

    async def _depart(self, sid: str, meeting_id: int | None) -> None:
        await self.publish(partial(presence.disconnect, sid=sid), meeting_id)

    async def flush_heartbeats(self) -> int:
        """Write the beats heard since the last flush (one statement) and read the newest seq
        of the joined meetings for the next answers (another); how many beats."""
        beats, meetings, db = self.heartbeats.take(), self.heartbeats.meetings(), self.services.db

        def flush() -> dict[int, int]:
            Heartbeats.write(db, beats)
            return Heartbeats.read_seqs(db, meetings)

        if beats or meetings:
            self.heartbeats.learn_seqs(await self.services.in_thread(flush))
        return len(beats)

    async def publish(self, change: Callable[[Session], list[PendingEvent]],
                      meeting_id: int | None = None) -> None:
        """Make a change caused outside a command (a disconnect, a sweep), log the events it
        causes, and broadcast them.

        ``meeting_id`` is the meeting the change is expected to touch: its lock orders this
        process's broadcasts. (A sweep cannot know its meetings beforehand; a client that
        sees a seq out of order catches up with ``since_seq``.)
        """
        async with self.meeting_lock(meeting_id):
            envelopes = await self.services.in_thread(partial(self._change_alone, change))
            await broadcast(self.services, envelopes)

    def _change_alone(self, change: Callable[[Session], list[PendingEvent]]) -> list[Delivery]:
        # The change and its events commit together: a presence change committed in
        # between (another socket joining) would otherwise be logged before this one and
        # the log would end with the wrong online state.
        with self.services.db.write() as session:
            return log_events(session, change(session))

    async def perform(self, actor: Actor, meeting_id: int, rule: Access,
                      handler: Callable[[CommandContext], Outcome]) -> dict[str, Any]:
        """Run a change that does not arrive as a command (an upload over HTTP) as one: the
        access rule, one transaction with its events logged, commit, broadcast. Its data,
        or the ProtocolError that refused it."""
        def unit() -> tuple[dict[str, Any], list[Sent]]:
            with self.services.db.write() as session:
                event_log.lock_meeting(session, meeting_id)
                ctx = CommandContext(session, actor)
                resolve(ctx, rule, meeting_id)
                outcome = handler(ctx)
                session.flush()
                sent: list[Sent] = [*log_events(session, outcome.events),
                                    *map(user_delivery, outcome.user_events)]
                return outcome.data, sent

        async with self.meeting_lock(meeting_id):
            data, deliveries = await self.services.in_thread(unit)
            await broadcast(self.services, deliveries)
        return data

