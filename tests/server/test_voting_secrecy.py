"""A secret poll: nothing in the database, the event log or the stored answers links a voter
to a choice; the receipts published at the close match the ballots one for one."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag
from sqlalchemy import inspect, select, text

from server.domain.voting import seals
from server.domain.voting.exposure import exposed_weights
from server.persistence.models import CommandResult, PollBallot, PollSeal, PollVoter
from tests.server.voting import add_member, close, create, live, opened, poll_of, vote
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


def test_the_voting_order_orders_no_ballot(world: World) -> None:
    """Who voted when is public (the audit log, poll_voters, poll.progress); it pairs with no
    ballot: the readable ballots are written at the close in random order under random ids."""
    names = [f"member{n}" for n in range(9)]
    for name in names:
        add_member(world, name)
    live(world)
    poll = opened(world, secret=True)
    in_order = [vote(world, user, poll["id"], [1 + n % 3]) for n, user in
                enumerate(["chair", "delegate", "delegate2", *names])]
    close(world, poll["id"])
    ballots = select(PollBallot).where(PollBallot.poll_id == poll["id"])
    with world.db.read() as session:
        stored = [b.receipt for b in session.scalars(ballots)]
        by_id = [b.receipt for b in session.scalars(ballots.order_by(PollBallot.id))]
    assert sorted(stored) == sorted(in_order)
    assert stored != in_order and by_id != in_order  # 12 ballots: 1 in 479 001 600 by chance
    if not world.db.is_sqlite:  # PostgreSQL: one transaction wrote them all, in shuffled heap order
        with world.db.read() as session:
            rows = session.execute(text("SELECT xmin::text, receipt FROM poll_ballots WHERE poll_id = :p "
                                        "ORDER BY ctid"), {"p": poll["id"]}).all()
        assert len({xmin for xmin, _receipt in rows}) == 1
        assert [receipt for _xmin, receipt in rows] != in_order


def test_a_weight_that_gives_a_secret_ballot_away_warns_whoever_creates_it(world: World) -> None:
    heavy = add_member(world, "heavy", weight=100)
    live(world)
    answer = world.ok("chair", "poll.create", {"meeting_id": world.main, "question": "Bầu?", "secret": True,
                                               "majority": "simple", "weighted": True})
    assert [(w["code"], w["user_ids"], w["weights"]) for w in answer["warnings"]] == [
        ("weight_reveals_ballot", [heavy], {str(heavy): 100})]
    poll_id = answer["poll"]["id"]
    assert "warnings" in world.ok("chair", "poll.open", {"poll_id": poll_id})
    for user, choice in (("chair", 1), ("delegate", 1), ("delegate2", 1), ("heavy", 2)):
        vote(world, user, poll_id, [choice])
    assert close(world, poll_id)["counts"] == {"1": 3, "2": 100, "3": 0}, "what the warning foresaw"
    named = world.ok("chair", "poll.create", {"meeting_id": world.main, "question": "Công khai?",
                                              "secret": False, "majority": "simple", "weighted": True})
    assert "warnings" not in named, "a named poll shows every vote anyway"
    unweighted = create(world, secret=True)
    edited = world.ok("chair", "poll.update", {"poll_id": unweighted["id"], "question": "Bầu lại?"})
    assert "warnings" not in edited
    changed = world.ok("secretary", "poll.update", {"poll_id": unweighted["id"], "weighted": True})
    assert changed["warnings"][0]["user_ids"] == [heavy]


def test_which_weights_every_tally_shows() -> None:
    assert exposed_weights([100, 1, 1, 1]) == {100}
    assert exposed_weights([2, 2, 3]) == {3}, "odd counts are the 3's"
    assert exposed_weights([1, 2, 2]) == {1}
    assert exposed_weights([1, 1, 2]) == set(), "a count of 2 may be the 2 or both 1s"
    assert exposed_weights([1, 1, 1, 1]) == set() and exposed_weights([5]) == set()


def test_seals_whose_key_is_gone_are_not_counted_short(world: World, tmp_path: Path) -> None:
    """A database restored without the key directory: the close says why it cannot count,
    rather than a result missing acknowledged ballots."""
    live(world)
    seals.configure(world.db.engine, tmp_path / "keys")
    try:
        poll = opened(world, secret=True)
        vote(world, "delegate", poll["id"], [1])
        assert (tmp_path / "keys" / f"poll-{poll['id']}.key").is_file()
        (tmp_path / "keys" / f"poll-{poll['id']}.key").unlink()
        seals.configure(world.db.engine, tmp_path / "keys")  # as a server restarted on the restored database
        message = world.refused("chair", "poll.close", {"poll_id": poll["id"]}, "conflict")
        assert "cannot be opened" in message and poll_of(world, poll["id"])["status"] == "open"
    finally:
        seals.forget_directory(world.db.engine)


def test_every_seal_has_one_size_and_opens_to_what_was_sealed() -> None:
    key = bytes(range(32))
    largest = seals.Opened(tuple(range(2_147_483_600, 2_147_483_650)), "😀\"\\" * 666 + "ạ", 1000,
                           "0123456789abcdef")
    smallest = seals.Opened((1,), None, 1, "fedcba9876543210")
    sealed = [seals.seal(key, 7, list(b.option_ids), b.comment, b.weight, b.receipt)
              for b in (largest, smallest)]
    assert len(sealed[0]) == len(sealed[1])
    assert [seals.open_sealed(key, 7, s) for s in sealed] == [largest, smallest]
    with pytest.raises(InvalidTag):
        seals.open_sealed(key, 8, sealed[0])  # a seal moved to another poll does not open
