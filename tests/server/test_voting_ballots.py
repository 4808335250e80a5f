"""A ballot's rules: choices, comments, re-sent ballots, changing a vote, who and when."""

from __future__ import annotations

import uuid

from tests.server.voting import close, create, live, opened, poll_of, vote
from tests.server.world import World


def ballot(poll_id: int, option_ids: list[int], **extra: object) -> dict[str, object]:
    return {"poll_id": poll_id, "option_ids": option_ids, "ballot_id": str(uuid.uuid4()), **extra}


def test_choices_between_min_and_max_of_known_options(world: World) -> None:
    live(world)
    options = ["Phương án A", "Phương án B", {"text": "Khác", "comment": True}]
    poll = opened(world, options=options, min_choices=1, max_choices=2)
    pid = poll["id"]
    for wrong in ([], [1, 2, 3], [4], [1, 1]):
        world.refused("chair", "poll.vote", ballot(pid, wrong), "invalid")
    world.refused("chair", "poll.vote", ballot(pid, [1], comment="Không có chỗ cho ý kiến"), "invalid")
    vote(world, "chair", pid, [1, 2])
    vote(world, "delegate", pid, [2, 3], comment="Nên tách thành hai giai đoạn")
    result = close(world, pid)
    assert result["counts"] == {"1": 1, "2": 2, "3": 1} and result["ballots"] == 2


def test_a_re_sent_ballot_gets_the_same_receipt_and_counts_once(world: World) -> None:
    live(world)
    pid = opened(world)["id"]
    payload = ballot(pid, [1])
    first = world.ok("delegate", "poll.vote", payload)
    seq = world.seq()
    assert world.ok("delegate", "poll.vote", payload) == first
    assert world.seq() == seq, "a re-sent ballot changes nothing"
    message = world.refused("delegate", "poll.vote", ballot(pid, [2]), "conflict")
    assert "already voted" in message.lower()
    world.refused("delegate2", "poll.vote", payload, "conflict")  # someone else's ballot_id
    assert close(world, pid)["counts"] == {"1": 1, "2": 0, "3": 0}


def test_allow_change_replaces_a_named_ballot_without_turnout(world: World) -> None:
    live(world)
    pid = opened(world, allow_change=True)["id"]
    vote(world, "delegate", pid, [1])
    seq = world.seq()
    changed = vote(world, "delegate", pid, [2])
    assert world.seq() == seq, "a changed vote sends no progress"
    result = close(world, pid)
    assert result["counts"] == {"1": 0, "2": 1, "3": 0} and result["receipts"] == [changed]


def test_secret_polls_refuse_allow_change(world: World) -> None:
    payload = {"meeting_id": world.main, "question": "Bầu?", "secret": True, "majority": "simple",
               "allow_change": True}
    assert "secret" in world.refused("chair", "poll.create", payload, "invalid")
    poll = create(world, secret=True)
    world.refused("chair", "poll.update", {"poll_id": poll["id"], "allow_change": True}, "invalid")


def test_who_votes_in_a_meeting_poll(world: World) -> None:
    live(world, present=("chair", "delegate"))
    pid = opened(world)["id"]
    for user in ("observer", "secretary", "delegate2", "admin"):  # not members, or not present
        world.refused(user, "poll.vote", ballot(pid, [1]), "forbidden")
    world.refused("outsider", "poll.vote", ballot(pid, [1]), "not_found")
    world.ok("delegate2", "attendance.check_in", {"meeting_id": world.main})
    vote(world, "delegate2", pid, [1])


def test_a_draft_conflicts_and_a_closed_poll_is_closed(world: World) -> None:
    live(world)
    draft = create(world)
    world.refused("chair", "poll.vote", ballot(draft["id"], [1]), "conflict")
    world.refused("chair", "poll.close", {"poll_id": draft["id"]}, "conflict")
    world.ok("chair", "poll.open", {"poll_id": draft["id"]})
    world.refused("chair", "poll.update", {"poll_id": draft["id"], "question": "Sửa"}, "conflict")
    world.refused("chair", "poll.delete", {"poll_id": draft["id"]}, "conflict")
    close(world, draft["id"])
    world.refused("delegate", "poll.vote", ballot(draft["id"], [1]), "closed")
    world.refused("chair", "poll.close", {"poll_id": draft["id"]}, "closed")
    world.refused("chair", "poll.open", {"poll_id": draft["id"]}, "closed")


def test_one_open_meeting_poll_at_a_time_and_only_while_live(world: World) -> None:
    first, second = create(world), create(world)
    world.refused("chair", "poll.open", {"poll_id": first["id"]}, "conflict")  # not live yet
    live(world)
    world.ok("chair", "poll.open", {"poll_id": first["id"]})
    assert "close it first" in world.refused("chair", "poll.open", {"poll_id": second["id"]}, "conflict")
    close(world, first["id"])
    world.ok("chair", "poll.open", {"poll_id": second["id"]})


def test_open_with_seconds_sets_the_deadline(world: World) -> None:
    live(world)
    poll = create(world, duration_seconds=90)
    opened_poll = world.ok("chair", "poll.open", {"poll_id": poll["id"]})["poll"]
    assert opened_poll["status"] == "open" and opened_poll["closes_at"] is not None
    assert poll_of(world, poll["id"], "delegate")["closes_at"] == opened_poll["closes_at"]


def test_drafts_are_edited_and_deleted(world: World) -> None:
    poll = create(world, user="secretary")
    edited = world.ok("secretary", "poll.update", {"poll_id": poll["id"], "question": "Câu hỏi mới",
                                                   "options": ["Đồng ý", "Không đồng ý"], "secret": True})
    assert edited["poll"]["question"] == "Câu hỏi mới" and edited["poll"]["secret"] is True
    assert [o["text"] for o in edited["poll"]["options"]] == ["Đồng ý", "Không đồng ý"]
    world.refused("secretary", "poll.update", {"poll_id": poll["id"], "max_choices": 3}, "invalid")
    world.refused("secretary", "poll.update", {"poll_id": poll["id"], "agenda_item_id": 999_999}, "invalid")
    world.refused("secretary", "poll.update", {"poll_id": poll["id"], "question": None}, "invalid")
    world.ok("secretary", "poll.delete", {"poll_id": poll["id"]})
    assert world.snapshot("delegate")["polls"] == []
    last = world.events()[-1]
    assert (last["type"], last["data"]) == ("poll.removed", {"poll_id": poll["id"]})


def test_the_ready_check(world: World) -> None:
    poll = create(world)
    check = world.ok("secretary", "poll.check", {"poll_id": poll["id"]})
    assert check["ready"] is False and "The meeting is not live" in check["problems"]
    assert (check["members"], check["eligible"]) == (3, 0)
    live(world, present=("chair", "delegate"))
    for user in ("chair", "delegate"):
        world.ok(user, "meeting.join", {"meeting_id": world.main}, sid=world.connect(user))
    check = world.ok("chair", "poll.check", {"poll_id": poll["id"]})
    assert check == {"ready": True, "problems": [], "members": 3, "eligible": 2, "online_eligible": 2,
                     "quorum": {"rule": "more_than_half", "required": 2, "counted": 2, "reached": True}}
    world.refused("delegate", "poll.check", {"poll_id": poll["id"]}, "forbidden")
