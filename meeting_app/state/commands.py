"""Sending commands, and telling the user when one is refused.

A window never changes what it shows because it sent a command: the change arrives as an
event, through the store. This reports refusals (the server's message, or a local
"timeout"/"offline"), in the interface's language, and says whether commands can be sent.

Commands are payload instances (``protocol.commands``): the wire name is
``type(payload).command`` and the answer is parsed with ``type(payload).answer``::

    session.send(c.AgendaSetCurrent(meeting_id=1, item_id=3))
    session.send(c.PollCreate(...), on_success=lambda answer: ...)

A payload built from what a user typed may not pass the model: ``compose`` builds it, or
reports it as the server would refuse it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal

from meeting_app.net.envelopes import LocalErrorCode
from meeting_app.net.server_messages import translate_server_message
from meeting_app.net.status import ConnectionStatus
from protocol.commands.base import Answer, Payload

Envelope = dict[str, Any]
DEFAULT_TIMEOUT = 10.0
"""Seconds a command waits for its answer (the connection's default)."""

A = TypeVar("A", bound=Answer)
P = TypeVar("P", bound=Payload)


def wire_payload(payload: Payload) -> dict[str, Any]:
    """The dict sent for ``payload``: the fields the caller set (a ``None`` given on
    purpose is sent, a default left out is not), times as ISO strings."""
    return payload.model_dump(mode="json", exclude_unset=True, by_alias=True)


class PendingAnswer(Generic[A]):
    """The answer a command is waiting for; callbacks run on the GUI thread, once.

    ``answer`` is the parsed answer (``type(payload).answer``) once it came, ``data`` its
    raw dict, ``code``/``message`` the failure (``message`` already translated).
    """

    def __init__(self, answer_type: type[A]) -> None:
        """``answer_type``: the model the answer's data is parsed with."""
        self.answer_type = answer_type
        self.done = False
        self.answer: A | None = None
        self.data: dict[str, Any] | None = None
        self.code: str | None = None
        self.message: str = ""
        self._successes: list[Callable[[A], None]] = []
        self._failures: list[Callable[[str, str], None]] = []

    @property
    def ok(self) -> bool:
        """Answered with success."""
        return self.done and self.code is None

    def then(self, on_success: Callable[[A], None] | None = None,
             on_failure: Callable[[str, str], None] | None = None) -> PendingAnswer[A]:
        """Call ``on_success(answer)`` or ``on_failure(code, message)`` when it comes (at
        once if it already came)."""
        if on_success is not None:
            self._successes.append(on_success)
            if self.ok:
                on_success(self._result())
        if on_failure is not None:
            self._failures.append(on_failure)
            if self.done and self.code is not None:
                on_failure(self.code, self.message)
        return self

    def succeed(self, data: dict[str, Any]) -> None:
        """The server said yes with ``data``."""
        self.answer = self.answer_type.model_validate(data)
        self.done, self.data = True, data
        for call in self._successes:
            call(self._result())

    def _result(self) -> A:
        assert self.answer is not None
        return self.answer

    def fail(self, code: str, message: str) -> None:
        """The command failed (refused, timeout, offline)."""
        self.done, self.code, self.message = True, code, message
        for call in self._failures:
            call(code, message)


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

    def send(self, command: Payload, *, on_success: Callable[[Any], None] | None = None,
             on_failure: Callable[[str, str], None] | None = None, report: bool = True,
             timeout: float = DEFAULT_TIMEOUT) -> PendingAnswer[Any]:
        """Send a command; on success call ``on_success``, on failure report it.

        ``command`` is a payload instance; ``on_success`` gets the parsed answer
        (``type(command).answer``). The returned ``PendingAnswer`` takes more callbacks
        (``then``) and keeps the answer (``answer``) and its raw dict (``data``).
        ``on_failure(code, message)``, when given, is called as well as ``refused``.
        ``report=False``: only ``on_failure`` hears of a failure (the caller shows it in its
        own way, e.g. an autosave that keeps the text for later).
        ``timeout``: seconds to wait for the answer (then the code is "timeout").
        """
        if not isinstance(command, Payload):
            raise TypeError("send takes a payload instance (protocol.commands)")
        name, body = type(command).command, wire_payload(command)
        pending: PendingAnswer[Any] = PendingAnswer(type(command).answer)
        pending.then(on_success, on_failure)
        if not self._available:
            message = self.tr("Not connected to the server: the command was not sent.")
            if report:
                self.refused.emit(message)
            pending.fail(LocalErrorCode.OFFLINE, message)
            return pending

        def answered(envelope: Envelope) -> None:
            if envelope.get("ok"):
                try:
                    pending.succeed(envelope.get("data") or {})
                except ValidationError as problem:  # the server's answer is not the contract's
                    self._failed(pending, "internal", str(problem), report)
                return
            error = envelope.get("error") or {}
            self._failed(pending, str(error.get("code", "internal")),
                         str(error.get("message", "")), report)

        if timeout == DEFAULT_TIMEOUT:
            self._connection.command(name, body, callback=answered)
        else:  # stand-in connections of tests may not take a timeout
            self._connection.command(name, body, callback=answered, timeout=timeout)
        return pending

    def compose(self, command: type[P], /, report: bool = True, **fields: Any) -> P | None:
        """``command(**fields)``; None when the fields do not pass its model (what a form
        does not check), after reporting it as the server's refusal would be (``refused``,
        unless ``report`` is False)."""
        try:
            return command(**fields)
        except ValidationError:
            if report:
                self.refused.emit(self.describe("invalid", ""))
            return None

    def _failed(self, pending: PendingAnswer[Any], code: str, text: str, report: bool) -> None:
        message = self.describe(code, text)
        if report:
            self.refused.emit(message)
        pending.fail(code, message)

    def describe(self, code: str, message: str) -> str:
        """The text shown for a failed command."""
        if code == LocalErrorCode.TIMEOUT:
            return self.tr("The server did not answer in time. Please try again.")
        if code == LocalErrorCode.OFFLINE:
            return self.tr("Not connected to the server: the command was not sent.")
        if not message:
            return self.tr("The server refused the command ({code}).").format(code=code)
        return translate_server_message(message, code)
