"""The core flows, written once and run against one SQLite process, one PostgreSQL process,
and two PostgreSQL processes sharing Redis (``where`` says which process a user talks to)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from protocol.reducer import apply_events
from tests.e2e.helpers import Client, join_all, new_meeting
from tests.support.server_process import ServerProcess

Where = Callable[[str], ServerProcess]
Tokens = dict[str, str]
Users = dict[str, int]


@asynccontextmanager
async def connected(where: Where, tokens: dict[str, str], *names: str) -> AsyncIterator[dict[str, Client]]:
    """Sockets for ``names``, each to the process ``where`` puts it on; closed at the end."""
    clients: dict[str, Client] = {}
    try:
        for name in names:
            clients[name] = await Client(where(name), tokens[name], name).connect()
        yield clients
    finally:
        for client in clients.values():
            await client.close()


async def everyone_sees_the_current_item(where: Where, tokens: Tokens, users: Users) -> None:
    """The chair moves the agenda on; every participant gets the same event with the same seq."""
    room = ["chair", "secretary", "delegate1", "delegate2", "observer1"]
    async with connected(where, tokens, "admin", *room) as c:
        meeting = await new_meeting(c["admin"], users)
        seq = await join_all([c[name] for name in room], meeting.id)
        await c["chair"].ok("meeting.start", {"meeting_id": meeting.id})
        # start: status_changed, then the first item becomes current
        seq += 2
        for target in (meeting.items[2], meeting.items[1]):
            await c["chair"].ok("agenda.set_current", {"meeting_id": meeting.id, "item_id": target})
            seq += 1
            received = [await c[name].event_seq(meeting.id, seq) for name in room]
            assert all(event == received[0] for event in received), received
            assert received[0]["type"] == "agenda.current_changed"
            assert received[0]["data"]["item_id"] == target
            assert received[0]["at"].endswith("Z")
        for name in room:
            got = [e["seq"] for e in c[name].meeting_events(meeting.id)]
            assert got == sorted(set(got)), f"{name} got events out of order or twice: {got}"
            assert got[-1] == seq


async def a_refusal_emits_nothing(where: Where, tokens: Tokens, users: Users) -> None:
    """A delegate's try is forbidden and nobody hears of it: the next event is exactly seq + 1."""
    room = ["chair", "delegate1", "delegate2", "observer1"]
    async with connected(where, tokens, "admin", *room) as c:
        meeting = await new_meeting(c["admin"], users)
        await join_all([c[name] for name in room], meeting.id)
        await c["chair"].ok("meeting.start", {"meeting_id": meeting.id})
        seq = (await c["chair"].ok("meeting.join", {"meeting_id": meeting.id}))["seq"]
        for name in room:
            await c[name].event_seq(meeting.id, seq)
        await c["delegate1"].refused("agenda.set_current",
                                     {"meeting_id": meeting.id, "item_id": meeting.items[2]}, "forbidden")
        await c["observer1"].refused("agenda.add_item", {"meeting_id": meeting.id, "title": "x"}, "forbidden")
        await c["chair"].ok("agenda.set_current", {"meeting_id": meeting.id, "item_id": meeting.items[1]})
        for name in room:
            (event,) = await c[name].next_events(meeting.id, seq, 1)
            assert (event["seq"], event["type"]) == (seq + 1, "agenda.current_changed"), name
            assert event["data"]["item_id"] == meeting.items[1]


async def catching_up_after_a_reconnect(where: Where, tokens: Tokens, users: Users) -> None:
    """A client that drops off and comes back with since_seq gets exactly what it missed."""
    room = ["chair", "secretary", "delegate1"]
    async with connected(where, tokens, "admin", *room) as c:
        meeting = await new_meeting(c["admin"], users)
        await join_all([c[name] for name in room], meeting.id)
        await c["chair"].ok("meeting.start", {"meeting_id": meeting.id})
        joined = await c["delegate1"].ok("meeting.join", {"meeting_id": meeting.id})  # already in: no event
        last, state = joined["seq"], joined["snapshot"]
        watcher = c["secretary"]
        await c["delegate1"].close()
        gone = {"user_id": users["delegate1"], "online": False}
        await watcher.wait_for(lambda: gone in [e["data"] for e in watcher.meeting_events(meeting.id, last)],
                               "delegate1 to go offline")
        await c["chair"].ok("agenda.set_current", {"meeting_id": meeting.id, "item_id": meeting.items[2]})
        added = (await c["secretary"].ok("agenda.add_item", {"meeting_id": meeting.id, "title": "Kiến nghị"}))
        await c["chair"].ok("agenda.reorder", {"meeting_id": meeting.id,
                                               "item_ids": [added["item"]["id"], *meeting.items]})
        back = await Client(where("delegate1"), tokens["delegate1"], "delegate1 again").connect()
        try:
            answer = await back.ok("meeting.join", {"meeting_id": meeting.id, "since_seq": last})
            fresh = await back.ok("meeting.join", {"meeting_id": meeting.id})
        finally:
            await back.close()
        missed = answer["events"]
        assert [e["seq"] for e in missed] == list(range(last + 1, answer["seq"] + 1))
        assert [e["type"] for e in missed] == ["presence.changed", "agenda.current_changed", "agenda.changed",
                                               "agenda.changed", "presence.changed"]
        # Exactly what a client that stayed connected received for those seqs...
        await watcher.event_seq(meeting.id, answer["seq"])
        seen = {e["seq"]: e for e in watcher.meeting_events(meeting.id)}
        assert missed == [seen[e["seq"]] for e in missed]
        # ...and they bring the old snapshot to the new one.
        assert fresh["seq"] == answer["seq"]
        assert apply_events(state, missed) == fresh["snapshot"]


