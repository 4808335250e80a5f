"""Domain-level fixtures: the server's own pipeline over SQLite and PostgreSQL, no sockets."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from server.persistence.db import Database
from server.persistence.migrate import migrate
from tests.server.databases import FAST_POSTGRES_URL, require_postgres, sqlite_database, truncate_all
from tests.server.world import World


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[Database]:
    """The PostgreSQL test database, migrated once per session."""
    require_postgres()
    db = Database(FAST_POSTGRES_URL)
    migrate(db)
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated database of each kind."""
    if request.param == "sqlite":
        database = sqlite_database(tmp_path / "db")
        yield database
        database.dispose()
    else:
        database = request.getfixturevalue("postgres_database")
        truncate_all(database)
        yield database


@pytest.fixture
def world(db: Database, tmp_path: Path) -> Iterator[World]:
    """Users of every role, a meeting they take part in, and a meeting they do not."""
    w = World.build(db, tmp_path)
    yield w
    w.close()


@pytest.fixture
def fresh_world(db: Database, tmp_path: Path) -> Iterator[Callable[[], World]]:
    """Makes a new World on an empty database each time it is called (one per hypothesis
    example, so that an example replays exactly: same ids, same state)."""
    made: list[tuple[World, Database]] = []

    def make() -> World:
        for world, database in made:
            world.close()
            if database is not db:
                database.dispose()
        made.clear()
        if db.is_sqlite:
            database = sqlite_database(tmp_path / f"example-{uuid.uuid4().hex}")
        else:
            truncate_all(db)
            database = db
        world = World.build(database, tmp_path, foreign=False)
        made.append((world, database))
        return world

    yield make
    for world, database in made:
        world.close()
        if database is not db:
            database.dispose()
