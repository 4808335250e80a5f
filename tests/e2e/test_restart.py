"""State lives in the database: a restarted server, even one killed outright, serves the
same meeting with nothing lost and the seq going on where it stopped."""

from __future__ import annotations

import asyncio

import pytest

from tests.e2e.scenarios import survives
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("down", ["stop", "kill"])
def test_state_and_seq_survive_a_restart(server: ServerProcess, logins: dict[str, dict[str, object]],
                                         user_ids: dict[str, int], down: str) -> None:
    tokens = {name: str(answer["token"]) for name, answer in logins.items()}
    asyncio.run(survives(server, down, tokens, user_ids, swept_at_start=True))
