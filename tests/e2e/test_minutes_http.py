"""The minutes against a real server process: published over a socket, downloaded over
HTTP with rights, and the same bytes after a restart (read from the blob store, never
regenerated)."""

from __future__ import annotations

import asyncio
import hashlib
import io
import urllib.error
import urllib.request
from dataclasses import dataclass

import docx
import pymupdf
import pytest

from tests.e2e.helpers import TIMEOUT, Client, Meeting, new_meeting
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

CONCLUSION = ("Thống nhất thông qua Kế hoạch cải cách hành chính năm 2027; giao Vụ Tổ chức cán bộ "
              "chủ trì, phối hợp.")


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(server: ServerProcess, token: str | None, meeting_id: int, kind: str = "pdf",
          query: str = "", **headers: str) -> Answer:
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(f"{server.url}/api/meetings/{meeting_id}/minutes.{kind}{query}",
                                     headers={k.replace("_", "-"): v for k, v in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return Answer(answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


def pdf_words(data: bytes) -> str:
    with pymupdf.open("pdf", data) as doc:
        return " ".join(" ".join(page.get_text() for page in doc).split())


Steps = list[tuple[str, dict[str, object]]]


def run(server: ServerProcess, token: str, steps: Steps) -> list[dict[str, object]]:
    """Send commands over one socket; their answers' data."""
    async def go() -> list[dict[str, object]]:
        client = await Client(server, token).connect()
        try:
            return [await client.ok(command, payload) for command, payload in steps]
        finally:
            await client.close()

    return asyncio.run(go())


@pytest.fixture(scope="module")
def tokens(logins: dict[str, dict[str, object]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in logins.items()}


def make_meeting(server: ServerProcess, tokens: dict[str, str], user_ids: dict[str, int]) -> Meeting:
    async def make() -> Meeting:
        admin = await Client(server, tokens["admin"], "admin").connect()
        try:
            return await new_meeting(admin, user_ids)  # delegate4 takes no part
        finally:
            await admin.close()

    return asyncio.run(make())


def test_published_minutes_are_served_with_rights_and_survive_a_restart(
        server: ServerProcess, tokens: dict[str, str], user_ids: dict[str, int]) -> None:
    meeting = make_meeting(server, tokens, user_ids)
    run(server, tokens["secretary"], [("conclusion.set", {
        "meeting_id": meeting.id, "agenda_item_id": meeting.items[0], "text": CONCLUSION})])
    draft = fetch(server, tokens["chair"], meeting.id)
    assert draft.status == 200 and draft.headers["cache-control"] == "no-store"
    assert CONCLUSION in pdf_words(draft.body), "the chair reads the draft before publication"
    assert fetch(server, tokens["delegate1"], meeting.id).status == 404, "no minutes for delegates yet"

    published = run(server, tokens["chair"], [("minutes.publish", {"meeting_id": meeting.id})])[0]
    pdf = fetch(server, tokens["delegate1"], meeting.id)
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert hashlib.sha256(pdf.body).hexdigest() == published["sha256"]
    assert pdf.headers["etag"].strip('"') == published["sha256"]
    assert CONCLUSION in pdf_words(pdf.body)
    held = fetch(server, tokens["delegate1"], meeting.id, If_None_Match=pdf.headers["etag"])
    assert held.status == 304 and held.body == b"", "a client holding these bytes is told so"
    assert held.headers["x-content-type-options"] == "nosniff"
    word = fetch(server, tokens["observer1"], meeting.id, "docx")
    assert word.status == 200 and hashlib.sha256(word.body).hexdigest() == published["docx_sha256"]
    paragraphs = " ".join(p.text for p in docx.Document(io.BytesIO(word.body)).paragraphs)
    assert CONCLUSION in paragraphs
    # Both files carry the audit chain's head at publication, and so does the anchor file
    # outside the database that `audit verify` reads; the draft carries none.
    anchor_file = server.data_dir / "anchors" / f"minutes-{meeting.id}-v1"
    anchor = anchor_file.read_text().split()[0].upper()  # capitals: no ligature in "ff"
    assert f"Neo nhật ký kiểm tra khi ban hành: {anchor}" in pdf_words(pdf.body)
    assert f"Neo nhật ký kiểm tra khi ban hành: {anchor}" in paragraphs
    assert "Neo nhật ký" not in pdf_words(draft.body)

    assert fetch(server, None, meeting.id).status == 401
    assert fetch(server, tokens["delegate4"], meeting.id).status == 404, "not a participant"
    assert fetch(server, tokens["delegate1"], meeting.id, query="?draft=1").status == 403
    assert fetch(server, tokens["delegate1"], meeting.id, query="?version=2").status == 404
    assert fetch(server, tokens["delegate1"], meeting.id, query="?version=x").status == 400
    assert fetch(server, tokens["delegate1"], 424242).status == 404

    server.restart()
    assert fetch(server, tokens["delegate1"], meeting.id).body == pdf.body, "the same bytes after a restart"
    assert fetch(server, tokens["delegate1"], meeting.id, "docx").body == word.body

    corrected = CONCLUSION.replace("phối hợp", "phối hợp với Văn phòng Bộ")
    second = run(server, tokens["chair"], [
        ("conclusion.set", {"meeting_id": meeting.id, "agenda_item_id": meeting.items[0], "text": corrected}),
        ("minutes.publish", {"meeting_id": meeting.id})])[1]
    assert (second["version"], second["document_id"]) == (2, published["document_id"])
    newest = fetch(server, tokens["delegate2"], meeting.id)
    assert hashlib.sha256(newest.body).hexdigest() == second["sha256"] and corrected in pdf_words(newest.body)
    first = fetch(server, tokens["delegate2"], meeting.id, query="?version=1")
    assert first.body == pdf.body and "immutable" in first.headers["cache-control"]
