"""The event log: seq is gapless, a refusal costs nothing, a repeated request_id is one change."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest

from tests.server.world import World


def request_id() -> str:
    return str(uuid.uuid4())


def test_seq_counts_up_by_one_per_event_and_refusals_take_none(world: World) -> None:
    assert world.meeting is not None
    mid, (a, b, c) = world.main, world.meeting.items
    steps: list[tuple[str, str, dict[str, Any], bool]] = [
        ("delegate", "agenda.add_item", {"meeting_id": mid, "title": "x"}, False),        # forbidden
        ("chair", "agenda.set_current", {"meeting_id": mid, "item_id": b}, False),          # conflict
        ("chair", "meeting.start", {"meeting_id": mid}, True),                              # 2 events
        ("chair", "meeting.start", {"meeting_id": mid}, False),                             # conflict
        ("chair", "agenda.reorder", {"meeting_id": mid, "item_ids": [a, b]}, False),        # invalid
        ("chair", "agenda.reorder", {"meeting_id": mid, "item_ids": [c, b, a]}, True),
        ("outsider", "agenda.set_current", {"meeting_id": mid, "item_id": c}, False),       # not_found
        ("chair", "agenda.set_current", {"meeting_id": mid, "item_id": c}, True),
        ("chair", "agenda.set_current", {"meeting_id": mid, "item_id": c}, True),           # no change
        ("chair", "agenda.bogus", {"meeting_id": mid}, False),                              # unknown
        ("chair", "agenda.add_item", {"meeting_id": mid, "title": 5}, False),               # mistyped
        ("secretary", "attendance.set", {"meeting_id": mid, "user_id": world.users["delegate"],
                                         "status": "present"}, True),
    ]
    for user, command, payload, succeeds in steps:
        seq, count = world.seq(), world.event_count()
        envelope = world.run(user, command, payload)
        assert envelope["ok"] is succeeds, (command, envelope)
        if not succeeds:
            assert (world.seq(), world.event_count()) == (seq, count)
    events = world.events()
    assert [e["seq"] for e in events] == list(range(1, world.seq() + 1))
    assert all(e["meeting_id"] == mid and e["at"].endswith("Z") for e in events)


def test_each_meeting_counts_its_own_seq(world: World) -> None:
    assert world.foreign is not None
    main, foreign = world.seq(), world.seq(world.foreign.id)
    world.ok("outsider", "agenda.add_item", {"meeting_id": world.foreign.id, "title": "x"})
    assert (world.seq(), world.seq(world.foreign.id)) == (main, foreign + 1)


def test_repeated_request_id_returns_the_first_answer_and_changes_nothing(world: World) -> None:
    rid = request_id()
    payload = {"meeting_id": world.main, "title": "Mục bổ sung", "request_id": rid}
    first = world.run("secretary", "agenda.add_item", payload)
    assert first["ok"]
    seq, agenda = world.seq(), world.snapshot("chair")["agenda"]
    again = world.run("secretary", "agenda.add_item", payload)
    assert again == first
    assert world.seq() == seq
    assert world.snapshot("chair")["agenda"] == agenda
    # Even when the state has moved on since, the repeat is the same answer.
    world.ok("chair", "agenda.update_item", {"meeting_id": world.main, "item_id": first["data"]["item"]["id"],
                                             "title": "Đổi tên"})
    assert world.run("secretary", "agenda.add_item", payload) == first
    assert len(world.snapshot("chair")["agenda"]) == 4


def test_request_id_is_per_user_and_per_command(world: World) -> None:
    rid = request_id()
    world.ok("chair", "meeting.start", {"meeting_id": world.main, "request_id": rid})
    # Another user's request with the same id is another request.
    assert world.run("secretary", "agenda.add_item", {"meeting_id": world.main, "title": "x",
                                                      "request_id": rid})["ok"]
    # The same user reusing it for another command is a client bug, and refused.
    world.refused("chair", "agenda.add_item", {"meeting_id": world.main, "title": "x", "request_id": rid},
                  "invalid")


def test_a_request_id_reused_with_another_payload_is_refused(world: World) -> None:
    """The same key with a different payload is a client's mistake, not a retry: answered
    ``invalid`` and nothing changes (as payment APIs do), never the first answer silently."""
    rid = request_id()
    payload = {"meeting_id": world.main, "title": "Mục bổ sung", "request_id": rid}
    first = world.run("secretary", "agenda.add_item", payload)
    assert first["ok"]
    seq = world.seq()
    message = world.refused("secretary", "agenda.add_item", {**payload, "title": "Mục khác"}, "invalid")
    assert "different payload" in message
    assert world.seq() == seq
    assert [i["title"] for i in world.snapshot("chair")["agenda"]].count("Mục khác") == 0
    # Defaults count as given: the same request spelled out in full is the same request.
    assert world.run("secretary", "agenda.add_item", {**payload, "presenter": None}) == first
    # A refusal's key too.
    item = world.meeting.items[1]  # type: ignore[union-attr]
    refused = {"meeting_id": world.main, "item_id": item, "request_id": request_id()}
    world.refused("chair", "agenda.set_current", refused, "conflict")
    assert "different payload" in world.refused(
        "chair", "agenda.set_current", {**refused, "item_id": world.meeting.items[2]}, "invalid")  # type: ignore[union-attr]


def test_a_refusal_is_the_first_answer_too(world: World) -> None:
    """A retry after a lost acknowledgement learns the refusal its user was told about, even
    once the command would succeed; trying again is a new request with a new request_id."""
    item = world.meeting.items[1]  # type: ignore[union-attr]
    payload = {"meeting_id": world.main, "item_id": item, "request_id": request_id()}
    world.refused("chair", "agenda.set_current", payload, "conflict")
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    seq = world.seq()
    world.refused("chair", "agenda.set_current", payload, "conflict")
    assert world.seq() == seq
    world.ok("chair", "agenda.set_current", {**payload, "request_id": request_id()})
    assert world.snapshot("chair")["meeting"]["current_item_id"] == item


@pytest.mark.parametrize("twins", [2, 4])
def test_twin_requests_at_the_same_time_are_one_change(world: World, twins: int) -> None:
    """A client resending while the first attempt is still running: one change, one answer."""
    payload = {"meeting_id": world.main, "title": "Cùng lúc", "request_id": request_id()}
    seq = world.seq()
    answers: list[dict[str, Any]] = []
    barrier = threading.Barrier(twins)

    def send() -> None:
        barrier.wait()
        answers.append(world.run_in_this_thread("secretary", "agenda.add_item", payload))

    threads = [threading.Thread(target=send) for _ in range(twins)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(answers) == twins
    assert all(answer == answers[0] for answer in answers), answers
    assert answers[0]["ok"]
    assert world.seq() == seq + 1
    assert [i["title"] for i in world.snapshot("chair")["agenda"]].count("Cùng lúc") == 1


def test_concurrent_commands_get_distinct_gapless_seqs(world: World) -> None:
    """Writers from several threads (or processes) never share or skip a seq."""
    per_thread, threads = 5, 4
    seq = world.seq()
    errors: list[Any] = []

    def send(n: int) -> None:
        for i in range(per_thread):
            envelope = world.run_in_this_thread(
                "chair", "agenda.add_item", {"meeting_id": world.main, "title": f"{n}-{i}"})
            if not envelope["ok"]:
                errors.append(envelope)

    workers = [threading.Thread(target=send, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert errors == []
    events = world.events(since=seq)
    assert [e["seq"] for e in events] == list(range(seq + 1, seq + 1 + per_thread * threads))
    agenda = world.snapshot("chair")["agenda"]
    assert len(agenda) == 3 + per_thread * threads
    assert [item["position"] for item in agenda] == list(range(len(agenda)))
    # Each event saw the changes committed before it: the last one is the whole agenda.
    assert events[-1]["data"]["agenda"] == agenda


def test_concurrent_presence_changes_replay_to_the_final_state(world: World) -> None:
    """One user's sockets on two processes join, leave and close at the same time.

    Whatever the interleaving, the presence events, applied in seq order, must end where
    the database ends: a client would otherwise show someone online who is not.
    """
    from protocol.reducer import apply_events

    rounds = 80
    start_seq = world.seq()
    start = world.snapshot("chair")
    errors: list[Any] = []

    def laptop() -> None:  # opens a socket, joins, and closes it, again and again
        for _ in range(rounds):
            sid = world.connect("delegate")
            answer = world.run_in_this_thread("delegate", "meeting.join", {"meeting_id": world.main}, sid=sid)
            errors.extend([answer] if not answer["ok"] else [])
            world.disconnect_in_this_thread(sid)

    def tablet() -> None:  # one socket that joins and leaves, again and again
        sid = world.connect("delegate")
        for _ in range(rounds):
            for command in ("meeting.join", "meeting.leave"):
                answer = world.run_in_this_thread("delegate", command, {"meeting_id": world.main}, sid=sid)
                errors.extend([answer] if not answer["ok"] else [])

    workers = [threading.Thread(target=laptop), threading.Thread(target=tablet)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert errors == []
    events = world.events(since=start_seq)
    assert [e["seq"] for e in events] == list(range(start_seq + 1, world.seq() + 1))
    assert apply_events(start, events) == world.snapshot("chair")


def test_a_socket_whose_token_expired_is_refused_and_changes_nothing(world: World) -> None:
    from dataclasses import replace

    from server.persistence.models import utcnow

    world.conns["chair"] = replace(world.conns["chair"], token_expires_at=utcnow())
    message = world.refused("chair", "agenda.add_item", {"meeting_id": world.main, "title": "Muộn"},
                            "unauthenticated")
    assert "expired" in message
