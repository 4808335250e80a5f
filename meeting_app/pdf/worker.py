"""The worker thread: the one place where PyMuPDF is called.

MuPDF's context in PyMuPDF is global and not thread-safe, so every document is opened,
rendered, searched and closed here, one job at a time, in priority order. Nothing in this
module touches Qt widgets; it builds ``QImage``/``QRectF`` values (safe off the GUI thread)
and hands answers to ``post``, which the engine wires to a queued signal.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from meeting_app.pdf import text_search
from meeting_app.pdf.jobs import (
    Answer,
    CloseJob,
    Job,
    JobQueue,
    Opened,
    OpenFailed,
    OpenJob,
    Rendered,
    RenderFailed,
    RenderJob,
    SearchJob,
    SearchProgress,
    ShrinkStoreJob,
    StopJob,
)
from meeting_app.pdf.results import DocumentInfo, PdfError, Priority, SearchHit, TocEntry

log = logging.getLogger(__name__)

MAX_PIXELS = 24_000_000
"""Largest render in pixels (96 MB as RGB32): an A4 page at 690 % on a 2x screen. A bigger
request (extreme zoom, or a hostile 200-inch page) is rendered smaller instead."""
SEARCH_SLICE_S = 0.03
"""How long one search job runs before it yields to queued renders."""


def open_document(path: Path, password: str | None) -> pymupdf.Document:
    """Open ``path`` as a PDF or raise ``PdfError`` with a message a delegate can act on."""
    if not path.is_file():
        raise PdfError("not_found", f"The file {path.name} does not exist.")
    if path.stat().st_size == 0:
        raise PdfError("empty", f"The file {path.name} is empty (0 bytes).")
    try:
        # filetype="pdf": never read a text or image file as a "document" by its content.
        doc = pymupdf.open(path, filetype="pdf")
    except pymupdf.FileDataError as error:
        raise PdfError("not_pdf", f"The file {path.name} is not a PDF document.") from error
    except Exception as error:
        raise PdfError("damaged", f"The file {path.name} cannot be read: {error}") from error
    try:
        if doc.needs_pass:
            if not password:
                raise PdfError("encrypted", "This document is protected by a password.")
            if not doc.authenticate(password):
                raise PdfError("wrong_password", "The password for this document is wrong.")
        if doc.page_count == 0:
            raise PdfError("damaged", f"The file {path.name} is damaged: it has no pages.")
        if doc.is_repaired and not _has_end_marker(path):
            # MuPDF rebuilds what it can of a cut-off file; showing half a document as if it
            # were whole would mislead, so a truncated download is refused outright.
            raise PdfError("damaged", f"The file {path.name} is incomplete (cut off); "
                                      "download it again.")
    except BaseException:
        doc.close()
        raise
    return doc


def _has_end_marker(path: Path) -> bool:
    with path.open("rb") as file:
        file.seek(max(0, path.stat().st_size - 4096))
        return b"%%EOF" in file.read()


def describe(doc_key: int, path: Path, doc: pymupdf.Document) -> DocumentInfo:
    """Page sizes, outline and metadata of an open document."""
    sizes = []
    for number in range(doc.page_count):
        try:
            rect = doc.load_page(number).rect
            sizes.append((float(rect.width), float(rect.height)))
        except Exception:  # a damaged page: keep its place, it will fail to render alone
            sizes.append(sizes[-1] if sizes else (595.0, 842.0))
    toc = []
    for entry in doc.get_toc(simple=True):
        level, title, page = entry[0], entry[1], entry[2]
        target = page - 1 if 1 <= page <= doc.page_count else -1
        toc.append(TocEntry(int(level), str(title).strip(), target))
    metadata = {k: str(v).strip() for k, v in (doc.metadata or {}).items()
                if isinstance(v, str) and v.strip() and k != "format"}
    return DocumentInfo(doc_key, path, doc.page_count, tuple(sizes), tuple(toc), metadata)


def render_page(page: pymupdf.Page, scale: float) -> QImage:
    """``page`` at ``scale`` device pixels per point (smaller if above ``MAX_PIXELS``)."""
    pixels = page.rect.width * page.rect.height * scale * scale
    if pixels > MAX_PIXELS:  # (a hair under, as MuPDF rounds the pixel size outwards)
        scale *= math.sqrt(MAX_PIXELS / pixels) * 0.998
    pix = page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
    image = QImage(pix.samples_mv, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888)
    # convertToFormat makes a deep copy (the pixmap's memory goes when ``pix`` does) and
    # gives the raster paint engine its native format, so painting is a plain blit.
    return image.convertToFormat(QImage.Format.Format_RGB32)


class Worker:
    """Runs jobs from ``queue`` until a ``StopJob``; every answer goes to ``post``."""

    def __init__(self, queue: JobQueue, post: Callable[[Answer], None]) -> None:
        self.queue = queue
        self.post = post
        self.docs: dict[int, pymupdf.Document] = {}
        self.page_texts: dict[tuple[int, int], str] = {}

    def run(self) -> None:
        # MuPDF prints repairs and syntax errors to stderr; they become exceptions or
        # clear messages here instead.
        pymupdf.TOOLS.mupdf_display_errors(False)
        pymupdf.TOOLS.mupdf_display_warnings(False)
        while True:
            job = self.queue.get()
            if isinstance(job, StopJob):
                break
            try:
                self.handle(job)
            except Exception:  # never let one bad job end the thread
                log.exception("PDF job failed: %r", job)
        for doc in self.docs.values():
            doc.close()
        self.docs.clear()

    def handle(self, job: Job) -> None:
        if isinstance(job, RenderJob):
            self.render(job)
        elif isinstance(job, OpenJob):
            self.open(job)
        elif isinstance(job, SearchJob):
            self.search(job)
        elif isinstance(job, CloseJob):
            doc = self.docs.pop(job.doc, None)
            if doc is not None:
                doc.close()
            self.page_texts = {k: v for k, v in self.page_texts.items() if k[0] != job.doc}
        elif isinstance(job, ShrinkStoreJob):
            pymupdf.TOOLS.store_shrink(100)

    def open(self, job: OpenJob) -> None:
        try:
            doc = open_document(job.path, job.password)
            info = describe(job.doc, job.path, doc)
        except PdfError as error:
            self.post(OpenFailed(job.doc, error))
        except Exception as error:
            log.exception("opening %s", job.path)
            self.post(OpenFailed(job.doc, PdfError("internal", f"The document cannot be opened: {error}")))
        else:
            self.docs[job.doc] = doc
            self.post(Opened(info))

    def render(self, job: RenderJob) -> None:
        doc = self.docs.get(job.doc)
        if doc is None:
            self.post(RenderFailed(job, "The document is not open."))
            return
        if not 0 <= job.page < doc.page_count:
            self.post(RenderFailed(job, f"There is no page {job.page + 1}."))
            return
        started = time.perf_counter()
        try:
            image = render_page(doc.load_page(job.page), job.scale_key / 1000)
        except Exception as error:
            self.post(RenderFailed(job, f"Page {job.page + 1} cannot be displayed: {error}"))
            return
        self.post(Rendered(job, image, (time.perf_counter() - started) * 1000))

    def search(self, job: SearchJob) -> None:
        doc = self.docs.get(job.doc)
        if doc is None or job.cancelled.is_set():
            return
        query, ignore_marks = text_search.fold_query(job.query)
        deadline = time.perf_counter() + SEARCH_SLICE_S
        hits: list[SearchHit] = []
        while job.next_page < doc.page_count and not job.cancelled.is_set():
            hits.extend(self._search_page(doc, job.doc, job.next_page, query, ignore_marks))
            job.next_page += 1
            if time.perf_counter() > deadline:
                break
        if job.cancelled.is_set():
            return
        job.total_hits += len(hits)
        finished = job.next_page >= doc.page_count
        self.post(SearchProgress(job.search_id, hits, job.next_page, finished, job.total_hits))
        if not finished:
            self.queue.put(job, Priority.SEARCH)

    def _search_page(self, doc: pymupdf.Document, key: int, number: int, query: str,
                     ignore_marks: bool) -> list[SearchHit]:
        known = self.page_texts.get((key, number))
        if not query or (known is not None and not text_search.contains(known, query, ignore_marks)):
            return []
        try:
            page = doc.load_page(number)
            page_text = text_search.read_page(page)
        except Exception:
            log.warning("cannot read the text of page %d", number + 1, exc_info=True)
            return []
        self.page_texts[(key, number)] = page_text.text
        # Characters come in unrotated page space; the image is of the rotated page.
        rotation = page.rotation_matrix
        found = []
        for boxes in text_search.find(page_text, query, ignore_marks):
            rects = []
            for box in boxes:
                r = pymupdf.Rect(box) * rotation
                rects.append(QRectF(r.x0, r.y0, r.width, r.height))
            found.append(SearchHit(number, tuple(rects)))
        return found
