"""SIGKILL the server in the middle of things: a burst of commands, a large upload, a poll's
close. After a restart nothing acknowledged is lost, nothing is half done, and clients that
send again what was not acknowledged (same ``request_id``, same ballot) get it carried out
exactly once."""

from __future__ import annotations

import asyncio
import hashlib
import socket
import uuid
from pathlib import Path
from typing import Any

import pytest

from server.persistence.models import Poll
from tests.e2e.documents import TunedServer, download, multipart, upload
from tests.e2e.helpers import Client, Meeting, new_meeting
from tests.e2e.voting_scenarios import (
    Voter,
    close_all,
    connect_all,
    database_of,
    expected_counts,
    open_poll,
    prepare,
    stored_counts,
)
from tests.fault.accounts import accounts
from tests.fault.calls import call_or_lost
from tests.fault.files import big_pdf, blob_names, document_rows
from tests.support.server_process import wait_until

pytestmark = pytest.mark.e2e

WRITERS = ["admin", "chair", "secretary"]
KILL_AFTER = 15
"""Acknowledged commands before the kill."""


async def log_of(client: Client, meeting_id: int) -> list[dict[str, Any]]:
    """Every event of the meeting, from the server's log (a catch-up from seq 0)."""
    answer = await client.ok("meeting.join", {"meeting_id": meeting_id, "since_seq": 0})
    events = list(answer["events"])
    assert [e["seq"] for e in events] == list(range(1, answer["seq"] + 1)), "the log has a gap"
    return events


def titles(snapshot: dict[str, Any]) -> list[str]:
    return [item["title"] for item in snapshot["agenda"]]


async def burst_then_kill(server: TunedServer) -> None:
    tokens, users = accounts(server)
    admin = await Client(server, tokens["admin"], "admin").connect()
    meeting: Meeting = await new_meeting(admin, users)
    await admin.close()
    writers = [await Client(server, tokens[name], name).connect() for name in WRITERS]
    sent: dict[str, dict[str, Any]] = {}
    acknowledged: dict[str, int] = {}
    """request_id -> the id of the item its answer gave."""
    enough = asyncio.Event()

    async def write(client: Client) -> None:
        for n in range(200):
            payload = {"meeting_id": meeting.id, "title": f"{client.name} {n}",
                       "request_id": str(uuid.uuid4())}
            sent[payload["request_id"]] = payload
            answer = await call_or_lost(client, "agenda.add_item", payload)
            if answer is None:
                return  # the server died with this one in flight
            assert answer["ok"], answer
            acknowledged[payload["request_id"]] = answer["data"]["item"]["id"]
            if len(acknowledged) >= KILL_AFTER:
                enough.set()

    burst = asyncio.gather(*(write(client) for client in writers))
    await asyncio.wait_for(enough.wait(), 30)
    await asyncio.to_thread(server.kill)  # commands of all three writers are in flight
    await asyncio.wait_for(burst, 30)
    unanswered = [rid for rid in sent if rid not in acknowledged]
    assert unanswered, "every writer had a command in flight"
    await close_all(writers)

    await asyncio.to_thread(server.start)
    chair = await Client(server, tokens["chair"], "chair").connect()
    try:
        events = await log_of(chair, meeting.id)  # seq 1..N, no gap
        agendas = [e["data"]["agenda"] for e in events if e["type"] == "agenda.changed"]
        logged = {item["id"] for item in agendas[-1]}  # the log's newest agenda
        snapshot = (await chair.ok("meeting.join", {"meeting_id": meeting.id}))["snapshot"]
        stored = {item["id"]: item["title"] for item in snapshot["agenda"]}
        for rid, item_id in acknowledged.items():
            assert stored.get(item_id) == sent[rid]["title"], "an acknowledged command was lost"
        assert set(acknowledged.values()) <= logged, "an acknowledged command is not in the log"

        # Each writer sends again what it did not see answered, then, as a client unsure of
        # everything would, the acknowledged ones too: the same request_ids.
        again = [await Client(server, tokens[name], name).connect() for name in WRITERS]
        by_name = {client.name: client for client in again}
        last = (await chair.ok("meeting.join", {"meeting_id": meeting.id}))["seq"]
        for rid in [*unanswered, *acknowledged]:
            payload = sent[rid]
            answer = await by_name[payload["title"].split()[0]].ok("agenda.add_item", payload)
            if rid in acknowledged:
                assert answer["item"]["id"] == acknowledged[rid], "a repeat answered something else"
        final = await chair.ok("meeting.join", {"meeting_id": meeting.id})
        every = titles(final["snapshot"])
        for payload in sent.values():
            assert every.count(payload["title"]) == 1, f"{payload['title']} not applied exactly once"
        assert len(every) == len(meeting.items) + len(sent)
        # Only the commands the crash swallowed made new events; the log still has no gap.
        assert final["seq"] - last <= len(unanswered)
        await log_of(chair, meeting.id)
        await close_all(again)
    finally:
        await chair.close()


def test_a_kill_during_a_burst_of_commands_loses_nothing_acknowledged(server: TunedServer) -> None:
    asyncio.run(burst_then_kill(server))


