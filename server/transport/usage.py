"""When each token was last used: remembered in memory, written at most once a minute.

The idle timeout needs every use of a token: each HTTP call, each socket connect, each
command and heartbeat (a client in a meeting beats every 2 s). A write per use would cost
a transaction per heartbeat, so a use is only remembered here, and the session sweep
writes the remembered uses in one statement per kind, each token at most once per
``AuthPolicy.usage_interval`` (a minute; less when the idle timeout is tiny). The written
time may lag the truth by that interval, far below the idle timeout.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, update

from server.persistence.db import Database
from server.persistence.models import Token, utcnow


class TokenUsage:
    """One process's token uses not yet written, by token id (sockets) or digest (HTTP)."""

    def __init__(self, interval: timedelta) -> None:
        self._interval = interval.total_seconds()
        self._by_id: dict[int, datetime] = {}
        self._by_digest: dict[str, datetime] = {}
        self._written: dict[int | str, float] = {}
        """When each token's use was last taken for writing (monotonic seconds)."""

    def _due(self, key: int | str) -> bool:
        last = self._written.get(key)
        return last is None or time.monotonic() - last >= self._interval

    def touch(self, token_id: int) -> None:
        """A socket used its token (a command, a heartbeat)."""
        if self._due(token_id):
            self._by_id[token_id] = utcnow()

    def touch_digest(self, digest: str) -> None:
        """An HTTP call used a token, known by its sha256."""
        if self._due(digest):
            self._by_digest[digest] = utcnow()

    @property
    def waiting(self) -> int:
        """Uses not yet written."""
        return len(self._by_id) + len(self._by_digest)

    def take(self) -> tuple[dict[int, datetime], dict[str, datetime]]:
        """The uses to write, handed over; each token is not taken again for an interval."""
        by_id, by_digest = self._by_id, self._by_digest
        self._by_id, self._by_digest = {}, {}
        now = time.monotonic()
        # Forget what is past its interval, so the map holds only recently written tokens.
        self._written = {k: at for k, at in self._written.items() if now - at < self._interval}
        keys: list[int | str] = [*by_id, *by_digest]
        for key in keys:
            self._written[key] = now
        return by_id, by_digest

    @staticmethod
    def write(db: Database, by_id: dict[int, datetime], by_digest: dict[str, datetime]) -> None:
        """Write the uses (executemany); a later use already written is not overwritten."""
        if not by_id and not by_digest:
            return
        table = cast(Table, Token.__table__)
        at = bindparam("u_at", type_=table.c.last_used_at.type)
        newer = (table.c.last_used_at.is_(None)) | (table.c.last_used_at < at)
        with db.write() as session:
            connection = session.connection()
            if by_id:
                statement = (update(table).where(table.c.id == bindparam("u_id"), newer)
                             .values(last_used_at=at))
                connection.execute(statement, [{"u_id": k, "u_at": v} for k, v in by_id.items()])
            if by_digest:
                statement = (update(table).where(table.c.token_hash == bindparam("u_hash"), newer)
                             .values(last_used_at=at))
                connection.execute(statement, [{"u_hash": k, "u_at": v} for k, v in by_digest.items()])
