"""The harness itself: the cast is in place and commands run through the pipeline."""

from __future__ import annotations

from tests.server.world import World


def test_world_is_set_up(world: World) -> None:
    snap = world.snapshot("chair")
    assert (snap["you"]["user_id"], snap["you"]["role"]) == (world.users["chair"], "chair")
    roles = [p["role"] for p in snap["participants"]]
    assert roles == ["chair", "secretary", "observer", "delegate", "delegate"]
    assert [item["title"] for item in snap["agenda"]] == ["Khai mạc", "Báo cáo tổng kết", "Thảo luận"]
    assert [site["online"] for site in snap["sites"]] == [False, False, False]
    assert world.seq() == len(world.events()) > 0
