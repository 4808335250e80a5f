"""One meeting room's annotations and notes: through the meeting's outbox, an
``AnnotationStore`` per document opened, and the events that keep them current.

User events (``user.event``: my own changes on another device) and meeting events
(``annotation.shared``/``annotation.unshared`` of others) are routed to the store of
their document; the stores list again after every reconnect themselves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from meeting_app.state.annotations import AnnotationStore, carry_message
from meeting_app.state.notes import NotesStore
from meeting_app.state.outbox import Outbox
from meeting_app.state.store import MeetingStore
from protocol import events as ev

ANNOTATION_EVENTS = (ev.ANNOTATION_CHANGED, ev.ANNOTATION_DELETED, ev.ANNOTATIONS_CARRIED,
                     ev.ANNOTATION_SHARED, ev.ANNOTATION_UNSHARED)


class AnnotationSync(QObject):
    """Annotations and notes of the user in one meeting (see the module docstring)."""

    message = Signal(str)
    """Something to tell the user (a refused change, annotations not carried over)."""

    def __init__(self, store: MeetingStore, outbox: Outbox, user_id: int, user_name: str,
                 parent: QObject | None = None) -> None:
        """``outbox``: the meeting session's (its connection is the meeting's)."""
        super().__init__(parent)
        connection = outbox.connection
        self.store, self.connection = store, connection
        self.user_id, self.user_name = user_id, user_name
        self.outbox = outbox
        self.notes = NotesStore(store, self.outbox, self)
        self._stores: dict[tuple[int, int | None], AnnotationStore] = {}
        user_events = getattr(connection, "user_event_received", None)  # a real Connection's
        if user_events is not None:
            user_events.connect(self._user_event)
        store.event_applied.connect(self._meeting_event)

    def store_for(self, document: dict[str, Any]) -> AnnotationStore:
        """The annotations of ``document``'s current version (made and listed once)."""
        key = (int(document["id"]), document.get("version"))
        made = self._stores.get(key)
        if made is None:
            made = AnnotationStore(key[0], self.outbox, self.user_id, self.user_name, key[1], self)
            made.message.connect(self.message)
            self._stores[key] = made
            made.load()
        return made

    def stores(self) -> list[AnnotationStore]:
        return list(self._stores.values())

    def _route(self, kind: str, data: dict[str, Any]) -> None:
        if kind in ANNOTATION_EVENTS:
            for made in self._stores.values():
                if made.document_id == data.get("document_id"):
                    made.apply_event(kind, data)
            if kind == ev.ANNOTATIONS_CARRIED and not any(
                    m.document_id == data.get("document_id") for m in self._stores.values()):
                text = carry_message(data)  # not opened here: still tell the user
                if text:
                    self.message.emit(text)
        elif kind == ev.NOTE_CHANGED:
            self.notes.apply_event(data)

    def _user_event(self, event: dict[str, Any]) -> None:
        meeting = self.store.meeting["id"] if self.store.loaded else None
        if event.get("meeting_id") in (None, meeting):
            self._route(str(event.get("type")), event.get("data") or {})

    def _meeting_event(self, event: dict[str, Any]) -> None:
        kind = str(event.get("type", ""))
        if kind.startswith("annotation."):
            self._route(kind, event.get("data") or {})
