"""The server tells each participant what they may do (the snapshot's ``you.capabilities``),
and tells them again, in ``capabilities.changed``, when a change alters it: their role, the
floor, their global roles. The sets are written out here, not computed: they are the
rights table as a participant sees it (docs/security.md, "Capabilities")."""

from __future__ import annotations

from typing import Any

import pytest

from protocol.capabilities import Capability as C
from protocol.reducer import apply_events
from tests.server.world import World

ANYONE = {C.LIST_MEETINGS, C.TRACK_ACTIONS, C.SEARCH}
PARTICIPANT = ANYONE | {C.TAKE_PART, C.READ_DOCUMENTS}
VOICE = {C.REQUEST_FLOOR, C.VOTE}
OFFICER = PARTICIPANT | VOICE | {
    C.EDIT_MEETING, C.EDIT_AGENDA, C.RECORD_ATTENDANCE, C.MANAGE_DOCUMENTS, C.REVIEW_COMMENTS,
    C.SPEAK_FOR_OTHERS, C.ORDER_QUEUE, C.WATCH_SITES, C.PREPARE_POLLS, C.WRITE_MINUTES}
EXPECTED: dict[str, set[C]] = {
    "chair": OFFICER | {C.RUN_MEETING, C.NAME_PROXY, C.PRESENT, C.GIVE_FLOOR, C.END_SPEECH, C.RUN_POLLS,
                        C.APPROVE_MINUTES},
    "secretary": OFFICER | {C.MANAGE_PARTICIPANTS, C.FIND_PEOPLE},
    "site_secretary": OFFICER - {C.ORDER_QUEUE} | {C.MANAGE_PARTICIPANTS, C.FIND_PEOPLE},
    "delegate": PARTICIPANT | VOICE | {C.NAME_PROXY},
    "observer": PARTICIPANT,
    "admin": set(C) - VOICE,
    "organizer": ANYONE | {C.CREATE_MEETINGS, C.EDIT_MEETING, C.MANAGE_PARTICIPANTS, C.FIND_PEOPLE},
    "outsider": ANYONE,
}


def you(world: World, user: str) -> dict[str, Any]:
    return dict(world.snapshot(user)["you"])


def holds(world: World, user: str) -> set[C]:
    return {C(name) for name in you(world, user)["capabilities"]}


def site_secretary(world: World) -> str:
    """A secretary at the meeting's second (remote) site."""
    assert world.meeting is not None
    world.add_user("site_secretary")
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": world.users["site_secretary"],
                                          "role": "secretary", "site_id": world.meeting.sites[1]})
    return "site_secretary"


def changes(world: World, since: int) -> list[dict[str, Any]]:
    return [e["data"] for e in world.events(since=since) if e["type"] == "capabilities.changed"]


@pytest.mark.parametrize("user", ["chair", "secretary", "delegate", "observer", "admin", "organizer",
                                  "outsider"])
def test_each_role_is_sent_what_it_holds(world: World, user: str) -> None:
    snap_you = you(world, user)
    assert snap_you["capabilities"] == sorted(snap_you["capabilities"]), "a sorted list of values"
    assert holds(world, user) == EXPECTED[user]
    assert snap_you["managed_site_id"] is None


def test_a_site_secretary_is_told_their_site_and_does_not_order_the_queue(world: World) -> None:
    assert world.meeting is not None
    name = site_secretary(world)
    assert holds(world, name) == EXPECTED["site_secretary"]
    assert you(world, name)["managed_site_id"] == world.meeting.sites[1]
    # The server refuses what the capabilities leave out, and what is outside their site.
    world.refused(name, "speaker.reorder", {"meeting_id": world.main, "kind": "speak", "request_ids": []},
                  "forbidden")
    world.refused(name, "speaker.request", {"meeting_id": world.main, "kind": "speak",
                                            "user_id": world.users["delegate2"]}, "forbidden")
    world.ok(name, "speaker.request", {"meeting_id": world.main, "kind": "speak",
                                       "user_id": world.users["delegate"]})


