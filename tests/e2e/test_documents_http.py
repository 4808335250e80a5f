"""Uploading and downloading documents against a real server process.

The server runs with a 2 MB upload limit and a 3 s CPU limit for checking a PDF, so that
the refusals they cause come quickly.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server.documents.convert import find_soffice
from tests.e2e.documents import TunedServer, download, multipart, post_form, upload
from tests.e2e.helpers import Client, Meeting, http, login, new_meeting
from tests.server import hostile_pdfs
from tests.support.pdfs import broken_pdfs, meeting_pdf

pytestmark = pytest.mark.e2e

USERS = ["admin", "chair", "secretary", "delegate1", "delegate2", "delegate3", "observer1", "delegate4"]


@pytest.fixture(scope="module")
def docs_server(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[TunedServer]:
    process = TunedServer(tmp_path_factory.mktemp("docs"),
                          serve_options=["--max-upload-mb", "2", "--inspect-cpu-seconds", "3"])
    process.copy_database_from(seeded_sqlite)
    with process.running():
        yield process


@pytest.fixture(scope="module")
def answers(docs_server: TunedServer) -> dict[str, dict[str, Any]]:
    return {name: login(docs_server, name) for name in USERS}


@pytest.fixture(scope="module")
def tokens(answers: dict[str, dict[str, Any]]) -> dict[str, str]:
    return {name: str(answer["token"]) for name, answer in answers.items()}


@pytest.fixture(scope="module")
def ids(answers: dict[str, dict[str, Any]]) -> dict[str, int]:
    return {name: int(answer["user"]["id"]) for name, answer in answers.items()}


@pytest.fixture(scope="module")
def meeting(docs_server: TunedServer, tokens: dict[str, str], ids: dict[str, int]) -> Meeting:
    """A meeting with the default cast (delegate4 takes no part in it)."""
    async def make() -> Meeting:
        admin = await Client(docs_server, tokens["admin"], "admin").connect()
        try:
            return await new_meeting(admin, ids)
        finally:
            await admin.close()

    return asyncio.run(make())


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real meeting document (text, a scanned page, a chart): about 0.8 MB."""
    return meeting_pdf(tmp_path_factory.mktemp("pdf") / "sample.pdf", text_pages=3).path.read_bytes()


def blob_files(server: TunedServer) -> list[Path]:
    return sorted(p for p in server.blob_dir.rglob("*") if p.is_file() and p.parent.name != "tmp")


def temp_files(server: TunedServer) -> list[Path]:
    return sorted((server.blob_dir / "tmp").iterdir()) if (server.blob_dir / "tmp").exists() else []


def command(server: TunedServer, token: str, name: str, payload: dict[str, Any]) -> dict[str, Any]:
    async def call() -> dict[str, Any]:
        client = await Client(server, token, name).connect()
        try:
            return await client.call(name, payload)
        finally:
            await client.close()

    return asyncio.run(call())


def test_an_upload_answers_the_document_and_serves_its_bytes(docs_server: TunedServer, tokens: dict[str, str],
                                                              ids: dict[str, int], meeting: Meeting,
                                                              sample: bytes) -> None:
    status, body = upload(docs_server, tokens["secretary"], meeting.id, sample, "Báo cáo tổng kết.pdf",
                          title="Báo cáo tổng kết", agenda_item_id=meeting.items[0])
    assert status == 201, body
    doc = body["document"]
    assert doc["sha256"] == hashlib.sha256(sample).hexdigest()
    assert (doc["title"], doc["pages"], doc["version"]) == ("Báo cáo tổng kết", 5, 1)
    assert doc["size"] == len(sample)
    assert (doc["agenda_item_id"], doc["access"], doc["released"]) == (meeting.items[0], "all", True)
    assert (doc["filename"], doc["uploaded_by"], doc["reader_ids"]) == ("Báo cáo tổng kết.pdf",
                                                                        ids["secretary"], [])
    assert doc["uploaded_at"].endswith("Z")
    got = download(docs_server, tokens["delegate1"], doc["id"])
    assert got.status == 200 and got.body == sample
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["etag"] == f'"{doc["sha256"]}"'
    assert got.headers["accept-ranges"] == "bytes"


def test_the_same_bytes_are_stored_once(docs_server: TunedServer, tokens: dict[str, str],
                                        meeting: Meeting) -> None:
    pdf = hostile_pdfs.minimal("Stored once")
    before = blob_files(docs_server)
    first = upload(docs_server, tokens["chair"], meeting.id, pdf, title="Một")[1]["document"]
    second = upload(docs_server, tokens["admin"], meeting.id, pdf, "khac.pdf", title="Hai")[1]["document"]
    assert first["id"] != second["id"] and first["sha256"] == second["sha256"]
    added = [p for p in blob_files(docs_server) if p not in before]
    assert [p.name for p in added] == [first["sha256"]]
    assert added[0].relative_to(docs_server.blob_dir).parts[:2] == (first["sha256"][:2], first["sha256"][2:4])
    assert temp_files(docs_server) == []


