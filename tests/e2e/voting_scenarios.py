"""Many voters at once against a real server process: every acknowledged ballot counted,
none twice, the tally equal to the ballots committed and to the receipts published.

Setup goes straight to the database (as the World harness does): login tokens for the
demo's chair and delegates (200 argon2 logins would take longer than the voting), and the
members marked present before anyone joins.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import socketio
from sqlalchemy import func, select, update

from server.domain.accounts import token_digest
from server.persistence.db import Database, sqlite_url
from server.persistence.models import (
    Meeting,
    Participant,
    PollBallot,
    PollSeal,
    PollVoter,
    Token,
    User,
    utcnow,
)
from tests.e2e.helpers import Client
from tests.support.server_process import ServerProcess

MEETING_ID = 1
"""The demo meeting."""
VOTE_TIMEOUT = 5.0
"""An unanswered ballot (a dead server) is sent again after this long."""


def database_of(server: ServerProcess) -> Database:
    return Database(server.database_url or sqlite_url(server.data_dir))


def prepare(server: ServerProcess, delegates: int) -> dict[str, str]:
    """Tokens for the chair and ``delegate1..N`` (all marked present); name -> token."""
    names = ["chair", *(f"delegate{i}" for i in range(1, delegates + 1))]
    tokens = {name: secrets.token_urlsafe(32) for name in names}
    db = database_of(server)
    try:
        with db.write() as session:
            ids = dict(session.execute(select(User.username, User.id).where(User.username.in_(names))).all())
            for name, token in tokens.items():
                session.add(Token(user_id=ids[name], token_hash=token_digest(token),
                                  expires_at=utcnow() + timedelta(hours=2)))
            session.execute(update(Participant).where(
                Participant.meeting_id == MEETING_ID, Participant.role.in_(["chair", "delegate"]))
                .values(attendance="present"))
    finally:
        db.dispose()
    return tokens


def stored_counts(server: ServerProcess, poll_id: int) -> tuple[int, int]:
    """(ballots, voter rows) of a poll: its ballot rows and, until a secret poll closes, its
    sealed ballots."""
    db = database_of(server)
    try:
        with db.read() as session:
            readable = session.scalar(select(func.count()).select_from(PollBallot)
                                      .where(PollBallot.poll_id == poll_id))
            sealed = session.scalar(select(func.count()).select_from(PollSeal)
                                    .where(PollSeal.poll_id == poll_id))
            ballots = (readable or 0) + (sealed or 0)
            voters = session.scalar(select(func.count()).select_from(PollVoter)
                                    .where(PollVoter.poll_id == poll_id))
            return int(ballots or 0), int(voters or 0)
    finally:
        db.dispose()


def meeting_live(server: ServerProcess) -> bool:
    db = database_of(server)
    try:
        with db.read() as session:
            return session.scalar(select(Meeting.status).where(Meeting.id == MEETING_ID)) == "live"
    finally:
        db.dispose()


async def connect(server: ServerProcess, name: str, token: str) -> Client:
    client = await Client(server, token, name).connect()
    await client.ok("meeting.join", {"meeting_id": MEETING_ID})
    return client


async def connect_all(server: ServerProcess, tokens: dict[str, str], names: list[str],
                      concurrency: int = 10) -> dict[str, Client]:
    """Connect and join everyone. Connecting is set-up, not what these tests check: on a
    loaded machine a connection refused at the handshake is tried once more."""
    gate = asyncio.Semaphore(concurrency)

    async def one(name: str) -> tuple[str, Client]:
        async with gate:
            try:
                return name, await connect(server, name, tokens[name])
            except socketio.exceptions.ConnectionError:
                return name, await connect(server, name, tokens[name])

    return dict(await asyncio.gather(*(one(name) for name in names)))


async def open_poll(chair: Client, **fields: Any) -> int:
    """A new secret poll on the demo meeting, opened (the meeting started if need be)."""
    answer = await chair.call("meeting.start", {"meeting_id": MEETING_ID})
    assert answer["ok"] or answer["error"]["code"] == "conflict", answer  # already live
    poll = (await chair.ok("poll.create", {"meeting_id": MEETING_ID, "question": "Thông qua Kế hoạch?",
                                           "secret": True, "majority": "simple", **fields}))["poll"]
    await chair.ok("poll.open", {"poll_id": poll["id"]})
    return int(poll["id"])


@dataclass
class Voter:
    """One voter's ballot and what became of it."""

    name: str
    choice: int
    ballot_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    receipt: str | None = None
    refused: str | None = None
    """The error code, when the server refused the ballot."""
    sends: int = 0

    def payload(self, poll_id: int) -> dict[str, Any]:
        return {"poll_id": poll_id, "option_ids": [self.choice], "ballot_id": self.ballot_id}


async def cast(client: Client, voter: Voter, poll_id: int) -> None:
    """Send the ballot and record its answer."""
    voter.sends += 1
    answer = await client.sio.call("poll.vote", voter.payload(poll_id), timeout=VOTE_TIMEOUT)
    if answer["ok"]:
        assert voter.receipt in (None, answer["data"]["receipt"]), "a re-sent ballot has the same receipt"
        voter.receipt = answer["data"]["receipt"]
    else:
        voter.refused = answer["error"]["code"]


async def cast_until_answered(server: ServerProcess, clients: dict[str, Client], tokens: dict[str, str],
                              voter: Voter, poll_id: int, deadline: float = 40.0) -> None:
    """Retry the same ballot (same ballot_id) over a new socket until it is answered: what a
    client does after a lost acknowledgement, a disconnect, or a server restart."""
    loop = asyncio.get_running_loop()
    end = loop.time() + deadline
    while voter.receipt is None and voter.refused is None:
        client = clients.get(voter.name)
        try:
            if client is None or not client.sio.connected:
                client = clients[voter.name] = await connect(server, voter.name, tokens[voter.name])
            await cast(client, voter, poll_id)
        except Exception:  # the server is down or restarting: try again shortly
            if loop.time() > end:
                raise
            await asyncio.sleep(0.2 + random.random() * 0.3)


def expected_counts(voters: list[Voter], options: int = 3) -> dict[str, int]:
    counts = {str(n): 0 for n in range(1, options + 1)}
    for voter in voters:
        if voter.receipt is not None:
            counts[str(voter.choice)] += 1
    return counts


async def wait_closed(clients: list[Client], poll_id: int) -> None:
    """Every connected client gets the poll's result."""
    for client in clients:
        if client.sio.connected:
            await client.wait_for(lambda c=client: any(  # type: ignore[misc]
                e["type"] == "poll.closed" and e["data"]["poll_id"] == poll_id for e in c.events),
                "poll.closed", timeout=20)


async def close_all(clients: list[Client]) -> None:
    await asyncio.gather(*(client.close() for client in clients), return_exceptions=True)
