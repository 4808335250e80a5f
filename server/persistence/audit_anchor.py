"""Anchors of the audit chain outside the database.

The chain (``audit_chain``) shows an entry changed or removed, but someone who can write
the database can also rewrite the whole chain from the change onwards, hashes and head
included, and it checks out again. An anchor is a point of the chain, ``SEQ:HASH``, kept
where that someone cannot reach it as well:

- every published minutes prints the head it was published at (the PDF and DOCX every
  participant received);
- ``anchors/`` beside the data (``Settings.anchor_root``) holds one file per day with the
  head of that day (``head-YYYY-MM-DD``) and one per published minutes
  (``minutes-MEETING-vVERSION``); copy them off the server (backups, a log host) to keep
  them out of an attacker's reach.

``audit verify`` reads every anchor file and checks each anchored entry is still in the
chain with its hash: a rewritten chain fails at the first anchor after the rewrite, with
no ``--expect-head`` needed. A line is ``SEQ:HASH WHEN SOURCE``.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.persistence.audit_chain import GENESIS, Head, audit_head
from server.persistence.db import Database
from server.persistence.tables.base import utcnow

_LINE = re.compile(r"^(\d+):([0-9a-f]{64})\b")
_NAME = re.compile(r"^[A-Za-z0-9._-]+$")


@dataclass(frozen=True)
class Anchor:
    """A point of the chain noted outside the database, and where it was noted."""

    head: Head
    source: str


def anchor_text(head: Head) -> str:
    """``SEQ:HASH``, as printed in the minutes and written to anchor files."""
    return f"{head.seq}:{head.hash}"


def current_head(session: Session) -> Head:
    """The chain's head as committed (read only; an empty chain: seq 0)."""
    row = session.execute(select(audit_head.c.last_seq, audit_head.c.last_hash)
                          .where(audit_head.c.id == 1)).first()
    return Head(int(row.last_seq), str(row.last_hash)) if row is not None else Head(0, GENESIS)


def write_anchor(directory: Path, name: str, head: Head, when: datetime) -> Path:
    """Write (atomically; replacing one of the same name) the anchor file ``name``."""
    if not _NAME.match(name):
        raise ValueError(f"not an anchor file name: {name!r}")
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(f"{anchor_text(head)} {when.isoformat(timespec='seconds')} {name}\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def anchor_today(db: Database, directory: Path) -> Path | None:
    """Write ``head-YYYY-MM-DD`` (UTC) with the chain's head, unless today's file exists; the
    file written, or None. Several processes may race here: each writes a true head."""
    today = utcnow().date().isoformat()
    target = directory / f"head-{today}"
    if target.exists():
        return None
    with db.read() as session:
        head = current_head(session)
    return write_anchor(directory, target.name, head, utcnow())


def read_anchors(directory: Path) -> list[Anchor]:
    """Every anchor in the files of ``directory`` (none when it does not exist), by seq."""
    anchors: list[Anchor] = []
    if not directory.is_dir():
        return anchors
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            found = _LINE.match(line.strip())
            if found:
                anchors.append(Anchor(Head(int(found[1]), found[2]), f"{path.name}:{number}"))
    return sorted(anchors, key=lambda anchor: anchor.head.seq)
