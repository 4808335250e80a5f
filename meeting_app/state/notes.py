"""My personal notes on the meeting's agenda items: private, synced across my devices,
written offline too.

One note per agenda item (``note.save`` replaces it). Listed with ``note.list`` when the
meeting loads and after every reconnect; my other devices' saves come as the user event
``note.changed``. A save goes through the ``Outbox`` like an annotation: the text typed
during a network cut is sent when the connection returns, and an unsent text stays on
top of what the server says until then.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal

from meeting_app.net.status import ConnectionStatus
from meeting_app.state.commands import wire_payload
from meeting_app.state.outbox import Outbox
from meeting_app.state.store import MeetingStore
from protocol import commands as c

log = logging.getLogger(__name__)

SAVE, LIST = c.NoteSave.command, c.NoteList.command


class NotesStore(QObject):
    """Notes by agenda item id (see the module docstring)."""

    changed = Signal(int)
    """The agenda item whose note changed (-1: all, a new list)."""

    def __init__(self, store: MeetingStore, outbox: Outbox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.outbox = store, outbox
        self._notes: dict[int, dict[str, Any]] = {}
        store.reset.connect(self.load)
        outbox.answered.connect(self._answered)
        if outbox.connection is not None:
            outbox.connection.status_changed.connect(
                lambda s: self.load() if s == ConnectionStatus.CONNECTED else None)

    def text(self, item_id: int) -> str:
        return str(self._notes.get(item_id, {}).get("text", ""))

    def notes(self) -> dict[int, str]:
        """Every non-empty note, by agenda item id."""
        return {item: str(n.get("text", "")) for item, n in self._notes.items() if n.get("text")}

    def save(self, item_id: int, text: str) -> None:
        """Keep ``text`` as my note on the item: now here, on the server when connected."""
        if not self.store.loaded or (self.text(item_id) == text and item_id in self._notes):
            return
        note = self._notes.setdefault(item_id, {"id": str(uuid.uuid4()), "agenda_item_id": item_id})
        note["text"] = text
        try:
            command = c.NoteSave(meeting_id=self.store.meeting["id"], agenda_item_id=item_id,
                                 text=text, id=note["id"])
        except ValidationError:  # longer than a note may be: the server would refuse it too
            log.warning("a note on item %s is too long to be saved on the server", item_id)
        else:
            self.outbox.queue(self._key(item_id), command)
        self.changed.emit(item_id)

    def load(self) -> None:
        connection = self.outbox.connection
        if not self.store.loaded or connection is None or connection.status != ConnectionStatus.CONNECTED:
            return
        connection.command(LIST, wire_payload(c.NoteList(meeting_id=self.store.meeting["id"])), self._listed)

    def apply_event(self, data: dict[str, Any]) -> None:
        note = data.get("note")
        if isinstance(note, dict) and isinstance(note.get("agenda_item_id"), int) \
                and not self._pending(note["agenda_item_id"]):
            self._notes[note["agenda_item_id"]] = note
            self.changed.emit(note["agenda_item_id"])

    def _listed(self, envelope: dict[str, Any]) -> None:
        if not envelope.get("ok"):
            return
        listed = {n["agenda_item_id"]: n for n in envelope["data"].get("notes") or []
                  if isinstance(n, dict) and isinstance(n.get("agenda_item_id"), int)}
        for entry in self.outbox.pending(self._key(0)[:-1]):  # my unsent text wins until sent
            payload = entry["payload"]
            listed[payload["agenda_item_id"]] = {k: payload[k] for k in ("id", "agenda_item_id", "text")}
        self._notes = listed
        self.changed.emit(-1)

    def _answered(self, entry: dict[str, Any], envelope: dict[str, Any]) -> None:
        if entry["command"] != SAVE or not envelope.get("ok"):
            return
        note = (envelope.get("data") or {}).get("note")
        if isinstance(note, dict) and isinstance(note.get("agenda_item_id"), int) \
                and not self._pending(note["agenda_item_id"]):
            self._notes[note["agenda_item_id"]] = note

    def _key(self, item_id: int) -> str:
        meeting = self.store.meeting["id"] if self.store.loaded else 0
        return f"note:{meeting}:{item_id}"

    def _pending(self, item_id: int) -> bool:
        key = self._key(item_id)
        return any(e["key"] == key for e in self.outbox.pending(key))