def test_a_kill_during_a_large_upload_leaves_it_absent_and_the_retry_succeeds(
        server: TunedServer, tmp_path: Path) -> None:
    tokens, users = accounts(server)

    async def meeting() -> Meeting:
        admin = await Client(server, tokens["admin"], "admin").connect()
        try:
            return await new_meeting(admin, users)
        finally:
            await admin.close()

    made = asyncio.run(meeting())
    content = big_pdf(tmp_path / "ban-do.pdf", 6)
    before_rows, before_blobs = document_rows(server), blob_names(server)
    body, content_type = multipart({"title": "Bản đồ quy hoạch"}, "ban-do.pdf", content, "application/pdf")
    head = (f"POST /api/meetings/{made.id}/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {tokens['secretary']}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    temp = server.blob_dir / "tmp"
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(head + body[: len(body) // 2])  # half the file, then the server dies
        wait_until(lambda: any(p.stat().st_size > 1024 * 1024 for p in temp.glob("*.part")), 20,
                   message="the upload to reach the disk")
        server.kill()
    assert document_rows(server) == before_rows
    assert blob_names(server) == before_blobs, "a partial file under a blob's name"

    server.start()
    assert document_rows(server) == before_rows and blob_names(server) == before_blobs
    # What a temporary file of the crash holds is nobody's document; the retry succeeds.
    status, answer = upload(server, tokens["secretary"], made.id, content, filename="ban-do.pdf",
                            title="Bản đồ quy hoạch")
    assert status == 201, answer
    stored = download(server, tokens["chair"], answer["document"]["id"])
    assert stored.status == 200 and hashlib.sha256(stored.body).digest() == hashlib.sha256(content).digest()
    assert document_rows(server) == (before_rows[0] + 1, before_rows[1] + 1)


def poll_state(server: TunedServer, poll_id: int) -> tuple[str, dict[str, Any] | None]:
    db = database_of(server)
    try:
        with db.read() as session:
            poll = session.get(Poll, poll_id)
            assert poll is not None
            return poll.status, poll.result
    finally:
        db.dispose()


async def vote(client: Client, voter: Voter, poll_id: int) -> None:
    """Send the ballot; record its receipt or refusal (nothing if the server died first)."""
    answer = await call_or_lost(client, "poll.vote", voter.payload(poll_id))
    if answer is not None and answer["ok"]:
        voter.receipt = answer["data"]["receipt"]
    elif answer is not None:
        voter.refused = answer["error"]["code"]


async def close_then_kill(server: TunedServer, tokens: dict[str, str], moment: str) -> None:
    """Ballots in flight, the close sent, and the server killed: at once (``sent``: the close
    is on its way or running) or as the close's event goes out (``broadcast``: committed,
    its answer perhaps not sent)."""
    names = [name for name in tokens if name != "chair"]
    clients = await connect_all(server, tokens, ["chair", *names])
    chair = clients["chair"]
    poll_id = await open_poll(chair)
    voters = [Voter(name, 1 + n % 3) for n, name in enumerate(names)]
    voting = asyncio.gather(*(vote(clients[v.name], v, poll_id) for v in voters[: len(voters) // 2]))

    async def two_receipts() -> None:
        while sum(v.receipt is not None for v in voters) < 2:
            await asyncio.sleep(0.005)

    await asyncio.wait_for(two_receipts(), 20)
    late = asyncio.gather(*(vote(clients[v.name], v, poll_id) for v in voters[len(voters) // 2:]))
    closing = asyncio.ensure_future(call_or_lost(chair, "poll.close", {"poll_id": poll_id}))
    if moment == "broadcast":
        watcher = clients[names[0]]
        await watcher.wait_for(lambda: any(e["type"] == "poll.closed" for e in watcher.events), "poll.closed")
    await asyncio.to_thread(server.kill)
    closed_answer = await closing
    await asyncio.gather(voting, late)
    acknowledged = [v for v in voters if v.receipt is not None]
    await close_all(list(clients.values()))

    await asyncio.to_thread(server.start)
    status, result = poll_state(server, poll_id)
    ballots, voter_rows = stored_counts(server, poll_id)
    assert ballots == voter_rows, "a ballot without its voter, or the reverse"
    assert ballots >= len(acknowledged), "an acknowledged ballot was lost"
    if moment == "broadcast" or (closed_answer is not None and closed_answer["ok"]):
        assert status == "closed", "the close was sent to clients or answered, but not kept"
    if status == "open":
        assert result is None, "an open poll with a result"
        chair = (await connect_all(server, tokens, ["chair"]))["chair"]
        try:
            result = (await chair.ok("poll.close", {"poll_id": poll_id}))["result"]
        finally:
            await chair.close()
    assert status in ("open", "closed"), status
    # Closed, with a complete result: every stored ballot counted, every acknowledged one in it.
    assert result is not None and result["ballots"] == ballots
    receipts = set(result["receipts"])
    assert {v.receipt for v in acknowledged} <= receipts
    assert sum(result["counts"].values()) == ballots
    if closed_answer is not None and closed_answer["ok"]:
        answered = closed_answer["data"]["result"]
        assert (answered["ballots"], answered["receipts"]) == (result["ballots"], result["receipts"])
    if len(receipts) == len(acknowledged):
        assert result["counts"] == expected_counts(voters)


@pytest.mark.parametrize("moment", ["sent", "broadcast"])
def test_a_kill_while_a_poll_closes_leaves_it_open_or_closed_whole(server: TunedServer, moment: str) -> None:
    tokens = prepare(server, 6)
    asyncio.run(close_then_kill(server, tokens, moment))
