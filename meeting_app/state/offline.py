"""Signing in with the offline cache in mind: keep the cache key wrapped, wipe on refusal.

``sign_in`` is what the login dialog runs on its worker thread: the login itself, then
the cache key wrapped with the password (scrypt: ~0.1 s, so not on the GUI thread) into
the user's cache directory; or, when the server says the account is deactivated, the
user's whole cache deleted before the refusal is shown. See docs/offline-cache.md.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from meeting_app.net.auth import LoginError, LoginErrorKind, LoginResult, login, normalize_server_url
from meeting_app.state.documents import default_cache_dir
from meeting_app.vault import load_offline_key, save_offline_key, user_cache_dir, wipe_user_cache

log = logging.getLogger(__name__)


def sign_in(server_url: str, username: str, password: str, root: Path | None = None) -> LoginResult:
    """``net.auth.login``, then look after the offline cache (see the module docstring).
    Blocking; raises ``LoginError`` like ``login``."""
    root = root or default_cache_dir()
    try:
        result = login(server_url, username, password)
    except LoginError as error:
        if error.kind == LoginErrorKind.DEACTIVATED:
            forget_user(root, server_url, username)
        raise
    if result.cache_key is not None:
        expires = datetime.now(UTC) + timedelta(hours=max(0.0, result.offline_grace_hours))
        directory = user_cache_dir(root, result.server_url, str(result.user["username"]))
        try:
            save_offline_key(directory, result.cache_key, password, expires)
        except OSError as error:  # a full or read-only disk: online reading still works
            log.warning("the offline key could not be saved in %s: %s", directory, error)
    return result


def forget_user(root: Path, server_url: str, username: str) -> bool:
    """Delete the user's offline cache on that server (documents, outbox, wrapped key)."""
    try:
        server = normalize_server_url(server_url)
    except ValueError:
        return False
    wiped = wipe_user_cache(root, server, username)
    if wiped:
        log.info("offline cache of %s on %s deleted (account deactivated)", username, server)
    return wiped


def unlock_offline(root: Path, server_url: str, username: str, password: str) -> bytes:
    """The cache key for reading the user's cache without the server: unwrapped with the
    password, and only until the offline period ends. Raises ``OfflineExpired`` after it
    (connect and sign in again), ``VaultError`` for a wrong password or no offline copy.
    Blocking (scrypt)."""
    directory = user_cache_dir(root, normalize_server_url(server_url), username)
    return load_offline_key(directory, password)
