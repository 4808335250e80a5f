"""From an uploaded file to a checked PDF in the blob store.

sniff the type -> check and clean an Office package, convert it to PDF in the sandbox ->
inspect the PDF in a limited process -> move it into the blob store. Every blocking step
runs in a worker thread or a subprocess. Office conversions and PDF inspections queue
separately: at most ``policy.office_workers`` conversions and ``policy.workers``
inspections run at once per process (more uploads wait their turn rather than fork without
bound), so a PDF never waits behind a slow Office document. A refused file leaves nothing
behind: the upload's temporary file and any conversion directory are removed.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from server.documents import convert, filetypes, office_check, sandbox
from server.documents.inspect import inspect_pdf
from server.documents.policy import DocumentPolicy
from server.persistence.blobs import BlobStore, WrittenFile

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredPdf:
    """A checked PDF now in the blob store."""

    sha256: str
    size: int
    pages: int
    filename: str
    """The name it was uploaded under (an Office file keeps its own name)."""
    title: str | None
    """The PDF's metadata title, if any."""
    page_info: list[Any] = field(default_factory=list)
    """Per page ``[width, height, text_hash]``."""
    page_texts: list[str] = field(default_factory=list)
    """Per page its extracted text (for search)."""
    repaired: bool = False
    """The upload was damaged but whole; what is stored is its repaired copy."""


class Intake:
    """Turns uploads into stored PDFs for one server process."""

    def __init__(self, policy: DocumentPolicy, blobs: BlobStore) -> None:
        self.policy = policy
        self.blobs = blobs
        self._pdf_slots = asyncio.Semaphore(max(1, policy.workers))
        self._office_slots = asyncio.Semaphore(max(1, policy.office_workers))
        if policy.unsafe_unsandboxed_office:
            log.warning("Office documents are converted WITHOUT the sandbox "
                        "(--unsafe-unsandboxed-office): LibreOffice has this server's network and files")

    async def accept(self, upload: WrittenFile, filename: str) -> StoredPdf:
        """Check ``upload`` (a finished temporary file) and store it; raises FileRefused.

        The temporary file is consumed: moved into the store, or deleted.
        """
        workdir: Path | None = None
        pdf = upload
        repaired: WrittenFile | None = None
        try:
            head = await asyncio.to_thread(filetypes.read_head, upload.path)
            kind = filetypes.sniff(head, upload.size, filename)
            if kind == filetypes.Kind.OFFICE:
                program = await asyncio.to_thread(convert.require_soffice, self.policy.soffice, filename)
                bwrap = await asyncio.to_thread(convert.require_sandbox,
                                                self.policy.unsafe_unsandboxed_office, filename)
                workdir = self.blobs.temp_path(".convert")
                async with self._office_slots:
                    pdf = await self._convert(program, bwrap, upload, filetypes.container(head), workdir)
            fixed = self.blobs.temp_path(".repaired.pdf")
            try:
                async with self._pdf_slots:
                    facts = await inspect_pdf(pdf.path, self.policy, fixed)
                if facts.repaired:  # every reader gets the sound copy, not the damaged upload
                    repaired = await asyncio.to_thread(self.blobs.copy_to_temp, fixed)
            finally:
                await asyncio.to_thread(fixed.unlink, missing_ok=True)
            stored = repaired or pdf
            await asyncio.to_thread(self.blobs.put, stored)
            return StoredPdf(stored.sha256, stored.size, facts.pages, filename, facts.title, facts.page_info,
                             facts.page_texts, facts.repaired)
        finally:
            await asyncio.to_thread(_clean, upload, pdf, workdir)
            if repaired is not None:
                await asyncio.to_thread(repaired.path.unlink, missing_ok=True)

    async def _convert(self, program: str, bwrap: str | None, upload: WrittenFile,
                       packed: filetypes.Container, workdir: Path) -> WrittenFile:
        # LibreOffice picks its filter by the suffix: the content's, never the upload's name.
        policy = self.policy
        await asyncio.to_thread(workdir.mkdir, parents=True)
        if packed == "zip":  # measured, cleaned of links, written afresh (in a limited process)
            checked = await office_check.check_package(upload.path, workdir / "checked.zip", policy)
            source = workdir / f"document{checked.suffix}"
            await asyncio.to_thread((workdir / "checked.zip").replace, source)
            await asyncio.to_thread(upload.path.unlink)
        else:  # OLE (.doc, .xls, .ppt) or RTF: the sandbox alone keeps their links from going anywhere
            suffix = await office_check.ole_suffix(upload.path, policy) if packed == "ole" else ".rtf"
            source = workdir / f"document{suffix}"
            await asyncio.to_thread(upload.path.replace, source)
        converted = await convert.to_pdf(
            program, bwrap, source, workdir, policy.convert_timeout_seconds,
            sandbox.Limits(policy.convert_memory_mb, policy.convert_cpu_seconds, policy.convert_file_mb))
        return await asyncio.to_thread(self.blobs.copy_to_temp, converted)


def _clean(upload: WrittenFile, pdf: WrittenFile, workdir: Path | None) -> None:
    """Remove what is left of an upload (a stored file was moved away already)."""
    upload.path.unlink(missing_ok=True)
    pdf.path.unlink(missing_ok=True)
    if workdir is not None:
        shutil.rmtree(workdir, ignore_errors=True)
