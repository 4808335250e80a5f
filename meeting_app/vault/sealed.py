"""The container format of cached files: AES-256-GCM records after an 8-byte header.

    file   = MAGIC record*
    record = length (4 bytes, big-endian: of nonce + ciphertext + tag)
             nonce (12 random bytes) ciphertext tag (16 bytes)

Each record's additional data is ``MAGIC + label + index`` (8 bytes): a record moved to
another file (another label: the document's sha256) or to another place in the same file
fails to decrypt. A file may be written record by record (a download, chunk by chunk, so
that a ``.part`` never holds plaintext), and resumed: a record cut off by a crash is
dropped (``sealed_plain_size`` trims it). Cutting whole records off the end is not seen by
the records themselves: documents are checked against their sha256 after decryption, and
small blobs (``seal``) must be exactly one record.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"MTGVLT1\n"
NONCE = 12
TAG = 16
_LENGTH = struct.Struct(">I")
MAX_RECORD = 16 * 1024 * 1024
"""Refuse a length above this: a damaged header must not make us read gigabytes."""


class VaultError(Exception):
    """A cached file cannot be decrypted: the wrong key, damaged or tampered with."""


def is_sealed(head: bytes) -> bool:
    """Whether bytes (the start of a file) are in this container format."""
    return head[: len(MAGIC)] == MAGIC


def _aad(label: str, index: int) -> bytes:
    return MAGIC + label.encode() + index.to_bytes(8, "big")


def _check_key(key: bytes) -> AESGCM:
    if not isinstance(key, bytes | bytearray) or len(key) != 32:
        raise VaultError("The cache key is not a 256-bit key.")
    return AESGCM(bytes(key))


def _record(aead: AESGCM, label: str, index: int, data: bytes) -> bytes:
    nonce = os.urandom(NONCE)
    body = nonce + aead.encrypt(nonce, data, _aad(label, index))
    return _LENGTH.pack(len(body)) + body


def seal(key: bytes, data: bytes, label: str) -> bytes:
    """``data`` as a one-record container (small files: the outbox, notes)."""
    return MAGIC + _record(_check_key(key), label, 0, data)


def unseal(key: bytes, blob: bytes, label: str) -> bytes:
    """The data ``seal`` sealed; ``VaultError`` if anything is off."""
    records = list(_records(blob))
    if len(records) != 1 or not is_sealed(blob):
        raise VaultError("The cached file is damaged.")
    return _open(_check_key(key), label, 0, records[0])


def _records(blob: bytes) -> Iterator[bytes]:
    at = len(MAGIC)
    while at < len(blob):
        if at + _LENGTH.size > len(blob):
            raise VaultError("The cached file is damaged (cut off).")
        (length,) = _LENGTH.unpack_from(blob, at)
        at += _LENGTH.size
        if length < NONCE + TAG or length > MAX_RECORD or at + length > len(blob):
            raise VaultError("The cached file is damaged (cut off).")
        yield blob[at:at + length]
        at += length


def _open(aead: AESGCM, label: str, index: int, body: bytes) -> bytes:
    try:
        return aead.decrypt(body[:NONCE], body[NONCE:], _aad(label, index))
    except InvalidTag:
        raise VaultError("The cached file cannot be decrypted: it was made with another key "
                         "or has been altered.") from None


def read_sealed(path: Path, key: bytes, label: str, sha256: str | None = None) -> bytes:
    """The plaintext of a sealed file; with ``sha256``, also checked against it (a document
    cut short by whole records). Raises ``VaultError`` (or ``OSError`` reading)."""
    blob = path.read_bytes()
    if not is_sealed(blob):
        raise VaultError("The cached file is not encrypted as expected.")
    aead = _check_key(key)
    data = b"".join(_open(aead, label, i, body) for i, body in enumerate(_records(blob)))
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise VaultError("The cached file is incomplete or altered (its checksum does not match).")
    return data


def sealed_plain_size(path: Path) -> tuple[int, int]:
    """(plaintext bytes, records) of the complete records of a partly written file; a torn
    last record (a crash mid-write) or a bad header is cut off, so appending can resume."""
    if not path.is_file():
        return 0, 0
    with path.open("r+b") as file:
        if file.read(len(MAGIC)) != MAGIC:
            file.truncate(0)
            return 0, 0
        plain = count = 0
        good = len(MAGIC)
        while True:
            head = file.read(_LENGTH.size)
            if len(head) < _LENGTH.size:
                break
            (length,) = _LENGTH.unpack(head)
            if length < NONCE + TAG or length > MAX_RECORD:
                break
            body_end = good + _LENGTH.size + length
            file.seek(0, os.SEEK_END)
            if file.tell() < body_end:
                break
            file.seek(body_end)
            good, plain, count = body_end, plain + length - NONCE - TAG, count + 1
        file.truncate(good)
    return plain, count


class SealedWriter:
    """Appends records to a sealed file (a download's ``.part``), resuming after ``index``
    records already there (see ``sealed_plain_size``)."""

    def __init__(self, file: BinaryIO, key: bytes, label: str, index: int = 0) -> None:
        self._file, self._aead, self._label, self._index = file, _check_key(key), label, index
        if file.tell() == 0:
            file.write(MAGIC)

    def write(self, data: bytes) -> None:
        """Encrypt ``data`` as the next record."""
        self._file.write(_record(self._aead, self._label, self._index, data))
        self._index += 1


def iter_plain(path: Path, key: bytes, label: str) -> Iterator[bytes]:
    """The plaintext of a sealed file record by record (to hash a big one in little memory)."""
    aead = _check_key(key)
    with path.open("rb") as file:
        if file.read(len(MAGIC)) != MAGIC:
            raise VaultError("The cached file is not encrypted as expected.")
        index = 0
        while head := file.read(_LENGTH.size):
            if len(head) < _LENGTH.size:
                raise VaultError("The cached file is damaged (cut off).")
            (length,) = _LENGTH.unpack(head)
            body = file.read(length) if NONCE + TAG <= length <= MAX_RECORD else b""
            if len(body) != length or not body:
                raise VaultError("The cached file is damaged (cut off).")
            yield _open(aead, label, index, body)
            index += 1
