"""The network side of a ``Connection``: everything here runs on its asyncio thread.

One ``NetworkSession`` owns the Socket.IO client, the reconnect loop, the commands in
flight and the ``Sequencer`` of the joined meeting. It reports through a ``Sink`` (the
Connection), which turns each report into a Qt signal for the GUI thread.

python-socketio's own reconnection is off: this loop makes a fresh client per attempt, so
no state of a dead connection survives, and it stops for good when the server refuses the
token (the built-in loop would retry a refused token forever).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

import aiohttp
import socketio

import meeting_app.net.envelopes as env
import meeting_app.net.tls as tls
from meeting_app.net.backoff import Backoff
from meeting_app.net.envelopes import Envelope, LocalErrorCode
from meeting_app.net.heartbeat import INTERVAL, Heartbeat
from meeting_app.net.sequencer import Sequencer
from meeting_app.net.status import ConnectionStatus, Sink
from protocol import PROTOCOL_VERSION
from protocol import commands as c
from protocol.errors import DEACTIVATED, ErrorCode
from protocol.events import EVENT_NAME, SESSION_DEACTIVATED, SESSION_ENDED_NAME, USER_EVENT_NAME

log = logging.getLogger(__name__)


class _Refused(Exception):
    """The server refused the connection itself (bad token, other protocol)."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        """The refusal's machine-readable ``reason`` (``"deactivated"``), if any."""


_LOST = object()
RETRY_ANSWER_TIME = 1.0
"""What a resent command is left at least to be answered within its timeout."""
"""Resolves a pending command whose connection went away."""


