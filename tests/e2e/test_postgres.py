"""The core flows and a restart on PostgreSQL (one process)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from tests.e2e import document_scenarios, scenarios
from tests.e2e.conftest import DEMO_USERS
from tests.e2e.helpers import login
from tests.server.databases import POSTGRES_URL, clean_postgres
from tests.support.server_process import ServerProcess

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

Accounts = tuple[dict[str, str], dict[str, int]]


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    clean_postgres()
    process = ServerProcess(tmp_path_factory.mktemp("pg"), database_url=POSTGRES_URL)
    process.seed_demo()
    process.start()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="module")
def accounts(pg_server: ServerProcess) -> Accounts:
    answers = {name: login(pg_server, name) for name in DEMO_USERS}
    return ({name: a["token"] for name, a in answers.items()},
            {name: a["user"]["id"] for name, a in answers.items()})


def test_core_flows_on_postgres(pg_server: ServerProcess, accounts: Accounts) -> None:
    tokens, users = accounts
    asyncio.run(scenarios.run_core_flows(lambda _: pg_server, tokens, users))


@pytest.mark.parametrize("down", ["stop", "kill"])
def test_state_and_seq_survive_a_restart_on_postgres(pg_server: ServerProcess, down: str,
                                                     accounts: Accounts) -> None:
    tokens, users = accounts
    asyncio.run(scenarios.survives(pg_server, down, tokens, users, swept_at_start=False))


def test_documents_reach_only_their_readers_on_postgres(pg_server: ServerProcess, accounts: Accounts) -> None:
    tokens, users = accounts
    asyncio.run(document_scenarios.restricted_documents_reach_only_their_readers(
        lambda _: pg_server, tokens, users))
