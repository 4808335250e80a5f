"""The cache key on disk: only ever wrapped with a key derived from the user's password.

The server releases the cache key at every login. The client keeps a copy wrapped with
AES-GCM under scrypt(password), the expiry bound in as additional data, so that reading
the cache without the server (offline) needs the password and works only until
``expires_at`` (the last online login + the server's ``offline_grace_hours``). Changing
the expiry in the file breaks the decryption. The expiry is enforced by this client: a
modified client ignoring it could still read until the server rotates the key; what the
design guarantees is that nothing on disk is readable without the password.
"""

from __future__ import annotations

import base64
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from meeting_app.vault.sealed import VaultError

KEY_FILE = "key.json"
SCRYPT_N = 2**15
"""scrypt's cost (32 MB, ~0.1 s): paid once per sign-in, on a worker thread."""


class OfflineExpired(VaultError):
    """The wrapped key's offline period is over: connect to the server to read the cache."""


def _kek(password: str, salt: bytes, n: int) -> AESGCM:
    return AESGCM(Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(password.encode()))


def _aad(expires_at: str) -> bytes:
    return b"meeting-cache-key\n" + expires_at.encode()


def save_offline_key(directory: Path, key: bytes, password: str, expires_at: datetime,
                     n: int = SCRYPT_N) -> Path:
    """Write ``key`` wrapped with ``password`` (valid until ``expires_at``) into
    ``directory/key.json``, atomically; blocking (scrypt): call it off the GUI thread."""
    salt, nonce = os.urandom(16), os.urandom(12)
    expiry = expires_at.astimezone(UTC).isoformat()
    wrapped = _kek(password, salt, n).encrypt(nonce, key, _aad(expiry))
    record = {"version": 1, "kdf": "scrypt", "n": n, "salt": _b64(salt), "nonce": _b64(nonce),
              "expires_at": expiry, "wrapped": _b64(wrapped)}
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / KEY_FILE
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(record), encoding="utf-8")
    os.replace(temporary, target)
    return target


def load_offline_key(directory: Path, password: str, now: datetime | None = None) -> bytes:
    """The cache key from ``directory/key.json``. Raises ``OfflineExpired`` once its
    offline period is over, ``VaultError`` for a wrong password, a missing or altered file."""
    try:
        record = json.loads((directory / KEY_FILE).read_text(encoding="utf-8"))
        expiry = str(record["expires_at"])
        expires_at = datetime.fromisoformat(expiry)
        salt, nonce = _unb64(record["salt"]), _unb64(record["nonce"])
        wrapped, n = _unb64(record["wrapped"]), int(record["n"])
    except FileNotFoundError:
        raise VaultError("There is no offline copy for this user on this computer.") from None
    except (OSError, ValueError, KeyError, TypeError):
        raise VaultError("The offline key file is damaged.") from None
    if (now or datetime.now(UTC)) >= expires_at:
        local = expires_at.astimezone().strftime("%H:%M %d/%m/%Y")
        raise OfflineExpired(f"The offline documents expired at {local}. Connect to the "
                             "server and sign in to read them again.")
    if not 2**10 <= n <= 2**20:
        raise VaultError("The offline key file is damaged.")
    try:
        return _kek(password, salt, n).decrypt(nonce, wrapped, _aad(expiry))
    except InvalidTag:
        raise VaultError("Wrong password, or the offline key file was altered.") from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)
