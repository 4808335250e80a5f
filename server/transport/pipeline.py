"""The fixed pipeline every command runs through.

validate -> check access -> domain function -> append events with their seq -> commit ->
broadcast -> answer. Every path ends in an envelope: a refusal, a malformed payload or a
fault in a handler is answered, never left hanging.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from protocol.commands import MAX_PAYLOAD_BYTES, Payload, PresenceHeartbeat
from protocol.errors import (
    ErrorCode,
    ProtocolError,
    conflict,
    error_envelope,
    invalid,
    not_found,
    ok_envelope,
)
from server.domain import presence
from server.domain.context import Actor, CommandContext, Outcome, PendingEvent, Stale
from server.domain.permissions import Access, resolve
from server.persistence import event_log
from server.persistence.models import CommandResult, utcnow
from server.transport.broadcast import Delivery, Sent, broadcast, user_delivery
from server.transport.departures import Departures
from server.transport.group_commit import GroupCommit
from server.transport.heartbeats import Heartbeats
from server.transport.limits import HEAVY_COMMANDS
from server.transport.payload_scan import scan_payload
from server.transport.registry import COMMANDS, CommandSpec, Locator
from server.transport.services import ConnectionInfo, Services

log = logging.getLogger(__name__)

Envelope = dict[str, Any]
Located = tuple[int | None, bool]
PREPARE_ATTEMPTS = 3
"""A prepared command (``minutes.publish``) whose meeting changed meanwhile is prepared again,
this many times at most."""
DATABASE_UNAVAILABLE = ("The server cannot reach its database right now; try again in a moment "
                        "(a retry with the same request_id is carried out at most once)")
LOCATED_MAX = 50_000
"""Remembered meetings of located things (a poll, a document); forgotten all at once beyond."""


class Moved(Exception):
    """The located thing is not (or no longer) in the meeting whose lock was taken: a
    remembered answer went stale (a deleted poll whose id SQLite gave to a new one)."""


class CommandPipeline:
    """Runs commands for one server process."""

    def __init__(self, services: Services) -> None:
        self.services = services
        # One lock per meeting in this process, held from the transaction to the end of
        # the broadcast, so that this process sends a meeting's events in seq order.
        self._locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self.heartbeats = Heartbeats()
        # The meeting of a located thing, by (locator, id): a thing never changes meeting,
        # so a command about it (a ballot) skips the read transaction that finds it. The
        # transaction finds it again under the lock and refuses a stale answer (``Moved``).
        self._located: dict[tuple[Locator, int], int] = {}
        self.groups = GroupCommit(self)
        self.departures = Departures(services.settings.presence_grace_seconds, self._depart)

    def meeting_lock(self, meeting_id: int | None) -> asyncio.Lock:
        """The lock that orders a meeting's commits and broadcasts in this process."""
        return self._locks[meeting_id or 0]

    async def run(self, name: str, args: tuple[Any, ...], sid: str, conn: ConnectionInfo) -> Envelope:
        """Run one command and return its envelope."""
        try:
            spec, payload = self._parse(name, args)
            if conn.token_expires_at <= utcnow():
                raise ProtocolError(ErrorCode.UNAUTHENTICATED, "This session has expired; log in again")
            self.services.usage.touch(conn.token_id)  # for the idle timeout
            if spec.in_memory:
                assert isinstance(payload, PresenceHeartbeat)
                return ok_envelope(self.heartbeats.beat(sid, payload))
            meeting_id = getattr(payload, "meeting_id", None)
            if spec.locate is None:
                envelope = await self._run_prepared(spec, payload, sid, conn, meeting_id)
            else:
                located = await self._run_located(spec, spec.locate, payload, sid, conn)
                meeting_id, envelope = located if isinstance(located, tuple) else (None, located)
            if envelope["ok"] and spec.socket is not None and isinstance(meeting_id, int):
                if spec.socket == "join":
                    self.heartbeats.joined(sid, meeting_id)
                else:
                    self.heartbeats.left(sid, meeting_id)
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

    async def _run_located(self, spec: CommandSpec, locator: Locator, payload: Payload, sid: str,
                           conn: ConnectionInfo) -> tuple[int, Envelope] | Envelope:
        """Run a command whose meeting comes from the thing it names: its meeting (remembered,
        or found in a read transaction) and its envelope; or, for a repeated request whose
        thing is gone, the first answer alone."""
        key = (locator, locator.subject(payload))
        for _attempt in range(2):
            meeting_id = self._located.get(key)
            remembered = meeting_id is not None
            if meeting_id is None:
                found = await self.services.in_thread(lambda: self._locate(spec, payload, conn))
                if isinstance(found, dict):
                    return found  # the first answer to a repeat (its subject may be gone since)
                meeting_id = found
                if len(self._located) >= LOCATED_MAX:
                    self._located.clear()
                self._located[key] = meeting_id
            try:
                return meeting_id, await self._run_prepared(spec, payload, sid, conn, meeting_id, remembered)
            except Moved:
                self._located.pop(key, None)  # look it up again, without the remembered answer
        raise conflict("This command's subject moved while it ran; try again")

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

    async def _run_prepared(self, spec: CommandSpec, payload: Payload, sid: str, conn: ConnectionInfo,
                            meeting_id: int | None, remembered: bool = False) -> Envelope:
        """The transaction and broadcast: in a group with others (``spec.grouped``), or alone."""
        if spec.grouped and meeting_id is not None:
            return await self.groups.run(spec, payload, sid, conn, meeting_id, remembered)
        return await self.run_alone(spec, payload, sid, conn, meeting_id, remembered)

    async def run_alone(self, spec: CommandSpec, payload: Payload, sid: str, conn: ConnectionInfo,
                        meeting_id: int | None, remembered: bool = False) -> Envelope:
        """The transaction and broadcast of one command, after its slow preparation if it has
        one (done again if the meeting changed meanwhile)."""
        if not spec.writes and meeting_id is None and spec.locate is None and spec.prepare is None:
            # A read across meetings (meeting.list, search) sends no event: it needs no lock,
            # and must not queue behind another user's search on the lock of "no meeting".
            run = self.services.in_heavy_thread if spec.name in HEAVY_COMMANDS else self.services.in_thread
            envelope, _events = await run(partial(self._execute, spec, payload, sid, conn))
            return envelope
        for _attempt in range(PREPARE_ATTEMPTS):
            prepared = None
            if spec.prepare is not None:
                prepared = await spec.prepare(self.services, conn.actor, spec.access, payload)
            async with self.meeting_lock(meeting_id):
                try:
                    envelope, events = await self.services.in_thread(
                        partial(self._execute, spec, payload, sid, conn, prepared, (meeting_id, remembered)))
                except Stale:
                    continue  # the meeting changed while the command was being prepared
                await broadcast(self.services, events)
            return envelope
        raise conflict("The meeting kept changing while this command was being prepared; try again")

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

    def _locate(self, spec: CommandSpec, payload: Payload, conn: ConnectionInfo) -> int | Envelope:
        """The command's meeting; or, for a repeated request whose subject is gone (a
        deleted poll), the first answer."""
        assert spec.locate is not None
        with self.services.db.read() as session:
            try:
                return spec.locate.find(session, payload)
            except ProtocolError:
                key = payload.idempotency_key if spec.writes and spec.replays else None
                earlier = None if key is None else session.scalar(select(CommandResult).where(
                    CommandResult.user_id == conn.actor.user_id, CommandResult.request_id == key,
                    CommandResult.command == spec.name))
                if earlier is None:
                    raise
                return replay(earlier, spec, payload)

    @staticmethod
    def _parse(name: str, args: tuple[Any, ...]) -> tuple[CommandSpec, Payload]:
        spec = COMMANDS.get(name)
        if spec is None:
            raise invalid(f"Unknown command {name!r}")
        if len(args) != 1 or not isinstance(args[0], dict):
            raise invalid("A command's payload is one JSON object")
        raw = args[0]
        scan_payload(raw)  # first: what follows measures, validates and stores its text
        if len(json.dumps(raw, ensure_ascii=False).encode()) > MAX_PAYLOAD_BYTES:
            raise invalid(f"The payload is larger than {MAX_PAYLOAD_BYTES // 1024} KB")
        try:
            return spec, spec.model.model_validate(raw)
        except ValidationError as error:
            raise invalid(describe_validation_error(error)) from None

    def _execute(self, spec: CommandSpec, payload: Payload, sid: str, conn: ConnectionInfo,
                 prepared: Any = None, locked: Located | None = None) -> tuple[Envelope, list[Sent]]:
        """The unit of work, in a worker thread: one transaction, events appended inside."""
        try:
            try:
                return self._transaction(spec, payload, sid, conn, prepared, locked)
            except IntegrityError:
                if payload.idempotency_key is None:
                    raise
                # A twin of this request committed first: answer what it answered.
                return self._transaction(spec, payload, sid, conn, prepared, locked)
        except ProtocolError as refusal:
            self._remember_refusal(spec, payload, conn, refusal)
            raise

    def _remember_refusal(self, spec: CommandSpec, payload: Payload, conn: ConnectionInfo,
                          refusal: ProtocolError) -> None:
        """A refusal is a first answer too: a retry with its request_id gets it again, even if
        the command would succeed by then (the client already told its user it failed)."""
        if payload.idempotency_key is None or not (spec.writes and spec.replays):
            return
        try:
            with self.services.db.write() as session:
                session.add(CommandResult(user_id=conn.actor.user_id, request_id=payload.idempotency_key,
                                          command=spec.name, response=refusal.to_envelope(),
                                          fingerprint=fingerprint(payload)))
        except IntegrityError:
            pass  # already answered under this request_id (a twin, or a reuse for another command)

    def _transaction(self, spec: CommandSpec, payload: Payload, sid: str, conn: ConnectionInfo,
                     prepared: Any = None, locked: Located | None = None) -> tuple[Envelope, list[Sent]]:
        """``locked``: the meeting whose lock the caller holds for a located command, and
        whether that meeting was remembered rather than just found (None: not checked, as
        for a unit of work run alone)."""
        db = self.services.db
        with db.write() if spec.writes else db.read() as session:
            return self.unit(session, spec, payload, sid, conn, prepared, locked)

    def unit(self, session: Session, spec: CommandSpec, payload: Payload, sid: str, conn: ConnectionInfo,
             prepared: Any = None, locked: Located | None = None) -> tuple[Envelope, list[Sent]]:
        """One command's work inside the caller's transaction (or savepoint: group commit)."""
        request_id = payload.idempotency_key if spec.writes and spec.replays else None
        meeting_id = getattr(payload, "meeting_id", None)
        if spec.locate is not None:
            try:
                meeting_id = spec.locate.find(session, payload)
            except ProtocolError:
                if locked is not None and locked[1]:
                    raise Moved from None  # gone since: the uncached path answers (a repeat)
                raise
            if locked is not None and meeting_id != locked[0]:
                raise Moved
        if spec.writes and meeting_id is not None:
            event_log.lock_meeting(session, meeting_id)
        if request_id is not None:
            earlier = session.scalar(select(CommandResult).where(
                CommandResult.user_id == conn.actor.user_id, CommandResult.request_id == request_id))
            if earlier is not None:
                return replay(earlier, spec, payload), []
        ctx = CommandContext(session, conn.actor, sid, prepared=prepared,
                             quotas=self.services.settings.quotas)
        try:
            resolve(ctx, spec.access, meeting_id)
        except ProtocolError as refusal:
            if spec.locate is not None and refusal.code == ErrorCode.NOT_FOUND:
                raise not_found(spec.locate.missing(payload)) from None  # not "Meeting N"
            raise
        outcome = spec.handler(ctx, payload)
        session.flush()
        events: list[Sent] = [*log_events(session, outcome.events),
                              *map(user_delivery, outcome.user_events), *outcome.ended]
        data = {**outcome.data, **(outcome.finish() if outcome.finish else {})}
        envelope = ok_envelope(data)
        if request_id is not None:
            session.add(CommandResult(user_id=conn.actor.user_id, request_id=request_id,
                                      command=spec.name, response=envelope, fingerprint=fingerprint(payload)))
        return envelope, events


