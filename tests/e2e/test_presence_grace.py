"""A dropped socket keeps its user online for the presence grace period.

Real server processes started with ``--presence-grace``: a delegate whose connection drops
and comes back within the grace never goes offline for the others; one who stays away goes
offline when it ends; and after a restart the returning room makes no presence events at
all, so nobody has anything of the kind to replay.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import DEMO_USERS
from tests.e2e.helpers import Client, join_all, login, new_meeting
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

GRACE = 3.0


@pytest.fixture(scope="module")
def graceful(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path_factory.mktemp("graceful"), presence_grace=GRACE)
    process.copy_database_from(seeded_sqlite)
    with process.running():
        yield process


@pytest.fixture(scope="module")
def accounts(graceful: ServerProcess) -> tuple[dict[str, str], dict[str, int]]:
    answers = {name: login(graceful, name) for name in DEMO_USERS}
    return ({name: a["token"] for name, a in answers.items()},
            {name: a["user"]["id"] for name, a in answers.items()})


def presence_events(client: Client, meeting_id: int, after: int) -> list[dict[str, object]]:
    return [e["data"] for e in client.meeting_events(meeting_id, after) if e["type"] == "presence.changed"]


def test_a_blip_is_not_a_departure_but_staying_away_is(
        graceful: ServerProcess, accounts: tuple[dict[str, str], dict[str, int]]) -> None:
    tokens, users = accounts

    async def scenario() -> None:
        admin = await Client(graceful, tokens["admin"], "admin").connect()
        chair = await Client(graceful, tokens["chair"], "chair").connect()
        delegate = await Client(graceful, tokens["delegate1"], "delegate1").connect()
        meeting = await new_meeting(admin, users)
        seq = await join_all([chair, delegate], meeting.id)

        await delegate.close()  # the Wi-Fi drops ...
        back = await Client(graceful, tokens["delegate1"], "delegate1 back").connect()
        answer = await back.ok("meeting.join", {"meeting_id": meeting.id, "since_seq": seq})
        assert answer["events"] == [], "nothing happened while the delegate was away"
        # ... and the old socket's grace period runs out while the new one is connected:
        # waiting out that time is the behaviour under test, not synchronisation.
        await asyncio.sleep(GRACE + 1)
        assert presence_events(chair, meeting.id, seq) == [], "the delegate never went offline"
        await back.close()
        gone = {"user_id": users["delegate1"], "online": False}
        await chair.wait_for(lambda: gone in presence_events(chair, meeting.id, seq),
                             "the delegate who stayed away to go offline", timeout=GRACE + 10)
        assert presence_events(chair, meeting.id, seq) == [gone], "exactly one departure, no flapping"
        for client in (admin, chair):
            await client.close()

    asyncio.run(scenario())


def _people(join_answer: dict[str, object]) -> dict[int, bool]:
    snapshot = join_answer["snapshot"]
    assert isinstance(snapshot, dict)
    return {p["user_id"]: p["online"] for p in snapshot["participants"]}


def test_a_room_returning_after_a_restart_replays_no_presence(
        graceful: ServerProcess, accounts: tuple[dict[str, str], dict[str, int]]) -> None:
    tokens, users = accounts
    room = ["chair", "secretary", "delegate2", "delegate3"]

    async def scenario() -> None:
        admin = await Client(graceful, tokens["admin"], "admin").connect()
        meeting = await new_meeting(admin, users)
        await admin.close()
        clients = [await Client(graceful, tokens[name], name).connect() for name in room]
        seq = await join_all(clients, meeting.id)
        await asyncio.to_thread(graceful.stop)
        for client in clients:
            await client.disconnected()
        await asyncio.to_thread(graceful.start)
        returned = [await Client(graceful, tokens[name], f"{name} again").connect() for name in room]
        answers = [await c.ok("meeting.join", {"meeting_id": meeting.id, "since_seq": seq}) for c in returned]
        assert [a["events"] for a in answers] == [[]] * len(room)
        fresh = await returned[0].ok("meeting.join", {"meeting_id": meeting.id})
        online = _people(fresh)
        assert all(online[users[name]] for name in room)
        for client in returned:
            await client.close()

    asyncio.run(scenario())
