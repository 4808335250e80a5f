"""The document downloader against a tiny real HTTP server: full downloads checked by hash,
resuming a .part (left by a cut connection or by an earlier run), refusing damaged bytes,
and opening from the cache with no network at all."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from meeting_app.net.downloads import DONE, FAILED, DocumentCache, Downloader
from tests.support.http_stub import serving
from tests.support.server_process import free_port

WAIT = 15_000
DOC = 7


@dataclass
class FileServer:
    """Serves ``body`` as document 7's content like the meeting server does (ETag, Range,
    If-Range), and records each request's headers. ``cut_after``: the first answer stops
    after that many bytes and drops the connection."""

    body: bytes
    etag: str = ""
    cut_after: int | None = None
    status: int = 200
    port: int = field(default_factory=free_port)
    requests: list[dict[str, str]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def content(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(dict(request.headers))
        if request.headers.get("Authorization") != "Bearer secret":
            return web.json_response({"error": {"code": "unauthenticated", "message": "no"}}, status=401)
        if self.status != 200:
            return web.json_response({"error": {"code": "forbidden",
                                                "message": "Tài liệu mật: bạn không có quyền đọc."}},
                                     status=self.status)
        start = 0
        wanted = request.headers.get("Range", "")
        if wanted.startswith("bytes=") and request.headers.get("If-Range") == f'"{self.etag}"':
            start = int(wanted[6:].rstrip("-"))
        payload = self.body[start:]
        answer = web.StreamResponse(status=206 if start else 200)
        answer.headers["ETag"] = f'"{self.etag}"'
        answer.content_length = len(payload)
        await answer.prepare(request)
        if self.cut_after is not None:
            cut, self.cut_after = self.cut_after, None
            await answer.write(payload[:cut])
            assert request.transport is not None
            request.transport.close()  # the network goes away midway
            return answer
        for i in range(0, len(payload), 32 * 1024):
            await answer.write(payload[i:i + 32 * 1024])
        await answer.write_eof()
        return answer


@pytest.fixture
def file_server() -> Iterator[FileServer]:
    body = os.urandom(700 * 1024 + 123)
    server = FileServer(body, hashlib.sha256(body).hexdigest())
    app = web.Application()
    app.router.add_get(f"/api/documents/{DOC}/content", server.content)
    with serving(app, server.port):
        yield server


@pytest.fixture
def downloader(tmp_path: Path, file_server: FileServer, qtbot: Any) -> Iterator[Downloader]:
    made = Downloader(file_server.url, "secret", DocumentCache(tmp_path / "cache"))
    yield made
    made.shutdown()


def wait_done(qtbot: Any, job: Any) -> None:
    qtbot.waitUntil(lambda: job.state in (DONE, FAILED), timeout=WAIT)


def test_a_download_is_checked_and_stored_by_its_hash(
        qtbot: Any, downloader: Downloader, file_server: FileServer) -> None:
    finished: list[str] = []
    downloader.finished.connect(finished.append)
    job = downloader.request(DOC, file_server.etag, len(file_server.body), version=1)
    wait_done(qtbot, job)
    assert job.state == DONE, job.error
    assert job.path == downloader.cache.path(file_server.etag)
    assert job.path.read_bytes() == file_server.body
    assert job.downloaded == len(file_server.body) and job.requests == 1
    assert not downloader.cache.part(file_server.etag).exists()
    qtbot.waitUntil(lambda: finished == [file_server.etag], timeout=WAIT)
    assert file_server.requests[0]["Authorization"] == "Bearer secret"
    assert "Range" not in file_server.requests[0]
    # Asking again for the same bytes is the same finished job: nothing more is fetched.
    assert downloader.request(DOC, file_server.etag) is job
    assert len(file_server.requests) == 1


def test_a_cut_connection_resumes_with_a_range_request(
        qtbot: Any, downloader: Downloader, file_server: FileServer) -> None:
    half = len(file_server.body) // 2
    file_server.cut_after = half
    job = downloader.request(DOC, file_server.etag, len(file_server.body))
    wait_done(qtbot, job)
    assert job.state == DONE, job.error
    assert job.path is not None and job.path.read_bytes() == file_server.body
    assert len(file_server.requests) == 2
    second = file_server.requests[1]
    have = int(second["Range"].removeprefix("bytes=").rstrip("-"))
    assert 0 < have <= half
    assert second["If-Range"] == f'"{file_server.etag}"'
    # The bytes that arrived before the cut were kept: only the rest came again.
    assert job.downloaded == len(file_server.body)


def test_a_part_file_from_an_earlier_run_is_resumed(
        qtbot: Any, downloader: Downloader, file_server: FileServer) -> None:
    half = len(file_server.body) // 2
    part = downloader.cache.part(file_server.etag)
    part.parent.mkdir(parents=True)
    part.write_bytes(file_server.body[:half])
    job = downloader.request(DOC, file_server.etag, len(file_server.body))
    wait_done(qtbot, job)
    assert job.state == DONE, job.error
    assert file_server.requests[0]["Range"] == f"bytes={half}-"
    assert file_server.requests[0]["If-Range"] == f'"{file_server.etag}"'
    assert job.downloaded == len(file_server.body) - half
    assert job.path is not None and job.path.read_bytes() == file_server.body


def test_bytes_that_do_not_match_the_hash_are_rejected(
        qtbot: Any, downloader: Downloader, file_server: FileServer) -> None:
    wrong = hashlib.sha256(b"something else").hexdigest()
    failed: list[str] = []
    downloader.failed.connect(failed.append)
    job = downloader.request(DOC, wrong, len(file_server.body))
    wait_done(qtbot, job)
    assert job.state == FAILED
    assert "checksum" in job.error
    assert not downloader.cache.has(wrong)
    assert not downloader.cache.part(wrong).exists()  # the damaged bytes are discarded
    qtbot.waitUntil(lambda: failed == [wrong], timeout=WAIT)


def test_a_cached_document_needs_no_network(tmp_path: Path, qtbot: Any) -> None:
    body = b"%PDF-1.7 already here"
    sha = hashlib.sha256(body).hexdigest()
    cache = DocumentCache(tmp_path / "cache")
    cache.directory.mkdir(parents=True)
    cache.path(sha).write_bytes(body)
    # Nobody listens on this port: any request would fail.
    offline = Downloader(f"http://127.0.0.1:{free_port()}", "secret", cache)
    try:
        job = offline.request(DOC, sha, len(body))
        wait_done(qtbot, job)
        assert job.state == DONE, job.error
        assert job.downloaded == 0 and job.requests == 0
        assert job.path == cache.path(sha)
    finally:
        offline.shutdown()


def test_a_damaged_cached_file_is_fetched_again(
        qtbot: Any, downloader: Downloader, file_server: FileServer) -> None:
    cache = downloader.cache
    cache.directory.mkdir(parents=True)
    cache.path(file_server.etag).write_bytes(b"bit rot")
    job = downloader.request(DOC, file_server.etag, len(file_server.body))
    wait_done(qtbot, job)
    assert job.state == DONE, job.error
    assert job.downloaded == len(file_server.body)
    assert cache.path(file_server.etag).read_bytes() == file_server.body


def test_a_refusal_shows_the_servers_message_and_retry_works(
        qtbot: Any, downloader: Downloader, file_server: FileServer) -> None:
    file_server.status = 403
    job = downloader.request(DOC, file_server.etag, len(file_server.body))
    wait_done(qtbot, job)
    assert job.state == FAILED
    assert job.error == "Tài liệu mật: bạn không có quyền đọc."
    file_server.status = 200
    downloader.retry(file_server.etag)
    qtbot.waitUntil(lambda: job.state == DONE, timeout=WAIT)
    assert job.path is not None and job.path.read_bytes() == file_server.body


def test_a_bad_hash_from_the_server_is_never_a_path(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path)
    with pytest.raises(ValueError):
        cache.path("../../etc/passwd")
