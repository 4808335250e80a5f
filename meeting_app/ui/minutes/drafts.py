"""Unsent conclusions kept on this computer, so that nothing typed is lost.

Every change in the conclusions editor is written here at once (a small JSON file per
meeting and agenda item) and removed when the server confirmed it. A draft left behind by
a lost connection, a closed window or a crash is loaded again by the next editor, and sent
when the connection is back. A draft keeps the ``request_id`` of its first sending, so a
repeat of a command the server did carry out (its answer was lost) is recognised as one.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from meeting_app.net.envelopes import new_request_id

log = logging.getLogger(__name__)


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

    def payload(self) -> dict[str, Any]:
        """The ``conclusion.set`` payload that sends this draft."""
        return {"meeting_id": self.meeting_id, "agenda_item_id": self.agenda_item_id,
                "text": self.text, "decision": self.decision,
                "base_revision": self.base_revision, "request_id": self.request_id}


class DraftStore:
    """The directory of drafts: ``meeting-<id>-item-<id>.json``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, meeting_id: int, item_id: int) -> Path:
        return self.directory / f"meeting-{meeting_id}-item-{item_id}.json"

    def save(self, draft: Draft) -> None:
        """Write the draft (atomically: a crash leaves the old file or the new one)."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(asdict(draft), out, ensure_ascii=False)
            os.replace(temporary, self._path(draft.meeting_id, draft.agenda_item_id))
        except OSError:
            log.exception("could not keep the draft of item %s", draft.agenda_item_id)

    def load(self, meeting_id: int, item_id: int) -> Draft | None:
        """The unsent draft of an item, or None."""
        return self._read(self._path(meeting_id, item_id))

    def discard(self, meeting_id: int, item_id: int) -> None:
        """Forget an item's draft (the server has it)."""
        self._path(meeting_id, item_id).unlink(missing_ok=True)

    def pending(self, meeting_id: int) -> list[Draft]:
        """Every unsent draft of a meeting, by item id."""
        found = [self._read(path) for path in self.directory.glob(f"meeting-{meeting_id}-item-*.json")]
        return sorted((d for d in found if d is not None), key=lambda d: d.agenda_item_id)

    @staticmethod
    def _read(path: Path) -> Draft | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return Draft(**data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError):
            log.warning("an unreadable draft was ignored: %s", path)
            return None
