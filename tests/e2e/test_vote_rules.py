"""The rules that decide a vote, over real sockets against a real server process on SQLite
and PostgreSQL: a new poll needs more than half of all members, a poll with no quorum of its
own takes the meeting's, and a result without its quorum is never passed (it says why)."""

from __future__ import annotations

import asyncio
import urllib.request
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pymupdf
import pytest

from server.minutes.content import LOCAL, vietnamese_date
from tests.e2e.helpers import Client, Meeting, login, new_meeting
from tests.server.databases import POSTGRES_URL, clean_postgres
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

DELEGATES = [f"delegate{n}" for n in range(1, 9)]
"""With the chair: nine members."""
CAST = {"chair": "chair", "secretary": "secretary", **dict.fromkeys(DELEGATES, "delegate")}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def rules_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[ServerProcess]:
    url = None
    if request.param == "postgres":
        clean_postgres()
        url = POSTGRES_URL
    process = ServerProcess(tmp_path_factory.mktemp(f"rules-{request.param}"), database_url=url)
    process.seed_demo(delegates=len(DELEGATES))
    with process.running():
        yield process


@pytest.fixture(scope="module")
def tokens(rules_server: ServerProcess) -> dict[str, Any]:
    return {name: login(rules_server, name) for name in ("admin", "chair", "delegate1", "delegate2")}


async def meeting_with(server: ServerProcess, tokens: dict[str, Any], present: list[str]
                       ) -> tuple[Meeting, dict[str, Client]]:
    """A live meeting of nine members, ``present`` marked present by the chair."""
    clients = {name: await Client(server, answer["token"], name).connect() for name, answer in tokens.items()}
    users = {name: int(answer["user"]["id"]) for name, answer in tokens.items()}
    admin = clients["admin"]
    directory = (await admin.ok("user.list", {}))["users"]
    users.update({u["username"]: int(u["id"]) for u in directory})
    meeting = await new_meeting(admin, users, CAST, items=1)
    chair = clients["chair"]
    for client in clients.values():
        await client.ok("meeting.join", {"meeting_id": meeting.id})
    await chair.ok("meeting.start", {"meeting_id": meeting.id})
    for name in present:
        await chair.ok("attendance.set", {"meeting_id": meeting.id, "user_id": users[name],
                                          "status": "present"})
    return meeting, clients


async def decide(clients: dict[str, Client], meeting: Meeting, yes: list[str],
                 **fields: Any) -> dict[str, Any]:
    """Create (with ``fields``), open, ``yes`` vote for the first option, close: the poll
    as created and the result."""
    chair = clients["chair"]
    poll = (await chair.ok("poll.create", {
        "meeting_id": meeting.id, "question": "Thông qua Nghị quyết?", "secret": False,
        "agenda_item_id": meeting.items[0], **fields}))["poll"]
    await chair.ok("poll.open", {"poll_id": poll["id"]})
    for name in yes:
        await clients[name].ok("poll.vote", {"poll_id": poll["id"], "option_ids": [1],
                                             "ballot_id": str(uuid.uuid4())})
    result = (await chair.ok("poll.close", {"poll_id": poll["id"]}))["result"]
    return {"poll": poll, "result": result}


async def close_all(clients: dict[str, Client]) -> None:
    for client in clients.values():
        await client.close()


def test_without_the_meetings_quorum_a_vote_is_never_passed(rules_server: ServerProcess,
                                                            tokens: dict[str, Any]) -> None:
    async def scenario() -> None:
        meeting, clients = await meeting_with(rules_server, tokens, ["chair"])  # 1 of 9 present
        try:
            # The case: a simple-majority poll with one ballot of nine members.
            simple = await decide(clients, meeting, ["chair"], majority="simple")
            result = simple["result"]
            assert result["counts"]["1"] == 1 and result["ballots"] == 1
            assert result["passed"] is False and result["quorum_reached"] is False
            assert result["reason"] == "no_quorum"
            assert (result["quorum_rule"], result["quorum_required"], result["quorum_counted"]) == (
                "more_than_half", 5, 1)
            # A new poll without a rule: more than half of all members, and still no quorum.
            default = await decide(clients, meeting, ["chair"])
            assert default["poll"]["majority"] == "absolute" and default["poll"]["quorum"] is None
            assert default["result"]["rule"] == "absolute" and default["result"]["threshold"] == 5
            assert default["result"]["passed"] is False and default["result"]["reason"] == "no_quorum"
            # The poll.closed event every site receives says the same.
            closed = await clients["delegate1"].wait_for(lambda: next(
                (e for e in clients["delegate1"].meeting_events(meeting.id) if e["type"] == "poll.closed"
                 and e["data"]["poll_id"] == default["poll"]["id"]), None), "poll.closed")
            assert closed["data"]["result"]["passed"] is False
        finally:
            await close_all(clients)

    asyncio.run(scenario())


