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

The meeting's ``MeetingSession`` owns one outbox for every such change: annotations and
notes, minutes drafts (``state/drafts.py``) and ballots (``state/ballots.py``). What differs
between them is said per entry when it is put:

- ``retry``: the answer codes after which the entry stays for another try (default
  "offline" and "timeout"; ballots add "internal" and "unavailable");
- ``keep_refused``: a refusal keeps the entry, held, instead of dropping it (a draft the
  server refused as a ``conflict`` stays on this computer until the user decides);
- ``hold``: kept (and written) but not sent until ``release`` (a draft while the user is
  still typing);
- ``durable=False``: kept in memory only (a ballot: its choice is never written to disk);
- ``timeout``: the seconds to wait for its answer.

Held is a state of this run only: what a previous run left behind is sent.
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
from protocol.commands.base import Payload

log = logging.getLogger(__name__)

Entry = dict[str, Any]
OUTBOX_LABEL = "outbox"
"""The sealed file's label (its records decrypt only as an outbox)."""
RETRY_MS = 3000
"""After a timeout, the next attempt (the same request_id: no double)."""
TRANSIENT = (LocalErrorCode.OFFLINE, LocalErrorCode.TIMEOUT)
"""Answers after which an entry is kept and sent again (unless it says otherwise)."""


