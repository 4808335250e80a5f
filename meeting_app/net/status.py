"""The connection's status values, and the interface the network side reports through."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Protocol

from meeting_app.net.envelopes import Envelope
from meeting_app.net.sequencer import Event


class ConnectionStatus(StrEnum):
    """What ``Connection.status_changed`` reports.

    - ``connecting``: ``start()`` was called; the first attempt is under way.
    - ``connected``: the socket is up (after a reconnect the meeting is re-joined and
      caught up right after this).
    - ``reconnecting``: the connection was up and got lost; trying again (forever, with
      backoff) until it is back or ``stop()``.
    - ``offline``: not connected, and not recovering a connection that was up: before
      ``start()``; while the first connection has not succeeded (the server cannot be
      reached yet; attempts go on in the background with backoff); and for good after
      ``stop()`` or a refused token (``session_expired`` is emitted then).

    So "reconnecting" tells the user "you were in, hold on", and "offline" tells them
    "no server yet: check the address or the network".
    """

    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"


class Sink(Protocol):
    """Where the session reports; called on the network thread."""

    def set_status(self, status: ConnectionStatus) -> None: ...
    def deliver_snapshot(self, meeting_id: int, seq: int, snapshot: dict[str, Any]) -> None: ...
    def deliver_event(self, event: Event) -> None: ...
    def deliver_user_event(self, event: dict[str, Any]) -> None: ...
    def session_expired(self, reason: str) -> None: ...
    def account_deactivated(self) -> None: ...
    def command_failed(self, name: str, envelope: Envelope) -> None: ...
    def observe_server_time(self, server_time: str, rtt_seconds: float) -> None: ...
    def link_measured(self, rtt_ms: int | None) -> None: ...