def test_with_the_quorum_each_rule_decides(rules_server: ServerProcess, tokens: dict[str, Any]) -> None:
    async def scenario() -> None:
        present = ["chair", *DELEGATES[:4]]  # 5 of 9: the meeting's quorum (more than half)
        meeting, clients = await meeting_with(rules_server, tokens, present)
        try:
            # Two "yes" of five present and nine members.
            absolute = (await decide(clients, meeting, ["chair", "delegate1"]))["result"]
            assert absolute["quorum_reached"] is True and absolute["quorum_counted"] == 5
            assert absolute["passed"] is False and absolute["reason"] == "below_threshold"
            two = ["chair", "delegate1"]
            present_rule = (await decide(clients, meeting, two, majority="present"))["result"]
            assert present_rule["threshold"] == 3 and present_rule["present_weight"] == 5
            assert present_rule["passed"] is False and present_rule["reason"] == "below_threshold"
            three = (await decide(clients, meeting, ["chair", "delegate1", "delegate2"], majority="present"))
            assert three["result"]["passed"] is True and three["result"]["reason"] is None
            # A poll's own quorum replaces the meeting's: here three ballots, two cast.
            own = (await decide(clients, meeting, two, majority="simple", quorum=3))["result"]
            assert (own["quorum_rule"], own["quorum_required"], own["quorum_counted"]) == ("ballots", 3, 2)
            assert own["passed"] is False and own["reason"] == "no_quorum"
            simple = (await decide(clients, meeting, ["chair", "delegate1"], majority="simple"))["result"]
            assert simple["passed"] is True and simple["reason"] is None
        finally:
            await close_all(clients)

    asyncio.run(scenario())


def download(server: ServerProcess, token: str, path: str) -> bytes:
    request = urllib.request.Request(server.url + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return bytes(answer.read())


def test_the_minutes_state_each_result_as_decided_with_the_actual_times_in_liberation_serif(
        rules_server: ServerProcess, tokens: dict[str, Any]) -> None:
    async def scenario() -> tuple[int, dict[str, Any]]:
        meeting, clients = await meeting_with(rules_server, tokens, ["chair"])
        try:
            await decide(clients, meeting, ["chair"], majority="simple")
            await clients["chair"].ok("conclusion.set", {
                "meeting_id": meeting.id, "agenda_item_id": meeting.items[0],
                "text": "Giao Văn phòng hoàn thiện dự thảo Nghị quyết."})
            await clients["chair"].ok("meeting.end", {"meeting_id": meeting.id})
            published = await clients["chair"].ok("minutes.publish", {"meeting_id": meeting.id})
            assert published["notice_document_id"] != published["document_id"]
            return meeting.id, (await clients["admin"].ok("meeting.list", {}))
        finally:
            await close_all(clients)

    meeting_id, listed = asyncio.run(scenario())
    held = next(m for m in listed["meetings"] if m["id"] == meeting_id)
    token = tokens["delegate1"]["token"]  # published: every participant reads both documents
    minutes = pymupdf.open("pdf", download(rules_server, token, f"/api/meetings/{meeting_id}/minutes.pdf"))
    text = "".join(page.get_text() for page in minutes)
    assert "BIÊN BẢN HỌP" in text and "THÔNG BÁO" not in text
    # The result as the server decided it, never "Thông qua" beside "không đủ".
    assert "Không thông qua (1 phiếu" in text and "không đủ số thành viên có mặt theo quy định (1/5)" in text
    assert "Thông qua (" not in text
    # Held today (the test's own clock): the actual start and end, the end not before the start.
    # The meeting was planned for 21/11 and held today: the actual start and end, in order.
    line = next(row for row in text.splitlines() if row.startswith("Thời gian:"))
    start, _, end = line.removeprefix("Thời gian: Từ ").partition(" đến ")
    today = datetime.now(LOCAL)
    assert held["status"] == "ended" and vietnamese_date(today) in start and "tháng 11" not in line, line
    assert end and start[:9] <= end[:9], line
    # Every font is Liberation Serif (Times New Roman's metrics), embedded (subset): the
    # Vietnamese letters above were extracted from its glyphs.
    fonts = {(font[3].partition("+")[2], font[1]) for page in minutes for font in page.get_fonts()}
    faces = {"Liberation Serif Regular", "Liberation Serif Bold", "Liberation Serif Italic",
             "Liberation Serif Bold Italic"}
    assert {name for name, _ext in fonts} == faces, fonts
    assert all(ext == "ttf" for _name, ext in fonts), fonts
    notice = pymupdf.open("pdf", download(rules_server, token, f"/api/meetings/{meeting_id}/conclusions.pdf"))
    notice_text = "".join(page.get_text() for page in notice)
    assert "THÔNG BÁO" in notice_text and "BIÊN BẢN HỌP" not in notice_text
    assert "Giao Văn phòng hoàn thiện dự thảo Nghị quyết." in notice_text
    assert all("Liberation Serif" in font[3] and font[1] == "ttf"
               for page in notice for font in page.get_fonts())
    word = download(rules_server, token, f"/api/meetings/{meeting_id}/conclusions.docx")
    assert word.startswith(b"PK")
