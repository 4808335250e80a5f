"""Participants (participant.set/remove), attendance, and the presence derived from sockets."""

from __future__ import annotations

from typing import Any

from tests.server.world import World


def people(world: World, meeting_id: int | None = None) -> dict[int, dict[str, Any]]:
    return {p["user_id"]: p for p in world.snapshot("admin", meeting_id)["participants"]}


def test_add_a_participant(world: World) -> None:
    assert world.meeting is not None
    newcomer = world.users["newcomer"]
    seq = world.seq()
    answer = world.ok("organizer", "participant.set", {"meeting_id": world.main, "user_id": newcomer,
                                                       "role": "delegate", "site_id": world.meeting.sites[2],
                                                       "voting_weight": 3})["participant"]
    assert answer == {"user_id": newcomer, "full_name": "Người dùng newcomer", "username": "newcomer",
                      "role": "delegate", "site_id": world.meeting.sites[2], "voting_weight": 3,
                      "attendance": "unknown", "attendance_reason": None, "proxy_id": None, "online": False}
    assert people(world)[newcomer] == answer
    told, changed = world.events(since=seq)  # what they may do now, then the change
    assert told["type"] == "capabilities.changed" and told["data"]["user_id"] == newcomer
    assert changed == {**world.events()[-1], "type": "participant.changed", "data": {"participant": answer}}
    you = world.snapshot("newcomer")["you"]
    assert you == {"user_id": newcomer, "role": "delegate", "capabilities": told["data"]["capabilities"],
                   "managed_site_id": None}
    world.ok("newcomer", "meeting.join", {"meeting_id": world.main}, sid=world.connect("newcomer"))


def test_change_a_role_keeps_the_rest(world: World) -> None:
    delegate = world.users["delegate"]
    before = people(world)[delegate]
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": delegate, "role": "observer"})
    after = people(world)[delegate]
    assert after == {**before, "role": "observer"}
    assert world.snapshot("delegate")["you"]["role"] == "observer"
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": delegate, "role": "observer",
                                          "site_id": None})
    assert people(world)[delegate]["site_id"] is None


def test_participant_set_refusals(world: World) -> None:
    assert world.foreign is not None
    base = {"meeting_id": world.main, "role": "delegate"}
    world.refused("secretary", "participant.set", {**base, "user_id": 999_999}, "not_found")
    world.refused("secretary", "participant.set", {**base, "user_id": world.users["newcomer"],
                                                   "site_id": world.foreign.sites[0]}, "invalid")
    retired = world.add_user("retired", active=False)
    world.refused("secretary", "participant.set", {**base, "user_id": retired}, "not_found")


def test_remove_a_participant(world: World) -> None:
    delegate = world.users["delegate"]
    sid = world.connect("delegate")
    world.ok("delegate", "meeting.join", {"meeting_id": world.main}, sid=sid)
    seq = world.seq()
    world.ok("secretary", "participant.remove", {"meeting_id": world.main, "user_id": delegate})
    assert delegate not in people(world)
    left = ["actions.track", "meetings.list", "search"]  # what anyone may do
    assert [(e["type"], e["data"]) for e in world.events(since=seq)] == [
        ("capabilities.changed", {"user_id": delegate, "capabilities": left, "managed_site_id": None}),
        ("participant.removed", {"user_id": delegate})]
    assert world.snapshot("delegate")["you"] == {"user_id": delegate, "role": None, "capabilities": left,
                                                 "managed_site_id": None}
    # They can no longer see the meeting; removing them again is not_found.
    world.refused("delegate", "meeting.join", {"meeting_id": world.main}, "not_found", sid=sid)
    world.refused("secretary", "participant.remove", {"meeting_id": world.main, "user_id": delegate},
                  "not_found")
    # Their socket no longer counts for the meeting: closing it says nothing about them.
    seq = world.seq()
    world.disconnect(sid)
    assert world.seq() == seq


def test_check_in_and_attendance(world: World) -> None:
    delegate = world.users["delegate"]
    seq = world.seq()
    world.ok("delegate", "attendance.check_in", {"meeting_id": world.main})
    assert people(world)[delegate]["attendance"] == "present"
    assert [(e["type"], e["data"]) for e in world.events(since=seq)] == [
        ("attendance.changed", {"user_id": delegate, "attendance": "present", "reason": None})]
    world.ok("delegate", "attendance.check_in", {"meeting_id": world.main})
    assert world.seq() == seq + 1, "checking in twice changes nothing"
    mid = world.main
    world.ok("secretary", "attendance.set", {"meeting_id": mid, "user_id": delegate, "status": "excused",
                                             "reason": "Công tác"})
    assert people(world)[delegate]["attendance"] == "excused"
    world.refused("secretary", "attendance.set", {"meeting_id": mid, "user_id": world.users["newcomer"],
                                                  "status": "absent"}, "not_found")
    world.refused("chair", "attendance.set", {"meeting_id": mid, "user_id": delegate, "status": "unknown"},
                  "invalid")


