"""Reading the audit log: filtered pages for the viewer, every entry for an export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from server.persistence.audit_chain import canonical_time
from server.persistence.models import AuditEntry, User

CSV_COLUMNS = ["seq", "at", "actor_id", "actor", "action", "meeting_id", "details", "prev_hash", "hash"]
MAX_PAGE = 500


@dataclass(frozen=True)
class AuditFilter:
    """Which entries: all of them unless narrowed."""

    meeting_id: int | None = None
    action: str | None = None
    """An exact action, or a prefix ending in a dot (``poll.`` for every poll entry)."""
    user_id: int | None = None
    since: datetime | None = None


def _query(flt: AuditFilter) -> Select[AuditEntry, str]:
    query = (select(AuditEntry, User.username).outerjoin(User, User.id == AuditEntry.actor_id)
             .where(AuditEntry.seq.is_not(None)))
    if flt.meeting_id is not None:
        query = query.where(AuditEntry.meeting_id == flt.meeting_id)
    if flt.action:
        query = query.where(AuditEntry.action.startswith(flt.action, autoescape=True)
                            if flt.action.endswith(".") else AuditEntry.action == flt.action)
    if flt.user_id is not None:
        query = query.where(AuditEntry.actor_id == flt.user_id)
    if flt.since is not None:
        query = query.where(AuditEntry.at >= flt.since)
    return query


def entry_view(entry: AuditEntry, username: str | None) -> dict[str, Any]:
    """One entry as JSON: what the viewer shows and the export writes."""
    return {"seq": entry.seq, "at": canonical_time(entry.at), "actor_id": entry.actor_id, "actor": username,
            "action": entry.action, "meeting_id": entry.meeting_id, "details": entry.details,
            "prev_hash": entry.prev_hash, "hash": entry.hash}


def page(session: Session, flt: AuditFilter, before_seq: int | None = None,
         limit: int = 100) -> dict[str, Any]:
    """Newest first, ``limit`` entries below ``before_seq``; ``next_before_seq`` for the next page."""
    limit = max(1, min(limit, MAX_PAGE))
    query = _query(flt)
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    rows = session.execute(query.order_by(AuditEntry.seq.desc()).limit(limit + 1)).all()
    entries = [entry_view(entry, username) for entry, username in rows[:limit]]
    more = len(rows) > limit
    return {"entries": entries, "next_before_seq": entries[-1]["seq"] if more and entries else None}


def actions(session: Session) -> list[str]:
    """Every action name recorded so far, for the viewer's filter."""
    return list(session.execute(select(AuditEntry.action).distinct().order_by(AuditEntry.action)).scalars())


def actors(session: Session) -> list[dict[str, Any]]:
    """Every user who has an entry, for the viewer's filter."""
    ids = select(AuditEntry.actor_id).where(AuditEntry.actor_id.is_not(None)).distinct()
    rows = session.execute(select(User.id, User.username, User.full_name).where(User.id.in_(ids))
                           .order_by(User.username))
    return [{"id": r.id, "username": r.username, "full_name": r.full_name} for r in rows]


def iter_entries(session: Session, flt: AuditFilter, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every matching entry in chain order, read in batches."""
    after = 0
    while True:
        rows = session.execute(_query(flt).where(AuditEntry.seq > after)
                               .order_by(AuditEntry.seq).limit(batch)).all()
        if not rows:
            return
        for entry, username in rows:
            yield entry_view(entry, username)
        after = rows[-1][0].seq or after


def _blank(value: int | None) -> int | str:
    return "" if value is None else value


def csv_header() -> str:
    """The CSV's first line."""
    return csv_lines([], header=True)


def csv_lines(entries: list[dict[str, Any]], header: bool = False) -> str:
    """Entries as CSV lines (details as compact JSON), with the header line if asked."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if header:
        writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow([e["seq"], e["at"], _blank(e["actor_id"]), e["actor"] or "",
                         e["action"], _blank(e["meeting_id"]),
                         json.dumps(e["details"], ensure_ascii=False, sort_keys=True),
                         e["prev_hash"], e["hash"]])
    return out.getvalue()


def jsonl_line(entry: dict[str, Any]) -> str:
    """One entry as a JSON Lines line."""
    return json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
