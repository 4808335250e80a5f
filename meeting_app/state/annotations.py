"""The annotations of one open document: mine (private or shared) and others' shared ones.

Loaded with ``annotation.list`` when the document opens and again after every reconnect
(annotations are not in the meeting snapshot), then kept current by events: my own changes
made on another device come as user events (``annotation.changed`` / ``annotation.deleted``),
others' shared annotations as meeting events (``annotation.shared`` / ``annotation.unshared``).

A change made here shows at once and goes through the ``Outbox``: sent now if connected,
else kept on disk and sent when the connection returns (client-made UUIDs, so none is
doubled). Until the server answers, the local version wins over what a list or an event
says; then the server's answer (its ``updated_at``) replaces it: latest change wins, by
the server's timestamp.

Annotations are dicts of the wire's shape (``docs/protocol.md``, "Annotations").
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QObject, Signal

from meeting_app.net.server_messages import translate_server_message
from meeting_app.net.status import ConnectionStatus
from meeting_app.state.commands import wire_payload
from meeting_app.state.outbox import Outbox
from protocol import commands as c
from protocol import events as ev

Annotation = dict[str, Any]
SAVE, DELETE, LIST = c.AnnotationSave.command, c.AnnotationDelete.command, c.AnnotationList.command
SAVED_FIELDS = ("id", "page", "kind", "data", "shared")


def as_lists(value: Any) -> Any:
    """``value`` with every tuple, at any depth, made a list (points, quads, rects)."""
    if isinstance(value, tuple | list):
        return [as_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: as_lists(v) for k, v in value.items()}
    return value


def new_annotation(page: int, kind: str, data: dict[str, Any], shared: bool = False) -> Annotation:
    """A fresh annotation with a client-made id (the same on every retry)."""
    return {"id": str(uuid.uuid4()), "page": page, "kind": kind, "data": data, "shared": shared}


def carry_message(data: dict[str, Any]) -> str | None:
    """What to tell the user about an ``annotation.carried`` report (None: all carried)."""
    orphaned = [o for o in data.get("orphaned") or [] if isinstance(o, dict)]
    if not orphaned:
        return None
    pages = sorted({int(o.get("page", 0)) + 1 for o in orphaned})
    # One literal on one line: lupdate does not join strings split over lines (it missed this).
    text = QCoreApplication.translate("annotations", "A new version of the document: {count} of your annotations (page {pages}) could not be carried over, as the text of their page changed. They stay on the previous version.")  # noqa: E501
    return text.format(count=len(orphaned), pages=", ".join(map(str, pages)))


class AnnotationStore(QObject):
    """Annotations of one document for the reader (see the module docstring)."""

    changed = Signal(int)
    """A page whose annotations changed; -1 for many pages (a new list)."""
    message = Signal(str)
    """Something to tell the user (a refused change, annotations not carried over)."""

    def __init__(self, document_id: int, outbox: Outbox, my_user_id: int | None = None,
                 my_name: str = "", version: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document_id = document_id
        self.version = version
        self.outbox = outbox
        self.my_user_id = my_user_id
        self.my_name = my_name
        self.show_others = True
        """Whether others' shared annotations are shown (the reader's switch)."""
        self.loaded = False
        self.orphans: list[Annotation] = []
        """My annotations on an older version whose page this one no longer has."""
        self._items: dict[str, Annotation] = {}
        self._prefix = f"annotation:{document_id}:"
        outbox.answered.connect(self._answered)
        connection = outbox.connection
        if connection is not None:
            connection.status_changed.connect(self._status)
        self._overlay_pending()

    # --- reading ---------------------------------------------------------------------------

    def get(self, annotation_id: str) -> Annotation | None:
        return self._items.get(annotation_id)

    def all(self) -> list[Annotation]:
        """Every annotation known, mine and others', in creation order."""
        return list(self._items.values())

    def mine(self) -> list[Annotation]:
        return [a for a in self._items.values() if self.is_mine(a)]

    def is_mine(self, annotation: Annotation) -> bool:
        author = annotation.get("author_id")
        return author is None or author == self.my_user_id

    def visible(self, page: int) -> list[Annotation]:
        """What the reader paints on ``page``: mine, and others' shared ones if shown."""
        return [a for a in self._items.values() if a.get("page") == page
                and (self.show_others or self.is_mine(a))]

    def set_show_others(self, show: bool) -> None:
        self.show_others = show
        self.changed.emit(-1)

    @property
    def unsent(self) -> int:
        """My changes of this document still waiting for the server."""
        return len(self.outbox.pending(self._prefix))

    # --- changing --------------------------------------------------------------------------

    def save(self, annotation: Annotation) -> None:
        """Create or change one of my annotations: shown now, sent now or when online."""
        item = copy.deepcopy(annotation)
        previous = self._items.get(item["id"])
        item.setdefault("author_id", self.my_user_id)
        item.setdefault("author_name", self.my_name)
        self._items[item["id"]] = item
        # The canvas makes points as tuples; the (strict) model takes lists, as JSON has them.
        wire = {k: as_lists(item[k]) for k in SAVED_FIELDS}
        wire["base_updated_at"] = (previous or {}).get("updated_at")
        if self.version is not None:
            wire["version"] = self.version
        try:
            command = c.AnnotationSave.model_validate({"document_id": self.document_id, "annotation": wire})
        except ValidationError:  # the server would refuse it: said, and back to its list
            self._changed_pages(previous, item)
            self._refused("invalid", "")
            return
        self.outbox.queue(self._prefix + item["id"], command)
        self._changed_pages(previous, item)

    def delete(self, annotation_id: str) -> None:
        """Delete one of my annotations."""
        previous = self._items.pop(annotation_id, None)
        self.outbox.queue(self._prefix + annotation_id,
                          c.AnnotationDelete(document_id=self.document_id, annotation_id=annotation_id))
        self._changed_pages(previous, None)

    def dismiss_orphan(self, annotation_id: str) -> None:
        """Delete one of my annotations a new version could not carry over (it is listed apart,
        on its old version): gone from the list now, deleted on the server now or when online."""
        kept = [a for a in self.orphans if a["id"] != annotation_id]
        if len(kept) == len(self.orphans):
            return
        self.orphans = kept
        self.outbox.queue(self._prefix + annotation_id,
                          c.AnnotationDelete(document_id=self.document_id, annotation_id=annotation_id))
        self.changed.emit(-1)

    def share(self, annotation_id: str, shared: bool = True) -> None:
        """Share one of my annotations with the meeting (or take it back)."""
        item = self._items.get(annotation_id)
        if item is not None and item.get("shared") != shared:
            self.save({**item, "shared": shared})

    # --- from the server -------------------------------------------------------------------

    def load(self) -> None:
        """Ask for the list (when opened, and after every reconnect)."""
        connection = self.outbox.connection
        if connection is None or connection.status != ConnectionStatus.CONNECTED:
            return
        listing = c.AnnotationList(document_id=self.document_id) if self.version is None \
            else c.AnnotationList(document_id=self.document_id, version=self.version)
        connection.command(LIST, wire_payload(listing), self._listed)

    def _listed(self, envelope: dict[str, Any]) -> None:
        if not envelope.get("ok"):
            return  # offline: the next connection lists again
        items = [a for a in envelope["data"].get("annotations") or [] if isinstance(a, dict)
                 and not a.get("deleted")]
        # Mine that a new version could not carry stay on their old version's pages: listed
        # apart, never painted on this version's pages.
        orphans = [a for a in items if a.get("orphaned") and a.get("version") != envelope["data"].get(
            "version", a.get("version"))]
        orphaned = {a["id"] for a in orphans}
        self.orphans = [a for a in orphans if not self._pending(a["id"])]  # not those being deleted
        self._items = {a["id"]: a for a in items if a["id"] not in orphaned}
        self._overlay_pending()
        self.loaded = True
        self.changed.emit(-1)

    def _overlay_pending(self) -> None:
        """My unsent changes stay on top of what the server said."""
        for entry in self.outbox.pending(self._prefix):
            payload = entry["payload"]
            if entry["command"] == SAVE:
                wire = {k: payload["annotation"][k] for k in SAVED_FIELDS}
                old = self._items.get(wire["id"], {})
                self._items[wire["id"]] = {**old, **wire, "author_id": old.get("author_id", self.my_user_id),
                                           "author_name": old.get("author_name", self.my_name)}
            else:
                self._items.pop(payload["annotation_id"], None)

    def apply_event(self, kind: str, data: dict[str, Any]) -> None:
        """A user event or meeting event about annotations (others' are ignored)."""
        if data.get("document_id") not in (None, self.document_id):
            return
        if kind in (ev.ANNOTATION_CHANGED, ev.ANNOTATION_SHARED):
            item = data.get("annotation")
            if not isinstance(item, dict) or item.get("document_id", self.document_id) != self.document_id:
                return
            if self._pending(item["id"]):
                return  # my newer change is on its way and will win
            previous = self._items.get(item["id"])
            if item.get("deleted"):
                self._items.pop(item["id"], None)
                self._changed_pages(previous, None)
                return
            if previous is not None and \
                    str(previous.get("updated_at") or "") > str(item.get("updated_at") or "~"):
                return  # an older state arriving late
            self._items[item["id"]] = item
            self._changed_pages(previous, item)
        elif kind == ev.ANNOTATIONS_CARRIED:
            self._report_carry(data)
        elif kind in (ev.ANNOTATION_DELETED, ev.ANNOTATION_UNSHARED):
            annotation_id = data.get("annotation_id")
            if not isinstance(annotation_id, str) or self._pending(annotation_id):
                return
            previous = self._items.get(annotation_id)
            if previous is None or (kind == ev.ANNOTATION_UNSHARED and self.is_mine(previous)):
                return
            del self._items[annotation_id]
            self._changed_pages(previous, None)

    def _report_carry(self, data: dict[str, Any]) -> None:
        text = carry_message(data)
        if text:
            self.message.emit(text)
            self.load()

    def _pending(self, annotation_id: str) -> bool:
        return any(e["key"] == self._prefix + annotation_id for e in self.outbox.pending(self._prefix))

    def _answered(self, entry: dict[str, Any], envelope: dict[str, Any]) -> None:
        if not entry["key"].startswith(self._prefix):
            return
        annotation_id = entry["key"][len(self._prefix):]
        if envelope.get("ok"):
            item = (envelope.get("data") or {}).get("annotation")
            if entry["command"] == SAVE and isinstance(item, dict) and not self._pending(annotation_id):
                previous = self._items.get(annotation_id)
                self._items[annotation_id] = item
                self._changed_pages(previous, item)
            return
        error = envelope.get("error") or {}
        if entry["command"] == DELETE and error.get("code") == "not_found":
            return  # already gone (made and deleted while offline, or deleted elsewhere)
        self._refused(str(error.get("code") or ""), str(error.get("message") or ""))

    def _refused(self, code: str, message: str) -> None:
        self.message.emit(self.tr("An annotation could not be saved: {message}").format(
            message=translate_server_message(message, code)))
        self.load()  # back to what the server keeps

    def _status(self, status: str) -> None:
        if status == ConnectionStatus.CONNECTED:
            self.load()

    def _changed_pages(self, before: Annotation | None, after: Annotation | None) -> None:
        pages = {a["page"] for a in (before, after) if a is not None}
        for page in sorted(pages):
            self.changed.emit(page)
