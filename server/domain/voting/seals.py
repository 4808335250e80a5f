"""Sealed secret ballots: who voted and what was voted never share a commit.

A secret ballot is acknowledged only once it is durable, yet writing its readable row in
the voter's commit (beside ``poll_voters`` and the audit entry "X voted") lets whoever reads
the database's write-ahead log pair them. So the voter's commit holds the ballot *sealed*:
AES-256-GCM under a key of its own poll that never enters the database, padded to one size
whatever the choice and comment. The close opens every seal of the poll and writes the
readable ballots in one shuffled batch (``unseal``), in a commit without any voter.

The key lives in the server's memory and, for crash safety, in a file of the key directory
(``<blob dir>/ballot-seals``, shared like the blobs by every server process of a database),
written and synced before the first seal uses it and removed once the close is committed.
Without a directory (the domain tests) keys are kept in memory per database only.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import random
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Engine, delete, event, insert, select
from sqlalchemy.orm import Session

from protocol.errors import conflict
from server.persistence.models import Poll, PollBallot, PollSeal

SEALED_SIZE = 9216
"""Every seal's plaintext is padded to this many bytes, so a seal's size tells nothing of
the choice or of the comment's length. The largest ballot fits: a header of at most 50
option ids, the weight and the receipt (under 1 KB), then the comment as raw UTF-8 (2000
characters, at most 8000 bytes; not JSON-escaped, which could make it 12000)."""

_directories: dict[str, Path] = {}
_memory: dict[str, dict[int, bytes]] = {}
"""By database URL: a session's bind may be a copy of the engine with other options (the
writer's), which is another object. ``_memory`` holds the keys this process has used (and,
without a directory, the only copy)."""


def _database(session: Session) -> str:
    return session.get_bind().engine.url.render_as_string(hide_password=False)


@dataclass(frozen=True)
class Opened:
    """A ballot out of its seal."""

    option_ids: tuple[int, ...]
    comment: str | None
    weight: int
    receipt: str


def configure(engine: Engine, directory: Path) -> None:
    """Keep the keys of this database's secret polls in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        directory.chmod(0o700)
    database = engine.url.render_as_string(hide_password=False)
    _directories[database] = directory
    _memory.pop(database, None)  # what this process knew before is read from the directory again


def forget_directory(engine: Engine) -> None:
    """Keep this database's keys in memory again (tests)."""
    database = engine.url.render_as_string(hide_password=False)
    _directories.pop(database, None)
    _memory.pop(database, None)


def sweep(session: Session) -> int:
    """Remove the keys of polls no longer open (a server stopped between a close's commit
    and the key's removal); how many were removed."""
    directory = _directories.get(_database(session))
    if directory is None:
        return 0
    open_ids = set(session.scalars(select(Poll.id).where(Poll.status == "open")))
    removed = 0
    for path in directory.glob("poll-*.key"):
        poll_id = path.stem.removeprefix("poll-")
        if poll_id.isdigit() and int(poll_id) not in open_ids:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _sync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _file_key(directory: Path, poll_id: int, create: bool) -> bytes | None:
    path = directory / f"poll-{poll_id}.key"
    with contextlib.suppress(FileNotFoundError):
        return path.read_bytes()
    if not create:
        return None
    # Written whole and synced under a temporary name, then linked: a reader never sees a
    # half-written key, and of two processes racing the first link wins for both.
    temp = directory / f".{uuid.uuid4().hex}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, secrets.token_bytes(32))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(temp, path)
    except FileExistsError:
        pass
    finally:
        temp.unlink(missing_ok=True)
    _sync_dir(directory)  # the key is on disk before any acknowledged seal needs it
    return path.read_bytes()


def poll_key(session: Session, poll_id: int) -> bytes:
    """The poll's sealing key, made on first use."""
    key = _key(session, poll_id, create=True)
    assert key is not None
    return key


def _key(session: Session, poll_id: int, create: bool) -> bytes | None:
    database = _database(session)
    keys = _memory.setdefault(database, {})
    if (known := keys.get(poll_id)) is not None:
        return known  # a ballot reads no file (a poll id with a key is never given again)
    directory = _directories.get(database)
    if directory is not None:
        key = _file_key(directory, poll_id, create)
        if key is not None:
            keys[poll_id] = key
        return key
    return keys.setdefault(poll_id, secrets.token_bytes(32)) if create else None


