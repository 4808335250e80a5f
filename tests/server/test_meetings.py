"""Meetings: create, update, and the scheduled -> live -> ended life."""

from __future__ import annotations

from typing import Any

from tests.server.world import World


def meeting(world: World, meeting_id: int | None = None) -> dict[str, Any]:
    return world.snapshot("admin", meeting_id)["meeting"]


def test_create_with_sites(world: World) -> None:
    answer = world.ok("organizer", "meeting.create", {
        "title": "Phiên họp thường kỳ", "starts_at": "2026-12-01T08:00:00+07:00",
        "ends_at": "2026-12-01T11:00:00+07:00", "location": "Phòng họp số 1",
        "sites": ["Hà Nội", "Huế"]})["meeting"]
    assert answer["title"] == "Phiên họp thường kỳ"
    assert answer["status"] == "scheduled"
    assert answer["starts_at"] == "2026-12-01T01:00:00.000Z"
    assert answer["ends_at"] == "2026-12-01T04:00:00.000Z"
    assert [(s["name"], s["is_central"]) for s in answer["sites"]] == [("Hà Nội", True), ("Huế", False)]
    snap = world.snapshot("organizer", answer["id"])
    assert snap["meeting"]["starts_at"] == "2026-12-01T01:00:00.000Z"
    assert snap["participants"] == []
    assert [s["name"] for s in snap["sites"]] == ["Hà Nội", "Huế"]
    assert world.seq(answer["id"]) == 0
    assert answer["id"] in {m["id"] for m in world.ok("organizer", "meeting.list", {})["meetings"]}


def test_create_refuses_inconsistent_meetings(world: World) -> None:
    base = {"title": "Họp", "starts_at": "2026-12-01T01:00:00Z", "sites": ["A"]}
    for payload in ({**base, "ends_at": "2026-12-01T00:00:00Z"}, {**base, "ends_at": base["starts_at"]},
                    {**base, "sites": ["A", "B", "A"]}):
        world.refused("admin", "meeting.create", payload, "invalid")
    assert len(world.ok("admin", "meeting.list", {})["meetings"]) == 2


def test_update(world: World) -> None:
    seq = world.seq()
    answer = world.ok("secretary", "meeting.update", {"meeting_id": world.main, "title": "Tên mới",
                                                      "location": "Hội trường B",
                                                      "starts_at": "2026-11-21T09:30:00+07:00"})
    assert answer["meeting"]["role"] == "secretary"
    after = meeting(world)
    assert (after["title"], after["location"], after["starts_at"]) == (
        "Tên mới", "Hội trường B", "2026-11-21T02:30:00.000Z")
    assert world.seq() == seq + 1
    event = world.events()[-1]
    assert event["type"] == "meeting.updated"
    assert event["data"]["meeting"] == {k: after[k] for k in ("title", "starts_at", "ends_at", "location",
                                                                                  "quorum_rule")}


def test_update_keeps_a_meeting_consistent(world: World) -> None:
    world.refused("chair", "meeting.update", {"meeting_id": world.main, "title": None}, "invalid")
    world.refused("chair", "meeting.update", {"meeting_id": world.main, "starts_at": None}, "invalid")
    world.refused("chair", "meeting.update",
                  {"meeting_id": world.main, "ends_at": "2026-11-20T00:00:00Z"}, "invalid")


def test_life_of_a_meeting(world: World) -> None:
    assert world.meeting is not None
    mid = world.main
    world.refused("chair", "meeting.end", {"meeting_id": mid}, "conflict")
    seq = world.seq()
    world.ok("chair", "meeting.start", {"meeting_id": mid})
    status, current = world.events(since=seq)
    assert status["type"] == "meeting.status_changed"
    assert status["data"]["status"] == "live"
    assert current["type"] == "agenda.current_changed"
    assert current["data"]["item_id"] == world.meeting.items[0]
    live = meeting(world)
    assert (live["status"], live["started_at"], live["current_item_id"]) == (
        "live", status["data"]["started_at"], world.meeting.items[0])
    world.refused("chair", "meeting.start", {"meeting_id": mid}, "conflict")
    world.ok("chair", "meeting.end", {"meeting_id": mid})
    ended = meeting(world)
    assert ended["status"] == "ended"
    status_changed = [e for e in world.events() if e["type"] == "meeting.status_changed"][-1]
    assert ended["ended_at"] == status_changed["data"]["ended_at"]
    world.refused("chair", "meeting.end", {"meeting_id": mid}, "closed")
    world.refused("chair", "meeting.start", {"meeting_id": mid}, "closed")
    world.refused("chair", "meeting.update", {"meeting_id": mid, "title": "Muộn"}, "closed")
    assert [m["status"] for m in world.ok("delegate", "meeting.list", {})["meetings"]] == ["ended"]


def test_start_without_agenda_has_no_current_item(world: World) -> None:
    empty = world.new_meeting(cast={"chair": "chair"}, items=0)
    seq = world.seq(empty.id)
    world.ok("chair", "meeting.start", {"meeting_id": empty.id})
    assert [e["type"] for e in world.events(empty.id, since=seq)] == ["meeting.status_changed"]
    assert meeting(world, empty.id)["current_item_id"] is None
