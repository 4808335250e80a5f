"""Ballot receipts: HMAC-SHA256(server key, "poll_id:ballot_id"), 16 hex characters.

The key is made once and kept in the database (``server_secrets``), so every server
process and every restart computes the same receipt for a re-sent ballot without any
stored link between a voter and their ballot_id.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from server.persistence.models import ServerSecret

KEY_NAME = "ballot_receipts"
RECEIPT_CHARS = 16


_known: WeakKeyDictionary[Engine, bytes] = WeakKeyDictionary()
"""The key per database (engine), once read: it never changes, so a ballot reads no row."""


def receipt_key(session: Session) -> bytes:
    """The receipts' key, made on first use (two processes racing agree on the first)."""
    engine = session.get_bind().engine
    if (known := _known.get(engine)) is not None:
        return known
    value = session.scalar(select(ServerSecret.value).where(ServerSecret.name == KEY_NAME))
    if value is not None:
        # Remembered only once read as committed: a key made in this transaction could yet
        # be rolled back, and another process's key would win.
        _known[engine] = key = bytes.fromhex(value)
        return key
    insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(ServerSecret).values(name=KEY_NAME, value=secrets.token_hex(32))
                    .on_conflict_do_nothing(index_elements=["name"]))
    value = session.scalar(select(ServerSecret.value).where(ServerSecret.name == KEY_NAME))
    assert value is not None
    return bytes.fromhex(value)


def receipt(key: bytes, poll_id: int, ballot_id: str) -> str:
    """The receipt of one ballot."""
    digest = hmac.new(key, f"{poll_id}:{ballot_id}".encode(), hashlib.sha256).hexdigest()
    return digest[:RECEIPT_CHARS]
