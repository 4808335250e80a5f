"""Socket.IO handlers: the token checked on connect, every command through the pipeline."""

from __future__ import annotations

import logging
from typing import Any

import socketio
from sqlalchemy.exc import InterfaceError, OperationalError

from protocol import PROTOCOL_VERSION
from protocol import commands as c
from protocol.errors import ErrorCode, ProtocolError, error_envelope
from server.domain import accounts, presence
from server.domain.context import CommandContext
from server.domain.permissions import ALL_ROLES, Access, resolve
from server.transport.pipeline import CommandPipeline
from server.transport.services import CONNECTION_KEY, ConnectionInfo, Services, enter_meeting, leave_meeting

log = logging.getLogger(__name__)

DATABASE_UNAVAILABLE_NOW = "The server cannot reach its database right now; try again in a moment"

PARTICIPANTS = Access(meeting_roles=ALL_ROLES)


def register(services: Services, pipeline: CommandPipeline) -> None:
    """Attach the connect, disconnect and command handlers to the socket server."""
    sio: socketio.AsyncServer = services.sio

    @sio.event
    async def connect(sid: str, environ: Any = None, auth: Any = None, *_args: Any) -> Any:
        if sio.manager.is_connected(sid, "/"):
            return _reserved("connect")  # a client's event named "connect", not a connection
        if not isinstance(auth, dict) or not isinstance(auth.get("token"), str):
            raise refused("A login token is required", ErrorCode.UNAUTHENTICATED, "token_required")
        if type(auth.get("protocol")) is not int or auth["protocol"] != PROTOCOL_VERSION:  # True == 1
            raise refused(f"This server speaks protocol version {PROTOCOL_VERSION}; update the app "
                          "to connect", ErrorCode.UNAUTHENTICATED, "protocol")

        def accept() -> ConnectionInfo:
            try:
                with services.db.write() as session:
                    actor, token = accounts.authenticate(session, auth["token"], services.settings.auth)
                    services.socket_counts.admit(token.id, sid)  # at most N sockets per login
                    presence.connect(session, services.settings.instance_id, sid, actor.user_id, token.id)
                    return ConnectionInfo(actor, token.id, token.expires_at)
            except BaseException:
                services.socket_counts.release(sid)  # not connected after all
                raise

        try:
            info = await services.in_thread(accept)
        except ProtocolError as refusal:
            raise refused(refusal.message, refusal.code, refusal.reason or "session",
                          refusal.retry_after) from None
        except (OperationalError, InterfaceError) as error:
            log.warning("connect: the database is unavailable: %s", str(error).splitlines()[0])
            raise refused(DATABASE_UNAVAILABLE_NOW, ErrorCode.INTERNAL, "unavailable") from None
        except Exception:
            log.exception("connect failed")
            raise refused("The server could not accept this connection; try again",
                          ErrorCode.INTERNAL, "internal") from None
        services.usage.touch(info.token_id)  # a connect is a use (idle timeout), written later
        await sio.save_session(sid, {CONNECTION_KEY: info})

    @sio.event
    async def disconnect(sid: str, reason: Any = None, *_args: Any) -> Any:
        if sio.manager.is_connected(sid, "/"):
            return _reserved("disconnect")  # a client's event named "disconnect": still connected
        session = await sio.get_session(sid)
        conn: ConnectionInfo | None = session.get(CONNECTION_KEY)
        services.command_limits.forget(sid)
        services.socket_counts.release(sid)
        await pipeline.socket_closed(sid, conn.meeting_id if conn else None)

    @sio.on("*")
    async def any_event(*received: Any) -> dict[str, Any]:
        # python-socketio hands the catch-all (name, sid, *args), except for an event named
        # "*" itself, which it takes for this handler's own event: (sid, *args), no name.
        if received and _is_sid(sio, received[0]) and not (len(received) > 1 and _is_sid(sio, received[1])):
            return _reserved("*")
        return await command(*received)

    async def command(name: str, sid: str, *args: Any) -> dict[str, Any]:
        session = await sio.get_session(sid)
        conn: ConnectionInfo | None = session.get(CONNECTION_KEY)
        if conn is None:
            return error_envelope(ErrorCode.UNAUTHENTICATED, "Not connected")
        try:  # first: a refused command costs nothing more (no parsing, no database)
            services.command_limits.check(name, sid, conn.actor.user_id)
        except ProtocolError as refusal:
            return refusal.to_envelope()
        if name == c.MeetingJoin.command:
            return await _join(services, pipeline, sid, conn, args)
        envelope = await pipeline.run(name, args, sid, conn)
        if name == c.MeetingLeave.command and envelope["ok"] and conn.meeting_id is not None \
                and conn.meeting_id == args[0].get("meeting_id"):
            await leave_meeting(sio, sid, conn.meeting_id, conn.actor.user_id)
            conn.meeting_id = None
        return envelope


def refused(message: str, code: ErrorCode, reason: str,
            retry_after: float | None = None) -> socketio.exceptions.ConnectionRefusedError:
    """A refused connection, always the same shape for the client's ``connect_error``:
    ``{"message": <a sentence for people>, "data": {"code": <error code>, "reason": <a word>}}``
    (reasons in docs/protocol.md, "Connecting"), with ``retry_after`` (seconds) when trying
    again later will do (too many sockets on one login)."""
    data: dict[str, Any] = {"code": str(code), "reason": reason}
    if retry_after is not None:
        data["retry_after"] = retry_after
    return socketio.exceptions.ConnectionRefusedError(message, data)


def _is_sid(sio: socketio.AsyncServer, value: Any) -> bool:
    return isinstance(value, str) and bool(sio.manager.is_connected(value, "/"))


def _reserved(name: str) -> dict[str, Any]:
    """The answer to a command named like a Socket.IO lifecycle event (it reaches the
    lifecycle handler, not the command handler)."""
    return error_envelope(ErrorCode.INVALID, f"Unknown command {name!r}")


async def _join(services: Services, pipeline: CommandPipeline, sid: str, conn: ConnectionInfo,
                args: tuple[Any, ...]) -> dict[str, Any]:
    """Enter the meeting's room before reading the snapshot, so no event falls between.

    Events that reach the client before the answer carry a seq the snapshot already has or
    the next ones; the client applies only those above the snapshot's seq.
    """
    sio, user_id = services.sio, conn.actor.user_id
    meeting_id = args[0].get("meeting_id") if len(args) == 1 and isinstance(args[0], dict) else None
    entered = False
    if isinstance(meeting_id, int) and not isinstance(meeting_id, bool) and \
            await services.in_thread(lambda: _may_join(services, conn, meeting_id)):
        await enter_meeting(sio, sid, meeting_id, user_id)
        entered = True
    envelope = await pipeline.run(c.MeetingJoin.command, args, sid, conn)
    if envelope["ok"]:
        if conn.meeting_id is not None and conn.meeting_id != meeting_id:
            await leave_meeting(sio, sid, conn.meeting_id, user_id)
        conn.meeting_id = meeting_id
    elif entered and isinstance(meeting_id, int) and conn.meeting_id != meeting_id:
        await leave_meeting(sio, sid, meeting_id, user_id)
    return envelope


def _may_join(services: Services, conn: ConnectionInfo, meeting_id: int) -> bool:
    with services.db.read() as session:
        try:
            resolve(CommandContext(session, conn.actor), PARTICIPANTS, meeting_id)
        except ProtocolError:
            return False
        return True
