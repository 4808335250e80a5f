"""Documents as participants see them live, written once and run on one SQLite process,
one PostgreSQL process and two processes sharing Redis (``where`` picks each user's)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from protocol.reducer import apply_events
from tests.e2e.documents import download, upload
from tests.e2e.helpers import Client, join_all, new_meeting
from tests.e2e.scenarios import Tokens, Users, Where, connected
from tests.server import hostile_pdfs

ROOM = ["chair", "secretary", "delegate1", "delegate2", "observer1"]
SECRET = "Phương án nhân sự"


def _texts(client: Client, meeting_id: int) -> str:
    return json.dumps(client.meeting_events(meeting_id), ensure_ascii=False)


async def restricted_documents_reach_only_their_readers(where: Where, tokens: Tokens, users: Users) -> None:
    """A restricted upload, its presentation and its opening to all, as each participant
    receives them: the same seqs for everyone, the title only for readers, and each
    client's snapshot plus its events equal to a fresh snapshot."""
    async with connected(where, tokens, "admin", *ROOM) as c:
        meeting = await new_meeting(c["admin"], users)
        await c["chair"].ok("meeting.start", {"meeting_id": meeting.id})
        joined = {name: await c[name].ok("meeting.join", {"meeting_id": meeting.id}) for name in ROOM}
        seq = await join_all([c[name] for name in ROOM], meeting.id)

        status, body = await asyncio.to_thread(
            upload, where("secretary"), tokens["secretary"], meeting.id, hostile_pdfs.minimal("Secret"),
            "nhan-su.pdf", title=SECRET, access=[users["delegate1"]], agenda_item_id=meeting.items[0])
        assert status == 201, body
        doc = body["document"]
        added = {name: await c[name].event_seq(meeting.id, seq + 1) for name in ROOM}
        assert added["chair"]["data"]["document"]["reader_ids"] == [users["delegate1"]]
        assert added["delegate1"]["data"]["document"]["title"] == SECRET
        assert "reader_ids" not in added["delegate1"]["data"]["document"]
        for name in ("delegate2", "observer1"):
            assert added[name]["data"] == {"document_id": doc["id"], "hidden": True}
            assert added[name]["type"] == "document.added"

        await c["chair"].ok("presenter.set_page",
                            {"meeting_id": meeting.id, "document_id": doc["id"], "page": 0})
        shown = {name: await c[name].event_seq(meeting.id, seq + 2) for name in ROOM}
        assert shown["delegate1"]["data"] == {"document_id": doc["id"], "page": 0}
        assert shown["delegate2"]["data"] == {"document_id": doc["id"], "hidden": True}
        for name in ("delegate2", "observer1"):
            assert SECRET not in _texts(c[name], meeting.id), name
        refused = await asyncio.to_thread(download, where("delegate2"), tokens["delegate2"], doc["id"])
        assert refused.status == 403

        await c["secretary"].ok("document.update", {"document_id": doc["id"], "access": "all"})
        opened = {name: await c[name].next_events(meeting.id, seq + 2, 2) for name in ROOM}
        for name, (update, page) in opened.items():
            assert (update["seq"], update["type"], page["type"]) == (seq + 3, "document.updated",
                                                                    "presenter.page_changed"), name
            assert update["data"]["document"]["title"] == SECRET, name
        got = await asyncio.to_thread(download, where("delegate2"), tokens["delegate2"], doc["id"])
        assert got.status == 200 and got.body == hostile_pdfs.minimal("Secret")

        last = seq + 4
        for name in ROOM:
            fresh = await c[name].ok("meeting.join", {"meeting_id": meeting.id})
            assert fresh["seq"] == last
            mine = [e for e in c[name].meeting_events(meeting.id) if e["seq"] > joined[name]["seq"]]
            assert apply_events(joined[name]["snapshot"], mine) == fresh["snapshot"], name
            assert fresh["snapshot"]["presenter"] == {"document_id": doc["id"], "page": 0}
            assert fresh["snapshot"]["agenda"][0]["document_ids"] == [doc["id"]]
        # A replay gives delegate2 exactly what it received live.
        replay = await c["delegate2"].ok("meeting.join", {"meeting_id": meeting.id, "since_seq": seq})
        live: list[dict[str, Any]] = c["delegate2"].meeting_events(meeting.id, seq)
        assert replay["events"] == live[:len(replay["events"])]
