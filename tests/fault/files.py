"""Files the fault tests upload (a real PDF of a given size, its bulk an incompressible image),
and what the server stored of them."""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf
from sqlalchemy import func, select

from server.persistence.models import Document, DocumentVersion
from tests.e2e.documents import TunedServer
from tests.e2e.voting_scenarios import database_of


def big_pdf(path: Path, megabytes: float) -> bytes:
    """A one-page PDF of about ``megabytes`` MB (random pixels do not compress); its bytes."""
    side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
    pixels = pymupdf.Pixmap(pymupdf.csRGB, side, side, os.urandom(side * side * 3), 0)
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Phu luc: ban do quy hoach (anh quet)", fontname="helv")
    page.insert_image(page.rect, pixmap=pixels)
    doc.save(path, deflate=False)
    doc.close()
    return path.read_bytes()


def document_rows(server: TunedServer) -> tuple[int, int]:
    db = database_of(server)
    try:
        with db.read() as session:
            return (int(session.scalar(select(func.count()).select_from(Document)) or 0),
                    int(session.scalar(select(func.count()).select_from(DocumentVersion)) or 0))
    finally:
        db.dispose()


def blob_names(server: TunedServer) -> list[Path]:
    """Files under a blob's name (outside the store's ``tmp``)."""
    root = server.blob_dir
    return [p for p in root.rglob("*") if p.is_file() and "tmp" not in p.relative_to(root).parts]