async def a_repeated_request_changes_nothing(where: Where, tokens: Tokens, users: Users) -> None:
    async with connected(where, tokens, "admin", "secretary", "observer1") as c:
        meeting = await new_meeting(c["admin"], users)
        seq = await join_all([c["secretary"], c["observer1"]], meeting.id)
        payload = {"meeting_id": meeting.id, "title": "Mục gửi lại", "request_id": str(uuid.uuid4())}
        first = await c["secretary"].call("agenda.add_item", payload)
        again = await c["secretary"].call("agenda.add_item", payload)
        assert first["ok"] and again == first
        await c["secretary"].ok("agenda.update_item", {"meeting_id": meeting.id, "item_id": meeting.items[0],
                                                       "title": "Sau"})
        events = await c["observer1"].next_events(meeting.id, seq, 2)
        assert [(e["seq"], e["type"]) for e in events] == [(seq + 1, "agenda.changed"),
                                                           (seq + 2, "agenda.changed")]
        titles = [item["title"] for item in events[-1]["data"]["agenda"]]
        assert titles.count("Mục gửi lại") == 1


async def run_core_flows(where: Where, tokens: Tokens, users: Users) -> None:
    for flow in (everyone_sees_the_current_item, a_refusal_emits_nothing, catching_up_after_a_reconnect,
                 a_repeated_request_changes_nothing):
        await flow(where, tokens, users)


async def survives(server: ServerProcess, down: str, tokens: Tokens, users: Users, *,
                   swept_at_start: bool) -> None:
    """The server goes down (``stop``: SIGTERM, ``kill``: SIGKILL) and comes back: same state,
    the seq goes on, and the missed events bring an old snapshot to the new one.

    ``swept_at_start``: on SQLite a starting server knows it is alone, and takes the lost
    sockets offline at once. On PostgreSQL it cannot tell a dead process from a live one
    but by its heartbeat, and sweeps it some 20 s later; only presence may lag.
    """
    admin = await Client(server, tokens["admin"], "admin").connect()
    chair = await Client(server, tokens["chair"], "chair").connect()
    delegate = await Client(server, tokens["delegate1"], "delegate1").connect()
    meeting = await new_meeting(admin, users)
    await join_all([chair, delegate], meeting.id)
    await chair.ok("meeting.start", {"meeting_id": meeting.id})
    await chair.ok("agenda.set_current", {"meeting_id": meeting.id, "item_id": meeting.items[1]})
    await chair.ok("agenda.add_item", {"meeting_id": meeting.id, "title": "Ghi nhận trước khi tắt"})
    await delegate.ok("attendance.check_in", {"meeting_id": meeting.id})
    before = await chair.ok("meeting.join", {"meeting_id": meeting.id})
    await admin.close()

    # The server goes down with the chair's and the delegate's sockets open.
    await asyncio.to_thread(server.kill if down == "kill" else server.stop)
    await chair.disconnected()
    await delegate.disconnected()
    await asyncio.to_thread(server.start)

    back = await Client(server, tokens["chair"], "chair again").connect()  # the token survived too
    try:
        answer = await back.ok("meeting.join", {"meeting_id": meeting.id, "since_seq": before["seq"]})
        fresh = await back.ok("meeting.join", {"meeting_id": meeting.id})
        missed = answer["events"]
        assert [e["seq"] for e in missed] == list(range(before["seq"] + 1, answer["seq"] + 1))
        # Only presence moved: the two lost sockets went offline, then the chair came back.
        assert {e["type"] for e in missed} <= {"presence.changed"}
        if swept_at_start or down == "stop":
            assert sorted(e["data"]["user_id"] for e in missed[:-1] if not e["data"]["online"]) == sorted(
                [users["chair"], users["delegate1"]])
            assert missed[-1]["data"] == {"user_id": users["chair"], "online": True}
        assert apply_events(before["snapshot"], missed) == fresh["snapshot"]
        kept = fresh["snapshot"]
        assert kept["meeting"]["status"] == "live"
        assert kept["meeting"]["current_item_id"] == meeting.items[1]
        assert kept["agenda"] == before["snapshot"]["agenda"]
        assert {p["user_id"]: p["attendance"] for p in kept["participants"]}[users["delegate1"]] == "present"
        # The seq goes on from there.
        await back.ok("agenda.set_current", {"meeting_id": meeting.id, "item_id": meeting.items[2]})
        event = await back.event_seq(meeting.id, answer["seq"] + 1)
        assert event["type"] == "agenda.current_changed"
    finally:
        await back.close()
