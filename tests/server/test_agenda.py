"""The agenda: add, update, reorder, remove, and the current item."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.world import World


def agenda(world: World) -> list[dict[str, Any]]:
    return world.snapshot("delegate")["agenda"]


def titles(world: World) -> list[str]:
    items = agenda(world)
    assert [item["position"] for item in items] == list(range(len(items))), "positions are 0..n-1"
    return [item["title"] for item in items]


def last_event(world: World) -> dict[str, Any]:
    return world.events()[-1]


def start(world: World) -> None:
    world.ok("chair", "meeting.start", {"meeting_id": world.main})


def test_add_item_at_the_end_by_default(world: World) -> None:
    seq = world.seq()
    item = world.ok("secretary", "agenda.add_item", {"meeting_id": world.main, "title": "  Bế mạc ",
                                                     "presenter": "Thứ trưởng", "duration_min": 15})["item"]
    assert item == {"id": item["id"], "title": "Bế mạc", "position": 3, "presenter": "Thứ trưởng",
                    "duration_min": 15, "elapsed_seconds": 0, "document_ids": []}
    assert titles(world) == ["Khai mạc", "Báo cáo tổng kết", "Thảo luận", "Bế mạc"]
    assert world.seq() == seq + 1
    assert last_event(world)["type"] == "agenda.changed"
    assert last_event(world)["data"]["agenda"] == agenda(world)


@pytest.mark.parametrize(("position", "expected"), [
    (0, ["Mới", "Khai mạc", "Báo cáo tổng kết", "Thảo luận"]),
    (1, ["Khai mạc", "Mới", "Báo cáo tổng kết", "Thảo luận"]),
    (99, ["Khai mạc", "Báo cáo tổng kết", "Thảo luận", "Mới"]),
])
def test_add_item_at_a_position(world: World, position: int, expected: list[str]) -> None:
    item = world.ok("chair", "agenda.add_item",
                    {"meeting_id": world.main, "title": "Mới", "position": position})
    assert titles(world) == expected
    assert item["item"]["position"] == expected.index("Mới")


def test_update_item(world: World) -> None:
    assert world.meeting is not None
    item_id = world.meeting.items[1]
    answer = world.ok("secretary", "agenda.update_item", {"meeting_id": world.main, "item_id": item_id,
                                                          "presenter": "Vụ trưởng", "duration_min": 30})
    assert answer["item"]["title"] == "Báo cáo tổng kết"
    assert (answer["item"]["presenter"], answer["item"]["duration_min"]) == ("Vụ trưởng", 30)
    answer = world.ok("secretary", "agenda.update_item", {"meeting_id": world.main, "item_id": item_id,
                                                          "title": "Báo cáo", "presenter": ""})
    assert answer["item"]["presenter"] is None
    assert answer["item"]["duration_min"] == 30, "a field left out is left alone"
    assert agenda(world)[1] == answer["item"]
    assert last_event(world)["data"]["agenda"] == agenda(world)


def test_update_item_needs_a_title(world: World) -> None:
    assert world.meeting is not None
    world.refused("chair", "agenda.update_item",
                  {"meeting_id": world.main, "item_id": world.meeting.items[0], "title": None}, "invalid")


def test_an_item_of_another_meeting_is_not_found(world: World) -> None:
    assert world.foreign is not None
    other = world.foreign.items[0]
    for command, payload in [
        ("agenda.update_item", {"meeting_id": world.main, "item_id": other, "title": "x"}),
        ("agenda.remove_item", {"meeting_id": world.main, "item_id": other}),
        ("agenda.update_item", {"meeting_id": world.main, "item_id": 999_999, "title": "x"}),
    ]:
        world.refused("chair", command, payload, "not_found")
    start(world)
    world.refused("chair", "agenda.set_current", {"meeting_id": world.main, "item_id": other}, "not_found")
    assert world.snapshot("outsider", world.foreign.id)["agenda"][0]["title"] == "Khai mạc"


def test_reorder(world: World) -> None:
    assert world.meeting is not None
    a, b, c = world.meeting.items
    world.ok("secretary", "agenda.reorder", {"meeting_id": world.main, "item_ids": [c, a, b]})
    assert [item["id"] for item in agenda(world)] == [c, a, b]
    assert titles(world) == ["Thảo luận", "Khai mạc", "Báo cáo tổng kết"]
    assert last_event(world)["data"]["agenda"] == agenda(world)


def test_reorder_must_name_every_item_once(world: World) -> None:
    assert world.meeting is not None and world.foreign is not None
    a, b, c = world.meeting.items
    for item_ids in ([a, b], [a, b, c, c], [a, a, b], [a, b, world.foreign.items[0]], [], [c, b, a, 999_999]):
        world.refused("chair", "agenda.reorder", {"meeting_id": world.main, "item_ids": item_ids}, "invalid")


def test_remove_item_renumbers(world: World) -> None:
    assert world.meeting is not None
    payload = {"meeting_id": world.main, "item_id": world.meeting.items[0]}
    world.ok("chair", "agenda.remove_item", payload)
    assert titles(world) == ["Báo cáo tổng kết", "Thảo luận"]
    world.refused("chair", "agenda.remove_item", payload, "not_found")


def test_set_current_needs_a_live_meeting(world: World) -> None:
    assert world.meeting is not None
    message = world.refused("chair", "agenda.set_current",
                            {"meeting_id": world.main, "item_id": world.meeting.items[1]}, "conflict")
    assert "Start" in message


def test_set_current(world: World) -> None:
    assert world.meeting is not None
    start(world)
    seq = world.seq()
    world.ok("chair", "agenda.set_current", {"meeting_id": world.main, "item_id": world.meeting.items[2]})
    assert world.seq() == seq + 1
    event = last_event(world)
    assert event["type"] == "agenda.current_changed"
    assert event["data"]["item_id"] == world.meeting.items[2]
    meeting = world.snapshot("observer")["meeting"]
    assert meeting["current_item_id"] == world.meeting.items[2]
    assert meeting["current_item_started_at"] == event["data"]["started_at"]
    # Again the same item: nothing happens, no event.
    world.ok("chair", "agenda.set_current", {"meeting_id": world.main, "item_id": world.meeting.items[2]})
    assert world.seq() == seq + 1
    # null: no current item.
    world.ok("chair", "agenda.set_current", {"meeting_id": world.main, "item_id": None})
    assert world.snapshot("observer")["meeting"]["current_item_id"] is None
    left = last_event(world)["data"]
    spent = left["previous"]["elapsed_seconds"]
    assert left == {"item_id": None, "started_at": None,
                    "previous": {"item_id": world.meeting.items[2], "elapsed_seconds": spent}}


def test_removing_the_current_item_clears_it(world: World) -> None:
    assert world.meeting is not None
    start(world)
    current = world.snapshot("chair")["meeting"]["current_item_id"]
    assert current == world.meeting.items[0]
    world.ok("secretary", "agenda.remove_item", {"meeting_id": world.main, "item_id": current})
    meeting = world.snapshot("chair")["meeting"]
    assert meeting["current_item_id"] is None
    assert meeting["current_item_started_at"] is None


def test_an_ended_meetings_agenda_is_closed(world: World) -> None:
    assert world.meeting is not None
    start(world)
    world.ok("chair", "meeting.end", {"meeting_id": world.main})
    a, b, c = world.meeting.items
    for command, payload in [
        ("agenda.add_item", {"meeting_id": world.main, "title": "Muộn"}),
        ("agenda.update_item", {"meeting_id": world.main, "item_id": a, "title": "Muộn"}),
        ("agenda.reorder", {"meeting_id": world.main, "item_ids": [c, b, a]}),
        ("agenda.remove_item", {"meeting_id": world.main, "item_id": a}),
        ("agenda.set_current", {"meeting_id": world.main, "item_id": b}),
    ]:
        world.refused("chair", command, payload, "closed")