def tag(key: bytes, receipt: str) -> str:
    """The seal's id: found again from the receipt with the key, never without it."""
    return hmac.new(key, f"seal:{receipt}".encode(), hashlib.sha256).hexdigest()


def _aad(poll_id: int) -> bytes:
    return f"poll:{poll_id}".encode()


def seal(key: bytes, poll_id: int, option_ids: list[int], comment: str | None, weight: int,
         receipt: str) -> bytes:
    """The sealed ballot: a random nonce, then the ciphertext of the padded plaintext."""
    header = json.dumps({"o": option_ids, "w": weight, "r": receipt, "c": comment is not None})
    plain = header.encode() + b"\n" + (comment or "").encode()
    if len(plain) > SEALED_SIZE:  # the protocol's limits make this unreachable
        raise ValueError("a ballot larger than the seal")
    nonce = secrets.token_bytes(12)
    return nonce + AESGCM(key).encrypt(nonce, plain.ljust(SEALED_SIZE, b"\0"), _aad(poll_id))


def open_sealed(key: bytes, poll_id: int, sealed: bytes) -> Opened:
    """What ``seal`` sealed (``InvalidTag`` under another key or poll)."""
    plain = AESGCM(key).decrypt(sealed[:12], sealed[12:], _aad(poll_id))
    header, _, comment = plain.partition(b"\n")
    data: dict[str, Any] = json.loads(header)
    return Opened(tuple(data["o"]), comment.rstrip(b"\0").decode() if data["c"] else None,
                  int(data["w"]), str(data["r"]))


def add(session: Session, poll_id: int, key: bytes, opened: Opened) -> str:
    """Write a sealed ballot (in the voter's transaction); answers its tag."""
    seal_id = tag(key, opened.receipt)
    session.execute(insert(PollSeal), {"id": seal_id, "poll_id": poll_id, "sealed": seal(
        key, poll_id, list(opened.option_ids), opened.comment, opened.weight, opened.receipt)})
    return seal_id


def exists(session: Session, poll_id: int, key: bytes, receipt: str) -> bool:
    """Whether the ballot with this receipt is sealed in the poll (a re-sent ballot)."""
    found = session.scalar(select(PollSeal.id).where(PollSeal.poll_id == poll_id,
                                                     PollSeal.id == tag(key, receipt)))
    return found is not None


def unseal(session: Session, poll_id: int) -> int:
    """Open every seal of the poll and write its ballots in random order under random ids,
    in this (the close's) transaction; the key goes once it commits. How many."""
    rows = list(session.scalars(select(PollSeal.sealed).where(PollSeal.poll_id == poll_id)))
    if rows:
        key = _key(session, poll_id, create=False)
        try:
            if key is None:
                raise InvalidTag
            ballots = [open_sealed(key, poll_id, sealed) for sealed in rows]
        except InvalidTag:
            # The key is not where the seals were made (a database restored without the
            # key directory, another directory configured): refuse rather than count less.
            raise conflict(f"The sealed ballots of poll {poll_id} cannot be opened: their key is "
                           "missing from the server's ballot-seals directory") from None
        random.SystemRandom().shuffle(ballots)
        session.execute(insert(PollBallot), [
            {"id": str(uuid.uuid4()), "poll_id": poll_id, "option_ids": list(b.option_ids),
             "comment": b.comment, "weight": b.weight, "receipt": b.receipt, "voter_id": None}
            for b in ballots])
        session.execute(delete(PollSeal).where(PollSeal.poll_id == poll_id))
    _forget_after_commit(session, poll_id)
    return len(rows)


def _forget_after_commit(session: Session, poll_id: int) -> None:
    database = _database(session)

    def forget(_session: Session) -> None:
        if (directory := _directories.get(database)) is not None:
            (directory / f"poll-{poll_id}.key").unlink(missing_ok=True)
        _memory.get(database, {}).pop(poll_id, None)

    event.listen(session, "after_commit", forget, once=True)

