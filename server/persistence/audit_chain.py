"""The audit log as a hash chain: every entry carries the hash of the one before it.

Code anywhere adds ``AuditEntry`` rows as usual (``session.add``); they are inserted
unchained (``seq``, ``prev_hash``, ``hash`` null) and chained here, when the session's
outermost transaction commits (a SQLAlchemy ``before_commit`` listener):

1. lock the one-row ``audit_head`` table (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite
   write transactions are already serialised by ``BEGIN IMMEDIATE``), which holds the last
   ``seq`` and hash: appends from any number of processes queue here, so the chain stays
   one line;
2. give this transaction's unchained rows, in id order, the next seqs, each hashed over
   its content and the previous hash;
3. move the head.

The head is the last lock a transaction takes (everything else is already locked by then),
so waiting for it can never close a cycle of waits: no deadlock. A savepoint rolled back
takes its rows with it, so a refused ballot leaves no entry.

``hash = sha256(canonical JSON of [seq, at, actor_id, action, meeting_id, details,
prev_hash])``, the JSON with sorted keys, no spaces, UTF-8, ``at`` as ISO 8601 UTC with
microseconds; the first entry's ``prev_hash`` is 64 zeros.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, bindparam, event, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from server.persistence.tables.audit import AuditEntry, AuditHead

GENESIS = "0" * 64
_PENDING = "audit_chain_pending"

audit_log: Table = AuditEntry.__table__  # type: ignore[assignment]
audit_head: Table = AuditHead.__table__  # type: ignore[assignment]


def canonical_time(at: datetime) -> str:
    """The entry time as hashed: ISO 8601 in UTC with microseconds and ``+00:00``."""
    if at.tzinfo is None:  # a raw read of a naive UTC column
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def entry_hash(seq: int, at: datetime, actor_id: int | None, action: str, meeting_id: int | None,
               details: Any, prev_hash: str) -> str:
    """The sha256 (hex) of one entry's canonical JSON."""
    body = [seq, canonical_time(at), actor_id, action, meeting_id, details, prev_hash]
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Head:
    """Where the chain ends: the last seq (0 when empty) and its hash."""

    seq: int
    hash: str


def read_head(session: Session, *, lock: bool = False) -> Head:
    """The chain's head row, made if missing (a new or emptied database)."""
    query = select(audit_head.c.last_seq, audit_head.c.last_hash).where(audit_head.c.id == 1)
    row = session.execute(query.with_for_update() if lock else query).first()
    if row is None:
        dialect = session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        session.execute(insert(audit_head).values(id=1, last_seq=0, last_hash=GENESIS)
                        .on_conflict_do_nothing())
        row = session.execute(query.with_for_update() if lock else query).one()
    return Head(int(row.last_seq), str(row.last_hash))


def chain_pending(session: Session) -> int:
    """Chain every committed-to-be unchained entry this transaction sees; returns how many."""
    unchained = select(audit_log.c.id, audit_log.c.at, audit_log.c.actor_id, audit_log.c.action,
                       audit_log.c.meeting_id, audit_log.c.details).where(audit_log.c.seq.is_(None))
    if session.execute(unchained.limit(1)).first() is None:
        return 0
    head = read_head(session, lock=True)
    rows = session.execute(unchained.order_by(audit_log.c.id)).all()
    seq, prev = head.seq, head.hash
    changes: list[dict[str, Any]] = []
    for row in rows:
        seq += 1
        digest = entry_hash(seq, row.at, row.actor_id, row.action, row.meeting_id, row.details, prev)
        changes.append({"row_id": row.id, "new_seq": seq, "new_prev": prev, "new_hash": digest})
        prev = digest
    session.execute(
        update(audit_log).where(audit_log.c.id == bindparam("row_id"))
        .values(seq=bindparam("new_seq"), prev_hash=bindparam("new_prev"), hash=bindparam("new_hash")),
        changes)
    session.execute(update(audit_head).where(audit_head.c.id == 1).values(last_seq=seq, last_hash=prev))
    return len(changes)


@event.listens_for(Session, "before_flush")
def _note_new_entries(session: Session, _context: Any, _instances: Any) -> None:
    if any(isinstance(obj, AuditEntry) for obj in session.new):
        session.info[_PENDING] = True


@event.listens_for(Session, "before_commit")
def _chain_before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: the outermost commit chains
    if not session.info.get(_PENDING) and not any(isinstance(o, AuditEntry) for o in session.new):
        return
    session.flush()
    session.info.pop(_PENDING, None)
    chain_pending(session)


@event.listens_for(Session, "after_rollback")
def _forget_on_rollback(session: Session) -> None:
    if not session.in_transaction():
        session.info.pop(_PENDING, None)
