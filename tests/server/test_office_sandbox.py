"""Real LibreOffice in the real sandbox (bubblewrap), fed hostile documents made here and
*not* cleaned first: the sandbox alone must keep the links from reaching anything.

Each document links an SVG image whose text is a unique marker, once on the server's disk
(``file://``) and once at a loopback listener (``http://127.0.0.1``). Plain LibreOffice
(the control) puts the marker into the PDF and calls the listener; in the sandbox the
listener receives nothing and no byte of the marker reaches the PDF, while the document's
own text does.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from server.documents import convert, sandbox
from server.documents.refusals import FileRefused
from tests.support import office_files as o
from tests.support.loopback_listener import Listener, listening, marker_svg

SOFFICE = convert.find_soffice(None)
BWRAP = sandbox.find_bwrap()
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
LIMITS = sandbox.Limits(memory_mb=1536, cpu_seconds=60, file_mb=512)

# (name, suffix, the document given the image's URL)
HOSTILE: list[tuple[str, str, Callable[[str], bytes]]] = [
    ("odt image", ".odt", o.odt_linked_image),
    ("docx external relationship", ".docx", o.docx_external_image),
]


def pdf_text(path: Path) -> str:
    with pymupdf.open(path) as doc:
        return "".join(page.get_text() for page in doc)


def secret_file(tmp_path: Path) -> tuple[Path, str]:
    """A file on the server's disk (as a blob of another meeting would be) holding a marker."""
    marker = f"SECRET{uuid.uuid4().hex[:12].upper()}"
    path = tmp_path / "other-meeting" / "secret.svg"
    path.parent.mkdir()
    path.write_bytes(marker_svg(marker))
    return path, marker


def convert_in(workdir: Path, data: bytes, suffix: str, bwrap: str | None) -> Path:
    workdir.mkdir()
    source = workdir / f"document{suffix}"
    source.write_bytes(data)
    assert SOFFICE is not None
    return asyncio.run(convert.to_pdf(SOFFICE, bwrap, source, workdir, 120, LIMITS))


@pytest.mark.parametrize(("case", "suffix", "make"), HOSTILE, ids=[row[0] for row in HOSTILE])
def test_plain_libreoffice_follows_the_links(tmp_path: Path, case: str, suffix: str,
                                             make: Callable[[str], bytes]) -> None:
    """The control: these files do leak when converted without the sandbox and its settings."""
    secret, marker = secret_file(tmp_path)
    with listening(f"HTTP{marker}") as listener:
        for name, url in (("file", secret.as_uri()), ("http", listener.url())):
            workdir = tmp_path / name
            workdir.mkdir()
            source = workdir / f"document{suffix}"
            source.write_bytes(make(url))
            assert SOFFICE is not None
            subprocess.run([SOFFICE, *sandbox.soffice_options((workdir / "profile").as_uri()),
                            "--outdir", str(workdir), str(source)],
                           capture_output=True, timeout=120, check=True)
            assert marker in pdf_text(workdir / "document.pdf"), (case, name)
        assert any("/image.svg" in request for request in listener.requests), listener.requests


@pytest.mark.skipif(BWRAP is None, reason="bubblewrap is not installed")
@pytest.mark.parametrize("layer", ["sandbox alone", "settings alone"])
@pytest.mark.parametrize(("case", "suffix", "make"), HOSTILE, ids=[row[0] for row in HOSTILE])
def test_links_reach_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layer: str, case: str,
                             suffix: str, make: Callable[[str], bytes]) -> None:
    """Each layer holds on its own: the sandbox with LibreOffice's default settings, and
    LibreOffice's settings (no link loading from untrusted documents) without the sandbox."""
    assert BWRAP is not None and sandbox.usable(BWRAP), "bubblewrap cannot build the sandbox here"
    if layer == "sandbox alone":
        monkeypatch.setattr(sandbox, "SETTINGS", {})
    bwrap = BWRAP if layer == "sandbox alone" else None
    secret, marker = secret_file(tmp_path)
    with listening(f"HTTP{marker}") as listener:
        for name, url in (("file", secret.as_uri()), ("http", listener.url())):
            pdf = convert_in(tmp_path / name, make(url), suffix, bwrap)
            text = pdf_text(pdf)
            assert "Ảnh" in text, "the document's own text is converted"
            assert marker not in text and marker.encode() not in pdf.read_bytes(), (case, name)
        assert_no_request(listener)


def assert_no_request(listener: Listener) -> None:
    # Give a late connection its chance before saying there was none: the conversion is over,
    # so any request would have been made by now; a short bounded wait for the record.
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline and not listener.requests:
        time.sleep(0.05)
    assert listener.requests == []


@pytest.mark.skipif(BWRAP is None, reason="bubblewrap is not installed")
def test_the_sandbox_holds_nothing_of_the_server(tmp_path: Path) -> None:
    """A linked section pointing at the server's files (the issue's blob store) converts to
    the text cached in the document, never the file's."""
    secret = tmp_path / "blobs" / "ab" / "cd" / "abcd"
    secret.parent.mkdir(parents=True)
    secret.write_text("BLOBMARKER8841 restricted")
    pdf = convert_in(tmp_path / "work", o.odt_linked_section(secret.as_uri()), ".odt", BWRAP)
    text = pdf_text(pdf)
    assert "cached text" in text and "BLOBMARKER8841" not in text


@pytest.mark.skipif(BWRAP is None, reason="bubblewrap is not installed")
def test_a_conversion_past_its_memory_is_stopped(tmp_path: Path) -> None:
    """A document too heavy for its limits (here 20 MB of XML against 400 MB of memory) is
    stopped and refused with the limits named; nothing is left running."""
    workdir = tmp_path / "bomb"
    workdir.mkdir()
    source = workdir / "document.docx"
    source.write_bytes(o.docx_xml_bomb(20))
    started = time.monotonic()
    assert SOFFICE is not None and BWRAP is not None
    with pytest.raises(FileRefused) as refused:
        asyncio.run(convert.to_pdf(SOFFICE, BWRAP, source, workdir, 120, sandbox.Limits(400, 60, 512)))
    assert refused.value.status == 422 and "400 MB of memory" in refused.value.message
    assert time.monotonic() - started < 60


def test_without_a_usable_sandbox_office_documents_are_refused(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(FileRefused) as refused:
        convert.require_sandbox(False, "cong-van.docx")
    assert refused.value.status == 415 and "bubblewrap" in refused.value.message
    assert convert.require_sandbox(True, "cong-van.docx") is None, "unless explicitly allowed"
    broken = tmp_path / "bwrap"
    broken.write_text("#!/bin/sh\nexit 1\n")
    broken.chmod(0o755)
    assert not sandbox.usable(str(broken))
    with pytest.raises(FileRefused):
        convert.require_sandbox(False, "cong-van.docx")
    assert shutil.which("bwrap") == str(broken)
