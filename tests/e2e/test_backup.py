"""``meeting-server backup`` and ``restore``: a round trip on SQLite and on PostgreSQL gives
a server whose meeting and documents are the same; a damaged archive is refused."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.e2e.demo_activity import MEETING_ID, activity, get
from tests.e2e.documents import upload
from tests.e2e.helpers import Client
from tests.server.databases import POSTGRES_URL, clean_postgres, require_postgres
from tests.support import pdfs
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", *args], capture_output=True, text=True,
                          timeout=180)


def storage(server: ServerProcess) -> list[str]:
    return ["--data-dir", str(server.data_dir)] + (["--database-url", server.database_url]
                                                   if server.database_url else [])


def annotate(server: ServerProcess, token: str, document_id: int) -> None:
    async def go() -> None:
        client = await Client(server, token).connect()
        try:
            await client.ok("meeting.join", {"meeting_id": MEETING_ID})
            await client.ok("annotation.save", {"document_id": document_id, "annotation": {
                "id": "note-0001", "page": 0, "kind": "note",
                "data": {"point": [10, 20], "text": "Ghi chú: đồng ý", "color": "#ffcc00"},
                "shared": True}})
        finally:
            await client.close()

    asyncio.run(go())


def state(server: ServerProcess) -> dict[str, Any]:
    """What a participant sees: the joined snapshot, the annotations, every document's bytes."""
    token = server.login("chair")["token"]

    async def go() -> dict[str, Any]:
        client = await Client(server, token).connect()
        try:
            snapshot = (await client.ok("meeting.join", {"meeting_id": MEETING_ID}))["snapshot"]
            notes = {d["id"]: (await client.ok("annotation.list", {"document_id": d["id"]}))["annotations"]
                     for d in snapshot["documents"]}
            return {"snapshot": snapshot, "annotations": notes}
        finally:
            await client.close()

    seen = asyncio.run(go())
    seen["files"] = {d["id"]: get(server, f"/api/documents/{d['id']}/content", token)
                     for d in seen["snapshot"]["documents"]}
    return seen


def round_trip(source: ServerProcess, target: ServerProcess, archive: Path) -> dict[str, Any]:
    source.seed_demo()
    with source.running():
        delegate = source.login("delegate1")["token"]
        done = activity(source, source.login("chair")["token"], delegate)
        annotate(source, delegate, done["document_id"])
        pdf = archive.parent / "bao-cao.pdf"
        pdfs.meeting_pdf(pdf, text_pages=2)
        status, answer = upload(source, source.login("secretary")["token"], MEETING_ID, pdf.read_bytes(),
                                "bao-cao.pdf", title="Báo cáo bổ sung")
        assert status == 201, answer
        # Made while the server runs: the copy is consistent without stopping it.
        made = cli("backup", "--out", str(archive), *storage(source))
        assert made.returncode == 0, made.stderr
        before = state(source)
    assert before["files"] and all(status == 200 for status, _ in before["files"].values())
    assert "Báo cáo bổ sung" in [d["title"] for d in before["snapshot"]["documents"]]
    assert any(before["annotations"].values())
    target.data_dir.mkdir(parents=True, exist_ok=True)
    restored = cli("restore", str(archive), *storage(target))
    assert restored.returncode == 0, restored.stderr
    verified = cli("audit", "verify", *storage(target))
    assert verified.returncode == 0, verified.stdout
    with target.running():
        after = state(target)
    assert after == before
    # A second restore onto the now full target is refused without --force.
    again = cli("restore", str(archive), *storage(target))
    assert again.returncode == 1 and "--force" in again.stderr
    forced = cli("restore", str(archive), "--force", *storage(target))
    assert forced.returncode == 0, forced.stderr
    return before


def damage(archive: Path, member_prefix: str, out: Path) -> None:
    """A copy of ``archive`` with one byte of a member flipped (a bad disk, a bad copy)."""
    data = bytearray(archive.read_bytes())
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.startswith(member_prefix) and m.size > 10)
    data[member.offset_data + 5] ^= 0xFF
    out.write_bytes(bytes(data))


def test_backup_and_restore_on_sqlite(tmp_path: Path) -> None:
    source, target = ServerProcess(tmp_path / "source"), ServerProcess(tmp_path / "target")
    source.data_dir.mkdir()
    archive = tmp_path / "backup.tar"
    round_trip(source, target, archive)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and "database/meetings.db" in names
    assert any(name.startswith("blobs/") for name in names)

    for prefix, word in (("blobs/", "damaged"), ("database/", "damaged")):
        bad = tmp_path / f"bad-{prefix.strip('/')}.tar"
        damage(archive, prefix, bad)
        empty = tmp_path / f"empty-{prefix.strip('/')}"
        refused = cli("restore", str(bad), "--data-dir", str(empty))
        assert refused.returncode == 1 and word in refused.stderr, refused.stderr
        assert not (empty / "meetings.db").exists(), "nothing is restored from a damaged archive"
    cut = tmp_path / "cut.tar"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    refused = cli("restore", str(cut), "--data-dir", str(tmp_path / "empty-cut"))
    assert refused.returncode == 1 and "error:" in refused.stderr
    not_backup = tmp_path / "other.tar"
    with tarfile.open(not_backup, "w") as tar:
        tar.add(archive, "something.bin")
    refused = cli("restore", str(not_backup), "--data-dir", str(tmp_path / "empty-other"))
    assert refused.returncode == 1 and "not a backup" in refused.stderr


def second_postgres_url() -> str:
    url = make_url(POSTGRES_URL)
    return url.set(database=f"{url.database}b").render_as_string(hide_password=False)


def empty_postgres(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    except Exception as error:  # the second database may not exist on this machine
        pytest.skip(f"no second PostgreSQL database at {url}: {error}")
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_backup_and_restore_on_postgres(tmp_path: Path) -> None:
    require_postgres()
    clean_postgres()
    second = second_postgres_url()
    empty_postgres(second)
    source = ServerProcess(tmp_path / "source", database_url=POSTGRES_URL)
    target = ServerProcess(tmp_path / "target", database_url=second)
    source.data_dir.mkdir()
    archive = tmp_path / "backup.tar.gz"
    before = round_trip(source, target, archive)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "database/tables/audit_log.jsonl" in names and "database/tables/poll_ballots.jsonl" in names
    # The portable dump restores into SQLite too (moving off PostgreSQL, or a quick look).
    moved = ServerProcess(tmp_path / "moved")
    moved.data_dir.mkdir()
    restored = cli("restore", str(archive), *storage(moved))
    assert restored.returncode == 0, restored.stderr
    assert cli("audit", "verify", *storage(moved)).returncode == 0
    with moved.running():
        assert state(moved) == before