def log_events(session: Session, events: list[PendingEvent]) -> list[Delivery]:
    """Append the events to their meetings' logs (next seq each) and say who gets what."""
    return [Delivery(event_log.append(session, e.meeting_id, e.type, e.data, e.audience, e.managers),
                     e.audience, e.managers, e.others) for e in events]


def fingerprint(payload: Payload) -> str:
    """sha256 of a payload as validated (defaults filled in), without its request_id."""
    text = json.dumps(payload.model_dump(mode="json", exclude={"request_id"}), sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def replay(earlier: CommandResult, spec: CommandSpec, payload: Payload) -> Envelope:
    """The first answer to a repeated request_id, if the repeat is the same request: the
    same command with the same payload (as payment APIs do: a reused key with another
    payload is a client's mistake, not a retry)."""
    if earlier.command != spec.name:
        raise invalid("This request_id was already used for another command")
    if earlier.fingerprint is not None and earlier.fingerprint != fingerprint(payload):
        raise invalid("This request_id was already used with a different payload; "
                      "a new request needs a new request_id")
    return earlier.response


def describe_validation_error(error: ValidationError) -> str:
    """A short, readable account of what is wrong with a payload."""
    parts = []
    for problem in error.errors()[:5]:
        where = ".".join(str(p) for p in problem["loc"]) or "payload"
        parts.append(f"{where}: {problem['msg']}")
    return "Invalid payload: " + "; ".join(parts)