class Outbox(QObject):
    """The queue of unsent changes of one meeting (see the module docstring)."""

    answered = Signal(object, object)
    """(entry, envelope): the server answered an entry (ok, or a refusal: it is dropped,
    or held when it was put with ``keep_refused``)."""
    deferred = Signal(object, object)
    """(entry, envelope): not answered ("offline", "timeout" or another of its ``retry``
    codes): the entry stays and is sent again."""
    sending = Signal(object)
    """(entry): an entry went out (the first time or again)."""
    size_changed = Signal(int)
    """How many changes wait to be sent."""

    def __init__(self, connection: Any, path: Path | None, parent: QObject | None = None,
                 key: bytes | None = None) -> None:
        super().__init__(parent)
        self.connection = connection
        self.path = path
        self.key = key
        self._entries: list[Entry] = self._read(path)
        self._held: set[str] = set()
        self._in_flight: Entry | None = None
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.flush)
        if connection is not None:
            connection.status_changed.connect(self._status)
        QTimer.singleShot(0, self.flush)  # what a previous run left behind

    # --- queue ---------------------------------------------------------------------------

    def put(self, key: str, command: str, payload: dict[str, Any], *,
            retry: tuple[str, ...] = TRANSIENT, keep_refused: bool = False, hold: bool = False,
            durable: bool = True, timeout: float | None = None) -> Entry:
        """Queue a change (replacing any waiting one for ``key``) and try to send it.

        The payload's own ``request_id`` is kept (a draft re-sent as it was); without one
        it gets a fresh one, fixed from now on. See the module docstring for the options.
        """
        self._entries = [e for e in self._entries if e["key"] != key or e is self._in_flight]
        entry: Entry = {"key": key, "command": command,
                        "payload": {**payload, "request_id": payload.get("request_id") or new_request_id()}}
        if tuple(retry) != TRANSIENT:
            entry["retry"] = list(retry)
        if keep_refused:
            entry["keep_refused"] = True
        if not durable:
            entry["durable"] = False
        if timeout is not None:
            entry["timeout"] = timeout
        self._entries.append(entry)
        if hold:
            self._held.add(key)
        else:
            self._held.discard(key)
        self._changed(durable)
        self.flush()
        return entry

    def queue(self, key: str, payload: Payload, **options: Any) -> Entry:
        """``put`` a declared command: its name is ``type(payload).command``, its payload the
        fields set (the options are ``put``'s)."""
        return self.put(key, type(payload).command,
                        payload.model_dump(mode="json", exclude_unset=True, by_alias=True), **options)

    def release(self, key: str) -> bool:
        """Let a held entry go (now, if nothing else is on its way); False when none waits."""
        self._held.discard(key)
        waiting = any(e["key"] == key for e in self._entries)
        if waiting:
            self._retry.stop()
            self.flush()
        return waiting

    def drop(self, key: str) -> None:
        """Forget the waiting entry of ``key`` (one already on its way still gets its answer)."""
        kept = [e for e in self._entries if e["key"] != key or e is self._in_flight]
        if len(kept) != len(self._entries):
            self._entries = kept
            self._changed(True)
        self._held.discard(key)

    def entry(self, key: str) -> Entry | None:
        """The newest entry waiting for ``key`` (None: nothing waits)."""
        found = [e for e in self._entries if e["key"] == key]
        return found[-1] if found else None

    def held(self, key: str) -> bool:
        """Whether the entry of ``key`` is kept back (typing, or refused and kept)."""
        return key in self._held

    def in_flight(self, key: str) -> bool:
        """Whether an answer for ``key``'s entry is awaited right now."""
        return self._in_flight is not None and self._in_flight["key"] == key

    def pending(self, prefix: str = "") -> list[Entry]:
        """The entries not yet answered (whose key starts with ``prefix``), oldest first."""
        return [e for e in self._entries if e["key"].startswith(prefix)]

    def __len__(self) -> int:
        return len(self._entries)

    def place(self, path: Path) -> None:
        """Keep the queue in ``path`` from now on (a session made before its meeting existed),
        with what that file already holds."""
        if self.path is not None:
            return
        self.path = path
        known = {e["key"] for e in self._entries}
        self._entries[:0] = [e for e in self._read(path) if e["key"] not in known]
        self._changed(True)
        self.flush()

    def adopt(self, path: Path) -> None:
        """Take over the entries of another outbox file (an older version's) and delete it."""
        if path == self.path or not path.is_file():
            return
        found = self._read(path)
        known = {e["key"] for e in self._entries}
        self._entries[:0] = [e for e in found if e["key"] not in known]
        self._changed(True)
        path.unlink(missing_ok=True)
        self.flush()

    # --- sending -------------------------------------------------------------------------

    def flush(self) -> None:
        """Send the oldest entry not held if none is on its way and the connection is up."""
        if self._in_flight is not None or self.connection is None \
                or self.connection.status != ConnectionStatus.CONNECTED:
            return
        entry = next((e for e in self._entries if e["key"] not in self._held), None)
        if entry is None:
            return
        self._in_flight = entry
        self.sending.emit(entry)

        def answered(envelope: dict[str, Any]) -> None:
            self._answer(entry, envelope)

        if "timeout" in entry:
            self.connection.command(entry["command"], entry["payload"], answered,
                                    timeout=entry["timeout"])
        else:  # stand-in connections of tests may not take a timeout
            self.connection.command(entry["command"], entry["payload"], answered)

    def _answer(self, entry: Entry, envelope: dict[str, Any]) -> None:
        self._in_flight = None
        code = None if envelope.get("ok") else (envelope.get("error") or {}).get("code")
        if code is not None and code in entry.get("retry", TRANSIENT):
            # Not sent, or unknown: keep it (same request_id) for the next attempt.
            if code != LocalErrorCode.OFFLINE:
                self._retry.start()
            self.deferred.emit(entry, envelope)
            return
        newer = any(e["key"] == entry["key"] and e is not entry for e in self._entries)
        if code is not None and entry.get("keep_refused") and entry in self._entries and not newer:
            self._held.add(entry["key"])  # kept on this computer until the user decides
        elif entry in self._entries:
            self._entries.remove(entry)
            self._changed(entry.get("durable", True))
        self.answered.emit(entry, envelope)
        self.flush()

    def _status(self, status: str) -> None:
        if status == ConnectionStatus.CONNECTED:
            self.flush()

    def _changed(self, durable: bool) -> None:
        if durable:
            self._write()
        self.size_changed.emit(len(self._entries))

    # --- disk ----------------------------------------------------------------------------

    def _read(self, path: Path | None) -> list[Entry]:
        if path is None or not path.is_file():
            return []
        try:
            raw = path.read_bytes()
            if self.key is not None:
                raw = unseal(self.key, raw, OUTBOX_LABEL)
            data = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError, VaultError):
            log.exception("the outbox %s cannot be read; starting empty", path)
            return []
        return [e for e in data if isinstance(e, dict) and {"key", "command", "payload"} <= e.keys()] \
            if isinstance(data, list) else []

    def _write(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        durable = [e for e in self._entries if e.get("durable", True)]
        raw = json.dumps(durable, ensure_ascii=False).encode("utf-8")
        temporary.write_bytes(raw if self.key is None else seal(self.key, raw, OUTBOX_LABEL))
        os.replace(temporary, self.path)  # atomic: the old file or the new, never half