def test_attendance_is_closed_after_the_meeting(world: World) -> None:
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    world.ok("chair", "meeting.end", {"meeting_id": world.main})
    world.refused("delegate", "attendance.check_in", {"meeting_id": world.main}, "closed")
    world.refused("chair", "attendance.set", {"meeting_id": world.main, "user_id": world.users["delegate"],
                                              "status": "absent"}, "closed")


def test_presence_follows_joined_sockets(world: World) -> None:
    assert world.meeting is not None
    delegate = world.users["delegate"]
    site = world.meeting.sites[1]

    def online() -> tuple[bool, bool]:
        snap = world.snapshot("chair")
        me = next(p for p in snap["participants"] if p["user_id"] == delegate)
        return me["online"], next(s for s in snap["sites"] if s["id"] == site)["online"]

    laptop, tablet = world.connect("delegate"), world.connect("delegate")
    assert online() == (False, False), "connected is not yet joined"
    seq = world.seq()
    world.ok("delegate", "meeting.join", {"meeting_id": world.main}, sid=laptop)
    assert online() == (True, True)
    world.ok("delegate", "meeting.join", {"meeting_id": world.main}, sid=tablet)
    assert [e["data"] for e in world.events(since=seq)] == [{"user_id": delegate, "online": True}]
    world.ok("delegate", "meeting.leave", {"meeting_id": world.main}, sid=laptop)
    assert online() == (True, True), "the tablet is still there"
    world.disconnect(tablet)
    assert online() == (False, False)
    assert [e["data"] for e in world.events(since=seq)] == [{"user_id": delegate, "online": True},
                                                            {"user_id": delegate, "online": False}]


def test_a_dead_process_takes_its_sockets_offline(world: World) -> None:
    sid = world.connect("observer", instance_id="other-process")
    world.ok("observer", "meeting.join", {"meeting_id": world.main}, sid=sid)
    assert people(world)[world.users["observer"]]["online"] is True
    world.sweep("other-process")
    assert people(world)[world.users["observer"]]["online"] is False
    assert world.events()[-1]["data"] == {"user_id": world.users["observer"], "online": False}


def test_join_answers_snapshot_or_missed_events(world: World) -> None:
    sid = world.connect("observer")
    first = world.ok("observer", "meeting.join", {"meeting_id": world.main}, sid=sid)
    assert first["seq"] == world.seq()
    assert first["snapshot"] == world.snapshot("observer")
    world.ok("chair", "agenda.add_item", {"meeting_id": world.main, "title": "Thêm"})
    again = world.ok("observer", "meeting.join", {"meeting_id": world.main, "since_seq": first["seq"]},
                     sid=sid)
    assert again["seq"] == first["seq"] + 1
    assert again["events"] == world.events(since=first["seq"])
    # Ahead of the server (a reset database): a fresh snapshot.
    ahead = world.ok("observer", "meeting.join", {"meeting_id": world.main, "since_seq": 10_000}, sid=sid)
    assert ahead["snapshot"] == world.snapshot("observer")


def test_a_retried_join_is_answered_afresh(world: World) -> None:
    """A client that lost the answer to its join retries it, maybe on a new socket, with the
    same request_id: it must be online again and get today's state, not the first answer."""
    payload = {"meeting_id": world.main, "request_id": "3c1e9a52-join-retry"}
    first_socket = world.connect("delegate")
    first = world.ok("delegate", "meeting.join", payload, sid=first_socket)
    world.disconnect(first_socket)
    world.ok("chair", "agenda.add_item", {"meeting_id": world.main, "title": "Trong lúc vắng"})
    again = world.ok("delegate", "meeting.join", payload, sid=world.connect("delegate"))
    assert again["seq"] == world.seq() > first["seq"]
    assert again["snapshot"] == world.snapshot("delegate")
    assert people(world)[world.users["delegate"]]["online"] is True


def test_leaving_another_meeting_leaves_this_one_alone(world: World) -> None:
    other = world.new_meeting()  # the delegate takes part in both
    sid = world.connect("delegate")
    world.ok("delegate", "meeting.join", {"meeting_id": world.main}, sid=sid)
    seq, other_seq = world.seq(), world.seq(other.id)
    world.ok("delegate", "meeting.leave", {"meeting_id": other.id}, sid=sid)
    assert people(world)[world.users["delegate"]]["online"] is True
    assert (world.seq(), world.seq(other.id)) == (seq, other_seq)
    world.ok("delegate", "meeting.leave", {"meeting_id": world.main}, sid=sid)
    assert people(world)[world.users["delegate"]]["online"] is False
