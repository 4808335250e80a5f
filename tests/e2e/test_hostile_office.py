"""Hostile Office documents uploaded to a real server process (sandboxed LibreOffice).

Documents made here link an image or a section to a loopback listener and to files on the
server's disk: an SVG holding a unique marker, and another meeting's restricted document
in the blob store (by its sha256, as the issue found). Each is accepted as a clean PDF: the
listener receives no connection, and no marker reaches the PDF served back. An Office
compression bomb is refused in seconds, and a PDF uploaded while the Office queue is busy
is accepted within seconds (Office conversions and PDF checks queue apart).
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from server.documents.convert import find_soffice
from server.documents.sandbox import find_bwrap
from tests.e2e import documents
from tests.e2e.documents import TunedServer, download, upload
from tests.e2e.helpers import Client, Meeting, login, new_meeting
from tests.server import hostile_pdfs
from tests.support import office_files as o
from tests.support.loopback_listener import listening, marker_svg

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(find_soffice(None) is None or find_bwrap() is None,
                                 reason="LibreOffice and bubblewrap are needed")]
Setup = tuple[dict[str, str], "Meeting", "Meeting", dict[str, int]]
"""Tokens by user name, our meeting, another meeting, user ids by name."""
PROMPT = 5.0
"""Seconds within which a bomb is refused and a PDF accepted while Office conversions run."""


@pytest.fixture(scope="module")
def office_server(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[TunedServer]:
    process = TunedServer(tmp_path_factory.mktemp("office"))
    process.copy_database_from(seeded_sqlite)
    with process.running():
        yield process


@pytest.fixture(scope="module")
def setup(office_server: TunedServer) -> tuple[dict[str, str], Meeting, Meeting, dict[str, int]]:
    answers = {name: login(office_server, name) for name in ("admin", "chair", "secretary", "delegate1")}
    ids = {name: int(answer["user"]["id"]) for name, answer in answers.items()}

    async def make() -> tuple[Meeting, Meeting]:
        admin = await Client(office_server, str(answers["admin"]["token"]), "admin").connect()
        try:
            cast = {"chair": "chair", "secretary": "secretary", "delegate1": "delegate"}
            return await new_meeting(admin, ids, cast=cast), await new_meeting(admin, ids, cast=cast)
        finally:
            await admin.close()

    ours, other = asyncio.run(make())
    return {name: str(answer["token"]) for name, answer in answers.items()}, ours, other, ids


def pdf_text(body: bytes) -> str:
    with pymupdf.open(stream=body, filetype="pdf") as doc:
        return "".join(page.get_text() for page in doc)


def test_links_out_of_office_documents_reach_nothing(office_server: TunedServer, tmp_path: Path,
                                                     setup: Setup) -> None:
    tokens, ours, other, ids = setup
    blob_marker = f"BLOB{uuid.uuid4().hex[:10].upper()}"
    status, body = upload(office_server, tokens["secretary"], other.id, hostile_pdfs.minimal(blob_marker),
                          "mat.pdf", title="Tài liệu mật", access=[ids["chair"]])
    assert status == 201, body
    sha = body["document"]["sha256"]
    blob = office_server.blob_dir / sha[:2] / sha[2:4] / sha
    assert blob.is_file()
    file_marker = f"FILE{uuid.uuid4().hex[:10].upper()}"
    secret = tmp_path / "secret.svg"
    secret.write_bytes(marker_svg(file_marker))
    with listening(f"HTTP{uuid.uuid4().hex[:10].upper()}") as listener:
        cases: list[tuple[str, bytes]] = [
            ("anh.odt", o.odt_linked_image(listener.url())),
            ("anh-tep.odt", o.odt_linked_image(secret.as_uri())),
            ("anh-blob.odt", o.odt_linked_image(blob.as_uri())),
            ("phan.odt", o.odt_linked_section(blob.as_uri())),
            ("anh.docx", o.docx_external_image(listener.url())),
            ("anh-tep.docx", o.docx_external_image(secret.as_uri())),
            ("truong.docx", o.docx_field(f'INCLUDEPICTURE "{listener.url("/field.svg")}" \\d')),
            ("chen.docx", o.docx_field(f'INCLUDETEXT "{blob}"')),
        ]
        for filename, content in cases:
            status, body = upload(office_server, tokens["secretary"], ours.id, content, filename,
                                  title=filename)
            assert status == 201, (filename, body)
            served = download(office_server, tokens["delegate1"], body["document"]["id"])
            assert served.status == 200
            text = pdf_text(served.body)
            for marker in (blob_marker, file_marker, listener.marker):
                assert marker not in text and marker.encode() not in served.body, (filename, marker)
        assert listener.requests == [], listener.requests


def test_an_office_bomb_is_refused_at_once(office_server: TunedServer,
                                           setup: Setup) -> None:
    """The issue's files: two 150 KB .docx with 50 MB of XML each, sent together."""
    tokens, ours, _, _ = setup
    bomb = o.docx_xml_bomb(50)
    answers: list[tuple[int, dict[str, Any], float]] = []

    def send() -> None:
        begun = time.monotonic()
        status, body = upload(office_server, tokens["secretary"], ours.id, bomb, "bom.docx", title="Bom")
        answers.append((status, body, time.monotonic() - begun))

    workers = [threading.Thread(target=send) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert len(answers) == 2
    print(f"Office bombs refused in {', '.join(f'{took:.2f} s' for *_, took in answers)}")
    for status, body, took in answers:
        assert status == 422 and "compression bomb" in body["error"]["message"], body
        assert took < PROMPT, took


def test_a_pdf_never_waits_behind_office_conversions(office_server: TunedServer, setup: Setup,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Two honest but slow Office documents (3,000 paragraphs: seconds of LibreOffice each)
    keep the Office queue busy; a PDF sent meanwhile is accepted promptly."""
    tokens, ours, _, _ = setup
    monkeypatch.setattr(documents, "TIMEOUT", 240.0)  # the second conversion waits for the first
    words = ["hội", "nghị", "biên", "bản", "kết", "luận", "điểm", "cầu", "báo", "cáo", "tỉnh", "năm"]
    slow = o.docx("".join(o.w_paragraph(" ".join(words[(n * 7 + k * 3) % len(words)] for k in range(40)))
                          + o.w_paragraph(f"Đoạn {n}") for n in range(3000)))
    office: list[tuple[int, dict[str, Any]]] = []
    workers = [threading.Thread(target=lambda: office.append(upload(
        office_server, tokens["secretary"], ours.id, slow, "dai.docx", title="Dài"))) for _ in range(2)]
    for worker in workers:
        worker.start()
    converting = wait_for(lambda: any((office_server.blob_dir / "tmp").glob("*.convert/out")), 30)
    assert converting, "no Office conversion started"
    begun = time.monotonic()
    status, body = upload(office_server, tokens["secretary"], ours.id, hostile_pdfs.minimal("Nhanh"),
                          "nhanh.pdf", title="Nhanh")
    took = time.monotonic() - begun
    still_converting = any((office_server.blob_dir / "tmp").glob("*.convert/out"))
    for worker in workers:
        worker.join(240)
    assert status == 201, body
    assert still_converting, "the Office conversions were over before the PDF was answered"
    assert took < PROMPT, f"the PDF waited {took:.1f} s"
    assert [status for status, _ in office] == [201, 201], office
    print(f"PDF accepted in {took:.2f} s while Office conversions ran")


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
