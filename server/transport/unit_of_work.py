"""One command's unit of work: the stages that run inside its transaction.

replay-lookup (a repeated request_id gets its first answer) -> authorize (the access rule)
-> the domain function -> append its events with their seq -> store the answer. Run in a
worker thread, in a transaction of its own (``execute``) or in a savepoint of a group's
transaction (``unit``: ``server.transport.group_commit``). Nothing here knows about the
pipeline or the groups: both call in.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from protocol.commands import Payload
from protocol.errors import ErrorCode, ProtocolError, invalid, not_found, ok_envelope
from server.domain.context import CommandContext, PendingEvent
from server.domain.permissions import resolve
from server.persistence import event_log
from server.persistence.models import CommandResult
from server.transport.broadcast import Delivery, Sent, user_delivery
from server.transport.registry import CommandSpec
from server.transport.services import ConnectionInfo, Services

Envelope = dict[str, Any]
Located = tuple[int | None, bool]
"""The meeting whose lock the caller holds for a located command, and whether that meeting
was remembered rather than just found."""


class Moved(Exception):
    """The located thing is not (or no longer) in the meeting whose lock was taken: a
    remembered answer went stale (a deleted poll whose id SQLite gave to a new one)."""


class MeetingLocks:
    """One lock per meeting in this process, held from the transaction to the end of the
    broadcast, so that this process sends a meeting's events in seq order."""

    def __init__(self) -> None:
        self._locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)

    def __call__(self, meeting_id: int | None) -> asyncio.Lock:
        """The lock of ``meeting_id`` (None: the lock of "no meeting")."""
        return self._locks[meeting_id or 0]


class UnitOfWork:
    """The in-transaction stages of a command, over one process's services."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def execute(self, spec: CommandSpec, payload: Payload, sid: str, conn: ConnectionInfo,
                prepared: Any = None, locked: Located | None = None) -> tuple[Envelope, list[Sent]]:
        """The unit of work in a transaction of its own (in a worker thread)."""
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
        if payload.idempotency_key is None or not spec.keeps_answers:
            return
        try:
            with self.services.db.write() as session:
                session.add(CommandResult(user_id=conn.actor.user_id, request_id=payload.idempotency_key,
                                          command=spec.name, response=refusal.to_envelope(),
                                          fingerprint=fingerprint(payload)))
        except IntegrityError:
            pass  # already answered under this request_id (a twin, or a reuse for another command)

    def _transaction(self, spec: CommandSpec, payload: Payload, sid: str, conn: ConnectionInfo,
                     prepared: Any, locked: Located | None) -> tuple[Envelope, list[Sent]]:
        db = self.services.db
        with db.write() if spec.writes else db.read() as session:
            return self.unit(session, spec, payload, sid, conn, prepared, locked)

    def unit(self, session: Session, spec: CommandSpec, payload: Payload, sid: str, conn: ConnectionInfo,
             prepared: Any = None, locked: Located | None = None) -> tuple[Envelope, list[Sent]]:
        """One command's work inside the caller's transaction (or savepoint: group commit).
        ``locked``: None when the caller holds no lock (a unit of work run alone, unchecked)."""
        meeting_id = self._meeting(session, spec, payload, locked)
        if spec.writes and meeting_id is not None:
            event_log.lock_meeting(session, meeting_id)
        request_id = payload.idempotency_key if spec.keeps_answers else None
        if request_id is not None:
            earlier = session.scalar(select(CommandResult).where(
                CommandResult.user_id == conn.actor.user_id, CommandResult.request_id == request_id))
            if earlier is not None:
                return replay(earlier, spec, payload), []
        ctx = CommandContext(session, conn.actor, sid, prepared=prepared,
                             quotas=self.services.settings.quotas)
        self._authorize(ctx, spec, payload, meeting_id)
        outcome = spec.handler.function(ctx, payload)
        session.flush()
        events: list[Sent] = [*log_events(session, outcome.events),
                              *map(user_delivery, outcome.user_events), *outcome.ended]
        envelope = ok_envelope({**outcome.data, **(outcome.finish() if outcome.finish else {})})
        if request_id is not None:
            session.add(CommandResult(user_id=conn.actor.user_id, request_id=request_id,
                                      command=spec.name, response=envelope, fingerprint=fingerprint(payload)))
        return envelope, events

    @staticmethod
    def _meeting(session: Session, spec: CommandSpec, payload: Payload, locked: Located | None) -> int | None:
        """The command's meeting, found again under the lock for a located command."""
        if spec.locate is None:
            return getattr(payload, "meeting_id", None)
        try:
            meeting_id = spec.locate.find(session, payload)
        except ProtocolError:
            if locked is not None and locked[1]:
                raise Moved from None  # gone since: the uncached path answers (a repeat)
            raise
        if locked is not None and meeting_id != locked[0]:
            raise Moved
        return meeting_id

    @staticmethod
    def _authorize(ctx: CommandContext, spec: CommandSpec, payload: Payload, meeting_id: int | None) -> None:
        try:
            resolve(ctx, spec.access, meeting_id)
        except ProtocolError as refusal:
            if spec.locate is not None and refusal.code == ErrorCode.NOT_FOUND:
                raise not_found(spec.locate.missing(payload)) from None  # not "Meeting N"
            raise

    def find_or_replay(self, spec: CommandSpec, payload: Payload, conn: ConnectionInfo) -> int | Envelope:
        """A located command's meeting, in a read transaction; or, for a repeated request
        whose subject is gone (a deleted poll), the first answer."""
        assert spec.locate is not None
        with self.services.db.read() as session:
            try:
                return spec.locate.find(session, payload)
            except ProtocolError:
                key = payload.idempotency_key if spec.keeps_answers else None
                earlier = None if key is None else session.scalar(select(CommandResult).where(
                    CommandResult.user_id == conn.actor.user_id, CommandResult.request_id == key,
                    CommandResult.command == spec.name))
                if earlier is None:
                    raise
                return replay(earlier, spec, payload)


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