def test_a_new_version_keeps_the_old_one(docs_server: TunedServer, tokens: dict[str, str],
                                         meeting: Meeting) -> None:
    old, new = hostile_pdfs.minimal("Version one"), hostile_pdfs.minimal("Version two")
    doc = upload(docs_server, tokens["secretary"], meeting.id, old, title="Dự thảo",
                 agenda_item_id=meeting.items[1])[1]["document"]
    status, body = upload(docs_server, tokens["secretary"], meeting.id, new, "du-thao-v2.pdf",
                          replaces=doc["id"])
    assert status == 201, body
    replaced = body["document"]
    assert (replaced["id"], replaced["version"], replaced["title"]) == (doc["id"], 2, "Dự thảo")
    assert replaced["agenda_item_id"] == meeting.items[1] and replaced["filename"] == "du-thao-v2.pdf"
    assert download(docs_server, tokens["delegate1"], doc["id"]).body == new
    assert download(docs_server, tokens["delegate1"], doc["id"], version=1).body == old
    assert download(docs_server, tokens["delegate1"], doc["id"], version=3).status == 404
    answer = command(docs_server, tokens["delegate1"], "document.versions", {"document_id": doc["id"]})
    versions = answer["data"]["versions"]
    assert [(v["version"], v["sha256"], v["filename"]) for v in versions] == [
        (1, hashlib.sha256(old).hexdigest(), "tai-lieu.pdf"),
        (2, hashlib.sha256(new).hexdigest(), "du-thao-v2.pdf")]


def test_ranges_etags_and_if_range(docs_server: TunedServer, tokens: dict[str, str], meeting: Meeting,
                                   sample: bytes) -> None:
    doc = upload(docs_server, tokens["chair"], meeting.id, sample, title="Tải từng phần")[1]["document"]
    token, etag = tokens["observer1"], f'"{doc["sha256"]}"'
    part = download(docs_server, token, doc["id"], Range="bytes=1000-1999")
    assert part.status == 206 and part.body == sample[1000:2000]
    assert part.headers["content-range"] == f"bytes 1000-1999/{len(sample)}"
    assert part.headers["etag"] == etag
    rest = download(docs_server, token, doc["id"], Range="bytes=800000-", If_Range=etag)
    assert rest.status == 206 and rest.body == sample[800000:]
    stale = download(docs_server, token, doc["id"], Range="bytes=800000-", If_Range='"' + "0" * 64 + '"')
    assert stale.status == 200 and stale.body == sample, "other bytes held: the whole file"
    cached = download(docs_server, token, doc["id"], If_None_Match=etag)
    assert cached.status == 304 and cached.body == b"" and cached.headers["etag"] == etag
    assert download(docs_server, token, doc["id"], If_None_Match='"other"').status == 200
    assert download(docs_server, token, doc["id"], Range=f"bytes={len(sample) + 5}-").status == 416
    several = download(docs_server, token, doc["id"], Range="bytes=0-99,1000-1999")
    assert several.status == 200 and several.body == sample, "several ranges: the whole file, not 416"
    for answer in (part, rest, stale, cached, several):
        assert answer.headers["x-content-type-options"] == "nosniff"
    assert part.headers["content-disposition"].startswith("inline; filename=\"")
    assert "; filename*=UTF-8''" in part.headers["content-disposition"]


def test_who_may_upload(docs_server: TunedServer, tokens: dict[str, str], meeting: Meeting) -> None:
    pdf = hostile_pdfs.minimal("Rights")
    expected = {"admin": 201, "chair": 201, "secretary": 201, "delegate1": 403, "observer1": 403,
                "delegate4": 404}
    got = {name: upload(docs_server, tokens[name], meeting.id, pdf, title="Quyền")[0] for name in expected}
    assert got == expected
    status, body = upload(docs_server, None, meeting.id, pdf, title="Không đăng nhập")
    assert status == 401 and body["error"]["code"] == "unauthenticated"
    assert upload(docs_server, tokens["admin"], 987_654, pdf, title="Không có")[0] == 404


