"""Annotations between real sockets on one server process: the same user's devices stay in
step, a shared annotation reaches the document's readers and nobody else."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import pytest

from tests.e2e.documents import upload
from tests.e2e.helpers import Client, join_all, new_meeting
from tests.e2e.scenarios import connected
from tests.server import hostile_pdfs
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

PRIVATE = "Ghi chú riêng: hỏi lại Bộ Tài chính"
SHARED = "Đề nghị bổ sung số liệu quý IV"


@pytest.fixture(scope="module")
def tokens(logins: dict[str, dict[str, object]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in logins.items()}


def sticky(text: str, shared: bool = False) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "page": 0, "kind": "note", "shared": shared,
            "data": {"point": [72.0, 700.0], "text": text, "color": "#ffcc00"}}


async def scenario(server: ServerProcess, tokens: dict[str, str], users: dict[str, int], author: str) -> None:
    room = ["chair", "delegate1", "delegate2", "delegate3"]
    async with connected(lambda _: server, tokens, "admin", "secretary", *room) as c:
        laptop = await Client(server, tokens["delegate1"], "delegate1-laptop").connect()
        tablet = c["delegate1"]
        try:
            meeting = await new_meeting(c["admin"], users)
            await c["chair"].ok("meeting.start", {"meeting_id": meeting.id})
            status, body = await asyncio.to_thread(
                upload, server, tokens["secretary"], meeting.id, hostile_pdfs.minimal("Bao cao"),
                "bao-cao.pdf", title="Báo cáo", access=[users["delegate1"], users["delegate2"]])
            assert status == 201, body
            doc = body["document"]
            sockets = [c[name] for name in room] + [laptop]
            seq = await join_all(sockets, meeting.id)

            # A private mark on the tablet appears on the laptop, and only there.
            d = doc["id"]
            mine = await tablet.ok("annotation.save", {"document_id": d, "annotation": sticky(PRIVATE)})
            got = await laptop.wait_for(lambda: laptop.user_events, "the tablet's save on the laptop")
            assert got[0]["type"] == "annotation.changed" and got[0]["meeting_id"] == meeting.id
            assert got[0]["data"] == {"document_id": doc["id"], "annotation": mine["annotation"]}

            # A shared one reaches the other reader with its author's name; delegate3 (no access)
            # gets the same seq withheld, and the chair (who reads everything) gets it whole.
            shared = await tablet.ok("annotation.save", {"document_id": doc["id"],
                                                         "annotation": sticky(SHARED, shared=True)})
            events = {name: await c[name].event_seq(meeting.id, seq + 1) for name in room}
            for name in ("delegate2", "chair", "delegate1"):
                assert events[name]["type"] == "annotation.shared", name
                assert events[name]["data"]["annotation"] == shared["annotation"], name
                assert events[name]["data"]["annotation"]["author_name"] == author, name
            assert events["delegate3"]["data"] == {"document_id": doc["id"], "hidden": True}
            listed = await c["delegate2"].ok("annotation.list", {"document_id": doc["id"]})
            assert [a["id"] for a in listed["annotations"]] == [shared["annotation"]["id"]]
            await c["delegate3"].refused("annotation.list", {"document_id": doc["id"]}, "forbidden")
            for name in ("chair", "delegate2", "delegate3"):
                assert c[name].user_events == [], name
                assert PRIVATE not in json.dumps(c[name].events, ensure_ascii=False), name
            assert SHARED not in json.dumps(c["delegate3"].events, ensure_ascii=False)

            # Deleting on the laptop removes it from the tablet.
            await laptop.ok("annotation.delete", {"document_id": doc["id"],
                                                  "annotation_id": mine["annotation"]["id"]})
            gone = await tablet.wait_for(lambda: [e for e in tablet.user_events
                                                  if e["type"] == "annotation.deleted"], "the delete")
            assert gone[0]["data"]["annotation_id"] == mine["annotation"]["id"]
            assert [e["type"] for e in tablet.user_events] == ["annotation.deleted"], \
                "a socket is not told of its own saves (it has the answer)"
        finally:
            await laptop.close()


def test_annotations_sync_devices_and_reach_only_readers(server: ServerProcess, tokens: dict[str, str],
                                                         user_ids: dict[str, int],
                                                         logins: dict[str, dict[str, Any]]) -> None:
    asyncio.run(scenario(server, tokens, user_ids, str(logins["delegate1"]["user"]["full_name"])))
