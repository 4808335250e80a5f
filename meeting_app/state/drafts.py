"""Unsent conclusions kept in the meeting's outbox, so that nothing typed is lost.

Every change in the conclusions editor is put in the outbox at once (``state/outbox.py``:
on disk, sealed), *held* while the secretary types, and let go when typing pauses or the
editor leaves the item. The server's confirmation removes it; a draft that could not be
sent (offline, a lost answer) is sent again by the outbox, with its own ``request_id``, when
the connection is back. A draft the server refused (``conflict``, say) stays, held, until
the secretary keeps theirs or reloads. A draft left behind by a closed window or a crash
is loaded again by the next editor, and sent.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meeting_app.net.envelopes import new_request_id
from meeting_app.state.outbox import Entry, Outbox
from protocol import commands as c

log = logging.getLogger(__name__)

KEY_PREFIX = "draft:"


@dataclass
class Draft:
    """An agenda item's conclusion as typed, not yet confirmed by the server."""

    meeting_id: int
    agenda_item_id: int
    text: str
    decision: str = ""
    base_revision: int = 0
    """The stored revision the editing started from."""
    request_id: str = field(default_factory=new_request_id)

    def command(self) -> c.ConclusionSet:
        """The ``conclusion.set`` command that sends this draft."""
        return c.ConclusionSet(meeting_id=self.meeting_id, agenda_item_id=self.agenda_item_id,
                               text=self.text, decision=self.decision,
                               base_revision=self.base_revision, request_id=self.request_id)

    def payload(self) -> dict[str, Any]:
        """The ``conclusion.set`` payload that sends this draft."""
        return {"meeting_id": self.meeting_id, "agenda_item_id": self.agenda_item_id,
                "text": self.text, "decision": self.decision,
                "base_revision": self.base_revision, "request_id": self.request_id}

    @classmethod
    def from_entry(cls, entry: Entry) -> Draft:
        """The draft an outbox entry sends."""
        payload = entry["payload"]
        return cls(int(payload["meeting_id"]), int(payload["agenda_item_id"]), str(payload["text"]),
                   str(payload.get("decision") or ""), int(payload.get("base_revision") or 0),
                   str(payload["request_id"]))


def draft_key(meeting_id: int, item_id: int) -> str:
    return f"{KEY_PREFIX}{meeting_id}:{item_id}"


class DraftStore:
    """The drafts waiting in a meeting's outbox, one per agenda item."""

    def __init__(self, outbox: Outbox) -> None:
        self.outbox = outbox

    def save(self, draft: Draft, hold: bool | None = True) -> None:
        """Keep the draft (replacing the item's waiting one). ``hold``: True, not sent before
        ``send`` (typing); False, sent now; None, as the one it replaces was."""
        key = draft_key(draft.meeting_id, draft.agenda_item_id)
        if hold is None:
            hold = self.outbox.entry(key) is None or self.outbox.held(key)
        self.outbox.put(key, c.ConclusionSet.command, draft.payload(), keep_refused=True, hold=hold)

    def send(self, draft: Draft) -> None:
        """Let the item's draft go (now, or when the connection is back)."""
        key = draft_key(draft.meeting_id, draft.agenda_item_id)
        if not self.outbox.release(key):
            self.save(draft, hold=False)

    def load(self, meeting_id: int, item_id: int) -> Draft | None:
        """The unsent draft of an item, or None."""
        entry = self.outbox.entry(draft_key(meeting_id, item_id))
        return Draft.from_entry(entry) if entry is not None else None

    def discard(self, meeting_id: int, item_id: int) -> None:
        """Forget an item's draft (the server has it, or the user dropped it)."""
        self.outbox.drop(draft_key(meeting_id, item_id))

    def pending(self, meeting_id: int) -> list[Draft]:
        """Every unsent draft of a meeting, by item id (the newest of each)."""
        found: dict[int, Draft] = {}
        for entry in self.outbox.pending(f"{KEY_PREFIX}{meeting_id}:"):
            draft = Draft.from_entry(entry)
            found[draft.agenda_item_id] = draft
        return [found[item] for item in sorted(found)]

    @staticmethod
    def is_draft(entry: Entry) -> bool:
        """Whether an outbox entry is a draft."""
        return str(entry.get("key", "")).startswith(KEY_PREFIX)

    def adopt_directory(self, directory: Path, meeting_id: int) -> None:
        """Take over the drafts an older version kept as files
        (``meeting-<id>-item-<id>.json``), and delete them."""
        if not directory.is_dir():
            return
        for path in sorted(directory.glob(f"meeting-{meeting_id}-item-*.json")):
            try:
                draft = Draft(**json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError):
                log.warning("an unreadable draft was ignored: %s", path)
                continue
            if self.load(meeting_id, draft.agenda_item_id) is None:
                self.save(draft, hold=False)
            path.unlink(missing_ok=True)
