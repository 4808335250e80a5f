"""The disk fills up during an upload. A small tmpfs needs root; instead the server process
runs with a file size limit (RLIMIT_FSIZE), so that writing the upload past it fails with
EFBIG exactly where a full disk fails with ENOSPC: in the middle of ``write()``, with part
of the file on disk. The server answers 507 ``storage_full``, removes the partial file,
and goes on serving: commands, other uploads, downloads; nothing else is lost."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.documents import TunedServer, download, upload
from tests.e2e.helpers import Client, new_meeting
from tests.fault.accounts import accounts
from tests.fault.files import big_pdf, blob_names, document_rows
from tests.support.pdfs import meeting_pdf

pytestmark = pytest.mark.e2e

ROOM = 12 * 1024 * 1024
"""The largest file the server may write: room for its database, not for a 16 MB upload."""


@pytest.fixture
def cramped(tmp_path: Path, seeded: Path) -> Iterator[TunedServer]:
    server = TunedServer(tmp_path / "server", file_size_limit=ROOM)
    server.data_dir.mkdir()
    server.copy_database_from(seeded)
    with server.running():
        yield server


def test_a_full_disk_refuses_the_upload_cleanly_and_the_server_goes_on(
        cramped: TunedServer, tmp_path: Path) -> None:
    tokens, users = accounts(cramped)

    async def meeting_and_chair() -> tuple[int, list[int]]:
        admin = await Client(cramped, tokens["admin"], "admin").connect()
        try:
            made = await new_meeting(admin, users)
        finally:
            await admin.close()
        return made.id, made.items

    meeting_id, items = asyncio.run(meeting_and_chair())
    small = meeting_pdf(tmp_path / "chuong-trinh.pdf").path.read_bytes()
    status, first = upload(cramped, tokens["secretary"], meeting_id, small, filename="chuong-trinh.pdf",
                           title="Chương trình")
    assert status == 201, first
    rows, blobs = document_rows(cramped), blob_names(cramped)

    large = big_pdf(tmp_path / "ban-do.pdf", 16)
    assert len(large) > ROOM
    status, refused = upload(cramped, tokens["secretary"], meeting_id, large, filename="ban-do.pdf",
                             title="Bản đồ quy hoạch")
    assert status == 507, (status, refused)
    assert refused["error"]["code"] == "storage_full" and "no room" in refused["error"]["message"]
    assert document_rows(cramped) == rows and blob_names(cramped) == blobs
    assert list((cramped.blob_dir / "tmp").iterdir()) == [], "the partial file stayed on disk"

    # The server goes on: commands, another upload, and what was stored before.
    async def still_serving() -> None:
        chair = await Client(cramped, tokens["chair"], "chair").connect()
        try:
            joined = await chair.ok("meeting.join", {"meeting_id": meeting_id})
            titles = [d["title"] for d in joined["snapshot"]["documents"]]
            assert titles == ["Chương trình"], titles
            await chair.ok("meeting.start", {"meeting_id": meeting_id})
            await chair.ok("agenda.set_current", {"meeting_id": meeting_id, "item_id": items[0]})
        finally:
            await chair.close()

    asyncio.run(still_serving())
    other = meeting_pdf(tmp_path / "to-trinh.pdf", text_pages=3).path.read_bytes()
    status, second = upload(cramped, tokens["secretary"], meeting_id, other, filename="to-trinh.pdf",
                            title="Tờ trình")
    assert status == 201, second
    stored = download(cramped, tokens["delegate1"], first["document"]["id"])
    assert stored.status == 200 and hashlib.sha256(stored.body).digest() == hashlib.sha256(small).digest()
    assert cramped.process is not None and cramped.process.poll() is None
