"""Documents as participants see them live, on one SQLite server process."""

from __future__ import annotations

import asyncio

import pytest

from tests.e2e import document_scenarios
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def tokens(logins: dict[str, dict[str, object]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in logins.items()}


def test_restricted_documents_reach_only_their_readers(server: ServerProcess, tokens: dict[str, str],
                                                       user_ids: dict[str, int]) -> None:
    asyncio.run(document_scenarios.restricted_documents_reach_only_their_readers(
        lambda _: server, tokens, user_ids))
