"""The file intake's pieces on their own: the blob store, type sniffing, the Office
conversion (with stand-ins for LibreOffice, which need not be installed), the limited
inspecting process, and the migrations against the models."""

from __future__ import annotations

import asyncio
import hashlib
import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from protocol.annotations import page_text_hash
from server.documents import convert, filetypes
from server.documents.inspect import inspect_pdf
from server.documents.intake import Intake
from server.documents.policy import DocumentPolicy
from server.documents.refusals import FileRefused
from server.persistence.blobs import BlobStore, SizeLimitExceeded
from server.persistence.db import Database
from server.persistence.models import Base
from tests.server import hostile_pdfs
from tests.support import office_files


def test_the_blob_store_keeps_the_same_bytes_once(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF-1.7 the same bytes")
    first, new = store.put_file(source)
    second, again = store.put_file(source)
    assert (new, again) == (True, False)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert first.sha256 == second.sha256 == digest and first.size == source.stat().st_size
    assert store.path(digest) == tmp_path / "blobs" / digest[:2] / digest[2:4] / digest
    assert store.path(digest).read_bytes() == source.read_bytes()
    assert [p.name for p in (tmp_path / "blobs").rglob("*") if p.is_file()] == [digest]
    with pytest.raises(ValueError):
        store.path("../../etc/passwd")


def test_a_blob_writer_stops_at_its_limit_and_leaves_nothing(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    writer = store.writer(limit=10)
    writer.write(b"12345")
    with pytest.raises(SizeLimitExceeded):
        writer.write(b"678901")
    writer.discard()
    assert list(store.temp_dir.iterdir()) == []


def test_old_temporary_files_are_swept(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    store.ensure()
    old, fresh = store.temp_dir / "old.part", store.temp_dir / "fresh.part"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    assert store.sweep_temp() == 1
    assert sorted(p.name for p in store.temp_dir.iterdir()) == ["fresh.part"]


@pytest.mark.parametrize(("head", "name", "kind"), [
    (b"%PDF-1.7\n", "a.pdf", "pdf"),
    (b"%PDF-1.4\n", "scan.bin", "pdf"),
    (b"garbage first\n%PDF-1.4\n", "a.pdf", "pdf"),
    (b"PK\x03\x04rest", "bao-cao.DOCX", "office"),
    (b"PK\x03\x04rest", "bang.xlsx", "office"),
    (bytes.fromhex("D0CF11E0A1B11AE1"), "cong-van.doc", "office"),
    # By content, not by name: what kind of Office file, the package check reads from inside.
    (b"PK\x03\x04rest", "archive.zip", "office"),
    (b"PK\x03\x04rest", "a.pdf", "office"),
    (bytes.fromhex("D0CF11E0A1B11AE1"), "a.docx", "office"),
    (b"{\\rtf1\\ansi Cong van", "cong-van.rtf", "office"),
    # A zip holding a PDF stored as it is: %PDF- within the first kilobyte, yet never a PDF.
    (b"PK\x03\x04\x14\x00\x00\x00\x00\x00" + b"\x00" * 20 + b"a.pdf%PDF-1.7\n", "a.pdf", "office"),
    (bytes.fromhex("D0CF11E0A1B11AE1") + b"%PDF-1.4\n", "a.pdf", "office"),
])
def test_sniffing_accepts(head: bytes, name: str, kind: str) -> None:
    assert filetypes.sniff(head, 100, name) == kind


@pytest.mark.parametrize(("head", "name", "status"), [
    (b"", "a.pdf", 422),
    (b"MZ\x90\x00", "setup.exe", 415),
    (b"<html>", "page.html", 415),
])
def test_sniffing_refuses(head: bytes, name: str, status: int) -> None:
    with pytest.raises(FileRefused) as refused:
        filetypes.sniff(head, len(head), name)
    assert refused.value.status == status and refused.value.message


@pytest.mark.parametrize(("given", "kept"), [
    ("C:\\Users\\a\\Báo cáo.pdf", "Báo cáo.pdf"), ("../../etc/passwd", "passwd"), ("", "document.pdf"),
    ("..", "document.pdf"), ("a\x00b\nc.pdf", "abc.pdf"), ("x" * 300 + ".pdf", "x" * 251 + ".pdf"),
])
def test_file_names_are_tamed(given: str, kept: str) -> None:
    assert filetypes.safe_filename(given) == kept


def fake_soffice(tmp_path: Path, body: str) -> str:
    """A stand-in for soffice: a Python script that gets LibreOffice's arguments."""
    script = tmp_path / "soffice"
    script.write_text(f"#!{sys.executable}\nimport sys, pathlib, time\nargs = sys.argv[1:]\n"
                      "out = pathlib.Path(args[args.index('--outdir') + 1])\n"
                      "source = pathlib.Path(args[-1])\n" + body)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def unsandboxed(soffice: str, **settings: Any) -> DocumentPolicy:
    """A policy converting with a stand-in for soffice, outside the sandbox (the stand-in lives
    in a temporary directory, which the sandbox does not show)."""
    return DocumentPolicy(soffice=soffice, unsafe_unsandboxed_office=True, **settings)


WRITES_PDF = (f"assert any(a.startswith('-env:UserInstallation=file://') for a in args), args\n"
              f"assert '--headless' in args and args[args.index('--convert-to') + 1] == 'pdf'\n"
              f"(out / (source.stem + '.pdf')).write_bytes({hostile_pdfs.minimal('Converted')!r})\n")


def test_office_documents_are_converted_checked_and_stored(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    intake = Intake(unsandboxed(fake_soffice(tmp_path, WRITES_PDF)), store)
    writer = store.writer()
    writer.write(office_files.docx(office_files.w_paragraph("Báo cáo")))
    stored = asyncio.run(intake.accept(writer.finish(), "Báo cáo.docx"))
    assert (stored.pages, stored.filename) == (1, "Báo cáo.docx")
    assert store.path(stored.sha256).read_bytes() == hostile_pdfs.minimal("Converted")
    assert list(store.temp_dir.iterdir()) == [], "the upload and the work directory are gone"


@pytest.mark.parametrize(("body", "word"), [
    ("print('Error: source file could not be loaded'); sys.exit(1)\n", "could not be loaded"),
    ("pass\n", "could not convert"),
    ("time.sleep(30)\n", "longer than 1 s"),
])
def test_a_failed_conversion_is_422(tmp_path: Path, body: str, word: str) -> None:
    store = BlobStore(tmp_path / "blobs")
    intake = Intake(unsandboxed(fake_soffice(tmp_path, body), convert_timeout_seconds=1), store)
    writer = store.writer()
    writer.write(office_files.docx(office_files.w_paragraph("x")))
    started = time.monotonic()
    with pytest.raises(FileRefused) as refused:
        asyncio.run(intake.accept(writer.finish(), "a.docx"))
    assert refused.value.status == 422 and word in refused.value.message
    assert time.monotonic() - started < 10
    assert list(store.temp_dir.iterdir()) == []


def test_an_office_bomb_never_reaches_the_converter(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    called = tmp_path / "called"
    intake = Intake(unsandboxed(fake_soffice(tmp_path, f"open({str(called)!r}, 'w')\n")), store)
    writer = store.writer()
    writer.write(office_files.docx_xml_bomb(50))
    started = time.monotonic()
    with pytest.raises(FileRefused) as refused:
        asyncio.run(intake.accept(writer.finish(), "bom.docx"))
    assert refused.value.status == 422 and "compression bomb" in refused.value.message
    assert time.monotonic() - started < 5 and not called.exists()
    assert list(store.temp_dir.iterdir()) == []


def test_a_pdf_never_waits_behind_office_conversions(tmp_path: Path) -> None:
    """Office conversions have a queue of their own: while one is stuck, a PDF is checked."""
    store = BlobStore(tmp_path / "blobs")
    started_file = tmp_path / "started"
    stuck = f"open({str(started_file)!r}, 'w').close()\ntime.sleep(60)\n"
    intake = Intake(unsandboxed(fake_soffice(tmp_path, stuck), convert_timeout_seconds=90), store)

    async def scenario() -> float:
        office = []
        for _ in range(3):  # more than the Office slots and the PDF slots together
            writer = store.writer()
            writer.write(office_files.docx(office_files.w_paragraph("chậm")))
            office.append(asyncio.create_task(intake.accept(writer.finish(), "cham.docx")))
        deadline = time.monotonic() + 20
        while not started_file.exists():
            assert time.monotonic() < deadline, "the Office conversion never started"
            await asyncio.sleep(0.05)
        writer = store.writer()
        writer.write(hostile_pdfs.minimal("Nhanh"))
        begun = time.monotonic()
        stored = await intake.accept(writer.finish(), "nhanh.pdf")
        took = time.monotonic() - begun
        assert stored.pages == 1
        for task in office:
            task.cancel()
        await asyncio.gather(*office, return_exceptions=True)
        return took

    assert asyncio.run(scenario()) < 10


def test_without_libreoffice_office_documents_are_415(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert convert.find_soffice(None) is None
    with pytest.raises(FileRefused) as refused:
        convert.require_soffice(None, "cong-van.doc")
    assert refused.value.status == 415 and "LibreOffice, which is not installed" in refused.value.message


def test_the_inspector_reads_a_good_pdf(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(hostile_pdfs.minimal("Hello"))
    facts = asyncio.run(inspect_pdf(path, DocumentPolicy()))
    assert (facts.pages, facts.text_chars) == (1, 6)


def test_the_inspector_measures_each_page_for_annotations(tmp_path: Path) -> None:
    """Page boxes (annotations are checked against them) and text hashes (annotations follow
    a page's text to a new version), from a real PDF."""
    path = tmp_path / "b.pdf"
    path.write_bytes(hostile_pdfs.minimal("Hello"))
    facts = asyncio.run(inspect_pdf(path, DocumentPolicy()))
    [(width, height, digest)] = facts.page_info
    assert (width, height) == (595, 842) and digest == page_text_hash("Hello")


@pytest.mark.parametrize(("content", "policy", "word"), [
    (hostile_pdfs.text_bomb(64), DocumentPolicy(inspect_memory_mb=300), "300 MB of memory"),
    # With the inflation budget out of the way, the CPU limit stops the same bomb.
    (hostile_pdfs.deflate_bomb(4096), DocumentPolicy(inspect_cpu_seconds=1, pdf_inflated_mb=10**6),
     "1 s of processing"),
    # No room even to load MuPDF: refused all the same.
    (hostile_pdfs.minimal(), DocumentPolicy(inspect_memory_mb=40), "could not be checked"),
])
def test_the_inspector_is_held_to_its_limits(tmp_path: Path, content: bytes, policy: DocumentPolicy,
                                             word: str) -> None:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(content)
    started = time.monotonic()
    with pytest.raises(FileRefused) as refused:
        asyncio.run(inspect_pdf(path, policy))
    assert refused.value.status == 422 and word in refused.value.message, refused.value.message
    assert time.monotonic() - started < 10


def test_the_migrations_make_the_models_schema(db: Database) -> None:
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
