"""The receipts of my ballots, kept on this computer so I can check them after the close.

A receipt (biên nhận) is the code the server returns for a ballot; at the close the result
lists every receipt, so each voter can see that their ballot was counted without anyone
learning what they chose. The book keeps only receipts, never the choices, in a small JSON
file (in the cache directory) so that they survive a restart of the client.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class ReceiptBook:
    """Receipts by server, user and poll: ``{key: [{"receipt", "voter_id"}]}`` on disk."""

    def __init__(self, path: Path, server_url: str, user_id: int) -> None:
        self.path = path
        self._scope = f"{server_url.rstrip('/')}#{user_id}"
        self._data: dict[str, list[dict[str, Any]]] = self._read()

    def _read(self) -> dict[str, list[dict[str, Any]]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("unreadable receipts file %s: %s", self.path, error)
            return {}
        return data if isinstance(data, dict) else {}

    def _key(self, poll_id: int) -> str:
        return f"{self._scope}#{poll_id}"

    def add(self, poll_id: int, voter_id: int, receipt: str) -> None:
        """Keep the receipt of a ballot cast for ``voter_id``; a changed vote replaces it."""
        self._data = self._read() or self._data  # another window may have written since
        entries = [e for e in self._data.get(self._key(poll_id), []) if e.get("voter_id") != voter_id]
        entries.append({"voter_id": voter_id, "receipt": receipt})
        self._data[self._key(poll_id)] = entries
        self._write()

    def receipts(self, poll_id: int) -> list[str]:
        """My receipts for a poll (mine and those of the members I voted for)."""
        return [str(e["receipt"]) for e in self._data.get(self._key(poll_id), [])]

    def receipt_for(self, poll_id: int, voter_id: int) -> str | None:
        """The receipt of the ballot cast for ``voter_id``, if this computer cast it."""
        return next((str(e["receipt"]) for e in self._data.get(self._key(poll_id), [])
                     if e.get("voter_id") == voter_id), None)

    def check(self, poll_id: int, published: list[str]) -> tuple[int, int]:
        """``(found, kept)``: how many of my kept receipts are in the published list."""
        mine = self.receipts(poll_id)
        listed = set(published)
        return sum(1 for r in mine if r in listed), len(mine)

    def _write(self) -> None:
        # Written to a temporary file and renamed, so a crash never leaves half a file.
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".receipts-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self._data, out, ensure_ascii=False, indent=1)
            os.replace(temporary, self.path)
        except OSError as error:
            log.warning("could not save receipts to %s: %s", self.path, error)


def default_receipts_path(cache_dir: Path) -> Path:
    """Where a room keeps receipts: next to its documents cache."""
    return cache_dir / "receipts.json"
