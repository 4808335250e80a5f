"""Run blocking work (HTTP login, waiting for a server) off the GUI thread.

The result comes back on the GUI thread through a relay object that lives there: a
signal emitted in a worker thread reaches a slot of an object in the GUI thread queued,
whereas a plain lambda connected to it would run in the worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_alive: set[_Relay] = set()
"""Relays waiting for their task; kept here so Python does not collect them early."""


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self._on_done, self._on_error = on_done, on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, value: Any) -> None:
        _alive.discard(self)
        self._on_done(value)

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        _alive.discard(self)
        if self._on_error is not None:
            self._on_error(error)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work, self._relay = work, relay

    def run(self) -> None:
        try:
            value = self._work()
        except BaseException as error:  # handed to the GUI thread, which decides
            self._relay.failed.emit(error)
        else:
            self._relay.done.emit(value)


def run_in_thread(work: Callable[[], Any], on_done: Callable[[Any], None],
                  on_error: Callable[[BaseException], None] | None = None) -> None:
    """Run ``work()`` in the global thread pool; call back on the GUI thread."""
    relay = _Relay(on_done, on_error)
    _alive.add(relay)
    QThreadPool.globalInstance().start(_Task(work, relay))
