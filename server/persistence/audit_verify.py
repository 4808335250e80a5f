"""Checking the audit chain: every entry's hash, its link to the one before, no gaps.

What it catches: a changed entry (its hash no longer matches its content), a removed entry
(a gap in ``seq``, or the next entry's ``prev_hash`` pointing at a hash no longer there),
an entry inserted without being chained, and a tail cut off while ``audit_head`` still
names the old end. An attacker who cuts the tail *and* rewrites the head, or rewrites the
chain from some entry onwards, cannot be caught from inside the database: the anchors
(``audit_anchor``: the heads printed in published minutes and written to daily files) and
a head noted by an auditor (``--expect-head SEQ:HASH``) are checked against it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.persistence.audit_anchor import Anchor
from server.persistence.audit_chain import GENESIS, Head, audit_head, audit_log, entry_hash

BATCH = 2000


@dataclass(frozen=True)
class Verdict:
    """The outcome of a walk along the chain."""

    ok: bool
    entries: int
    verified_seq: int
    head_hash: str
    broken_seq: int | None = None
    reason: str = ""

    def as_dict(self) -> dict[str, object]:
        """The verdict as JSON for the HTTP route."""
        return {"ok": self.ok, "entries": self.entries, "verified_seq": self.verified_seq,
                "head_hash": self.head_hash, "broken_seq": self.broken_seq, "reason": self.reason}


def verify_chain(session: Session, expect_head: Head | None = None,
                 anchors: Sequence[Anchor] = ()) -> Verdict:
    """Walk the whole chain in seq order and say whether it is intact, and where not;
    ``anchors`` and ``expect_head``: points the chain must still pass through."""
    columns = (audit_log.c.id, audit_log.c.seq, audit_log.c.at, audit_log.c.actor_id, audit_log.c.action,
               audit_log.c.meeting_id, audit_log.c.details, audit_log.c.prev_hash, audit_log.c.hash)
    unchained = session.execute(select(func.count()).select_from(audit_log)
                                .where(audit_log.c.seq.is_(None))).scalar_one()
    expected, prev, count = 1, GENESIS, 0

    def broken(seq: int, reason: str) -> Verdict:
        return Verdict(False, count, expected - 1, prev, seq, reason)

    last_seq = 0
    while True:
        rows = session.execute(select(*columns).where(audit_log.c.seq > last_seq)
                               .order_by(audit_log.c.seq).limit(BATCH)).all()
        if not rows:
            break
        for row in rows:
            if row.seq != expected:
                return broken(expected, f"entry {expected} is missing (removed): the chain jumps "
                                        f"from {expected - 1} to {row.seq}")
            if row.prev_hash != prev:
                return broken(row.seq, f"entry {row.seq} does not follow entry {row.seq - 1}: "
                                       "its prev_hash differs (an entry before it was removed or replaced)")
            digest = entry_hash(row.seq, row.at, row.actor_id, row.action, row.meeting_id, row.details,
                                row.prev_hash)
            if digest != row.hash:
                return broken(row.seq, f"entry {row.seq} (id {row.id}) was changed: its content no "
                                       "longer matches its hash")
            prev, expected, count = row.hash, expected + 1, count + 1
        last_seq = rows[-1].seq
    end = count
    head = session.execute(select(audit_head.c.last_seq, audit_head.c.last_hash)
                           .where(audit_head.c.id == 1)).first()
    if head is not None and (head.last_seq, head.last_hash) != (end, prev):
        if head.last_seq > end:
            return broken(end + 1, f"the chain ends at {end} but its head says {head.last_seq}: "
                                   "entries at the end were removed")
        return broken(end, f"the chain's head ({head.last_seq}) does not match its last entry ({end})")
    points = [*anchors, *([Anchor(expect_head, "the expected head")] if expect_head is not None else [])]
    for anchor in points:
        noted = anchor.head
        if noted.seq > end:
            return broken(end + 1, f"the chain ends at {end}, before the head {noted.seq} noted in "
                                   f"{anchor.source}: entries at the end were removed")
        if noted.seq >= 1:
            found = session.execute(select(audit_log.c.hash).where(audit_log.c.seq == noted.seq)).scalar_one()
            if found != noted.hash:
                return broken(noted.seq, f"entry {noted.seq}'s hash differs from the one noted in "
                                         f"{anchor.source}: the chain was rewritten")
    if unchained:
        return Verdict(False, count, end, prev, end + 1,
                       f"{unchained} entries were added without a place in the chain")
    return Verdict(True, count, end, prev)


def parse_head(text: str) -> Head:
    """``SEQ:HASH`` as given to ``--expect-head``."""
    seq, sep, digest = text.partition(":")
    if not sep or not seq.isdigit() or len(digest) != 64:
        raise ValueError(f"expected SEQ:HASH (a number, a colon, 64 hex digits), got {text!r}")
    return Head(int(seq), digest.lower())
