"""Floor control and attendance across sites, on a real server process: two delegates at two
remote sites ask to speak, the chair gives the floor with a time limit, everyone sees the
same event; the attendance list is exported as CSV; a site whose client stops beating is
shown as lost within seconds, and offline once it disconnects."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import time
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import pytest

from tests.e2e.helpers import TIMEOUT, Client, join_all, new_meeting
from tests.e2e.scenarios import connected
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

CAST = {"chair": "chair", "delegate1": "delegate", "delegate2": "delegate", "secretary": "secretary",
        "observer1": "observer"}  # new_meeting puts them at sites 0, 1, 2, 0, 1
ROOM = list(CAST)
LINK_DEADLINE = 20.0
"""Lost after 6 s without a heartbeat, written every 2 s: well within this."""


@pytest.fixture(scope="module")
def tokens(logins: dict[str, dict[str, object]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in logins.items()}


def download(server: ServerProcess, path: str, token: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(server.url + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


async def beating(client: Client, meeting_id: int, every: float = 0.5) -> None:
    """What a client does while in a meeting: a heartbeat with the previous round trip."""
    rtt: int | None = None
    while True:
        started = time.perf_counter()
        await client.ok("presence.heartbeat", {"meeting_id": meeting_id, "rtt_ms": rtt})
        rtt = round((time.perf_counter() - started) * 1000)
        await asyncio.sleep(every)  # the client's own rhythm, not a synchronisation


async def until(check: Callable[[], Awaitable[Any]], what: str, deadline: float = LINK_DEADLINE) -> Any:
    """Ask again (every 0.25 s) until ``check`` answers something truthy; fail at the deadline."""
    end = time.monotonic() + deadline
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {deadline}s waiting for {what}")
        await asyncio.sleep(0.25)


async def floor_and_attendance(server: ServerProcess, tokens: dict[str, str], users: dict[str, int]) -> None:
    async with connected(lambda _: server, tokens, "admin", *ROOM) as c:
        meeting = await new_meeting(c["admin"], users, CAST)
        mid, (_central, hcm, danang) = meeting.id, meeting.sites
        seq = await join_all([c[name] for name in ROOM], mid)
        answer = await c["delegate1"].ok("meeting.join", {"meeting_id": mid})
        assert abs((datetime.fromisoformat(answer["server_time"].replace("Z", "+00:00"))
                    - datetime.now().astimezone()).total_seconds()) < 5
        await c["chair"].ok("meeting.start", {"meeting_id": mid})
        seq += 2

        # Two delegates at two remote sites ask to speak; the chair sees the queue grow.
        first = (await c["delegate1"].ok("speaker.request", {"meeting_id": mid, "kind": "speak"}))["request"]
        second = (await c["delegate2"].ok("speaker.request", {"meeting_id": mid, "kind": "speak"}))["request"]
        assert (first["site_id"], second["site_id"]) == (hcm, danang)
        await c["delegate2"].refused("speaker.request", {"meeting_id": mid, "kind": "speak"}, "conflict")
        await c["observer1"].refused("speaker.request", {"meeting_id": mid, "kind": "speak"}, "forbidden")
        await c["delegate1"].refused("speaker.grant", {"meeting_id": mid, "request_id": second["id"]},
                                     "forbidden")
        queued = await c["chair"].event_seq(mid, seq + 2)
        assert queued["type"] == "speaker.queue_changed"
        assert [r["id"] for r in queued["data"]["queue"]] == [first["id"], second["id"]]
        seq += 2

        # The chair gives the floor to the second, for 90 s: everyone gets the same event. First
        # the speaker's new capabilities (they may present and give the floor back), then the queue.
        await c["chair"].ok("speaker.grant", {"meeting_id": mid, "request_id": second["id"], "seconds": 90})
        told = await c["delegate2"].event_seq(mid, seq + 1)
        assert told["type"] == "capabilities.changed" and told["data"]["user_id"] == users["delegate2"]
        assert {"documents.present", "floor.end"} <= set(told["data"]["capabilities"])
        floor = [await c[name].event_seq(mid, seq + 3) for name in ROOM]
        assert all(event == floor[0] for event in floor), floor
        assert floor[0]["type"] == "speaker.floor_changed"
        current = floor[0]["data"]["current"]
        assert (current["user_id"], current["site_id"], current["limit_seconds"]) == (
            users["delegate2"], danang, 90)
        seq += 3

        # Attendance: one present, one excused but represented by the first.
        await c["chair"].ok("attendance.check_in", {"meeting_id": mid})
        await c["delegate1"].ok("attendance.check_in", {"meeting_id": mid})
        await c["secretary"].ok("attendance.set", {"meeting_id": mid, "user_id": users["delegate2"],
                                                   "status": "excused", "reason": "Công tác nước ngoài"})
        await c["delegate2"].ok("attendance.set_proxy", {"meeting_id": mid, "user_id": users["delegate2"],
                                                         "proxy_user_id": users["delegate1"]})
        status, headers, body = await asyncio.to_thread(
            download, server, f"/api/meetings/{mid}/attendance.csv", tokens["secretary"])
        assert status == 200 and headers["Content-Type"].startswith("text/csv")
        assert body.startswith(b"\xef\xbb\xbf"), "a byte-order mark for Excel"
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        names = {row[2]: row for row in rows[1:rows.index([])]}
        assert names["delegate2"][4:] == ["excused", "Công tác nước ngoài", names["delegate1"][1]]
        total = next(row for row in rows if row and row[0] == "total")
        assert total[1:7] == ["5", "5", "3", "2", "1", "3"]  # participants, online, members, present...
        assert rows[-1] == ["more_than_half", "3", "2", "3", "yes"]
        status, _headers, _body = await asyncio.to_thread(
            download, server, f"/api/meetings/{mid}/attendance.csv", tokens["delegate1"])
        assert status == 403

        # Link status: every client beats; the Hồ Chí Minh site has delegate1 and observer1.
        beats = {name: asyncio.create_task(beating(c[name], mid)) for name in ROOM}
        try:
            async def site(site_id: int) -> dict[str, Any]:
                answer = await c["secretary"].ok("site.status", {"meeting_id": mid})
                return dict(next(s for s in answer["sites"] if s["site_id"] == site_id))

            await until(lambda: _link_is(site(hcm), "ok", rtt=True), "Hồ Chí Minh to be ok with a round trip")
            for name in ("delegate1", "observer1"):  # its clients stop beating, still connected
                beats.pop(name).cancel()
            await until(lambda: _link_is(site(hcm), "lost"), "Hồ Chí Minh to be lost")
            assert (await site(danang))["link"] == "ok", "the other remote site still beats"
            for name in ("delegate1", "observer1"):
                await c[name].close()
            await until(lambda: _link_is(site(hcm), "offline"), "Hồ Chí Minh to be offline")
            assert (await site(hcm))["connections"] == 0
        finally:
            for task in beats.values():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task


async def _link_is(site: Awaitable[dict[str, Any]], link: str, rtt: bool = False) -> bool:
    state = await site
    return bool(state["link"] == link and (not rtt or state["rtt_ms"] is not None))


def test_floor_attendance_and_link_status_across_sites(server: ServerProcess, tokens: dict[str, str],
                                                       user_ids: dict[str, int]) -> None:
    asyncio.run(floor_and_attendance(server, tokens, user_ids))