def test_a_role_change_sends_the_new_capabilities_before_the_change(world: World) -> None:
    seq = world.seq()
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": world.users["delegate"],
                                          "role": "observer"})
    events = world.events(since=seq)
    assert [e["type"] for e in events][:2] == ["capabilities.changed", "participant.changed"]
    assert events[0]["data"] == {"user_id": world.users["delegate"],
                                 "capabilities": sorted(c.value for c in EXPECTED["observer"]),
                                 "managed_site_id": None}
    assert holds(world, "delegate") == EXPECTED["observer"]
    # A change that alters nothing they hold sends nothing (the weight of a delegate).
    seq = world.seq()
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": world.users["delegate2"],
                                          "role": "delegate", "voting_weight": 3})
    assert changes(world, seq) == []


def test_a_move_to_a_remote_site_scopes_a_secretary(world: World) -> None:
    assert world.meeting is not None
    seq = world.seq()
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": world.users["secretary"],
                                          "role": "secretary", "site_id": world.meeting.sites[2]})
    (change,) = changes(world, seq)
    assert change["managed_site_id"] == world.meeting.sites[2]
    assert C.ORDER_QUEUE.value not in change["capabilities"]


def test_removal_and_return(world: World) -> None:
    seq = world.seq()
    world.ok("admin", "participant.remove", {"meeting_id": world.main, "user_id": world.users["delegate"]})
    types = [e["type"] for e in world.events(since=seq)]
    assert types.index("capabilities.changed") < types.index("participant.removed"), \
        "told before they leave the room"
    assert holds(world, "delegate") == ANYONE
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": world.users["delegate"],
                                          "role": "chair"})
    assert holds(world, "delegate") == EXPECTED["chair"]


def test_the_floor_gives_and_takes_presenting_and_ending(world: World) -> None:
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    seq = world.seq()
    world.ok("chair", "speaker.grant", {"meeting_id": world.main, "user_id": world.users["delegate"]})
    assert changes(world, seq) == [{"user_id": world.users["delegate"], "managed_site_id": None,
                                    "capabilities": sorted(c.value for c in EXPECTED["delegate"]
                                                           | {C.PRESENT, C.END_SPEECH})}]
    seq = world.seq()
    world.ok("chair", "speaker.grant", {"meeting_id": world.main, "user_id": world.users["chair"]})
    # The chair holds both anyway: only the delegate hears of it.
    assert [c["user_id"] for c in changes(world, seq)] == [world.users["delegate"]]
    assert holds(world, "delegate") == EXPECTED["delegate"]
    world.ok("chair", "speaker.grant", {"meeting_id": world.main, "user_id": world.users["delegate2"]})
    seq = world.seq()
    world.ok("chair", "meeting.end", {"meeting_id": world.main})
    assert [c["user_id"] for c in changes(world, seq)] == [world.users["delegate2"]]


def test_a_global_role_change_is_told_in_each_of_their_meetings(world: World) -> None:
    assert world.foreign is not None
    world.ok("admin", "participant.set", {"meeting_id": world.foreign.id, "user_id": world.users["delegate"],
                                          "role": "observer"})
    seqs = {meeting: world.seq(meeting) for meeting in (world.main, world.foreign.id)}
    world.ok("admin", "user.update", {"user_id": world.users["delegate"], "is_organizer": True})
    for meeting, seq in seqs.items():
        told = [e["data"] for e in world.events(meeting, since=seq)]
        assert [t["user_id"] for t in told] == [world.users["delegate"]]
        assert C.CREATE_MEETINGS.value in told[0]["capabilities"]
    assert holds(world, "delegate") == EXPECTED["delegate"] | EXPECTED["organizer"]


def test_the_events_reproduce_the_snapshots_you(world: World) -> None:
    """Applied to an old snapshot, the events give the capabilities a new snapshot has."""
    before = {user: world.snapshot(user) for user in ("delegate", "secretary", "observer")}
    seq = world.seq()
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    world.ok("chair", "speaker.grant", {"meeting_id": world.main, "user_id": world.users["delegate"]})
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": world.users["observer"],
                                          "role": "secretary"})
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": world.users["delegate"],
                                          "role": "observer"})
    for user, old in before.items():
        assert apply_events(old, world.events_for(user, since=seq))["you"] == you(world, user)
