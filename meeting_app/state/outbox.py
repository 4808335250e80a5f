"""Changes made without a connection, kept on disk and sent when it returns.

Annotations and personal notes are the delegate's own work: a stroke drawn during a
network cut must reach the server later, exactly once. Each change is an entry
``{"key", "command", "payload"}`` in a JSON file (written atomically after every change,
so a crash or a closed laptop loses nothing). Entries go to the server one at a time, in
order, each with a ``request_id`` fixed when it was queued: a change re-sent after a lost
answer is recognised by the server and not applied twice; annotations also carry
client-made ids, so a save sent twice is the same annotation.

A new change for the same ``key`` (the same annotation) replaces the one waiting, so the
server gets the latest state, not the history. An answer "offline"/"timeout" stops the
flush until the connection is back (``status_changed`` "connected"); a refusal drops the
entry and is reported with ``answered`` like a success.

With the offline cache's key the file is sealed (AES-GCM, ``meeting_app.vault``): the
annotations and notes waiting in it are the delegate's work on possibly restricted
documents, and must not be readable on a lost laptop.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from meeting_app.net.envelopes import LocalErrorCode, new_request_id
from meeting_app.net.status import ConnectionStatus
from meeting_app.vault import VaultError, seal, unseal

log = logging.getLogger(__name__)

Entry = dict[str, Any]
OUTBOX_LABEL = "outbox"
"""The sealed file's label (its records decrypt only as an outbox)."""
RETRY_MS = 3000
"""After a timeout, the next attempt (the same request_id: no double)."""


class Outbox(QObject):
    """The queue of unsent changes of one user (see the module docstring)."""

    answered = Signal(object, object)
    """(entry, envelope): the server answered an entry (ok, or a refusal: it is dropped)."""
    size_changed = Signal(int)
    """How many changes wait to be sent."""

    def __init__(self, connection: Any, path: Path | None, parent: QObject | None = None,
                 key: bytes | None = None) -> None:
        super().__init__(parent)
        self.connection = connection
        self.path = path
        self.key = key
        self._entries: list[Entry] = self._read()
        self._in_flight: Entry | None = None
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.flush)
        if connection is not None:
            connection.status_changed.connect(self._status)
        QTimer.singleShot(0, self.flush)  # what a previous run left behind

    # --- queue ---------------------------------------------------------------------------

    def put(self, key: str, command: str, payload: dict[str, Any]) -> None:
        """Queue a change (replacing any waiting one for ``key``) and try to send it."""
        self._entries = [e for e in self._entries if e["key"] != key or e is self._in_flight]
        self._entries.append({"key": key, "command": command,
                              "payload": {**payload, "request_id": new_request_id()}})
        self._write()
        self.size_changed.emit(len(self._entries))
        self.flush()

    def pending(self, prefix: str = "") -> list[Entry]:
        """The entries not yet answered (whose key starts with ``prefix``), oldest first."""
        return [e for e in self._entries if e["key"].startswith(prefix)]

    def __len__(self) -> int:
        return len(self._entries)

    # --- sending -------------------------------------------------------------------------

    def flush(self) -> None:
        """Send the oldest entry if none is on its way and the connection is up."""
        if self._in_flight is not None or not self._entries or self.connection is None \
                or self.connection.status != ConnectionStatus.CONNECTED:
            return
        entry = self._in_flight = self._entries[0]
        self.connection.command(entry["command"], entry["payload"], lambda env: self._answer(entry, env))

    def _answer(self, entry: Entry, envelope: dict[str, Any]) -> None:
        self._in_flight = None
        code = None if envelope.get("ok") else (envelope.get("error") or {}).get("code")
        if code in (LocalErrorCode.OFFLINE, LocalErrorCode.TIMEOUT):
            # Not sent, or unknown: keep it (same request_id) for the next attempt.
            if code == LocalErrorCode.TIMEOUT:
                self._retry.start()
            return
        if entry in self._entries:
            self._entries.remove(entry)
            self._write()
            self.size_changed.emit(len(self._entries))
        self.answered.emit(entry, envelope)
        self.flush()

    def _status(self, status: str) -> None:
        if status == ConnectionStatus.CONNECTED:
            self.flush()

    # --- disk ----------------------------------------------------------------------------

    def _read(self) -> list[Entry]:
        if self.path is None or not self.path.is_file():
            return []
        try:
            raw = self.path.read_bytes()
            if self.key is not None:
                raw = unseal(self.key, raw, OUTBOX_LABEL)
            data = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError, VaultError):
            log.exception("the outbox %s cannot be read; starting empty", self.path)
            return []
        return [e for e in data if isinstance(e, dict) and {"key", "command", "payload"} <= e.keys()] \
            if isinstance(data, list) else []

    def _write(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        raw = json.dumps(self._entries, ensure_ascii=False).encode("utf-8")
        temporary.write_bytes(raw if self.key is None else seal(self.key, raw, OUTBOX_LABEL))
        os.replace(temporary, self.path)  # atomic: the old file or the new, never half