def test_who_may_download(docs_server: TunedServer, tokens: dict[str, str], ids: dict[str, int],
                          meeting: Meeting) -> None:
    restricted = upload(docs_server, tokens["secretary"], meeting.id, hostile_pdfs.minimal("Secret"),
                        title="Tài liệu mật", access=[ids["delegate1"]])[1]["document"]
    assert restricted["access"] == "restricted" and restricted["reader_ids"] == [ids["delegate1"]]
    prepared = upload(docs_server, tokens["secretary"], meeting.id, hostile_pdfs.minimal("Draft"),
                      title="Chưa phát hành", released=False)[1]["document"]
    expected = {
        restricted["id"]: {"admin": 200, "chair": 200, "secretary": 200, "delegate1": 200, "delegate2": 403,
                           "observer1": 403, "delegate4": 403},
        prepared["id"]: {"admin": 200, "chair": 200, "secretary": 200, "delegate1": 403, "delegate2": 403,
                         "observer1": 403, "delegate4": 403},
    }
    for document_id, by_user in expected.items():
        got = {name: download(docs_server, tokens[name], document_id).status for name in by_user}
        assert got == by_user, document_id
    refused = download(docs_server, tokens["delegate2"], restricted["id"])
    assert refused.error()["code"] == "forbidden"
    assert download(docs_server, tokens["admin"], 987_654).status == 404
    assert download(docs_server, None, restricted["id"]).status == 401
    assert command(docs_server, tokens["chair"], "document.remove", {"document_id": prepared["id"]})["ok"]
    assert download(docs_server, tokens["chair"], prepared["id"]).status == 404


def _bad_files(tmp: Path, sample: bytes) -> list[tuple[str, bytes, str, int, str]]:
    """(case, bytes, file name, status, a word of the message)."""
    broken = broken_pdfs(tmp)
    return [
        ("empty", b"", "rong.pdf", 422, "empty"),
        ("truncated", broken["truncated"].read_bytes(), "cut.pdf", 422, "incomplete"),
        ("text named .pdf", broken["not_pdf"].read_bytes(), "not.pdf", 415, "not one"),
        ("executable", b"MZ\x90\x00" + b"\x00" * 2000, "setup.exe", 415, "accepted"),
        # A zip is never a PDF: taken as an Office package by its content, and refused as one.
        ("zip named .pdf", b"PK\x03\x04" + b"\x00" * 500, "archive.pdf",
         *((415, "LibreOffice") if find_soffice(None) is None else (422, "not a readable one"))),
        ("encrypted", broken["encrypted"].read_bytes(), "mat.pdf", 422, "password"),
        ("wide page", hostile_pdfs.wide_page(), "wide.pdf", 422, "200000"),
        ("too many pages", hostile_pdfs.many_pages(5001), "many.pdf", 422, "5001 pages"),
        ("fake docx", b"PK\x03\x04" + b"\x00" * 500, "bao-cao.docx",
         *((415, "LibreOffice") if find_soffice(None) is None else (422, "not a readable one"))),
    ]


def test_bad_files_are_refused_and_leave_nothing(docs_server: TunedServer, tokens: dict[str, str],
                                                 meeting: Meeting, sample: bytes, tmp_path: Path) -> None:
    before = blob_files(docs_server)
    for case, content, filename, status, word in _bad_files(tmp_path, sample):
        got, body = upload(docs_server, tokens["chair"], meeting.id, content, filename, title=case)
        assert got == status, (case, body)
        assert word in body["error"]["message"], (case, body)
        assert body["error"]["code"] == {415: "unsupported_type", 422: "unprocessable"}[status]
    assert blob_files(docs_server) == before
    assert temp_files(docs_server) == []
    # A PDF is a PDF whatever its name.
    status, body = upload(docs_server, tokens["chair"], meeting.id, hostile_pdfs.minimal("Named"), "scan.bin",
                          title="Tên lạ")
    assert status == 201 and body["document"]["filename"] == "scan.bin"


@pytest.mark.parametrize(("bomb", "words"), [
    # 10 KB inflating to 4 GB: refused by the inflation budget before any page is read.
    (hostile_pdfs.deflate_bomb(4096), ("compression bomb",)),
    # 1 KB showing 256 million letters: past the inflation budget (256 MB), else the memory
    # or CPU-time limit; either way the uploader is told why.
    (hostile_pdfs.text_bomb(256), ("compression bomb", "memory", "processing")),
], ids=["deflate", "text"])
def test_a_bomb_is_refused_quickly_while_the_server_answers(
        docs_server: TunedServer, tokens: dict[str, str], meeting: Meeting, bomb: bytes,
        words: tuple[str, ...]) -> None:
    answer: list[tuple[int, dict[str, Any]]] = []
    started = time.monotonic()
    worker = threading.Thread(target=lambda: answer.append(
        upload(docs_server, tokens["chair"], meeting.id, bomb, "bom.pdf", title="Bom")))
    worker.start()
    health = []
    while worker.is_alive():
        begun = time.monotonic()
        assert http(docs_server, "GET", "/api/health")[0] == 200
        health.append(time.monotonic() - begun)
        time.sleep(0.2)
    worker.join()
    status, body = answer[0]
    assert status == 422 and any(word in body["error"]["message"] for word in words), body
    assert time.monotonic() - started < 10
    assert max(health) < 0.5, "the event loop stayed free while the file was checked"
    assert temp_files(docs_server) == []


