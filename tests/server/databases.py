"""The two databases the server runs on, made clean for a test: SQLite and PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from server.persistence.db import Database
from server.persistence.migrate import migrate
from server.persistence.models import Base

POSTGRES_URL = os.environ.get("MEETING_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("MEETING_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")

# The domain tests commit thousands of small transactions: on the test database they need
# not wait for the disk (a crash of the test machine loses nothing worth keeping).
FAST_POSTGRES_URL = (POSTGRES_URL + ("&" if "?" in POSTGRES_URL else "?")
                     + "options=-csynchronous_commit%3Doff")

_reachable: dict[str, bool] = {}


def postgres_reachable() -> bool:
    """Whether the test PostgreSQL answers (asked once per session)."""
    if "postgres" not in _reachable:
        import psycopg

        url = make_url(POSTGRES_URL).set(drivername="postgresql")
        try:
            psycopg.connect(url.render_as_string(hide_password=False), connect_timeout=3).close()
            _reachable["postgres"] = True
        except psycopg.Error:
            _reachable["postgres"] = False
    return _reachable["postgres"]


def redis_reachable() -> bool:
    """Whether the test Redis answers (asked once per session)."""
    if "redis" not in _reachable:
        import redis

        try:
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
            _reachable["redis"] = True
        except redis.RedisError:
            _reachable["redis"] = False
    return _reachable["redis"]


def require_postgres() -> None:
    if not postgres_reachable():
        pytest.skip(f"PostgreSQL is not running at {POSTGRES_URL}")


def require_redis() -> None:
    if not redis_reachable():
        pytest.skip(f"Redis is not running at {REDIS_URL}")


def truncate_all(db: Database) -> None:
    """Empty every table and restart every id at 1 (PostgreSQL)."""
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


def clean_postgres() -> None:
    """The test database migrated to the newest schema and empty."""
    require_postgres()
    db = Database(POSTGRES_URL)
    try:
        migrate(db)
        truncate_all(db)
    finally:
        db.dispose()


def sqlite_database(directory: Path) -> Database:
    """A new SQLite database file, migrated."""
    directory.mkdir(parents=True, exist_ok=True)
    db = Database(f"sqlite:///{directory / 'meetings.db'}")
    migrate(db)
    return db
