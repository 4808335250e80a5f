"""Issue 17.3: reading SQLite's write-ahead log during a secret vote, as a database
administrator could, pairs no voter with a ballot. A real server process on SQLite; the
test reads ``meetings.db-wal`` after every acknowledged ballot and after the close, splits
it into commits, and shows that no commit adds both a voter's record and a ballot.

What a commit *adds* is what appears in it and in no earlier commit: a WAL frame is a whole
page, so a page rewritten later still shows its older rows. A voter's record is their audit
entry (``"voter_id": N``, written in the voter's commit); a ballot is its receipt, which
every readable ballot row carries (the sealed form written in the voter's commit does not
show it). Without the sealing, each voter's commit adds both.
"""

from __future__ import annotations

import asyncio
import re

import pytest

from tests.e2e.voting_scenarios import Voter, cast, connect, open_poll, prepare
from tests.support.server_process import ServerProcess
from tests.support.sqlite_wal import Commit, commits

pytestmark = pytest.mark.e2e

VOTER = re.compile(rb'"voter_id": (\d+)')


def log_of(server: ServerProcess) -> dict[tuple[tuple[int, int], int], Commit]:
    """The commits now in the server's WAL, by log (salts) and position."""
    return {(c.salts, c.index): c for c in commits(server.data_dir / "meetings.db-wal")}


def test_no_commit_in_the_wal_holds_a_voter_and_a_ballot(server: ServerProcess) -> None:
    tokens = prepare(server, 5)
    names = ["chair", *(f"delegate{i}" for i in range(1, 6))]
    voters = [Voter(name, choice) for name, choice in zip(names, [1, 2, 1, 3, 1, 2], strict=True)]
    seen: dict[tuple[tuple[int, int], int], Commit] = {}
    # What the database file held before the vote: rows from there are not new in the log.
    earlier = (server.data_dir / "meetings.db").read_bytes()

    async def scenario() -> None:
        clients = {name: await connect(server, name, tokens[name]) for name in names}
        try:
            poll_id = await open_poll(clients["chair"])
            seen.update(log_of(server))
            for voter in voters:
                await cast(clients[voter.name], voter, poll_id)
                assert voter.receipt is not None, voter.refused
                seen.update(log_of(server))  # read during the vote, after each acknowledgement
            # The poll's sealing key is on disk beside the blobs (a crash keeps the ballots
            # it sealed), never in the database; it goes once the close is committed.
            key_file = server.data_dir / "blobs" / "ballot-seals" / f"poll-{poll_id}.key"
            key = key_file.read_bytes()
            database = b"".join(path.read_bytes() for path in server.data_dir.glob("meetings.db*"))
            assert len(key) == 32 and key not in database and key.hex().encode() not in database
            result = (await clients["chair"].ok("poll.close", {"poll_id": poll_id}))["result"]
            seen.update(log_of(server))
            assert not key_file.exists()
            assert result["ballots"] == 6 and sorted(result["receipts"]) == sorted(
                v.receipt for v in voters if v.receipt)
            assert result["counts"] == {"1": 3, "2": 2, "3": 1}
        finally:
            await asyncio.gather(*(c.close() for c in clients.values()), return_exceptions=True)

    asyncio.run(scenario())
    assert len({salts for salts, _index in seen}) == 1, "the log was checkpointed and restarted meanwhile"
    receipts = {v.receipt.encode() for v in voters if v.receipt}
    known_voters = {int(m) for m in VOTER.findall(earlier)}
    known_receipts = {r for r in receipts if r in earlier}
    assert not known_receipts
    adding_voters, adding_ballots = [], []
    for key in sorted(seen, key=lambda k: k[1]):
        pages = b"".join(seen[key].pages)
        new_voters = {int(m) for m in VOTER.findall(pages)} - known_voters
        new_ballots = {r for r in receipts if r in pages} - known_receipts
        assert not (new_voters and new_ballots), (
            f"commit {key[1]} adds voters {sorted(new_voters)} and {len(new_ballots)} ballots")
        if new_voters:
            adding_voters.append(new_voters)
        if new_ballots:
            adding_ballots.append(new_ballots)
        known_voters |= new_voters
        known_receipts |= new_ballots
    # The reading saw what it looks for: each voter's commit alone, then all six ballots at once.
    assert len(adding_voters) == 6 and all(len(added) == 1 for added in adding_voters)
    assert adding_ballots == [receipts], "the ballots are written in one batch, at the close"