class NetworkSession:
    """The connect loop, commands and meeting sync; see the module docstring."""

    def __init__(self, url: str, token: str, sink: Sink, *, connect_timeout: float = 10.0,
                 join_timeout: float = 15.0, backoff: Backoff | None = None,
                 heartbeat_interval: float = INTERVAL) -> None:
        self._url, self._token, self._sink = url, token, sink
        self._connect_timeout, self._join_timeout = connect_timeout, join_timeout
        self._backoff = backoff or Backoff()
        self.sequencer = Sequencer()
        self._client: socketio.AsyncClient | None = None
        self._connected = False
        self._stop = asyncio.Event()
        self._pending: set[asyncio.Future[Any]] = set()
        self._sync_task: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[Any]] = set()
        self._generation = 0
        """Bumped by every join or leave, so that an answer to an older one is ignored."""
        self._connector: asyncio.Task[None] | None = None
        self._expired = False
        self.heartbeat = Heartbeat(self.call, self._joined_meeting, sink.observe_server_time,
                                   sink.link_measured, interval=heartbeat_interval, on_seq=self._heard_seq)
        self._reported: tuple[int, int] | None = None
        """(meeting_id, seq) of the last heartbeat answer that carried the meeting's seq."""
        self._beating: asyncio.Task[None] | None = None

    # --- lifetime ------------------------------------------------------------------------

    async def run(self) -> None:
        """Connect and stay connected until ``request_stop``; then clean up."""
        # One HTTP session for every attempt: engineio leaves its own open after a failed
        # connect. Its timeouts bound the handshake; websocket reads are not limited. Its
        # connector verifies https/wss servers against the CAs the client trusts (tls.py).
        http = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=None, connect=self._connect_timeout,
                                          sock_connect=self._connect_timeout),
            connector=aiohttp.TCPConnector(ssl=tls.ssl_context()))
        self._connector = asyncio.create_task(self._connect_loop(http))
        try:
            await self._stop.wait()
        finally:
            self._connector.cancel()
            await asyncio.gather(self._connector, return_exceptions=True)
            self._cancel_sync()
            await self._close_client()
            self._fail_pending()
            await http.close()
            self._sink.set_status(ConnectionStatus.OFFLINE)

    def request_stop(self) -> None:
        """Ask ``run`` to end (call on the loop thread)."""
        self._stop.set()

    async def _connect_loop(self, http: aiohttp.ClientSession) -> None:
        was_connected = False
        self._sink.set_status(ConnectionStatus.CONNECTING)
        while True:
            client, lost = self._new_client(http)
            self._client = client
            try:
                up = await self._attempt(client)
            except _Refused as refusal:
                if refusal.reason == DEACTIVATED:
                    self._sink.account_deactivated()  # before the expiry: wipe, then tell
                self._expire(str(refusal))
                return  # a refused token stays refused: no more attempts
            if up:
                was_connected = True
                self._backoff.reset()
                self._connected = True
                self._sink.set_status(ConnectionStatus.CONNECTED)
                self._restart_sync()  # re-join the meeting and catch up
                self._beating = asyncio.ensure_future(self.heartbeat.run())
                try:
                    await lost.wait()
                finally:
                    self._beating.cancel()  # no heartbeats while disconnected
                self._connected = False
                self._cancel_sync()
                self._fail_pending()
            self._client = None
            self._sink.set_status(ConnectionStatus.RECONNECTING if was_connected
                                  else ConnectionStatus.OFFLINE)
            # A pause even before the first retry: when a server restarts, all its clients
            # lose it at once and should not all come back in the same instant.
            await asyncio.sleep(self._backoff.next())

    def _new_client(self, http: aiohttp.ClientSession) -> tuple[socketio.AsyncClient, asyncio.Event]:
        client = socketio.AsyncClient(reconnection=False, handle_sigint=False, http_session=http)
        lost = asyncio.Event()
        client.on("disconnect", lambda *_reason: lost.set())
        client.on(EVENT_NAME, self._on_event)
        client.on(USER_EVENT_NAME, self._on_user_event)
        client.on(SESSION_ENDED_NAME, self._on_session_ended)
        return client, lost

    async def _attempt(self, client: socketio.AsyncClient) -> bool:
        """One connection attempt: True when up, False to retry; raises ``_Refused``."""
        refusals: list[Any] = []
        client.on("connect_error", lambda data=None: refusals.append(data))
        try:
            await client.connect(self._url, transports=["websocket"],
                                 auth={"token": self._token, "protocol": PROTOCOL_VERSION},
                                 wait_timeout=self._connect_timeout)
        except Exception as error:  # whatever the cause, the loop tries again
            # failed_namespaces is filled only by the server's CONNECT_ERROR packet, i.e. a
            # refusal; a network failure leaves it empty.
            if client.failed_namespaces:
                data = refusals[-1] if refusals else None
                reason = data.get("message") if isinstance(data, dict) else data
                # The server's refusal: {"message", "data": {"code", "reason"}}.
                details = data.get("data") if isinstance(data, dict) else None
                wait = env.retry_wait({"ok": False, "error": details}) if isinstance(details, dict) else None
                if wait is not None:
                    # Too many sockets on this login for now (other windows): the token is
                    # still good, so try again after the server's wait instead of ending.
                    log.warning("connection refused for now: %s; again in %g s", reason, wait)
                    await self._discard(client)
                    await asyncio.sleep(wait)
                    return False
                code = details.get("reason") if isinstance(details, dict) else None
                if isinstance(details, dict) and details.get("code") == "internal":
                    # The server could not check the token now (its database restarting):
                    # nothing is wrong with the token, so try again rather than sign out.
                    log.info("connection to %s refused for now: %s", self._url, reason)
                    await self._discard(client)
                    return False
                raise _Refused(str(reason or "The server refused the connection"),
                               code if isinstance(code, str) else None) from None
            problem = tls.certificate_problem(error)
            if problem is not None:  # says why, rather than engineio's "Connection error"
                log.warning("%s", tls.describe_certificate_problem(problem, self._url))
            else:
                log.info("connection attempt to %s failed: %s", self._url, error)
            await self._discard(client)
            return False
        return True

    def _expire(self, reason: str) -> None:
        """The server no longer accepts the token: disconnect and stop trying for good."""
        if self._expired:
            return
        self._expired = True
        if self._connector is not None and self._connector is not asyncio.current_task():
            self._connector.cancel()
        self._cancel_sync()
        client, self._client, self._connected = self._client, None, False
        if client is not None:
            self.spawn(self._discard(client))
        self._fail_pending()
        self._sink.set_status(ConnectionStatus.OFFLINE)
        self._sink.session_expired(reason)

    async def _close_client(self) -> None:
        client, self._client, self._connected = self._client, None, False
        if client is not None:
            await self._discard(client)

    @staticmethod
    async def _discard(client: socketio.AsyncClient) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(client.disconnect(), 3)

    # --- commands ------------------------------------------------------------------------

    async def call(self, name: str, payload: dict[str, Any], timeout: float) -> Envelope:
        """Send one command and wait for its envelope (a local error if none comes).

        A ``rate_limited`` answer is sent again, unchanged, after the wait the server asked
        for, as long as that fits in ``timeout``: the server did nothing with it, and a
        command that changes state carries its ``request_id``, so a resend is safe. A wait
        that does not fit is answered as it came (the user reads when to try again)."""
        deadline, first = time.monotonic() + timeout, True
        while True:
            left = timeout if first else max(0.1, deadline - time.monotonic())
            first = False
            envelope = await self._call_once(name, payload, left, timeout)
            wait = env.retry_wait(envelope)
            if wait is None or time.monotonic() + wait + RETRY_ANSWER_TIME > deadline:
                return envelope
            log.info("%s: rate limited; sending it again in %.1f s", name, wait)
            await asyncio.sleep(wait)  # the server's own retry time, not a guess

    async def _call_once(self, name: str, payload: dict[str, Any], timeout: float, named: float) -> Envelope:
        """One send; ``named`` is the command's whole time, as a timeout's message says it."""
        client = self._client
        if client is None or not self._connected:
            return env.offline_error()
        answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

        def acknowledge(*args: Any) -> None:
            if not answer.done():
                answer.set_result(args[0] if args else None)

        # Registered before the first await: a disconnect from now on resolves it.
        self._pending.add(answer)
        try:
            await client.emit(name, payload, callback=acknowledge)
            result = await asyncio.wait_for(answer, timeout)
        except TimeoutError:
            return env.timeout_error(name, named)
        except socketio.exceptions.SocketIOError:
            return env.offline_error()
        finally:
            self._pending.discard(answer)
        envelope = env.lost_error() if result is _LOST else env.checked_answer(result)
        if not envelope["ok"] and envelope["error"]["code"] == ErrorCode.UNAUTHENTICATED:
            # The token expired while the socket stayed up (the server checks it on every
            # command): the same end as a refused connection.
            if envelope["error"].get("reason") == DEACTIVATED:
                self._sink.account_deactivated()
            self._expire(envelope["error"]["message"])
        return envelope

    def _fail_pending(self) -> None:
        for answer in list(self._pending):
            if not answer.done():
                answer.set_result(_LOST)

    def spawn(self, coroutine: Any) -> None:
        """Run a coroutine in the background, keeping a reference until it ends."""
        task = asyncio.ensure_future(coroutine)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # --- the joined meeting --------------------------------------------------------------

    def join(self, meeting_id: int) -> None:
        """Join ``meeting_id`` (now, or as soon as connected); a fresh snapshot follows."""
        self._generation += 1
        self._reported = None
        self.sequencer.join(meeting_id)
        self._restart_sync()

    def leave(self) -> None:
        """Leave the joined meeting; its events are dropped from now on."""
        meeting_id = self.sequencer.meeting_id
        self._generation += 1
        self.sequencer.leave()
        self._cancel_sync()
        if meeting_id is not None and self._connected:
            self.spawn(self._leave(meeting_id))

    async def _leave(self, meeting_id: int) -> None:
        envelope = await self.call(c.MeetingLeave.command, {"meeting_id": meeting_id}, self._join_timeout)
        if not envelope["ok"] and envelope["error"]["code"] != LocalErrorCode.OFFLINE:
            self._sink.command_failed(c.MeetingLeave.command, envelope)

    def _joined_meeting(self) -> int | None:
        """The meeting to send heartbeats for: joined, and its snapshot received."""
        return None if self.sequencer.awaiting_snapshot else self.sequencer.meeting_id

    def _on_event(self, event: Any) -> None:
        if not isinstance(event, dict):
            return
        for ready in self.sequencer.on_event(event):
            self._sink.deliver_event(ready)
        if self.sequencer.needs_catch_up and self._connected and \
                (self._sync_task is None or self._sync_task.done()):
            self._sync_task = asyncio.ensure_future(self._sync(force=False))

    def _heard_seq(self, meeting_id: int, seq: int) -> None:
        """A heartbeat answer's newest seq. Events up to the previous answer's seq had a whole
        beat to arrive: if they did not, they were lost on the way (the server's pub/sub
        restarted while the meeting was quiet, so no later event shows the gap): catch up."""
        previous, self._reported = self._reported, (meeting_id, seq)
        seqr = self.sequencer
        if previous is None or previous[0] != meeting_id or seqr.meeting_id != meeting_id:
            return
        if seqr.last_seq is None or seqr.last_seq >= previous[1]:
            return
        log.info("meeting %s: the server is at seq %s, this client at %s; catching up",
                 meeting_id, previous[1], seqr.last_seq)
        seqr.expect(previous[1])
        if self._connected and (self._sync_task is None or self._sync_task.done()):
            self._sync_task = asyncio.ensure_future(self._sync(force=False))

    def _on_session_ended(self, data: Any = None) -> None:
        # The server is about to close the socket because the login no longer holds
        # (password reset, idle, signed out elsewhere): stop here, with its reason, rather
        # than reconnect to be refused. A deactivation is left to the refused reconnect
        # (half a second later): that refusal is what makes the client wipe the user's data.
        if not isinstance(data, dict) or data.get("code") == SESSION_DEACTIVATED:
            return
        self._expire(str(data.get("reason") or "The server ended this session"))

    def _on_user_event(self, event: Any) -> None:
        # No seq: what only this user sees (their annotations and notes on another device).
        if isinstance(event, dict) and isinstance(event.get("type"), str) \
                and isinstance(event.get("data"), dict):
            self._sink.deliver_user_event(event)

    def _restart_sync(self) -> None:
        self._cancel_sync()
        if self._connected and self.sequencer.meeting_id is not None:
            self._sync_task = asyncio.ensure_future(self._sync(force=True))

    def _cancel_sync(self) -> None:
        if self._sync_task is not None and not self._sync_task.done():
            self._sync_task.cancel()
        self._sync_task = None

    async def _sync(self, force: bool) -> None:
        """``meeting.join`` until the meeting is complete: a snapshot, then no gap.

        ``force``: join even with nothing missing (a new socket must enter the room).
        """
        generation, seqr = self._generation, self.sequencer
        while seqr.meeting_id is not None and (force or seqr.awaiting_snapshot or seqr.needs_catch_up):
            force = False
            meeting_id, since = seqr.meeting_id, seqr.last_seq
            payload: dict[str, Any] = {"meeting_id": meeting_id}
            if since is not None:
                payload["since_seq"] = since
            sent = time.monotonic()
            envelope = await self.call(c.MeetingJoin.command, payload, self._join_timeout)
            rtt = time.monotonic() - sent
            if generation != self._generation:
                return  # joined or left something else meanwhile
            if not envelope["ok"]:
                code = envelope["error"]["code"]
                if code == LocalErrorCode.TIMEOUT:
                    continue
                if code != LocalErrorCode.OFFLINE:  # offline: the next connection syncs again
                    self._sink.command_failed(c.MeetingJoin.command, envelope)
                return
            if isinstance(envelope["data"].get("server_time"), str):
                self._sink.observe_server_time(envelope["data"]["server_time"], rtt)
            if not self._apply_join(meeting_id, envelope["data"]):
                return
            if since is not None and seqr.needs_catch_up and seqr.last_seq == since:
                # The answer did not close the gap (a confused server): start over from a
                # snapshot instead of asking the same question forever.
                log.warning("catch-up after seq %s made no progress; fetching a snapshot", since)
                seqr.join(meeting_id)

    def _apply_join(self, meeting_id: int, data: dict[str, Any]) -> bool:
        seq, seqr = data.get("seq"), self.sequencer
        if isinstance(seq, int) and isinstance(data.get("snapshot"), dict):
            ready = seqr.on_snapshot(seq)
            self._sink.deliver_snapshot(meeting_id, seq, data["snapshot"])
        elif isinstance(seq, int) and isinstance(data.get("events"), list):
            log.debug("meeting %s: catch-up answered %d events up to seq %s",
                      meeting_id, len(data["events"]), seq)
            ready = seqr.on_events(seq, data["events"])
        else:
            self._sink.command_failed(c.MeetingJoin.command, env.unreadable_answer())
            return False
        for event in ready:
            self._sink.deliver_event(event)
        return True

