"""One server process on SQLite, several participants' sockets: the live meeting as users see it."""

from __future__ import annotations

import asyncio

import pytest

from tests.e2e import scenarios
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def tokens(logins: dict[str, dict[str, object]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in logins.items()}


def test_everyone_sees_the_current_item_with_the_same_seq(server: ServerProcess, tokens: dict[str, str],
                                                          user_ids: dict[str, int]) -> None:
    asyncio.run(scenarios.everyone_sees_the_current_item(lambda _: server, tokens, user_ids))


def test_a_forbidden_attempt_emits_nothing(server: ServerProcess, tokens: dict[str, str],
                                           user_ids: dict[str, int]) -> None:
    asyncio.run(scenarios.a_refusal_emits_nothing(lambda _: server, tokens, user_ids))


def test_a_reconnecting_client_gets_exactly_what_it_missed(server: ServerProcess, tokens: dict[str, str],
                                                          user_ids: dict[str, int]) -> None:
    asyncio.run(scenarios.catching_up_after_a_reconnect(lambda _: server, tokens, user_ids))


def test_a_repeated_request_id_changes_nothing(server: ServerProcess, tokens: dict[str, str],
                                               user_ids: dict[str, int]) -> None:
    asyncio.run(scenarios.a_repeated_request_changes_nothing(lambda _: server, tokens, user_ids))
