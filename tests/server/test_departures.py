"""A closed socket's departure that fails (the database restarting) is tried again until it
succeeds: a live process's rows are swept by nobody else, so a departure given up would
leave its user online for good."""

from __future__ import annotations

import asyncio

import pytest

from server.transport import departures
from server.transport.departures import Departures


class FlakyDatabase:
    """``depart`` fails while ``down``; records what it removed."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.attempts = 0
        self.removed: list[tuple[str, int | None]] = []

    async def depart(self, sid: str, meeting_id: int | None) -> None:
        self.attempts += 1
        if self.failures > 0:
            self.failures -= 1
            raise ConnectionError("the database is restarting")
        self.removed.append((sid, meeting_id))


async def until(condition: object, timeout: float = 5.0) -> None:
    async def poll() -> None:
        while not condition():  # type: ignore[operator]
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout)


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(departures, "RETRY_SECONDS", (0.01, 0.02))


@pytest.mark.parametrize("grace", [0.0, 0.05])
def test_a_failed_departure_is_tried_again_until_it_succeeds(grace: float) -> None:
    database = FlakyDatabase(failures=3)

    async def scenario() -> None:
        waiting = Departures(grace, database.depart)
        await waiting.closed("sid-1", 7)
        await until(lambda: database.removed == [("sid-1", 7)])
        assert database.attempts == 4 and len(waiting) == 0

    asyncio.run(scenario())


def test_a_departure_still_failing_at_shutdown_is_left_to_the_sweep() -> None:
    database = FlakyDatabase(failures=1_000_000)

    async def scenario() -> None:
        waiting = Departures(0.0, database.depart)
        await waiting.closed("sid-2", 7)
        await until(lambda: database.attempts >= 3)
        await waiting.stop()
        attempts = database.attempts
        await asyncio.sleep(0.1)
        assert database.attempts == attempts and len(waiting) == 0 and database.removed == []

    asyncio.run(scenario())
