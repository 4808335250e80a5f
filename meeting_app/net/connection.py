"""The live connection to the meeting server, as a QObject for the GUI.

A ``Connection`` runs a python-socketio ``AsyncClient`` on its own asyncio event loop in
its own thread (see ``session.py`` for that side). Everything it reports comes out as Qt
signals emitted on the network thread; Qt queues them to receivers living on the GUI
thread, so slots run there. Command callbacks are also run on the GUI thread (the thread
the Connection lives in).

Typical use::

    conn = Connection(result.server_url, result.token)
    conn.status_changed.connect(banner.show_status)
    conn.snapshot_received.connect(lambda _mid, seq, snap: store.load(seq, snap))
    conn.event_received.connect(store.apply)
    conn.server_time_observed.connect(store.observe_server_time)
    conn.session_expired.connect(show_login_again)
    conn.start()
    conn.join_meeting(1)
    conn.command("agenda.set_current", {"meeting_id": 1, "item_id": 3}, on_answer)
    ...
    conn.stop()   # before the app quits or the object is dropped
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from meeting_app.net.auth import normalize_server_url
from meeting_app.net.envelopes import Envelope, offline_error, prepare_payload
from meeting_app.net.heartbeat import INTERVAL
from meeting_app.net.session import NetworkSession
from meeting_app.net.status import ConnectionStatus
from protocol import commands as c
from protocol.errors import ErrorCode, error_envelope

log = logging.getLogger(__name__)

Callback = Callable[[Envelope], None]


class Connection(QObject):
    """One login session's socket: status, the joined meeting's events, and commands."""

    status_changed = Signal(str)
    """A ``ConnectionStatus`` value (a plain str): connecting, connected, reconnecting, offline."""
    snapshot_received = Signal(int, int, object)
    """(meeting_id, seq, snapshot dict): load it; events continue from ``seq``."""
    event_received = Signal(object)
    """One ``meeting.event`` envelope (a dict) of the joined meeting: in seq order, no gaps,
    no repeats, always after the snapshot it follows."""
    user_event_received = Signal(object)
    """One ``user.event`` envelope ``{"meeting_id", "type", "data", "at"}``: a change only
    this user sees (their private annotations and notes, made on another device). No seq:
    after a reconnect, list again."""
    session_expired = Signal(str)
    """The server refused the token (expired, logged out, unknown, ...): the reason, in
    English. The connection gives up; log in again and make a new Connection."""
    account_deactivated = Signal()
    """The server refused the connection because the account is deactivated (its
    machine-readable reason): emitted just before ``session_expired``; the application
    wipes the user's offline cache."""
    command_failed = Signal(str, object)
    """(command name, error envelope) for commands the connection sends by itself
    (``meeting.join`` when joining or catching up, ``meeting.leave``)."""
    server_time_observed = Signal(str, float)
    """(server_time, round trip in seconds) from an answer stamped with the server's time
    (the join, every heartbeat): feed it to ``MeetingStore.observe_server_time``."""
    link_measured = Signal(object)
    """The round trip of the last heartbeat in ms (an int), or None when it went unanswered."""

    # (call id, envelope): carries a command's answer to the GUI thread.
    _answered = Signal(int, object)
    # The network thread ended: answer every command still waiting with "offline".
    _ended = Signal()

    def __init__(self, server_url: str, token: str, parent: QObject | None = None,
                 heartbeat_interval: float = INTERVAL) -> None:
        """Prepare a connection to ``server_url`` (``http://host:port``) with a login token.

        Nothing happens on the network until ``start()``. Raises ``ValueError`` for an
        address that is not http(s). While a meeting is joined, a heartbeat goes out every
        ``heartbeat_interval`` seconds (see ``heartbeat.py``).
        """
        super().__init__(parent)
        self._url = normalize_server_url(server_url)
        self._status = ConnectionStatus.OFFLINE
        self._expired = False
        self._rtt_ms: int | None = None
        self._session = NetworkSession(self._url, token, _Relay(self),
                                       heartbeat_interval=heartbeat_interval)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopped = False
        self._meeting_id: int | None = None
        self._ids = itertools.count(1)
        self._callbacks: dict[int, Callback] = {}
        self._lock = threading.Lock()
        # Explicitly queued: the slots must run on this object's (the GUI) thread, and
        # after every answer already on its way.
        self._answered.connect(self._on_answered, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)

    # --- state ---------------------------------------------------------------------------

    @property
    def status(self) -> str:
        """The current ``ConnectionStatus`` ("offline" before ``start()``)."""
        return self._status

    @property
    def active(self) -> bool:
        """True while connected or trying to; False before ``start()``, after ``stop()``
        and once the server refused the token."""
        return self._thread is not None and not self._expired

    @property
    def rtt_ms(self) -> int | None:
        """The round trip of the last heartbeat in ms: this client's link quality (None
        before the first answer, while disconnected and after an unanswered heartbeat)."""
        return self._rtt_ms

    @property
    def server_url(self) -> str:
        return self._url

    @property
    def meeting_id(self) -> int | None:
        """The meeting asked for with ``join_meeting`` (None after ``leave_meeting``)."""
        return self._meeting_id

    @property
    def last_seq(self) -> int | None:
        """The seq of the last event emitted (or of the snapshot); None before one.

        Read on the network side: it can be ahead of the slots the GUI has run so far.
        """
        return self._session.sequencer.last_seq

    # --- lifetime ------------------------------------------------------------------------

    def start(self) -> None:
        """Start the network thread; it connects and keeps reconnecting until ``stop()``.

        Calling it again while running does nothing; a stopped Connection cannot start
        again (make a new one).
        """
        if self._stopped:
            raise RuntimeError("this Connection was stopped; make a new one")
        if self._thread is not None:
            return
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), name="meeting-net",
                                        daemon=True)
        self._thread.start()
        ready.wait()

    def stop(self) -> None:
        """Disconnect and end the network thread (waits for it). Safe to call twice.

        Commands still waiting get an "offline" answer; status ends as "offline".
        """
        self._stopped = True
        thread, loop = self._thread, self._loop
        if thread is None:
            return
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop already closed on its own
                loop.call_soon_threadsafe(self._session.request_stop)
        thread.join(timeout=15)
        if thread.is_alive():
            log.warning("the network thread did not end within 15 s")
        self._thread = None
        self._ended.emit()

    def _run(self, ready: threading.Event) -> None:
        """The network thread: one asyncio loop running the session until stopped."""
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        ready.set()
        try:
            loop.run_until_complete(self._session.run())
        except Exception:
            log.exception("the network session failed")
        finally:
            # Tasks still alive (a command waiting, engineio's readers) end here, so the
            # loop closes cleanly.
            tasks = asyncio.all_tasks(loop)
            for task in tasks:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            self._loop = None
            loop.close()
            self._emit(self._ended)

    # --- meeting -------------------------------------------------------------------------

    def join_meeting(self, meeting_id: int) -> None:
        """Join a meeting: ``snapshot_received`` follows, then its events.

        Works before or while connected (the join is made as soon as the socket is up)
        and survives reconnections: the connection re-joins and catches up by itself.
        A refusal (not a participant, unknown meeting) comes as ``command_failed``
        ("meeting.join", envelope).
        """
        self._meeting_id = meeting_id
        self._in_loop(self._session.join, meeting_id)

    def leave_meeting(self) -> None:
        """Leave the joined meeting; its events stop at once."""
        self._meeting_id = None
        self._in_loop(self._session.leave)

    def _in_loop(self, function: Callable[..., None], *args: Any) -> None:
        loop = self._loop
        if loop is None:
            if self._thread is None and not self._stopped:
                function(*args)  # not started: no other thread touches the session yet
            return
        with contextlib.suppress(RuntimeError):  # closed while stopping
            loop.call_soon_threadsafe(function, *args)

    # --- commands ------------------------------------------------------------------------

    def command(self, name: str, payload: dict[str, Any],
                callback: Callback | None = None, timeout: float = 10.0) -> None:
        """Send a command; ``callback(envelope)`` runs later on the GUI thread.

        The envelope is the server's ``{"ok": True, "data": ...}`` or ``{"ok": False,
        "error": {"code", "message"}}``, or a local error with code "timeout" (no answer
        within ``timeout`` seconds) or "offline" (not connected, or the connection was
        lost before the answer). A command that changes state gets a fresh
        ``request_id`` unless the payload has one: to retry safely by hand, put one in
        (``envelopes.new_request_id()``) and send the same payload again. The callback is
        never called from inside ``command`` itself, and is called exactly once.
        """
        prepared = prepare_payload(name, payload)
        call_id = next(self._ids)
        if callback is not None:
            with self._lock:
                self._callbacks[call_id] = callback
        if name in (c.MeetingJoin.command, c.MeetingLeave.command):
            # The connection must see these to order events; it sends them itself.
            self._answered.emit(call_id, error_envelope(
                ErrorCode.INVALID, f"Use join_meeting() and leave_meeting(), not {name}"))
            return
        loop = self._loop
        if loop is None:
            self._answered.emit(call_id, offline_error())
            return
        try:
            asyncio.run_coroutine_threadsafe(self._command(call_id, name, prepared, timeout), loop)
        except RuntimeError:  # the loop closed in between
            self._answered.emit(call_id, offline_error())

    async def _command(self, call_id: int, name: str, payload: dict[str, Any], timeout: float) -> None:
        envelope = await self._session.call(name, payload, timeout)
        self._emit(self._answered, call_id, envelope)

    def _on_answered(self, call_id: int, envelope: Envelope) -> None:
        with self._lock:
            callback = self._callbacks.pop(call_id, None)
        if callback is not None:
            self._call_back(callback, envelope)

    def _on_ended(self) -> None:
        with self._lock:
            waiting, self._callbacks = self._callbacks, {}
        for call_id in sorted(waiting):
            self._call_back(waiting[call_id], offline_error())

    @staticmethod
    def _call_back(callback: Callback, envelope: Envelope) -> None:
        try:
            callback(envelope)
        except Exception:  # one faulty callback must not break the others
            log.exception("a command callback failed")

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the QObject was deleted while the thread still ran
            log.debug("signal dropped: the Connection is gone")


