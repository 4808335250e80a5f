"""Sending commands from a window, and telling the user when one is refused.

A window never changes what it shows because it sent a command: the change arrives as an
event, through the store. This only reports refusals (the server's message, or a local
"timeout"/"offline"), in the interface's language, and lets a window ask whether commands can be sent at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from meeting_app.net.envelopes import LocalErrorCode
from meeting_app.net.server_messages import translate_server_message
from meeting_app.net.status import ConnectionStatus

Envelope = dict[str, Any]
DEFAULT_TIMEOUT = 10.0
"""Seconds a command waits for its answer (the connection's default)."""


class CommandSender(QObject):
    """Sends commands on a connection; emits ``refused`` with a readable message."""

    refused = Signal(str)
    """A command failed: the message to show."""
    availability_changed = Signal(bool)
    """Commands became possible (connected) or impossible (reconnecting, offline)."""

    def __init__(self, connection: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connection = connection
        self._available = connection.status == ConnectionStatus.CONNECTED
        connection.status_changed.connect(self._status_changed)

    @property
    def available(self) -> bool:
        """True while the connection is up."""
        return self._available

    def _status_changed(self, status: str) -> None:
        available = status == ConnectionStatus.CONNECTED
        if available != self._available:
            self._available = available
            self.availability_changed.emit(available)

    def send(self, name: str, payload: dict[str, Any],
             on_success: Callable[[dict[str, Any]], None] | None = None,
             on_failure: Callable[[str, str], None] | None = None, report: bool = True,
             timeout: float = DEFAULT_TIMEOUT) -> None:
        """Send ``name``; on success call ``on_success(data)``, on failure report it.

        ``on_failure(code, message)``, when given, is called as well as ``refused``.
        ``report=False``: only ``on_failure`` hears of a failure (the caller shows it in its
        own way, e.g. an autosave that keeps the text for later).
        ``timeout``: seconds to wait for the answer (then the code is "timeout").
        """
        if not self._available:
            message = self.tr("Not connected to the server: the command was not sent.")
            if report:
                self.refused.emit(message)
            if on_failure is not None:
                on_failure(LocalErrorCode.OFFLINE, message)
            return

        def answered(envelope: Envelope) -> None:
            if envelope.get("ok"):
                if on_success is not None:
                    on_success(envelope.get("data") or {})
                return
            error = envelope.get("error") or {}
            code = str(error.get("code", "internal"))
            message = self.describe(code, str(error.get("message", "")))
            if report:
                self.refused.emit(message)
            if on_failure is not None:
                on_failure(code, message)

        if timeout == DEFAULT_TIMEOUT:
            self._connection.command(name, payload, callback=answered)
        else:  # stand-in connections of tests may not take a timeout
            self._connection.command(name, payload, callback=answered, timeout=timeout)

    def describe(self, code: str, message: str) -> str:
        """The text shown for a failed command."""
        if code == LocalErrorCode.TIMEOUT:
            return self.tr("The server did not answer in time. Please try again.")
        if code == LocalErrorCode.OFFLINE:
            return self.tr("Not connected to the server: the command was not sent.")
        if not message:
            return self.tr("The server refused the command ({code}).").format(code=code)
        return translate_server_message(message, code)