def test_an_oversized_upload_is_413_and_stores_nothing(docs_server: TunedServer, tokens: dict[str, str],
                                                       meeting: Meeting) -> None:
    before = blob_files(docs_server)
    big = b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024)
    status, body = upload(docs_server, tokens["chair"], meeting.id, big, "lon.pdf", title="Lớn")
    assert status == 413 and body["error"]["code"] == "too_large" and "2 MB" in body["error"]["message"]
    # Content-Length within the limit's slack: the stream itself is cut off at the limit.
    almost = b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024 + 100_000)
    assert upload(docs_server, tokens["chair"], meeting.id, almost, "lon.pdf", title="Lớn")[0] == 413
    assert blob_files(docs_server) == before and temp_files(docs_server) == []


@pytest.mark.skipif(find_soffice(None) is not None, reason="LibreOffice is installed here")
def test_an_office_document_without_libreoffice_is_415(docs_server: TunedServer, tokens: dict[str, str],
                                                       meeting: Meeting) -> None:
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 1000
    status, body = upload(docs_server, tokens["chair"], meeting.id, ole, "cong-van.doc", title="Công văn")
    assert status == 415
    assert "LibreOffice, which is not installed" in body["error"]["message"]


@pytest.mark.skipif(find_soffice(None) is None, reason="LibreOffice is not installed here")
def test_a_docx_is_converted_to_a_pdf_with_its_vietnamese_text(
        docs_server: TunedServer, tokens: dict[str, str], meeting: Meeting, tmp_path: Path) -> None:
    import docx
    import pymupdf

    source = docx.Document()
    source.add_heading("Thông báo kết luận của Chủ trì hội nghị", level=1)
    source.add_paragraph("Các điểm cầu hoàn thành báo cáo trước ngày 15 tháng 12.")
    path = tmp_path / "thong-bao.docx"
    source.save(str(path))

    status, body = upload(docs_server, tokens["secretary"], meeting.id, path.read_bytes(),
                          "thong-bao.docx", title="Thông báo kết luận")
    assert status == 201, body
    document = body["document"]
    assert document["pages"] >= 1 and document["title"] == "Thông báo kết luận"
    pdf = download(docs_server, tokens["delegate1"], document["id"])
    assert pdf.status == 200 and pdf.body.startswith(b"%PDF")
    assert hashlib.sha256(pdf.body).hexdigest() == document["sha256"]
    with pymupdf.open(stream=pdf.body, filetype="pdf") as converted:
        text = " ".join(page.get_text() for page in converted)
    assert "Thông báo kết luận của Chủ trì hội nghị" in text
    assert "Các điểm cầu hoàn thành báo cáo" in " ".join(text.split())


def test_malformed_forms_are_400(docs_server: TunedServer, tokens: dict[str, str], meeting: Meeting) -> None:
    pdf, token = hostile_pdfs.minimal("Form"), tokens["secretary"]
    cases = [
        ({}, "title"),
        ({"title": "x", "colour": "red"}, "colour"),
        ({"title": "x", "agenda_item_id": "987654"}, "agenda_item_id"),
        ({"title": "x", "agenda_item_id": "abc"}, "agenda_item_id"),
        ({"title": "x", "access": "1,abc"}, "access"),
        ({"title": "x", "access": "987654"}, "987654"),
        ({"title": "x", "released": "perhaps"}, "released"),
        ({"replaces": "987654"}, "replaces"),
    ]
    for fields, word in cases:
        status, body = post_form(docs_server, token, meeting.id, *multipart(fields, "a.pdf", pdf))
        assert status == 400 and word in body["error"]["message"], (fields, body)
        assert body["error"]["code"] == "invalid"
    status, body = post_form(docs_server, token, meeting.id, *multipart({"title": "x"}, None, b""))
    assert status == 400 and "no file" in body["error"]["message"]
    other_boundary = multipart({}, "a.pdf", b"")[1]
    status, body = post_form(docs_server, token, meeting.id, multipart({}, "a.pdf", pdf)[0], other_boundary)
    assert status == 400 and "Malformed" in body["error"]["message"]
    status, body = post_form(docs_server, token, meeting.id, b'{"title": "x"}', "application/json")
    assert status == 400 and "multipart" in body["error"]["message"]
