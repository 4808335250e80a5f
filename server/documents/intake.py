"""From an uploaded file to a checked PDF in the blob store.

sniff the type -> convert an Office file to PDF -> inspect the PDF in a limited process ->
move it into the blob store. Every blocking step runs in a worker thread or a subprocess;
at most ``policy.workers`` conversions and inspections run at once per process (more
uploads wait their turn rather than fork without bound). A refused file leaves nothing
behind: the upload's temporary file and any conversion directory are removed.
"""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from server.documents import convert, filetypes
from server.documents.inspect import inspect_pdf
from server.documents.policy import DocumentPolicy
from server.persistence.blobs import BlobStore, WrittenFile


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


class Intake:
    """Turns uploads into stored PDFs for one server process."""

    def __init__(self, policy: DocumentPolicy, blobs: BlobStore) -> None:
        self.policy = policy
        self.blobs = blobs
        self._slots = asyncio.Semaphore(max(1, policy.workers))

    async def accept(self, upload: WrittenFile, filename: str) -> StoredPdf:
        """Check ``upload`` (a finished temporary file) and store it; raises FileRefused.

        The temporary file is consumed: moved into the store, or deleted.
        """
        workdir: Path | None = None
        pdf = upload
        try:
            head = await asyncio.to_thread(filetypes.read_head, upload.path)
            kind = filetypes.sniff(head, upload.size, filename)
            async with self._slots:
                if kind == filetypes.Kind.OFFICE:
                    program = await asyncio.to_thread(convert.require_soffice, self.policy.soffice, filename)
                    workdir = self.blobs.temp_path(".convert")
                    pdf = await self._convert(program, upload, filename, workdir)
                facts = await inspect_pdf(pdf.path, self.policy)
            await asyncio.to_thread(self.blobs.put, pdf)
            return StoredPdf(pdf.sha256, pdf.size, facts.pages, filename, facts.title, facts.page_info,
                             facts.page_texts)
        finally:
            await asyncio.to_thread(_clean, upload, pdf, workdir)

    async def _convert(self, program: str, upload: WrittenFile, filename: str, workdir: Path) -> WrittenFile:
        suffix = Path(filename).suffix.lower()
        source = workdir / f"document{suffix}"  # LibreOffice picks its filter by the suffix

        def prepare() -> None:
            workdir.mkdir(parents=True)
            upload.path.replace(source)

        await asyncio.to_thread(prepare)
        converted = await convert.to_pdf(program, source, workdir, self.policy.convert_timeout_seconds)
        return await asyncio.to_thread(self.blobs.copy_to_temp, converted)


def _clean(upload: WrittenFile, pdf: WrittenFile, workdir: Path | None) -> None:
    """Remove what is left of an upload (a stored file was moved away already)."""
    upload.path.unlink(missing_ok=True)
    pdf.path.unlink(missing_ok=True)
    if workdir is not None:
        shutil.rmtree(workdir, ignore_errors=True)
