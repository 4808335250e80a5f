"""Where one user's cache lives: a directory per server address and username."""

from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path

log = logging.getLogger(__name__)


def user_cache_dir(root: Path, server_url: str, username: str) -> Path:
    """``root/<16 hex>``: one user's documents, outbox and wrapped key on one server.

    A hash, not the names: the directory listing does not tell who uses the computer;
    keyed by username (not id) because a refused login knows only the username.
    """
    who = f"{server_url.rstrip('/').lower()}\n{username.strip().casefold()}"
    return Path(root) / hashlib.sha256(who.encode()).hexdigest()[:16]


def remove_plain_documents(root: Path) -> int:
    """Delete documents an older version cached in the clear at the top of ``root``
    (``<sha256>.pdf`` and ``.part``); returns how many."""
    removed = 0
    for path in [*Path(root).glob("*.pdf"), *Path(root).glob("*.part")]:
        if len(path.stem) == 64:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def wipe_user_cache(root: Path, server_url: str, username: str) -> bool:
    """Delete everything cached for the user (documents, outbox, wrapped key); returns
    whether there was anything. Errors are logged, not raised: a wipe must not stop the
    refusal from being shown."""
    directory = user_cache_dir(root, server_url, username)
    if not directory.exists():
        return False
    shutil.rmtree(directory, ignore_errors=True)
    if directory.exists():
        log.error("could not delete all of the offline cache %s", directory)
    return True
