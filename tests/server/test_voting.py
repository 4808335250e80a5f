"""Voting through the server's pipeline on SQLite and PostgreSQL: ballots, tallies, each
majority rule, weights, proxies, choices and comments, changing a vote, turnout events."""

from __future__ import annotations

import uuid

import pytest

from tests.server.voting import add_member, close, create, live, opened, poll_of, vote
from tests.server.world import World


def test_a_poll_is_created_as_a_draft_with_the_default_options(world: World) -> None:
    poll = create(world, agenda_item_id=world.meeting.items[2] if world.meeting else None)
    assert poll["status"] == "draft" and poll["result"] is None and poll["ballots"] == 0
    assert [(o["id"], o["text"], o["comment"]) for o in poll["options"]] == [
        (1, "Tán thành", False), (2, "Không tán thành", False), (3, "Ý kiến khác", True)]
    assert poll_of(world, poll["id"], "delegate") == poll
    assert world.events()[-1]["type"] == "poll.changed"


def test_ballots_are_counted_and_the_simple_majority_decides(world: World) -> None:
    live(world)
    poll = opened(world)
    receipts = [vote(world, "chair", poll["id"], [1]), vote(world, "delegate", poll["id"], [1]),
                vote(world, "delegate2", poll["id"], [3], comment="Cần bổ sung kinh phí")]
    result = close(world, poll["id"])
    assert result["counts"] == {"1": 2, "2": 0, "3": 1}
    assert (result["ballots"], result["weight_cast"], result["members"], result["eligible"]) == (3, 3, 3, 3)
    assert result["threshold"] == 2 and result["passed"] is True
    assert result["receipts"] == sorted(receipts)
    assert result["comments"] == [{"option_id": 3, "text": "Cần bổ sung kinh phí"}]
    ids = world.users
    assert result["votes"] == sorted([{"user_id": ids["chair"], "option_ids": [1], "comment": None},
                                      {"user_id": ids["delegate"], "option_ids": [1], "comment": None},
                                      {"user_id": ids["delegate2"], "option_ids": [3],
                                       "comment": "Cần bổ sung kinh phí"}], key=lambda v: v["user_id"])
    closed = poll_of(world, poll["id"], "observer")
    assert closed["status"] == "closed" and closed["result"] == result and closed["closed_at"]


@pytest.mark.parametrize(("majority", "yes", "no", "passed"), [
    ("simple", 2, 1, True),       # 2 > 3/2
    ("simple", 1, 1, False),      # a tie is not a majority
    ("absolute", 2, 0, False),    # 2 of 5 members: not more than half of all
    ("absolute", 3, 0, True),
    ("two_thirds", 3, 1, False),  # 3 < 10/3 of 5 members
    ("two_thirds", 4, 0, True),
])
def test_each_majority_rule(world: World, majority: str, yes: int, no: int, passed: bool) -> None:
    for n in range(2):
        add_member(world, f"member{n}")  # five members in all
    live(world)
    poll = opened(world, majority=majority)
    voters = ["chair", "delegate", "delegate2", "member0", "member1"]
    for user in voters[:yes]:
        vote(world, user, poll["id"], [1])
    for user in voters[yes:yes + no]:
        vote(world, user, poll["id"], [2])
    result = close(world, poll["id"])
    assert result["rule"] == majority and result["members"] == 5
    assert result["passed"] is passed, result


def test_weights_count_in_a_weighted_poll_only(world: World) -> None:
    add_member(world, "heavy", weight=5)
    live(world)
    weighted = opened(world, weighted=True, majority="absolute")
    vote(world, "heavy", weighted["id"], [1])
    vote(world, "chair", weighted["id"], [2])
    result = close(world, weighted["id"])
    assert result["counts"]["1"] == 5 and result["weight_cast"] == 6 and result["members_weight"] == 8
    assert result["threshold"] == 5 and result["passed"] is True
    plain = opened(world, majority="absolute")
    vote(world, "heavy", plain["id"], [1])
    vote(world, "chair", plain["id"], [2])
    assert close(world, plain["id"])["counts"] == {"1": 1, "2": 1, "3": 0}


def test_a_quorum_of_ballots_is_needed(world: World) -> None:
    live(world)
    poll = opened(world, quorum=3)
    vote(world, "chair", poll["id"], [1])
    vote(world, "delegate", poll["id"], [1])
    result = close(world, poll["id"])
    assert result["quorum_reached"] is False and result["passed"] is False


def test_a_proxy_votes_for_the_member_they_represent(world: World) -> None:
    absent = add_member(world, "absent", site=1, present=False)
    world.ok("secretary", "attendance.set", {"meeting_id": world.main, "user_id": absent, "status": "absent"})
    set_proxy(world, absent, "delegate")
    live(world)
    poll = opened(world)
    vote(world, "delegate", poll["id"], [1])
    vote(world, "delegate", poll["id"], [2], voter_id=absent)
    world.refused("delegate2", "poll.vote", {"poll_id": poll["id"], "option_ids": [1], "voter_id": absent,
                                             "ballot_id": str(uuid.uuid4())}, "forbidden")
    world.refused("delegate", "poll.vote", {"poll_id": poll["id"], "option_ids": [1], "voter_id": absent,
                                            "ballot_id": str(uuid.uuid4())}, "conflict")
    result = close(world, poll["id"])
    assert poll_of(world, poll["id"])["voted"] == [world.users["delegate"], absent]
    assert result["counts"] == {"1": 1, "2": 1, "3": 0} and result["eligible"] == 4
    assert {"user_id": absent, "option_ids": [2], "comment": None} in result["votes"]


def set_proxy(world: World, member: int, proxy: str) -> None:
    """Name ``proxy`` to represent ``member`` (attendance.set_proxy arrives with issue 6; the
    column is on main)."""
    from server.persistence.models import Participant

    with world.db.write() as session:
        row = session.query(Participant).filter_by(meeting_id=world.main, user_id=member).one()
        row.proxy_user_id = world.users[proxy]
