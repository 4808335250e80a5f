"""Every bad input gets a clear error; the connection stays up and nothing is emitted."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.e2e.helpers import Client, new_meeting
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def tokens(logins: dict[str, dict[str, object]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in logins.items()}


def bad_inputs(meeting: int, item: int, foreign: int) -> list[tuple[str, Any, str, str]]:
    """(command, payload, code, a word the message must contain)."""
    add = {"meeting_id": meeting, "title": "Mục"}
    return [
        ("agenda.explode", add, "invalid", "Unknown command"),
        ("connect", {}, "invalid", "Unknown command"),
        ("disconnect", {}, "invalid", "Unknown command"),
        ("disconnect", "client disconnect", "invalid", "Unknown command"),
        # The catch-all's own name: python-socketio passes it to the handler without its name.
        ("*", None, "invalid", "Unknown command"),
        ("*", add, "invalid", "Unknown command"),
        ("agenda.add_item", None, "invalid", "one JSON object"),
        ("agenda.add_item", [meeting, "Mục"], "invalid", "one JSON object"),
        ("agenda.add_item", "Mục", "invalid", "one JSON object"),
        ("agenda.add_item", 5, "invalid", "one JSON object"),
        ("agenda.add_item", (add, add), "invalid", "one JSON object"),
        ("agenda.add_item", {"meeting_id": meeting}, "invalid", "title"),
        ("agenda.add_item", {**add, "colour": "red"}, "invalid", "colour"),
        ("agenda.add_item", {**add, "meeting_id": str(meeting)}, "invalid", "meeting_id"),
        ("agenda.add_item", {**add, "meeting_id": True}, "invalid", "meeting_id"),
        ("agenda.add_item", {**add, "duration_min": "15"}, "invalid", "duration_min"),
        ("agenda.add_item", {**add, "title": ""}, "invalid", "title"),
        ("agenda.set_current", {"meeting_id": meeting, "item_id": [item]}, "invalid", "item_id"),
        ("agenda.reorder", {"meeting_id": meeting, "item_ids": [item, item]}, "invalid", "every agenda item"),
        ("attendance.set", {"meeting_id": meeting, "user_id": 1, "status": "asleep"}, "invalid", "status"),
        ("agenda.add_item", {**add, "request_id": "not a uuid!"}, "invalid", "request_id"),
        ("agenda.add_item", {**add, "title": "x" * 300_000}, "invalid", "256 KB"),
        # 100,000 characters, but 300,000 bytes of JSON: the limit is in bytes.
        ("agenda.add_item", {**add, "title": "ầ" * 100_000}, "invalid", "256 KB"),
        ("agenda.add_item", {**add, "meeting_id": 987_654}, "not_found", "987654"),
        ("agenda.add_item", {**add, "meeting_id": foreign}, "not_found", str(foreign)),
        ("meeting.join", {"meeting_id": foreign}, "not_found", str(foreign)),
        ("agenda.update_item", {"meeting_id": meeting, "item_id": 987_654, "title": "x"}, "not_found", "987"),
        ("meeting.start", {"meeting_id": meeting}, "forbidden", "right"),
    ]


def test_bad_input_is_answered_and_changes_nothing(server: ServerProcess, tokens: dict[str, str],
                                                   user_ids: dict[str, int]) -> None:
    async def scenario() -> None:
        admin = await Client(server, tokens["admin"], "admin").connect()
        secretary = await Client(server, tokens["secretary"], "secretary").connect()
        observer = await Client(server, tokens["observer1"], "observer").connect()
        try:
            meeting = await new_meeting(admin, user_ids)
            foreign = await new_meeting(admin, user_ids, cast={"delegate4": "chair"})
            await observer.ok("meeting.join", {"meeting_id": meeting.id})
            seq = (await secretary.ok("meeting.join", {"meeting_id": meeting.id}))["seq"]
            await observer.event_seq(meeting.id, seq)
            for command, payload, code, word in bad_inputs(meeting.id, meeting.items[0], foreign.id):
                message = await secretary.refused(command, payload, code)
                assert word in message, (command, message)
                assert secretary.sio.connected
            # The secretary never entered the foreign meeting's room: its events do not reach her.
            await admin.ok("agenda.add_item", {"meeting_id": foreign.id, "title": "Riêng"})
            # Nothing was emitted: the next event anyone gets is exactly seq + 1.
            await secretary.ok("agenda.add_item", {"meeting_id": meeting.id, "title": "Hợp lệ"})
            for client in (observer, secretary):
                (event,) = await client.next_events(meeting.id, seq, 1)
                assert (event["seq"], event["type"]) == (seq + 1, "agenda.changed")
            assert secretary.meeting_events(foreign.id) == []
            assert len((await secretary.ok("meeting.list", {}))["meetings"]) >= 1
        finally:
            for client in (admin, secretary, observer):
                await client.close()

    asyncio.run(scenario())


def test_a_refused_join_leaves_the_socket_where_it_was(server: ServerProcess, tokens: dict[str, str],
                                                       user_ids: dict[str, int]) -> None:
    """Joining a meeting one may not see keeps the socket in its own meeting, and out of the other."""
    async def scenario() -> None:
        admin = await Client(server, tokens["admin"], "admin").connect()
        delegate = await Client(server, tokens["delegate2"], "delegate2").connect()
        try:
            mine = await new_meeting(admin, user_ids)
            other = await new_meeting(admin, user_ids, cast={"delegate4": "chair"})
            seq = (await delegate.ok("meeting.join", {"meeting_id": mine.id}))["seq"]
            await delegate.refused("meeting.join", {"meeting_id": other.id}, "not_found")
            await delegate.refused("meeting.join", {"meeting_id": other.id, "bogus": 1}, "invalid")
            await admin.ok("agenda.add_item", {"meeting_id": other.id, "title": "Riêng"})
            await admin.ok("agenda.add_item", {"meeting_id": mine.id, "title": "Chung"})
            (event,) = await delegate.next_events(mine.id, seq, 1)
            assert event["seq"] == seq + 1
            assert delegate.meeting_events(other.id) == []
        finally:
            await admin.close()
            await delegate.close()

    asyncio.run(scenario())


def test_a_removed_participant_hears_no_more(server: ServerProcess, tokens: dict[str, str],
                                             user_ids: dict[str, int]) -> None:
    """Once removed from a meeting, a participant's open socket gets none of its events."""
    async def scenario() -> None:
        secretary = await Client(server, tokens["secretary"], "secretary").connect()
        admin = await Client(server, tokens["admin"], "admin").connect()
        delegate = await Client(server, tokens["delegate3"], "delegate3").connect()
        try:
            meeting = await new_meeting(admin, user_ids)
            await secretary.ok("meeting.join", {"meeting_id": meeting.id})
            seq = (await delegate.ok("meeting.join", {"meeting_id": meeting.id}))["seq"]
            await secretary.ok("participant.remove",
                               {"meeting_id": meeting.id, "user_id": user_ids["delegate3"]})
            told, removed = await delegate.next_events(meeting.id, seq, 2)  # what they may do now, first
            assert (told["type"], removed["type"]) == ("capabilities.changed", "participant.removed")
            await secretary.ok("agenda.add_item", {"meeting_id": meeting.id, "title": "Sau khi rời"})
            await secretary.event_seq(meeting.id, seq + 3)
            # A later command of the delegate's own proves the socket is alive and answered in order.
            await delegate.refused("meeting.join", {"meeting_id": meeting.id}, "not_found")
            assert [e["seq"] for e in delegate.meeting_events(meeting.id, seq)] == [seq + 1, seq + 2]
        finally:
            for client in (secretary, admin, delegate):
                await client.close()

    asyncio.run(scenario())
