"""End-to-end fixtures: real server processes shared by the tests of a module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.helpers import login
from tests.support.server_process import ServerProcess

DEMO_USERS = ["admin", "chair", "secretary", "observer1", *(f"delegate{i}" for i in range(1, 7))]


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with the demo seeded once (hashing ten passwords takes seconds)."""
    template = ServerProcess(tmp_path_factory.mktemp("seeded"))
    template.seed_demo()
    return template.data_dir


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[ServerProcess]:
    """One server on SQLite with the demo users, for the tests of a module."""
    process = ServerProcess(tmp_path_factory.mktemp("server"))
    process.copy_database_from(seeded_sqlite)
    with process.running():
        yield process


@pytest.fixture(scope="module")
def logins(server: ServerProcess) -> dict[str, dict[str, object]]:
    """A login (token and user) for every demo user, made once per module."""
    return {name: login(server, name) for name in DEMO_USERS}


@pytest.fixture(scope="module")
def user_ids(logins: dict[str, dict[str, object]]) -> dict[str, int]:
    return {name: int(answer["user"]["id"]) for name, answer in logins.items()}  # type: ignore[index]
