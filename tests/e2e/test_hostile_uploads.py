"""The hostile PDF corpus (tests/server/hostile_pdfs.py) uploaded to a real server process.

Every file gets a clear answer (a refusal that says why, or a safe accept where the file is
a fine document), within a deadline, while the server keeps answering others at once; and
after the whole corpus the server still takes a good document. The server runs with an 8 s
CPU limit for checking a PDF (the default is 30 s) so that the bombs fail fast; not less: the
image bomb, a fine page, takes 3.6 s of CPU to check on a 2-core EPYC machine.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from tests.e2e.documents import TunedServer, upload
from tests.e2e.helpers import Client, Meeting, http, login, new_meeting
from tests.server import hostile_pdfs as h

pytestmark = pytest.mark.e2e

DEADLINE = 20.0
"""Seconds one upload may take, however hostile (the CPU limit is 8 s, the wall clock 60 s)."""

# (case, the bytes, the file name, the status, words of which the message holds one)
CORPUS: list[tuple[str, Callable[[], bytes], str, int, tuple[str, ...]]] = [
    ("truncated", h.truncated, "cut.pdf", 422, ("incomplete", "damaged", "not a readable")),
    ("encrypted", h.encrypted, "mat.pdf", 422, ("password",)),
    ("cyclic page tree", h.cyclic_page_tree, "cycle.pdf", 201, ()),  # repaired: its one page found
    ("page tree loop", h.nested_page_tree_loop, "loop.pdf", 422, ("damaged", "no pages")),
    ("page count lie", h.page_count_lie, "lie.pdf", 201, ()),  # repaired: its one real page
    ("cyclic outlines", h.cyclic_outlines, "outlines.pdf", 201, ()),
    ("xref loop", h.xref_loop, "xref.pdf", 201, ()),
    ("deep nesting", h.deep_nesting, "deep.pdf", 201, ()),
    ("scripts and launch actions", h.scripted, "script.pdf", 201, ()),
    ("deflate bomb", lambda: h.deflate_bomb(4096), "bomb.pdf", 422, ("compression bomb",)),
    ("deflate bomb 2 GB", lambda: h.deflate_bomb(2048), "bomb2.pdf", 422, ("compression bomb",)),
    ("text bomb", lambda: h.text_bomb(256), "text.pdf", 422, ("compression bomb", "memory", "processing")),
    # MuPDF decodes an image at the scale it is drawn (and pads missing rows): a reader never
    # holds the 10 GB; the page is a fine (grey) page.
    ("image bomb", h.image_bomb, "image.pdf", 201, ()),
    ("wide page", h.wide_page, "wide.pdf", 422, ("200000",)),
    ("too many pages", lambda: h.many_pages(5001), "many.pdf", 422, ("5001 pages",)),
    ("empty", lambda: b"", "rong.pdf", 422, ("empty",)),
    ("PNG named .pdf", h.png, "anh.pdf", 415, ("%PDF-",)),
    # Taken as an Office package by its content (never as a PDF), and refused as no document.
    ("zip named .pdf", h.zip_archive, "nen.pdf", 415, ("zip archive", "LibreOffice", "sandbox")),
    ("random bytes named .pdf", h.random_bytes, "nhieu.pdf", 415, ("%PDF-",)),
    ("PDF header then noise", h.header_then_noise, "hong.pdf", 422,
     ("damaged", "not a readable", "no pages")),
]
CODES = {201: None, 415: "unsupported_type", 422: "unprocessable"}


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, seeded_sqlite: Path) -> Iterator[TunedServer]:
    process = TunedServer(tmp_path_factory.mktemp("hostile"),
                          serve_options=["--max-upload-mb", "8", "--inspect-cpu-seconds", "8"])
    process.copy_database_from(seeded_sqlite)
    with process.running():
        yield process


@pytest.fixture(scope="module")
def chair_and_meeting(hostile_server: TunedServer) -> tuple[str, Meeting]:
    tokens = {name: login(hostile_server, name) for name in ("admin", "chair")}
    ids = {name: int(answer["user"]["id"]) for name, answer in tokens.items()}

    async def make() -> Meeting:
        admin = await Client(hostile_server, str(tokens["admin"]["token"]), "admin").connect()
        try:
            meeting = await new_meeting(admin, ids, cast={"chair": "chair"})
            await admin.ok("meeting.start", {"meeting_id": meeting.id})
            return meeting
        finally:
            await admin.close()

    return str(tokens["chair"]["token"]), asyncio.run(make())


@pytest.mark.parametrize(("case", "make", "filename", "status", "words"), CORPUS,
                         ids=[row[0] for row in CORPUS])
def test_a_hostile_file_gets_a_clear_answer_in_time(
        hostile_server: TunedServer, chair_and_meeting: tuple[str, Meeting], case: str,
        make: Callable[[], bytes], filename: str, status: int, words: tuple[str, ...]) -> None:
    token, meeting = chair_and_meeting
    content = make()
    answer: list[tuple[int, dict[str, Any]]] = []
    started = time.monotonic()
    worker = threading.Thread(target=lambda: answer.append(
        upload(hostile_server, token, meeting.id, content, filename, title=case)))
    worker.start()
    slowest = 0.0
    while worker.is_alive():  # meanwhile the server answers others at once
        begun = time.monotonic()
        assert http(hostile_server, "GET", "/api/health")[0] == 200
        slowest = max(slowest, time.monotonic() - begun)
        assert time.monotonic() - started < DEADLINE, f"{case}: no answer within {DEADLINE} s"
        worker.join(0.2)
    took = time.monotonic() - started
    got, body = answer[0]
    assert got == status, (case, got, body)
    if status != 201:
        assert body["error"]["code"] == CODES[status], body
        assert any(word in body["error"]["message"] for word in words), (case, body)
    assert took < DEADLINE and slowest < 1.0, (case, took, slowest)


# (case, the bytes, pages, whether the server had to repair it)
READABLE: list[tuple[str, Callable[[], bytes], int, bool]] = [
    ("junk before the header", h.junk_before_header, 3, False),
    ("no startxref", h.without_startxref, 3, True),
    ("junk after %%EOF", h.junk_after_end, 3, True),
    ("RC4-40, empty user password", lambda: h.empty_user_password("rc4-40"), 2, False),
    ("RC4-128, empty user password", lambda: h.empty_user_password("rc4-128"), 2, False),
    ("AES-128, empty user password", lambda: h.empty_user_password("aes-128"), 2, False),
    ("cyclic page tree", h.cyclic_page_tree, 1, True),
]


@pytest.mark.parametrize(("case", "make", "pages", "repaired"), READABLE, ids=[row[0] for row in READABLE])
def test_a_damaged_but_whole_file_is_taken_and_said_repaired(
        hostile_server: TunedServer, chair_and_meeting: tuple[str, Meeting], case: str,
        make: Callable[[], bytes], pages: int, repaired: bool) -> None:
    token, meeting = chair_and_meeting
    status, body = upload(hostile_server, token, meeting.id, make(), "hong-nhe.pdf", title=case)
    assert status == 201, (case, body)
    assert body["document"]["pages"] == pages
    assert body.get("repaired", False) is repaired, body
    stored = body["document"]["sha256"]
    with pymupdf.open(hostile_server.blob_dir / stored[:2] / stored[2:4] / stored) as doc:
        assert doc.page_count == pages and not doc.needs_pass
        if repaired:
            assert not doc.is_repaired, "what is stored is the sound copy, not the damaged upload"


def test_the_server_still_takes_a_good_document_afterwards(
        hostile_server: TunedServer, chair_and_meeting: tuple[str, Meeting]) -> None:
    token, meeting = chair_and_meeting
    status, body = upload(hostile_server, token, meeting.id, h.minimal("Still here"), "tot.pdf", title="Tốt")
    assert status == 201, body
    assert hostile_server.process is not None and hostile_server.process.poll() is None
    temporary = hostile_server.blob_dir / "tmp"
    assert not temporary.exists() or not any(temporary.iterdir()), "a refused file left something behind"
