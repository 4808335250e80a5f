"""A secret poll: nothing in the database, the event log or the stored answers links a voter
to a choice; the receipts published at the close match the ballots one for one."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import inspect, select

from server.persistence.models import CommandResult, PollBallot, PollSeal, PollVoter
from tests.server.voting import add_member, close, live, opened, vote
from tests.server.world import World


def test_nothing_links_a_secret_ballot_to_its_voter(world: World) -> None:
    for n in range(4):
        add_member(world, f"member{n}")
    live(world)
    poll = opened(world, secret=True)
    choices = {"chair": [1], "delegate": [2], "delegate2": [3], "member0": [1], "member1": [1],
               "member2": [2], "member3": [1]}
    receipts = {}
    for user, option_ids in choices.items():
        payload = {"poll_id": poll["id"], "option_ids": option_ids, "ballot_id": str(uuid.uuid4()),
                   "request_id": str(uuid.uuid4())}
        if option_ids == [3]:
            payload["comment"] = "Ý kiến riêng"
        receipts[user] = world.ok(user, "poll.vote", payload)["receipt"]
    before_close = world.events()

    with world.db.read() as session:
        columns = {c["name"] for c in inspect(session.get_bind()).get_columns("poll_ballots")}
        assert columns == {"id", "poll_id", "option_ids", "comment", "weight", "receipt", "voter_id"}
        ballots = session.scalars(select(PollBallot).where(PollBallot.poll_id == poll["id"])).all()
        assert ballots == [], "no readable ballot before the close"
        sealed = session.scalars(select(PollSeal.sealed).where(PollSeal.poll_id == poll["id"])).all()
        assert len(sealed) == 7 and len({len(s) for s in sealed}) == 1, "one seal each, all of one size"
        for blob in sealed:  # neither the receipt, the choice nor the comment can be read
            assert not any(r.encode() in blob for r in receipts.values())
            assert "Ý kiến riêng".encode() not in blob and b"option" not in blob
        voter_columns = {c["name"] for c in inspect(session.get_bind()).get_columns("poll_voters")}
        assert voter_columns == {"id", "poll_id", "voter_id", "cast_by", "site_id", "at"}, "no choice"
        assert len(session.scalars(select(PollVoter).where(PollVoter.poll_id == poll["id"])).all()) == 7
        stored = session.scalars(select(CommandResult).where(CommandResult.command == "poll.vote")).all()
        assert stored == [], "poll.vote answers are never stored (they would link user and receipt)"

    for event in before_close:  # turnout and who voted, never a choice or a receipt
        text = json.dumps(event["data"])
        assert "option_ids" not in text and "receipt" not in text and "Ý kiến riêng" not in text
    progress = [e["data"] for e in before_close if e["type"] == "poll.progress"]
    keys = {"poll_id", "user_ids", "user_id", "ballots", "by_site"}
    assert progress and all(set(d) == keys for d in progress)

    result = close(world, poll["id"])
    with world.db.read() as session:
        ballots = session.scalars(select(PollBallot).where(PollBallot.poll_id == poll["id"])).all()
        assert len(ballots) == 7 and all(b.voter_id is None for b in ballots)
        assert all(len(b.id) == 36 and b.id.count("-") == 4 for b in ballots), "random uuids, not sequential"
        assert session.scalars(select(PollSeal).where(PollSeal.poll_id == poll["id"])).all() == []
    voted = [u for e in world.events() if e["type"] == "poll.progress" for u in e["data"]["user_ids"]]
    assert voted == [world.users[user] for user in choices], "who voted, in order, each once"
    assert result["counts"] == {"1": 4, "2": 2, "3": 1}
    assert result["receipts"] == sorted(receipts.values()) and len(result["receipts"]) == result["ballots"]
    assert result["votes"] == [], "a secret poll publishes no votes"
    assert result["comments"] == [{"option_id": 3, "text": "Ý kiến riêng"}]


def test_the_receipt_is_the_same_after_a_restart_and_differs_per_ballot(world: World) -> None:
    live(world)
    poll = opened(world, secret=True)
    payload = {"poll_id": poll["id"], "option_ids": [1], "ballot_id": str(uuid.uuid4())}
    first = world.ok("delegate", "poll.vote", payload)["receipt"]
    # Another process (another pipeline on the same database) computes the same receipt.
    again = world.run_in_this_thread("delegate", "poll.vote", payload)
    assert again == {"ok": True, "data": {"receipt": first}}
    other = vote(world, "chair", poll["id"], [1])
    assert len(first) == 16 and other != first
