"""Documents in the offline cache are sealed: a download never leaves plaintext on disk,
the PDF process decrypts in memory, and without the key (or after the offline period)
a cached document does not open."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from meeting_app.net.downloads import DONE, FAILED, DocumentCache, Downloader
from meeting_app.pdf import PdfEngine, PdfError
from meeting_app.state.offline import unlock_offline
from meeting_app.vault import (
    OfflineExpired,
    SealedWriter,
    VaultError,
    read_sealed,
    save_offline_key,
    sealed_plain_size,
    user_cache_dir,
)
from tests.client.test_downloads import DOC, FileServer
from tests.support.http_stub import serving
from tests.support.pdfs import meeting_pdf

WAIT = 20_000
KEY = bytes(range(1, 33))
SERVER = "http://10.1.2.3:8765"


class CutThenRefuse(FileServer):
    """Cuts the first answer midway, then refuses (403) until told otherwise: the
    download stops with its ``.part`` on disk."""

    async def content(self, request: web.Request) -> web.StreamResponse:
        cutting = self.cut_after is not None
        answer = await super().content(request)
        if cutting:
            self.status = 403
        return answer


@pytest.fixture(scope="module")
def pdf_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = meeting_pdf(tmp_path_factory.mktemp("pdf") / "Tờ trình mật.pdf", text_pages=12).path
    return path.read_bytes()


@pytest.fixture
def file_server(pdf_bytes: bytes) -> Iterator[CutThenRefuse]:
    server = CutThenRefuse(pdf_bytes, hashlib.sha256(pdf_bytes).hexdigest())
    app = web.Application()
    app.router.add_get(f"/api/documents/{DOC}/content", server.content)
    with serving(app, server.port):
        yield server


def plaintext_on_disk(directory: Path) -> list[Path]:
    """Files under ``directory`` that show any piece of a PDF in the clear."""
    return [p for p in directory.rglob("*") if p.is_file()
            and any(marker in p.read_bytes() for marker in (b"%PDF", b"endobj", b"/Type"))]


def open_sealed(qtbot: Any, engine: PdfEngine, path: Path, key: bytes | None) -> Any:
    """The ``DocumentInfo``, or the ``PdfError`` the engine answered."""
    answers: list[Any] = []
    engine.document_opened.connect(answers.append)
    engine.open_failed.connect(lambda _doc, error: answers.append(error))
    engine.open(path, cache_key=key)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    return answers[0]


def test_a_download_is_sealed_from_its_first_byte_and_resumes(
        qtbot: Any, tmp_path: Path, file_server: CutThenRefuse) -> None:
    cache = DocumentCache(tmp_path / "cache", KEY)
    downloader = Downloader(file_server.url, "secret", cache)
    try:
        file_server.cut_after = len(file_server.body) // 2
        job = downloader.request(DOC, file_server.etag, len(file_server.body))
        qtbot.waitUntil(lambda: job.state in (DONE, FAILED), timeout=WAIT)
        assert job.state == FAILED  # cut, then refused: the partial download stays
        part = cache.part(file_server.etag)
        have, _records = sealed_plain_size(part)
        assert 0 < have <= len(file_server.body) // 2
        assert plaintext_on_disk(cache.directory) == []
        file_server.status = 200
        downloader.retry(file_server.etag)
        qtbot.waitUntil(lambda: job.state == DONE, timeout=WAIT)
    finally:
        downloader.shutdown()
    assert file_server.requests[-1]["Range"] == f"bytes={have}-"  # only the rest came again
    assert job.path == cache.path(file_server.etag) and job.path.suffix == ".sealed"
    assert not part.exists()
    assert plaintext_on_disk(cache.directory) == []
    assert read_sealed(job.path, KEY, file_server.etag, file_server.etag) == file_server.body


def test_the_pdf_process_opens_a_sealed_file_with_its_key_only(
        qtbot: Any, engine: PdfEngine, tmp_path: Path, file_server: CutThenRefuse) -> None:
    cache = DocumentCache(tmp_path / "cache", KEY)
    downloader = Downloader(file_server.url, "secret", cache)
    try:
        job = downloader.request(DOC, file_server.etag, len(file_server.body))
        qtbot.waitUntil(lambda: job.state == DONE, timeout=WAIT)
    finally:
        downloader.shutdown()
    assert job.path is not None
    info = open_sealed(qtbot, engine, job.path, KEY)
    assert not isinstance(info, PdfError), info
    assert info.page_count == 14
    rendered: list[Any] = []
    engine.page_rendered.connect(rendered.append)
    engine.render(info.doc, 0, 0.5)
    qtbot.waitUntil(lambda: bool(rendered), timeout=WAIT)
    assert rendered[0].image.width() > 100
    locked = open_sealed(qtbot, engine, job.path, None)
    assert isinstance(locked, PdfError) and locked.code == "locked"
    assert "sign in" in locked.message
    wrong = open_sealed(qtbot, engine, job.path, bytes(32))
    assert isinstance(wrong, PdfError) and wrong.code == "locked"
    assert "another key" in wrong.message


def test_offline_reading_needs_the_password_and_ends_with_the_grace_period(
        qtbot: Any, engine: PdfEngine, tmp_path: Path, pdf_bytes: bytes) -> None:
    sha = hashlib.sha256(pdf_bytes).hexdigest()
    mine = user_cache_dir(tmp_path, SERVER, "delegate1")
    cache = DocumentCache(mine, KEY)
    mine.mkdir(parents=True)
    with cache.path(sha).open("wb") as out:
        SealedWriter(out, KEY, sha).write(pdf_bytes)
    # Still within the grace period: the password unwraps the key, the document opens.
    save_offline_key(mine, KEY, "demo", datetime.now(UTC) + timedelta(hours=8), n=2**10)
    key = unlock_offline(tmp_path, SERVER, "delegate1", "demo")
    info = open_sealed(qtbot, engine, cache.path(sha), key)
    assert not isinstance(info, PdfError), info
    with pytest.raises(VaultError, match="Wrong password"):
        unlock_offline(tmp_path, SERVER, "delegate1", "not demo")
    # Past it: no key, and the cached document does not open.
    save_offline_key(mine, KEY, "demo", datetime.now(UTC) - timedelta(minutes=1), n=2**10)
    with pytest.raises(OfflineExpired) as expired:
        unlock_offline(tmp_path, SERVER, "delegate1", "demo")
    assert "Connect to the server and sign in" in str(expired.value)
    refused = open_sealed(qtbot, engine, cache.path(sha), None)
    assert isinstance(refused, PdfError) and refused.code == "locked"
    assert "encrypted in the offline cache" in refused.message