class _Relay:
    """The session's ``Sink``: turns reports into the Connection's signals.

    Runs on the network thread; emitting there is what makes Qt queue the slots to the
    GUI thread.
    """

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    def set_status(self, status: ConnectionStatus) -> None:
        if status != ConnectionStatus.CONNECTED and self._conn._rtt_ms is not None:
            self.link_measured(None)  # no link, no measure
        if self._conn._status != status:
            self._conn._status = status
            Connection._emit(self._conn.status_changed, str(status))

    def deliver_snapshot(self, meeting_id: int, seq: int, snapshot: dict[str, Any]) -> None:
        Connection._emit(self._conn.snapshot_received, meeting_id, seq, snapshot)

    def deliver_event(self, event: dict[str, Any]) -> None:
        Connection._emit(self._conn.event_received, event)

    def deliver_user_event(self, event: dict[str, Any]) -> None:
        Connection._emit(self._conn.user_event_received, event)

    def session_expired(self, reason: str) -> None:
        self._conn._expired = True
        Connection._emit(self._conn.session_expired, reason)

    def account_deactivated(self) -> None:
        Connection._emit(self._conn.account_deactivated)

    def command_failed(self, name: str, envelope: Envelope) -> None:
        Connection._emit(self._conn.command_failed, name, envelope)

    def observe_server_time(self, server_time: str, rtt_seconds: float) -> None:
        Connection._emit(self._conn.server_time_observed, server_time, rtt_seconds)

    def link_measured(self, rtt_ms: int | None) -> None:
        self._conn._rtt_ms = rtt_ms
        Connection._emit(self._conn.link_measured, rtt_ms)
